package review

import (
	"context"
	"time"

	"github.com/liaisond/liaisond/store"
)

// Withdrawal says when and why a posted statement left the public record. The state
// stays "rejected"; a rejected statement that was once posted (it has a posted_at) is
// withdrawn, and its public URL, already mailed to chairs, keeps answering with this.
type Withdrawal struct {
	At          time.Time `json:"at"`
	Reason      string    `json:"reason,omitempty"`
	DuplicateOf int64     `json:"duplicate_of,omitempty"`
}

// IsWithdrawn says whether st was posted and then rejected.
func IsWithdrawn(st store.Statement) bool {
	return st.State == store.StatementRejected && !st.PostedAt.IsZero()
}

// Withdrawn returns the withdrawal of st (its last "rejected" event), nil when st is
// not withdrawn.
func Withdrawn(ctx context.Context, db *store.DB, st store.Statement) (*Withdrawal, error) {
	if !IsWithdrawn(st) {
		return nil, nil
	}
	evs, err := db.Events(ctx, store.EventFilter{Message: st.Message, Limit: 1000})
	if err != nil {
		return nil, err
	}
	w := &Withdrawal{At: st.UpdatedAt}
	for _, e := range evs {
		if e.Type != store.EventRejected || e.Statement != st.ID {
			continue
		}
		w.At, w.Reason, w.DuplicateOf = e.Time, "", 0
		if r, ok := e.Detail["reason"].(string); ok {
			w.Reason = r
		}
		if d, ok := e.Detail["duplicate_of"].(float64); ok {
			w.DuplicateOf = int64(d)
		}
	}
	return w, nil
}

// WithdrawnRecord is the public JSON of a withdrawn statement (/api/v1/statements/{id}):
// what it was and why it left the record, without its fields, body or attachments.
type WithdrawnRecord struct {
	ID         int64      `json:"id"`
	State      string     `json:"state"`
	Title      string     `json:"title"`
	ReceivedAt time.Time  `json:"received_at"`
	PostedAt   time.Time  `json:"posted_at"`
	Withdrawn  Withdrawal `json:"withdrawn"`
}

// NewWithdrawnRecord builds the public JSON of a withdrawn statement.
func NewWithdrawnRecord(st store.Statement, w Withdrawal) WithdrawnRecord {
	return WithdrawnRecord{ID: st.ID, State: st.State, Title: st.Title, ReceivedAt: st.ReceivedAt, PostedAt: st.PostedAt, Withdrawn: w}
}
