package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/liaisond/liaisond/directory"
	"github.com/liaisond/liaisond/store"
)

func TestReminderDue(t *testing.T) {
	offsets := ReminderOffsets([]int{14, 7, 3, 1, 0}, []int{1, 7})
	if fmt.Sprint(offsets) != "[-14 -7 -3 -1 0 1 7]" {
		t.Fatalf("offsets %v", offsets)
	}
	// Deadline 2026-04-30: the end of that day AoE is 2026-05-01 12:00 UTC. The day
	// deadline+k begins, AoE, at 12:00 UTC of that date.
	at := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }
	tests := []struct {
		now  string
		want int
		ok   bool
	}{
		{"2026-04-16T11:59:59Z", 0, false}, // 15 days before: nothing yet
		{"2026-04-16T12:00:00Z", -14, true},
		{"2026-04-23T11:59:59Z", -14, true},
		{"2026-04-23T12:00:00Z", -7, true},
		{"2026-04-30T12:00:00Z", 0, true},  // the deadline day begins AoE
		{"2026-05-01T11:59:59Z", 0, true},  // last second of the deadline
		{"2026-05-01T12:00:00Z", 1, true},  // passed
		{"2026-05-07T12:00:00Z", 7, true},  // a week after
		{"2026-05-08T11:59:59Z", 7, true},  // the last reminder's day
		{"2026-05-08T12:00:00Z", 0, false}, // then stop
		{"2026-06-30T12:00:00Z", 0, false},
	}
	for _, tt := range tests {
		got, ok := ReminderDue("2026-04-30", offsets, at(tt.now))
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s: %d %v, want %d %v", tt.now, got, ok, tt.want, tt.ok)
		}
	}
	if _, ok := ReminderDue("not a date", offsets, at("2026-04-30T00:00:00Z")); ok {
		t.Error("a bad deadline is due")
	}
}

var dueRE = regexp.MustCompile(`Subject: Reminder: ([a-z0-9 ]+):`)

// TestRemindersFakeClock: with a fake clock stepping an hour at a time through a
// deadline, each reminder goes out once at its offset, to the addressed groups, across a
// restart of the scheduler; an answered statement gets no more; a statement posted late
// gets only the reminders still ahead.
func TestRemindersFakeClock(t *testing.T) {
	h := newDistHarness(t)
	ctx := context.Background()
	h.clk.now = time.Date(2026, 4, 10, 0, 0, 0, 0, time.UTC)
	action := func(id string, groups ...string) int64 {
		return h.post(t, rawLS(id, "statements@example.org", "x"), "statements@example.org", map[string]any{
			"title": "LS " + id, "purpose": "action", "deadline": "2026-04-30", "delivered_to": "statements@example.org",
			"route_to": groups})
	}
	full := action("full", "CCAMP", "TEAS")
	answered := action("answered", "OPSAWG")
	h.runAll(ctx) // the forwards
	forwards := len(h.relay.messages())

	newScheduler := func() *Reminders {
		return &Reminders{DB: h.db, Dest: directory.NewDestinations(distConfig().Directory), Before: []int{14, 7, 3, 1, 0}, After: []int{1, 7},
			Domain: "example.org", Outbox: h.out, Now: h.clk.Now, Log: slog.New(slog.DiscardHandler)}
	}
	rem := newScheduler()
	var late int64
	sentAt := map[string][]string{} // recipient → "due text @ time"
	for h.clk.Now().Before(time.Date(2026, 5, 20, 0, 0, 0, 0, time.UTC)) {
		now := h.clk.Now()
		switch {
		case now.Equal(time.Date(2026, 4, 25, 0, 0, 0, 0, time.UTC)):
			// The response to "answered" is recorded: its reminders stop.
			h.db.SetActionTaken(ctx, answered, "alice", store.Event{Type: "action_taken"})
		case now.Equal(time.Date(2026, 4, 29, 0, 0, 0, 0, time.UTC)):
			late = action("late", "OPSAWG")
			rem = newScheduler() // and the daemon restarts
		}
		rem.RunOnce(ctx)
		before := len(h.relay.messages())
		h.runAll(ctx)
		for _, m := range h.relay.messages()[before:] {
			if !bytes.Contains(m.data, []byte("Reminder")) {
				continue
			}
			due := dueRE.FindSubmatch(m.data)
			sentAt[m.to] = append(sentAt[m.to], fmt.Sprintf("%s @ %s", due[1], now.Format("01-02 15h")))
		}
		h.clk.Add(time.Hour)
	}
	// Each offset at the first hourly step at or after 12:00 UTC of deadline+k (AoE midnight).
	want := []string{"due in 14 days @ 04-16 12h", "due in 7 days @ 04-23 12h", "due in 3 days @ 04-27 12h",
		"due tomorrow @ 04-29 12h", "due today @ 04-30 12h", "overdue by 1 day @ 05-01 12h", "overdue by 7 days @ 05-07 12h"}
	for _, to := range []string{"ccamp-chairs@example.org", "teas-chairs@example.org"} {
		if !slices.Equal(sentAt[to], want) {
			t.Errorf("%s got\n%v\nwant\n%v", to, sentAt[to], want)
		}
	}
	// opsawg-chairs: "answered" until its action was taken (2 reminders), then "late",
	// posted on 04-29 00:00 UTC and distributed in that step, from the next check (the
	// 3-day reminder's day is current; the 14- and 7-day ones are not sent late).
	wantOps := []string{"due in 14 days @ 04-16 12h", "due in 7 days @ 04-23 12h", "due in 3 days @ 04-29 01h",
		"due tomorrow @ 04-29 12h", "due today @ 04-30 12h", "overdue by 1 day @ 05-01 12h", "overdue by 7 days @ 05-07 12h"}
	if !slices.Equal(sentAt["opsawg-chairs@example.org"], wantOps) {
		t.Errorf("opsawg-chairs got\n%v\nwant\n%v", sentAt["opsawg-chairs@example.org"], wantOps)
	}
	for id, n := range map[int64]int{full: 7, answered: 2, late: 5} {
		rs, _ := h.db.Reminders(ctx, id)
		if len(rs) != n {
			t.Errorf("statement %d: %d reminders planned, want %d", id, len(rs), n)
		}
	}
	// Running again (another restart) after the end plans nothing.
	if n := newScheduler().RunOnce(ctx); n != 0 {
		t.Fatalf("%d reminders after the last one", n)
	}
	t.Logf("%d forwards, %d reminders", forwards+1, len(h.relay.messages())-forwards-1)
}

// TestUnansweredOutgoing: an outgoing For-Action statement whose deadline passes with no
// response gets one notice to the sending group's chairs, at the first offset after the
// deadline, not a reminder at every offset; an answered one gets none.
func TestUnansweredOutgoing(t *testing.T) {
	h := newDistHarness(t)
	ctx := context.Background()
	h.clk.now = time.Date(2026, 4, 10, 0, 0, 0, 0, time.UTC)
	sent := func(id string) int64 {
		raw := rawLS(id, "tsbsg15@itu.example", "x")
		sum := sha256.Sum256([]byte(raw))
		res, err := h.db.Ingest(ctx, store.Envelope{Source: store.SourceFile}, store.RawMessage{R: strings.NewReader(raw),
			Size: int64(len(raw)), SHA256: hex.EncodeToString(sum[:])})
		if err != nil {
			t.Fatal(err)
		}
		st, err := h.db.SaveStatement(ctx, store.StatementRecord{Message: res.ID, State: store.StatementPosted, Direction: store.DirectionOutgoing,
			IsLiaison: true, Confidence: 1, Title: "LS " + id, Purpose: "action", Deadline: "2026-04-30", From: []string{"CCAMP"},
			To: []string{"ITU-T SG15"}, Fields: []byte(`{"title":"LS ` + id + `"}`)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := h.db.RecordDistribution(ctx, st, store.Distribution{}); err != nil {
			t.Fatal(err)
		}
		return st
	}
	unanswered, answered := sent("unanswered"), sent("answered")
	h.out.Known = func(addr string) bool { return addr == "ccamp-chairs@example.org" } // the directory's roles
	rem := &Reminders{DB: h.db, Dest: directory.NewDestinations(distConfig().Directory), Before: []int{14, 7, 3, 1, 0}, After: []int{1, 7},
		Domain: "example.org", Outbox: h.out, Now: h.clk.Now, Log: slog.New(slog.DiscardHandler),
		Chairs: func(speakers []string) []string {
			if slices.Equal(speakers, []string{"CCAMP"}) {
				return []string{"ccamp-chairs@example.org"}
			}
			return nil
		}}
	var got []string
	for h.clk.Now().Before(time.Date(2026, 5, 20, 0, 0, 0, 0, time.UTC)) {
		if h.clk.Now().Equal(time.Date(2026, 4, 28, 0, 0, 0, 0, time.UTC)) {
			h.db.SetActionTaken(ctx, answered, "alice", store.Event{Type: "action_taken"})
		}
		rem.RunOnce(ctx)
		before := len(h.relay.messages())
		h.runAll(ctx)
		for _, m := range h.relay.messages()[before:] {
			got = append(got, fmt.Sprintf("%s @ %s: %v", m.to, h.clk.Now().Format("01-02 15h"),
				bytes.Contains(m.data, []byte("Subject: No response by the deadline: LS unanswered"))))
		}
		h.clk.Add(time.Hour)
	}
	if want := []string{"ccamp-chairs@example.org @ 05-01 12h: true"}; !slices.Equal(got, want) {
		t.Errorf("notices %v, want %v", got, want)
	}
	if rs, _ := h.db.Reminders(ctx, unanswered); len(rs) != 1 {
		t.Errorf("%d reminders planned for the unanswered statement, want 1", len(rs))
	}
}
