// Package teststore gives tests a real store: a SQLite file in the test's temporary
// folder (or at a path the test names, such as a daemon's data folder), closed when the
// test ends, and the reads tests share. It is apart from testutil because it imports
// store, whose own tests use testutil. It must not be imported by non-test code.
package teststore

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/liaisond/liaisond/store"
)

// Open opens a fresh store in a temporary folder; it is closed when the test ends.
func Open(t testing.TB, opts store.Options) *store.DB {
	t.Helper()
	return OpenAt(t, filepath.Join(t.TempDir(), "liaisond.db"), opts)
}

// OpenAt opens the store at path (created if need be); it is closed when the test ends,
// and may be closed before (Close is idempotent) to hand the file to a daemon or a
// command.
func OpenAt(t testing.TB, path string, opts store.Options) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), path, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// StatementEvents returns the record-log events about a statement by type (the last of
// each type).
func StatementEvents(t testing.TB, db *store.DB, statement int64) map[string]store.Event {
	t.Helper()
	evs, err := db.Events(context.Background(), store.EventFilter{Limit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]store.Event{}
	for _, e := range evs {
		if e.Statement == statement {
			out[e.Type] = e
		}
	}
	return out
}
