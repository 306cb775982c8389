package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"log/slog"
	"slices"
	"strings"
	"testing"

	"github.com/liaisond/liaisond/message"
	"github.com/liaisond/liaisond/store"
)

// recordAs records raw as intake does, with its Message-ID and envelope recipient.
func recordAs(t testing.TB, db *store.DB, raw []byte, rcpt string) int64 {
	t.Helper()
	sum := sha256.Sum256(raw)
	msg, err := message.ParseBytes(raw, message.ParseLimits{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := db.Ingest(context.Background(), store.Envelope{Source: store.SourceSMTP, Rcpt: []string{rcpt}},
		store.RawMessage{R: bytes.NewReader(raw), Size: int64(len(raw)), SHA256: hex.EncodeToString(sum[:]), MessageID: msg.MessageID})
	if err != nil {
		t.Fatal(err)
	}
	return res.ID
}

// otherRoute is the same mail as it arrives by another route: other trace fields, and a
// line end more at the end.
func otherRoute(raw string) string {
	raw = strings.Replace(raw, "Delivered-To: statements@example.org\r\n",
		"Delivered-To: liaison-coordination@example.org\r\nX-Original-To: liaison-coordination@example.org\r\n", 1)
	return "Return-Path: <ilse.marchetti@example.com>\r\nReceived: from list.example.org (list.example.org [192.0.2.80])\r\n" +
		"\tby mx2.example.org (Postfix) with ESMTP id 9QQ; Mon, 26 Jan 2026 14:07:40 +0100\r\n" +
		strings.TrimPrefix(raw, "Return-Path: <ilse.marchetti@example.com>\r\n") + "\r\n"
}

// asBase64 re-encodes the body of a single-part message in base64, as a relay may.
func asBase64(raw string) string {
	head, body, _ := strings.Cut(raw, "\r\n\r\n")
	head = strings.Replace(head, "Content-Transfer-Encoding: 7bit", "Content-Transfer-Encoding: base64", 1)
	enc := base64.StdEncoding.EncodeToString([]byte(body))
	var b strings.Builder
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\r\n")
	return head + "\r\n\r\n" + b.String()
}

// TestSameStatementTwice: the same mail arriving twice by two routes (its trace fields,
// its transfer encoding or a trailing line end differ) is one statement, posted once; the
// second copy is linked as a duplicate and keeps its own bytes. The same Message-ID with
// other content goes to the review queue, saying so. The log line of each job says its
// outcome.
func TestSameStatementTwice(t *testing.T) {
	cfg := corpusConfig(t)
	cfg.Extract.PostThreshold = 0.5
	rawBytes := corpusMessage(t, "01-3gpp-sa2-ls-in-body.eml")
	original := string(rawBytes)
	noID := strings.Replace(original, "Message-ID: <af468991e846133c.05cd573c@example.com>\r\n", "", 1)
	tests := []struct {
		name      string
		second    string
		duplicate bool
		reason    string // of the second statement, when it is one
	}{
		{name: "trace fields and a trailing CRLF differ", second: otherRoute(original), duplicate: true},
		{name: "body re-encoded in base64", second: asBase64(original), duplicate: true},
		{name: "other content under the same Message-ID",
			second: strings.Replace(original, "meeting #172", "meeting #173", 1), reason: "same Message-ID"},
		{name: "same content without a Message-ID is not compared", second: otherRoute(noID)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first := original
			if !strings.Contains(tt.second, "Message-ID:") {
				first = noID // both without one
			}
			db := openDB(t, nil)
			ctx := context.Background()
			var logs bytes.Buffer
			posted := 0
			stages := &Stages{DB: db, TextLimits: cfg.Convert, Classifier: NewClassifier(cfg), Posted: func() { posted++ }}
			p := New(testConfig, db, stages, slog.New(slog.NewTextHandler(&logs, nil)), nil)
			a := recordAs(t, db, []byte(first), "statements@example.org")
			if n := p.RunOnce(ctx); n != 1 {
				t.Fatalf("first copy: %d jobs", n)
			}
			b := recordAs(t, db, []byte(tt.second), "liaison-coordination@example.org")
			if n := p.RunOnce(ctx); n != 1 {
				t.Fatalf("second copy: %d jobs (an exact duplicate has none)", n)
			}
			sa, err := db.StatementByMessage(ctx, a)
			if err != nil || sa.State != store.StatementPosted {
				t.Fatalf("first copy: %+v %v", sa, err)
			}
			if got, _ := db.Raw(ctx, b); string(got) != tt.second {
				t.Fatal("the second copy's bytes are not kept byte-exact")
			}
			m, _ := db.GetMessage(ctx, b)
			sb, err := db.StatementByMessage(ctx, b)
			if tt.duplicate {
				if m.State != store.StateDuplicate || m.DuplicateOf != a || err == nil || posted != 1 {
					t.Fatalf("second copy: state %s, duplicate of %d (want %d), statement %d %s, posted %d times",
						m.State, m.DuplicateOf, a, sb.ID, sb.State, posted)
				}
				if !strings.Contains(logs.String(), "outcome=duplicate") {
					t.Fatalf("the log does not say the outcome:\n%s", logs.String())
				}
				return
			}
			if err != nil || m.DuplicateOf != 0 {
				t.Fatalf("second copy: %s duplicate of %d, statement %v", m.State, m.DuplicateOf, err)
			}
			if tt.reason == "" {
				if sb.State != store.StatementPosted {
					t.Fatalf("second statement %s %v, want posted", sb.State, sb.ReviewReasons)
				}
				return
			}
			if sb.State != store.StatementQueued || !slices.ContainsFunc(sb.ReviewReasons, func(r string) bool {
				return strings.HasPrefix(r, tt.reason)
			}) || posted != 1 {
				t.Fatalf("second statement %s %v (posted told %d times), want queued: %s", sb.State, sb.ReviewReasons, posted, tt.reason)
			}
			if !strings.Contains(logs.String(), "outcome=queued") || !strings.Contains(logs.String(), "outcome=posted") {
				t.Fatalf("the log does not say the outcomes:\n%s", logs.String())
			}
		})
	}
}

// TestEventsInOrder: a message's events are written as things happen, so the record log
// reads received, parsed, extracted, posted, processed, with times that never go back.
func TestEventsInOrder(t *testing.T) {
	cfg := corpusConfig(t)
	cfg.Extract.PostThreshold = 0.5
	raw := corpusMessage(t, "01-3gpp-sa2-ls-in-body.eml")
	db := openDB(t, nil)
	ctx := context.Background()
	id := recordAs(t, db, raw, "statements@example.org")
	stages := &Stages{DB: db, TextLimits: cfg.Convert, Classifier: NewClassifier(cfg)}
	New(testConfig, db, stages, slog.New(slog.DiscardHandler), nil).RunOnce(ctx)
	evs, err := db.Events(ctx, store.EventFilter{Message: id})
	if err != nil {
		t.Fatal(err)
	}
	var types []string
	for i, e := range evs {
		types = append(types, e.Type)
		if i > 0 && e.Time.Before(evs[i-1].Time) {
			t.Errorf("event %s at %v is before %s at %v", e.Type, e.Time, evs[i-1].Type, evs[i-1].Time)
		}
	}
	want := []string{"received", "parsed", "extracted", "posted", "processed"}
	if !slices.Equal(types, want) {
		t.Fatalf("events %v, want %v", types, want)
	}
	if last := evs[len(evs)-1]; last.Detail["outcome"] != "posted" || last.Statement == 0 {
		t.Fatalf("processed event %+v, want outcome posted and the statement", last)
	}
}
