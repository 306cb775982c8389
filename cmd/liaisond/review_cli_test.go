package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liaisond/liaisond/internal/teststore"
	"github.com/liaisond/liaisond/store"
)

// seedQueued records one queued statement in the data folder dir and returns its id.
func seedQueued(t *testing.T, dir string) int64 {
	t.Helper()
	ctx := context.Background()
	db := teststore.OpenAt(t, filepath.Join(dir, "liaisond.db"), store.Options{})
	defer db.Close() // the commands of the test open it next
	raw := []byte("Subject: LS on clocks\r\n\r\nbody\r\n")
	sum := sha256.Sum256(raw)
	res, err := db.Ingest(ctx, store.Envelope{Source: store.SourceFile},
		store.RawMessage{R: bytes.NewReader(raw), Size: int64(len(raw)), SHA256: hex.EncodeToString(sum[:])})
	if err != nil {
		t.Fatal(err)
	}
	id, err := db.SaveStatement(ctx, store.StatementRecord{Message: res.ID, State: store.StatementQueued, IsLiaison: true,
		Confidence: 0.5, Title: "LS on clocks", ReviewReasons: []string{"low confidence (0.50)"}, From: []string{"ITU-T SG15"},
		Fields: json.RawMessage(`{"title":"LS on clocks","from":["ITU-T SG15"],"to":[],"purpose":null,"deadline":null}`)},
		store.Event{Type: "extracted"})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// TestReviewCommands: list, show, queue, edit, approve, reject and user add, with the
// JSON contract of list/show.
func TestReviewCommands(t *testing.T) {
	dir := t.TempDir()
	seedQueued(t, dir)
	code, out, _ := cli(t, "queue", "--data", dir)
	if code != 0 || !strings.Contains(out, "LS on clocks") || !strings.Contains(out, "low confidence") {
		t.Fatalf("queue: %d\n%s", code, out)
	}
	if code, _, errOut := cli(t, "edit", "--data", dir, "1", "deadline=31/03/2026"); code != 2 || !strings.Contains(errOut, "YYYY-MM-DD") {
		t.Fatalf("bad edit: %d %s", code, errOut)
	}
	if code, out, errOut := cli(t, "edit", "--data", dir, "1", "deadline=2026-03-31", "to=IETF CCAMP WG, IETF OPSAWG WG", "purpose=action"); code != 0 {
		t.Fatalf("edit: %d %s %s", code, out, errOut)
	}
	if code, _, _ := cli(t, "approve", "--data", dir, "1"); code != 0 {
		t.Fatal("approve failed")
	}
	if code, _, _ := cli(t, "approve", "--data", dir, "1"); code != 1 {
		t.Fatal("a second approve succeeded")
	}
	code, out, _ = cli(t, "list", "--data", dir, "--json", "--state", "posted")
	if code != 0 {
		t.Fatalf("list: %d", code)
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatalf("list --json: %v\n%s", err, out)
	}
	for _, k := range []string{"id", "state", "received_at", "posted_at", "title", "from", "to", "purpose", "deadline"} {
		if _, ok := rec[k]; !ok {
			t.Errorf("list --json lacks %q", k)
		}
	}
	if rec["deadline"] != "2026-03-31" || rec["state"] != "posted" || len(rec["to"].([]any)) != 2 {
		t.Fatalf("list --json %v", rec)
	}
	code, out, _ = cli(t, "show", "--data", dir, "1", "--json")
	if code != 0 || !strings.Contains(out, `"history"`) || !strings.Contains(out, `"approved"`) {
		t.Fatalf("show --json: %d %s", code, out)
	}
	code, out, _ = cli(t, "show", "--data", dir, "1")
	if code != 0 || !strings.Contains(out, "Deadline:          2026-03-31") {
		t.Fatalf("show: %d\n%s", code, out)
	}
	if code, _, _ := cli(t, "reject", "--data", dir, "1", "not", "a", "statement"); code != 0 {
		t.Fatal("reject failed")
	}
	if code, _, _ := cli(t, "show", "--data", dir, "99"); code != 1 {
		t.Fatal("show of a missing statement succeeded")
	}
	if code, _, _ := cli(t, "list", "--data", dir, "--state", "bogus"); code != 2 {
		t.Fatal("bad state accepted")
	}
	pw := filepath.Join(dir, "pw")
	os.WriteFile(pw, []byte("correct horse battery\n"), 0o600)
	if code, out, errOut := cli(t, "user", "add", "alice", "--data", dir, "--password-file", pw); code != 0 || !strings.Contains(out, "alice added") {
		t.Fatalf("user add: %d %s %s", code, out, errOut)
	}
	if code, _, _ := cli(t, "user", "add", "alice", "--data", dir, "--password-file", pw); code != 1 {
		t.Fatal("duplicate user accepted")
	}
	if code, _, _ := cli(t, "user", "add", "bad name", "--data", dir, "--password-file", pw); code != 2 {
		t.Fatal("bad name accepted")
	}
	_, out, _ = cli(t, "log", "--data", dir, "--json")
	for _, typ := range []string{`"edited"`, `"approved"`, `"rejected"`, `"user_added"`} {
		if !strings.Contains(out, typ) || !strings.Contains(out, "(cli)") {
			t.Errorf("log lacks %s with a cli actor", typ)
		}
	}
}
