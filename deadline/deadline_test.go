package deadline

import (
	"testing"
	"time"
)

func TestRule(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if end, err := End("2026-03-31"); err != nil || !end.Equal(at("2026-04-01T12:00:00Z")) {
		t.Errorf("End = %v, %v; want 2026-04-01 12:00 UTC", end, err)
	}
	if _, err := End("31/03/2026"); err == nil {
		t.Error("End accepts a date that is not YYYY-MM-DD")
	}
	if got, want := Text("2026-03-31"), "2026-03-31, end of day Anywhere on Earth (UTC-12), that is 2026-04-01 11:59 UTC"; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
	for _, c := range []struct {
		now   string
		today string
	}{
		{"2026-04-01T11:59:59Z", "2026-03-31"}, // still 31 March somewhere
		{"2026-04-01T12:00:00Z", "2026-04-01"},
	} {
		if got := Today(at(c.now)); got != c.today {
			t.Errorf("Today(%s) = %s, want %s", c.now, got, c.today)
		}
	}
	for _, c := range []struct {
		now     string
		overdue bool
		days    int
	}{
		{"2026-03-28T12:00:00Z", false, 3},
		{"2026-04-01T11:59:58Z", false, 0},
		{"2026-04-01T12:00:00Z", true, -1},
		{"2026-04-03T12:00:00Z", true, -3},
	} {
		overdue, days, ok := Left("2026-03-31", at(c.now))
		if !ok || overdue != c.overdue || days != c.days {
			t.Errorf("Left at %s = %v, %d, %v; want %v, %d", c.now, overdue, days, ok, c.overdue, c.days)
		}
	}
	if _, _, ok := Left("", time.Now()); ok {
		t.Error("Left of no deadline is ok")
	}
}
