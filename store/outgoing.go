package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"
)

// Outgoing statement states: a draft its author edits; submitted, waiting for approval;
// returned by an approver with a comment (the author edits it again); approved, waiting to
// be composed and recorded; sent (its mail recorded as a message, its statement posted).
const (
	OutgoingDraft     = "draft"
	OutgoingSubmitted = "submitted"
	OutgoingReturned  = "returned"
	OutgoingApproved  = "approved"
	OutgoingSent      = "sent"
)

// Statement directions.
const (
	DirectionIncoming = "incoming"
	DirectionOutgoing = "outgoing"
)

// ErrState is returned when an outgoing statement is not in a state that allows the change.
var ErrState = errors.New("store: not in a state that allows this")

// Outgoing is a statement sent (or to be sent) from the IETF.
type Outgoing struct {
	ID           int64
	Author       string
	State        string
	From, To, Cc []string
	Purpose      string
	Deadline     string // YYYY-MM-DD or ""
	Title, Body  string
	InResponseTo int64 // the incoming statement answered, 0 for none
	Comment      string
	Message      int64 // the recorded mail, once sent
	Files        []OutgoingFile
	Approvals    []Approval
	ApprovedAt   time.Time
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// OutgoingFile is a file of an outgoing statement; Data is set when saving and by
// OutgoingFiles.
type OutgoingFile struct {
	Filename    string
	ContentType string
	Size        int64
	SHA256      string
	Data        []byte
}

// Approval is one speaker's approval.
type Approval struct {
	Speaker  string
	Approver string
	At       time.Time
}

// SaveOutgoing creates (o.ID == 0) or replaces a draft with its files, in one transaction
// with its event. Only a draft or a returned statement can be replaced; saving a returned
// statement makes it a draft again.
func (db *DB) SaveOutgoing(ctx context.Context, o Outgoing, ev Event) (int64, error) {
	now := db.opts.Now()
	id := o.ID
	err := db.write(ctx, durable, func(tx *sql.Tx) error {
		if id == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO outgoing (author, state, from_groups, to_bodies, cc, purpose,
				deadline, title, body, in_response_to, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				o.Author, OutgoingDraft, jsonList(o.From), jsonList(o.To), jsonList(o.Cc), o.Purpose, o.Deadline, o.Title,
				o.Body, nullID(o.InResponseTo), timeText(now), timeText(now))
			if err != nil {
				return fmt.Errorf("store: insert outgoing: %w", err)
			}
			if id, err = res.LastInsertId(); err != nil {
				return err
			}
		} else {
			res, err := tx.ExecContext(ctx, `UPDATE outgoing SET state = ?, from_groups = ?, to_bodies = ?, cc = ?,
				purpose = ?, deadline = ?, title = ?, body = ?, in_response_to = ?, updated_at = ?
				WHERE id = ? AND state IN (?, ?)`,
				OutgoingDraft, jsonList(o.From), jsonList(o.To), jsonList(o.Cc), o.Purpose, o.Deadline, o.Title, o.Body,
				nullID(o.InResponseTo), timeText(now), id, OutgoingDraft, OutgoingReturned)
			if err != nil {
				return fmt.Errorf("store: update outgoing: %w", err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return fmt.Errorf("outgoing statement %d: %w", id, ErrState)
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM outgoing_files WHERE outgoing = ?`, id); err != nil {
				return err
			}
		}
		for i, f := range o.Files {
			if f.SHA256 == "" {
				sum := sha256.Sum256(f.Data)
				f.SHA256 = hex.EncodeToString(sum[:])
			}
			if err := putBlob(ctx, tx, f.SHA256, f.Data); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO outgoing_files (outgoing, seq, filename, content_type, size, sha256)
				VALUES (?, ?, ?, ?, ?, ?)`, id, i, f.Filename, f.ContentType, len(f.Data), f.SHA256); err != nil {
				return fmt.Errorf("store: outgoing file: %w", err)
			}
		}
		return db.outgoingEvent(ctx, tx, id, ev, now)
	})
	return id, err
}

// outgoingEvent writes an event about an outgoing statement (named in its detail).
func (db *DB) outgoingEvent(ctx context.Context, tx *sql.Tx, id int64, ev Event, now time.Time) error {
	if ev.Type == "" {
		return nil
	}
	if ev.Detail == nil {
		ev.Detail = map[string]any{}
	}
	ev.Detail["outgoing"] = id
	ev.Time = now
	return db.insertEvent(ctx, tx, ev)
}

// SetOutgoingState moves an outgoing statement from one of states to state (with the
// comment, for a statement sent back) and writes its event; ErrState when it is in none
// of them.
func (db *DB) SetOutgoingState(ctx context.Context, id int64, states []string, state, comment string, ev Event) error {
	now := db.opts.Now()
	return db.write(ctx, durable, func(tx *sql.Tx) error {
		return db.moveOutgoing(ctx, tx, id, states, state, comment, ev, now)
	})
}

func (db *DB) moveOutgoing(ctx context.Context, tx *sql.Tx, id int64, states []string, state, comment string, ev Event, now time.Time) error {
	var cur string
	if err := tx.QueryRowContext(ctx, `SELECT state FROM outgoing WHERE id = ?`, id).Scan(&cur); errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("outgoing statement %d: %w", id, ErrNotFound)
	} else if err != nil {
		return err
	}
	if !slices.Contains(states, cur) {
		return fmt.Errorf("outgoing statement %d is %s: %w", id, cur, ErrState)
	}
	approvedAt := ""
	if state == OutgoingApproved {
		approvedAt = timeText(now)
	}
	if state == OutgoingSubmitted || state == OutgoingReturned {
		// A new round of approval starts from nothing.
		if _, err := tx.ExecContext(ctx, `DELETE FROM outgoing_approvals WHERE outgoing = ?`, id); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE outgoing SET state = ?, comment = CASE WHEN ? = '' THEN comment ELSE ? END,
		approved_at = CASE WHEN ? = '' THEN approved_at ELSE ? END, updated_at = ? WHERE id = ?`,
		state, comment, comment, approvedAt, approvedAt, timeText(now), id); err != nil {
		return err
	}
	return db.outgoingEvent(ctx, tx, id, ev, now)
}

// SubmitOutgoing sends a draft or returned statement for approval, and plans the mails
// to its approvers (kind approval, in the outbox), in one durable transaction with its
// event: the mails go if and only if it is submitted.
func (db *DB) SubmitOutgoing(ctx context.Context, id int64, ev Event, mails []NewOutbox) error {
	now := db.opts.Now()
	return db.write(ctx, durable, func(tx *sql.Tx) error {
		if err := db.moveOutgoing(ctx, tx, id, []string{OutgoingDraft, OutgoingReturned}, OutgoingSubmitted, "", ev, now); err != nil {
			return err
		}
		for _, m := range mails {
			if m.Kind != OutboxApproval {
				return fmt.Errorf("store: outbox kind %q for an outgoing statement", m.Kind)
			}
		}
		return insertOutboxFor(ctx, tx, 0, id, mails, now)
	})
}

// ApproveOutgoing records approver's approval for speaker of a submitted statement. When
// every speaker of need has an approval the statement becomes approved, in the same
// transaction; it returns whether it did. A second approval for the same speaker is
// ErrState.
func (db *DB) ApproveOutgoing(ctx context.Context, id int64, speaker, approver string, need []string, ev Event) (bool, error) {
	now := db.opts.Now()
	approved := false
	err := db.write(ctx, durable, func(tx *sql.Tx) error {
		var cur string
		if err := tx.QueryRowContext(ctx, `SELECT state FROM outgoing WHERE id = ?`, id).Scan(&cur); errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("outgoing statement %d: %w", id, ErrNotFound)
		} else if err != nil {
			return err
		}
		if cur != OutgoingSubmitted {
			return fmt.Errorf("outgoing statement %d is %s: %w", id, cur, ErrState)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO outgoing_approvals (outgoing, speaker, approver, at) VALUES (?, ?, ?, ?)
			ON CONFLICT DO NOTHING`, id, speaker, approver, timeText(now))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("outgoing statement %d: %s is approved already: %w", id, speaker, ErrState)
		}
		if err := db.outgoingEvent(ctx, tx, id, ev, now); err != nil {
			return err
		}
		var have int
		for _, s := range need {
			var n int
			tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM outgoing_approvals WHERE outgoing = ? AND speaker = ?`, id, s).Scan(&n)
			have += min(n, 1)
		}
		if have < len(need) {
			return nil
		}
		approved = true
		return db.moveOutgoing(ctx, tx, id, []string{OutgoingSubmitted}, OutgoingApproved, "",
			Event{Type: EventOutgoingApproved, Actor: ev.Actor}, now)
	})
	return approved, err
}

// MarkOutgoingSent records that the approved statement's mail is recorded as message.
func (db *DB) MarkOutgoingSent(ctx context.Context, id, message int64) error {
	now := db.opts.Now()
	return db.write(ctx, durable, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE outgoing SET message = ? WHERE id = ?`, message, id); err != nil {
			return err
		}
		return db.moveOutgoing(ctx, tx, id, []string{OutgoingApproved}, OutgoingSent, "",
			Event{Type: EventOutgoingRecorded, Message: message}, now)
	})
}

const outgoingColumns = `id, author, state, from_groups, to_bodies, cc, purpose, deadline, title, body,
	COALESCE(in_response_to, 0), comment, COALESCE(message, 0), approved_at, created_at, updated_at`

func scanOutgoing(s scanner) (Outgoing, error) {
	var o Outgoing
	var from, to, cc, approved, created, updated string
	err := s.Scan(&o.ID, &o.Author, &o.State, &from, &to, &cc, &o.Purpose, &o.Deadline, &o.Title, &o.Body,
		&o.InResponseTo, &o.Comment, &o.Message, &approved, &created, &updated)
	if err != nil {
		return o, err
	}
	json.Unmarshal([]byte(from), &o.From)
	json.Unmarshal([]byte(to), &o.To)
	json.Unmarshal([]byte(cc), &o.Cc)
	if approved != "" {
		o.ApprovedAt = parseTime(approved)
	}
	o.CreatedAt, o.UpdatedAt = parseTime(created), parseTime(updated)
	return o, nil
}

// GetOutgoing returns an outgoing statement with its files (without their bytes) and
// approvals.
func (db *DB) GetOutgoing(ctx context.Context, id int64) (Outgoing, error) {
	o, err := scanOutgoing(db.r.QueryRowContext(ctx, `SELECT `+outgoingColumns+` FROM outgoing WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return o, fmt.Errorf("outgoing statement %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return o, err
	}
	rows, err := db.r.QueryContext(ctx, `SELECT filename, content_type, size, sha256 FROM outgoing_files WHERE outgoing = ? ORDER BY seq`, id)
	if err != nil {
		return o, err
	}
	for rows.Next() {
		var f OutgoingFile
		if err := rows.Scan(&f.Filename, &f.ContentType, &f.Size, &f.SHA256); err != nil {
			rows.Close()
			return o, err
		}
		o.Files = append(o.Files, f)
	}
	rows.Close()
	rows, err = db.r.QueryContext(ctx, `SELECT speaker, approver, at FROM outgoing_approvals WHERE outgoing = ? ORDER BY at`, id)
	if err != nil {
		return o, err
	}
	defer rows.Close()
	for rows.Next() {
		var a Approval
		var at string
		if err := rows.Scan(&a.Speaker, &a.Approver, &at); err != nil {
			return o, err
		}
		a.At = parseTime(at)
		o.Approvals = append(o.Approvals, a)
	}
	return o, rows.Err()
}

// OutgoingByState lists outgoing statements in one of states, oldest change first
// (without their files and approvals: GetOutgoing has them).
func (db *DB) OutgoingByState(ctx context.Context, limit int, states ...string) ([]Outgoing, error) {
	return db.outgoingList(ctx, "updated_at, id", limit, states)
}

// OutgoingNewest lists the outgoing statements changed last, in any state, newest first.
func (db *DB) OutgoingNewest(ctx context.Context, limit int) ([]Outgoing, error) {
	return db.outgoingList(ctx, "updated_at DESC, id DESC", limit,
		[]string{OutgoingDraft, OutgoingSubmitted, OutgoingReturned, OutgoingApproved, OutgoingSent})
}

// outgoingList lists outgoing statements in one of states in the order given (a
// constant of this file, never input).
func (db *DB) outgoingList(ctx context.Context, order string, limit int, states []string) ([]Outgoing, error) {
	args := []any{}
	marks := ""
	for i, s := range states {
		if i > 0 {
			marks += ", "
		}
		marks += "?"
		args = append(args, s)
	}
	rows, err := db.r.QueryContext(ctx, `SELECT `+outgoingColumns+` FROM outgoing WHERE state IN (`+marks+`)
		ORDER BY `+order+` LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Outgoing
	for rows.Next() {
		o, err := scanOutgoing(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}
