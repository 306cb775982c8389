package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
)

// durability says what a write transaction's commit must survive.
type durability int

const (
	// durable commits fsync (synchronous=FULL): received messages and everything a sender
	// or a manager was told happened.
	durable durability = iota
	// relaxed commits do not fsync (synchronous=NORMAL): bookkeeping that is redone after
	// a power loss, such as job claims and retry times. In WAL mode the next durable
	// commit makes them durable too, so intake does not pay for the workers' fsyncs.
	relaxed
)

// write runs fn in one write transaction on the writer connection with the given
// durability, and commits.
func (db *DB) write(ctx context.Context, d durability, fn func(tx *sql.Tx) error) error {
	conn, err := db.w.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store: writer connection: %w", err)
	}
	defer conn.Close()
	// The connection is FULL outside a relaxed write (the DSN sets it, restoreFull puts
	// it back or discards the connection), so only a relaxed write changes the mode.
	if d == relaxed {
		defer restoreFull(conn)
		if _, err := conn.ExecContext(ctx, "PRAGMA synchronous = NORMAL"); err != nil {
			return fmt.Errorf("store: set synchronous: %w", err)
		}
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// restoreFull puts the connection back to FULL; if that fails the connection is
// discarded, so that no later commit can run relaxed by mistake.
func restoreFull(conn *sql.Conn) {
	if _, err := conn.ExecContext(context.Background(), "PRAGMA synchronous = FULL"); err != nil {
		conn.Raw(func(any) error { return driver.ErrBadConn })
	}
}
