package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// indexBatch is how many recorded messages an index transaction takes while intake is
// idle, or beyond the messages just committed when it takes turns with intake: it holds
// the writer for about 70 µs each, so intake never waits long behind it.
const (
	indexBatch   = 32
	unindexedSQL = `SELECT id, message_id, sha256, size, source, remote_addr, mail_from, rcpt_to, origin
		FROM messages WHERE id > ? ORDER BY id LIMIT ?`
)

// backlog counts the messages recorded but not indexed, as far as this process knows
// (another process may record too); the batcher goroutine owns it.
type backlog struct {
	n     int
	since time.Time // when the backlog last grew from empty
}

func (b *backlog) add(n int) {
	if b.n == 0 && n > 0 {
		b.since = time.Now()
	}
	b.n += n
}

// overdue says whether the backlog has waited lag or longer.
func (b *backlog) overdue(lag time.Duration) bool { return b.n > 0 && time.Since(b.since) >= lag }

// recorded is a message as intake committed it, before indexing.
type recorded struct {
	id                                            int64
	messageID, sha256, source, remote, from, orig string
	rcpt                                          json.RawMessage
	size                                          int64
}

// indexPending indexes up to limit recorded messages, in id order, in one
// transaction that does not fsync (the next durable commit, or a checkpoint, makes it
// durable; a crash before that is repaired by indexing again from intake_cursor). It
// returns the duplicates it linked, message id to original.
func (db *DB) indexPending(limit int) (map[int64]int64, error) {
	ctx := context.Background()
	var links map[int64]int64
	var n int
	err := db.write(ctx, relaxed, func(tx *sql.Tx) (err error) {
		links, n, err = db.indexIn(ctx, tx, limit)
		return err
	})
	if err != nil {
		db.log.Error("indexing recorded messages failed; retrying in a second", "err", err)
		return nil, err
	}
	// Another process may have recorded messages too, so the count is only a hint:
	// a short batch means everything is indexed.
	if n < limit {
		db.backlog.n = 0
	} else {
		db.backlog.n = max(db.backlog.n-n, 1)
	}
	if n > 0 {
		select {
		case db.committed <- struct{}{}:
		default:
		}
	}
	return links, nil
}

// indexIn indexes up to limit recorded messages inside tx and moves intake_cursor past
// them; it returns the duplicates it linked and how many messages it indexed.
func (db *DB) indexIn(ctx context.Context, tx *sql.Tx, limit int) (map[int64]int64, int, error) {
	links := map[int64]int64{}
	msgs, err := db.unindexed(ctx, tx, limit)
	if err != nil {
		return nil, 0, err
	}
	now := db.opts.Now()
	for _, m := range msgs {
		orig, err := db.index(ctx, tx, m, now)
		if err != nil {
			return nil, 0, fmt.Errorf("store: index message %d: %w", m.id, err)
		}
		if orig != 0 {
			links[m.id] = orig
		}
	}
	n := len(msgs)
	if n == 0 {
		return links, 0, nil
	}
	_, err = tx.StmtContext(ctx, db.stmts.setIndexedThrough).ExecContext(ctx, msgs[n-1].id)
	return links, n, err
}

// unindexed reads the next recorded messages past intake_cursor.
func (db *DB) unindexed(ctx context.Context, tx *sql.Tx, limit int) ([]recorded, error) {
	var through int64
	if err := tx.StmtContext(ctx, db.stmts.indexedThrough).QueryRowContext(ctx).Scan(&through); err != nil {
		return nil, err
	}
	rows, err := tx.StmtContext(ctx, db.stmts.unindexed).QueryContext(ctx, through, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var msgs []recorded
	for rows.Next() {
		var m recorded
		var rcpt string
		if err := rows.Scan(&m.id, &m.messageID, &m.sha256, &m.size, &m.source, &m.remote, &m.from, &rcpt, &m.orig); err != nil {
			return nil, err
		}
		m.rcpt = json.RawMessage(rcpt)
		msgs = append(msgs, m)
	}
	return msgs, rows.Err()
}

// index links a duplicate to its original and drops its bytes, or records an original's
// digest and job; either way it writes the event. It returns the original of a duplicate.
func (db *DB) index(ctx context.Context, tx *sql.Tx, m recorded, now time.Time) (int64, error) {
	orig, err := sqlRows{ctx, tx, &db.stmts}.findDuplicate(m.sha256, m.messageID)
	if err != nil {
		return 0, err
	}
	detail := map[string]any{
		"source": m.source, "mail_from": m.from, "rcpt": m.rcpt,
		"size": m.size, "message_id": m.messageID, "sha256": m.sha256,
	}
	if m.remote != "" {
		detail["remote"] = m.remote
	}
	if m.orig != "" {
		detail["origin"] = m.orig
	}
	ev := Event{Time: now, Type: EventReceived, Message: m.id, Detail: detail}
	if orig != 0 {
		if _, err := tx.StmtContext(ctx, db.stmts.linkDuplicate).ExecContext(ctx, orig, m.id); err != nil {
			return 0, err
		}
		if _, err := tx.StmtContext(ctx, db.stmts.dropChunks).ExecContext(ctx, chunkID(m.id, 0), chunkID(m.id, maxChunks-1)); err != nil {
			return 0, err
		}
		detail["duplicate_of"] = orig
		ev.Type = EventDuplicate
		return orig, db.insertEvent(ctx, tx, ev)
	}
	if _, err := tx.StmtContext(ctx, db.stmts.insertDigest).ExecContext(ctx, m.id, m.sha256, m.messageID); err != nil {
		return 0, err
	}
	if _, err := tx.StmtContext(ctx, db.stmts.insertJob).ExecContext(ctx, m.id, timeText(now), timeText(now)); err != nil {
		return 0, err
	}
	return 0, db.insertEvent(ctx, tx, ev)
}

// Unindexed counts the recorded messages whose indexing is still to come (across every
// process writing this database).
func (db *DB) Unindexed(ctx context.Context) (int64, error) {
	var n int64
	err := db.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM messages
		WHERE id > (SELECT indexed_through FROM intake_cursor)`).Scan(&n)
	return n, err
}
