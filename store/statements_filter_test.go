package store

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// TestStatementFilterAnySinceCount: a body filter over several names, the
// since filter (received or updated after), the order by update, and the count of a
// filter, which ignores its page.
func TestStatementFilterAnySinceCount(t *testing.T) {
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	db := openTest(t, Options{Now: func() time.Time { return now }})
	ctx := context.Background()
	var ids []int64
	for i, to := range []string{"IETF CCAMP WG", "ietf ccamp wg", "CCAMP", "IETF OPSAWG WG"} {
		now = now.Add(time.Hour)
		res, err := db.Ingest(ctx, Envelope{Source: SourceSMTP}, rawOf([]byte(fmt.Sprint("LS ", i)), fmt.Sprintf("<f%d@x>", i)))
		if err != nil {
			t.Fatal(err)
		}
		id, err := db.SaveStatement(ctx, StatementRecord{Message: res.ID, State: StatementPosted, From: []string{"MEF"}, To: []string{to}},
			Event{Type: "extracted"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	// The oldest is updated last.
	now = now.Add(time.Hour)
	if err := db.SetActionTaken(ctx, ids[0], "alice", Event{Type: "action_taken"}); err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		f     StatementFilter
		want  []int64
		total int // of every page
	}{
		{StatementFilter{ToAny: []string{"CCAMP", "IETF CCAMP WG"}}, []int64{ids[2], ids[0]}, 2},
		{StatementFilter{ToAny: []string{"CCAMP", "IETF CCAMP WG", "ietf ccamp wg"}}, []int64{ids[2], ids[1], ids[0]}, 3},
		{StatementFilter{ToAny: []string{"IETF OPSAWG WG"}, FromAny: []string{"MEF"}}, []int64{ids[3]}, 1},
		{StatementFilter{ToAny: []string{"ietf opsawg wg"}}, nil, 0},
		{StatementFilter{ToAny: []string{"Nobody"}}, nil, 0},
		{StatementFilter{Since: start.Add(150 * time.Minute)}, []int64{ids[3], ids[2], ids[0]}, 3},
		{StatementFilter{Since: start.Add(5 * time.Hour)}, nil, 0},
		{StatementFilter{OrderBy: "updated"}, []int64{ids[0], ids[3], ids[2], ids[1]}, 4},
		{StatementFilter{OrderBy: "updated", Limit: 1, Offset: 1}, []int64{ids[3]}, 4},
	} {
		sts, err := db.Statements(ctx, c.f)
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, st := range sts {
			got = append(got, st.ID)
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%+v: %v, want %v", c.f, got, c.want)
		}
		if n, err := db.CountStatements(ctx, c.f); err != nil || n != c.total {
			t.Errorf("count %+v: %d %v", c.f, n, err)
		}
	}
}
