package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/liaisond/liaisond/internal/testutil"
)

// TestQuickstartConfig: the README's quick start directory (deploy/quickstart.toml)
// passes `config check`, and with it the first message of the sample corpus is posted,
// routed to its group, rather than queued for "no known group" as on the bare defaults.
// It records and processes the message in-process (ingest, then reprocess), which is
// the path SMTP mail takes after its 250.
func TestQuickstartConfig(t *testing.T) {
	shared := testutil.SharedDir(t)
	cfg := filepath.Join(testutil.ModuleRoot(t), "deploy", "quickstart.toml")
	if code, out, stderr := cli(t, "config", "check", "--config", cfg); code != 0 || !strings.Contains(out, `name = "DETNET"`) ||
		strings.Contains(stderr, "warning") {
		t.Fatalf("config check: exit %d: %s\n%s", code, stderr, out)
	}
	files, _ := filepath.Glob(filepath.Join(shared, "corpus", "01-*.eml"))
	if len(files) != 1 {
		t.Fatalf("corpus message 01: %v", files)
	}
	data := t.TempDir()
	if code, _, stderr := cli(t, "ingest", "--config", cfg, "--data", data, "--rcpt", "statements@example.org", files[0]); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	if code, _, stderr := cli(t, "reprocess", "--all", "--config", cfg, "--data", data); code != 0 {
		t.Fatalf("reprocess: exit %d: %s", code, stderr)
	}
	code, out, stderr := cli(t, "list", "--json", "--config", cfg, "--data", data)
	if code != 0 {
		t.Fatalf("list: exit %d: %s", code, stderr)
	}
	var st struct {
		State   string   `json:"state"`
		RouteTo []string `json:"route_to"`
	}
	if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &st); err != nil {
		t.Fatalf("list --json: %v\n%s", err, out)
	}
	if st.State != "posted" || !slices.Equal(st.RouteTo, []string{"DETNET"}) {
		t.Fatalf("message 01 with the quick start directory: state %q, route_to %v; want posted to DETNET\n%s", st.State, st.RouteTo, out)
	}
}
