package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Kinds of outgoing message.
const (
	OutboxForward  = "forward"  // the statement, to a group or a Send-To address
	OutboxNotice   = "notice"   // a short notice: misdirected mail, or a record notice
	OutboxReminder = "reminder" // a deadline reminder
	OutboxApproval = "approval" // the link to a submitted outgoing statement, to one of its approvers
)

// States of an outgoing message.
const (
	OutboxPending   = "pending"
	OutboxSent      = "sent"
	OutboxFailed    = "failed"    // gave up; shown to managers, who can retry it
	OutboxCancelled = "cancelled" // no longer wanted (statement withdrawn, action taken)
)

// Values of statements.distributed.
const (
	distributionTodo = 0
	distributionDone = 1
	distributionHeld = 2
)

// NewOutbox is one outgoing message to plan. Destination must come from the
// configuration, never from the message (no open relay); the caller checks that.
type NewOutbox struct {
	Kind        string
	Slot        string // tells apart several messages of one kind to one destination (reminders)
	Destination string
	MessageID   string // with angle brackets; stable, so a resend is recognisable
	Detail      map[string]any
}

// OutboxItem is a stored outgoing message.
type OutboxItem struct {
	ID          int64          `json:"id"`
	Statement   int64          `json:"statement"`
	Outgoing    int64          `json:"outgoing,omitempty"` // approval requests: the outgoing statement (Statement is 0)
	Kind        string         `json:"kind"`
	Slot        string         `json:"slot,omitempty"`
	Destination string         `json:"destination"`
	MessageID   string         `json:"message_id"`
	Detail      map[string]any `json:"detail,omitempty"`
	State       string         `json:"state"`
	Attempts    int            `json:"attempts"`
	NextAttempt time.Time      `json:"next_attempt"`
	LastError   string         `json:"last_error,omitempty"`
	CreatedAt   time.Time      `json:"created_at"`
	// Since is when the current delivery effort began (creation, or a manager's retry):
	// giving up is counted from it.
	Since  time.Time `json:"since"`
	SentAt time.Time `json:"sent_at,omitzero"`
}

// Distribution is what the distributor decided for one posted statement. It is recorded
// with RecordDistribution, all of it or nothing.
type Distribution struct {
	Items []NewOutbox
	// Hold, when set, says why nothing may be sent: the statement waits for a manager.
	Hold string
	// Events are written with the plan (Statement and Message are filled in).
	Events []Event
	// Answers is the earlier statement that this response answers, whose action is then
	// taken; 0 for none.
	Answers int64
}

// StatementsToDistribute returns posted statements whose distribution is not planned yet,
// oldest first.
func (db *DB) StatementsToDistribute(ctx context.Context, limit int) ([]Statement, error) {
	return db.queryStatements(ctx, `SELECT `+statementColumns+` FROM statements
		WHERE state = 'posted' AND distributed = ? ORDER BY id LIMIT ?`, distributionTodo, limit)
}

// RecordDistribution stores the plan of a posted statement in one durable transaction:
// its outbox rows, its events, the answered statement's action, and the mark that it is
// planned. So a crash can neither lose the plan nor make it twice. It returns false, and
// records nothing, when the statement is no longer posted or was planned meanwhile.
// Outbox rows that already exist (same statement, kind, slot and destination, from an
// earlier plan before a reroute) are kept as they are: nobody gets the same message twice.
func (db *DB) RecordDistribution(ctx context.Context, id int64, d Distribution) (bool, error) {
	now := db.opts.Now()
	planned := false
	err := db.write(ctx, durable, func(tx *sql.Tx) error {
		var message int64
		err := tx.QueryRowContext(ctx, `SELECT message FROM statements WHERE id = ? AND state = 'posted' AND distributed = ?`,
			id, distributionTodo).Scan(&message)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := insertOutbox(ctx, tx, id, d.Items, now); err != nil {
			return err
		}
		state := distributionDone
		if d.Hold != "" {
			state = distributionHeld
		}
		if _, err := tx.ExecContext(ctx, `UPDATE statements SET distributed = ?, distribution_hold = ? WHERE id = ?`,
			state, d.Hold, id); err != nil {
			return err
		}
		for _, ev := range d.Events {
			ev.Time, ev.Statement, ev.Message = now, id, message
			if err := db.insertEvent(ctx, tx, ev); err != nil {
				return err
			}
		}
		if err := db.takeAction(ctx, tx, d.Answers, id, now); err != nil {
			return err
		}
		planned = true
		return nil
	})
	return planned, err
}

func insertOutbox(ctx context.Context, tx *sql.Tx, statement int64, items []NewOutbox, now time.Time) error {
	return insertOutboxFor(ctx, tx, statement, 0, items, now)
}

// insertOutboxFor inserts rows about a statement or (approval requests) an outgoing
// statement: one of the two ids is 0.
func insertOutboxFor(ctx context.Context, tx *sql.Tx, statement, outgoing int64, items []NewOutbox, now time.Time) error {
	for _, it := range items {
		detail, err := json.Marshal(nonNilMap(it.Detail))
		if err != nil {
			return fmt.Errorf("store: outbox detail: %w", err)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO outbox (statement, outgoing, kind, slot, destination, message_id, detail,
			next_attempt, created_at, since) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			nullID(statement), nullID(outgoing), it.Kind, it.Slot, strings.ToLower(it.Destination), it.MessageID, string(detail),
			timeText(now), timeText(now), timeText(now))
		if err != nil {
			return fmt.Errorf("store: insert outbox: %w", err)
		}
	}
	return nil
}

// takeAction marks the answered statement's action as taken when it is not yet, with an
// event on it naming the response.
func (db *DB) takeAction(ctx context.Context, tx *sql.Tx, answered, response int64, now time.Time) error {
	if answered == 0 || answered == response {
		return nil
	}
	res, err := tx.ExecContext(ctx, `UPDATE statements SET action_taken = 1, updated_at = ? WHERE id = ? AND action_taken = 0`,
		timeText(now), answered)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil
	}
	var message int64
	tx.QueryRowContext(ctx, `SELECT message FROM statements WHERE id = ?`, answered).Scan(&message)
	return db.insertEvent(ctx, tx, Event{Time: now, Type: EventActionTaken, Statement: answered, Message: message,
		Detail: map[string]any{"response": response}})
}

// Redistribute plans a posted statement's distribution again (after a manager rerouted
// it, or released a held one). Destinations already planned are not sent twice.
func (db *DB) Redistribute(ctx context.Context, id int64, actor string) error {
	now := db.opts.Now()
	return db.write(ctx, durable, func(tx *sql.Tx) error {
		var message int64
		err := tx.QueryRowContext(ctx, `SELECT message FROM statements WHERE id = ? AND state = 'posted'`, id).Scan(&message)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("posted statement %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE statements SET distributed = ?, distribution_hold = '' WHERE id = ?`,
			distributionTodo, id); err != nil {
			return err
		}
		return db.insertEvent(ctx, tx, Event{Time: now, Type: EventRedistribute, Statement: id, Message: message, Actor: actor})
	})
}

// HeldDistribution is a posted statement whose distribution waits for a manager.
type HeldDistribution struct {
	Statement int64  `json:"statement"`
	Reason    string `json:"reason"`
}

// HeldDistributions lists the posted statements that nothing was sent for, and why (for
// the review queue).
func (db *DB) HeldDistributions(ctx context.Context) ([]HeldDistribution, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id, distribution_hold FROM statements WHERE distributed = ? ORDER BY id`,
		distributionHeld)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []HeldDistribution
	for rows.Next() {
		var h HeldDistribution
		if err := rows.Scan(&h.Statement, &h.Reason); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// OutboxClaim says which due messages ClaimOutbox may hand out.
type OutboxClaim struct {
	Max int
	// HourlyBudget caps the messages sent to one destination in any hour (0: no cap);
	// a message over it waits until the hour has room.
	HourlyBudget int
	// PDFWait is how long a forward waits for the PDFs of its statement's attachments
	// that are still being converted; after it, it goes without them.
	PDFWait time.Duration
	// RetryAfter is the delay before the next attempt, counted from the claim.
	RetryAfter func(attempt int) time.Duration
}

const outboxColumns = `o.id, COALESCE(o.statement, 0), COALESCE(o.outgoing, 0), o.kind, o.slot, o.destination, o.message_id, o.detail, o.state, o.attempts,
	o.next_attempt, o.last_error, o.created_at, o.since, o.sent_at`

func scanOutbox(s scanner, extra ...any) (OutboxItem, error) {
	var it OutboxItem
	var detail, next, created, since, sent string
	dest := append([]any{&it.ID, &it.Statement, &it.Outgoing, &it.Kind, &it.Slot, &it.Destination, &it.MessageID, &detail, &it.State,
		&it.Attempts, &next, &it.LastError, &created, &since, &sent}, extra...)
	if err := s.Scan(dest...); err != nil {
		return it, err
	}
	json.Unmarshal([]byte(detail), &it.Detail)
	it.NextAttempt, it.CreatedAt, it.Since = parseTime(next), parseTime(created), parseTime(since)
	if sent != "" {
		it.SentAt = parseTime(sent)
	}
	return it, nil
}

// dueOutbox is a due row with what the claim needs to decide about it.
type dueOutbox struct {
	OutboxItem
	statementState string
	actionTaken    bool
	pdfPending     bool
	outgoingState  string // approval requests: the outgoing statement's state
}

// ClaimOutbox hands out up to c.Max due messages, moving each one's next attempt forward
// before returning it, so that a crash during sending leads to a later retry (the same
// Message-ID), never a hot loop. On the way it cancels messages that are no longer wanted
// (the statement is not posted any more, a reminder whose action was taken), and
// postpones forwards waiting for PDFs and messages over their destination's budget.
func (db *DB) ClaimOutbox(ctx context.Context, c OutboxClaim) ([]OutboxItem, error) {
	now := db.opts.Now()
	// A cheap read first: the sender polls, and most polls find nothing due.
	var due int
	if err := db.r.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM outbox WHERE state = 'pending' AND next_attempt <= ?)`,
		timeText(now)).Scan(&due); err != nil || due == 0 {
		return nil, err
	}
	var out []OutboxItem
	err := db.write(ctx, relaxed, func(tx *sql.Tx) error {
		out = nil
		rows, err := dueOutboxRows(ctx, tx, now, 4*c.Max)
		if err != nil {
			return err
		}
		claimed := map[string]int{}
		for _, r := range rows {
			if len(out) == c.Max {
				break
			}
			ok, err := db.claimOne(ctx, tx, c, &r, claimed, now)
			if err != nil {
				return err
			}
			if ok {
				out = append(out, r.OutboxItem)
			}
		}
		return nil
	})
	return out, err
}

func dueOutboxRows(ctx context.Context, tx *sql.Tx, now time.Time, limit int) ([]dueOutbox, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+outboxColumns+`, COALESCE(s.state, ''), COALESCE(s.action_taken, 0),
		EXISTS (SELECT 1 FROM attachments a WHERE a.message = s.message AND a.pdf_state = 'pending'), COALESCE(g.state, '')
		FROM outbox o LEFT JOIN statements s ON s.id = o.statement LEFT JOIN outgoing g ON g.id = o.outgoing
		WHERE o.state = 'pending' AND o.next_attempt <= ? ORDER BY o.next_attempt, o.id LIMIT ?`, timeText(now), limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []dueOutbox
	for rows.Next() {
		var r dueOutbox
		if r.OutboxItem, err = scanOutbox(rows, &r.statementState, &r.actionTaken, &r.pdfPending, &r.outgoingState); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// claimOne decides about one due row: cancel, postpone, or claim (true).
func (db *DB) claimOne(ctx context.Context, tx *sql.Tx, c OutboxClaim, r *dueOutbox, claimed map[string]int, now time.Time) (bool, error) {
	review := r.Kind == OutboxNotice && strings.HasPrefix(r.Slot, reviewSlotPrefix)
	switch {
	case r.Kind == OutboxApproval && r.outgoingState != OutgoingSubmitted:
		return false, db.cancelOutbox(ctx, tx, r.OutboxItem, "the outgoing statement no longer waits for approval ("+r.outgoingState+")", now)
	case r.Kind == OutboxApproval:
		// An approval request is about a statement that is not posted: it goes while it waits.
	case review && r.statementState != StatementQueued:
		return false, db.cancelOutbox(ctx, tx, r.OutboxItem, "the statement no longer waits for review ("+r.statementState+")", now)
	case review:
		// A review notice is about a statement that is not posted: it goes while it waits.
	case r.statementState != StatementPosted:
		return false, db.cancelOutbox(ctx, tx, r.OutboxItem, "the statement is no longer posted ("+r.statementState+")", now)
	case r.Kind == OutboxReminder && r.actionTaken:
		return false, db.cancelOutbox(ctx, tx, r.OutboxItem, "the action was taken", now)
	case r.Kind == OutboxForward && r.pdfPending && now.Before(r.CreatedAt.Add(c.PDFWait)):
		// Look again soon, but not later than the end of the wait.
		next := minTime(now.Add(min(c.PDFWait/10+time.Second, time.Minute)), r.CreatedAt.Add(c.PDFWait))
		return false, postponeOutbox(ctx, tx, r.ID, next)
	}
	if c.HourlyBudget > 0 {
		free, err := budgetFreeAt(ctx, tx, r.Destination, c.HourlyBudget-claimed[r.Destination], now)
		if err != nil {
			return false, err
		}
		if free.After(now) {
			return false, postponeOutbox(ctx, tx, r.ID, free)
		}
	}
	claimed[r.Destination]++
	r.Attempts++
	r.NextAttempt = now.Add(c.RetryAfter(r.Attempts))
	_, err := tx.ExecContext(ctx, `UPDATE outbox SET attempts = ?, next_attempt = ? WHERE id = ?`,
		r.Attempts, timeText(r.NextAttempt), r.ID)
	return err == nil, err
}

// budgetFreeAt returns when one more message may go to dest, given that room more may
// still go in this hour besides those sent: now when there is room, else when the oldest
// counted send leaves the hour.
func budgetFreeAt(ctx context.Context, tx *sql.Tx, dest string, room int, now time.Time) (time.Time, error) {
	hourAgo := timeText(now.Add(-time.Hour))
	var sent int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM outbox WHERE destination = ? AND state = 'sent' AND sent_at > ?`,
		dest, hourAgo).Scan(&sent); err != nil {
		return now, err
	}
	if sent < room {
		return now, nil
	}
	// The send that must leave the window for one more to fit.
	skip := max(sent-room, 0)
	var at string
	err := tx.QueryRowContext(ctx, `SELECT sent_at FROM outbox WHERE destination = ? AND state = 'sent' AND sent_at > ?
		ORDER BY sent_at LIMIT 1 OFFSET ?`, dest, hourAgo, skip).Scan(&at)
	if errors.Is(err, sql.ErrNoRows) {
		// Everything in the window is claimed in this batch: try again in a minute.
		return now.Add(time.Minute), nil
	}
	if err != nil {
		return now, err
	}
	return parseTime(at).Add(time.Hour + time.Second), nil
}

func postponeOutbox(ctx context.Context, tx *sql.Tx, id int64, next time.Time) error {
	_, err := tx.ExecContext(ctx, `UPDATE outbox SET next_attempt = ? WHERE id = ?`, timeText(next), id)
	return err
}

func (db *DB) cancelOutbox(ctx context.Context, tx *sql.Tx, it OutboxItem, why string, now time.Time) error {
	if _, err := tx.ExecContext(ctx, `UPDATE outbox SET state = 'cancelled', last_error = ? WHERE id = ?`, why, it.ID); err != nil {
		return err
	}
	return db.outboxEvent(ctx, tx, it, Event{Type: OutboxEvent(it.Kind, OutboxCancelled), Detail: map[string]any{"reason": why}}, now)
}

// OutboxSent records a delivered message (durably: the relay accepted it).
func (db *DB) OutboxSent(ctx context.Context, it OutboxItem, ev Event) error {
	now := db.opts.Now()
	return db.write(ctx, durable, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE outbox SET state = 'sent', sent_at = ?, last_error = '' WHERE id = ?`,
			timeText(now), it.ID); err != nil {
			return err
		}
		return db.outboxEvent(ctx, tx, it, ev, now)
	})
}

// OutboxRetry records a failed attempt that will be retried at the time the claim set.
func (db *DB) OutboxRetry(ctx context.Context, it OutboxItem, cause error) error {
	now := db.opts.Now()
	return db.write(ctx, relaxed, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE outbox SET last_error = ? WHERE id = ?`, cause.Error(), it.ID); err != nil {
			return err
		}
		return db.outboxEvent(ctx, tx, it, Event{Type: EventSendRetry, Detail: map[string]any{
			"error": cause.Error(), "next_attempt": it.NextAttempt.UTC().Format(time.RFC3339)}}, now)
	})
}

// OutboxFailed records that a message will not be sent (a permanent refusal, or retries
// given up), with its event; the message is then listed for the managers.
func (db *DB) OutboxFailed(ctx context.Context, it OutboxItem, cause error, ev Event) error {
	now := db.opts.Now()
	return db.write(ctx, durable, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE outbox SET state = 'failed', last_error = ? WHERE id = ?`,
			cause.Error(), it.ID); err != nil {
			return err
		}
		return db.outboxEvent(ctx, tx, it, ev, now)
	})
}

// OutboxDueNow makes waiting messages due now: the one due soonest when one is true (a
// probe of a relay that could not be reached), else all of them (the relay answers
// again). It returns how many it moved.
func (db *DB) OutboxDueNow(ctx context.Context, one bool) (int64, error) {
	now := timeText(db.opts.Now())
	q := `UPDATE outbox SET next_attempt = ? WHERE state = 'pending' AND next_attempt > ?`
	if one {
		q += ` AND id = (SELECT id FROM outbox WHERE state = 'pending' ORDER BY next_attempt, id LIMIT 1)`
	}
	var n int64
	err := db.write(ctx, relaxed, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, q, now, now)
		if err == nil {
			n, _ = res.RowsAffected()
		}
		return err
	})
	return n, err
}

// RetryOutbox is a manager's decision to try a failed or cancelled message again, now,
// with a fresh delivery effort.
func (db *DB) RetryOutbox(ctx context.Context, id int64, actor string) error {
	now := db.opts.Now()
	return db.write(ctx, durable, func(tx *sql.Tx) error {
		it, err := scanOutbox(tx.QueryRowContext(ctx, `SELECT `+outboxColumns+` FROM outbox o WHERE o.id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("outbox message %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		if it.State != OutboxFailed && it.State != OutboxCancelled {
			return fmt.Errorf("outbox message %d is %s, not failed or cancelled", id, it.State)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE outbox SET state = 'pending', attempts = 0, next_attempt = ?, since = ?
			WHERE id = ?`, timeText(now), timeText(now), id); err != nil {
			return err
		}
		return db.outboxEvent(ctx, tx, it, Event{Type: EventSendRequeued, Actor: actor}, now)
	})
}

// outboxEvent writes ev about an outgoing message: statement, message and the message's
// kind, destination, Message-ID and attempt are filled in.
func (db *DB) outboxEvent(ctx context.Context, tx *sql.Tx, it OutboxItem, ev Event, now time.Time) error {
	tx.QueryRowContext(ctx, `SELECT message FROM statements WHERE id = ?`, it.Statement).Scan(&ev.Message)
	ev.Time, ev.Statement = now, it.Statement
	d := map[string]any{"kind": it.Kind, "destination": it.Destination, "message_id": it.MessageID, "attempt": it.Attempts}
	if it.Outgoing != 0 {
		d["outgoing"] = it.Outgoing
	}
	for k, v := range ev.Detail {
		d[k] = v
	}
	ev.Detail = d
	return db.insertEvent(ctx, tx, ev)
}

// OutboxFilter selects outgoing messages; zero fields select everything.
type OutboxFilter struct {
	State     string
	Statement int64
	Outgoing  int64
	Limit     int // default 100
}

// OutboxItems lists outgoing messages, newest first.
func (db *DB) OutboxItems(ctx context.Context, f OutboxFilter) ([]OutboxItem, error) {
	var where []string
	var args []any
	if f.State != "" {
		where, args = append(where, "o.state = ?"), append(args, f.State)
	}
	if f.Statement != 0 {
		where, args = append(where, "o.statement = ?"), append(args, f.Statement)
	}
	if f.Outgoing != 0 {
		where, args = append(where, "o.outgoing = ?"), append(args, f.Outgoing)
	}
	q := `SELECT ` + outboxColumns + ` FROM outbox o`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	if f.Limit <= 0 {
		f.Limit = 100
	}
	q += ` ORDER BY o.id DESC LIMIT ?`
	rows, err := db.r.QueryContext(ctx, q, append(args, f.Limit)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OutboxItem
	for rows.Next() {
		it, err := scanOutbox(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// OutboxCounts returns how many outgoing messages are in each state.
func (db *DB) OutboxCounts(ctx context.Context) (map[string]int64, error) {
	return db.countByState(ctx, "outbox")
}

func nonNilMap(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
