// Package deadline owns the rule by which liaisond reads a statement's deadline. The
// contract's deadline is a date without a time (YYYY-MM-DD); liaisond reads it as the end
// of that day Anywhere on Earth (UTC-12), the latest moment that is still that date
// somewhere, so that no sender is cut short. Reminders, the pages, the mails and the check
// of a new outgoing statement all use this one rule.
package deadline

import (
	"fmt"
	"time"
)

// Zone is Anywhere on Earth, the zone of deadlines.
var Zone = time.FixedZone("AoE", -12*60*60)

// Rule is the rule in words, shown beside a deadline on the pages.
const Rule = "end of that day, Anywhere on Earth (UTC−12)"

// Day returns the start of a YYYY-MM-DD deadline's day, Anywhere on Earth.
func Day(date string) (time.Time, error) {
	d, err := time.ParseInLocation(time.DateOnly, date, Zone)
	if err != nil {
		return time.Time{}, fmt.Errorf("deadline %q: %w", date, err)
	}
	return d, nil
}

// End returns the moment a YYYY-MM-DD deadline passes: the end of that day, Anywhere on
// Earth (the start of the next).
func End(date string) (time.Time, error) {
	d, err := Day(date)
	if err != nil {
		return time.Time{}, err
	}
	return d.AddDate(0, 0, 1), nil
}

// Today is the date it still is somewhere at now: a deadline before it has passed.
func Today(now time.Time) string { return now.In(Zone).Format(time.DateOnly) }

// Text shows a deadline with its rule and the moment it passes in UTC, for mail:
// "2026-03-31, end of day Anywhere on Earth (UTC-12), that is 2026-04-01 11:59 UTC".
func Text(date string) string {
	end, err := End(date)
	if err != nil {
		return date
	}
	return date + ", end of day Anywhere on Earth (UTC-12), that is " +
		end.Add(-time.Minute).UTC().Format("2006-01-02 15:04") + " UTC"
}

// Left says whether the deadline has passed at now and how many whole days are left
// (negative once it passed: -1 on the first day after it). ok is false for a date that
// does not parse.
func Left(date string, now time.Time) (overdue bool, days int, ok bool) {
	end, err := End(date)
	if err != nil {
		return false, 0, false
	}
	end = end.Add(-time.Second) // the last second of the day, as the pages always counted
	overdue = now.After(end)
	days = int(end.Sub(now).Hours() / 24)
	if overdue {
		days = -int(now.Sub(end).Hours()/24) - 1
	}
	return overdue, days, true
}
