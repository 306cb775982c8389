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
	if dupOf != 0 {
		id = dupOf
	}
	return id, size, err
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
