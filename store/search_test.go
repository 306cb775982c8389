package store

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
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

// TestSearchRanksTheNewestMatches: past rankedMatches matches, the newest are ranked and
// the older follow newest first; paging goes through every match exactly once.
func TestSearchRanksTheNewestMatches(t *testing.T) {
	defer func(n int) { rankedMatches = n }(rankedMatches)
	rankedMatches = 10
	db := openTest(t, Options{})
	ctx := context.Background()
	var posted []int64
	for i := range 30 {
		res, err := db.Ingest(ctx, Envelope{Source: SourceSMTP}, rawOf([]byte(fmt.Sprint("m", i)), ""))
		if err != nil {
			t.Fatal(err)
		}
		state := StatementPosted
		if i%4 == 0 {
			state = StatementQueued
		}
		title := "LS"
		if i%5 == 0 {
			title = "LS on widget" // a title match ranks first
		}
		id, err := db.SaveStatement(ctx, StatementRecord{Message: res.ID, State: state, Title: title, Fields: json.RawMessage(`{}`)})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.IndexStatement(ctx, id, title, strings.Repeat("widget text ", 1+i%3), ""); err != nil {
			t.Fatal(err)
		}
		if state == StatementPosted {
			posted = append(posted, id)
		}
	}
	var got []int64
	for page := 0; page < 10; page++ {
		hits, err := db.Search(ctx, SearchQuery{Text: "widget", State: StatementPosted, Limit: 7, Offset: page * 7})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hits {
			got = append(got, h.Statement.ID)
		}
	}
	if len(got) != len(posted) {
		t.Fatalf("%d hits over all pages, want %d: %v", len(got), len(posted), got)
	}
	seen := map[int64]bool{}
	for _, id := range got {
		if seen[id] {
			t.Fatalf("%d twice in %v", id, got)
		}
		seen[id] = true
	}
	// The ten newest matches (any state) are ranked: the posted ones among them come
	// first, title matches before the others; the older ones follow newest first.
	cut := posted[len(posted)-1] - 9
	var ranked int
	for _, id := range posted {
		if id >= cut {
			ranked++
		}
	}
	for i, id := range got {
		if (i < ranked) != (id >= cut) {
			t.Fatalf("hit %d is %d; the newest matches (from %d) should come first: %v", i, id, cut, got)
		}
	}
	if first, _ := db.GetStatement(ctx, got[0]); first.Title != "LS on widget" {
		t.Errorf("first hit %q, want a title match", first.Title)
	}
	if !slices.IsSortedFunc(got[ranked:], func(a, b int64) int { return cmp.Compare(b, a) }) {
		t.Errorf("older matches not newest first: %v", got[ranked:])
	}
}
