// Package store owns the SQLite database of liaisond: the schema and its embedded
// migrations, raw messages (byte-exact, in chunks), envelopes, processing jobs, IMAP
// positions and the record log (events).
//
// Durability is its contract: Ingest returns only after the raw bytes, the envelope, the
// job and the "received" event are committed with synchronous=FULL, and concurrent
// Ingest calls share one commit (group commit). It must not parse mail, speak protocols
// or decide anything about a message's meaning.
package store
