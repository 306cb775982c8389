package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"
)

// TestListsMatchTheRecord: the lists (read through statement_bodies and the list
// indexes) and the filter choices (statement_facets, kept by triggers) are what a pass
// over every statement gives, after statements are added, approved, rejected, edited
// and reprocessed.
func TestListsMatchTheRecord(t *testing.T) {
	db := openTest(t, Options{})
	ctx := context.Background()
	bodies := []string{"ITU-T SG15", "IETF CCAMP", "IEEE 802.1", "BBF", "ETSI"}
	states := []string{StatementPosted, StatementPosted, StatementQueued, StatementRejected}
	var ids []int64
	for i := range 60 {
		received := time.Date(2024+i%3, time.Month(1+i%12), 1+i%28, 10, 0, 0, 0, time.UTC)
		res, err := db.Ingest(ctx, Envelope{Source: SourceSMTP, ReceivedAt: received}, rawOf([]byte(fmt.Sprint("LS ", i)), ""))
		if err != nil {
			t.Fatal(err)
		}
		deadline := ""
		if i%3 == 0 {
			deadline = fmt.Sprintf("2026-%02d-%02d", 1+i%12, 1+i%5)
		}
		to := []string{bodies[(i+1)%5]}
		if i%4 == 0 {
			to = append(to, bodies[(i+2)%5], bodies[(i+2)%5]) // a body named twice counts once
		}
		rec := StatementRecord{Message: res.ID, State: states[i%4], IsLiaison: true, Title: fmt.Sprint("LS ", i),
			Purpose: []string{"action", "information"}[i%2], Deadline: deadline, From: []string{bodies[i%5]}, To: to,
			Fields: json.RawMessage(`{}`)}
		id, err := db.SaveStatement(ctx, rec)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
		if i%7 == 0 { // reprocessed with other bodies and no deadline
			rec.From, rec.To, rec.Deadline = []string{"ITU-R WP5D"}, nil, ""
			if _, err := db.SaveStatement(ctx, rec); err != nil {
				t.Fatal(err)
			}
		}
	}
	for i, id := range ids {
		switch i % 5 {
		case 1:
			db.SetStatementState(ctx, id, StatementPosted, "alice", Event{Type: "approved"})
		case 2:
			db.SetStatementState(ctx, id, StatementRejected, "alice", Event{Type: "rejected"})
		case 3:
			db.EditStatement(ctx, id, "alice", map[string]json.RawMessage{"from": json.RawMessage(`["3GPP"]`)},
				StatementRecord{Title: "edited", From: []string{"3GPP"}, To: []string{"IETF CCAMP"}, Deadline: "2026-12-01"})
		case 4:
			db.SetActionTaken(ctx, id, "alice", Event{Type: "action_taken"})
		}
	}
	var all []Statement
	for _, id := range ids {
		st, err := db.GetStatement(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, st)
	}

	for _, state := range []string{"", StatementPosted, StatementQueued, StatementRejected} {
		want := Facets{}
		for _, st := range all {
			if state != "" && st.State != state {
				continue
			}
			want.From = append(want.From, st.From...)
			want.To = append(want.To, st.To...)
			want.Years = append(want.Years, st.ReceivedAt.Year())
		}
		for _, l := range [][]string{want.From, want.To} {
			slices.SortFunc(l, func(a, b string) int { return cmp.Compare(a, b) })
		}
		want.From, want.To = slices.Compact(want.From), slices.Compact(want.To)
		slices.SortFunc(want.Years, func(a, b int) int { return b - a })
		want.Years = slices.Compact(want.Years)
		got, err := db.StatementFacets(ctx, state)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("facets of %q:\n got %v\nwant %v", state, got, want)
		}
	}

	for _, f := range []StatementFilter{
		{}, {State: StatementPosted}, {State: StatementPosted, OrderBy: "deadline"}, {State: StatementQueued},
		{State: StatementPosted, From: "ITU-T SG15"}, {State: StatementPosted, From: "3GPP", OrderBy: "deadline"},
		{State: StatementPosted, To: "IETF CCAMP"}, {State: StatementPosted, To: "IETF CCAMP", OrderBy: "deadline"},
		{State: StatementPosted, From: "ITU-T SG15", To: "IETF CCAMP"}, {From: "IEEE 802.1"}, {From: "IEEE 802.1", To: "BBF", OrderBy: "deadline"},
		{State: StatementPosted, Purpose: "action"}, {State: StatementPosted, ActionNeeded: true},
		{State: StatementPosted, To: "IETF CCAMP", ActionNeeded: true, OrderBy: "deadline"},
		{State: StatementPosted, Year: 2025}, {State: StatementPosted, Year: 2024, From: "ITU-R WP5D"},
		{State: StatementPosted, Limit: 4, Offset: 4}, {State: StatementPosted, To: "IEEE 802.1", Limit: 2, Offset: 1},
		{State: StatementPosted, FromAny: []string{"ITU-T SG15", "3GPP", "nobody"}},
		{State: StatementPosted, FromAny: []string{"ITU-T SG15", "3GPP"}, OrderBy: "deadline", Limit: 3, Offset: 2},
		{State: StatementPosted, ToAny: []string{"IETF CCAMP", "ETSI"}, FromAny: []string{"3GPP", "ITU-R WP5D"}},
		{State: StatementPosted, To: "IETF CCAMP", ToAny: []string{"ETSI", "IETF CCAMP"}, Limit: 5},
		{State: StatementPosted, From: "3GPP", ToAny: []string{"IETF CCAMP"}, OrderBy: "updated"},
		{State: StatementPosted, OrderBy: "updated", Limit: 5, Offset: 3}, {FromAny: []string{"ETSI", "BBF"}},
	} {
		var want []int64
		for _, st := range all {
			if (f.State == "" || st.State == f.State) && (f.From == "" || slices.Contains(st.From, f.From)) &&
				(f.To == "" || slices.Contains(st.To, f.To)) && (f.Purpose == "" || st.Purpose == f.Purpose) &&
				(f.FromAny == nil || slices.ContainsFunc(f.FromAny, func(b string) bool { return slices.Contains(st.From, b) })) &&
				(f.ToAny == nil || slices.ContainsFunc(f.ToAny, func(b string) bool { return slices.Contains(st.To, b) })) &&
				(!f.ActionNeeded || st.Deadline != "" && !st.ActionTaken) && (f.Year == 0 || st.ReceivedAt.Year() == f.Year) {
				want = append(want, st.ID)
			}
		}
		byID := map[int64]Statement{}
		for _, st := range all {
			byID[st.ID] = st
		}
		slices.SortFunc(want, func(a, b int64) int {
			x, y := byID[a], byID[b]
			if f.OrderBy == "deadline" {
				if c := cmp.Compare(strconv.FormatBool(x.Deadline == ""), strconv.FormatBool(y.Deadline == "")); c != 0 {
					return c
				}
				if c := cmp.Compare(x.Deadline, y.Deadline); c != 0 {
					return c
				}
				return cmp.Compare(b, a)
			}
			if f.OrderBy == "updated" {
				if c := y.UpdatedAt.Compare(x.UpdatedAt); c != 0 {
					return c
				}
				return cmp.Compare(b, a)
			}
			if c := y.ReceivedAt.Compare(x.ReceivedAt); c != 0 {
				return c
			}
			return cmp.Compare(b, a)
		})
		total := len(want)
		limit := cmp.Or(f.Limit, 100)
		want = want[min(f.Offset, len(want)):min(f.Offset+limit, len(want))]
		list, err := db.Statements(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, st := range list {
			got = append(got, st.ID)
		}
		if len(want) == 0 && f.Offset == 0 {
			t.Errorf("filter %+v selects nothing: a useless case", f)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("filter %+v:\n got %v\nwant %v", f, got, want)
		}
		if n, err := db.CountStatements(ctx, f); err != nil || n != total {
			t.Errorf("count %+v: %d, %v; want %d", f, n, err, total)
		}
	}
}

// TestMigrationFillsListTables: statements recorded before migration 12 are in its body
// and title tables and in the filter choices after the upgrade.
func TestMigrationFillsListTables(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	w, err := sql.Open("sqlite", dsn(path, Options{Tuning: Tuning{BusyTimeout: time.Second}, WALLimit: 128 << 20}, false))
	if err != nil {
		t.Fatal(err)
	}
	names, _ := fs.Glob(migrations, "migrations/*.sql")
	for _, name := range names {
		v, _ := strconv.Atoi(filepath.Base(name)[:4])
		if v >= 12 {
			break
		}
		body, _ := migrations.ReadFile(name)
		if err := applyMigration(ctx, w, v, string(body)); err != nil {
			t.Fatalf("migration %d: %v", v, err)
		}
	}
	for i, st := range []struct{ state, title, from, to string }{
		{StatementPosted, "LS on flexgrid", `["ITU-T SG15"]`, `["IETF CCAMP WG","IETF TEAS WG"]`},
		{StatementQueued, "LS on clocks", `["ITU-T SG15"]`, `["IETF NTP WG"]`},
	} {
		if _, err := w.Exec(`INSERT INTO messages (id, message_id, sha256, size, source, received_at) VALUES (?, '', '', 1, 'file', ?)`,
			i+1, fmt.Sprintf("202%d-01-01T00:00:00.000000000Z", 4+i)); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Exec(`INSERT INTO statements (message, state, is_liaison, confidence, title, from_bodies, to_bodies,
			fields, received_at, updated_at) VALUES (?, ?, 1, 1, ?, ?, ?, '{}', ?, '')`, i+1, st.state, st.title, st.from, st.to,
			fmt.Sprintf("202%d-01-01T00:00:00.000000000Z", 4+i)); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()

	db, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	facets, err := db.StatementFacets(ctx, StatementPosted)
	if err != nil || fmt.Sprint(facets) != "{[ITU-T SG15] [IETF CCAMP WG IETF TEAS WG] [2024]}" {
		t.Errorf("posted facets %v, %v", facets, err)
	}
	if all, _ := db.StatementFacets(ctx, ""); fmt.Sprint(all.Years) != "[2025 2024]" {
		t.Errorf("years %v", all.Years)
	}
	if list, err := db.Statements(ctx, StatementFilter{State: StatementPosted, To: "IETF TEAS WG"}); err != nil || len(list) != 1 {
		t.Errorf("to filter: %d, %v", len(list), err)
	}
	if hits, err := db.Search(ctx, SearchQuery{Text: "flexgrid"}); err != nil || len(hits) != 1 {
		t.Errorf("title search: %d, %v", len(hits), err)
	}
}
