package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/liaisond/liaisond/internal/teststore"
	"github.com/liaisond/liaisond/store"
)

// TestReviewNoticesFakeClock: a queued statement is announced once to its sending body's
// liaison manager (one without a manager: to central), with its reasons and review link;
// after EscalateAfter it is escalated once to central; a statement posted meanwhile is
// not escalated; restarts of the scheduler send nothing twice.
func TestReviewNoticesFakeClock(t *testing.T) {
	h := newDistHarness(t)
	ctx := context.Background()
	queue := func(id string, from []string) int64 {
		raw := rawLS(id, "statements@example.org", "Title: LS "+id)
		sum := sha256.Sum256([]byte(raw))
		res, err := h.db.Ingest(ctx, store.Envelope{Source: store.SourceSMTP, Rcpt: []string{"statements@example.org"}},
			store.RawMessage{R: strings.NewReader(raw), Size: int64(len(raw)), SHA256: hex.EncodeToString(sum[:])})
		if err != nil {
			t.Fatal(err)
		}
		st, err := h.db.SaveStatement(ctx, store.StatementRecord{Message: res.ID, State: store.StatementQueued, IsLiaison: true,
			Confidence: 0.9, Title: "LS " + id, From: from, Fields: []byte(`{}`),
			ReviewReasons: []string{"not verified as " + strings.Join(from, ", ")}})
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	newNotices := func() *ReviewNotices {
		cfg := distConfig()
		cfg.Review.EscalateAfter = 7 * 24 * time.Hour
		n := NewReviewNotices(cfg, h.db, "example.org", nil, slog.New(slog.DiscardHandler))
		n.Now = h.clk.Now
		return n
	}
	itu := queue("a", []string{"ITU-T SG15"})
	unknown := queue("b", []string{"Some Forum"})
	round := func() {
		newNotices().RunOnce(ctx) // a new scheduler each time: as after a restart
		for h.out.RunOnce(ctx) > 0 {
		}
	}
	round()
	round()
	got := h.relay.messages()
	if len(got) != 2 {
		t.Fatalf("%d notices, want 2: %v", len(got), h.relay.recipients())
	}
	for _, m := range got {
		want := map[string]string{"itu-t-liaison@example.org": "LS a", "coordination@example.org": "LS b"}[m.to]
		if want == "" || !bytes.Contains(m.data, []byte("Subject: Waiting for review: "+want)) ||
			!bytes.Contains(m.data, []byte("not verified as")) || !bytes.Contains(m.data, []byte("http://record.test/queue/")) {
			t.Errorf("notice to %s:\n%s", m.to, m.data)
		}
	}

	// A manager posts the unknown body's statement; a week later only ITU-T's is escalated.
	if err := h.db.SetStatementState(ctx, unknown, store.StatementPosted, "manager", store.Event{Type: "approved"}); err != nil {
		t.Fatal(err)
	}
	h.clk.Add(6 * 24 * time.Hour)
	round()
	if n := len(h.relay.messages()); n != 2 {
		t.Fatalf("escalated before escalate_after: %v", h.relay.recipients())
	}
	h.clk.Add(25 * time.Hour)
	round()
	round()
	got = h.relay.messages()
	if len(got) != 3 || got[2].to != "coordination@example.org" || !bytes.Contains(got[2].data, []byte("Subject: Still waiting for review: LS a")) {
		t.Fatalf("after a week: %v", h.relay.recipients())
	}
	if !bytes.Contains(got[2].data, []byte("waited for review for 7 days")) {
		t.Errorf("escalation text:\n%s", got[2].data)
	}
	if evs := teststore.StatementEvents(t, h.db, itu); evs["review_notice_planned"].Detail["kind"] != store.ReviewNoticeEscalated {
		t.Errorf("events of the escalated statement: %v", evs)
	}
}
