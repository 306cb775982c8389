-- Raw messages as received. The bytes live in raw_chunks; a duplicate (same Message-ID
-- and same content hash as an earlier message) keeps its own envelope row but no bytes,
-- and points at the original through duplicate_of.
CREATE TABLE messages (
	id           INTEGER PRIMARY KEY,
	message_id   TEXT    NOT NULL,              -- Message-ID header with angle brackets, '' if none
	sha256       TEXT    NOT NULL,              -- hex digest of the raw bytes
	size         INTEGER NOT NULL,
	source       TEXT    NOT NULL CHECK (source IN ('smtp', 'lmtp', 'imap', 'file')),
	remote_addr  TEXT    NOT NULL DEFAULT '',
	helo         TEXT    NOT NULL DEFAULT '',
	mail_from    TEXT    NOT NULL DEFAULT '',
	rcpt_to      TEXT    NOT NULL DEFAULT '[]', -- JSON array of envelope recipients
	origin       TEXT    NOT NULL DEFAULT '',   -- IMAP mailbox and UID, or file name
	received_at  TEXT    NOT NULL,              -- RFC 3339 UTC
	duplicate_of INTEGER REFERENCES messages(id)
);
CREATE INDEX messages_sha256 ON messages(sha256);
CREATE INDEX messages_received ON messages(received_at);

CREATE TABLE raw_chunks (
	message INTEGER NOT NULL REFERENCES messages(id),
	seq     INTEGER NOT NULL,
	data    BLOB    NOT NULL,
	PRIMARY KEY (message, seq)
) WITHOUT ROWID;

-- One processing job per recorded (non-duplicate) message. next_attempt is moved forward
-- before each try, so a crash during a try cannot cause a hot retry loop.
CREATE TABLE jobs (
	id           INTEGER PRIMARY KEY,
	message      INTEGER NOT NULL UNIQUE REFERENCES messages(id),
	state        TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'done', 'failed')),
	attempts     INTEGER NOT NULL DEFAULT 0,
	next_attempt TEXT    NOT NULL,
	last_error   TEXT    NOT NULL DEFAULT '',
	updated_at   TEXT    NOT NULL
);
CREATE INDEX jobs_due ON jobs(state, next_attempt);

-- The record log: every state change of a message or statement.
CREATE TABLE events (
	id        INTEGER PRIMARY KEY,
	time      TEXT    NOT NULL,
	type      TEXT    NOT NULL,
	message   INTEGER,
	statement INTEGER,
	actor     TEXT    NOT NULL DEFAULT '',
	detail    TEXT    NOT NULL DEFAULT '{}'     -- JSON object
);
CREATE INDEX events_time ON events(time);

-- Where each polled IMAP mailbox stands.
CREATE TABLE imap_state (
	mailbox      TEXT    PRIMARY KEY,           -- user@host:port/mailbox
	uid_validity INTEGER NOT NULL,
	last_uid     INTEGER NOT NULL,
	updated_at   TEXT    NOT NULL
);
