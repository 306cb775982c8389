package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// addStatement records a message, its attachments and its statement, as the pipeline
// would, and returns the statement id.
func addStatement(t testing.TB, db *DB, title, state string, attText string) int64 {
	t.Helper()
	ctx := context.Background()
	res, err := db.Ingest(ctx, Envelope{Source: SourceFile}, rawOf([]byte("Subject: "+title+"\r\n\r\nbody"), "<"+title+"@x>"))
	if err != nil {
		t.Fatal(err)
	}
	if attText != "" {
		data := []byte(attText)
		sum := sha256.Sum256(data)
		err := db.SaveAttachments(ctx, res.ID, []Attachment{{Filename: "ls.txt", Size: int64(len(data)),
			SHA256: hex.EncodeToString(sum[:]), Text: attText, Data: data}}, func(string) bool { return false })
		if err != nil {
			t.Fatal(err)
		}
	}
	id, err := db.SaveStatement(ctx, StatementRecord{Message: res.ID, State: state, IsLiaison: true, Confidence: 0.9,
		Title: title, From: []string{"ITU-T SG15"}, To: []string{"IETF CCAMP WG"},
		Fields: json.RawMessage(`{"title":` + jsonString(title) + `}`)}, Event{Type: "extracted"})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestSearchIndexAndTriggers(t *testing.T) {
	db := openTest(t, Options{})
	ctx := context.Background()
	posted := addStatement(t, db, "LS on optical transport", StatementPosted, "The OTN frame carries wavelength labels.")
	queued := addStatement(t, db, "LS on optical secrets", StatementQueued, "")
	if err := db.IndexStatement(ctx, posted, "LS on optical transport", "Dear colleagues, please review the flexgrid text.",
		"The OTN frame carries wavelength labels."); err != nil {
		t.Fatal(err)
	}

	find := func(text, state string) []SearchHit {
		t.Helper()
		hits, err := db.Search(ctx, SearchQuery{Text: text, State: state})
		if err != nil {
			t.Fatalf("search %q: %v", text, err)
		}
		return hits
	}
	// Title, body and attachment text are all searched; the snippet marks the match.
	for _, q := range []string{"optical", "flexgrid", "wavelength", "OTN frame", "wave*"} {
		hits := find(q, StatementPosted)
		if len(hits) != 1 || hits[0].Statement.ID != posted {
			t.Fatalf("%q: %d hits", q, len(hits))
		}
		if !strings.Contains(hits[0].Snippet, MarkStart) {
			t.Errorf("%q: snippet %q has no mark", q, hits[0].Snippet)
		}
	}
	// The state filter keeps the queued statement out; without it both match.
	if hits := find("optical", ""); len(hits) != 2 {
		t.Fatalf("any state: %d hits", len(hits))
	}
	if hits := find("secrets", StatementPosted); len(hits) != 0 {
		t.Fatal("a queued statement was found among posted ones")
	}
	// Query syntax from the user is plain words, never an error.
	for _, q := range []string{`"unbalanced`, `title:optical`, `AND OR NOT`, `NEAR(a b)`, `*`, `-`, `'; DROP TABLE x`} {
		if _, err := db.Search(ctx, SearchQuery{Text: q}); err != nil {
			t.Errorf("%q: %v", q, err)
		}
	}
	// A manager's edit of the title reaches the index through the trigger.
	err := db.EditStatement(ctx, queued, "alice", map[string]json.RawMessage{"title": json.RawMessage(`"LS on packet clocks"`)},
		StatementRecord{Title: "LS on packet clocks"})
	if err != nil {
		t.Fatal(err)
	}
	if hits := find("clocks", ""); len(hits) != 1 || hits[0].Statement.ID != queued {
		t.Fatalf("edited title not indexed: %d hits", len(hits))
	}
	// New attachment text (reprocessing) reaches the index through the trigger.
	st, _ := db.GetStatement(ctx, queued)
	data := []byte("synchronisation profile")
	sum := sha256.Sum256(data)
	if err := db.SaveAttachments(ctx, st.Message, []Attachment{{Filename: "a.txt", Size: int64(len(data)),
		SHA256: hex.EncodeToString(sum[:]), Text: string(data), Data: data}}, func(string) bool { return false }); err != nil {
		t.Fatal(err)
	}
	if hits := find("synchronisation", ""); len(hits) != 1 {
		t.Fatalf("attachment text not indexed: %d hits", len(hits))
	}
}

func TestMatchExpr(t *testing.T) {
	for in, want := range map[string]string{
		"":                 "",
		"optical":          `"optical"`,
		"S2-2512345 flex*": `"S2-2512345" "flex"*`,
		`"a" OR b`:         `"a" "OR" "b"`,
		"title:x":          `"title" "x"`,
	} {
		if got := MatchExpr(in); got != want {
			t.Errorf("MatchExpr(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRepliesAndFacets(t *testing.T) {
	db := openTest(t, Options{})
	ctx := context.Background()
	first := addStatement(t, db, "LS one", StatementPosted, "")
	res, _ := db.Ingest(ctx, Envelope{Source: SourceFile}, rawOf([]byte("reply"), "<r@x>"))
	reply, err := db.SaveStatement(ctx, StatementRecord{Message: res.ID, State: StatementPosted, IsLiaison: true,
		Title: "Reply", From: []string{"IETF CCAMP WG"}, To: []string{"ITU-T SG15"}, RepliesTo: first,
		Fields: json.RawMessage(`{}`)}, Event{Type: "extracted"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := db.Replies(ctx, first, StatementPosted)
	if err != nil || len(got) != 1 || got[0].ID != reply {
		t.Fatalf("replies %v %v", got, err)
	}
	if got, _ := db.Replies(ctx, first, StatementQueued); len(got) != 0 {
		t.Fatal("state filter ignored")
	}
	f, err := db.StatementFacets(ctx, StatementPosted)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.From) != 2 || len(f.To) != 2 || len(f.Years) != 1 || f.Years[0] != time.Now().UTC().Year() {
		t.Fatalf("facets %+v", f)
	}
}

func TestUsersAndSessions(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	db := openTest(t, Options{Now: func() time.Time { return now }})
	ctx := context.Background()
	if _, err := db.AddUser(ctx, "alice", "short", "cli"); err == nil {
		t.Fatal("short password accepted")
	}
	if _, err := db.AddUser(ctx, "bad name", "long enough password", "cli"); err == nil {
		t.Fatal("name with a space accepted")
	}
	id, err := db.AddUser(ctx, "alice", "correct horse battery", "cli")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddUser(ctx, "Alice", "another password", "cli"); !errors.Is(err, ErrUserExists) {
		t.Fatalf("duplicate (case-insensitive) name: %v", err)
	}
	if _, err := db.CheckPassword(ctx, "alice", "wrong password!"); !errors.Is(err, ErrBadLogin) {
		t.Fatalf("wrong password: %v", err)
	}
	if _, err := db.CheckPassword(ctx, "nobody", "correct horse battery"); !errors.Is(err, ErrBadLogin) {
		t.Fatalf("unknown user: %v", err)
	}
	u, err := db.CheckPassword(ctx, "alice", "correct horse battery")
	if err != nil || u.ID != id {
		t.Fatalf("login: %v %v", u, err)
	}
	token, s, err := db.CreateSession(ctx, u.ID, time.Hour)
	if err != nil || s.CSRF == "" || s.User.Name != "alice" {
		t.Fatalf("session %+v %v", s, err)
	}
	got, err := db.SessionByToken(ctx, token)
	if err != nil || got.User.ID != id || got.CSRF != s.CSRF {
		t.Fatalf("lookup %+v %v", got, err)
	}
	if _, err := db.SessionByToken(ctx, token+"x"); !errors.Is(err, ErrNotFound) {
		t.Fatal("a wrong token found a session")
	}
	// The token itself is not stored.
	var n int
	db.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM sessions WHERE token_hash = ?`, token).Scan(&n)
	if n != 0 {
		t.Fatal("session token stored in clear")
	}
	now = now.Add(2 * time.Hour)
	if _, err := db.SessionByToken(ctx, token); !errors.Is(err, ErrNotFound) {
		t.Fatal("expired session still valid")
	}
	token2, _, _ := db.CreateSession(ctx, u.ID, time.Hour)
	if err := db.DeleteSession(ctx, token2); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SessionByToken(ctx, token2); !errors.Is(err, ErrNotFound) {
		t.Fatal("logged-out session still valid")
	}
	evs, _ := db.Events(ctx, EventFilter{})
	if len(evs) != 1 || evs[0].Type != "user_added" || evs[0].Detail["user"] != "alice" {
		t.Fatalf("events %+v", evs)
	}
}

// TestSearchOrder: statements with every word in their title come first, then the
// others, newest first in each; paging goes through every match exactly once.
func TestSearchOrder(t *testing.T) {
	db := openTest(t, Options{})
	ctx := context.Background()
	var titled, others []int64 // posted, newest first
	for i := range 30 {
		res, err := db.Ingest(ctx, Envelope{Source: SourceSMTP}, rawOf([]byte(fmt.Sprint("m", i)), ""))
		if err != nil {
			t.Fatal(err)
		}
		state := StatementPosted
		if i%4 == 0 {
			state = StatementQueued
		}
		title, body := "LS on gadgets", "widget text"
		switch i % 5 {
		case 0:
			title = "LS on widget tests"
		case 1:
			title, body = "LS on widget", "text" // one word in the title, the other in the body
		}
		id, err := db.SaveStatement(ctx, StatementRecord{Message: res.ID, State: state, Title: title, Fields: json.RawMessage(`{}`)})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.IndexStatement(ctx, id, title, body+" tests", ""); err != nil {
			t.Fatal(err)
		}
		if state != StatementPosted {
			continue
		}
		if i%5 == 0 {
			titled = append([]int64{id}, titled...)
		} else {
			others = append([]int64{id}, others...)
		}
	}
	want := append(titled, others...)
	for _, size := range []int{1, 4, 7, 100} {
		var got []int64
		for page := 0; page < 40; page++ {
			hits, err := db.Search(ctx, SearchQuery{Text: "widget tests", State: StatementPosted, Limit: size, Offset: page * size})
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range hits {
				got = append(got, h.Statement.ID)
				if !strings.Contains(h.Snippet, MarkStart) {
					t.Errorf("snippet of %d marks nothing: %q", h.Statement.ID, h.Snippet)
				}
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("pages of %d:\n got %v\nwant %v", size, got, want)
		}
	}
}
