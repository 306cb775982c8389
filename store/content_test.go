package store

import (
	"context"
	"testing"
)

// TestLinkContent: messages of one Message-ID are compared by content hash as processing
// reaches them: the same content is linked to the first and keeps its own bytes (and an
// exact copy of it reads them); other content names an earlier message; no Message-ID,
// or a statement already recorded, is never linked; a second call says the same.
func TestLinkContent(t *testing.T) {
	db := openTest(t, Options{})
	ctx := context.Background()
	ingest := func(raw, msgid string) int64 {
		t.Helper()
		res, err := db.Ingest(ctx, Envelope{Source: SourceSMTP}, rawOf([]byte(raw), msgid))
		if err != nil {
			t.Fatal(err)
		}
		return res.ID
	}
	link := func(id int64, hash string) ContentLink {
		t.Helper()
		l, err := db.LinkContent(ctx, id, hash)
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	first := ingest("Received: a\r\n\r\nbody\r\n", "<m@x>")
	second := ingest("Received: b\r\n\r\nbody\r\n", "<m@x>")
	other := ingest("Received: c\r\n\r\nother body\r\n", "<m@x>")
	noID1 := ingest("Received: a\r\n\r\nno id\r\n", "")
	noID2 := ingest("Received: b\r\n\r\nno id\r\n", "")
	if l := link(first, "A"); l != (ContentLink{}) {
		t.Fatalf("first: %+v", l)
	}
	for range 2 {
		if l := link(second, "A"); l.DuplicateOf != first {
			t.Fatalf("second: %+v", l)
		}
	}
	if l := link(other, "B"); l != (ContentLink{Differs: first}) {
		t.Fatalf("other content: %+v", l)
	}
	if l := link(noID1, "N"); l != (ContentLink{}) {
		t.Fatalf("no Message-ID: %+v", l)
	}
	if l := link(noID2, "N"); l != (ContentLink{}) {
		t.Fatalf("no Message-ID, same content: %+v", l)
	}
	m, _ := db.GetMessage(ctx, second)
	if m.State != StateDuplicate || m.DuplicateOf != first {
		t.Fatalf("second: %+v", m)
	}
	if raw, _ := db.Raw(ctx, second); string(raw) != "Received: b\r\n\r\nbody\r\n" {
		t.Fatalf("the duplicate's own bytes: %q", raw)
	}
	exact := ingest("Received: b\r\n\r\nbody\r\n", "<m@x>") // the same bytes as second: an exact duplicate of it
	if m, _ := db.GetMessage(ctx, exact); m.DuplicateOf != second {
		t.Fatalf("an exact copy of the content duplicate: %+v", m)
	}
	if raw, _ := db.Raw(ctx, exact); string(raw) != "Received: b\r\n\r\nbody\r\n" {
		t.Fatalf("an exact copy reads %q", raw)
	}
	evs, _ := db.Events(ctx, EventFilter{Message: second})
	if len(evs) != 2 || evs[1].Type != EventDuplicate || evs[1].Detail["same"] != "content" {
		t.Fatalf("events of the duplicate: %+v", evs)
	}
	// A message whose statement is recorded (a reprocess of an older record) stays.
	third := ingest("Received: d\r\n\r\nbody\r\n", "<m@x>")
	if _, err := db.SaveStatement(ctx, StatementRecord{Message: third, State: StatementPosted, Fields: []byte("{}")}); err != nil {
		t.Fatal(err)
	}
	if l := link(third, "A"); l.DuplicateOf != 0 {
		t.Fatalf("a recorded statement's message was linked: %+v", l)
	}
}
