package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
)

// The intake commit (insertBatch) runs on the writer's driver connection directly, with
// statements of its own, BEGIN and COMMIT included. Through database/sql every
// transaction gets a cancellable context and a goroutine that watches it (and the driver
// one more for each call given that context), started and woken for every message on
// the path of a lone sender's 250, and the driver compiled BEGIN and COMMIT anew each
// time. The intake commit is never cancelled (its batch is shared), so it runs without a
// context to watch.

// intakeStatements are prepared on one driver connection; conn says which.
type intakeStatements struct {
	conn                                      any
	begin, commit, rollback                   driver.Stmt
	findDuplicate, insertMessage, insertChunk driver.Stmt
}

// each pairs every statement with its SQL, for preparing and closing them alike.
func (s *intakeStatements) each() []struct {
	dst *driver.Stmt
	sql string
} {
	return []struct {
		dst *driver.Stmt
		sql string
	}{
		{&s.begin, `BEGIN IMMEDIATE`}, {&s.commit, `COMMIT`}, {&s.rollback, `ROLLBACK`},
		{&s.findDuplicate, findDuplicateSQL}, {&s.insertMessage, insertMessageSQL}, {&s.insertChunk, insertChunkSQL},
	}
}

// The statements that record a message, run by both kinds of intakeRows.
const (
	findDuplicateSQL = `SELECT message FROM digests
		WHERE sha256 = ? AND message_id = ? ORDER BY message LIMIT 1`
	insertMessageSQL = `INSERT INTO messages
		(message_id, sha256, size, source, remote_addr, helo, mail_from, rcpt_to, origin, received_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertChunkSQL = `INSERT INTO raw_chunks (id, message, data) VALUES (?, ?, ?)`
)

// intakeRows records messages: intakeTx for intake, sqlRows inside a database/sql
// transaction (indexing, RecordProcessed).
type intakeRows interface {
	// findDuplicate returns the id of an indexed original with the same Message-ID (or
	// the same lack of one) and the same bytes, or 0.
	findDuplicate(sha, messageID string) (int64, error)
	insertMessage(args ...any) (id int64, err error)
	insertChunk(id, message int64, data []byte) error
}

func (tx intakeTx) findDuplicate(sha, messageID string) (int64, error) {
	return queryInt64(tx.s.findDuplicate, sha, messageID)
}

func (tx intakeTx) insertMessage(args ...any) (int64, error) {
	res, err := execDriver(tx.s.insertMessage, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func (tx intakeTx) insertChunk(id, message int64, data []byte) error {
	_, err := execDriver(tx.s.insertChunk, id, message, data)
	return err
}

// sqlRows runs the same statements in a database/sql transaction.
type sqlRows struct {
	ctx   context.Context
	tx    *sql.Tx
	stmts *ingestStatements
}

func (r sqlRows) findDuplicate(sha, messageID string) (int64, error) {
	var id int64
	err := r.tx.StmtContext(r.ctx, r.stmts.findDuplicate).QueryRowContext(r.ctx, sha, messageID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

func (r sqlRows) insertMessage(args ...any) (int64, error) {
	res, err := r.tx.StmtContext(r.ctx, r.stmts.insertMessage).ExecContext(r.ctx, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func (r sqlRows) insertChunk(id, message int64, data []byte) error {
	_, err := r.tx.StmtContext(r.ctx, r.stmts.insertChunk).ExecContext(r.ctx, id, message, data)
	return err
}

// intakeTx is one intake transaction on the driver connection.
type intakeTx struct{ s *intakeStatements }

// writeIntake runs fn in one durable transaction on the writer connection (FULL outside
// a relaxed write, see write). The caller holds intakeMu, which guards the statements.
func (db *DB) writeIntake(fn func(tx intakeTx) error) error {
	ctx := context.Background()
	conn, err := db.w.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store: writer connection: %w", err)
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		s, err := db.intakeStatementsOn(dc)
		if err != nil {
			return err
		}
		if _, err := execDriver(s.begin); err != nil {
			return fmt.Errorf("store: begin: %w", err)
		}
		err = fn(intakeTx{s})
		if err == nil {
			if _, err = execDriver(s.commit); err != nil {
				err = fmt.Errorf("store: commit: %w", err)
			}
		}
		if err != nil {
			if _, rerr := execDriver(s.rollback); rerr != nil {
				// A failed COMMIT may have rolled back already, or not: a connection
				// that might still be inside a transaction is not reused.
				return errors.Join(err, driver.ErrBadConn)
			}
		}
		return err
	})
}

// intakeStatementsOn returns the statements prepared on dc, preparing them on first use
// or when the pool has replaced the connection.
func (db *DB) intakeStatementsOn(dc any) (*intakeStatements, error) {
	if s := db.intake; s != nil && s.conn == dc {
		return s, nil
	}
	prep, ok := dc.(driver.ConnPrepareContext)
	if !ok {
		return nil, fmt.Errorf("store: driver connection %T cannot prepare", dc)
	}
	s := &intakeStatements{conn: dc}
	for _, q := range s.each() {
		st, err := prep.PrepareContext(context.Background(), q.sql)
		if err != nil {
			s.close()
			return nil, fmt.Errorf("store: prepare: %w", err)
		}
		*q.dst = st
	}
	db.intake = s // the statements of a replaced connection went with it
	return s, nil
}

// close finalizes the statements; the connection can then close.
func (s *intakeStatements) close() {
	for _, q := range s.each() {
		if *q.dst != nil {
			(*q.dst).Close()
		}
	}
}

// closeIntakeStatements finalizes the statements before the writer closes (Close).
func (db *DB) closeIntakeStatements() {
	if db.intake == nil {
		return
	}
	conn, err := db.w.Conn(context.Background())
	if err != nil {
		return
	}
	defer conn.Close()
	conn.Raw(func(dc any) error {
		if db.intake.conn == dc {
			db.intake.close()
		}
		db.intake = nil
		return nil
	})
}

func execDriver(st driver.Stmt, args ...any) (driver.Result, error) {
	return st.(driver.StmtExecContext).ExecContext(context.Background(), namedValues(args))
}

func namedValues(args []any) []driver.NamedValue {
	nv := make([]driver.NamedValue, len(args))
	for i, a := range args {
		nv[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
	}
	return nv
}

// queryInt64 returns the first column of the first row, or 0 when there is none.
func queryInt64(st driver.Stmt, args ...any) (int64, error) {
	rows, err := st.(driver.StmtQueryContext).QueryContext(context.Background(), namedValues(args))
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	dest := make([]driver.Value, len(rows.Columns()))
	if err := rows.Next(dest); errors.Is(err, io.EOF) {
		return 0, nil
	} else if err != nil {
		return 0, err
	}
	v, ok := dest[0].(int64)
	if !ok {
		return 0, fmt.Errorf("store: expected an integer, got %T", dest[0])
	}
	return v, nil
}
