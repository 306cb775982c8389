package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liaisond/liaisond/internal/teststore"
	"github.com/liaisond/liaisond/store"
)

// groupsConfig writes a config naming two directory groups and returns its path.
func groupsConfig(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "groups.toml")
	err := os.WriteFile(p, []byte(`[[group]]
name = "CCAMP"
addresses = ["ccamp@example.org"]
forward_to = ["ccamp-chairs@example.org"]
[[group]]
name = "OPSAWG"
addresses = ["opsawg@example.org"]
forward_to = ["opsawg-chairs@example.org"]
`), 0o600)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestRerouteAndActionTakenCommands: the web's remaining review actions on the command
// line, through the same review functions, with exit codes 0 (done), 1 (not possible)
// and 2 (a wrong command line or value).
func TestRerouteAndActionTakenCommands(t *testing.T) {
	dir := t.TempDir()
	cfg := groupsConfig(t, dir)
	id := seedQueued(t, dir)
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"reroute", "1"}, 2},           // no group
		{[]string{"reroute", "1", "NOSUCH"}, 2}, // not a group of the directory
		{[]string{"reroute", "x", "CCAMP"}, 2},  // not an ID
		{[]string{"reroute", "99", "CCAMP"}, 1}, // no such statement
		{[]string{"reroute", "1", "ccamp"}, 0},  // posted, routed to CCAMP
		{[]string{"reroute", "1", "OPSAWG"}, 0}, // already posted: distributed again
		{[]string{"action-taken", "1", "x"}, 2}, // extra argument
		{[]string{"action-taken", "1"}, 0},      // marked
		{[]string{"action-taken", "1"}, 1},      // already marked
		{[]string{"action-taken", "99"}, 1},     // no such statement
	} {
		args := append(c.args, "--data", dir, "--config", cfg)
		if code, out, errOut := cli(t, args...); code != c.code {
			t.Fatalf("%v: exit %d, want %d\n%s%s", c.args, code, c.code, out, errOut)
		}
	}
	db := teststore.OpenAt(t, filepath.Join(dir, "liaisond.db"), store.Options{})
	st, _ := db.GetStatement(context.Background(), id)
	if st.State != store.StatementPosted || !st.ActionTaken || !strings.Contains(string(st.Fields), `"route_to":["OPSAWG"]`) {
		t.Fatalf("after reroute and action-taken: %s %v %s", st.State, st.ActionTaken, st.Fields)
	}
	_, out, _ := cli(t, "log", "--data", dir, "--json")
	for _, typ := range []string{`"approved"`, `"redistribute"`, `"action_taken"`} {
		if !strings.Contains(out, typ) {
			t.Errorf("log lacks %s", typ)
		}
	}
}

// TestUserListAndPasswd: `user list` shows the logins; `user passwd` replaces a
// password (the old one stops working).
func TestUserListAndPasswd(t *testing.T) {
	dir := t.TempDir()
	pw := filepath.Join(dir, "pw")
	os.WriteFile(pw, []byte("correct horse battery\n"), 0o600)
	if code, _, errOut := cli(t, "user", "add", "alice", "--data", dir, "--password-file", pw); code != 0 {
		t.Fatalf("user add: %s", errOut)
	}
	code, out, _ := cli(t, "user", "list", "--data", dir)
	if code != 0 || !strings.Contains(out, "NAME") || !strings.Contains(out, "alice") {
		t.Fatalf("user list: %d\n%s", code, out)
	}
	code, out, _ = cli(t, "user", "list", "--data", dir, "--json")
	var u map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &u) != nil || u["name"] != "alice" || u["disabled"] != false {
		t.Fatalf("user list --json: %d %s", code, out)
	}
	pw2 := filepath.Join(dir, "pw2")
	os.WriteFile(pw2, []byte("staple battery horse\n"), 0o600)
	short := filepath.Join(dir, "short")
	os.WriteFile(short, []byte("short\n"), 0o600)
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"user", "passwd", "alice", "--password-file", pw2}, 0},
		{[]string{"user", "passwd", "bob", "--password-file", pw2}, 1},     // no such user
		{[]string{"user", "passwd", "alice", "--password-file", short}, 1}, // too short
		{[]string{"user", "passwd", "--password-file", pw2}, 2},            // no name
		{[]string{"user", "frob"}, 2},
		{[]string{"user"}, 2},
		{[]string{"user", "list", "x"}, 2},
	} {
		if code, out, errOut := cli(t, append(c.args, "--data", dir)...); code != c.code {
			t.Fatalf("%v: exit %d, want %d\n%s%s", c.args, code, c.code, out, errOut)
		}
	}
	db := teststore.OpenAt(t, filepath.Join(dir, "liaisond.db"), store.Options{})
	if _, err := db.CheckPassword(context.Background(), "alice", "staple battery horse"); err != nil {
		t.Fatalf("new password: %v", err)
	}
	if _, err := db.CheckPassword(context.Background(), "alice", "correct horse battery"); err == nil {
		t.Fatal("the old password still works")
	}
}

// TestLogPrintsMessageIDs: `log` and `log --json` print a Message-ID as <...>.
func TestLogPrintsMessageIDs(t *testing.T) {
	dir := t.TempDir()
	eml := filepath.Join(dir, "m.eml")
	os.WriteFile(eml, []byte("Message-ID: <ls45@itu.example>\r\nSubject: LS\r\n\r\nbody\r\n"), 0o600)
	if code, _, errOut := cli(t, "ingest", "--data", dir, eml); code != 0 {
		t.Fatal(errOut)
	}
	for _, args := range [][]string{{"log", "--data", dir}, {"log", "--data", dir, "--json"}} {
		_, out, _ := cli(t, args...)
		if !strings.Contains(out, `"<ls45@itu.example>"`) || strings.Contains(out, `\u003c`) {
			t.Errorf("%v:\n%s", args, out)
		}
	}
}

// TestBidiControlsCleanedOnCLIEdit: a title set on the command line with a bidi override
// is stored and printed without it.
func TestBidiControlsCleanedOnCLIEdit(t *testing.T) {
	dir := t.TempDir()
	seedQueued(t, dir)
	if code, _, errOut := cli(t, "edit", "--data", dir, "1", "title=LS on clocks\u202Efdp.exe", "from=ITU-T\u2066 SG15"); code != 0 {
		t.Fatal(errOut)
	}
	for _, args := range [][]string{{"show", "1"}, {"list", "--json"}, {"queue"}} {
		_, out, _ := cli(t, append(args, "--data", dir)...)
		if !strings.Contains(out, "LS on clocksfdp.exe") || strings.ContainsAny(out, "\u202e\u2066") || strings.Contains(out, `\u202e`) {
			t.Errorf("%v:\n%s", args, out)
		}
	}
}
