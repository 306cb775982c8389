package store

import (
	"context"
	"database/sql"
	"slices"
	"strconv"
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
		return indexStatement(ctx, tx, id, title, body, attachmentText)
	})
}

func indexStatement(ctx context.Context, tx *sql.Tx, id int64, title, body, attachmentText string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM statements_fts WHERE rowid = ?`, id); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO statements_fts (rowid, title, body, attachments) VALUES (?, ?, ?, ?)`,
		id, title, body, attachmentText)
	return err
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
// q.Text: those with every word in their title first, then the others, newest first in
// each. FTS5 reads matches in rowid order and stops at the page, so a page costs the
// same however many statements match; a relevance rank (bm25) would read every match
// of every word on every request (10,000 matches of one word took 47 ms on 100,000
// statements, two words found in every statement 670 ms). Only the page's statements
// are read and cut into snippets.
func (db *DB) Search(ctx context.Context, q SearchQuery) ([]SearchHit, error) {
	expr := MatchExpr(q.Text)
	if expr == "" {
		return nil, nil
	}
	if q.Limit <= 0 {
		q.Limit = 20
	}
	state, stateArgs := "", []any{}
	if q.State != "" {
		state, stateArgs = ` AND s.state = ?`, []any{q.State}
	}
	args := func(more ...any) []any { return append(append([]any{expr}, stateArgs...), more...) }
	// Title matches come from the titles' own index (statement_titles_fts).
	inTitle := `FROM statement_titles_fts t JOIN statements s ON s.id = t.rowid
		WHERE statement_titles_fts MATCH ?` + state
	titled, err := db.int64s(ctx, `SELECT t.rowid `+inTitle+` ORDER BY t.rowid DESC LIMIT ? OFFSET ?`,
		args(q.Limit, q.Offset)...)
	if err != nil {
		return nil, err
	}
	var others []int64
	if len(titled) < q.Limit {
		// The page goes past the title matches, into the others.
		before := int64(q.Offset + len(titled))
		if len(titled) == 0 {
			if err := db.r.QueryRowContext(ctx, `SELECT COUNT(*) `+inTitle, args()...).Scan(&before); err != nil {
				return nil, err
			}
		}
		others, err = db.int64s(ctx, `SELECT f.rowid FROM statements_fts f JOIN statements s ON s.id = f.rowid
			WHERE statements_fts MATCH ?`+state+` AND NOT EXISTS (SELECT 1 FROM statement_titles_fts
				WHERE statement_titles_fts MATCH ? AND rowid = f.rowid)
			ORDER BY f.rowid DESC LIMIT ? OFFSET ?`, args(expr, q.Limit-len(titled), max(0, int64(q.Offset)-before))...)
		if err != nil {
			return nil, err
		}
	}
	found := map[int64]SearchHit{}
	for _, ids := range [][]int64{titled, others} {
		if err := db.snippets(ctx, expr, ids, found); err != nil {
			return nil, err
		}
	}
	var out []SearchHit
	for _, id := range append(titled, others...) {
		if h, ok := found[id]; ok {
			out = append(out, h)
		}
	}
	return out, nil
}

// snippets reads the statements ids (a run of consecutive matches of expr) with their
// snippets into found. The snippet needs the MATCH in its own query: one pass over the
// matches from the first of ids to the last (the unary + keeps the list from being
// looked up one by one, each a new pass).
func (db *DB) snippets(ctx context.Context, expr string, ids []int64, found map[int64]SearchHit) error {
	if len(ids) == 0 {
		return nil
	}
	args := []any{MarkStart, MarkEnd, expr, slices.Min(ids), slices.Max(ids)}
	for _, id := range ids {
		args = append(args, id)
	}
	rows, err := db.r.QueryContext(ctx, `SELECT `+statementColumns+`, snip FROM (
			SELECT s.*, snippet(statements_fts, -1, ?, ?, '…', 16) AS snip
			FROM statements_fts f JOIN statements s ON s.id = f.rowid
			WHERE statements_fts MATCH ? AND f.rowid BETWEEN ? AND ? AND +f.rowid IN (`+
		strings.Repeat(", ?", len(ids))[2:]+`))`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var h SearchHit
		st, err := scanStatement(snippetScanner{rows, &h.Snippet})
		if err != nil {
			return err
		}
		h.Statement = st
		found[st.ID] = h
	}
	return rows.Err()
}

// int64s runs a query whose rows are one integer.
func (db *DB) int64s(ctx context.Context, q string, args ...any) ([]int64, error) {
	rows, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var n int64
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
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
// statements in a state ("" = any). They are read from statement_facets, which triggers
// keep up to date as statements change, so a list page does not go over the record.
func (db *DB) StatementFacets(ctx context.Context, state string) (Facets, error) {
	var f Facets
	cond, args := "", []any{}
	if state != "" {
		cond, args = " AND state = ?", []any{state}
	}
	values := func(kind string) ([]string, error) {
		return db.strings(ctx, `SELECT DISTINCT value FROM statement_facets WHERE kind = '`+kind+`'`+cond+`
			ORDER BY value COLLATE NOCASE`, args...)
	}
	var err error
	if f.From, err = values("from"); err != nil {
		return f, err
	}
	if f.To, err = values("to"); err != nil {
		return f, err
	}
	years, err := values("year")
	if err != nil {
		return f, err
	}
	for _, y := range years {
		if n, err := strconv.Atoi(y); err == nil {
			f.Years = append(f.Years, n)
		}
	}
	slices.SortFunc(f.Years, func(a, b int) int { return b - a })
	return f, nil
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
