-- One statement record per processed (non-duplicate) message: what the extractor found,
-- the state of its review, and its place in the public record. Non-statements (spam,
-- receipts, bounces) get a record too, in state 'rejected', visible to managers only.
CREATE TABLE statements (
	id             INTEGER PRIMARY KEY,
	message        INTEGER NOT NULL UNIQUE REFERENCES messages(id),
	state          TEXT    NOT NULL CHECK (state IN ('queued', 'posted', 'rejected', 'failed')),
	review_reasons TEXT    NOT NULL DEFAULT '[]',  -- JSON array: why it waits for a manager
	is_liaison     INTEGER NOT NULL,
	confidence     REAL    NOT NULL,
	title          TEXT    NOT NULL DEFAULT '',
	purpose        TEXT    NOT NULL DEFAULT '',
	deadline       TEXT    NOT NULL DEFAULT '',     -- YYYY-MM-DD or ''
	from_bodies    TEXT    NOT NULL DEFAULT '[]',   -- JSON array, for filters
	to_bodies      TEXT    NOT NULL DEFAULT '[]',
	fields         TEXT    NOT NULL,                -- the contract fields (JSON object), as edited
	evidence       TEXT    NOT NULL DEFAULT '{}',   -- per-field evidence (JSON object)
	edited         TEXT    NOT NULL DEFAULT '[]',   -- fields a manager set; reprocessing keeps them
	replies_to     INTEGER REFERENCES statements(id),
	action_taken   INTEGER NOT NULL DEFAULT 0,
	received_at    TEXT    NOT NULL,
	posted_at      TEXT    NOT NULL DEFAULT '',
	updated_at     TEXT    NOT NULL
);
CREATE INDEX statements_state ON statements(state, received_at);
CREATE INDEX statements_deadline ON statements(deadline);
