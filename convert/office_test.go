package convert

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/liaisond/liaisond/internal/testutil"
)

// TestOfficeLibreOffice is the integration test of the issue: DOCX, DOC, RTF and ODT (and the
// spreadsheet and slides fixtures) are converted by the real LibreOffice, together, and the
// text read back from each PDF keeps the header table rows.
func TestOfficeLibreOffice(t *testing.T) {
	testutil.NeedCommand(t, "soffice")
	o := NewOffice(DefaultOfficeConfig(), nil)
	defer o.Close()
	files := []string{"ls-sample.docx", "ls-sample.doc", "ls-sample.rtf", "ls-sample.odt", "ls-sheet.xlsx", "ls-slides.pptx"}
	pdfs := convertAll(t, o, files)
	for i, name := range files {
		res := mustText(t, name+".pdf", pdfs[i])
		switch {
		case strings.HasPrefix(name, "ls-sample"):
			wantLines(t, name, res.Text, "Deadline:\t31 March 2026", "For action to:\tIETF EXAMPLE WG",
				"Question(s):\t7/99\tMeeting, date:\tGeneva, 9-18 March 2026", "Send reply to:\tsg99-secretariat@example.net")
		case strings.HasPrefix(name, "ls-sheet"):
			if !strings.Contains(res.Text, "31 March 2026") {
				t.Errorf("%s: PDF text lacks the deadline:\n%s", name, res.Text)
			}
		default:
			wantLines(t, name, res.Text, "Deadline: 31 March 2026")
		}
	}
	if n := o.starts.Load(); n != 1 {
		t.Errorf("%d documents sent together took %d LibreOffice starts, want 1", len(files), n)
	}
	// Legacy .doc text comes from the PDF: Text says so, and the PDF has the text.
	if _, err := Text(context.Background(), "ls-sample.doc", "", fixture(t, "ls-sample.doc"), Limits{}); !errors.Is(err, ErrNeedsPDF) {
		t.Errorf("Text(.doc) = %v, want ErrNeedsPDF", err)
	}
}

// convertAll converts fixtures concurrently (so they can share a batch), in order.
func convertAll(t *testing.T, o *Office, files []string) [][]byte {
	t.Helper()
	out := make([][]byte, len(files))
	var wg sync.WaitGroup
	for i, name := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pdf, err := o.ToPDF(context.Background(), name, fixture(t, name))
			if err != nil {
				t.Errorf("ToPDF(%s): %v", name, err)
			}
			out[i] = pdf
		}()
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	return out
}

// fakeSoffice writes a stand-in for LibreOffice that behaves by the content of each input:
// HANG sleeps, FAIL makes no PDF, SLOW takes two seconds; every PDF it makes records the
// number of network interfaces other than loopback, and each run appends its PID to pids.
func fakeSoffice(t *testing.T) (bin, pids string) {
	return sofficeScript(t, `grep -q HANG "$a" && sleep 600
		grep -q FAIL "$a" && continue
		grep -q SLOW "$a" && sleep 2
		nics=$(awk 'NR>2 && $1 !~ /lo:/' /proc/net/dev | wc -l)
		printf '%%PDF-1.4\n%% nics=%s\n%%%%EOF\n' "$nics" > "$out/$b.pdf"`)
}

// sofficeScript writes a stand-in soffice that appends its PID to pids and runs perDoc
// for each input document, with $a its path, $b its base name without extension and
// $out the --outdir.
func sofficeScript(t *testing.T, perDoc string) (bin, pids string) {
	t.Helper()
	dir := t.TempDir()
	bin, pids = filepath.Join(dir, "soffice"), filepath.Join(dir, "pids")
	script := `#!/bin/sh
echo $$ >> '` + pids + `'
out=""; prev=""
for a in "$@"; do
	[ "$prev" = "--outdir" ] && out="$a"
	prev="$a"
done
for a in "$@"; do
	case "$a" in
	*/in/*)
		b=$(basename "$a"); b=${b%.*}
		` + perDoc + `;;
	esac
done
`
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return bin, pids
}

func fakeOffice(t *testing.T, mod func(*OfficeConfig)) (*Office, string) {
	t.Helper()
	bin, pids := fakeSoffice(t)
	cfg := DefaultOfficeConfig()
	cfg.Binary, cfg.BatchWindow, cfg.WorkDir = bin, 100*time.Millisecond, t.TempDir()
	if mod != nil {
		mod(&cfg)
	}
	o := NewOffice(cfg, nil)
	t.Cleanup(func() { o.Close() })
	return o, pids
}

// rtfDoc is a tiny document whose content steers the fake converter.
func rtfDoc(word string) []byte { return []byte(`{\rtf1\ansi ` + word + `\par}`) }

type toPDFResult struct {
	pdf []byte
	err error
}

// toPDFAll sends documents concurrently and returns each result in order.
func toPDFAll(o *Office, docs [][]byte) []toPDFResult {
	out := make([]toPDFResult, len(docs))
	var wg sync.WaitGroup
	for i, d := range docs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pdf, err := o.ToPDF(context.Background(), "doc.rtf", d)
			out[i] = toPDFResult{pdf, err}
		}()
		time.Sleep(time.Millisecond) // keep the order of arrival, hence of the batch
	}
	wg.Wait()
	return out
}

func TestOfficeBatchesABurst(t *testing.T) {
	o, _ := fakeOffice(t, nil)
	docs := make([][]byte, 40)
	for i := range docs {
		docs[i] = rtfDoc("doc " + strconv.Itoa(i))
	}
	for i, r := range toPDFAll(o, docs) {
		if r.err != nil || !strings.HasPrefix(string(r.pdf), "%PDF-") {
			t.Fatalf("document %d: %v %q", i, r.err, r.pdf)
		}
	}
	if n := o.starts.Load(); n != 2 { // MaxBatch 25: one full batch and the rest
		t.Errorf("40 documents took %d converter starts, want 2", n)
	}
}

func TestOfficeHangingDocumentLosesOnlyItself(t *testing.T) {
	o, pids := fakeOffice(t, func(c *OfficeConfig) { c.Timeout = time.Second })
	docs := [][]byte{rtfDoc("a"), rtfDoc("b"), rtfDoc("HANG"), rtfDoc("d"), rtfDoc("e")}
	start := time.Now()
	res := toPDFAll(o, docs)
	for i, r := range res {
		if i == 2 {
			if !errors.Is(r.err, ErrLimit) {
				t.Errorf("hanging document: err = %v, want ErrLimit", r.err)
			}
			continue
		}
		if r.err != nil {
			t.Errorf("document %d: %v", i, r.err)
		}
	}
	if took := time.Since(start); took > 6*time.Second {
		t.Errorf("took %s; the hang should cost about one Timeout", took)
	}
	assertGone(t, pids)
}

// assertGone checks that every converter process (and so its process group) was killed.
func assertGone(t *testing.T, pids string) {
	t.Helper()
	data, err := os.ReadFile(pids)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range strings.Fields(string(data)) {
		pgid, _ := strconv.Atoi(f)
		deadline := time.Now().Add(2 * time.Second)
		for groupAlive(pgid) && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
		}
		if groupAlive(pgid) {
			t.Errorf("process group %d still alive", pgid)
		}
	}
}

// groupAlive reports whether a process of the group still runs (zombies waiting for a
// reaper do not count: they hold no resources but a PID).
func groupAlive(pgid int) bool {
	procs, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, p := range procs {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		// pid (comm) state ppid pgrp ...; comm may hold spaces, so split after ')'.
		fields := strings.Fields(string(data[strings.LastIndexByte(string(data), ')')+1:]))
		if len(fields) > 2 && fields[2] == strconv.Itoa(pgid) && fields[0] != "Z" {
			return true
		}
	}
	return false
}

func TestOfficeFailingDocumentIsRetriedAlone(t *testing.T) {
	o, _ := fakeOffice(t, nil)
	res := toPDFAll(o, [][]byte{rtfDoc("a"), rtfDoc("FAIL"), rtfDoc("c")})
	if res[0].err != nil || res[2].err != nil {
		t.Errorf("good documents failed: %v, %v", res[0].err, res[2].err)
	}
	if res[1].err == nil || !strings.Contains(res[1].err.Error(), "no PDF") {
		t.Errorf("failing document: err = %v", res[1].err)
	}
	if n := o.starts.Load(); n != 2 { // the batch, then the failed one alone
		t.Errorf("%d starts, want 2", n)
	}
}

func TestOfficeQueueFull(t *testing.T) {
	o, _ := fakeOffice(t, func(c *OfficeConfig) { c.QueueSize, c.Concurrency, c.MaxBatch = 1, 1, 1 })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for range 3 { // one running, one queued, the rest refused
		go o.ToPDF(ctx, "slow.rtf", rtfDoc("SLOW"))
		time.Sleep(150 * time.Millisecond)
	}
	_, err := o.ToPDF(ctx, "slow.rtf", rtfDoc("SLOW"))
	if !errors.Is(err, ErrBusy) {
		t.Errorf("err = %v, want ErrBusy", err)
	}
}

func TestOfficeNetworkIsolation(t *testing.T) {
	o, _ := fakeOffice(t, nil)
	pdf, err := o.ToPDF(context.Background(), "a.rtf", rtfDoc("a"))
	if err != nil {
		t.Fatal(err)
	}
	if o.noNetNS.Load() {
		testutil.Missing(t, "permission to create a network namespace")
	}
	if !strings.Contains(string(pdf), "nics=0") {
		t.Errorf("converter saw network interfaces: %q", pdf)
	}
}

func TestOfficeUnavailable(t *testing.T) {
	cfg := DefaultOfficeConfig()
	cfg.Binary = filepath.Join(t.TempDir(), "no-soffice")
	o := NewOffice(cfg, nil)
	defer o.Close()
	if err := o.Available(); !errors.Is(err, ErrNoConverter) || !strings.Contains(err.Error(), "libreoffice-writer-nogui") {
		t.Errorf("Available() = %v", err)
	}
	if _, err := o.ToPDF(context.Background(), "a.rtf", rtfDoc("a")); !errors.Is(err, ErrNoConverter) {
		t.Errorf("ToPDF = %v, want ErrNoConverter", err)
	}
}

func TestOfficeRefusesOtherKinds(t *testing.T) {
	o, _ := fakeOffice(t, nil)
	if _, err := o.ToPDF(context.Background(), "a.pdf", []byte("%PDF-1.4\n")); !errors.Is(err, ErrUnsupported) {
		t.Errorf("ToPDF(pdf) = %v, want ErrUnsupported", err)
	}
}

func TestOfficeCloseKillsConversions(t *testing.T) {
	o, pids := fakeOffice(t, nil)
	errc := make(chan error, 1)
	go func() {
		_, err := o.ToPDF(context.Background(), "a.rtf", rtfDoc("HANG"))
		errc <- err
	}()
	time.Sleep(500 * time.Millisecond)
	o.Close()
	select {
	case err := <-errc:
		if err == nil {
			t.Error("ToPDF succeeded after Close")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ToPDF still waiting after Close")
	}
	assertGone(t, pids)
}

// TestStaleBatchDirsRemoved: a batch folder left by a process killed mid-batch (older
// than any batch may run) is removed when a converter starts; one younger, possibly
// another process's batch in progress, is left alone. LibreOffice itself is not needed.
func TestStaleBatchDirsRemoved(t *testing.T) {
	work := t.TempDir()
	stale, live := filepath.Join(work, "liaisond-office-1"), filepath.Join(work, "liaisond-office-2")
	for _, d := range []string{stale, live} {
		if err := os.MkdirAll(filepath.Join(d, "in"), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	cfg := DefaultOfficeConfig()
	cfg.Binary, cfg.WorkDir = "/nonexistent/soffice", work
	cfg.Timeout, cfg.MaxBatch = time.Second, 2
	old := time.Now().Add(-(cfg.Timeout*time.Duration(cfg.MaxBatch) + cfg.BatchWindow + 2*time.Minute))
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	o := NewOffice(cfg, nil)
	defer o.Close()
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the stale batch folder is still there (%v)", err)
	}
	if _, err := os.Stat(live); err != nil {
		t.Errorf("a live batch folder was removed: %v", err)
	}
}
