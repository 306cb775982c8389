package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Job is a claimed processing job.
type Job struct {
	ID       int64
	Message  int64
	Attempts int // including the current one
}

// ClaimJob takes the oldest due job and moves its next attempt to now+retryAfter(attempt)
// before handing it out, so that a crash during the attempt leads to a later retry, never
// a hot loop. It returns false when no job is due.
func (db *DB) ClaimJob(ctx context.Context, retryAfter func(attempt int) time.Duration) (Job, bool, error) {
	now := db.opts.Now()
	// A cheap read first: idle workers poll, and most polls find nothing due.
	var due int
	if err := db.r.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM jobs
		WHERE state IN ('pending', 'running') AND next_attempt <= ?)`, timeText(now)).Scan(&due); err != nil || due == 0 {
		return Job{}, false, err
	}
	var j Job
	found := false
	err := db.write(ctx, relaxed, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT id, message, attempts FROM jobs
			WHERE state IN ('pending', 'running') AND next_attempt <= ?
			ORDER BY next_attempt, id LIMIT 1`, timeText(now)).Scan(&j.ID, &j.Message, &j.Attempts)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		found = true
		j.Attempts++
		next := now.Add(retryAfter(j.Attempts))
		_, err = tx.ExecContext(ctx, `UPDATE jobs SET state = 'running', attempts = ?, next_attempt = ?, updated_at = ?
			WHERE id = ?`, j.Attempts, timeText(next), timeText(now), j.ID)
		return err
	})
	return j, found && err == nil, err
}

// FinishJob marks a job done and records the event that says what it produced.
func (db *DB) FinishJob(ctx context.Context, j Job, ev Event) error {
	return db.endJob(ctx, j, StateDone, "", ev)
}

// FailJob records a failed attempt. When final, the job stops being retried and shows as
// failed; otherwise it waits for the next attempt that ClaimJob already scheduled.
func (db *DB) FailJob(ctx context.Context, j Job, cause error, final bool) error {
	state, typ := StatePending, EventRetry
	if final {
		state, typ = StateFailed, EventFailed
	}
	msg := cause.Error()
	ev := Event{Type: typ, Message: j.Message, Detail: map[string]any{"attempt": j.Attempts, "error": msg}}
	return db.endJob(ctx, j, state, msg, ev)
}

// DeferJob records an attempt that failed for a reason outside the message (a full
// disk): the attempt is given back, so that it never brings the job closer to failing,
// and the job is due again after the given delay.
func (db *DB) DeferJob(ctx context.Context, j Job, cause error, after time.Duration) error {
	now := db.opts.Now()
	msg := cause.Error()
	ev := Event{Time: now, Type: EventRetry, Message: j.Message,
		Detail: map[string]any{"attempt": j.Attempts, "error": msg, "counted": false}}
	return db.write(ctx, relaxed, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE jobs SET state = 'pending', attempts = max(attempts - 1, 0),
			next_attempt = ?, last_error = ?, updated_at = ? WHERE id = ?`,
			timeText(now.Add(after)), msg, timeText(now), j.ID); err != nil {
			return err
		}
		return db.insertEvent(ctx, tx, ev)
	})
}

func (db *DB) endJob(ctx context.Context, j Job, state, lastError string, ev Event) error {
	now := db.opts.Now()
	if ev.Time.IsZero() {
		ev.Time = now
	}
	return db.write(ctx, relaxed, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE jobs SET state = ?, last_error = ?, updated_at = ? WHERE id = ?`,
			state, lastError, timeText(now), j.ID); err != nil {
			return err
		}
		return db.insertEvent(ctx, tx, ev)
	})
}

// RequeueMessage makes a message's job due now with a fresh attempt count (reprocess,
// or a manager's retry). It returns ErrNotFound for a message without a job.
func (db *DB) RequeueMessage(ctx context.Context, message int64, actor string) error {
	now := db.opts.Now()
	return db.write(ctx, durable, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE jobs SET state = 'pending', attempts = 0, next_attempt = ?, last_error = '', updated_at = ?
			WHERE message = ?`, timeText(now), timeText(now), message)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("message %d has no job: %w", message, ErrNotFound)
		}
		return db.insertEvent(ctx, tx, Event{Time: now, Type: EventRequeued, Message: message, Actor: actor})
	})
}

// RequeueAll makes every job due again (reprocess --all) and returns how many.
func (db *DB) RequeueAll(ctx context.Context, actor string) (int64, error) {
	now := db.opts.Now()
	res, err := db.w.ExecContext(ctx, `UPDATE jobs SET state = 'pending', attempts = 0, next_attempt = ?, last_error = '', updated_at = ?`,
		timeText(now), timeText(now))
	if err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	err = db.AddEvent(ctx, Event{Time: now, Type: EventRequeued, Actor: actor, Detail: map[string]any{"jobs": n}})
	return n, err
}

// JobCounts returns how many jobs are in each state.
func (db *DB) JobCounts(ctx context.Context) (map[string]int64, error) {
	return db.countByState(ctx, "jobs")
}

// countByState counts the rows of a table (one of ours, never user input) by state.
func (db *DB) countByState(ctx context.Context, table string) (map[string]int64, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT state, COUNT(*) FROM `+table+` GROUP BY state`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var s string
		var n int64
		if err := rows.Scan(&s, &n); err != nil {
			return nil, err
		}
		out[s] = n
	}
	return out, rows.Err()
}

// NextJobDue returns when the earliest waiting job becomes due (zero when none waits).
func (db *DB) NextJobDue(ctx context.Context) (time.Time, error) {
	var s sql.NullString
	err := db.r.QueryRowContext(ctx, `SELECT MIN(next_attempt) FROM jobs WHERE state IN ('pending', 'running')`).Scan(&s)
	if err != nil || !s.Valid {
		return time.Time{}, err
	}
	return parseTime(s.String), nil
}
