-- Intake commits only the raw bytes and the envelope; the duplicate link, the job and
-- the "received" or "duplicate" event are written by a second transaction right after
-- (store/index.go). intake_cursor says how far that indexing has got, so that after a
-- crash it resumes there.
CREATE TABLE intake_cursor (
	id              INTEGER PRIMARY KEY CHECK (id = 1),
	indexed_through INTEGER NOT NULL  -- every message with a smaller or equal id is indexed
);
INSERT INTO intake_cursor (id, indexed_through) VALUES (1, COALESCE((SELECT MAX(id) FROM messages), 0));

-- The digests of indexed originals, for finding duplicates. Kept apart from messages so
-- that the commit a sender waits for does not update a b-tree keyed by a random hash.
CREATE TABLE digests (
	message    INTEGER PRIMARY KEY REFERENCES messages(id),
	sha256     TEXT    NOT NULL,
	message_id TEXT    NOT NULL
);
INSERT INTO digests (message, sha256, message_id)
	SELECT id, sha256, message_id FROM messages WHERE duplicate_of IS NULL;
CREATE INDEX digests_sha256 ON digests(sha256);
DROP INDEX messages_sha256;
