package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func openTest(t testing.TB, opts Options) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "liaisond.db"), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func rawOf(b []byte, msgid string) RawMessage {
	sum := sha256.Sum256(b)
	return RawMessage{R: bytes.NewReader(b), Size: int64(len(b)), SHA256: hex.EncodeToString(sum[:]), MessageID: msgid}
}

func TestIngestRoundTripChunks(t *testing.T) {
	db := openTest(t, Options{Tuning: Tuning{ChunkBytes: 1000}})
	ctx := context.Background()
	// 2,500 bytes spread over three chunks of 1,000, with bytes that text handling would mangle.
	body := make([]byte, 2500)
	for i := range body {
		body[i] = byte(i * 7)
	}
	res, err := db.Ingest(ctx, Envelope{Source: SourceSMTP, MailFrom: "a@example.com", Rcpt: []string{"statements@example.org"}},
		rawOf(body, "<1@example.com>"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := db.Raw(ctx, res.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, body) {
		t.Fatalf("raw bytes differ: got %d bytes, want %d", len(got), len(body))
	}
	m, err := db.GetMessage(ctx, res.ID)
	if err != nil {
		t.Fatal(err)
	}
	if m.State != StatePending || m.MessageID != "<1@example.com>" || m.Size != 2500 || m.Rcpt[0] != "statements@example.org" {
		t.Fatalf("unexpected message row %+v", m)
	}
	evs, err := db.Events(ctx, EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].Type != EventReceived || evs[0].Message != res.ID {
		t.Fatalf("events = %+v", evs)
	}
}

func TestIngestDuplicateLinked(t *testing.T) {
	db := openTest(t, Options{})
	ctx := context.Background()
	body := []byte("Message-ID: <d@example.com>\r\n\r\nhello\r\n")
	first, err := db.Ingest(ctx, Envelope{Source: SourceSMTP}, rawOf(body, "<d@example.com>"))
	if err != nil {
		t.Fatal(err)
	}
	second, err := db.Ingest(ctx, Envelope{Source: SourceIMAP}, rawOf(body, "<d@example.com>"))
	if err != nil {
		t.Fatal(err)
	}
	if second.DuplicateOf != first.ID {
		t.Fatalf("second = %+v, want duplicate of %d", second, first.ID)
	}
	// Same Message-ID, other bytes: a new message, not a duplicate.
	third, err := db.Ingest(ctx, Envelope{Source: SourceSMTP}, rawOf(append(body, 'x'), "<d@example.com>"))
	if err != nil {
		t.Fatal(err)
	}
	if third.DuplicateOf != 0 {
		t.Fatalf("different bytes linked as duplicate: %+v", third)
	}
	var chunks int
	if err := db.r.QueryRow(`SELECT COUNT(*) FROM raw_chunks WHERE message = ?`, second.ID).Scan(&chunks); err != nil {
		t.Fatal(err)
	}
	if chunks != 0 {
		t.Fatalf("duplicate stored its bytes again (%d chunks)", chunks)
	}
	raw, err := db.Raw(ctx, second.ID)
	if err != nil || !bytes.Equal(raw, body) {
		t.Fatalf("duplicate's raw = %q, %v", raw, err)
	}
	m, _ := db.GetMessage(ctx, second.ID)
	if m.State != StateDuplicate {
		t.Fatalf("duplicate state = %q", m.State)
	}
	evs, _ := db.Events(ctx, EventFilter{Message: second.ID})
	if len(evs) != 1 || evs[0].Type != EventDuplicate {
		t.Fatalf("duplicate events = %+v", evs)
	}
}

func TestGroupCommitConcurrent(t *testing.T) {
	var mu sync.Mutex
	var commits, carried int
	db := openTest(t, Options{OnCommit: func(_ time.Duration, n int) {
		mu.Lock()
		commits++
		carried += n
		mu.Unlock()
	}})
	ctx := context.Background()
	const n = 200
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body := []byte(fmt.Sprintf("Message-ID: <%d@example.com>\r\n\r\nbody %d\r\n", i, i))
			_, err := db.Ingest(ctx, Envelope{Source: SourceSMTP}, rawOf(body, fmt.Sprintf("<%d@example.com>", i)))
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	count, _ := db.CountMessages(ctx)
	if count != n || carried != n {
		t.Fatalf("count=%d carried=%d, want %d", count, carried, n)
	}
	if commits >= n {
		t.Errorf("no commit carried more than one message (%d commits for %d messages)", commits, n)
	}
	t.Logf("%d messages in %d commits", n, commits)
}

func TestIngestFailureIsReported(t *testing.T) {
	db := openTest(t, Options{})
	ctx := context.Background()
	// A trigger makes every insert fail the way a broken disk would: inside SQLite.
	other, err := sql.Open("sqlite", dsn(db.Path(), db.opts, false))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.Exec(`CREATE TRIGGER fail BEFORE INSERT ON messages BEGIN SELECT RAISE(FAIL, 'simulated storage failure'); END`); err != nil {
		t.Fatal(err)
	}
	_, err = db.Ingest(ctx, Envelope{Source: SourceSMTP}, rawOf([]byte("x"), ""))
	if err == nil {
		t.Fatal("ingest succeeded despite the failing trigger")
	}
	if n, _ := db.CountMessages(ctx); n != 0 {
		t.Fatalf("%d messages recorded after a failed ingest", n)
	}
}

func TestReopenKeepsSchemaAndData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "db")
	ctx := context.Background()
	db, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Ingest(ctx, Envelope{Source: SourceFile}, rawOf([]byte("a"), "")); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	v, _ := db.SchemaVersion(ctx)
	if v < 1 {
		t.Fatalf("schema version %d", v)
	}
	if n, _ := db.CountMessages(ctx); n != 1 {
		t.Fatalf("count after reopen = %d", n)
	}
}

func TestJobsClaimRetryFail(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	db := openTest(t, Options{Now: func() time.Time { return now }})
	ctx := context.Background()
	res, err := db.Ingest(ctx, Envelope{Source: SourceFile}, rawOf([]byte("a"), ""))
	if err != nil {
		t.Fatal(err)
	}
	backoff := func(int) time.Duration { return time.Minute }
	j, ok, err := db.ClaimJob(ctx, backoff)
	if err != nil || !ok || j.Message != res.ID || j.Attempts != 1 {
		t.Fatalf("claim = %+v %v %v", j, ok, err)
	}
	// Claimed jobs are not handed out again before their next attempt (a crash mid-try).
	if _, ok, _ := db.ClaimJob(ctx, backoff); ok {
		t.Fatal("job claimed twice")
	}
	if err := db.FailJob(ctx, j, fmt.Errorf("boom"), false); err != nil {
		t.Fatal(err)
	}
	now = now.Add(time.Minute)
	j, ok, _ = db.ClaimJob(ctx, backoff)
	if !ok || j.Attempts != 2 {
		t.Fatalf("retry claim = %+v %v", j, ok)
	}
	if err := db.FailJob(ctx, j, fmt.Errorf("boom again"), true); err != nil {
		t.Fatal(err)
	}
	m, _ := db.GetMessage(ctx, res.ID)
	if m.State != StateFailed || m.Error != "boom again" {
		t.Fatalf("after final failure: %+v", m)
	}
	if err := db.RequeueMessage(ctx, res.ID, "test"); err != nil {
		t.Fatal(err)
	}
	if j, ok, _ = db.ClaimJob(ctx, backoff); !ok || j.Attempts != 1 {
		t.Fatalf("after requeue: %+v %v", j, ok)
	}
}

func TestIMAPState(t *testing.T) {
	db := openTest(t, Options{})
	ctx := context.Background()
	if s, _ := db.IMAPState(ctx, "box"); s != (IMAPState{}) {
		t.Fatalf("fresh state %+v", s)
	}
	if err := db.SetIMAPState(ctx, "box", IMAPState{UIDValidity: 7, LastUID: 3}); err != nil {
		t.Fatal(err)
	}
	if err := db.SetIMAPState(ctx, "box", IMAPState{UIDValidity: 9, LastUID: 0}); err != nil {
		t.Fatal(err)
	}
	s, _ := db.IMAPState(ctx, "box")
	if s.UIDValidity != 9 || s.LastUID != 0 {
		t.Fatalf("state %+v", s)
	}
	evs, _ := db.Events(ctx, EventFilter{})
	if len(evs) != 1 || evs[0].Type != "imap_uidvalidity" {
		t.Fatalf("events %+v", evs)
	}
}

func TestBackup(t *testing.T) {
	db := openTest(t, Options{})
	ctx := context.Background()
	if _, err := db.Ingest(ctx, Envelope{Source: SourceFile}, rawOf([]byte("a"), "")); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(t.TempDir(), "copy.db")
	if err := db.Backup(ctx, target); err != nil {
		t.Fatal(err)
	}
	cp, err := Open(ctx, target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	if n, _ := cp.CountMessages(ctx); n != 1 {
		t.Fatalf("backup has %d messages", n)
	}
}

// BenchmarkIngest16 measures durable ingest of 4 KB messages from 16 concurrent callers
// (the group commit), without SMTP.
func BenchmarkIngest16(b *testing.B) {
	var commits, carried atomic.Int64
	db, err := Open(context.Background(), filepath.Join(b.TempDir(), "db"), Options{OnCommit: func(_ time.Duration, n int) {
		commits.Add(1)
		carried.Add(int64(n))
	}})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	defer func() { b.ReportMetric(float64(carried.Load())/float64(max(1, commits.Load())), "msgs/commit") }()
	body := bytes.Repeat([]byte("x"), 4096)
	b.SetBytes(int64(len(body)))
	b.SetParallelism(8) // 2 cores × 8 = 16 callers
	var n atomic.Int64
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			id := fmt.Sprintf("<%d@bench>", n.Add(1))
			if _, err := db.Ingest(context.Background(), Envelope{Source: SourceSMTP}, rawOf(append([]byte(id), body...), id)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkIngestLone is a lone SMTP sender without the SMTP: one 4 KB message at a
// time, each answered at its durable commit.
func BenchmarkIngestLone(b *testing.B) {
	db := openTest(b, Options{})
	body := bytes.Repeat([]byte("x"), 4096)
	b.SetBytes(int64(len(body)))
	for i := 0; b.Loop(); i++ {
		id := fmt.Sprintf("<%d@bench>", i)
		if _, err := db.Ingest(context.Background(), Envelope{Source: SourceSMTP, AnswerAtCommit: true}, rawOf(append([]byte(id), body...), id)); err != nil {
			b.Fatal(err)
		}
	}
}

// TestMigrationKeepsRawChunks: a database written before raw_chunks became a rowid table
// (migration 8) still gives every message back byte-exact after the upgrade.
func TestMigrationKeepsRawChunks(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	w, err := sql.Open("sqlite", dsn(path, Options{Tuning: Tuning{BusyTimeout: time.Second}, WALLimit: 128 << 20}, false))
	if err != nil {
		t.Fatal(err)
	}
	for v := 1; v <= 7; v++ {
		names, _ := fs.Glob(migrations, fmt.Sprintf("migrations/%04d_*.sql", v))
		body, err := migrations.ReadFile(names[0])
		if err != nil {
			t.Fatal(err)
		}
		if err := applyMigration(ctx, w, v, string(body)); err != nil {
			t.Fatalf("migration %d: %v", v, err)
		}
	}
	want := map[int64]string{1: "first chunk|second chunk|third", 2: "one chunk"}
	for id, raw := range want {
		if _, err := w.Exec(`INSERT INTO messages (id, message_id, sha256, size, source, received_at) VALUES (?, '', '', ?, 'file', '')`, id, len(raw)); err != nil {
			t.Fatal(err)
		}
		for seq, part := range strings.SplitAfter(raw, "|") {
			if _, err := w.Exec(`INSERT INTO raw_chunks (message, seq, data) VALUES (?, ?, ?)`, id, seq, []byte(part)); err != nil {
				t.Fatal(err)
			}
		}
	}
	w.Close()

	db, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for id, raw := range want {
		got, err := db.Raw(ctx, id)
		if err != nil || string(got) != raw {
			t.Errorf("message %d after migration: %q, %v; want %q", id, got, err, raw)
		}
	}
}

// waitIndexed polls until intake_cursor has reached every recorded message.
func waitIndexed(t *testing.T, db *DB) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		left, err := db.Unindexed(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if left == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d messages still not indexed", left)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// indexCounts counts what indexing wrote: jobs, received and duplicate events, linked
// duplicates, and raw chunks of linked duplicates (which must be none).
func indexCounts(t *testing.T, db *DB) (jobs, received, duplicates, linked, dupChunks int) {
	t.Helper()
	row := db.r.QueryRow(`SELECT
		(SELECT COUNT(*) FROM jobs),
		(SELECT COUNT(*) FROM events WHERE type = 'received'),
		(SELECT COUNT(*) FROM events WHERE type = 'duplicate'),
		(SELECT COUNT(*) FROM messages WHERE duplicate_of IS NOT NULL),
		(SELECT COUNT(*) FROM raw_chunks c JOIN messages m ON m.id = c.message WHERE m.duplicate_of IS NOT NULL)`)
	if err := row.Scan(&jobs, &received, &duplicates, &linked, &dupChunks); err != nil {
		t.Fatal(err)
	}
	return
}

// TestIndexUnderConcurrentIntake: when senders arrive together, indexing follows their
// answers: every original gets one job and one "received" event, every duplicate is
// linked, loses its bytes and gets one "duplicate" event.
func TestIndexUnderConcurrentIntake(t *testing.T) {
	db := openTest(t, Options{})
	ctx := context.Background()
	const n = 100 // each sent twice
	if err := ingestConcurrently(db, 2*n, func(i int) string { return fmt.Sprintf("<%d@example.com>", i%n) }); err != nil {
		t.Fatal(err)
	}
	waitIndexed(t, db)
	jobs, received, duplicates, linked, dupChunks := indexCounts(t, db)
	if jobs != n || received != n || duplicates != n || linked != n || dupChunks != 0 {
		t.Fatalf("jobs=%d received=%d duplicate events=%d linked=%d duplicate chunks=%d, want %d %d %d %d 0",
			jobs, received, duplicates, linked, dupChunks, n, n, n, n)
	}
	msgs, err := db.Messages(ctx, MessageFilter{Limit: 2 * n})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		raw, err := db.Raw(ctx, m.ID)
		if err != nil || !strings.Contains(string(raw), m.MessageID) {
			t.Fatalf("message %d raw = %q, %v", m.ID, raw, err)
		}
	}
}

// TestIndexResumesAfterCrash: messages whose bytes were committed but whose indexing
// never ran (a crash between the two transactions) are indexed at the next Open, once.
func TestIndexResumesAfterCrash(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "liaisond.db")
	db, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"<a@x>", "<b@x>", "<a@x>"} {
		if _, err := db.Ingest(ctx, Envelope{Source: SourceSMTP}, rawOf([]byte("Message-ID: "+id+"\r\n\r\nsame\r\n"), id)); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	// Back to the state right after the intake commit, before indexing.
	w, err := sql.Open("sqlite", dsn(path, Options{Tuning: Tuning{BusyTimeout: time.Second}, WALLimit: 128 << 20}, false))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DELETE FROM jobs`, `DELETE FROM events`, `DELETE FROM digests`,
		`UPDATE messages SET duplicate_of = NULL`, `UPDATE intake_cursor SET indexed_through = 0`,
		`INSERT INTO raw_chunks (id, message, data) SELECT 3 * 1048576, 3, data FROM raw_chunks WHERE id = 1048576`} {
		if _, err := w.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	w.Close()

	db, err = Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	waitIndexed(t, db)
	jobs, received, duplicates, linked, dupChunks := indexCounts(t, db)
	if jobs != 2 || received != 2 || duplicates != 1 || linked != 1 || dupChunks != 0 {
		t.Fatalf("after restart: jobs=%d received=%d duplicate events=%d linked=%d duplicate chunks=%d, want 2 2 1 1 0",
			jobs, received, duplicates, linked, dupChunks)
	}
}

// ingestConcurrently sends n messages at once, message i with Message-ID id(i).
func ingestConcurrently(db *DB, n int, id func(i int) string) error {
	var wg sync.WaitGroup
	errs := make(chan error, n)
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			_, err := db.Ingest(context.Background(), Envelope{Source: SourceSMTP}, rawOf([]byte("Message-ID: "+id(i)+"\r\n\r\nbody\r\n"), id(i)))
			errs <- err
		}()
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// TestIndexTakesTurnsWhenOverdue: with intake never pausing long enough (IndexIdle out of
// reach), an overdue backlog is indexed between group commits, so it does not grow with
// the messages received.
func TestIndexTakesTurnsWhenOverdue(t *testing.T) {
	db := openTest(t, Options{Tuning: Tuning{IndexIdle: time.Hour, IndexLag: time.Nanosecond}})
	const waves, perWave = 10, 40
	for w := range waves {
		if err := ingestConcurrently(db, perWave, func(i int) string { return fmt.Sprintf("<%d-%d@example.com>", w, i) }); err != nil {
			t.Fatal(err)
		}
	}
	left, err := db.Unindexed(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if left >= 2*perWave {
		t.Fatalf("%d of %d messages unindexed after %d waves: the backlog grew", left, waves*perWave, waves)
	}
	t.Logf("%d of %d messages unindexed after %d waves", left, waves*perWave, waves)
}

// TestAnswerAtCommit: a lone message that asks for AnswerAtCommit (SMTP and LMTP, whose
// 250 promises only the bytes) is answered before it is indexed, and indexed in the next
// pause; an IfNew request (an import) that comes meanwhile still finds it as its
// duplicate, because what was recorded before it is indexed first.
func TestAnswerAtCommit(t *testing.T) {
	ctx := context.Background()
	body := []byte("Message-ID: <lone@example.com>\r\n\r\nbody\r\n")
	t.Run("answered before indexing, then an import of the same bytes", func(t *testing.T) {
		db := openTest(t, Options{Tuning: Tuning{IndexIdle: time.Hour}})
		first, err := db.Ingest(ctx, Envelope{Source: SourceSMTP, AnswerAtCommit: true}, rawOf(body, "<lone@example.com>"))
		if err != nil {
			t.Fatal(err)
		}
		if left, err := db.Unindexed(ctx); err != nil || left != 1 {
			t.Fatalf("unindexed after the answer: %d, %v; want 1 (the answer waited for indexing)", left, err)
		}
		raw, err := db.Raw(ctx, first.ID)
		if err != nil || !bytes.Equal(raw, body) {
			t.Fatalf("raw = %q, %v", raw, err)
		}
		imported, err := db.Ingest(ctx, Envelope{Source: SourceFile, IfNew: true}, rawOf(body, "<lone@example.com>"))
		if err != nil || imported.ID != 0 || imported.DuplicateOf != first.ID {
			t.Fatalf("import of the same bytes: %+v, %v; want a duplicate of %d and no row", imported, err, first.ID)
		}
		if jobs, received, _, _, _ := indexCounts(t, db); jobs != 1 || received != 1 {
			t.Fatalf("jobs=%d received=%d, want 1 1", jobs, received)
		}
	})
	t.Run("indexed in the next pause", func(t *testing.T) {
		db := openTest(t, Options{})
		for range 2 {
			if _, err := db.Ingest(ctx, Envelope{Source: SourceSMTP, AnswerAtCommit: true}, rawOf(body, "<lone@example.com>")); err != nil {
				t.Fatal(err)
			}
		}
		waitIndexed(t, db)
		if jobs, received, duplicates, linked, dupChunks := indexCounts(t, db); jobs != 1 || received != 1 || duplicates != 1 || linked != 1 || dupChunks != 0 {
			t.Fatalf("jobs=%d received=%d duplicate events=%d linked=%d duplicate chunks=%d, want 1 1 1 1 0",
				jobs, received, duplicates, linked, dupChunks)
		}
	})
	t.Run("a sender that never pauses is indexed once the backlog is overdue", func(t *testing.T) {
		// No pause ever counts (IndexIdle is an hour): only the lag makes indexing
		// take turns with a sender whose commits run in its own goroutine.
		db := openTest(t, Options{Tuning: Tuning{IndexIdle: time.Hour, IndexLag: 100 * time.Millisecond}})
		sent := 0
		for start := time.Now(); sent < 5000 && time.Since(start) < time.Second; sent++ {
			b := fmt.Appendf(nil, "Message-ID: <%d@example.com>\r\n\r\nbody\r\n", sent)
			if _, err := db.Ingest(ctx, Envelope{Source: SourceSMTP, AnswerAtCommit: true}, rawOf(b, fmt.Sprintf("<%d@example.com>", sent))); err != nil {
				t.Fatal(err)
			}
		}
		left, err := db.Unindexed(ctx)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%d sent in a second, %d left unindexed", sent, left)
		if left >= int64(sent) {
			t.Fatalf("nothing indexed while the sender went on: %d of %d unindexed", left, sent)
		}
	})
}
