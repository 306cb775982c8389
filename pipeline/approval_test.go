package pipeline

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/directory"
	"github.com/liaisond/liaisond/outgoing"
	"github.com/liaisond/liaisond/store"
)

// approvalConfig is distConfig with CCAMP in RTG: its chair composes, RTG's two
// directors approve.
func approvalConfig() config.Config {
	cfg := distConfig()
	cfg.Groups[0].Area, cfg.Groups[0].Chairs = "RTG", []string{"ccamp-chair@example.org"}
	cfg.Areas = []directory.Area{{Name: "RTG", Directors: []string{"rtg-ad1@example.org", "rtg-ad2@example.org"}}}
	cfg.SDOs[1].SendTo = "tsbsg15@itu.example"
	return cfg
}

// TestApprovalMail: submitting a statement mails each approver once, through the outbox,
// the link to its page; nothing else is mailed. Sent back, the mails still waiting are
// cancelled; submitted again, each approver gets one new mail. An approver the
// configuration no longer names is not mailed.
func TestApprovalMail(t *testing.T) {
	h := newDistHarness(t)
	ctx := context.Background()
	cfg := approvalConfig()
	svc := outgoing.New(cfg, h.db)
	svc.Now = h.clk.Now
	h.out.Known = svc.Roles.Known
	form := outgoing.Form{From: []string{"CCAMP"}, To: []string{"ITU-T SG15"}, Purpose: outgoing.PurposeInformation,
		Title: "LS on CCAMP's YANG models", Body: "CCAMP informs ITU-T SG15."}
	id, err := svc.Save(ctx, 0, "ccamp-chair@example.org", form)
	if err != nil {
		t.Fatal(err)
	}
	h.runAll(ctx)
	if n := len(h.relay.messages()); n != 0 {
		t.Fatalf("a draft mailed %d messages", n)
	}
	if _, err := svc.Submit(ctx, id, "ccamp-chair@example.org"); err != nil {
		t.Fatal(err)
	}
	h.runAll(ctx)
	h.clk.Add(time.Hour)
	h.runAll(ctx)
	msgs := h.relay.messages()
	var to []string
	for _, m := range msgs {
		to = append(to, m.to)
		for _, want := range []string{"Subject: Approval requested: LS on CCAMP's YANG models", "http://record.test/send/1",
			"ccamp-chair@example.org asks you to approve", "X-Liaisond-Loop: approval; outgoing=1", "Message-Id: <liaisond.approval.1."} {
			if !bytes.Contains(m.data, []byte(want)) {
				t.Errorf("the mail to %s lacks %q:\n%s", m.to, want, m.data)
			}
		}
	}
	if strings.Join(to, " ") != "rtg-ad1@example.org rtg-ad2@example.org" {
		t.Fatalf("approval mails went to %v, want each director once", to)
	}
	items, _ := h.db.OutboxItems(ctx, store.OutboxFilter{Outgoing: id})
	if len(items) != 2 || items[0].Statement != 0 || items[0].Kind != store.OutboxApproval || items[0].State != store.OutboxSent {
		t.Fatalf("outbox rows %+v", items)
	}

	// Returned before the mails went (no relay for a while): they are cancelled, not sent.
	relay := h.out.Relay
	h.out.Relay = nil
	if err := svc.Return(ctx, id, "rtg-ad1@example.org", "Name the models."); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Save(ctx, id, "ccamp-chair@example.org", form); err != nil {
		t.Fatal(err)
	}
	h.clk.Add(time.Minute)
	if _, err := svc.Submit(ctx, id, "ccamp-chair@example.org"); err != nil {
		t.Fatal(err)
	}
	if err := svc.Return(ctx, id, "rtg-ad2@example.org", "And the version."); err != nil {
		t.Fatal(err)
	}
	h.out.Relay = relay
	h.runAll(ctx)
	if n := len(h.relay.messages()); n != 2 {
		t.Fatalf("mails for a returned statement were sent: %d in all", n)
	}
	if c := outboxStates(t, h.db); c[store.OutboxCancelled] != 2 {
		t.Fatalf("outbox states %v, want the 2 mails of the returned submission cancelled", c)
	}

	// Submitted again, with RTG's second director gone from the configuration meanwhile:
	// only the first is mailed, once.
	h.clk.Add(time.Minute)
	if _, err := svc.Save(ctx, id, "ccamp-chair@example.org", form); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Submit(ctx, id, "ccamp-chair@example.org"); err != nil {
		t.Fatal(err)
	}
	changed := approvalConfig()
	changed.Areas[0].Directors = changed.Areas[0].Directors[:1]
	h.out.Known = outgoing.New(changed, h.db).Roles.Known
	h.runAll(ctx)
	h.clk.Add(time.Hour)
	h.runAll(ctx)
	msgs = h.relay.messages()[2:]
	if len(msgs) != 1 || msgs[0].to != "rtg-ad1@example.org" {
		t.Fatalf("after the new submission: %d mails (%v)", len(msgs), msgs)
	}
	failed, _ := h.db.OutboxItems(ctx, store.OutboxFilter{State: store.OutboxFailed})
	if len(failed) != 1 || failed[0].Destination != "rtg-ad2@example.org" || !strings.Contains(failed[0].LastError, "no longer allowed") {
		t.Fatalf("the mail to a removed director: %+v", failed)
	}
	evs, _ := h.db.Events(ctx, store.EventFilter{})
	var requested int
	for _, e := range evs {
		if e.Type == "approval_requested" {
			requested++
			if e.Detail["outgoing"] != float64(id) {
				t.Errorf("event without its outgoing statement: %+v", e)
			}
		}
	}
	if requested != 3 {
		t.Errorf("%d approval_requested events, want 3", requested)
	}
}
