-- Approvers of an outgoing statement are mailed a link when it is submitted, through the
-- durable outbox. Such a mail is about an outgoing statement that has no statement yet
-- (it is a draft until sent), so the outbox is rebuilt: statement may be NULL when the
-- new column outgoing names the outgoing statement instead (exactly one of them is set),
-- and kind 'approval' is allowed. Rows and their ids are kept as they are.
CREATE TABLE outbox_new (
	id           INTEGER PRIMARY KEY,
	statement    INTEGER REFERENCES statements(id),
	outgoing     INTEGER REFERENCES outgoing(id),   -- approval requests: the statement waiting
	kind         TEXT    NOT NULL CHECK (kind IN ('forward', 'notice', 'reminder', 'approval')),
	slot         TEXT    NOT NULL DEFAULT '',       -- reminders: deadline and offset; approvals: the submission
	destination  TEXT    NOT NULL,
	message_id   TEXT    NOT NULL UNIQUE,
	detail       TEXT    NOT NULL DEFAULT '{}',
	state        TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed', 'cancelled')),
	attempts     INTEGER NOT NULL DEFAULT 0,
	next_attempt TEXT    NOT NULL,
	last_error   TEXT    NOT NULL DEFAULT '',
	created_at   TEXT    NOT NULL,
	since        TEXT    NOT NULL,
	sent_at      TEXT    NOT NULL DEFAULT '',
	CHECK ((statement IS NULL) <> (outgoing IS NULL)),
	CHECK ((kind = 'approval') = (outgoing IS NOT NULL)),
	UNIQUE (statement, kind, slot, destination),
	UNIQUE (outgoing, kind, slot, destination)
);
INSERT INTO outbox_new (id, statement, kind, slot, destination, message_id, detail, state, attempts, next_attempt,
	last_error, created_at, since, sent_at)
	SELECT id, statement, kind, slot, destination, message_id, detail, state, attempts, next_attempt,
	last_error, created_at, since, sent_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_due ON outbox(state, next_attempt);
CREATE INDEX outbox_sent ON outbox(destination, sent_at);
