-- The keys by which a later reply finds a statement: its Message-ID, its own document
-- numbers and its normalised title (classify.SelfKeys).
CREATE TABLE statement_keys (
	key       TEXT    NOT NULL,
	statement INTEGER NOT NULL REFERENCES statements(id),
	PRIMARY KEY (key, statement)
) WITHOUT ROWID;
CREATE INDEX statement_keys_statement ON statement_keys(statement);
