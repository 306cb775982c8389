-- The same mail reaching us by two routes (SMTP and IMAP, two intake addresses, a list
-- copy, a resend) differs in its trace fields, so its bytes differ. Processing records
-- the hash of what the message says (mail.ContentHash) beside its digest; a message
-- with a Message-ID already recorded and the same content hash is linked to that one as
-- a duplicate (its own bytes kept), and never posted or forwarded again. Only originals
-- carry a content hash; a duplicate's digest stays, so that an exact copy of its bytes
-- is still linked to it at intake. The index is partial: most lookups are by a
-- Message-ID, and a message without one is never compared.
ALTER TABLE digests ADD COLUMN content_sha256 TEXT;
CREATE INDEX digests_message_id ON digests(message_id, content_sha256) WHERE message_id != '';
