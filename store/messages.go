package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"
)

// ErrNotFound is returned when a row asked for by id does not exist.
var ErrNotFound = errors.New("store: not found")

// Message states as shown by `liaisond messages`: the job's state, or "duplicate".
const (
	StatePending   = "pending"
	StateRunning   = "running"
	StateDone      = "done"
	StateFailed    = "failed"
	StateDuplicate = "duplicate"
)

// Message is one received message without its bytes. JSON names are a contract of
// `liaisond messages --json`.
type Message struct {
	ID          int64     `json:"id"`
	MessageID   string    `json:"message_id"`
	SHA256      string    `json:"sha256"`
	Size        int64     `json:"size"`
	Source      string    `json:"source"`
	RemoteAddr  string    `json:"remote_addr,omitempty"`
	MailFrom    string    `json:"mail_from"`
	Rcpt        []string  `json:"rcpt_to"`
	Origin      string    `json:"origin,omitempty"`
	ReceivedAt  time.Time `json:"received_at"`
	DuplicateOf int64     `json:"duplicate_of,omitempty"`
	State       string    `json:"state"`
	Attempts    int       `json:"attempts"`
	Error       string    `json:"error"`
}

const messageState = `(CASE WHEN m.duplicate_of IS NOT NULL THEN 'duplicate' ELSE COALESCE(j.state, 'pending') END)`

const messageColumns = `m.id, m.message_id, m.sha256, m.size, m.source, m.remote_addr, m.mail_from,
	m.rcpt_to, m.origin, m.received_at, COALESCE(m.duplicate_of, 0), ` + messageState + `,
	COALESCE(j.attempts, 0), COALESCE(j.last_error, '')`

type scanner interface{ Scan(dest ...any) error }

func scanMessage(s scanner) (Message, error) {
	var m Message
	var rcpt, received string
	err := s.Scan(&m.ID, &m.MessageID, &m.SHA256, &m.Size, &m.Source, &m.RemoteAddr, &m.MailFrom,
		&rcpt, &m.Origin, &received, &m.DuplicateOf, &m.State, &m.Attempts, &m.Error)
	if err != nil {
		return m, err
	}
	m.ReceivedAt = parseTime(received)
	if err := json.Unmarshal([]byte(rcpt), &m.Rcpt); err != nil {
		m.Rcpt = nil
	}
	return m, nil
}

// MessageFilter selects messages; zero fields select everything.
type MessageFilter struct {
	State  string
	Limit  int // default 100
	Offset int
}

// Messages lists received messages, newest first.
func (db *DB) Messages(ctx context.Context, f MessageFilter) ([]Message, error) {
	if f.Limit <= 0 {
		f.Limit = 100
	}
	q := `SELECT ` + messageColumns + ` FROM messages m LEFT JOIN jobs j ON j.message = m.id`
	var args []any
	if f.State != "" {
		q += ` WHERE ` + messageState + ` = ?`
		args = append(args, f.State)
	}
	q += ` ORDER BY m.id DESC LIMIT ? OFFSET ?`
	args = append(args, f.Limit, f.Offset)
	rows, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Message
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// GetMessage returns one message by id.
func (db *DB) GetMessage(ctx context.Context, id int64) (Message, error) {
	row := db.r.QueryRowContext(ctx, `SELECT `+messageColumns+`
		FROM messages m LEFT JOIN jobs j ON j.message = m.id WHERE m.id = ?`, id)
	m, err := scanMessage(row)
	if errors.Is(err, sql.ErrNoRows) {
		return m, fmt.Errorf("message %d: %w", id, ErrNotFound)
	}
	return m, err
}

// CountMessages returns how many messages rows exist (duplicates included).
func (db *DB) CountMessages(ctx context.Context) (int64, error) {
	var n int64
	err := db.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM messages`).Scan(&n)
	return n, err
}

// WriteRaw writes the byte-exact raw message to w. For a duplicate it writes the
// original's bytes, which are the same.
func (db *DB) WriteRaw(ctx context.Context, id int64, w io.Writer) error {
	stored, _, err := db.rawOf(ctx, id)
	if err != nil {
		return err
	}
	return db.writeChunks(ctx, stored, w)
}

// rawOf returns the message whose chunks hold the bytes of message id (its original,
// for a duplicate) and their size.
func (db *DB) rawOf(ctx context.Context, id int64) (stored, size int64, err error) {
	var dupOf int64
	err = db.r.QueryRowContext(ctx, `SELECT COALESCE(duplicate_of, 0), size FROM messages WHERE id = ?`, id).Scan(&dupOf, &size)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, fmt.Errorf("message %d: %w", id, ErrNotFound)
	}
	if err != nil || dupOf == 0 {
		return id, size, err
	}
	// A duplicate of the same bytes keeps none: they are its original's. A duplicate by
	// content (LinkContent) differs in its trace fields and keeps its own.
	var own bool
	if err := db.r.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM raw_chunks WHERE id = ?)`, chunkID(id, 0)).Scan(&own); err != nil {
		return 0, 0, err
	}
	if own {
		return id, size, nil
	}
	return dupOf, size, nil
}

// ContentLink is what LinkContent found for a message.
type ContentLink struct {
	// DuplicateOf is the message this one duplicates: the same Message-ID and the same
	// content. It is then not processed further.
	DuplicateOf int64
	// Differs is an earlier message with the same Message-ID and other content: this
	// one goes to the review queue saying so.
	Differs int64
}

// LinkContent records the content hash (mail.ContentHash) of a message being processed
// and compares it with the other recorded messages of its Message-ID. One with the same
// content makes this message its duplicate, in the same transaction (so two workers on
// two copies cannot both go on): the link and a "duplicate" event are written, and the
// message keeps its own bytes, which differ in their trace fields. A message without a
// Message-ID, or one whose statement is already recorded (a reprocess), is never linked.
func (db *DB) LinkContent(ctx context.Context, id int64, contentHash string) (ContentLink, error) {
	var link ContentLink
	err := db.write(ctx, relaxed, func(tx *sql.Tx) error {
		link = ContentLink{}
		var msgID string
		var dupOf int64
		var hasStatement bool
		err := tx.QueryRowContext(ctx, `SELECT message_id, COALESCE(duplicate_of, 0),
			EXISTS (SELECT 1 FROM statements WHERE message = messages.id) FROM messages WHERE id = ?`, id).Scan(&msgID, &dupOf, &hasStatement)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("message %d: %w", id, ErrNotFound)
		}
		if err != nil || dupOf != 0 {
			link.DuplicateOf = dupOf
			return err
		}
		if msgID != "" && !hasStatement {
			err := tx.QueryRowContext(ctx, `SELECT message FROM digests WHERE message_id = ? AND message_id != '' AND content_sha256 = ?
				AND message != ? ORDER BY message LIMIT 1`, msgID, contentHash, id).Scan(&link.DuplicateOf)
			if err == nil {
				return db.linkContentDuplicate(ctx, tx, id, link.DuplicateOf, msgID)
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE digests SET content_sha256 = ? WHERE message = ?`, contentHash, id); err != nil {
			return err
		}
		if msgID == "" {
			return nil
		}
		// Any earlier one will do (no ORDER BY): many copies of one Message-ID must not
		// make each lookup sort them all.
		err = tx.QueryRowContext(ctx, `SELECT message FROM digests WHERE message_id = ? AND message_id != '' AND message < ?
			AND content_sha256 IS NOT NULL AND content_sha256 != ? LIMIT 1`, msgID, id, contentHash).Scan(&link.Differs)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		return err
	})
	return link, err
}

// linkContentDuplicate makes message id a duplicate of orig. Its digest stays, without a
// content hash: an exact copy of its bytes is still linked to it when recorded, and only
// originals are compared by content.
func (db *DB) linkContentDuplicate(ctx context.Context, tx *sql.Tx, id, orig int64, msgID string) error {
	if _, err := tx.StmtContext(ctx, db.stmts.linkDuplicate).ExecContext(ctx, orig, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE digests SET content_sha256 = NULL WHERE message = ?`, id); err != nil {
		return err
	}
	return db.insertEvent(ctx, tx, Event{Time: db.opts.Now(), Type: EventDuplicate, Message: id, Detail: map[string]any{
		"duplicate_of": orig, "message_id": msgID, "same": "content",
		"note": "same Message-ID and content as the original, other trace fields: kept, not processed again",
	}})
}

// writeChunks writes the chunks of a stored message in order, one at a time, so that a
// large message never sits whole in memory here (RawBytes: the driver's copy is written
// without a second one).
func (db *DB) writeChunks(ctx context.Context, id int64, w io.Writer) error {
	for seq := 0; seq < maxChunks; seq++ {
		found, err := db.writeChunk(ctx, chunkID(id, seq), w)
		if err != nil || !found {
			return err
		}
	}
	return nil
}

func (db *DB) writeChunk(ctx context.Context, chunk int64, w io.Writer) (bool, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT data FROM raw_chunks WHERE id = ?`, chunk)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	if !rows.Next() {
		return false, rows.Err()
	}
	var data sql.RawBytes
	if err := rows.Scan(&data); err != nil {
		return false, err
	}
	if _, err := w.Write(data); err != nil {
		return false, err
	}
	return true, rows.Close()
}

// Raw returns the raw message bytes, in one allocation of their size.
func (db *DB) Raw(ctx context.Context, id int64) ([]byte, error) {
	stored, size, err := db.rawOf(ctx, id)
	if err != nil {
		return nil, err
	}
	buf := bytes.NewBuffer(make([]byte, 0, size))
	err = db.writeChunks(ctx, stored, buf)
	return buf.Bytes(), err
}
