package testutil

import (
	"database/sql"
	"path/filepath"
	"testing"

	_ "modernc.org/sqlite" // the "sqlite" driver
)

// SQLiteFullError returns the error SQLite gives when its file cannot grow (SQLITE_FULL,
// "database or disk is full"), produced for real on a scratch database capped at a few
// pages, so that tests of the full-disk paths need neither root nor a tmpfs.
func SQLiteFullError(t testing.TB) error {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "full.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // max_page_count is per connection
	for _, q := range []string{"CREATE TABLE t (b BLOB)", "PRAGMA max_page_count = 4"} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	_, err = db.Exec("INSERT INTO t VALUES (zeroblob(1 << 20))")
	if err == nil {
		t.Fatal("a 1 MiB row fitted in a database of 4 pages")
	}
	return err
}
