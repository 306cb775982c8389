package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// IMAPState is how far a polled mailbox has been recorded.
type IMAPState struct {
	UIDValidity uint32
	LastUID     uint32 // every message with a UID up to this one is recorded
}

// IMAPState returns the saved position of a mailbox; the zero value when it has none.
func (db *DB) IMAPState(ctx context.Context, mailbox string) (IMAPState, error) {
	var s IMAPState
	err := db.r.QueryRowContext(ctx, `SELECT uid_validity, last_uid FROM imap_state WHERE mailbox = ?`, mailbox).
		Scan(&s.UIDValidity, &s.LastUID)
	if errors.Is(err, sql.ErrNoRows) {
		return IMAPState{}, nil
	}
	return s, err
}

// SetIMAPState saves the position of a mailbox. A changed UIDVALIDITY is recorded as an
// event, since every UID the mailbox had before is then meaningless.
func (db *DB) SetIMAPState(ctx context.Context, mailbox string, s IMAPState) error {
	now := db.opts.Now()
	return db.write(ctx, relaxed, func(tx *sql.Tx) error {
		return db.setIMAPState(ctx, tx, mailbox, s, now)
	})
}

func (db *DB) setIMAPState(ctx context.Context, tx *sql.Tx, mailbox string, s IMAPState, now time.Time) error {
	var old uint32
	err := tx.QueryRowContext(ctx, `SELECT uid_validity FROM imap_state WHERE mailbox = ?`, mailbox).Scan(&old)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if err == nil && old != s.UIDValidity {
		ev := Event{Time: now, Type: EventIMAPUIDValidity, Detail: map[string]any{
			"mailbox": mailbox, "old": old, "new": s.UIDValidity}}
		if err := db.insertEvent(ctx, tx, ev); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO imap_state (mailbox, uid_validity, last_uid, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (mailbox) DO UPDATE SET uid_validity = excluded.uid_validity, last_uid = excluded.last_uid,
		updated_at = excluded.updated_at`, mailbox, s.UIDValidity, s.LastUID, timeText(now))
	return err
}
