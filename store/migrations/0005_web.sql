-- Liaison-manager logins and their sessions, and the full-text index of the public record.

CREATE TABLE users (
	id            INTEGER PRIMARY KEY,
	name          TEXT    NOT NULL UNIQUE COLLATE NOCASE,
	password_hash TEXT    NOT NULL,                 -- bcrypt
	created_at    TEXT    NOT NULL,
	disabled      INTEGER NOT NULL DEFAULT 0
);

-- A session is known by the SHA-256 of its cookie value, so a copy of the database does
-- not hand out logins. csrf is the per-session token every form must carry.
CREATE TABLE sessions (
	token_hash TEXT    PRIMARY KEY,
	user       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	csrf       TEXT    NOT NULL,
	created_at TEXT    NOT NULL,
	expires_at TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_expiry ON sessions(expires_at);

-- One row per statement (rowid = statements.id). The title and the attachment text follow
-- the statements and attachments tables through the triggers below; the body text is only
-- known after parsing, so the pipeline sets it with DB.IndexStatement.
CREATE VIRTUAL TABLE statements_fts USING fts5(title, body, attachments, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
	INSERT INTO statements_fts (rowid, title, body, attachments) VALUES (new.id, new.title, '',
		COALESCE((SELECT group_concat(text, char(10)) FROM attachments WHERE message = new.message), ''));
END;

CREATE TRIGGER statements_fts_title AFTER UPDATE OF title ON statements BEGIN
	UPDATE statements_fts SET title = new.title WHERE rowid = new.id;
END;

CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
	DELETE FROM statements_fts WHERE rowid = old.id;
END;

-- Attachment text changes when a message is reprocessed or its PDF conversion yields the
-- text (legacy .doc).
CREATE TRIGGER attachments_fts_insert AFTER INSERT ON attachments BEGIN
	UPDATE statements_fts SET attachments = COALESCE((SELECT group_concat(text, char(10)) FROM attachments
		WHERE message = new.message), '') WHERE rowid = (SELECT id FROM statements WHERE message = new.message);
END;

CREATE TRIGGER attachments_fts_update AFTER UPDATE OF text ON attachments BEGIN
	UPDATE statements_fts SET attachments = COALESCE((SELECT group_concat(text, char(10)) FROM attachments
		WHERE message = new.message), '') WHERE rowid = (SELECT id FROM statements WHERE message = new.message);
END;

CREATE TRIGGER attachments_fts_delete AFTER DELETE ON attachments BEGIN
	UPDATE statements_fts SET attachments = COALESCE((SELECT group_concat(text, char(10)) FROM attachments
		WHERE message = old.message), '') WHERE rowid = (SELECT id FROM statements WHERE message = old.message);
END;
