package store

import (
	"context"
	"database/sql"
	"strings"
	"unicode"
)

// Snippet markers: Search returns snippets with the matched words between these two
// control characters, which cannot occur in stored text, so that the caller can escape
// the text first and then turn the markers into markup.
const (
	MarkStart = "\x02"
	MarkEnd   = "\x03"
)

// IndexStatement sets the full-text index row of a statement: its title, its body text
// and the text of its attachments. The pipeline calls it after saving a statement; later
// changes of the title (a manager's edit) and of the attachment text (a PDF conversion
// that yields text, reprocessing) follow by themselves through triggers.
func (db *DB) IndexStatement(ctx context.Context, id int64, title, body, attachmentText string) error {
	return db.write(ctx, relaxed, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM statements_fts WHERE rowid = ?`, id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO statements_fts (rowid, title, body, attachments) VALUES (?, ?, ?, ?)`,
			id, title, body, attachmentText)
		return err
	})
}

// SearchQuery is a full-text search.
type SearchQuery struct {
	Text   string // what a person typed; see MatchExpr
	State  string // only statements in this state; "" = any
	Limit  int    // default 20
	Offset int
}

// SearchHit is one statement found, with a snippet of where its text matched (markers
// MarkStart and MarkEnd around the matched words; the rest is plain text).
type SearchHit struct {
	Statement Statement
	Snippet   string
}

// Search finds statements whose title, body or attachment text contain every word of
// q.Text, best matches (title matches weigh most) first.
func (db *DB) Search(ctx context.Context, q SearchQuery) ([]SearchHit, error) {
	expr := MatchExpr(q.Text)
	if expr == "" {
		return nil, nil
	}
	if q.Limit <= 0 {
		q.Limit = 20
	}
	// The inner query ranks and cuts the snippet (FTS5 functions need the MATCH in the same
	// query); the outer one names the columns the way scanStatement expects them.
	inner := `SELECT s.*, snippet(statements_fts, -1, ?, ?, '…', 16) AS snip,
			bm25(statements_fts, 10.0, 1.0, 1.0) AS rank
		FROM statements_fts f JOIN statements s ON s.id = f.rowid
		WHERE statements_fts MATCH ?`
	args := []any{MarkStart, MarkEnd, expr}
	if q.State != "" {
		inner += ` AND s.state = ?`
		args = append(args, q.State)
	}
	query := `SELECT ` + statementColumns + `, snip FROM (` + inner + `) ORDER BY rank, id DESC LIMIT ? OFFSET ?`
	args = append(args, q.Limit, q.Offset)
	rows, err := db.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SearchHit
	for rows.Next() {
		var h SearchHit
		var snippet string
		st, err := scanStatement(snippetScanner{rows, &snippet})
		if err != nil {
			return nil, err
		}
		h.Statement, h.Snippet = st, snippet
		out = append(out, h)
	}
	return out, rows.Err()
}

// snippetScanner scans the statement columns and one more (the snippet) after them.
type snippetScanner struct {
	rows    *sql.Rows
	snippet *string
}

func (s snippetScanner) Scan(dest ...any) error {
	return s.rows.Scan(append(dest, s.snippet)...)
}

// MatchExpr turns what a person typed into an FTS5 query that cannot be a syntax error:
// every word becomes a quoted string (so AND, OR, NEAR, quotes and column filters are
// plain words), all of them required; a word ending in '*' matches as a prefix. It
// returns "" when nothing searchable is left.
func MatchExpr(text string) string {
	var terms []string
	for _, w := range strings.Fields(text) {
		prefix := strings.HasSuffix(w, "*")
		w = strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '.' || r == '/' || r == '_' {
				return r
			}
			return ' '
		}, w)
		for _, part := range strings.Fields(w) {
			t := `"` + part + `"`
			if prefix {
				t += "*"
			}
			terms = append(terms, t)
		}
	}
	if len(terms) > 32 {
		terms = terms[:32]
	}
	return strings.Join(terms, " ")
}

// Replies returns the statements that answer statement id (replies_to), oldest first,
// in the given state ("" = any).
func (db *DB) Replies(ctx context.Context, id int64, state string) ([]Statement, error) {
	q := `SELECT ` + statementColumns + ` FROM statements WHERE replies_to = ?`
	args := []any{id}
	if state != "" {
		q += ` AND state = ?`
		args = append(args, state)
	}
	return db.queryStatements(ctx, q+` ORDER BY received_at, id`, args...)
}

// Facets are the values the filters of a list offer.
type Facets struct {
	From, To []string // body names as recorded, sorted
	Years    []int    // newest first
}

// StatementFacets returns the sending and receiving bodies and the years of the
// statements in a state ("" = any).
func (db *DB) StatementFacets(ctx context.Context, state string) (Facets, error) {
	var f Facets
	var err error
	cond, args := "1", []any{}
	if state != "" {
		cond, args = "s.state = ?", []any{state}
	}
	if f.From, err = db.strings(ctx, `SELECT DISTINCT j.value FROM statements s, json_each(s.from_bodies) j
		WHERE `+cond+` ORDER BY j.value COLLATE NOCASE`, args...); err != nil {
		return f, err
	}
	if f.To, err = db.strings(ctx, `SELECT DISTINCT j.value FROM statements s, json_each(s.to_bodies) j
		WHERE `+cond+` ORDER BY j.value COLLATE NOCASE`, args...); err != nil {
		return f, err
	}
	rows, err := db.r.QueryContext(ctx, `SELECT DISTINCT CAST(substr(s.received_at, 1, 4) AS INTEGER) y FROM statements s
		WHERE `+cond+` ORDER BY y DESC`, args...)
	if err != nil {
		return f, err
	}
	defer rows.Close()
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return f, err
		}
		f.Years = append(f.Years, y)
	}
	return f, rows.Err()
}

func (db *DB) strings(ctx context.Context, q string, args ...any) ([]string, error) {
	rows, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
