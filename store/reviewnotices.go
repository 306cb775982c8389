package store

import (
	"context"
	"database/sql"
	"time"
)

// Kinds of review notice: a statement was queued (to the sending body's liaison manager,
// else the central address), and a statement still queued after the escalation delay (to
// the central address).
const (
	ReviewNoticeQueued    = "queued"
	ReviewNoticeEscalated = "escalated"
)

// reviewSlotPrefix marks the outbox rows of review notices (kind notice): they go while
// their statement is queued, unlike every other row, which goes only while it is posted.
const reviewSlotPrefix = "review-"

// ReviewNoticeSlot is the outbox slot of a review notice of kind.
func ReviewNoticeSlot(kind string) string { return reviewSlotPrefix + kind }

// ReviewNoticeCandidates returns queued statements received at or before receivedBy that
// have no review notice of kind yet, oldest first.
func (db *DB) ReviewNoticeCandidates(ctx context.Context, kind string, receivedBy time.Time, limit int) ([]Statement, error) {
	return db.queryStatements(ctx, `SELECT `+statementColumns+` FROM statements s
		WHERE s.state = 'queued' AND s.received_at <= ?
		AND NOT EXISTS (SELECT 1 FROM review_notices n WHERE n.statement = s.id AND n.kind = ?)
		ORDER BY s.received_at, s.id LIMIT ?`, timeText(receivedBy), kind, limit)
}

// PlanReviewNotice records the review notice (statement, kind) with its outbox rows and
// its event in one durable transaction; false, recording nothing, when it was planned
// before: no notice is ever sent twice.
func (db *DB) PlanReviewNotice(ctx context.Context, statement int64, kind string, items []NewOutbox, ev Event) (bool, error) {
	return db.planOnce(ctx, statement, items, ev, func(tx *sql.Tx, now time.Time) (bool, error) {
		res, err := tx.ExecContext(ctx, `INSERT INTO review_notices (statement, kind, planned_at) VALUES (?, ?, ?)
			ON CONFLICT DO NOTHING`, statement, kind, timeText(now))
		if err != nil {
			return false, err
		}
		n, _ := res.RowsAffected()
		return n > 0, nil
	})
}
