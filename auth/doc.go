// Package auth owns sender authentication of one received message: SPF (RFC 7208), DKIM
// (RFC 6376, RSA and Ed25519 per RFC 8463) and DMARC (RFC 7489) evaluated from the recorded
// envelope and raw bytes, the reading of Authentication-Results fields (RFC 8601) written by
// a receiving server the configuration trusts, and the one rule that says whether a message
// is authenticated as a domain.
//
// It reads bytes and asks DNS, within explicit limits (a timeout per check, SPF's ten
// lookups, a number of signatures); it must not touch storage, the directory or the
// network beyond DNS, and it never decides what to publish: callers weigh its Report.
package auth
