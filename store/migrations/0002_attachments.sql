-- Files, stored once by content: attachment originals and the PDFs derived from them.
CREATE TABLE blobs (
	id     INTEGER PRIMARY KEY,
	sha256 TEXT    NOT NULL UNIQUE,
	size   INTEGER NOT NULL,
	data   BLOB    NOT NULL
);

-- The attachments of a message, in MIME-tree order, with their text and their PDF. All of
-- it is derived from the raw message and rebuilt by reprocessing; a PDF already made for
-- the same bytes is kept.
CREATE TABLE attachments (
	id               INTEGER PRIMARY KEY,
	message          INTEGER NOT NULL REFERENCES messages(id),
	seq              INTEGER NOT NULL,
	mime_path        TEXT    NOT NULL DEFAULT '',
	filename         TEXT    NOT NULL DEFAULT '',
	declared_type    TEXT    NOT NULL DEFAULT '',
	detected_type    TEXT    NOT NULL DEFAULT '',
	kind             TEXT    NOT NULL DEFAULT '',   -- reader used: pdf, docx, rtf, ...
	size             INTEGER NOT NULL,
	sha256           TEXT    NOT NULL REFERENCES blobs(sha256),
	text             TEXT    NOT NULL DEFAULT '',
	text_error       TEXT    NOT NULL DEFAULT '',
	pdf_sha256       TEXT    REFERENCES blobs(sha256),
	pdf_state        TEXT    NOT NULL DEFAULT 'none' CHECK (pdf_state IN ('none', 'pending', 'done', 'failed')),
	pdf_attempts     INTEGER NOT NULL DEFAULT 0,
	pdf_next_attempt TEXT    NOT NULL DEFAULT '',
	pdf_error        TEXT    NOT NULL DEFAULT '',
	UNIQUE (message, seq)
);
CREATE INDEX attachments_pdf_due ON attachments(pdf_state, pdf_next_attempt);
CREATE INDEX attachments_sha256 ON attachments(sha256);
