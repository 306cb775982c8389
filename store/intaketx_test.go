package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/metrics"
	"testing"
	"time"

	sqlite "modernc.org/sqlite"
)

// TestSyncSetting: commits use fdatasync unless the configuration asks for fsync, and
// any other value is refused.
func TestSyncSetting(t *testing.T) {
	if _, err := sqlite.Fdatasync(false); errors.Is(err, sqlite.ErrFdatasyncUnavailable) {
		t.Skip("the driver has no fdatasync switch on this system")
	}
	t.Cleanup(func() { useSync(SyncFdatasync) })
	dir := t.TempDir()
	for _, tc := range []struct {
		sync string
		want bool
	}{{"", true}, {SyncFsync, false}, {SyncFdatasync, true}} {
		db, err := Open(context.Background(), filepath.Join(dir, "s.db"), Options{Tuning: Tuning{Sync: tc.sync}})
		if err != nil {
			t.Fatal(err)
		}
		if got := sqlite.FdatasyncEnabled(); got != tc.want {
			t.Errorf("sync %q: fdatasync enabled %v, want %v", tc.sync, got, tc.want)
		}
		db.Close()
	}
	if _, err := Open(context.Background(), filepath.Join(dir, "s.db"), Options{Tuning: Tuning{Sync: "none"}}); err == nil {
		t.Error(`sync "none" was accepted`)
	}
}

// failingReader fails after its first n bytes, as a spool file that cannot be read.
type failingReader struct{ n int64 }

func (f failingReader) ReadAt(p []byte, off int64) (int, error) {
	if off+int64(len(p)) > f.n {
		return 0, errors.New("read error")
	}
	clear(p)
	return len(p), nil
}

// TestIntakeCommitRollsBack: a message that cannot be read to the end leaves no row,
// alone or in a group commit, and the writer goes on recording; closing the database
// finalizes the intake statements, so the last close removes the log.
func TestIntakeCommitRollsBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.db")
	ctx := context.Background()
	db, err := Open(ctx, path, Options{Tuning: Tuning{ChunkBytes: 4096}})
	if err != nil {
		t.Fatal(err)
	}
	broken := RawMessage{R: failingReader{n: 4096}, Size: 3 * 4096, SHA256: "x"}
	for i, env := range []Envelope{
		{Source: SourceSMTP, AnswerAtCommit: true}, // committed by the sender's goroutine
		{Source: SourceSMTP},                       // by the batcher
	} {
		if _, err := db.Ingest(ctx, env, broken); err == nil {
			t.Fatalf("a message that cannot be read was recorded (%+v)", env)
		}
		res, err := db.Ingest(ctx, env, rawOf(fmt.Appendf(nil, "Subject: after %d\r\n\r\nbody\r\n", i), ""))
		if err != nil || res.ID == 0 {
			t.Fatalf("ingest after a failed commit: %+v, %v", res, err)
		}
	}
	var messages, chunks int
	db.w.QueryRow(`SELECT count(*) FROM messages`).Scan(&messages)
	db.w.QueryRow(`SELECT count(*) FROM raw_chunks`).Scan(&chunks)
	if messages != 2 || chunks != 2 {
		t.Errorf("%d messages and %d chunks recorded, want 2 and 2 (the failed ones rolled back)", messages, chunks)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the log is still there after the last close (%v): a connection was left open", err)
	}
}

// TestLoneCommitStartsNoGoroutine: a sender's own commit runs on the driver connection
// without a context to watch. Through a database/sql transaction a goroutine was started
// for each message, and woken, on the path of its 250.
func TestLoneCommitStartsNoGoroutine(t *testing.T) {
	db := openTest(t, Options{Tuning: Tuning{IndexLag: time.Hour, IndexIdle: time.Hour}})
	ctx := context.Background()
	created := func() uint64 {
		s := []metrics.Sample{{Name: "/sched/goroutines-created:goroutines"}}
		metrics.Read(s)
		return s[0].Value.Uint64()
	}
	const n = 200
	before := created()
	for i := range n {
		msg := fmt.Appendf(nil, "Subject: lone %d\r\n\r\nbody\r\n", i)
		if _, err := db.Ingest(ctx, Envelope{Source: SourceSMTP, AnswerAtCommit: true}, rawOf(msg, "")); err != nil {
			t.Fatal(err)
		}
	}
	if got := created() - before; got > n/10 {
		t.Errorf("%d goroutines started for %d lone messages, want almost none", got, n)
	}
}
