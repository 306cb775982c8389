package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
)

// Processed is a message together with what processing made of it, for RecordProcessed.
type Processed struct {
	Envelope  Envelope
	Raw       RawMessage
	Statement StatementRecord // its Message is filled in
	Events    []Event         // after "received"; Message and Statement are filled in
	Text      string          // the body text search finds the statement by
}

// RecordProcessed records messages with what processing made of them, all in one
// durable transaction: each message and its envelope, its indexing (digest, its job,
// already done, and the "received" event), its statement with the given events, and its
// full-text entry. It is for filling a record at once (the record benchmark), where a
// transaction for each step of each message would take most of the time; messages go
// through Ingest and the pipeline otherwise. It returns the statement ids, in order.
func (db *DB) RecordProcessed(ctx context.Context, items []Processed) ([]int64, error) {
	buf := make([]byte, db.opts.ChunkBytes)
	ids := make([]int64, len(items))
	err := db.write(ctx, durable, func(tx *sql.Tx) error {
		// Messages recorded by intake but not indexed yet come first, so that the cursor
		// can move past the new ones.
		if _, _, err := db.indexIn(ctx, tx, math.MaxInt32); err != nil {
			return err
		}
		for i := range items {
			req, err := db.newRequest(items[i].Envelope, items[i].Raw)
			if err != nil {
				return err
			}
			res, err := insertMessage(sqlRows{ctx, tx, &db.stmts}, req, buf)
			if err != nil {
				return err
			}
			if res.ID == 0 {
				return fmt.Errorf("store: message %d of the batch is already recorded", i)
			}
			items[i].Statement.Message = res.ID
		}
		if _, _, err := db.indexIn(ctx, tx, len(items)); err != nil {
			return err
		}
		now := db.opts.Now()
		for i, it := range items {
			if _, err := tx.ExecContext(ctx, `UPDATE jobs SET state = 'done' WHERE message = ?`, it.Statement.Message); err != nil {
				return err
			}
			id, err := insertStatement(ctx, tx, it.Statement, now)
			if err != nil {
				return err
			}
			ids[i] = id
			for _, ev := range it.Events {
				if ev.Time.IsZero() {
					ev.Time = now
				}
				ev.Statement, ev.Message = id, it.Statement.Message
				if err := db.insertEvent(ctx, tx, ev); err != nil {
					return err
				}
			}
			if err := indexStatement(ctx, tx, id, it.Statement.Title, it.Text, ""); err != nil {
				return err
			}
		}
		return nil
	})
	return ids, err
}
