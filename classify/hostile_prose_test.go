package classify

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

// Bodies an attacker writes to make extraction slow. Both cases were quadratic (found by
// the hostile-content proof, cmd/liaisond/proof_hostile_test.go): a paragraph was joined
// by adding each line to a string, and every date's cue search read its sentence up to
// the start of the paragraph when nothing ended the sentence.

// TestProseOneLongParagraph: lines without a blank line are one paragraph, joined in
// linear time: twice the lines take about twice the memory (adding each line to a string
// took four times as much, gigabytes for 20000 lines).
func TestProseOneLongParagraph(t *testing.T) {
	small, large := allocFor(t, 10000), allocFor(t, 20000)
	if large > 3*small {
		t.Errorf("10000 lines allocated %d MB, 20000 lines %d MB: more than linear", small>>20, large>>20)
	}
}

// allocFor returns the bytes allocated while extracting a body of n "From:" lines.
func allocFor(t *testing.T, n int) uint64 {
	raw := "From: x@example.com\nTo: statements@example.org\nSubject: s\n\n" + strings.Repeat("From: a <a@example.com>\n", n)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	extractRaw(t, raw)
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestProseManyCuedDates: a body repeating a cued date without a sentence end is read
// within seconds (it took minutes: each date's search read the whole paragraph before it).
func TestProseManyCuedDates(t *testing.T) {
	body := strings.Repeat("please reply by 31 March 2026 ", 2000)
	done := make(chan struct{})
	go func() {
		defer close(done)
		extractRaw(t, "From: x@example.com\nTo: statements@example.org\nSubject: s\n\n"+body+"\n")
	}()
	select {
	case <-done:
	case <-time.After(15 * time.Second): // about 0.4 s without the race detector
		t.Fatal("extraction of a 60 KB body took more than 15 s")
	}
}

// TestDropOverlapsMany: the first found of overlapping dates is kept, and 100000 dates are
// sorted out in linear time (comparing each with every kept one took seconds for a body
// of 30000 dated lines).
func TestDropOverlapsMany(t *testing.T) {
	got := dropOverlaps([]dateMatch{{start: 5, end: 10, raw: "first"}, {start: 8, end: 12}, {start: 0, end: 5, raw: "before"},
		{start: 9, end: 10}, {start: 10, end: 11, raw: "after"}})
	var raws []string
	for _, m := range got {
		raws = append(raws, m.raw)
	}
	if strings.Join(raws, ",") != "before,first,after" {
		t.Errorf("kept %q", raws)
	}
	all := make([]dateMatch, 100000)
	for i := range all {
		all[i] = dateMatch{start: 30 * i, end: 30*i + 13}
	}
	start := time.Now()
	if n := len(dropOverlaps(all)); n != len(all) {
		t.Errorf("kept %d of %d separate dates", n, len(all))
	}
	if took := time.Since(start); took > 2*time.Second { // a few ms; pairwise took tens of seconds
		t.Errorf("took %s", took)
	}
}
