package review

import (
	"errors"
	"testing"
	"time"

	"github.com/liaisond/liaisond/store"
)

func TestSetFieldChecksValues(t *testing.T) {
	groups := []string{"CCAMP", "OPSAWG"}
	for _, c := range []struct {
		name, value string
		ok          bool
	}{
		{"deadline", "2026-03-31", true}, {"deadline", "", true}, {"deadline", "31/03/2026", false},
		{"purpose", "Action", true}, {"purpose", "comment", false},
		{"misdirected", "yes", true}, {"misdirected", "maybe", false},
		{"from_contacts", "a@example.org, b@example.org", true}, {"from_contacts", "not an address", false},
		{"send_to", "statements@example.org", true}, {"send_to", "x", false},
		{"route_to", "ccamp", true}, {"route_to", "NOSUCH", false},
		{"title", "  LS on\\n clocks ", true}, {"evidence", "x", false}, {"id", "3", false},
	} {
		var f Fields
		err := setField(&f, c.name, c.value, groups)
		if (err == nil) != c.ok || err != nil && !errors.Is(err, ErrInvalid) {
			t.Errorf("%s=%q: %v", c.name, c.value, err)
		}
	}
	var f Fields
	setField(&f, "route_to", "ccamp\nOPSAWG, ccamp", groups)
	if len(f.RouteTo) != 2 || f.RouteTo[0] != "CCAMP" {
		t.Fatalf("route_to %v: want the directory's names, once each", f.RouteTo)
	}
	setField(&f, "purpose", "Action", groups)
	if Str(f.Purpose) != "action" {
		t.Fatalf("purpose %q", Str(f.Purpose))
	}
}

func TestQueueOrder(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 1, d, 0, 0, 0, 0, time.UTC) }
	items := []Item{
		{Title: "new, no deadline", Received: day(9)},
		{Title: "late deadline", Deadline: "2026-05-01", Received: day(1)},
		{Title: "old, no deadline", Received: day(2)},
		{Title: "soon", Deadline: "2026-02-01", Received: day(8), Statement: store.Statement{ID: 1}},
	}
	sortQueue(items)
	want := []string{"soon", "late deadline", "old, no deadline", "new, no deadline"}
	for i, w := range want {
		if items[i].Title != w {
			t.Fatalf("order %d: %q, want %q", i, items[i].Title, w)
		}
	}
}

func TestPDFNameAndURL(t *testing.T) {
	if PDFName("LS45.docx") != "LS45.pdf" || PDFName("README") != "README.pdf" || PDFName(".doc") != ".doc.pdf" {
		t.Fatal("PDFName")
	}
	if got := AttachmentURL(3, "ab", "LS 45/é.doc"); got != "/s/3/a/ab/LS%2045%2F%C3%A9.doc" {
		t.Fatalf("AttachmentURL %q", got)
	}
}
