// Package store owns the SQLite database of liaisond: the schema and its embedded
// migrations, raw messages (byte-exact, in chunks), envelopes, processing jobs, IMAP
// positions and the record log (events).
//
// Durability is its contract: Ingest returns only after the raw bytes and the envelope
// are committed with synchronous=FULL, and concurrent Ingest calls share one commit
// (group commit). Indexing (the duplicate link, the job and the "received" or "duplicate"
// event) follows in its own transaction and resumes after a crash, so nothing committed
// is ever left without its job. It must not parse mail, speak protocols or decide
// anything about a message's meaning.
package store
