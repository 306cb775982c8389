package store

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

func TestStatementLifecycle(t *testing.T) {
	db := openTest(t, Options{})
	ctx := context.Background()
	res, err := db.Ingest(ctx, Envelope{Source: SourceSMTP}, rawOf([]byte("LS"), "<s@x>"))
	if err != nil {
		t.Fatal(err)
	}
	rec := StatementRecord{
		Message: res.ID, State: StatementQueued, ReviewReasons: []string{"low confidence"}, IsLiaison: true,
		Confidence: 0.6, Title: "LS on tests", Purpose: "action", Deadline: "2026-05-08",
		From: []string{"ITU-T SG15"}, To: []string{"IETF CCAMP WG"},
		Fields: json.RawMessage(`{"title":"LS on tests","deadline":"2026-05-08"}`),
	}
	id, err := db.SaveStatement(ctx, rec, Event{Type: "extracted"})
	if err != nil {
		t.Fatal(err)
	}
	// A manager corrects the deadline; a reprocess must keep the correction.
	err = db.EditStatement(ctx, id, "alice", map[string]json.RawMessage{"deadline": json.RawMessage(`"2026-06-01"`)},
		StatementRecord{Title: rec.Title, Purpose: rec.Purpose, Deadline: "2026-06-01", From: rec.From, To: rec.To})
	if err != nil {
		t.Fatal(err)
	}
	rec.Fields = json.RawMessage(`{"title":"LS on tests, again","deadline":"2026-05-08"}`)
	if id2, err := db.SaveStatement(ctx, rec, Event{Type: "extracted"}); err != nil || id2 != id {
		t.Fatalf("resave: %d %v", id2, err)
	}
	st, _ := db.GetStatement(ctx, id)
	var f map[string]any
	json.Unmarshal(st.Fields, &f)
	if f["deadline"] != "2026-06-01" || f["title"] != "LS on tests, again" {
		t.Fatalf("fields after reprocess %v", f)
	}
	// Approval posts; a later reprocess that would queue it keeps it posted.
	if err := db.SetStatementState(ctx, id, StatementPosted, "alice", Event{Type: "approved"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveStatement(ctx, rec, Event{Type: "extracted"}); err != nil {
		t.Fatal(err)
	}
	st, _ = db.GetStatement(ctx, id)
	if st.State != StatementPosted || st.PostedAt.IsZero() {
		t.Fatalf("state %s posted %v", st.State, st.PostedAt)
	}
	for _, f := range []StatementFilter{{State: StatementPosted}, {From: "ITU-T SG15"}, {To: "IETF CCAMP WG"},
		{ActionNeeded: true}, {OrderBy: "deadline"}} {
		list, err := db.Statements(ctx, f)
		if err != nil || len(list) != 1 {
			t.Fatalf("filter %+v: %d %v", f, len(list), err)
		}
	}
	if list, _ := db.Statements(ctx, StatementFilter{From: "MEF"}); len(list) != 0 {
		t.Fatal("filter by another body matched")
	}
	if err := db.SetActionTaken(ctx, id, "bob", Event{Type: "action_taken"}); err != nil {
		t.Fatal(err)
	}
	if list, _ := db.Statements(ctx, StatementFilter{ActionNeeded: true}); len(list) != 0 {
		t.Fatal("action taken still needed")
	}
	evs, _ := db.Events(ctx, EventFilter{})
	var types []string
	for _, e := range evs {
		types = append(types, e.Type)
	}
	want := []string{"received", "extracted", "edited", "extracted", "approved", "extracted", "action_taken"}
	if len(types) != len(want) {
		t.Fatalf("events %v, want %v", types, want)
	}
}

// TestSaveStatementStateEventOnce: the pipeline saves a statement with an event named
// after its state. Rerun after a crash between that save and the end of its job (or
// reprocessed), the statement must not be posted twice in the record log; a state it
// really enters on a rerun is recorded, and one a manager's decision overrides is not.
func TestSaveStatementStateEventOnce(t *testing.T) {
	db := openTest(t, Options{})
	ctx := context.Background()
	res, err := db.Ingest(ctx, Envelope{Source: SourceSMTP}, rawOf([]byte("LS"), "<once@x>"))
	if err != nil {
		t.Fatal(err)
	}
	save := func(state string) {
		t.Helper()
		rec := StatementRecord{Message: res.ID, State: state, IsLiaison: true, Fields: json.RawMessage(`{}`)}
		if _, err := db.SaveStatement(ctx, rec, Event{Type: "extracted"}, Event{Type: state}); err != nil {
			t.Fatal(err)
		}
	}
	save(StatementQueued)
	save(StatementQueued) // the rerun after a crash
	save(StatementPosted) // a better extraction on reprocess: it is posted now
	save(StatementPosted)
	save(StatementQueued) // posted stays posted
	evs, err := db.Events(ctx, EventFilter{Message: res.ID})
	if err != nil {
		t.Fatal(err)
	}
	var types []string
	for _, e := range evs {
		types = append(types, e.Type)
	}
	want := "received extracted queued extracted extracted posted extracted extracted"
	if got := strings.Join(types, " "); got != want {
		t.Fatalf("events %q, want %q", got, want)
	}
}
