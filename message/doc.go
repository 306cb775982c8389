// Package message owns the parsed form of one Internet message and the parser that builds
// it: MIME structure, decoded text bodies in UTF-8 (charset labels, guessed charsets,
// format=flowed), attachments (TNEF winmail.dat and zip archives opened into their
// members), nested message/rfc822 parts and inline-forwarded originals, quoted-line
// removal, the content hash, Message-ID normalisation and the loop header that marks our
// own mail. Every step is bounded by ParseLimits and records what it could not read as
// Issues instead of failing.
//
// It is a leaf: it must not speak SMTP or IMAP, touch storage, read the configuration, or
// decide what a message means (that is classify). Servers, import and composing outgoing
// mail are package mail; extraction, the review queue and the web's mail view read
// messages through this package only.
package message
