package convert_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/convert"
	"github.com/liaisond/liaisond/internal/teststore"
	"github.com/liaisond/liaisond/pipeline"
	"github.com/liaisond/liaisond/store"
)

// brokenOffice modes: what the stand-in for LibreOffice does with a document containing
// BAD (any other document gets a small valid PDF, so a batch mixes good and bad).
var brokenOffice = map[string]struct {
	script  string // shell run for the BAD document; $out/$b.pdf is its output file
	wantErr string // in the recorded conversion error
}{
	"hangs":        {`sleep 600 & wait`, "took longer than 1s on this document and was killed"},
	"segfaults":    {`kill -SEGV $$`, "signal: segmentation fault"},
	"exits 139":    {`exit 139`, "exit status 139"},
	"writes junk":  {`head -c 65536 /dev/urandom > "$out/$b.pdf"; continue`, "exited normally without writing a complete PDF"},
	"cuts the PDF": {`printf '%%PDF-1.4\n1 0 obj\n' > "$out/$b.pdf"; continue`, "exited normally without writing a complete PDF"},
}

// brokenSoffice writes the stand-in for one mode; each run appends its PID (its process
// group) to pids.
func brokenSoffice(t *testing.T, mode string) (bin, pids string) {
	return convert.SofficeScript(t, `if grep -q BAD "$a"; then
			`+brokenOffice[mode].script+`
		fi
		printf '%%PDF-1.4\n%%%%EOF\n' > "$out/$b.pdf"`)
}

// officeChain is the processing chain of the daemon around a real convert.Office: a
// store on a settable clock, the message workers (parse, attachments, classify) and the
// PDF converter.
type officeChain struct {
	db    *store.DB
	now   time.Time
	mu    sync.Mutex
	pipe  *pipeline.Pipeline
	conv  *pipeline.Converter
	pids  string
	work  string // LibreOffice's work folders
	count int
}

func newOfficeChain(t *testing.T, mode string) *officeChain {
	t.Helper()
	c := &officeChain{now: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	db := teststore.Open(t, store.Options{Now: c.clock})
	c.db = db
	bin, pids := brokenSoffice(t, mode)
	c.pids, c.work = pids, t.TempDir()
	cfg := convert.DefaultOfficeConfig()
	cfg.Binary, cfg.Timeout, cfg.BatchWindow, cfg.WorkDir = bin, time.Second, 50*time.Millisecond, c.work
	office := convert.NewOffice(cfg, nil)
	t.Cleanup(func() { office.Close() })
	log := slog.New(slog.DiscardHandler)
	c.conv = &pipeline.Converter{DB: db, Office: office, Batch: 10, MaxAttempts: 2,
		Retry: func(int) time.Duration { return time.Hour }, Log: log}
	stages := &pipeline.Stages{DB: db, Classifier: pipeline.NewClassifier(config.Default())}
	c.pipe = pipeline.New(pipeline.Config{Workers: 1, MaxAttempts: 3, RetryInitial: time.Minute, RetryMax: time.Hour,
		StageTimeout: 10 * time.Second, PollInterval: 20 * time.Millisecond}, db, stages, log, nil)
	return c
}

func (c *officeChain) clock() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *officeChain) add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// record stores a statement mail, with an RTF attachment when rtf is not nil.
func (c *officeChain) record(t *testing.T, rtf []byte) int64 {
	t.Helper()
	c.count++
	var b strings.Builder
	fmt.Fprintf(&b, "From: sg15@example.net\r\nTo: statements@example.org\r\nSubject: LS %d\r\n"+
		"Message-ID: <office-%d@example.net>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"+
		"--b\r\nContent-Type: text/plain\r\n\r\nPlease find the liaison statement attached.\r\n", c.count, c.count)
	if rtf != nil {
		fmt.Fprintf(&b, "--b\r\nContent-Type: application/rtf; name=ls.rtf\r\nContent-Disposition: attachment; filename=ls.rtf\r\n\r\n%s\r\n", rtf)
	}
	b.WriteString("--b--\r\n")
	raw := b.String()
	sum := sha256.Sum256([]byte(raw))
	res, err := c.db.Ingest(context.Background(), store.Envelope{Source: store.SourceSMTP, Rcpt: []string{"statements@example.org"}},
		store.RawMessage{R: strings.NewReader(raw), Size: int64(len(raw)), SHA256: hex.EncodeToString(sum[:])})
	if err != nil {
		t.Fatal(err)
	}
	return res.ID
}

func (c *officeChain) attachment(t *testing.T, message int64) store.Attachment {
	t.Helper()
	atts, err := c.db.Attachments(context.Background(), message)
	if err != nil || len(atts) != 1 {
		t.Fatalf("message %d: attachments %+v, %v", message, atts, err)
	}
	return atts[0]
}

// TestProofOfficeHangsAndCrashes points [libreoffice] binary at stand-ins that hang,
// crash with SIGSEGV, exit 139, write junk or a cut-off PDF on one document. Each time:
// the conversion fails with a clear error within the timeout, no process of its group is
// left, the message is processed and kept without PDF, the conversion is tried again
// after its retry delay and then given up (convert_failed), and meanwhile a good
// document in the same batch gets its PDF and mail without attachments is processed
// while LibreOffice still hangs.
func TestProofOfficeHangsAndCrashes(t *testing.T) {
	var summary []string
	for _, mode := range []string{"hangs", "segfaults", "exits 139", "writes junk", "cuts the PDF"} {
		t.Run(strings.ReplaceAll(mode, " ", "_"), func(t *testing.T) {
			summary = append(summary, mode+": "+proveBrokenOffice(t, mode))
		})
	}
	t.Logf("PROOF fault: LibreOffice broken (timeout 1s, 2 attempts): %s", strings.Join(summary, "; "))
}

// proveBrokenOffice runs one mode through the chain and describes the outcome.
func proveBrokenOffice(t *testing.T, mode string) string {
	c := newOfficeChain(t, mode)
	bad, good := c.record(t, convert.RTFDoc("BAD")), c.record(t, convert.RTFDoc("fine"))
	if n := c.pipe.RunOnce(context.Background()); n != 2 {
		t.Fatalf("processed %d messages, want 2", n)
	}
	plain, convTook, plainTook := c.convertWhileMailArrives(t)
	first := c.attachment(t, bad)
	if first.PDFState != store.PDFPending || !strings.Contains(first.PDFError, brokenOffice[mode].wantErr) {
		t.Errorf("after the first attempt: state %s, error %q; want pending, %q", first.PDFState, first.PDFError, brokenOffice[mode].wantErr)
	}
	if a := c.attachment(t, good); a.PDFState != store.PDFDone {
		t.Errorf("the good document in the same batch: PDF %s (%s)", a.PDFState, a.PDFError)
	}
	if mode == "hangs" && (convTook < time.Second || plainTook > convTook) {
		t.Errorf("conversion took %v, plain mail %v: want the hang killed after the timeout, mail processed meanwhile", convTook, plainTook)
	}
	last := c.retryAndGiveUp(t, bad)
	if last.PDFState != store.PDFFailed || !strings.Contains(last.PDFError, brokenOffice[mode].wantErr) {
		t.Errorf("after the last attempt: state %s, error %q; want failed", last.PDFState, last.PDFError)
	}
	// Regression: an exit without error used to read "no PDF: %!w(<nil>)", an empty
	// LibreOffice log left a dangling ": ".
	if strings.Contains(last.PDFError, "%!") || strings.HasSuffix(last.PDFError, ": ") {
		t.Errorf("unclear error %q", last.PDFError)
	}
	c.checkKept(t, append([]int64{bad, good}, plain...), bad)
	if left, _ := os.ReadDir(c.work); len(left) > 0 {
		t.Errorf("%d work folders left behind", len(left))
	}
	runs, _ := os.ReadFile(c.pids)
	return fmt.Sprintf("error %q, %d LibreOffice runs, none left running, no work folder left, first attempt %v, plain mail processed in %v",
		last.PDFError, strings.Count(string(runs), "\n"), convTook.Round(10*time.Millisecond), plainTook.Round(time.Millisecond))
}

// convertWhileMailArrives runs the converter's first attempt while three messages without
// attachments arrive and are processed; it returns them, how long the conversion took
// and how long the messages took. No LibreOffice process may be left afterwards.
func (c *officeChain) convertWhileMailArrives(t *testing.T) (plain []int64, convTook, plainTook time.Duration) {
	t.Helper()
	ctx := context.Background()
	start := time.Now()
	converted := make(chan time.Duration, 1)
	go func() {
		c.conv.RunOnce(ctx)
		converted <- time.Since(start)
	}()
	plain = []int64{c.record(t, nil), c.record(t, nil), c.record(t, nil)}
	processed := c.pipe.RunOnce(ctx)
	plainTook = time.Since(start)
	convTook = <-converted
	convert.AssertGone(t, c.pids)
	if processed != len(plain) {
		t.Fatalf("processed %d of %d plain messages while converting", processed, len(plain))
	}
	return plain, convTook, plainTook
}

// retryAndGiveUp checks that the failed conversion waits for its retry delay, then runs
// the second and last attempt and returns the attachment as it is then.
func (c *officeChain) retryAndGiveUp(t *testing.T, bad int64) store.Attachment {
	t.Helper()
	ctx := context.Background()
	if n := c.conv.RunOnce(ctx); n != 0 {
		t.Errorf("retried %d conversions before the retry delay", n)
	}
	c.add(2 * time.Hour)
	if n := c.conv.RunOnce(ctx); n != 1 {
		t.Errorf("second attempt took %d conversions, want 1", n)
	}
	convert.AssertGone(t, c.pids)
	return c.attachment(t, bad)
}

// checkKept checks that every message was processed into a statement record and that the
// one whose conversion failed has its convert_failed event.
func (c *officeChain) checkKept(t *testing.T, messages []int64, failed int64) {
	t.Helper()
	ctx := context.Background()
	for _, id := range messages {
		m, err := c.db.GetMessage(ctx, id)
		if err != nil || m.State != store.StateDone {
			t.Errorf("message %d: %+v %v, want processed", id, m, err)
		}
		if _, err := c.db.StatementByMessage(ctx, id); err != nil {
			t.Errorf("message %d has no statement record: %v", id, err)
		}
	}
	evs, err := c.db.Events(ctx, store.EventFilter{Message: failed})
	if err != nil {
		t.Fatal(err)
	}
	if last := evs[len(evs)-1]; last.Type != "convert_failed" {
		t.Errorf("message %d: last event %s, want convert_failed", failed, last.Type)
	}
}

// TestProofOfficeWorkFolderUnwritable: when LibreOffice's work folder cannot be written
// (a full disk; here the folder is gone), LibreOffice never runs, the error says so, and
// the conversion is tried again past its max attempts instead of being given up: the
// document is not at fault. Once the folder is writable the PDF is made. It used to read
// "LibreOffice produced no PDF" and be given up after max attempts like a bad document.
func TestProofOfficeWorkFolderUnwritable(t *testing.T) {
	ctx := context.Background()
	c := newOfficeChain(t, "hangs")
	doc := c.record(t, convert.RTFDoc("fine"))
	if n := c.pipe.RunOnce(ctx); n != 1 {
		t.Fatalf("processed %d messages, want 1", n)
	}
	if err := os.RemoveAll(c.work); err != nil {
		t.Fatal(err)
	}
	for range 4 { // twice MaxAttempts
		c.conv.RunOnce(ctx)
		c.add(2 * time.Hour)
	}
	a := c.attachment(t, doc)
	if a.PDFState != store.PDFPending || !strings.Contains(a.PDFError, "cannot write LibreOffice's work folder") {
		t.Fatalf("after 4 attempts without a work folder: state %s, error %q; want pending, naming the work folder", a.PDFState, a.PDFError)
	}
	if _, err := os.Stat(c.pids); err == nil {
		t.Fatal("LibreOffice was started without a work folder")
	}
	if err := os.Mkdir(c.work, 0o700); err != nil {
		t.Fatal(err)
	}
	c.conv.RunOnce(ctx)
	if a := c.attachment(t, doc); a.PDFState != store.PDFDone {
		t.Fatalf("once the folder is back: state %s, error %q", a.PDFState, a.PDFError)
	}
}
