package store

import (
	"context"
	"database/sql"
	"time"
)

// Reminder is a planned deadline reminder of one statement: Offset days from its
// deadline (negative before it).
type Reminder struct {
	Statement    int64     `json:"statement"`
	Deadline     string    `json:"deadline"`
	Offset       int       `json:"offset_days"`
	Destinations int       `json:"destinations"`
	CreatedAt    time.Time `json:"created_at"`
}

// ReminderCandidates returns the statements that may need a reminder: posted and
// distributed (not held: a statement nobody was sent is not reminded of either), For
// Action, with a deadline on or after deadlineFrom (YYYY-MM-DD), action not taken.
func (db *DB) ReminderCandidates(ctx context.Context, deadlineFrom string) ([]Statement, error) {
	return db.queryStatements(ctx, `SELECT `+statementColumns+` FROM statements
		WHERE state = 'posted' AND distributed = ? AND purpose = 'action' AND deadline != '' AND deadline >= ?
		AND action_taken = 0 ORDER BY deadline, id`, distributionDone, deadlineFrom)
}

// Reminders returns the reminders planned for a statement, in the order they were.
func (db *DB) Reminders(ctx context.Context, statement int64) ([]Reminder, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT statement, deadline, offset_days, destinations, created_at FROM reminders
		WHERE statement = ? ORDER BY created_at, offset_days`, statement)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Reminder
	for rows.Next() {
		var r Reminder
		var created string
		if err := rows.Scan(&r.Statement, &r.Deadline, &r.Offset, &r.Destinations, &created); err != nil {
			return nil, err
		}
		r.CreatedAt = parseTime(created)
		out = append(out, r)
	}
	return out, rows.Err()
}

// PlanReminder records the reminder (statement, deadline, offset) with its outbox rows
// and its event in one durable transaction. It returns false, recording nothing, when
// that reminder was planned before: a reminder never goes out twice, whatever restarts.
// Earlier reminders of the statement that are still waiting are cancelled, since this
// one says more recently the same thing.
func (db *DB) PlanReminder(ctx context.Context, r Reminder, items []NewOutbox, ev Event) (bool, error) {
	return db.planOnce(ctx, r.Statement, items, ev, func(tx *sql.Tx, now time.Time) (bool, error) {
		res, err := tx.ExecContext(ctx, `INSERT INTO reminders (statement, deadline, offset_days, destinations, created_at)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, r.Statement, r.Deadline, r.Offset, len(items), timeText(now))
		if err != nil {
			return false, err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return false, nil
		}
		return true, db.cancelStaleReminders(ctx, tx, r.Statement, now)
	})
}

// planOnce records outbox rows and their event for a statement in one durable
// transaction, after claim has made the plan unique (it returns false when the plan
// exists already: then nothing is recorded).
func (db *DB) planOnce(ctx context.Context, statement int64, items []NewOutbox, ev Event, claim func(*sql.Tx, time.Time) (bool, error)) (bool, error) {
	now := db.opts.Now()
	planned := false
	err := db.write(ctx, durable, func(tx *sql.Tx) error {
		ok, err := claim(tx, now)
		if err != nil || !ok {
			return err
		}
		if err := insertOutbox(ctx, tx, statement, items, now); err != nil {
			return err
		}
		tx.QueryRowContext(ctx, `SELECT message FROM statements WHERE id = ?`, statement).Scan(&ev.Message)
		ev.Time, ev.Statement = now, statement
		if err := db.insertEvent(ctx, tx, ev); err != nil {
			return err
		}
		planned = true
		return nil
	})
	return planned, err
}

func (db *DB) cancelStaleReminders(ctx context.Context, tx *sql.Tx, statement int64, now time.Time) error {
	rows, err := tx.QueryContext(ctx, `SELECT `+outboxColumns+` FROM outbox o
		WHERE o.statement = ? AND o.kind = 'reminder' AND o.state = 'pending'`, statement)
	if err != nil {
		return err
	}
	var stale []OutboxItem
	for rows.Next() {
		it, err := scanOutbox(rows)
		if err != nil {
			rows.Close()
			return err
		}
		stale = append(stale, it)
	}
	rows.Close()
	for _, it := range stale {
		if err := db.cancelOutbox(ctx, tx, it, "replaced by a later reminder", now); err != nil {
			return err
		}
	}
	return nil
}
