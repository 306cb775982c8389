-- Who sent each message: the authentication report of package auth (SPF, DKIM, DMARC
-- evaluated here, or a trusted receiving server's results), kept with the domain the
-- message is authenticated as ('' when none).
CREATE TABLE message_auth (
	message     INTEGER PRIMARY KEY REFERENCES messages(id),
	report      TEXT    NOT NULL,   -- auth.Report as JSON
	verified_as TEXT    NOT NULL DEFAULT '',
	checked_at  TEXT    NOT NULL
);

-- Notices to liaison managers about queued statements: one row per statement and kind
-- ('queued', 'escalated'), so that no notice is ever planned twice.
CREATE TABLE review_notices (
	statement INTEGER NOT NULL REFERENCES statements(id),
	kind      TEXT    NOT NULL,
	planned_at TEXT   NOT NULL,
	PRIMARY KEY (statement, kind)
) WITHOUT ROWID;
-- Statements already queued before notices existed are not announced by an upgrade.
INSERT INTO review_notices (statement, kind, planned_at)
	SELECT id, 'queued', updated_at FROM statements WHERE state = 'queued';
INSERT INTO review_notices (statement, kind, planned_at)
	SELECT id, 'escalated', updated_at FROM statements WHERE state = 'queued';
