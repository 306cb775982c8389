package store

import (
	"context"
	"database/sql"
	"errors"
)

// SetStatementKeys replaces the keys under which a statement can be found by a reply.
func (db *DB) SetStatementKeys(ctx context.Context, id int64, keys []string) error {
	return db.write(ctx, relaxed, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM statement_keys WHERE statement = ?`, id); err != nil {
			return err
		}
		for _, k := range keys {
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO statement_keys (key, statement) VALUES (?, ?)`, k, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// FindRepliedTo returns the earlier statement that one of keys names (keys in order of
// preference), other than self; 0 when none. Posted statements win over others, then
// the most recent.
func (db *DB) FindRepliedTo(ctx context.Context, keys []string, self int64) (int64, error) {
	for _, k := range keys {
		var id int64
		err := db.r.QueryRowContext(ctx, `SELECT s.id FROM statement_keys k JOIN statements s ON s.id = k.statement
			WHERE k.key = ? AND s.id != ? AND s.is_liaison = 1
			ORDER BY s.state = 'posted' DESC, s.received_at DESC LIMIT 1`, k, self).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return 0, err
		}
		return id, nil
	}
	return 0, nil
}
