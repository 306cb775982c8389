-- Raw chunks move from a WITHOUT ROWID table keyed (message, seq) to a rowid table. SQLite
-- keeps only about 1 KB of a row in an index b-tree page and rebalances on every append,
-- so each 4 KB chunk cost an overflow page, a share of a leaf split and their CPU inside
-- the commit a sender waits for; appending to a rowid table is SQLite's cheapest insert.
-- The rowid is message * 2^20 + seq: a message's chunks are one key range, found without
-- a second index.
CREATE TABLE raw_chunks_new (
	id      INTEGER PRIMARY KEY,                     -- message * 1048576 + seq
	message INTEGER NOT NULL REFERENCES messages(id),
	data    BLOB    NOT NULL
);
INSERT INTO raw_chunks_new (id, message, data)
	SELECT message * 1048576 + seq, message, data FROM raw_chunks ORDER BY message, seq;
DROP TABLE raw_chunks;
ALTER TABLE raw_chunks_new RENAME TO raw_chunks;
