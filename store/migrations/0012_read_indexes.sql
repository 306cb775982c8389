-- What the public pages read, found through indexes or kept summaries instead of scans
-- (issue 18: a statement page scanned statements and events; the list pages recomputed
-- their filter choices over every statement).

-- A statement page: the replies to a statement, and the history of its message and of
-- the statement itself.
CREATE INDEX statements_replies ON statements(replies_to, received_at) WHERE replies_to IS NOT NULL;
CREATE INDEX events_message ON events(message) WHERE message IS NOT NULL;
CREATE INDEX events_statement ON events(statement) WHERE statement IS NOT NULL;

-- The list sorted by deadline (soonest first, none last), walked in order.
CREATE INDEX statements_deadline_order ON statements(state, deadline = '', deadline, id DESC);

-- The sending (side 'from') and receiving ('to') bodies of each statement, one row per
-- body, with copies of the columns the lists filter and sort by, so that a list for one
-- body walks an index in order. Kept by the triggers below; nothing else writes it.
CREATE TABLE statement_bodies (
	side        TEXT    NOT NULL CHECK (side IN ('from', 'to')),
	body        TEXT    NOT NULL,
	statement   INTEGER NOT NULL,
	list_state  TEXT    NOT NULL,  -- statements.state
	list_time   TEXT    NOT NULL,  -- statements.received_at
	list_due    TEXT    NOT NULL,  -- statements.deadline
	PRIMARY KEY (side, body, statement)
) WITHOUT ROWID;
CREATE INDEX statement_bodies_time ON statement_bodies(side, body, list_state, list_time, statement);
CREATE INDEX statement_bodies_due ON statement_bodies(side, body, list_state, list_due = '', list_due, statement DESC);
CREATE INDEX statement_bodies_statement ON statement_bodies(statement);

-- The filter choices of the lists: how many statements in each state name a body as
-- sender or receiver, or were received in a year. Rows at zero are removed, so that a
-- list offers only choices that select something.
CREATE TABLE statement_facets (
	state      TEXT    NOT NULL,
	kind       TEXT    NOT NULL CHECK (kind IN ('from', 'to', 'year')),
	value      TEXT    NOT NULL,
	statements INTEGER NOT NULL,
	PRIMARY KEY (state, kind, value)
) WITHOUT ROWID;

CREATE TRIGGER statement_bodies_insert AFTER INSERT ON statements BEGIN
	INSERT OR IGNORE INTO statement_bodies (side, body, statement, list_state, list_time, list_due)
		SELECT 'from', value, new.id, new.state, new.received_at, new.deadline FROM json_each(new.from_bodies) WHERE type = 'text'
		UNION ALL
		SELECT 'to', value, new.id, new.state, new.received_at, new.deadline FROM json_each(new.to_bodies) WHERE type = 'text';
	INSERT INTO statement_facets (state, kind, value, statements) VALUES (new.state, 'year', substr(new.received_at, 1, 4), 1)
		ON CONFLICT DO UPDATE SET statements = statements + 1;
END;

CREATE TRIGGER statement_bodies_update AFTER UPDATE OF state, from_bodies, to_bodies, received_at, deadline ON statements
	WHEN old.state IS NOT new.state OR old.from_bodies IS NOT new.from_bodies OR old.to_bodies IS NOT new.to_bodies
		OR old.received_at IS NOT new.received_at OR old.deadline IS NOT new.deadline BEGIN
	DELETE FROM statement_bodies WHERE statement = old.id;
	INSERT OR IGNORE INTO statement_bodies (side, body, statement, list_state, list_time, list_due)
		SELECT 'from', value, new.id, new.state, new.received_at, new.deadline FROM json_each(new.from_bodies) WHERE type = 'text'
		UNION ALL
		SELECT 'to', value, new.id, new.state, new.received_at, new.deadline FROM json_each(new.to_bodies) WHERE type = 'text';
	UPDATE statement_facets SET statements = statements - 1
		WHERE state = old.state AND kind = 'year' AND value = substr(old.received_at, 1, 4);
	INSERT INTO statement_facets (state, kind, value, statements) VALUES (new.state, 'year', substr(new.received_at, 1, 4), 1)
		ON CONFLICT DO UPDATE SET statements = statements + 1;
	DELETE FROM statement_facets WHERE state = old.state AND kind = 'year' AND statements <= 0;
END;

CREATE TRIGGER statement_bodies_delete AFTER DELETE ON statements BEGIN
	DELETE FROM statement_bodies WHERE statement = old.id;
	UPDATE statement_facets SET statements = statements - 1
		WHERE state = old.state AND kind = 'year' AND value = substr(old.received_at, 1, 4);
	DELETE FROM statement_facets WHERE state = old.state AND kind = 'year' AND statements <= 0;
END;

CREATE TRIGGER statement_facets_body_insert AFTER INSERT ON statement_bodies BEGIN
	INSERT INTO statement_facets (state, kind, value, statements) VALUES (new.list_state, new.side, new.body, 1)
		ON CONFLICT DO UPDATE SET statements = statements + 1;
END;

CREATE TRIGGER statement_facets_body_delete AFTER DELETE ON statement_bodies BEGIN
	UPDATE statement_facets SET statements = statements - 1
		WHERE state = old.list_state AND kind = old.side AND value = old.body;
	DELETE FROM statement_facets
		WHERE state = old.list_state AND kind = old.side AND value = old.body AND statements <= 0;
END;

-- The statements recorded so far (the body triggers count their facets).
INSERT OR IGNORE INTO statement_bodies (side, body, statement, list_state, list_time, list_due)
	SELECT 'from', j.value, s.id, s.state, s.received_at, s.deadline FROM statements s, json_each(s.from_bodies) j
		WHERE j.type = 'text'
	UNION ALL
	SELECT 'to', j.value, s.id, s.state, s.received_at, s.deadline FROM statements s, json_each(s.to_bodies) j
		WHERE j.type = 'text';
INSERT INTO statement_facets (state, kind, value, statements)
	SELECT state, 'year', substr(received_at, 1, 4), COUNT(*) FROM statements GROUP BY 1, 3;

-- The titles alone, in their own full-text index: search lists statements with every
-- word in the title first, and looking that up in the index of all the text would read
-- every statement with those words anywhere. Its content is statements.title.
CREATE VIRTUAL TABLE statement_titles_fts USING fts5(title, content = 'statements', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO statement_titles_fts (statement_titles_fts) VALUES ('rebuild');

CREATE TRIGGER statement_titles_insert AFTER INSERT ON statements BEGIN
	INSERT INTO statement_titles_fts (rowid, title) VALUES (new.id, new.title);
END;

CREATE TRIGGER statement_titles_update AFTER UPDATE OF title ON statements WHEN old.title IS NOT new.title BEGIN
	INSERT INTO statement_titles_fts (statement_titles_fts, rowid, title) VALUES ('delete', old.id, old.title);
	INSERT INTO statement_titles_fts (rowid, title) VALUES (new.id, new.title);
END;

CREATE TRIGGER statement_titles_delete AFTER DELETE ON statements BEGIN
	INSERT INTO statement_titles_fts (statement_titles_fts, rowid, title) VALUES ('delete', old.id, old.title);
END;
