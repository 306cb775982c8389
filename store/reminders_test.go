package store

import (
	"context"
	"testing"
)

// TestPlanReminderOnce: a reminder is planned once per (statement, deadline, offset);
// a later one replaces an earlier one still waiting.
func TestPlanReminderOnce(t *testing.T) {
	db := openTest(t, Options{})
	ctx := context.Background()
	id := postedStatement(t, db, 1, "action", "2026-03-10")
	if cands, _ := db.ReminderCandidates(ctx, "2026-03-01"); len(cands) != 0 {
		t.Fatalf("a statement not yet distributed is a candidate: %+v", cands)
	}
	held := postedStatement(t, db, 2, "action", "2026-03-10")
	db.RecordDistribution(ctx, held, Distribution{Hold: "loop"})
	db.RecordDistribution(ctx, id, Distribution{})
	cands, _ := db.ReminderCandidates(ctx, "2026-03-01")
	if len(cands) != 1 || cands[0].ID != id {
		t.Fatalf("candidates %+v", cands)
	}
	if cands, _ := db.ReminderCandidates(ctx, "2026-03-11"); len(cands) != 0 {
		t.Fatalf("a deadline before the window is a candidate: %+v", cands)
	}
	r := Reminder{Statement: id, Deadline: "2026-03-10", Offset: -7}
	item := func(slot string) []NewOutbox {
		it := outboxItem(OutboxReminder, "a@example.org", id)
		it.Slot, it.MessageID = slot, "<"+slot+"@x>"
		return []NewOutbox{it}
	}
	if ok, err := db.PlanReminder(ctx, r, item("m7"), Event{Type: "reminder_planned"}); err != nil || !ok {
		t.Fatal(ok, err)
	}
	if ok, err := db.PlanReminder(ctx, r, item("m7"), Event{Type: "reminder_planned"}); err != nil || ok {
		t.Fatalf("planned twice: %v %v", ok, err)
	}
	r.Offset = -3
	if ok, _ := db.PlanReminder(ctx, r, item("m3"), Event{Type: "reminder_planned"}); !ok {
		t.Fatal("the next offset was not planned")
	}
	items, _ := db.OutboxItems(ctx, OutboxFilter{Statement: id})
	if len(items) != 2 || items[1].State != OutboxCancelled || items[0].State != OutboxPending {
		t.Fatalf("outbox %+v", items)
	}
	rs, _ := db.Reminders(ctx, id)
	if len(rs) != 2 || rs[0].Offset != -7 || rs[1].Destinations != 1 {
		t.Fatalf("reminders %+v", rs)
	}
}
