package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// testClock is a settable store clock.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *testClock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// postedStatement records a message and a posted statement for it.
func postedStatement(t *testing.T, db *DB, n int, purpose, deadline string) int64 {
	t.Helper()
	ctx := context.Background()
	res, err := db.Ingest(ctx, Envelope{Source: SourceSMTP}, rawOf([]byte(fmt.Sprintf("LS %d", n)), fmt.Sprintf("<%d@x>", n)))
	if err != nil {
		t.Fatal(err)
	}
	id, err := db.SaveStatement(ctx, StatementRecord{Message: res.ID, State: StatementPosted, IsLiaison: true,
		Confidence: 0.9, Title: "LS", Purpose: purpose, Deadline: deadline, Fields: json.RawMessage(`{}`)},
		Event{Type: "extracted"})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func outboxItem(kind, dest string, statement int64) NewOutbox {
	return NewOutbox{Kind: kind, Destination: dest, MessageID: fmt.Sprintf("<%d.%s.%s@x>", statement, kind, dest)}
}

func eventTypes(t *testing.T, db *DB, statement int64) []string {
	t.Helper()
	evs, err := db.Events(context.Background(), EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range evs {
		if e.Statement == statement {
			out = append(out, e.Type)
		}
	}
	return out
}

func fixedRetry(time.Duration) func(int) time.Duration {
	return func(int) time.Duration { return time.Minute }
}

// TestRecordDistributionOnce: the plan, the mark and the events go in together, and a
// second plan of the same statement records nothing.
func TestRecordDistributionOnce(t *testing.T) {
	db := openTest(t, Options{})
	ctx := context.Background()
	earlier := postedStatement(t, db, 1, "action", "2026-05-01")
	id := postedStatement(t, db, 2, "response", "")
	todo, err := db.StatementsToDistribute(ctx, 10)
	if err != nil || len(todo) != 2 {
		t.Fatalf("to distribute: %d, %v", len(todo), err)
	}
	plan := Distribution{
		Items:   []NewOutbox{outboxItem(OutboxForward, "Chairs@Example.org", id), outboxItem(OutboxNotice, "lm@example.org", id)},
		Events:  []Event{{Type: "distributed", Detail: map[string]any{"case": "central"}}},
		Answers: earlier,
	}
	ok, err := db.RecordDistribution(ctx, id, plan)
	if err != nil || !ok {
		t.Fatalf("record: %v %v", ok, err)
	}
	if ok, err := db.RecordDistribution(ctx, id, plan); err != nil || ok {
		t.Fatalf("second record: %v %v, want false", ok, err)
	}
	items, _ := db.OutboxItems(ctx, OutboxFilter{Statement: id})
	if len(items) != 2 || items[1].Destination != "chairs@example.org" || items[1].State != OutboxPending {
		t.Fatalf("outbox %+v", items)
	}
	if st, _ := db.GetStatement(ctx, earlier); !st.ActionTaken {
		t.Fatal("the answered statement's action is not taken")
	}
	if got := eventTypes(t, db, earlier); got[len(got)-1] != "action_taken" {
		t.Fatalf("events of the answered statement %v", got)
	}
	todo, _ = db.StatementsToDistribute(ctx, 10)
	if len(todo) != 1 || todo[0].ID != earlier {
		t.Fatalf("still to distribute: %+v", todo)
	}
}

// TestRedistributeKeepsSentOnes: after a reroute, only new destinations get a message.
func TestRedistributeKeepsSentOnes(t *testing.T) {
	db := openTest(t, Options{})
	ctx := context.Background()
	id := postedStatement(t, db, 1, "information", "")
	if ok, err := db.RecordDistribution(ctx, id, Distribution{Hold: "no known group"}); err != nil || !ok {
		t.Fatal(ok, err)
	}
	held, _ := db.HeldDistributions(ctx)
	if len(held) != 1 || held[0].Reason != "no known group" {
		t.Fatalf("held %+v", held)
	}
	if err := db.Redistribute(ctx, id, "alice"); err != nil {
		t.Fatal(err)
	}
	if held, _ := db.HeldDistributions(ctx); len(held) != 0 {
		t.Fatalf("still held %+v", held)
	}
	db.RecordDistribution(ctx, id, Distribution{Items: []NewOutbox{outboxItem(OutboxForward, "a@example.org", id)}})
	db.Redistribute(ctx, id, "alice")
	db.RecordDistribution(ctx, id, Distribution{Items: []NewOutbox{outboxItem(OutboxForward, "a@example.org", id),
		outboxItem(OutboxForward, "b@example.org", id)}})
	items, _ := db.OutboxItems(ctx, OutboxFilter{Statement: id})
	if len(items) != 2 {
		t.Fatalf("%d outbox rows, want 2 (a once, b)", len(items))
	}
	if err := db.Redistribute(ctx, 999, "alice"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("redistribute of a missing statement: %v", err)
	}
}

// TestClaimOutbox: a claim moves the next attempt forward; sent, retried and failed
// messages are recorded with their events; a manager can retry a failed one.
func TestClaimOutbox(t *testing.T) {
	clk := &testClock{now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
	db := openTest(t, Options{Now: clk.Now})
	ctx := context.Background()
	id := postedStatement(t, db, 1, "information", "")
	db.RecordDistribution(ctx, id, Distribution{Items: []NewOutbox{outboxItem(OutboxForward, "a@example.org", id),
		outboxItem(OutboxForward, "b@example.org", id)}})
	claim := OutboxClaim{Max: 10, RetryAfter: fixedRetry(time.Minute)}
	got, err := db.ClaimOutbox(ctx, claim)
	if err != nil || len(got) != 2 || got[0].Attempts != 1 || !got[0].NextAttempt.Equal(clk.Now().Add(time.Minute)) {
		t.Fatalf("claim: %+v %v", got, err)
	}
	if again, _ := db.ClaimOutbox(ctx, claim); len(again) != 0 {
		t.Fatalf("claimed again before the retry time: %+v", again)
	}
	if err := db.OutboxSent(ctx, got[0], Event{Type: "forwarded"}); err != nil {
		t.Fatal(err)
	}
	if err := db.OutboxRetry(ctx, got[1], errors.New("451 try later")); err != nil {
		t.Fatal(err)
	}
	clk.Add(time.Minute)
	retry, _ := db.ClaimOutbox(ctx, claim)
	if len(retry) != 1 || retry[0].Destination != "b@example.org" || retry[0].Attempts != 2 || retry[0].LastError != "451 try later" {
		t.Fatalf("retry claim %+v", retry)
	}
	if err := db.OutboxFailed(ctx, retry[0], errors.New("550 no such user"), Event{Type: "forward_failed"}); err != nil {
		t.Fatal(err)
	}
	counts, _ := db.OutboxCounts(ctx)
	if counts[OutboxSent] != 1 || counts[OutboxFailed] != 1 {
		t.Fatalf("counts %v", counts)
	}
	if err := db.RetryOutbox(ctx, retry[0].ID, "alice"); err != nil {
		t.Fatal(err)
	}
	if err := db.RetryOutbox(ctx, got[0].ID, "alice"); err == nil {
		t.Fatal("a sent message was requeued")
	}
	again, _ := db.ClaimOutbox(ctx, claim)
	if len(again) != 1 || again[0].Attempts != 1 || !again[0].Since.Equal(clk.Now()) {
		t.Fatalf("after a manager's retry: %+v", again)
	}
	want := []string{"extracted", "forwarded", "send_retry", "forward_failed", "send_requeued"}
	if got := eventTypes(t, db, id); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("events %v, want %v", got, want)
	}
}

// TestOutboxBudget: no more than the hourly budget goes to one destination; the rest
// waits until the hour has room, other destinations are not held up.
func TestOutboxBudget(t *testing.T) {
	clk := &testClock{now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
	db := openTest(t, Options{Now: clk.Now})
	ctx := context.Background()
	for n := range 5 {
		id := postedStatement(t, db, n, "information", "")
		db.RecordDistribution(ctx, id, Distribution{Items: []NewOutbox{outboxItem(OutboxForward, "busy@example.org", id)}})
	}
	other := postedStatement(t, db, 9, "information", "")
	db.RecordDistribution(ctx, other, Distribution{Items: []NewOutbox{outboxItem(OutboxForward, "quiet@example.org", other)}})
	claim := OutboxClaim{Max: 10, HourlyBudget: 2, RetryAfter: fixedRetry(time.Minute)}
	sentTo := map[string]int{}
	for range 3 {
		got, err := db.ClaimOutbox(ctx, claim)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range got {
			db.OutboxSent(ctx, it, Event{Type: "forwarded"})
			sentTo[it.Destination]++
		}
		clk.Add(10 * time.Minute)
	}
	if sentTo["busy@example.org"] != 2 || sentTo["quiet@example.org"] != 1 {
		t.Fatalf("sent within the first half hour: %v", sentTo)
	}
	clk.Add(40 * time.Minute)
	for range 3 {
		got, _ := db.ClaimOutbox(ctx, claim)
		for _, it := range got {
			db.OutboxSent(ctx, it, Event{Type: "forwarded"})
			sentTo[it.Destination]++
		}
		clk.Add(time.Minute)
	}
	if sentTo["busy@example.org"] != 4 {
		t.Fatalf("after the hour: %v, want 4 to busy", sentTo)
	}
}

// TestOutboxCancelsAndWaits: forwards of a withdrawn statement and reminders of an
// answered one are cancelled; a forward waits for pending PDFs, but not forever.
func TestOutboxCancelsAndWaits(t *testing.T) {
	clk := &testClock{now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
	db := openTest(t, Options{Now: clk.Now})
	ctx := context.Background()
	withdrawn := postedStatement(t, db, 1, "information", "")
	db.RecordDistribution(ctx, withdrawn, Distribution{Items: []NewOutbox{outboxItem(OutboxForward, "a@example.org", withdrawn)}})
	db.SetStatementState(ctx, withdrawn, StatementRejected, "alice", Event{Type: "rejected"})
	answered := postedStatement(t, db, 2, "action", "2026-03-10")
	db.PlanReminder(ctx, Reminder{Statement: answered, Deadline: "2026-03-10", Offset: -7},
		[]NewOutbox{outboxItem(OutboxReminder, "a@example.org", answered)}, Event{Type: "reminder_planned"})
	db.SetActionTaken(ctx, answered, "alice", Event{Type: "action_taken"})

	withPDF := postedStatement(t, db, 3, "information", "")
	st, _ := db.GetStatement(ctx, withPDF)
	err := db.SaveAttachments(ctx, st.Message, []Attachment{{Filename: "ls.docx", Kind: "docx", Size: 1, SHA256: "ab", Data: []byte("x")}},
		func(string) bool { return true })
	if err != nil {
		t.Fatal(err)
	}
	db.RecordDistribution(ctx, withPDF, Distribution{Items: []NewOutbox{outboxItem(OutboxForward, "b@example.org", withPDF)}})

	claim := OutboxClaim{Max: 10, PDFWait: 10 * time.Minute, RetryAfter: fixedRetry(time.Minute)}
	if got, _ := db.ClaimOutbox(ctx, claim); len(got) != 0 {
		t.Fatalf("claimed %+v, want nothing", got)
	}
	counts, _ := db.OutboxCounts(ctx)
	if counts[OutboxCancelled] != 2 || counts[OutboxPending] != 1 {
		t.Fatalf("counts %v", counts)
	}
	for i := 0; i < 20; i++ {
		clk.Add(time.Minute)
		if got, _ := db.ClaimOutbox(ctx, claim); len(got) == 1 {
			if clk.Now().Before(time.Date(2026, 3, 1, 12, 10, 0, 0, time.UTC)) {
				t.Fatalf("the forward did not wait for its PDF: claimed at %v", clk.Now())
			}
			return
		}
	}
	t.Fatal("the forward waited for its PDF forever")
}

// TestMigrationOutboxApproval: migration 16 rebuilds the outbox keeping every row as it
// was (id, statement, state, Message-ID), and the new table takes approval requests
// about an outgoing statement, with exactly one of statement and outgoing set.
func TestMigrationOutboxApproval(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	w, err := sql.Open("sqlite", dsn(path, Options{Tuning: Tuning{BusyTimeout: time.Second}}, false))
	if err != nil {
		t.Fatal(err)
	}
	for v := 1; v <= 15; v++ {
		names, _ := fs.Glob(migrations, fmt.Sprintf("migrations/%04d_*.sql", v))
		if len(names) == 0 {
			continue // numbers may have gaps
		}
		body, err := migrations.ReadFile(names[0])
		if err != nil {
			t.Fatal(err)
		}
		if err := applyMigration(ctx, w, v, string(body)); err != nil {
			t.Fatalf("migration %d: %v", v, err)
		}
	}
	for _, q := range []string{
		`INSERT INTO messages (id, message_id, sha256, size, source, received_at) VALUES (1, '', '', 0, 'file', '')`,
		`INSERT INTO statements (id, message, state, is_liaison, confidence, fields, received_at, updated_at) VALUES (7, 1, 'posted', 1, 1, '{}', '', '')`,
		`INSERT INTO outbox (id, statement, kind, destination, message_id, state, next_attempt, created_at, since, sent_at)
			VALUES (42, 7, 'forward', 'ccamp-chairs@example.org', '<fwd@x>', 'sent', 't', 't', 't', 't')`,
	} {
		if _, err := w.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()

	db, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	items, err := db.OutboxItems(ctx, OutboxFilter{})
	if err != nil || len(items) != 1 || items[0].ID != 42 || items[0].Statement != 7 || items[0].Outgoing != 0 ||
		items[0].MessageID != "<fwd@x>" || items[0].State != OutboxSent {
		t.Fatalf("after the migration: %+v %v", items, err)
	}
	id, err := db.SaveOutgoing(ctx, Outgoing{Author: "chair@example.org", From: []string{"CCAMP"}, To: []string{"MEF"},
		Purpose: "information", Title: "T", Body: "B"}, Event{Type: "outgoing_created"})
	if err != nil {
		t.Fatal(err)
	}
	req := NewOutbox{Kind: OutboxApproval, Slot: "r1", Destination: "AD@example.org", MessageID: "<approval@x>"}
	if err := db.SubmitOutgoing(ctx, id, Event{Type: "outgoing_submitted"}, []NewOutbox{req}); err != nil {
		t.Fatal(err)
	}
	if err := db.SubmitOutgoing(ctx, id, Event{}, nil); !errors.Is(err, ErrState) {
		t.Fatalf("a second submission: %v", err)
	}
	items, _ = db.OutboxItems(ctx, OutboxFilter{Outgoing: id})
	if len(items) != 1 || items[0].Statement != 0 || items[0].Destination != "ad@example.org" || items[0].Kind != OutboxApproval {
		t.Fatalf("approval rows %+v", items)
	}
	// The table refuses a row about both, or neither, and an approval about a statement.
	for _, q := range []string{
		`INSERT INTO outbox (statement, outgoing, kind, destination, message_id, next_attempt, created_at, since) VALUES (7, 1, 'approval', 'a', '<a1>', '', '', '')`,
		`INSERT INTO outbox (kind, destination, message_id, next_attempt, created_at, since) VALUES ('forward', 'a', '<a2>', '', '', '')`,
		`INSERT INTO outbox (statement, kind, destination, message_id, next_attempt, created_at, since) VALUES (7, 'approval', 'a', '<a3>', '', '', '')`,
		`INSERT INTO outbox (outgoing, kind, destination, message_id, next_attempt, created_at, since) VALUES (1, 'forward', 'a', '<a4>', '', '', '')`,
	} {
		if err := db.write(ctx, relaxed, func(tx *sql.Tx) error { _, err := tx.ExecContext(ctx, q); return err }); err == nil {
			t.Errorf("accepted: %s", q)
		}
	}
}
