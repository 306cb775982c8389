package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/liaisond/liaisond/internal/testutil"
)

// cli runs one command line in-process and returns its exit status and output.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestUsageAndExitCodes(t *testing.T) {
	if code, _, _ := cli(t); code != 2 {
		t.Fatalf("no command: exit %d, want 2", code)
	}
	if code, _, _ := cli(t, "frobnicate"); code != 2 {
		t.Fatalf("unknown command: exit %d, want 2", code)
	}
	if code, _, _ := cli(t, "messages", "--bogus"); code != 2 {
		t.Fatalf("unknown flag: exit %d, want 2", code)
	}
	dir := t.TempDir()
	code, _, stderr := cli(t, "ingest", "--data", dir, filepath.Join(dir, "missing.eml"))
	if code != 1 || strings.Count(strings.TrimSpace(stderr), "\n") > 1 {
		t.Fatalf("missing file: exit %d, stderr %q; want 1 and a short reason", code, stderr)
	}
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte("[smtp]\nlisten = 7\n"), 0o600)
	if code, _, _ := cli(t, "config", "check", "--config", bad); code != 1 {
		t.Fatalf("bad config: exit %d, want 1", code)
	}
	if code, out, _ := cli(t, "config", "check"); code != 0 || !strings.Contains(out, `listen = "127.0.0.1:2525"`) {
		t.Fatalf("config check of the defaults: exit %d\n%s", code, out)
	}
}

func TestIngestMessagesLogJSON(t *testing.T) {
	shared := testutil.SharedDir(t)
	files, _ := filepath.Glob(filepath.Join(shared, "corpus", "*.eml"))
	if len(files) == 0 {
		t.Fatal("no corpus files")
	}
	data := t.TempDir()
	args := append([]string{"ingest", "--data", data, "--rcpt", "statements@example.org"}, files...)
	code, out, stderr := cli(t, args...)
	if code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, fmt.Sprintf("recorded %d", len(files))) {
		t.Fatalf("ingest said %q", out)
	}
	// Ingesting again records nothing new.
	if _, out, _ = cli(t, args...); !strings.Contains(out, fmt.Sprintf("already recorded %d", len(files))) {
		t.Fatalf("second ingest said %q", out)
	}

	code, out, _ = cli(t, "messages", "--data", data, "--json", "--limit", "1000")
	if code != 0 {
		t.Fatal("messages failed")
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(files) {
		t.Fatalf("%d message lines, want %d", len(lines), len(files))
	}
	var row map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &row); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"id", "message_id", "sha256", "source", "received_at", "state", "error"} {
		if _, ok := row[key]; !ok {
			t.Errorf("messages --json lacks %q: %s", key, lines[0])
		}
	}
	if mid, _ := row["message_id"].(string); !strings.HasPrefix(mid, "<") {
		t.Errorf("message_id without angle brackets: %q", mid)
	}
	if _, err := time.Parse(time.RFC3339, row["received_at"].(string)); err != nil {
		t.Errorf("received_at not RFC 3339: %v", err)
	}

	code, out, _ = cli(t, "log", "--data", data, "--json")
	if code != 0 {
		t.Fatal("log failed")
	}
	var ev map[string]any
	json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &ev)
	for _, key := range []string{"time", "type", "message", "detail"} {
		if _, ok := ev[key]; !ok {
			t.Errorf("log --json lacks %q: %v", key, ev)
		}
	}
	if ev["type"] != "received" {
		t.Errorf("first event %v", ev["type"])
	}

	// The stored messages parse: reprocess runs the pipeline here and now.
	code, _, stderr = cli(t, "reprocess", "--data", data, "--all")
	if code != 0 || !strings.Contains(stderr, fmt.Sprintf("processed %d", len(files))) {
		t.Fatalf("reprocess: exit %d: %s", code, stderr)
	}
	_, out, _ = cli(t, "messages", "--data", data, "--state", "done", "--limit", "1000")
	if got := strings.Count(out, "\n") - 1; got != len(files) {
		t.Fatalf("%d messages done after reprocess, want %d:\n%s", got, len(files), out)
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	if code, _, stderr := cli(t, "backup", "--data", data, backup); code != 0 {
		t.Fatalf("backup: %s", stderr)
	}
	if _, out, _ := cli(t, "messages", "--data", filepath.Dir(backup)+"/nonexistent"); strings.Count(out, "\n") != 1 {
		t.Fatalf("an empty data folder lists messages: %q", out)
	}
}

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	mbox := filepath.Join(dir, "a.mbox")
	os.WriteFile(mbox, []byte("From x Mon Jan  5 10:00:00 2026\nMessage-ID: <a@x>\n\nA\n\nFrom y Mon Jan  5 10:00:00 2026\nMessage-ID: <b@x>\n\nB\n"), 0o600)
	code, out, stderr := cli(t, "import", "--data", dir, "--mbox", mbox)
	if code != 0 || !strings.Contains(out, "recorded 2") {
		t.Fatalf("import: %d %q %q", code, out, stderr)
	}
	if code, _, _ := cli(t, "import", "--data", dir); code != 2 {
		t.Fatalf("import without source: exit %d, want 2", code)
	}
}

// TestServeEndToEnd: the daemon takes mail, processes it, serves its probes and metrics,
// and `log -f` in another process sees the events as they are written.
func TestServeEndToEnd(t *testing.T) {
	dir := t.TempDir()
	cfgPath, smtpAddr, webAddr := writeConfig(t, dir, "")
	d := startDaemon(t, cfgPath, smtpAddr, webAddr)

	exe, _ := os.Executable()
	follow := exec.Command(exe, "log", "-f", "--json", "--config", cfgPath)
	follow.Env = append(os.Environ(), "LIAISOND_TEST_EXEC=1")
	stdout, _ := follow.StdoutPipe()
	if err := follow.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { follow.Process.Kill(); follow.Wait() }()
	events := make(chan map[string]any, 100)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			var ev map[string]any
			if json.Unmarshal(sc.Bytes(), &ev) == nil {
				events <- ev
			}
		}
		close(events)
	}()

	if err := sendOne(smtpAddr, []byte("From: a@example.com\r\nSubject: LS on tests\r\nMessage-ID: <e2e@example.com>\r\n\r\nbody\r\n")); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	timeout := time.After(20 * time.Second)
	for !seen["received"] || !seen["parsed"] {
		select {
		case ev, ok := <-events:
			if !ok {
				t.Fatal("log -f ended")
			}
			seen[ev["type"].(string)] = true
		case <-timeout:
			t.Fatalf("log -f saw %v, want received and parsed", seen)
		}
	}

	// Metrics are on the ops listener, without login; the public listener sends them to
	// the login page.
	for _, c := range []struct{ addr, path, want string }{
		{webAddr, "/healthz", "ok"},
		{webAddr, "/readyz", "ready"},
		{d.ops, "/healthz", "ok"},
		{d.ops, "/metrics", "liaisond_messages_received_total{source=\"smtp\"} 1"},
		{d.ops, "/metrics", "liaisond_unindexed_messages 0"},             // the message's job and events were written
		{d.ops, "/metrics", "liaisond_review_queue_oldest_age_seconds "}, // read from the database (review.Collector)
		{webAddr, "/metrics", "Liaison manager login"},
	} {
		resp, err := http.Get("http://" + c.addr + c.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(body), c.want) {
			t.Errorf("%s%s: %d, body lacks %q", c.addr, c.path, resp.StatusCode, c.want)
		}
	}
	d.stop(t)
	if !strings.Contains(d.stderr.String(), "stopped") {
		t.Fatalf("no orderly stop in the log: %s", d.stderr.String())
	}
}

// TestExtractCommand: `liaisond extract` prints the contract JSON, field names in
// contract order, and matches the corpus expectation on a sample.
func TestExtractCommand(t *testing.T) {
	shared := testutil.SharedDir(t)
	code, out, stderr := cli(t, "extract", "--config", filepath.Join(shared, "corpus", "directory.toml"),
		filepath.Join(shared, "corpus", "15-etsi-f5g-misdirected-to-opsawg.eml"))
	if code != 0 {
		t.Fatalf("extract: exit %d: %s", code, stderr)
	}
	order := []string{"is_liaison", "confidence", "title", "from", "from_contacts", "send_reply_to", "to", "to_contacts",
		"send_to", "purpose", "deadline", "in_response_to", "other_identifiers", "delivered_to", "misdirected",
		"route_to", "attachments", "evidence", "warnings"}
	last := -1
	for _, k := range order {
		i := strings.Index(out, `"`+k+`":`)
		if i < 0 || i < last {
			t.Fatalf("field %q missing or out of order in:\n%s", k, out)
		}
		last = i
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got["misdirected"] != true || got["delivered_to"] != "opsawg@example.org" {
		t.Fatalf("misdirected case: %v / %v", got["misdirected"], got["delivered_to"])
	}
	if code, _, _ := cli(t, "extract"); code != 2 {
		t.Fatalf("extract without a file: exit %d, want 2", code)
	}
}
