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
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "bench", "--quick", "--big=false")
	cmd.Env = append(os.Environ(), "LIAISOND_TEST_EXEC=1")
	cmd.Dir = t.TempDir()
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("bench: %v\n%s\n%s", err, out.String(), errOut.String())
	}
	t.Logf("\n%s", out.String())
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
