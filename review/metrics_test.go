package review

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/liaisond/liaisond/internal/teststore"
	"github.com/liaisond/liaisond/store"
)

// openWithStatements opens a fresh store and records one statement per state given.
func openWithStatements(t *testing.T, now func() time.Time, states ...string) *store.DB {
	t.Helper()
	ctx := context.Background()
	db := teststore.Open(t, store.Options{Now: now})
	for i, state := range states {
		raw := []byte(fmt.Sprintf("Subject: LS %d\r\n\r\nbody\r\n", i))
		sum := sha256.Sum256(raw)
		res, err := db.Ingest(ctx, store.Envelope{Source: store.SourceFile},
			store.RawMessage{R: bytes.NewReader(raw), Size: int64(len(raw)), SHA256: hex.EncodeToString(sum[:])})
		if err != nil {
			t.Fatal(err)
		}
		title := fmt.Sprintf("LS %d", i)
		fields, _ := json.Marshal(map[string]any{"title": title, "from": []string{}, "to": []string{}})
		if _, err := db.SaveStatement(ctx, store.StatementRecord{Message: res.ID, State: state, IsLiaison: true, Title: title,
			Fields: fields}, store.Event{Type: "extracted"}); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// TestCollector: statements by state and the queue's size and oldest age come from the
// database at each scrape, so they follow manager actions (and survive a restart).
func TestCollector(t *testing.T) {
	start := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	clock := start
	db := openWithStatements(t, func() time.Time { return clock }, store.StatementQueued, store.StatementQueued, store.StatementPosted)
	c := NewCollector(db)
	c.now = func() time.Time { return start.Add(90 * time.Minute) }
	reg := prometheus.NewRegistry()
	reg.MustRegister(c)
	want := func(oldest float64, queue, posted, queued, rejected float64) {
		t.Helper()
		mfs, err := reg.Gather()
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]float64{}
		for _, mf := range mfs {
			for _, m := range mf.GetMetric() {
				name := mf.GetName()
				for _, l := range m.GetLabel() {
					name += "{" + l.GetValue() + "}"
				}
				got[name] = m.GetGauge().GetValue()
			}
		}
		exp := map[string]float64{"liaisond_review_queue_oldest_age_seconds": oldest, "liaisond_review_queue_size": queue,
			"liaisond_statements{posted}": posted, "liaisond_statements{queued}": queued, "liaisond_statements{rejected}": rejected,
			"liaisond_statements{failed}": 0}
		if fmt.Sprint(got) != fmt.Sprint(exp) {
			t.Fatalf("gauges %v, want %v", got, exp)
		}
	}
	want(5400, 2, 1, 2, 0)
	ctx := context.Background()
	if err := Approve(ctx, db, 1, "alice"); err != nil {
		t.Fatal(err)
	}
	if err := Reject(ctx, db, 2, "alice", ""); err != nil {
		t.Fatal(err)
	}
	want(0, 0, 2, 0, 1)
}
