-- Distribution of posted statements: what was planned for each statement, the messages
-- waiting to go out, and the deadline reminders already planned.

-- distributed: 0 = to plan (the distributor takes posted statements in this state),
-- 1 = planned (its outbox rows exist), 2 = held (nothing could be sent safely; waits for
-- a manager, reason in distribution_hold).
ALTER TABLE statements ADD COLUMN distributed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE statements ADD COLUMN distribution_hold TEXT NOT NULL DEFAULT '';
-- Statements posted before distribution existed are not mailed out by an upgrade.
UPDATE statements SET distributed = 1 WHERE state = 'posted';
CREATE INDEX statements_distribution ON statements(state, distributed);

-- One outgoing message per row: a forward, a notice or a reminder to one destination from
-- the configuration. The message itself is composed at each attempt from the statement;
-- message_id is stable per (statement, kind, slot, destination), so a resend after a crash
-- is recognisable. next_attempt is moved forward before each try (as for jobs).
CREATE TABLE outbox (
	id           INTEGER PRIMARY KEY,
	statement    INTEGER NOT NULL REFERENCES statements(id),
	kind         TEXT    NOT NULL CHECK (kind IN ('forward', 'notice', 'reminder')),
	slot         TEXT    NOT NULL DEFAULT '',     -- reminders: deadline and offset; otherwise ''
	destination  TEXT    NOT NULL,                -- one address, lower case
	message_id   TEXT    NOT NULL UNIQUE,         -- with angle brackets
	detail       TEXT    NOT NULL DEFAULT '{}',   -- JSON: why this destination (group, case, ...)
	state        TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed', 'cancelled')),
	attempts     INTEGER NOT NULL DEFAULT 0,
	next_attempt TEXT    NOT NULL,
	last_error   TEXT    NOT NULL DEFAULT '',
	created_at   TEXT    NOT NULL,                -- also the Date of the message
	since        TEXT    NOT NULL,                -- start of the current delivery effort
	sent_at      TEXT    NOT NULL DEFAULT '',
	UNIQUE (statement, kind, slot, destination)
);
CREATE INDEX outbox_due ON outbox(state, next_attempt);
CREATE INDEX outbox_sent ON outbox(destination, sent_at);

-- Deadline reminders planned, one row per (statement, deadline, offset): the primary key
-- is what makes a reminder never go out twice, across restarts and a changed deadline.
CREATE TABLE reminders (
	statement    INTEGER NOT NULL REFERENCES statements(id),
	deadline     TEXT    NOT NULL,                -- YYYY-MM-DD the offset is counted from
	offset_days  INTEGER NOT NULL,                -- negative: before the deadline
	destinations INTEGER NOT NULL,                -- outbox rows made (0: no group to remind)
	created_at   TEXT    NOT NULL,
	PRIMARY KEY (statement, deadline, offset_days)
) WITHOUT ROWID;
