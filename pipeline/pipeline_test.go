package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/convert"
	"github.com/liaisond/liaisond/internal/teststore"
	"github.com/liaisond/liaisond/internal/testutil"
	"github.com/liaisond/liaisond/mail"
	"github.com/liaisond/liaisond/store"
)

func TestMain(m *testing.M) {
	convert.RunChildIfRequested()
	os.Exit(m.Run())
}

// clock is a settable time for the store, so retries become due without sleeping.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// corpusConfig is the sample corpus's directory (shared/corpus/directory.toml).
func corpusConfig(t testing.TB) config.Config {
	cfg, err := config.Load(filepath.Join(testutil.SharedDir(t), "corpus", "directory.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// corpusMessage is the raw bytes of one case of the sample corpus.
func corpusMessage(t testing.TB, name string) []byte {
	raw, err := os.ReadFile(filepath.Join(testutil.SharedDir(t), "corpus", name))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func openDB(t testing.TB, clk *clock) *store.DB {
	t.Helper()
	opts := store.Options{}
	if clk != nil {
		opts.Now = clk.Now
	}
	return teststore.Open(t, opts)
}

func record(t testing.TB, db *store.DB, raw []byte) int64 {
	t.Helper()
	sum := sha256.Sum256(raw)
	res, err := db.Ingest(context.Background(), store.Envelope{Source: store.SourceFile},
		store.RawMessage{R: bytes.NewReader(raw), Size: int64(len(raw)), SHA256: hex.EncodeToString(sum[:])})
	if err != nil {
		t.Fatal(err)
	}
	return res.ID
}

// recordWithPDFDue records a message with one attachment whose PDF conversion is due.
func recordWithPDFDue(t *testing.T, db *store.DB, filename, kind, sha string) int64 {
	t.Helper()
	id := record(t, db, []byte("x"))
	err := db.SaveAttachments(context.Background(), id,
		[]store.Attachment{{Filename: filename, Kind: kind, SHA256: sha, Data: []byte("zz"), Size: 2}}, convert.NeedsPDF)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

var testConfig = Config{Workers: 1, MaxAttempts: 3, RetryInitial: time.Minute, RetryMax: time.Hour,
	StageTimeout: 5 * time.Second, PollInterval: 10 * time.Millisecond, ConvertBatch: 10, ConvertMaxAttempts: 2}

// TestPoisonMessageDoesNotBlock: a message that always fails (here: panics) is retried
// with backoff until its last attempt, then marked failed, while the others are done.
func TestPoisonMessageDoesNotBlock(t *testing.T) {
	clk := &clock{now: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
	db := openDB(t, clk)
	poison := record(t, db, []byte("poison"))
	good := record(t, db, []byte("good"))
	proc := ProcessorFunc(func(ctx context.Context, id int64) (store.Event, error) {
		if id == poison {
			panic("malformed beyond belief")
		}
		return store.Event{Type: "parsed"}, nil
	})
	p := New(testConfig, db, proc, slog.New(slog.DiscardHandler), nil)
	ctx := context.Background()
	if n := p.RunOnce(ctx); n != 2 {
		t.Fatalf("first round ran %d jobs, want 2", n)
	}
	if m, _ := db.GetMessage(ctx, good); m.State != store.StateDone {
		t.Fatalf("good message %s", m.State)
	}
	for attempt := 2; attempt <= testConfig.MaxAttempts; attempt++ {
		if n := p.RunOnce(ctx); n != 0 {
			t.Fatalf("retry before its time (attempt %d)", attempt)
		}
		clk.Add(testConfig.RetryAfter(attempt-1) + time.Minute)
		if n := p.RunOnce(ctx); n != 1 {
			t.Fatalf("attempt %d did not run", attempt)
		}
	}
	m, _ := db.GetMessage(ctx, poison)
	if m.State != store.StateFailed || m.Attempts != testConfig.MaxAttempts {
		t.Fatalf("poison message: %+v", m)
	}
	clk.Add(24 * time.Hour)
	if n := p.RunOnce(ctx); n != 0 {
		t.Fatal("a failed message was retried after its last attempt")
	}
}

// TestStorageFullIsNotCounted: attempts that fail on a full disk (SQLite's SQLITE_FULL,
// ENOSPC from a file) are given back and retried after RetryInitial, however many there
// are, so that hours of full disk never turn a message into a failed one; the message is
// processed once there is room. Before, each one counted, and after MaxAttempts (about two
// hours with the shipped schedule) the message was marked failed.
func TestStorageFullIsNotCounted(t *testing.T) {
	clk := &clock{now: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
	db := openDB(t, clk)
	id := record(t, db, []byte("a statement"))
	fullErrs := []error{
		fmt.Errorf("save statement: %w", testutil.SQLiteFullError(t)),
		&fs.PathError{Op: "write", Path: "blob", Err: syscall.ENOSPC},
	}
	full := 3 * testConfig.MaxAttempts
	calls := 0
	proc := ProcessorFunc(func(ctx context.Context, _ int64) (store.Event, error) {
		calls++
		if calls <= full {
			return store.Event{}, fullErrs[calls%len(fullErrs)]
		}
		return store.Event{Type: "parsed"}, nil
	})
	p := New(testConfig, db, proc, slog.New(slog.DiscardHandler), nil)
	ctx := context.Background()
	for i := range full {
		if n := p.RunOnce(ctx); n != 0 {
			t.Fatalf("full-disk attempt %d: the worker went on with %d more jobs instead of pausing", i+1, n)
		}
		m, _ := db.GetMessage(ctx, id)
		if m.State != store.StatePending || m.Attempts != 0 {
			t.Fatalf("after full-disk attempt %d: state %s, %d attempts counted; want pending, 0", i+1, m.State, m.Attempts)
		}
		if n := p.RunOnce(ctx); n != 0 || calls != i+1 {
			t.Fatalf("retried before retry_initial (%d calls after %d attempts)", calls, i+1)
		}
		clk.Add(testConfig.RetryInitial)
	}
	if n := p.RunOnce(ctx); n != 1 {
		t.Fatalf("with room again, %d jobs ran, want 1", n)
	}
	if m, _ := db.GetMessage(ctx, id); m.State != store.StateDone || m.Attempts != 1 {
		t.Fatalf("after the disk had room: %+v, want done after 1 counted attempt", m)
	}
	events, err := db.Events(ctx, store.EventFilter{Message: id})
	if err != nil {
		t.Fatal(err)
	}
	uncounted := 0
	for _, ev := range events {
		if ev.Type == store.EventRetry && ev.Detail["counted"] == false {
			uncounted++
		}
	}
	if uncounted != full {
		t.Fatalf("%d retry events marked as not counted, want %d: %+v", uncounted, full, events)
	}
}

func TestRetryAfterGrowsAndCaps(t *testing.T) {
	c := Config{RetryInitial: time.Minute, RetryMax: 10 * time.Minute}
	prev := time.Duration(0)
	for attempt := 1; attempt <= 6; attempt++ {
		d := c.RetryAfter(attempt)
		if d < prev*8/10 { // jitter is ±10%
			t.Fatalf("attempt %d: %v shrank from %v", attempt, d, prev)
		}
		if d > c.RetryMax*12/10 {
			t.Fatalf("attempt %d: %v over the cap", attempt, d)
		}
		prev = d
	}
}

// TestWorkersStartOnCommit: a running pipeline processes a new message at once, woken by
// the store's commit rather than its poll.
func TestWorkersStartOnCommit(t *testing.T) {
	db := openDB(t, nil)
	done := make(chan int64, 1)
	proc := ProcessorFunc(func(ctx context.Context, id int64) (store.Event, error) {
		done <- id
		return store.Event{Type: "parsed"}, nil
	})
	cfg := testConfig
	cfg.PollInterval = time.Hour
	p := New(cfg, db, proc, slog.New(slog.DiscardHandler), nil)
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan struct{})
	go func() { p.Run(ctx); close(stopped) }()
	time.Sleep(50 * time.Millisecond)
	id := record(t, db, []byte("x"))
	select {
	case got := <-done:
		if got != id {
			t.Fatalf("processed %d, want %d", got, id)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("not processed after the commit")
	}
	cancel()
	<-stopped
}

// fakeOffice converts by echoing a tiny PDF, failing the first time for names in fail.
type fakeOffice struct {
	mu        sync.Mutex
	available error
	fail      map[string]int
	failErr   error // what a failing call returns; default: a crash
	calls     int
}

func (f *fakeOffice) Available() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.available
}

func (f *fakeOffice) setAvailable(err error) {
	f.mu.Lock()
	f.available = err
	f.mu.Unlock()
}
func (f *fakeOffice) ToPDF(ctx context.Context, name string, data []byte) ([]byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if f.fail[name] > 0 {
		f.fail[name]--
		if f.failErr != nil {
			return nil, f.failErr
		}
		return nil, errors.New("soffice crashed")
	}
	return []byte("%PDF-1.4 fake of " + name), nil
}

func TestStagesAndConverterOnCorpus(t *testing.T) {
	shared := testutil.SharedDir(t)
	clk := &clock{now: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
	db := openDB(t, clk)
	ctx := context.Background()
	// Case 19 carries a DOCX and a PDF; case 20 an RTF.
	var ids []int64
	for _, name := range []string{"19-itut-sg11-docx-and-pdf.eml", "20-itut-sg2-rtf.eml"} {
		raw, err := os.ReadFile(filepath.Join(shared, "corpus", name))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, record(t, db, raw))
	}
	office := &fakeOffice{fail: map[string]int{}}
	conv := &Converter{DB: db, Office: office, Batch: 10, MaxAttempts: 2, Retry: testConfig.RetryAfter,
		Log: slog.New(slog.DiscardHandler)}
	woken := 0
	stages := &Stages{DB: db, PDFQueued: func() { woken++ }}
	p := New(testConfig, db, stages, slog.New(slog.DiscardHandler), nil)
	if n := p.RunOnce(ctx); n != 2 {
		t.Fatalf("processed %d", n)
	}
	if woken == 0 {
		t.Fatal("converter not woken for office attachments")
	}
	atts, _ := db.Attachments(ctx, ids[0])
	if len(atts) != 2 {
		t.Fatalf("case 19 attachments %+v", atts)
	}
	for _, a := range atts {
		if a.Text == "" || a.TextError != "" {
			t.Errorf("%s: no text (%s)", a.Filename, a.TextError)
		}
		want := store.PDFNone
		if a.Kind == "docx" {
			want = store.PDFPending
		}
		if a.PDFState != want {
			t.Errorf("%s (%s): pdf state %s, want %s", a.Filename, a.Kind, a.PDFState, want)
		}
	}
	// The RTF's first conversion fails; it is retried after its backoff and then done.
	rtf, _ := db.Attachments(ctx, ids[1])
	office.fail[rtf[0].Filename] = 1
	if n := conv.RunOnce(ctx); n != 2 {
		t.Fatalf("first conversion batch took %d, want both documents at once", n)
	}
	if rtf, _ = db.Attachments(ctx, ids[1]); rtf[0].PDFState != store.PDFPending || rtf[0].PDFError == "" {
		t.Fatalf("after a failed conversion: %+v", rtf[0])
	}
	clk.Add(2 * time.Hour)
	if n := conv.RunOnce(ctx); n != 1 {
		t.Fatalf("retry batch took %d", n)
	}
	rtf, _ = db.Attachments(ctx, ids[1])
	if rtf[0].PDFState != store.PDFDone || rtf[0].PDFSHA256 == "" {
		t.Fatalf("after the retry: %+v", rtf[0])
	}
	pdf, err := db.Blob(ctx, rtf[0].PDFSHA256)
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Fatalf("stored PDF %q %v", pdf, err)
	}
	// Reprocessing keeps the PDFs: nothing is converted again.
	calls := office.calls
	db.RequeueMessage(ctx, ids[1], "test")
	p.RunOnce(ctx)
	if n := conv.RunOnce(ctx); n != 0 || office.calls != calls {
		t.Fatalf("reprocess converted again (%d claimed)", n)
	}
	if rtf, _ = db.Attachments(ctx, ids[1]); rtf[0].PDFState != store.PDFDone {
		t.Fatalf("reprocess lost the PDF: %+v", rtf[0])
	}
}

// TestConverterGivesUp: a document LibreOffice keeps failing on is given up after
// MaxAttempts with a convert_failed event; a full disk is not the document's fault and
// never gives it up (it is converted once there is room).
func TestConverterGivesUp(t *testing.T) {
	for _, tc := range []struct {
		name      string
		err       error
		failures  int
		wantState string
		wantCalls int
	}{
		{"crash", nil, 100, store.PDFFailed, 2},
		{"disk full", &fs.PathError{Op: "write", Path: "out.pdf", Err: syscall.ENOSPC}, 5, store.PDFDone, 6},
		{"database full", testutil.SQLiteFullError(t), 5, store.PDFDone, 6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clk := &clock{now: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
			db := openDB(t, clk)
			ctx := context.Background()
			id := recordWithPDFDue(t, db, "bad.doc", "doc", "ab")
			office := &fakeOffice{fail: map[string]int{"bad.doc": tc.failures}, failErr: tc.err}
			conv := &Converter{DB: db, Office: office, Batch: 10, MaxAttempts: 2, Retry: testConfig.RetryAfter, Log: slog.New(slog.DiscardHandler)}
			for range 8 {
				conv.RunOnce(ctx)
				clk.Add(3 * time.Hour)
			}
			atts, _ := db.Attachments(ctx, id)
			if atts[0].PDFState != tc.wantState || office.calls != tc.wantCalls {
				t.Fatalf("after %d calls: %+v, want %s after %d calls", office.calls, atts[0], tc.wantState, tc.wantCalls)
			}
			evs, _ := db.Events(ctx, store.EventFilter{Message: id})
			failed := evs[len(evs)-1].Type == "convert_failed"
			if failed != (tc.wantState == store.PDFFailed) {
				t.Fatalf("events %+v", evs)
			}
		})
	}
}

// TestClassifyStageOnCorpus runs the whole pipeline over the sample corpus: every message
// becomes a statement record, no non-statement is ever posted, and each record's state
// agrees with its reasons.
func TestClassifyStageOnCorpus(t *testing.T) {
	shared := testutil.SharedDir(t)
	cfg := corpusConfig(t)
	db := openDB(t, nil)
	ctx := context.Background()
	files, _ := filepath.Glob(filepath.Join(shared, "corpus", "*.eml"))
	negative := map[int64]bool{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := record(t, db, raw)
		if strings.Contains(filepath.Base(f), "-neg-") {
			negative[id] = true
		}
	}
	stages := &Stages{DB: db, TextLimits: cfg.Convert, Classifier: NewClassifier(cfg)}
	p := New(testConfig, db, stages, slog.New(slog.DiscardHandler), nil)
	if n := p.RunOnce(ctx); n != len(files) {
		t.Fatalf("processed %d of %d", n, len(files))
	}
	states := map[string]int{}
	unsure := 0
	for id := range int64(len(files)) {
		st, err := db.StatementByMessage(ctx, id+1)
		if err != nil {
			t.Fatalf("message %d: %v", id+1, err)
		}
		states[st.State]++
		if negative[id+1] && st.State == store.StatementPosted {
			t.Errorf("non-statement %d posted: %q", id+1, st.Title)
		}
		if (st.State == store.StatementPosted) != (len(st.ReviewReasons) == 0) {
			t.Errorf("statement %d: state %s with reasons %v", st.ID, st.State, st.ReviewReasons)
		}
		// A queued statement says which fields are unsure, not only a number.
		for _, r := range st.ReviewReasons {
			if strings.HasPrefix(r, ReasonLowConfidence) {
				t.Errorf("statement %d: reason %q names no field", st.ID, r)
			}
			if strings.HasPrefix(r, "low") || strings.Contains(r, "unsure (") {
				unsure++
			}
		}
	}
	if unsure == 0 {
		t.Error("no unsure field named in any reason")
	}
	t.Logf("states over the corpus: %v", states)
	if states[store.StatementPosted] == 0 {
		t.Error("nothing posted")
	}
}

// TestRepliesLinkedAndArchiveNotDistributed: a reply LS is linked to the statement it
// answers (by its document number), and a statement posted from an archive import is
// marked as needing no distribution while one received normally waits for it.
func TestRepliesLinkedAndArchiveNotDistributed(t *testing.T) {
	cfg := corpusConfig(t)
	cfg.Extract.PostThreshold = 0.5
	db := openDB(t, nil)
	ctx := context.Background()
	original := corpusMessage(t, "01-3gpp-sa2-ls-in-body.eml")
	first := record(t, db, original)
	reply := strings.Join([]string{
		"From: SA2 Secretary <sa2-sec@example.net>", "To: statements@example.org",
		"Subject: Reply LS on deterministic flow identification", "Message-ID: <reply-1@example.net>",
		"Delivered-To: statements@example.org", "", "3GPP TSG SA WG2 Meeting #174\tS2-2602001",
		"", "Title:\tReply LS on deterministic flow identification", "Response to:\tS2-2601187",
		"Source:\tSA WG2", "To:\tIETF DetNet WG", "", "1. Overall Description:",
		"SA2 thanks DetNet for the reply and provides the following answer.", ""}, "\r\n")
	sum := sha256.Sum256([]byte(reply))
	res, err := db.Ingest(ctx, store.Envelope{Source: store.SourceFile, Origin: mail.OriginMbox + "archive.mbox#2"},
		store.RawMessage{R: strings.NewReader(reply), Size: int64(len(reply)), SHA256: hex.EncodeToString(sum[:])})
	if err != nil {
		t.Fatal(err)
	}
	posted := 0
	stages := &Stages{DB: db, TextLimits: cfg.Convert, Classifier: NewClassifier(cfg), Posted: func() { posted++ }}
	New(testConfig, db, stages, slog.New(slog.DiscardHandler), nil).RunOnce(ctx)
	a, _ := db.StatementByMessage(ctx, first)
	b, _ := db.StatementByMessage(ctx, res.ID)
	if b.RepliesTo != a.ID {
		t.Fatalf("reply linked to %d, want %d (purpose %q)", b.RepliesTo, a.ID, b.Purpose)
	}
	if a.State != store.StatementPosted || b.State != store.StatementPosted || posted != 2 {
		t.Fatalf("states %s/%s, posted told %d times", a.State, b.State, posted)
	}
	todo, err := db.StatementsToDistribute(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(todo) != 1 || todo[0].ID != a.ID {
		t.Fatalf("to distribute: %+v, want only the statement received normally", todo)
	}
	if hits, _ := db.Search(ctx, store.SearchQuery{Text: "thanks DetNet"}); len(hits) == 0 {
		t.Error("the body of a statement is not searchable")
	}
}

// TestConverterWaitsForLibreOffice: without a converter the attachment stays recorded
// without PDF, pending; once one is installed the running loop converts it.
func TestConverterWaitsForLibreOffice(t *testing.T) {
	db := openDB(t, nil)
	ctx := context.Background()
	id := recordWithPDFDue(t, db, "ls.docx", "docx", "cd")
	office := &fakeOffice{fail: map[string]int{}, available: convert.ErrNoConverter}
	conv := &Converter{DB: db, Office: office, Batch: 10, MaxAttempts: 2, Retry: testConfig.RetryAfter,
		Unavailable: 20 * time.Millisecond, Log: slog.New(slog.DiscardHandler)}
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { conv.Run(runCtx, 10*time.Millisecond); close(done) }()
	defer func() { cancel(); <-done }()
	time.Sleep(100 * time.Millisecond)
	if atts, _ := db.Attachments(ctx, id); atts[0].PDFState != store.PDFPending || office.calls != 0 {
		t.Fatalf("without a converter: %+v, %d calls", atts[0], office.calls)
	}
	office.setAvailable(nil)
	deadline := time.Now().Add(10 * time.Second)
	for {
		atts, _ := db.Attachments(ctx, id)
		if atts[0].PDFState == store.PDFDone {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not converted once a converter appeared: %+v", atts[0])
		}
		time.Sleep(20 * time.Millisecond)
	}
}
