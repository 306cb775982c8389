// Package mail owns everything that speaks Internet mail: the SMTP/LMTP server session,
// the IMAP poller, mbox/Maildir/file import into the spool, composing the messages
// liaisond sends (forwards, notices, reminders, outgoing statements), and the outbound
// SMTP relay client. Parsing a message is package message.
//
// It must not decide what a message means (that is classify) nor how it is stored (that is
// store): sessions hand the spooled raw bytes to an Ingester and answer the client only
// after the Ingester says the bytes are durable.
package mail
