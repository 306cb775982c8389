-- Statements sent from the IETF, from draft to sent. Once approved, the mail is composed
-- and recorded as a received message of source 'outgoing' (its raw bytes kept as for any
-- other), and its statement is recorded with direction 'outgoing'.
ALTER TABLE statements ADD COLUMN direction TEXT NOT NULL DEFAULT 'incoming' CHECK (direction IN ('incoming', 'outgoing'));
CREATE INDEX statements_direction ON statements(direction, state, received_at);

CREATE TABLE outgoing (
	id             INTEGER PRIMARY KEY,
	author         TEXT    NOT NULL,               -- the composer's address
	state          TEXT    NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'approved', 'sent')),
	from_groups    TEXT    NOT NULL DEFAULT '[]',  -- JSON: speakers (groups, areas, IETF, IESG, IAB)
	to_bodies      TEXT    NOT NULL DEFAULT '[]',  -- JSON: [[sdo]] names
	cc             TEXT    NOT NULL DEFAULT '[]',  -- JSON: further directory addresses
	purpose        TEXT    NOT NULL,
	deadline       TEXT    NOT NULL DEFAULT '',
	title          TEXT    NOT NULL,
	body           TEXT    NOT NULL,
	in_response_to INTEGER REFERENCES statements(id),
	comment        TEXT    NOT NULL DEFAULT '',    -- the last approver's comment when sent back
	message        INTEGER REFERENCES messages(id), -- the mail, once recorded
	approved_at    TEXT    NOT NULL DEFAULT '',
	created_at     TEXT    NOT NULL,
	updated_at     TEXT    NOT NULL
);
CREATE INDEX outgoing_state ON outgoing(state, updated_at);

-- The files of an outgoing statement, in order; bytes in blobs.
CREATE TABLE outgoing_files (
	outgoing     INTEGER NOT NULL REFERENCES outgoing(id),
	seq          INTEGER NOT NULL,
	filename     TEXT    NOT NULL,
	content_type TEXT    NOT NULL,
	size         INTEGER NOT NULL,
	sha256       TEXT    NOT NULL REFERENCES blobs(sha256),
	PRIMARY KEY (outgoing, seq)
) WITHOUT ROWID;

-- One approval per speaker of the statement: it is approved when each has one.
CREATE TABLE outgoing_approvals (
	outgoing INTEGER NOT NULL REFERENCES outgoing(id),
	speaker  TEXT    NOT NULL,
	approver TEXT    NOT NULL,
	at       TEXT    NOT NULL,
	PRIMARY KEY (outgoing, speaker)
) WITHOUT ROWID;
