package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// MessageAuth is the stored authentication of one message: the report as package auth
// wrote it (JSON, kept opaque here) and the domain it is authenticated as.
type MessageAuth struct {
	Report     json.RawMessage
	VerifiedAs string
	CheckedAt  time.Time
}

// SaveAuth records (or replaces) the authentication of a message, with its event.
func (db *DB) SaveAuth(ctx context.Context, message int64, a MessageAuth, e Event) error {
	if a.CheckedAt.IsZero() {
		a.CheckedAt = db.opts.Now()
	}
	if e.Time.IsZero() {
		e.Time = a.CheckedAt
	}
	e.Message = message
	return db.write(ctx, relaxed, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO message_auth (message, report, verified_as, checked_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (message) DO UPDATE SET report = excluded.report, verified_as = excluded.verified_as, checked_at = excluded.checked_at`,
			message, string(a.Report), a.VerifiedAs, timeText(a.CheckedAt))
		if err != nil {
			return fmt.Errorf("store: save auth: %w", err)
		}
		return db.insertEvent(ctx, tx, e)
	})
}

// Auth returns the stored authentication of a message; ErrNotFound when it was never
// checked.
func (db *DB) Auth(ctx context.Context, message int64) (MessageAuth, error) {
	var a MessageAuth
	var report, checked string
	err := db.r.QueryRowContext(ctx, `SELECT report, verified_as, checked_at FROM message_auth WHERE message = ?`, message).
		Scan(&report, &a.VerifiedAs, &checked)
	if errors.Is(err, sql.ErrNoRows) {
		return a, ErrNotFound
	}
	if err != nil {
		return a, fmt.Errorf("store: auth of message %d: %w", message, err)
	}
	a.Report, a.CheckedAt = json.RawMessage(report), parseTime(checked)
	return a, nil
}

// MessageEnvelope returns what the session recorded about a message's arrival.
func (db *DB) MessageEnvelope(ctx context.Context, message int64) (Envelope, error) {
	var env Envelope
	var rcpt, received string
	err := db.r.QueryRowContext(ctx, `SELECT source, remote_addr, helo, mail_from, rcpt_to, origin, received_at FROM messages WHERE id = ?`, message).
		Scan(&env.Source, &env.RemoteAddr, &env.Helo, &env.MailFrom, &rcpt, &env.Origin, &received)
	if errors.Is(err, sql.ErrNoRows) {
		return env, ErrNotFound
	}
	if err != nil {
		return env, fmt.Errorf("store: envelope of message %d: %w", message, err)
	}
	if err := json.Unmarshal([]byte(rcpt), &env.Rcpt); err != nil {
		return env, fmt.Errorf("store: envelope of message %d: recipients: %w", message, err)
	}
	env.ReceivedAt = parseTime(received)
	return env, nil
}
