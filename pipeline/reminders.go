package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/liaisond/liaisond/deadline"
	"github.com/liaisond/liaisond/directory"
	"github.com/liaisond/liaisond/store"
)

// Reminders is the deadline scheduler of `liaisond serve`: For-Action statements that
// are posted, have a deadline and whose action is not taken get a reminder at each
// configured offset, sent to the addressed groups' forward_to through the outbox. A
// deadline is the end of its day Anywhere on Earth; the reminder for offset k (days,
// negative before the deadline) is due from the start of day deadline+k AoE until the
// next offset is (the last: for one day). Only the reminder due now is sent: one missed
// while the daemon was down, or before the statement was posted, is not sent late. Each
// (statement, deadline, offset) is planned at most once (store.PlanReminder), so
// restarts never send one twice, and a changed deadline starts its own schedule.
type Reminders struct {
	DB     *store.DB
	Dest   *directory.Destinations
	Before []int // days before the deadline
	After  []int // days after it
	Domain string
	Outbox Waker // may be nil
	Now    func() time.Time
	Log    *slog.Logger
	// Chairs, when set, names the chairs of the groups an outgoing statement is from: when
	// its deadline passes with no response recorded they get one notice (at the first
	// offset after the deadline), not a reminder at every offset.
	Chairs func(speakers []string) []string
}

// Run checks for due reminders at start and then every interval, until ctx ends.
func (r *Reminders) Run(ctx context.Context, interval time.Duration) {
	drainThenWait(ctx, interval, nil, func(ctx context.Context) bool { r.RunOnce(ctx); return false })
}

// RunOnce plans the reminders due now and returns how many it planned.
func (r *Reminders) RunOnce(ctx context.Context) int {
	offsets := ReminderOffsets(r.Before, r.After)
	if len(offsets) == 0 {
		return 0
	}
	now := r.Now()
	// Statements whose deadline is past the last offset have nothing due any more.
	from := now.In(deadline.Zone).AddDate(0, 0, -offsets[len(offsets)-1]-1).Format(time.DateOnly)
	cands, err := r.DB.ReminderCandidates(ctx, from)
	if err != nil {
		if ctx.Err() == nil {
			r.Log.Error("cannot list statements for reminders", "err", err)
		}
		return 0
	}
	n := 0
	for _, st := range cands {
		offset, ok := ReminderDue(st.Deadline, offsets, now)
		if !ok || st.Direction == store.DirectionOutgoing && (offset <= 0 || offset != firstAfter(offsets)) {
			continue
		}
		planned, err := r.plan(ctx, st, offset)
		if err != nil {
			r.Log.Error("cannot plan a reminder", "statement", st.ID, "offset_days", offset, "err", err)
			continue
		}
		if planned {
			n++
		}
	}
	if n > 0 && r.Outbox != nil {
		r.Outbox.Wake()
	}
	return n
}

// plan records the reminder at offset for st unless it is already planned.
func (r *Reminders) plan(ctx context.Context, st store.Statement, offset int) (bool, error) {
	done, err := r.DB.Reminders(ctx, st.ID)
	if err != nil {
		return false, err
	}
	for _, d := range done {
		if d.Deadline == st.Deadline && d.Offset == offset {
			return false, nil
		}
	}
	slot := fmt.Sprintf("%s.%s", st.Deadline, offsetCode(offset))
	var items []store.NewOutbox
	var to []string
	add := func(addr string, detail map[string]any) {
		detail["offset_days"], detail["deadline"] = offset, st.Deadline
		items = append(items, store.NewOutbox{
			Kind: store.OutboxReminder, Slot: slot, Destination: addr,
			MessageID: messageID(r.Domain, st.ID, store.OutboxReminder, slot, addr), Detail: detail,
		})
		to = append(to, addr)
	}
	if st.Direction == store.DirectionOutgoing {
		if r.Chairs != nil {
			for _, a := range r.Chairs(st.From) {
				add(a, map[string]any{"outgoing": true})
			}
		}
	} else {
		for _, dst := range r.Dest.ReminderTargets(parseFields(st.Fields).RouteTo) {
			add(dst.Address, map[string]any{"group": dst.Group})
		}
	}
	ev := store.Event{Type: store.EventReminderPlanned, Detail: map[string]any{"offset_days": offset, "deadline": st.Deadline, "to": to}}
	if len(items) == 0 {
		ev = store.Event{Type: store.EventReminderSkipped, Detail: map[string]any{"offset_days": offset, "deadline": st.Deadline,
			"reason": "no addressed group of the directory with a forward_to, or no chairs of the sending groups"}}
	}
	rem := store.Reminder{Statement: st.ID, Deadline: st.Deadline, Offset: offset}
	return r.DB.PlanReminder(context.WithoutCancel(ctx), rem, items, ev)
}

// firstAfter is the first offset after the deadline (0 when there is none): the one day
// an unanswered outgoing statement is noticed.
func firstAfter(offsets []int) int {
	for _, k := range offsets {
		if k > 0 {
			return k
		}
	}
	return 0
}

// ReminderOffsets turns the configured days into offsets from the deadline, sorted:
// before as negative, after as positive, each once.
func ReminderOffsets(before, after []int) []int {
	var out []int
	for _, d := range before {
		out = append(out, -d)
	}
	out = append(out, after...)
	slices.Sort(out)
	return slices.Compact(out)
}

// ReminderDue returns the offset whose reminder is due at now for the deadline date, if any.
func ReminderDue(date string, offsets []int, now time.Time) (int, bool) {
	day, err := deadline.Day(date)
	if err != nil {
		return 0, false
	}
	for i, k := range offsets {
		start := day.AddDate(0, 0, k)
		end := start.AddDate(0, 0, 1)
		if i+1 < len(offsets) {
			end = day.AddDate(0, 0, offsets[i+1])
		}
		if !now.Before(start) && now.Before(end) {
			return k, true
		}
	}
	return 0, false
}

// offsetCode names an offset in a Message-ID: m7 is 7 days before, p1 one day after.
func offsetCode(k int) string {
	switch {
	case k < 0:
		return fmt.Sprintf("m%d", -k)
	case k > 0:
		return fmt.Sprintf("p%d", k)
	}
	return "d0"
}
