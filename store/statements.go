package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Statement states (`liaisond list --state`).
const (
	StatementQueued   = "queued"   // waits for a liaison manager
	StatementPosted   = "posted"   // in the public record
	StatementRejected = "rejected" // not a statement, or refused by a manager
	StatementFailed   = "failed"   // processing gave up; the raw message is kept
)

// statementStates are the states above, which are also the types of the events that say
// a statement entered them.
var statementStates = []string{StatementQueued, StatementPosted, StatementRejected, StatementFailed}

// StatementRecord is what processing found for one message. Fields and Evidence are
// the extraction JSON (the classify package owns its shape); the promoted columns are
// copies used for filtering and sorting.
type StatementRecord struct {
	Message       int64
	State         string
	Direction     string // incoming (the default) or outgoing
	ReviewReasons []string
	IsLiaison     bool
	Confidence    float64
	Title         string
	Purpose       string
	Deadline      string
	From, To      []string
	Fields        json.RawMessage // the contract fields, a JSON object
	Evidence      json.RawMessage // per-field evidence, a JSON object
	RepliesTo     int64
	// NotDistributed, when set, says why a posted statement is recorded without being
	// distributed (an archive backfill: it was handled when it first arrived).
	NotDistributed string
}

// Statement is a stored statement record.
type Statement struct {
	StatementRecord
	ID          int64
	Edited      []string // fields a manager set
	ActionTaken bool
	ReceivedAt  time.Time
	PostedAt    time.Time // zero until posted
	UpdatedAt   time.Time
}

// SaveStatement records the outcome of processing a message, creating or updating its
// statement (processing is rerun by reprocess). Fields a manager edited keep the
// manager's values; a statement already posted or rejected by a manager keeps its state.
// The events (their Statement filled in here) are written in the same transaction; an
// event named after a state (posted, queued, ...) says that the statement entered it, so
// it is written only when this save does that: a rerun after a crash, or a reprocess,
// does not post a statement twice in the record log. It does not fsync: the record is
// derived from the raw message and rebuilt by reprocessing, and in WAL mode the next
// durable commit (a distribution plan, a manager's action, the next received message)
// makes it durable before anything depends on it.
func (db *DB) SaveStatement(ctx context.Context, rec StatementRecord, evs ...Event) (int64, error) {
	now := db.opts.Now()
	var id int64
	err := db.write(ctx, relaxed, func(tx *sql.Tx) error {
		old, err := statementByMessage(ctx, tx, rec.Message)
		before, after := "", rec.State
		switch {
		case errors.Is(err, sql.ErrNoRows):
			id, err = insertStatement(ctx, tx, rec, now)
		case err != nil:
			return err
		default:
			id, before = old.ID, old.State
			after, err = updateStatement(ctx, tx, old, rec, now)
		}
		if err != nil {
			return err
		}
		for _, ev := range evs {
			if slices.Contains(statementStates, ev.Type) && (ev.Type != after || ev.Type == before) {
				continue // no change to this state: already in it, or a manager's decision stands
			}
			if ev.Time.IsZero() {
				ev.Time = now
			}
			ev.Statement, ev.Message = id, rec.Message
			if err := db.insertEvent(ctx, tx, ev); err != nil {
				return err
			}
		}
		return nil
	})
	return id, err
}

func insertStatement(ctx context.Context, tx *sql.Tx, rec StatementRecord, now time.Time) (int64, error) {
	var received string
	if err := tx.QueryRowContext(ctx, `SELECT received_at FROM messages WHERE id = ?`, rec.Message).Scan(&received); err != nil {
		return 0, fmt.Errorf("store: statement for message %d: %w", rec.Message, err)
	}
	posted := ""
	if rec.State == StatementPosted {
		posted = timeText(now)
	}
	direction := rec.Direction
	if direction == "" {
		direction = DirectionIncoming
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO statements (message, state, review_reasons, is_liaison, confidence,
		title, purpose, deadline, from_bodies, to_bodies, fields, evidence, replies_to, received_at, posted_at, updated_at,
		direction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		rec.Message, rec.State, jsonList(rec.ReviewReasons), rec.IsLiaison, rec.Confidence, rec.Title, rec.Purpose,
		rec.Deadline, jsonList(rec.From), jsonList(rec.To), jsonObject(rec.Fields), jsonObject(rec.Evidence),
		nullID(rec.RepliesTo), received, posted, timeText(now), direction)
	if err != nil {
		return 0, fmt.Errorf("store: insert statement: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	return id, skipDistribution(ctx, tx, id, rec)
}

// skipDistribution marks a statement as needing no distribution, before the distributor
// can see it posted.
func skipDistribution(ctx context.Context, tx *sql.Tx, id int64, rec StatementRecord) error {
	if rec.NotDistributed == "" {
		return nil
	}
	_, err := tx.ExecContext(ctx, `UPDATE statements SET distributed = ? WHERE id = ? AND distributed = ?`,
		distributionDone, id, distributionTodo)
	return err
}

// updateStatement applies a new extraction to an existing record, keeping what managers
// decided; it returns the state the statement is in afterwards.
func updateStatement(ctx context.Context, tx *sql.Tx, old Statement, rec StatementRecord, now time.Time) (string, error) {
	fields, err := keepEdited(old.Fields, rec.Fields, old.Edited)
	if err != nil {
		return "", err
	}
	state, posted := rec.State, ""
	if !old.PostedAt.IsZero() {
		posted = timeText(old.PostedAt)
	}
	if old.State == StatementPosted || managerDecided(ctx, tx, old.ID) {
		state = old.State
	} else if state == StatementPosted && posted == "" {
		posted = timeText(now)
	}
	_, err = tx.ExecContext(ctx, `UPDATE statements SET state = ?, review_reasons = ?, is_liaison = ?, confidence = ?,
		title = ?, purpose = ?, deadline = ?, from_bodies = ?, to_bodies = ?, fields = ?, evidence = ?,
		replies_to = COALESCE(?, replies_to), posted_at = ?, updated_at = ? WHERE id = ?`,
		state, jsonList(rec.ReviewReasons), rec.IsLiaison, rec.Confidence, rec.Title, rec.Purpose, rec.Deadline,
		jsonList(rec.From), jsonList(rec.To), fields, jsonObject(rec.Evidence), nullID(rec.RepliesTo), posted,
		timeText(now), old.ID)
	if err != nil {
		return "", err
	}
	return state, skipDistribution(ctx, tx, old.ID, rec)
}

// managerDecided reports whether a manager approved or rejected the statement: their
// decision stands over a new extraction.
func managerDecided(ctx context.Context, tx *sql.Tx, id int64) bool {
	var n int
	tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM events WHERE statement = ? AND type IN (?, ?) AND actor != ''`,
		id, EventApproved, EventRejected).Scan(&n)
	return n > 0
}

// keepEdited returns the new fields with the edited keys taken from the old ones.
func keepEdited(old, new json.RawMessage, edited []string) (string, error) {
	if len(edited) == 0 {
		return jsonObject(new), nil
	}
	var o, n map[string]json.RawMessage
	if err := json.Unmarshal([]byte(jsonObject(old)), &o); err != nil {
		return "", err
	}
	if err := json.Unmarshal([]byte(jsonObject(new)), &n); err != nil {
		return "", err
	}
	for _, k := range edited {
		if v, ok := o[k]; ok {
			n[k] = v
		}
	}
	out, err := json.Marshal(n)
	return string(out), err
}

const statementColumns = `id, message, state, review_reasons, is_liaison, confidence, title, purpose, deadline,
	from_bodies, to_bodies, fields, evidence, edited, COALESCE(replies_to, 0), action_taken, received_at, posted_at, updated_at,
	direction`

func scanStatement(s scanner) (Statement, error) {
	var st Statement
	var reasons, from, to, fields, evidence, edited, received, posted, updated string
	err := s.Scan(&st.ID, &st.Message, &st.State, &reasons, &st.IsLiaison, &st.Confidence, &st.Title, &st.Purpose,
		&st.Deadline, &from, &to, &fields, &evidence, &edited, &st.RepliesTo, &st.ActionTaken, &received, &posted, &updated, &st.Direction)
	if err != nil {
		return st, err
	}
	json.Unmarshal([]byte(reasons), &st.ReviewReasons)
	json.Unmarshal([]byte(from), &st.From)
	json.Unmarshal([]byte(to), &st.To)
	json.Unmarshal([]byte(edited), &st.Edited)
	st.Fields, st.Evidence = json.RawMessage(fields), json.RawMessage(evidence)
	st.ReceivedAt, st.UpdatedAt = parseTime(received), parseTime(updated)
	if posted != "" {
		st.PostedAt = parseTime(posted)
	}
	return st, nil
}

// queryStatements runs a query over statementColumns and scans every row.
func (db *DB) queryStatements(ctx context.Context, q string, args ...any) ([]Statement, error) {
	rows, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Statement
	for rows.Next() {
		st, err := scanStatement(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

func statementByMessage(ctx context.Context, tx *sql.Tx, message int64) (Statement, error) {
	return scanStatement(tx.QueryRowContext(ctx, `SELECT `+statementColumns+` FROM statements WHERE message = ?`, message))
}

// GetStatement returns one statement.
func (db *DB) GetStatement(ctx context.Context, id int64) (Statement, error) {
	st, err := scanStatement(db.r.QueryRowContext(ctx, `SELECT `+statementColumns+` FROM statements WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return st, fmt.Errorf("statement %d: %w", id, ErrNotFound)
	}
	return st, err
}

// StatementFilter selects statements; zero fields select everything.
type StatementFilter struct {
	State     string
	Direction string // incoming or outgoing; "" for both
	From, To  string // a body name, exactly as recorded
	// FromAny and ToAny match a statement naming any of these bodies, exactly as
	// recorded (a directory entry's names and aliases as the record spells them).
	FromAny, ToAny []string
	Purpose        string
	ActionNeeded   bool // a deadline, action not taken
	Year           int
	Since          time.Time // received or updated after this
	OrderBy        string    // "received" (newest first, default), "updated" (latest first) or "deadline" (soonest first)
	Limit          int       // default 100
	Offset         int
}

// Statements lists statements. It first finds the page's ids by walking an index in
// the list's order, then reads only those rows, so that a page costs the same however
// large the record is. A list of the statements in a state naming given bodies walks
// statement_bodies, one range for each name, each cut at the page (see pageIDs).
func (db *DB) Statements(ctx context.Context, f StatementFilter) ([]Statement, error) {
	if f.Limit <= 0 {
		f.Limit = 100
	}
	ids, args := f.pageIDs()
	return db.queryStatements(ctx, `SELECT `+statementColumns+` FROM statements WHERE id IN (`+ids+`)`+f.order(""), args...)
}

// CountStatements counts the statements a filter selects (its order and page aside).
// The count of a whole state, or of a state and one body, is read from statement_facets.
func (db *DB) CountStatements(ctx context.Context, f StatementFilter) (int, error) {
	var n int
	side, names := f.bodies()
	switch {
	case f.State != "" && (StatementFilter{State: f.State}).same(f):
		err := db.r.QueryRowContext(ctx, `SELECT COALESCE(SUM(statements), 0) FROM statement_facets
			WHERE state = ? AND kind = 'year'`, f.State).Scan(&n)
		return n, err
	case len(names) == 1 && (StatementFilter{State: f.State, From: f.From, FromAny: f.FromAny, To: f.To, ToAny: f.ToAny}).same(f) &&
		(side == "from" && f.To == "" && f.ToAny == nil && (f.From == "" || f.FromAny == nil) ||
			side == "to" && f.From == "" && f.FromAny == nil && (f.To == "" || f.ToAny == nil)):
		err := db.r.QueryRowContext(ctx, `SELECT COALESCE(SUM(statements), 0) FROM statement_facets
			WHERE state = ? AND kind = ? AND value = ?`, f.State, side, names[0]).Scan(&n)
		return n, err
	}
	if names == nil {
		conds, args := f.conds(true, "")
		err := db.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM statements s`+where(conds), args...).Scan(&n)
		return n, err
	}
	conds, args := f.conds(false, side)
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(names)), ", ")
	err := db.r.QueryRowContext(ctx, `SELECT COUNT(DISTINCT b.statement) FROM statement_bodies b
		JOIN statements s ON s.id = b.statement WHERE b.side = ? AND b.body IN (`+marks+`) AND b.list_state = ?`+
		and(conds), append(append(append([]any{side}, anys(names)...), f.State), args...)...).Scan(&n)
	return n, err
}

// same reports whether two filters select the same statements.
func (f StatementFilter) same(g StatementFilter) bool {
	f.OrderBy, f.Limit, f.Offset, g.OrderBy, g.Limit, g.Offset = "", 0, 0, "", 0, 0
	return fmt.Sprint(f) == fmt.Sprint(g)
}

// bodies returns the side and the names a list in one state walks statement_bodies
// for (nil when it walks the statements' own indexes): the sending bodies if any are
// named, else the receiving ones. statement_bodies has no copy of updated_at, so the
// order by update walks statements_updated instead.
func (f StatementFilter) bodies() (side string, names []string) {
	if f.State == "" || f.OrderBy == "updated" {
		return "", nil
	}
	for _, s := range []struct {
		side string
		one  string
		any  []string
	}{{"from", f.From, f.FromAny}, {"to", f.To, f.ToAny}} {
		switch {
		case len(s.any) > 0:
			return s.side, s.any
		case s.one != "":
			return s.side, []string{s.one}
		}
	}
	return "", nil
}

// pageIDs is the query of the ids of the filter's page, in its order, and its arguments.
// Walking statement_bodies, each name's range yields its first Offset+Limit statements
// that pass the other conditions, in order; the page is cut from their union (UNION
// drops a statement found under two names), so that no range is read further than the
// page.
func (f StatementFilter) pageIDs() (string, []any) {
	side, names := f.bodies()
	if names == nil {
		conds, args := f.conds(true, "")
		return `SELECT s.id FROM statements s` + where(conds) + f.order("s.") + ` LIMIT ? OFFSET ?`,
			append(args, f.Limit, f.Offset)
	}
	conds, condArgs := f.conds(false, side)
	order := ` ORDER BY b.list_time DESC, b.statement DESC`
	if f.OrderBy == "deadline" {
		order = ` ORDER BY b.list_due = '', b.list_due, b.statement DESC`
	}
	var arms []string
	var args []any
	for _, name := range names {
		arms = append(arms, `SELECT * FROM (SELECT s.id, s.received_at, s.deadline FROM statement_bodies b
			JOIN statements s ON s.id = b.statement WHERE b.side = ? AND b.body = ? AND b.list_state = ?`+
			and(conds)+order+` LIMIT ?)`)
		args = append(append(append(args, side, name, f.State), condArgs...), f.Offset+f.Limit)
	}
	return `SELECT id FROM (` + strings.Join(arms, " UNION ") + `)` + f.order("") + ` LIMIT ? OFFSET ?`,
		append(args, f.Limit, f.Offset)
}

// conds are the filter's conditions on statements s, but for the state and the bodies
// of side when a walk of statement_bodies applies them (withState false).
func (f StatementFilter) conds(withState bool, side string) ([]string, []any) {
	var conds []string
	var args []any
	add := func(cond string, arg ...any) {
		conds = append(conds, cond)
		args = append(args, arg...)
	}
	if withState && f.State != "" {
		add("s.state = ?", f.State)
	}
	if f.Direction != "" {
		add("s.direction = ?", f.Direction)
	}
	named := func(sd string, names []string) {
		if len(names) > 0 && sd != side {
			marks := strings.TrimSuffix(strings.Repeat("?, ", len(names)), ", ")
			add("EXISTS (SELECT 1 FROM statement_bodies WHERE side = ? AND body IN ("+marks+") AND statement = s.id)",
				append([]any{sd}, anys(names)...)...)
		}
	}
	// The side walked applies its FromAny (or ToAny), else its From (or To); a filter
	// with both needs the other as a condition.
	walkedAny := func(sd string, l []string) bool { return sd == side && len(l) > 0 }
	if f.From != "" {
		if walkedAny("from", f.FromAny) || side != "from" {
			add("EXISTS (SELECT 1 FROM statement_bodies WHERE side = 'from' AND body = ? AND statement = s.id)", f.From)
		}
	}
	if f.To != "" {
		if walkedAny("to", f.ToAny) || side != "to" {
			add("EXISTS (SELECT 1 FROM statement_bodies WHERE side = 'to' AND body = ? AND statement = s.id)", f.To)
		}
	}
	named("from", f.FromAny)
	named("to", f.ToAny)
	if f.Purpose != "" {
		add("s.purpose = ?", f.Purpose)
	}
	if f.ActionNeeded {
		add("s.deadline != '' AND s.action_taken = 0")
	}
	if f.Year != 0 {
		// A range of received_at ('~' sorts after the '-' that follows the year), which
		// the state index orders.
		add("s.received_at >= ? AND s.received_at < ?", fmt.Sprintf("%04d", f.Year), fmt.Sprintf("%04d~", f.Year))
	}
	if !f.Since.IsZero() {
		// A statement is made after its message is received and updated_at only grows:
		// "received or updated after" is "updated after".
		add("s.updated_at > ?", timeText(f.Since))
	}
	return conds, args
}

// order is the ORDER BY of the filter, on the columns of alias p ("s." or "").
func (f StatementFilter) order(p string) string {
	switch f.OrderBy {
	case "deadline":
		return ` ORDER BY ` + p + `deadline = '', ` + p + `deadline, ` + p + `id DESC`
	case "updated":
		return ` ORDER BY ` + p + `updated_at DESC, ` + p + `id DESC`
	}
	return ` ORDER BY ` + p + `received_at DESC, ` + p + `id DESC`
}

func where(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

func and(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " AND " + strings.Join(conds, " AND ")
}

func anys(l []string) []any {
	out := make([]any, len(l))
	for i, s := range l {
		out[i] = s
	}
	return out
}

// SetStatementState is a manager's (or the system's) decision: approve (posted), reject,
// or back to the queue. It writes the event in the same durable transaction.
func (db *DB) SetStatementState(ctx context.Context, id int64, state, actor string, ev Event) error {
	now := db.opts.Now()
	return db.write(ctx, durable, func(tx *sql.Tx) error {
		return db.setState(ctx, tx, id, state, actor, ev, now)
	})
}

func (db *DB) setState(ctx context.Context, tx *sql.Tx, id int64, state, actor string, ev Event, now time.Time) error {
	posted := ""
	if state == StatementPosted {
		posted = timeText(now)
	}
	res, err := tx.ExecContext(ctx, `UPDATE statements SET state = ?, updated_at = ?,
		posted_at = CASE WHEN ? != '' AND posted_at = '' THEN ? ELSE posted_at END WHERE id = ?`,
		state, timeText(now), posted, posted, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("statement %d: %w", id, ErrNotFound)
	}
	return db.insertStatementEvent(ctx, tx, id, actor, ev, now)
}

// StatementEdit is a manager's change of fields: Values holds the JSON value of each
// changed contract field, Promoted the matching columns.
type StatementEdit struct {
	Values   map[string]json.RawMessage
	Promoted StatementRecord
}

// EditStatement sets fields by a manager: values is a JSON object of contract fields,
// promoted the matching columns. The keys are remembered so reprocessing keeps them.
func (db *DB) EditStatement(ctx context.Context, id int64, actor string, values map[string]json.RawMessage, promoted StatementRecord) error {
	now := db.opts.Now()
	return db.write(ctx, durable, func(tx *sql.Tx) error {
		return db.edit(ctx, tx, id, actor, StatementEdit{Values: values, Promoted: promoted}, now)
	})
}

// EditAndSetState saves a manager's edit (when it changes anything) and a decision in
// one durable transaction: Approve with the fields the form showed, never the old ones.
func (db *DB) EditAndSetState(ctx context.Context, id int64, actor string, e StatementEdit, state string, ev Event) error {
	now := db.opts.Now()
	return db.write(ctx, durable, func(tx *sql.Tx) error {
		if len(e.Values) > 0 {
			if err := db.edit(ctx, tx, id, actor, e, now); err != nil {
				return err
			}
		}
		return db.setState(ctx, tx, id, state, actor, ev, now)
	})
}

func (db *DB) edit(ctx context.Context, tx *sql.Tx, id int64, actor string, e StatementEdit, now time.Time) error {
	var fields, edited string
	if err := tx.QueryRowContext(ctx, `SELECT fields, edited FROM statements WHERE id = ?`, id).Scan(&fields, &edited); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("statement %d: %w", id, ErrNotFound)
		}
		return err
	}
	var f map[string]json.RawMessage
	var ed []string
	json.Unmarshal([]byte(fields), &f)
	json.Unmarshal([]byte(edited), &ed)
	if f == nil {
		f = map[string]json.RawMessage{}
	}
	keys := make([]string, 0, len(e.Values))
	for k, v := range e.Values {
		f[k] = v
		keys = append(keys, k)
		if !slices.Contains(ed, k) {
			ed = append(ed, k)
		}
	}
	slices.Sort(keys)
	out, _ := json.Marshal(f)
	p := e.Promoted
	_, err := tx.ExecContext(ctx, `UPDATE statements SET fields = ?, edited = ?, title = ?, purpose = ?, deadline = ?,
		from_bodies = ?, to_bodies = ?, updated_at = ? WHERE id = ?`,
		string(out), jsonList(ed), p.Title, p.Purpose, p.Deadline, jsonList(p.From), jsonList(p.To), timeText(now), id)
	if err != nil {
		return err
	}
	return db.insertStatementEvent(ctx, tx, id, actor, Event{Type: EventEdited, Detail: map[string]any{"fields": keys}}, now)
}

// StatementCounts returns how many statements are in each state, and when the oldest
// queued one was received (zero when none is queued): for gauges read at scrape time,
// from the statements_state index.
func (db *DB) StatementCounts(ctx context.Context) (map[string]int64, time.Time, error) {
	counts, err := db.countByState(ctx, "statements")
	if err != nil {
		return nil, time.Time{}, err
	}
	var oldest sql.NullString
	if err := db.r.QueryRowContext(ctx, `SELECT MIN(received_at) FROM statements WHERE state = ?`,
		StatementQueued).Scan(&oldest); err != nil {
		return nil, time.Time{}, err
	}
	var t time.Time
	if oldest.Valid && oldest.String != "" {
		t = parseTime(oldest.String)
	}
	return counts, t, nil
}

// SetActionTaken marks a For-Action statement as answered (by a manager, or by a linked
// response).
func (db *DB) SetActionTaken(ctx context.Context, id int64, actor string, ev Event) error {
	now := db.opts.Now()
	return db.write(ctx, durable, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE statements SET action_taken = 1, updated_at = ? WHERE id = ?`, timeText(now), id); err != nil {
			return err
		}
		return db.insertStatementEvent(ctx, tx, id, actor, ev, now)
	})
}

func (db *DB) insertStatementEvent(ctx context.Context, tx *sql.Tx, id int64, actor string, ev Event, now time.Time) error {
	var message int64
	tx.QueryRowContext(ctx, `SELECT message FROM statements WHERE id = ?`, id).Scan(&message)
	ev.Statement, ev.Message, ev.Actor, ev.Time = id, message, actor, now
	return db.insertEvent(ctx, tx, ev)
}

// StatementByMessage returns the statement made from a message.
func (db *DB) StatementByMessage(ctx context.Context, message int64) (Statement, error) {
	st, err := scanStatement(db.r.QueryRowContext(ctx, `SELECT `+statementColumns+` FROM statements WHERE message = ?`, message))
	if errors.Is(err, sql.ErrNoRows) {
		return st, fmt.Errorf("statement of message %d: %w", message, ErrNotFound)
	}
	return st, err
}

func jsonList(s []string) string {
	b, _ := json.Marshal(nonNil(s))
	return string(b)
}

func jsonObject(r json.RawMessage) string {
	if len(r) == 0 {
		return "{}"
	}
	return string(r)
}
