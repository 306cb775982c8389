package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strings"
	"testing"
	"time"

	gomail "github.com/emersion/go-message/mail"
	"github.com/emersion/go-smtp"

	"github.com/liaisond/liaisond/directory"
	"github.com/liaisond/liaisond/internal/teststore"
	"github.com/liaisond/liaisond/store"
)

func tempFailure(string) *smtp.SMTPError {
	return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try later"}
}

func (h *distHarness) postCentral(t *testing.T, id string) int64 {
	return h.post(t, rawLS(id, "statements@example.org", "x"), "statements@example.org",
		map[string]any{"title": "LS " + id, "delivered_to": "statements@example.org", "route_to": []string{"CCAMP"}})
}

func outboxStates(t *testing.T, db *store.DB) map[string]int64 {
	t.Helper()
	c, err := db.OutboxCounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestOutbox451Then250: a temporary refusal is retried at the scheduled time, and the
// message is delivered once, with the same Message-ID.
func TestOutbox451Then250(t *testing.T) {
	h := newDistHarness(t)
	ctx := context.Background()
	id := h.postCentral(t, "retry")
	h.relay.setFail(tempFailure)
	h.runAll(ctx)
	if n := len(h.relay.messages()); n != 0 || outboxStates(t, h.db)[store.OutboxPending] != 1 {
		t.Fatalf("after a 451: %d delivered, states %v", n, outboxStates(t, h.db))
	}
	h.relay.setFail(nil)
	h.clk.Add(30 * time.Second)
	h.runAll(ctx)
	if n := len(h.relay.messages()); n != 0 {
		t.Fatal("retried before its time")
	}
	h.clk.Add(time.Minute)
	h.runAll(ctx)
	h.clk.Add(time.Hour)
	h.runAll(ctx)
	msgs := h.relay.messages()
	if len(msgs) != 1 || outboxStates(t, h.db)[store.OutboxSent] != 1 {
		t.Fatalf("delivered %d times, states %v", len(msgs), outboxStates(t, h.db))
	}
	evs := teststore.StatementEvents(t, h.db, id)
	if evs["send_retry"].Type == "" || evs["forwarded"].Detail["attempt"] != float64(2) {
		t.Fatalf("events %v", evs)
	}
}

// TestOutboxPermanentAndGiveUp: a 5xx fails at once; a relay that never answers is
// given up after GiveUpAfter; both are events and listed as failed for the managers.
func TestOutboxPermanentAndGiveUp(t *testing.T) {
	h := newDistHarness(t)
	ctx := context.Background()
	refused := h.postCentral(t, "refused")
	h.relay.setFail(func(string) *smtp.SMTPError {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such user"}
	})
	h.runAll(ctx)
	if ev := teststore.StatementEvents(t, h.db, refused)["forward_failed"]; ev.Detail["permanent"] != true {
		t.Fatalf("550: %+v", ev)
	}

	h.relay.srv.Close() // nobody listens any more
	down := h.postCentral(t, "down")
	for range 60 {
		h.runAll(ctx)
		h.clk.Add(time.Hour)
	}
	failed, _ := h.db.OutboxItems(ctx, store.OutboxFilter{State: store.OutboxFailed})
	if len(failed) != 2 || failed[0].Statement != down || !strings.Contains(failed[0].LastError, "connect") {
		t.Fatalf("failed %+v", failed)
	}
	if a := failed[0].Attempts; a < 20 || a > 50 {
		t.Fatalf("%d attempts in 60 hours with a 5 minute retry (capped by the hour steps)", a)
	}
}

// TestOutboxWaitsWithoutRelay: with no relay the messages stay pending, and go once one
// is there (as after a restart with a relay configured).
func TestOutboxWaitsWithoutRelay(t *testing.T) {
	h := newDistHarness(t)
	ctx := context.Background()
	relay := h.out.Relay
	h.out.Relay = nil
	h.postCentral(t, "wait")
	h.runAll(ctx)
	if c := outboxStates(t, h.db); c[store.OutboxPending] != 1 {
		t.Fatalf("states %v", c)
	}
	h.out.Relay = relay
	h.runAll(ctx)
	if len(h.relay.messages()) != 1 {
		t.Fatal("not sent once a relay is there")
	}
}

// TestOutboxRechecksConfiguration: a destination removed from the configuration after
// the plan is not mailed.
func TestOutboxRechecksConfiguration(t *testing.T) {
	h := newDistHarness(t)
	ctx := context.Background()
	h.out.Relay = nil
	id := h.postCentral(t, "removed")
	h.runAll(ctx)
	cfg := distConfig()
	cfg.Groups = cfg.Groups[1:] // CCAMP is gone
	h.out.Dest = directory.NewDestinations(cfg.Directory)
	h.out.Relay = h.relay.sender(t)
	h.runAll(ctx)
	if len(h.relay.messages()) != 0 {
		t.Fatal("sent to a destination no longer configured")
	}
	if ev := teststore.StatementEvents(t, h.db, id)["forward_failed"]; !strings.Contains(ev.Detail["error"].(string), "no longer allowed") {
		t.Fatalf("event %+v", ev)
	}
}

// TestOutboxForwardContent: the forward carries the summary, the PDFs made of the
// attachments and the original byte for byte.
func TestOutboxForwardContent(t *testing.T) {
	h := newDistHarness(t)
	ctx := context.Background()
	raw := rawLS("content", "statements@example.org", "See attached.")
	id := h.post(t, raw, "statements@example.org", map[string]any{"title": "LS on OTN", "from": []string{"ITU-T SG15"},
		"to": []string{"IETF CCAMP WG"}, "purpose": "action", "deadline": "2026-04-30", "delivered_to": "statements@example.org",
		"route_to": []string{"CCAMP"}})
	st, _ := h.db.GetStatement(ctx, id)
	docx := []byte("fake docx")
	sum := sha256.Sum256(docx)
	if err := h.db.SaveAttachments(ctx, st.Message, []store.Attachment{{Filename: "LS45.docx", Kind: "docx", Size: int64(len(docx)),
		SHA256: hex.EncodeToString(sum[:]), Data: docx}}, func(string) bool { return true }); err != nil {
		t.Fatal(err)
	}
	h.dist.RunOnce(ctx)
	if h.out.RunOnce(ctx) != 0 {
		t.Fatal("the forward did not wait for its PDF")
	}
	convs, _ := h.db.ClaimConversions(ctx, 10, func(int) time.Duration { return time.Minute })
	h.db.FinishConversion(ctx, convs[0], []byte("%PDF-1.7 converted"), "")
	h.clk.Add(2 * time.Minute)
	h.runAll(ctx)
	msgs := h.relay.messages()
	if len(msgs) != 1 {
		t.Fatalf("%d messages", len(msgs))
	}
	mr, err := gomail.CreateReader(bytes.NewReader(msgs[0].data))
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := mr.Header.Subject(); s != "Liaison statement: LS on OTN" {
		t.Fatalf("subject %q", s)
	}
	if id, _ := mr.Header.MessageID(); !strings.HasPrefix(id, "liaisond.s1.forward.") || mr.Header.Get("Auto-Submitted") != "auto-generated" {
		t.Fatalf("Message-ID %q", id)
	}
	var kinds []string
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(p.Body)
		h := p.Header.(interface {
			ContentType() (string, map[string]string, error)
		})
		ct, _, _ := h.ContentType()
		kinds = append(kinds, ct)
		switch ct {
		case "text/plain":
			for _, want := range []string{"IETF CCAMP WG", "For action", "Anywhere on Earth", "http://record.test/s/1"} {
				if !bytes.Contains(body, []byte(want)) {
					t.Errorf("summary lacks %q", want)
				}
			}
		case "application/pdf":
			if string(body) != "%PDF-1.7 converted" {
				t.Errorf("pdf %q", body)
			}
		case "message/rfc822":
			if string(body) != raw {
				t.Errorf("original changed: %q", body)
			}
		}
	}
	if strings.Join(kinds, " ") != "text/plain application/pdf message/rfc822" {
		t.Fatalf("parts %v", kinds)
	}
}

// TestOutboxLoopBack: our own forward, received back at the intake and posted, is not
// forwarded again.
func TestOutboxLoopBack(t *testing.T) {
	h := newDistHarness(t)
	ctx := context.Background()
	h.postCentral(t, "first")
	h.runAll(ctx)
	fwd := h.relay.messages()[0].data
	back := h.post(t, string(fwd), "statements@example.org", map[string]any{"title": "LS first",
		"delivered_to": "statements@example.org", "route_to": []string{"CCAMP"}})
	h.runAll(ctx)
	if n := len(h.relay.messages()); n != 1 {
		t.Fatalf("%d messages: the loop was forwarded", n)
	}
	if ev := teststore.StatementEvents(t, h.db, back)["distribution_held"]; !strings.Contains(ev.Detail["reason"].(string), "loop") {
		t.Fatalf("event %+v", ev)
	}
}

// TestOutboxForwardReplyToAndNames: a forward's Reply-To is the statement's Send Reply
// To (so a chair's answer does not come to us), and our PDF of X.docx is not named like
// the sender's own X.pdf.
func TestOutboxForwardReplyToAndNames(t *testing.T) {
	h := newDistHarness(t)
	ctx := context.Background()
	id := h.post(t, rawLS("names", "statements@example.org", "See attached."), "statements@example.org", map[string]any{
		"title": "LS on OTN", "delivered_to": "statements@example.org", "route_to": []string{"CCAMP"},
		"send_reply_to": "tsbsg15@example.net", "from_contacts": []string{"rapporteur@example.net"}})
	st, _ := h.db.GetStatement(ctx, id)
	file := func(name, kind string) store.Attachment {
		data := []byte("data of " + name)
		sum := sha256.Sum256(data)
		return store.Attachment{Filename: name, Kind: kind, Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:]), Data: data}
	}
	if err := h.db.SaveAttachments(ctx, st.Message, []store.Attachment{file("X.pdf", "pdf"), file("X.docx", "docx")},
		func(kind string) bool { return kind == "docx" }); err != nil {
		t.Fatal(err)
	}
	convs, _ := h.db.ClaimConversions(ctx, 10, func(int) time.Duration { return time.Minute })
	h.db.FinishConversion(ctx, convs[0], []byte("%PDF-1.7 converted"), "")
	h.runAll(ctx)
	msgs := h.relay.messages()
	if len(msgs) != 1 {
		t.Fatalf("%d messages", len(msgs))
	}
	mr, err := gomail.CreateReader(bytes.NewReader(msgs[0].data))
	if err != nil {
		t.Fatal(err)
	}
	if list, err := mr.Header.AddressList("Reply-To"); err != nil || len(list) != 1 || list[0].Address != "tsbsg15@example.net" {
		t.Fatalf("Reply-To %v %v", list, err)
	}
	var names []string
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if ah, ok := p.Header.(*gomail.AttachmentHeader); ok {
			name, _ := ah.Filename()
			names = append(names, name)
		}
	}
	if strings.Join(names, " ") != "X.docx.pdf original.eml" {
		t.Fatalf("files %v", names)
	}
}
