package pipeline

import (
	"context"
	"log/slog"
	"time"

	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/directory"
	"github.com/liaisond/liaisond/store"
)

// ReviewNotices tells people that statements wait for them: when a statement is queued,
// a notice goes through the outbox to the liaison manager of its sending body (else to
// the central address) with the reasons and the link to its review page; a statement
// still queued EscalateAfter after it arrived is escalated once to the central address.
// Each (statement, kind) is planned at most once (store.PlanReviewNotice).
type ReviewNotices struct {
	DB            *store.DB
	Roles         *directory.Roles // liaison managers and the central address
	EscalateAfter time.Duration
	Domain        string
	Outbox        Waker // may be nil
	Now           func() time.Time
	Log           *slog.Logger
}

// NewReviewNotices builds the scheduler from the directory and [routing], [review].
func NewReviewNotices(cfg config.Config, db *store.DB, domain string, outbox Waker, log *slog.Logger) *ReviewNotices {
	return &ReviewNotices{DB: db, Roles: directory.New(cfg.Directory), EscalateAfter: cfg.Review.EscalateAfter,
		Domain: domain, Outbox: outbox, Now: time.Now, Log: log}
}

// reviewNoticeBatch bounds the statements looked at per kind and round.
const reviewNoticeBatch = 100

// Run plans notices at start and then every interval, until ctx ends.
func (r *ReviewNotices) Run(ctx context.Context, interval time.Duration) {
	drainThenWait(ctx, interval, nil, func(ctx context.Context) bool { return r.RunOnce(ctx) == reviewNoticeBatch })
}

// RunOnce plans the notices due now and returns how many statements it looked at.
func (r *ReviewNotices) RunOnce(ctx context.Context) int {
	now := r.Now()
	seen, planned := 0, 0
	for _, kind := range []string{store.ReviewNoticeQueued, store.ReviewNoticeEscalated} {
		by := now
		if kind == store.ReviewNoticeEscalated {
			by = now.Add(-r.EscalateAfter)
		}
		cands, err := r.DB.ReviewNoticeCandidates(ctx, kind, by, reviewNoticeBatch)
		if err != nil {
			if ctx.Err() == nil {
				r.Log.Error("cannot list queued statements for notices", "err", err)
			}
			return 0
		}
		seen = max(seen, len(cands))
		for _, st := range cands {
			ok, err := r.plan(ctx, st, kind, now)
			if err != nil {
				r.Log.Error("cannot plan a review notice", "statement", st.ID, "kind", kind, "err", err)
				continue
			}
			if ok {
				planned++
			}
		}
	}
	if planned > 0 && r.Outbox != nil {
		r.Outbox.Wake()
	}
	return seen
}

// recipient is who is told about a queued statement: the liaison manager of its (first)
// sending body that has one, else the central address; escalations go to central.
func (r *ReviewNotices) recipient(st store.Statement, kind string) string {
	if kind == store.ReviewNoticeQueued {
		return r.Roles.SendReplyTo(st.From)
	}
	return r.Roles.Central()
}

func (r *ReviewNotices) plan(ctx context.Context, st store.Statement, kind string, now time.Time) (bool, error) {
	to := r.recipient(st, kind)
	detail := map[string]any{"review": kind, "reasons": st.ReviewReasons}
	var items []store.NewOutbox
	ev := store.Event{Type: store.EventReviewNoticePlanned, Detail: map[string]any{"kind": kind, "to": to}}
	if to == "" {
		ev = store.Event{Type: store.EventReviewNoticeSkipped, Detail: map[string]any{"kind": kind,
			"reason": "no liaison manager of the sending body and no [routing] central"}}
	} else {
		if kind == store.ReviewNoticeEscalated {
			detail["waited_days"] = int(now.Sub(st.ReceivedAt).Hours() / 24)
		}
		items = []store.NewOutbox{{
			Kind: store.OutboxNotice, Slot: store.ReviewNoticeSlot(kind), Destination: to,
			MessageID: messageID(r.Domain, st.ID, store.OutboxNotice, store.ReviewNoticeSlot(kind), to), Detail: detail,
		}}
	}
	return r.DB.PlanReviewNotice(context.WithoutCancel(ctx), st.ID, kind, items, ev)
}
