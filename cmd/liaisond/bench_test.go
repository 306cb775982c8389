package main

import (
	"bytes"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/liaisond/liaisond/internal/testutil"
)

// TestBenchQuick runs `liaisond bench --quick` as a process (its daemons are children of
// it): the intake table with 1/16/64 connections and the processing bursts, every
// statement posted and every DOCX converted by the real LibreOffice.
func TestBenchQuick(t *testing.T) {
	testutil.NeedCommand(t, "soffice")
	out := benchProcess(t, "--quick", "--big=false")
	for _, want := range []string{"| 4 KB | 64 |", "| 100 KB | 64 |"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no intake row %q", want)
		}
	}
	// | burst | statements | intake | drained after | statements/min | posted | queued | PDFs | ...
	row := regexp.MustCompile(`(?m)^\| (statement [^|]+) \| (\d+) \| [^|]+ \| [^|]+ \| [^|]+ \| (\d+) \| (\d+) \| (\d+) \|`)
	rows := row.FindAllStringSubmatch(out.String(), -1)
	if len(rows) != 3 {
		t.Fatalf("want 3 processing rows, got %d", len(rows))
	}
	for _, r := range rows {
		name, n, posted, pdfs := r[1], r[2], r[3], r[5]
		if posted != n {
			t.Errorf("%s: %s of %s posted", name, posted, n)
		}
		if strings.Contains(name, "PDF") && pdfs != n {
			t.Errorf("%s: %s of %s converted", name, pdfs, n)
		}
	}
}

// TestBenchRounds runs one quick interleaved round of the 1-connection row: the
// discarding sink, the synced floor and the daemon, with their ratios.
func TestBenchRounds(t *testing.T) {
	out := benchProcess(t, "--quick", "--rounds", "1", "--conns", "1")
	row := regexp.MustCompile(`(?m)^\| 1 \| 1 \| 100 \| \d+ \|.*\| \d+% \| \d+ \| [\d.]+ ms \| \d+% \|$`)
	if !row.MatchString(out.String()) {
		t.Errorf("no round with its floor columns")
	}
	if !strings.Contains(out.String(), "floor/discard") {
		t.Errorf("no floor summary")
	}
}

// benchProcess runs `liaisond bench` with args as a process (its daemons are its children).
func benchProcess(t *testing.T, args ...string) *bytes.Buffer {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, append([]string{"bench"}, args...)...)
	cmd.Env = append(os.Environ(), "LIAISOND_TEST_EXEC=1")
	cmd.Dir = t.TempDir()
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("bench: %v\n%s\n%s", err, out.String(), errOut.String())
	}
	t.Logf("\n%s", out.String())
	return &out
}
