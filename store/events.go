package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// Event types of the record log: every type any package writes is named here, so that
// the log's vocabulary has one list (the web pages label these; review picks the public
// ones). The types are stored: never rename one.
const (
	// Intake and processing of a message.
	EventReceived        = "received"
	EventDuplicate       = "duplicate"
	EventRejected        = "rejected" // refused at intake; also a statement entering StatementRejected
	EventFailed          = "failed"   // processing gave up; also a statement entering StatementFailed
	EventRetry           = "retry"
	EventProcessed       = "processed" // closes a message's processing, with its outcome
	EventRequeued        = "requeued"  // a manager queued messages for processing again
	EventParsed          = "parsed"
	EventConverted       = "converted"
	EventConvertFailed   = "convert_failed"
	EventAuthenticated   = "authenticated"
	EventExtracted       = "extracted"
	EventNotDistributed  = "not_distributed"
	EventIMAPUIDValidity = "imap_uidvalidity"

	// A statement entering a state has the state as its type (see statementStates).
	EventQueued = StatementQueued
	EventPosted = StatementPosted

	// Managers' decisions on a statement.
	EventApproved     = "approved"
	EventEdited       = "edited"
	EventActionTaken  = "action_taken"
	EventRedistribute = "redistribute"

	// Distribution: plans, then the outbox's attempts (see also OutboxEvent).
	EventDistributed         = "distributed"
	EventDistributionHeld    = "distribution_held"
	EventMisdirected         = "misdirected"
	EventReminderPlanned     = "reminder_planned"
	EventReminderSkipped     = "reminder_skipped"
	EventReviewNoticePlanned = "review_notice_planned"
	EventReviewNoticeSkipped = "review_notice_skipped"
	EventForwarded           = "forwarded"          // an OutboxForward sent
	EventReminderSent        = "reminder_sent"      // an OutboxReminder sent
	EventApprovalRequested   = "approval_requested" // an OutboxApproval sent
	EventNoticeSent          = "notice_sent"        // an OutboxNotice sent
	EventSendRetry           = "send_retry"
	EventSendRequeued        = "send_requeued"

	// Statements sent from the IETF.
	EventOutgoingCreated   = "outgoing_created"
	EventOutgoingEdited    = "outgoing_edited"
	EventOutgoingSubmitted = "outgoing_submitted"
	EventOutgoingApproval  = "outgoing_approval" // one approver's approval
	EventOutgoingReturned  = "outgoing_returned"
	EventOutgoingApproved  = "outgoing_approved"
	EventOutgoingRecorded  = "outgoing_recorded"

	// Accounts.
	EventUserAdded       = "user_added"
	EventUserPasswordSet = "user_password_set"
)

// OutboxEvent is the event type of an outbox message of kind (OutboxForward, ...) that
// reached state (OutboxSent, OutboxFailed or OutboxCancelled): "forwarded",
// "reminder_failed", "notice_cancelled".
func OutboxEvent(kind, state string) string {
	if state != OutboxSent {
		return kind + "_" + state
	}
	switch kind {
	case OutboxForward:
		return EventForwarded
	case OutboxReminder:
		return EventReminderSent
	case OutboxApproval:
		return EventApprovalRequested
	}
	return EventNoticeSent
}

// Event is one row of the record log.
type Event struct {
	ID        int64          `json:"id"`
	Time      time.Time      `json:"time"`
	Type      string         `json:"type"`
	Message   int64          `json:"message,omitempty"`
	Statement int64          `json:"statement,omitempty"`
	Actor     string         `json:"actor,omitempty"`
	Detail    map[string]any `json:"detail,omitempty"`
}

const insertEventSQL = `INSERT INTO events (time, type, message, statement, actor, detail) VALUES (?, ?, ?, ?, ?, ?)`

// insertEvent adds an event inside a write transaction.
func (db *DB) insertEvent(ctx context.Context, tx *sql.Tx, e Event) error {
	detail := []byte("{}")
	if len(e.Detail) > 0 {
		var err error
		if detail, err = json.Marshal(e.Detail); err != nil {
			return fmt.Errorf("store: event detail: %w", err)
		}
	}
	_, err := tx.StmtContext(ctx, db.stmts.insertEvent).ExecContext(ctx,
		timeText(e.Time), e.Type, nullID(e.Message), nullID(e.Statement), e.Actor, string(detail))
	if err != nil {
		return fmt.Errorf("store: insert event: %w", err)
	}
	return nil
}

// AddEvent writes one event on its own (for events that are not part of another change,
// such as a rejection in an SMTP session).
func (db *DB) AddEvent(ctx context.Context, e Event) error {
	if e.Time.IsZero() {
		e.Time = db.opts.Now()
	}
	return db.write(ctx, relaxed, func(tx *sql.Tx) error { return db.insertEvent(ctx, tx, e) })
}

// EventFilter selects events; zero fields select everything.
type EventFilter struct {
	AfterID int64     // only events with a larger id
	Since   time.Time // only events at or after this time
	Message int64
	// Outgoing selects the events about one outgoing statement (its detail names it).
	Outgoing int64
	Limit    int // default 1000
}

// Events returns events in id order.
func (db *DB) Events(ctx context.Context, f EventFilter) ([]Event, error) {
	if f.Limit <= 0 {
		f.Limit = 1000
	}
	q := `SELECT id, time, type, COALESCE(message, 0), COALESCE(statement, 0), actor, detail
		FROM events WHERE id > ?`
	args := []any{f.AfterID}
	if !f.Since.IsZero() {
		q += ` AND time >= ?`
		args = append(args, timeText(f.Since))
	}
	if f.Message != 0 {
		q += ` AND message = ?`
		args = append(args, f.Message)
	}
	if f.Outgoing != 0 {
		q += ` AND json_extract(detail, '$.outgoing') = ?`
		args = append(args, f.Outgoing)
	}
	q += ` ORDER BY id LIMIT ?`
	args = append(args, f.Limit)
	rows, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		var t, detail string
		if err := rows.Scan(&e.ID, &t, &e.Type, &e.Message, &e.Statement, &e.Actor, &detail); err != nil {
			return nil, err
		}
		e.Time = parseTime(t)
		if detail != "" && detail != "{}" {
			if err := json.Unmarshal([]byte(detail), &e.Detail); err != nil {
				e.Detail = map[string]any{"raw": detail}
			}
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// LastEventID returns the id of the newest event, 0 when there is none.
func (db *DB) LastEventID(ctx context.Context) (int64, error) {
	var id int64
	err := db.r.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM events`).Scan(&id)
	return id, err
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
