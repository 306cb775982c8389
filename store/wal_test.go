package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestWALStaysBounded: under a steady stream of commits with readers always about, the
// write-ahead log stays near Options.WALLimit, and once intake pauses it is cut back to
// a quarter of it at most. A passive checkpoint alone lets the log grow with everything
// written (issue 18: a 4.6 GB log beside a 305 MB database).
func TestWALStaysBounded(t *testing.T) {
	const limit = 4 << 20
	db := openTest(t, Options{WALLimit: limit})
	ctx := context.Background()
	var peak atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	// A reader that keeps coming back, as the pipeline and the web do.
	wg.Add(2)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			var n int
			db.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT id FROM raw_chunks ORDER BY id DESC LIMIT 100)`).Scan(&n)
		}
	}()
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
			if s := db.walSize(); s > peak.Load() {
				peak.Store(s)
			}
		}
	}()
	// Intake: 8 senders of 32 kB messages for 4 s (bounded by count too), 8 times the
	// limit or more.
	var senders sync.WaitGroup
	var sent atomic.Int64
	deadline := time.Now().Add(4 * time.Second)
	body := make([]byte, 32<<10)
	for c := range 8 {
		senders.Add(1)
		go func() {
			defer senders.Done()
			for i := 0; i < 2000 && time.Now().Before(deadline); i++ {
				b := append([]byte(fmt.Sprintf("%d-%d ", c, i)), body...)
				if _, err := db.Ingest(ctx, Envelope{Source: SourceSMTP}, rawOf(b, "")); err != nil {
					t.Error(err)
					return
				}
				sent.Add(int64(len(b)))
			}
		}()
	}
	senders.Wait()
	burstEnd := time.Now()
	var after int64
	for time.Since(burstEnd) < 5*time.Second {
		time.Sleep(100 * time.Millisecond)
		if after = db.walSize(); after <= limit/4 {
			break
		}
	}
	close(stop)
	wg.Wait()
	t.Logf("wrote %d MB; peak log %.1f MB (limit %d MB); %.1f MB %v after the burst",
		sent.Load()>>20, float64(peak.Load())/(1<<20), limit>>20, float64(after)/(1<<20), time.Since(burstEnd).Round(100*time.Millisecond))
	if sent.Load() < 4*limit {
		t.Skipf("only %d MB written: too slow a machine to tell", sent.Load()>>20)
	}
	// What is written between two looks (50 ms, more on a loaded machine) lands past
	// the limit before it is seen.
	if p := peak.Load(); p > 3*limit {
		t.Errorf("log grew to %.1f MB, limit %d MB", float64(p)/(1<<20), limit>>20)
	}
	if after > limit/4 {
		t.Errorf("log still %.1f MB 5 s after the burst, want at most %.1f MB", float64(after)/(1<<20), float64(limit/4)/(1<<20))
	}
}

// TestWALReusedByLoneSender: a lone sender's commits, one at a time, reuse the log file
// from its start once it holds a quarter of Options.WALLimit (the checkpointer restarts
// it), so the file stops growing near the quarter however much is written: its fsyncs
// are then overwrites, which do not wait for the file system's journal. Before, the file
// grew to the whole limit and was truncated to nothing, over and over.
func TestWALReusedByLoneSender(t *testing.T) {
	const limit = 16 << 20
	db := openTest(t, Options{WALLimit: limit})
	sent, written, peak := sendOneAtATime(t, db)
	t.Logf("wrote %d MB in %d messages one at a time; peak log file %.1f MB (quarter of the limit %.1f MB)",
		written>>20, sent, float64(peak)/(1<<20), float64(limit/4)/(1<<20))
	if written < 2*limit {
		t.Skipf("only %d MB written: too slow a machine to tell", written>>20)
	}
	// What one 50 ms tick lets through lands past the quarter before it is seen.
	if peak > limit/2 {
		t.Errorf("log file grew to %.1f MB; want it reused from its start near %.1f MB", float64(peak)/(1<<20), float64(limit/4)/(1<<20))
	}
}

// TestWALWatchKeepsLocks: watching the log must not release this process's SQLite locks.
// They are POSIX locks, which the kernel drops when the process closes any descriptor of
// the file; a watcher that opened and closed the -shm file let another process (the CLI,
// a backup) restart the log under a reader of the daemon, and the daemon then read pages
// overwritten by the other process's commits: "database disk image is malformed".
func TestWALWatchKeepsLocks(t *testing.T) {
	if path := os.Getenv("LIAISOND_STORE_RESTARTER"); path != "" {
		restartFromOtherProcess(path)
		return
	}
	db := openTest(t, Options{})
	ctx := context.Background()
	for i := range 20 {
		if _, err := db.Ingest(ctx, Envelope{Source: SourceSMTP}, rawOf([]byte("Subject: s\r\n\r\nbody\r\n"), fmt.Sprintf("<%d@example.org>", i))); err != nil {
			t.Fatal(err)
		}
	}
	// A reader in the middle of a transaction: its snapshot holds frames of the log.
	tx, err := db.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM messages").Scan(&n); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		db.walFill()
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestWALWatchKeepsLocks$")
	cmd.Env = append(os.Environ(), "LIAISOND_STORE_RESTARTER="+db.Path())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("other process: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "restart blocked=1") {
		t.Fatalf("another process restarted the log under our reader:\n%s", out)
	}
}

// restartFromOtherProcess is the other process of TestWALWatchKeepsLocks: it writes and
// asks for a log restart, which a reader of the first process must hold off.
func restartFromOtherProcess(path string) {
	c, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(100)")
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	defer c.Close()
	var blocked, frames, copied int
	if err := c.QueryRow("PRAGMA wal_checkpoint(RESTART)").Scan(&blocked, &frames, &copied); err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	fmt.Printf("restart blocked=%d\n", blocked)
}

// TestStaleLogTempsRemoved: a log written aside by a start that was killed before it
// could link or remove it (32 MiB of zeros) is removed at the next start that
// preallocates; one being written by another process right now is not.
func TestStaleLogTempsRemoved(t *testing.T) {
	dir := t.TempDir()
	stale, fresh := filepath.Join(dir, ".wal-1234"), filepath.Join(dir, ".wal-5678")
	for _, p := range []string{stale, fresh} {
		if err := os.WriteFile(p, make([]byte, 4096), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	db, err := Open(context.Background(), filepath.Join(dir, "liaisond.db"), Options{PreallocateLog: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the stale log is still there (%v)", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("a log being written was removed: %v", err)
	}
}

// TestPreallocatedLog: with Options.PreallocateLog a database opened without a log gets
// one of a quarter of WALLimit, which a lone sender's commits then overwrite without the
// file growing; a log that exists (in use by another connection, or left by a crash) is
// never replaced; and everything committed reads back after a reopen.
func TestPreallocatedLog(t *testing.T) {
	const limit = 16 << 20
	path := filepath.Join(t.TempDir(), "liaisond.db")
	ctx := context.Background()
	db, err := Open(ctx, path, Options{WALLimit: limit, PreallocateLog: true})
	if err != nil {
		t.Fatal(err)
	}
	if size := db.walSize(); size != limit/4 {
		t.Fatalf("log file %d bytes after open, want %d", size, limit/4)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".wal-*")); len(left) > 0 {
		t.Fatalf("the file written aside is still there: %v", left)
	}
	// A second open while the log is in use leaves it alone, and so does its close.
	other, err := Open(ctx, path, Options{WALLimit: limit, PreallocateLog: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Ingest(ctx, Envelope{Source: SourceSMTP}, rawOf([]byte("Subject: other\r\n\r\n"), "")); err != nil {
		t.Fatal(err)
	}
	if err := other.Close(); err != nil {
		t.Fatal(err)
	}
	if size := db.walSize(); size != limit/4 {
		t.Fatalf("log file %d bytes after another handle came and went, want %d", size, limit/4)
	}
	sent, written, peak := sendOneAtATime(t, db)
	n := 1 + sent // other's and these
	t.Logf("wrote %d MB in %d messages one at a time; peak log file %.1f MB (preallocated %.1f MB)",
		written>>20, sent, float64(peak)/(1<<20), float64(limit/4)/(1<<20))
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if written < 2*limit {
		t.Skipf("only %d MB written: too slow a machine to tell", written>>20)
	}
	// What one 50 ms tick lets through lands past three quarters before it is seen.
	if peak > limit/2 {
		t.Errorf("log file grew to %.1f MB; want the preallocated %.1f MB reused", float64(peak)/(1<<20), float64(limit/4)/(1<<20))
	}
	db, err = Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var got int
	if err := db.r.QueryRowContext(ctx, "SELECT COUNT(*) FROM messages").Scan(&got); err != nil || got != n {
		t.Fatalf("%d messages after reopening (%v), want %d", got, err, n)
	}
}

// sendOneAtATime records up to 2,000 messages of 32 KB as a lone SMTP sender would, one
// after the other, for 20 s at most; it returns how many, their bytes and the largest
// log file seen.
func sendOneAtATime(t *testing.T, db *DB) (sent int, written, peak int64) {
	t.Helper()
	body := make([]byte, 32<<10)
	deadline := time.Now().Add(20 * time.Second)
	for ; sent < 2000 && time.Now().Before(deadline); sent++ {
		b := append([]byte(fmt.Sprintf("%d ", sent)), body...)
		if _, err := db.Ingest(context.Background(), Envelope{Source: SourceSMTP, AnswerAtCommit: true}, rawOf(b, "")); err != nil {
			t.Fatal(err)
		}
		written += int64(len(b))
		peak = max(peak, db.walSize())
	}
	return sent, written, peak
}
