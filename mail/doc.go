// Package mail owns everything that speaks or reads Internet mail: the SMTP/LMTP server
// session, the IMAP poller, mbox/Maildir/file import, MIME parsing of a raw message into a
// Message (decoded text bodies, attachments, nested and inline-forwarded messages), and the
// outbound SMTP client for forwards.
//
// It must not decide what a message means (that is classify) nor how it is stored (that is
// store): sessions hand the spooled raw bytes to an Ingester and answer the client only
// after the Ingester says the bytes are durable.
package mail
