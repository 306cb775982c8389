package review

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/liaisond/liaisond/store"
)

// Item is one entry of the review queue: a statement waiting for a manager, or a message
// whose processing gave up before it had a statement.
type Item struct {
	Statement store.Statement // ID 0 for a failed message without a statement
	Message   store.Message   // the failed message (set when processing failed)
	Title     string
	Deadline  string
	Received  time.Time
	Reasons   []string
}

// QueueLimit bounds how many items one look at the queue returns.
const QueueLimit = 500

// Queue returns what waits for a manager, with why: queued and failed statements, failed
// messages, and posted statements whose forward failed or whose distribution is held. Items with a deadline come first, soonest first; then the oldest.
func Queue(ctx context.Context, db *store.DB) ([]Item, error) {
	var items []Item
	seen := map[int64]bool{} // messages already listed through their statement
	for _, state := range []string{store.StatementQueued, store.StatementFailed} {
		list, err := db.Statements(ctx, store.StatementFilter{State: state, Limit: QueueLimit})
		if err != nil {
			return nil, err
		}
		for _, st := range list {
			seen[st.Message] = true
			it := Item{Statement: st, Title: st.Title, Deadline: st.Deadline, Received: st.ReceivedAt,
				Reasons: append([]string(nil), st.ReviewReasons...)}
			if state == store.StatementFailed {
				if m, err := db.GetMessage(ctx, st.Message); err == nil {
					it.Message = m
					it.Reasons = append(it.Reasons, "failed stage: "+m.Error)
				}
			}
			items = append(items, it)
		}
	}
	failed, err := db.Messages(ctx, store.MessageFilter{State: store.StateFailed, Limit: QueueLimit})
	if err != nil {
		return nil, err
	}
	for _, m := range failed {
		if seen[m.ID] {
			continue
		}
		items = append(items, Item{Message: m, Title: "message " + m.MessageID, Received: m.ReceivedAt,
			Reasons: []string{"failed stage: " + m.Error}})
	}
	if items, err = addDistributionProblems(ctx, db, items); err != nil {
		return nil, err
	}
	sortQueue(items)
	return items, nil
}

// addDistributionProblems adds the posted statements whose distribution needs a manager:
// a forward that failed for good, or a distribution held (nothing could be sent safely).
func addDistributionProblems(ctx context.Context, db *store.DB, items []Item) ([]Item, error) {
	reasons := map[int64][]string{}
	var order []int64
	add := func(id int64, reason string) {
		if _, ok := reasons[id]; !ok {
			order = append(order, id)
		}
		reasons[id] = append(reasons[id], reason)
	}
	failed, err := db.OutboxItems(ctx, store.OutboxFilter{State: store.OutboxFailed, Limit: QueueLimit})
	if err != nil {
		return nil, err
	}
	for _, it := range failed {
		add(it.Statement, fmt.Sprintf("%s failed: %s: %s", it.Kind, it.Destination, it.LastError))
	}
	held, err := db.HeldDistributions(ctx)
	if err != nil {
		return nil, err
	}
	for _, h := range held {
		add(h.Statement, "distribution held: "+h.Reason)
	}
	for _, id := range order {
		st, err := db.GetStatement(ctx, id)
		if err != nil {
			continue // a statement deleted under us is simply not listed
		}
		items = append(items, Item{Statement: st, Title: st.Title, Deadline: st.Deadline, Received: st.ReceivedAt,
			Reasons: reasons[id]})
	}
	return items, nil
}

// sortQueue puts items with a deadline first (soonest first), then the oldest first.
func sortQueue(items []Item) {
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if (a.Deadline != "") != (b.Deadline != "") {
			return a.Deadline != ""
		}
		if a.Deadline != b.Deadline {
			return a.Deadline < b.Deadline
		}
		return a.Received.Before(b.Received)
	})
}

// Rejected lists the rejected statements, newest first: those a manager rejected or
// withdrew, and those processing rejected on its own (not a statement, our own forward
// come back), so that a manager can find and reverse a wrong rejection.
func Rejected(ctx context.Context, db *store.DB) ([]Item, error) {
	list, err := db.Statements(ctx, store.StatementFilter{State: store.StatementRejected, Limit: QueueLimit})
	if err != nil {
		return nil, err
	}
	items := make([]Item, 0, len(list))
	for _, st := range list {
		it := Item{Statement: st, Title: st.Title, Deadline: st.Deadline, Received: st.ReceivedAt,
			Reasons: append([]string(nil), st.ReviewReasons...)}
		if IsWithdrawn(st) {
			it.Reasons = append([]string{"withdrawn after it was posted"}, it.Reasons...)
		}
		items = append(items, it)
	}
	return items, nil
}
