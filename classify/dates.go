package classify

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Dates. Statements write dates in every style: ISO (2026-04-30, 2026/04/24), day-first
// numeric (31.03.2026, 31/03/2026), day month year in words with ordinals and weekdays
// ("Friday, 5th June 2026"), US order ("March 31, 2026"), compact ("12NOV2025",
// "31-Jul-2026"), fuzzy periods ("End of March 2026", "mid-May"), CJK (2026年3月31日,
// 2026년 3월 31일). findDates finds them all in a text, marks ranges (meeting dates such as
// "13 - 17 April 2026") and says how exact each one is.

// date is a calendar day.
type date struct{ Y, M, D int }

func (d date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Y, d.M, d.D) }
func (d date) zero() bool     { return d.Y == 0 }
func (d date) time() time.Time {
	return time.Date(d.Y, time.Month(d.M), d.D, 0, 0, 0, 0, time.UTC)
}

type dateKind int

const (
	dateExact     dateKind = iota // a day
	dateFuzzy                     // "end of March 2026", "mid-May 2026": a convention picks the day
	dateMonthOnly                 // "March 2026": the end of the month, if it is a deadline at all
	dateNoYear                    // "15 February": the year is inferred
)

// dateMatch is one date found in a text.
type dateMatch struct {
	start, end int
	d          date
	kind       dateKind
	rng        bool // part of a range ("13 - 17 April 2026"): a period, e.g. a meeting
	ambiguous  bool // numeric with both day-first and month-first readings valid
	raw        string
}

const monthAlt = `(January|February|March|April|June|July|August|September|October|November|December|` +
	`Januar|Februar|März|Maerz|Juni|Juli|Oktober|Dezember|janvier|février|fevrier|avril|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|` +
	`Sept|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|mars|mai|juin)`

var monthNums = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
	"januar": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
	"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
	"août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
}

const ord = `(?:st|nd|rd|th)?`

var (
	// ranges first: their days must not be read as single dates
	reRangeDMY  = regexp.MustCompile(`(?i)\b(\d{1,2})` + ord + `\s*(?:-|–|—|to|until)\s*(\d{1,2})` + ord + `\s+(?:of\s+)?` + monthAlt + `\b\.?,?\s*(\d{4})?`)
	reRangeDMDM = regexp.MustCompile(`(?i)\b(\d{1,2})` + ord + `\s+` + monthAlt + `\b\.?\s*(?:-|–|—|to|until)\s*(\d{1,2})` + ord + `\s+` + monthAlt + `\b\.?,?\s*(\d{4})?`)
	reRangeMDY  = regexp.MustCompile(`(?i)\b` + monthAlt + `\b\.?\s+(\d{1,2})` + ord + `\s*(?:-|–|—)\s*(\d{1,2})` + ord + `\b,?\s*(\d{4})?`)

	reISO      = regexp.MustCompile(`\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b`)
	reNumDMY   = regexp.MustCompile(`\b(\d{1,2})([./-])(\d{1,2})([./-])(\d{4}|\d{2})\b`)
	reDMY      = regexp.MustCompile(`(?i)\b(\d{1,2})` + ord + `(?:\s+of)?[\s\-./]*` + monthAlt + `\.?(?:[\s\-./,]*)(\d{4})\b`)
	reDMY2     = regexp.MustCompile(`(?i)\b(\d{1,2})-` + monthAlt + `-(\d{2})\b`)
	reMDY      = regexp.MustCompile(`(?i)\b` + monthAlt + `\.?\s+(\d{1,2})` + ord + `(?:,\s*|\s+)(\d{4})\b`)
	reFuzzy    = regexp.MustCompile(`(?i)\b(end|mid(?:dle)?|beginning|start|early|late)(?:\s+of\s+|-|\s+)(?:the\s+month\s+of\s+)?` + monthAlt + `\b\.?,?\s*(\d{4})?`)
	reQuarter  = regexp.MustCompile(`(?i)\b(?:(end|mid(?:dle)?)\s+(?:of\s+)?)?(?:Q([1-4])|(first|second|third|fourth)\s+quarter(?:\s+of)?)[\s,]*(\d{4})\b`)
	reMonthY   = regexp.MustCompile(`(?i)\b` + monthAlt + `\.?,?\s+(\d{4})\b`)
	reDMnoY    = regexp.MustCompile(`(?i)\b(\d{1,2})` + ord + `\s+(?:of\s+)?` + monthAlt + `\b`)
	reMDnoY    = regexp.MustCompile(`(?i)\b` + monthAlt + `\.?\s+(\d{1,2})` + ord + `\b`)
	reCJK      = regexp.MustCompile(`(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]`)
	reCJKFuzzy = regexp.MustCompile(`(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(末|底|下旬|中旬|上旬|初|말|중순|초)`)
)

var quarterWords = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4}

// findDates returns the dates of text in text order, without overlaps. ref (the message
// date) resolves a missing year; zero means no inference (such dates are dropped).
func findDates(text string, ref time.Time) []dateMatch {
	// cheap checks first: most patterns need a digit, a month name or a CJK date mark
	digits := strings.ContainsAny(text, "0123456789")
	months := hasMonthName(text)
	cjk := strings.ContainsAny(text, "年년")
	if !digits && !months {
		return nil
	}
	var all []dateMatch
	add := func(m dateMatch) {
		if m.d.zero() {
			return
		}
		m.raw = text[m.start:m.end]
		all = append(all, m)
	}
	// block keeps the span of a well-formed but impossible date ("30 February 2026") from
	// being read again as "February 2026"
	block := func(l []int) { all = append(all, dateMatch{start: l[0], end: l[1]}) }
	if months {
		for _, l := range reRangeDMY.FindAllStringSubmatchIndex(text, -1) {
			d2 := atoiSub(text, l, 2)
			mo := monthNum(sub(text, l, 3))
			y := yearOr(text, l, 4, ref, mo, d2)
			add(dateMatch{start: l[0], end: l[1], d: mkDate(y, mo, d2), rng: true, kind: kindFor(text, l, 4)})
		}
	}
	if months {
		for _, l := range reRangeDMDM.FindAllStringSubmatchIndex(text, -1) {
			d2 := atoiSub(text, l, 3)
			mo := monthNum(sub(text, l, 4))
			y := yearOr(text, l, 5, ref, mo, d2)
			add(dateMatch{start: l[0], end: l[1], d: mkDate(y, mo, d2), rng: true, kind: kindFor(text, l, 5)})
		}
	}
	if months {
		for _, l := range reRangeMDY.FindAllStringSubmatchIndex(text, -1) {
			mo := monthNum(sub(text, l, 1))
			d2 := atoiSub(text, l, 3)
			y := yearOr(text, l, 4, ref, mo, d2)
			add(dateMatch{start: l[0], end: l[1], d: mkDate(y, mo, d2), rng: true, kind: kindFor(text, l, 4)})
		}
	}
	if cjk {
		for _, l := range reCJK.FindAllStringSubmatchIndex(text, -1) {
			add(dateMatch{start: l[0], end: l[1], d: mkDate(atoiSub(text, l, 1), atoiSub(text, l, 2), atoiSub(text, l, 3))})
		}
	}
	if cjk {
		for _, l := range reCJKFuzzy.FindAllStringSubmatchIndex(text, -1) {
			y, mo := atoiSub(text, l, 1), atoiSub(text, l, 2)
			var d date
			switch sub(text, l, 3) {
			case "末", "底", "下旬", "말":
				d = endOfMonth(y, mo)
			case "中旬", "중순":
				d = mkDate(y, mo, 15)
			default:
				d = mkDate(y, mo, 1)
			}
			add(dateMatch{start: l[0], end: l[1], d: d, kind: dateFuzzy})
		}
	}
	if digits {
		for _, l := range reISO.FindAllStringSubmatchIndex(text, -1) {
			add(dateMatch{start: l[0], end: l[1], d: mkDate(atoiSub(text, l, 1), atoiSub(text, l, 2), atoiSub(text, l, 3))})
		}
	}
	if digits {
		for _, l := range reNumDMY.FindAllStringSubmatchIndex(text, -1) {
			if sub(text, l, 2) != sub(text, l, 4) {
				continue // "1.2/2026": not a date
			}
			a, b := atoiSub(text, l, 1), atoiSub(text, l, 3)
			y := atoiSub(text, l, 5)
			if y < 100 {
				if sub(text, l, 2) == "-" {
					continue // "12-15-26" is too often something else
				}
				y += 2000
			}
			m := dateMatch{start: l[0], end: l[1]}
			switch {
			case a > 12 && b <= 12:
				m.d = mkDate(y, b, a)
			case a <= 12 && b > 12:
				m.d = mkDate(y, a, b) // unambiguously month-first (US)
			case a <= 12 && b <= 12:
				m.d = mkDate(y, b, a) // SDOs write day first
				m.ambiguous = a != b
			}
			add(m)
		}
	}
	if months {
		for _, l := range reDMY.FindAllStringSubmatchIndex(text, -1) {
			d := mkDate(atoiSub(text, l, 3), monthNum(sub(text, l, 2)), atoiSub(text, l, 1))
			if d.zero() {
				block(l)
				continue
			}
			add(dateMatch{start: l[0], end: l[1], d: d})
		}
	}
	if months {
		for _, l := range reDMY2.FindAllStringSubmatchIndex(text, -1) {
			add(dateMatch{start: l[0], end: l[1], d: mkDate(2000+atoiSub(text, l, 3), monthNum(sub(text, l, 2)), atoiSub(text, l, 1))})
		}
	}
	if months {
		for _, l := range reMDY.FindAllStringSubmatchIndex(text, -1) {
			add(dateMatch{start: l[0], end: l[1], d: mkDate(atoiSub(text, l, 3), monthNum(sub(text, l, 1)), atoiSub(text, l, 2))})
		}
	}
	if months {
		for _, l := range reFuzzy.FindAllStringSubmatchIndex(text, -1) {
			mo := monthNum(sub(text, l, 2))
			y := yearOr(text, l, 3, ref, mo, 28)
			var d date
			switch strings.ToLower(sub(text, l, 1)) {
			case "end", "late":
				d = endOfMonth(y, mo)
			case "mid", "middle":
				d = mkDate(y, mo, 15)
			default:
				d = mkDate(y, mo, 1)
			}
			kind := dateFuzzy
			if l[6] < 0 {
				kind = dateNoYear
			}
			add(dateMatch{start: l[0], end: l[1], d: d, kind: kind})
		}
	}
	if digits {
		for _, l := range reQuarter.FindAllStringSubmatchIndex(text, -1) {
			q := atoiSub(text, l, 2)
			if q == 0 {
				q = quarterWords[strings.ToLower(sub(text, l, 3))]
			}
			y := atoiSub(text, l, 4)
			d := endOfMonth(y, 3*q)
			if w := strings.ToLower(sub(text, l, 1)); strings.HasPrefix(w, "mid") {
				d = mkDate(y, 3*q-1, 15)
			}
			add(dateMatch{start: l[0], end: l[1], d: d, kind: dateFuzzy})
		}
	}
	if months {
		for _, l := range reMonthY.FindAllStringSubmatchIndex(text, -1) {
			if !capitalized(sub(text, l, 1)) {
				continue
			}
			y, mo := atoiSub(text, l, 2), monthNum(sub(text, l, 1))
			add(dateMatch{start: l[0], end: l[1], d: endOfMonth(y, mo), kind: dateMonthOnly})
		}
	}
	if !ref.IsZero() && months {
		for _, l := range reDMnoY.FindAllStringSubmatchIndex(text, -1) {
			if !capitalized(sub(text, l, 2)) {
				continue
			}
			mo, d := monthNum(sub(text, l, 2)), atoiSub(text, l, 1)
			add(dateMatch{start: l[0], end: l[1], d: mkDate(inferYear(ref, mo, d), mo, d), kind: dateNoYear})
		}
		for _, l := range reMDnoY.FindAllStringSubmatchIndex(text, -1) {
			if !capitalized(sub(text, l, 1)) {
				continue
			}
			mo, d := monthNum(sub(text, l, 1)), atoiSub(text, l, 2)
			add(dateMatch{start: l[0], end: l[1], d: mkDate(inferYear(ref, mo, d), mo, d), kind: dateNoYear})
		}
	}
	kept := dropOverlaps(all)
	out := kept[:0]
	for _, m := range kept {
		if !m.d.zero() {
			out = append(out, m)
		}
	}
	return out
}

// dropOverlaps keeps, of overlapping matches, the one found first in the order of findDates
// (ranges before single dates, exact before fuzzy), then sorts by position. It marks the
// bytes each kept match covers (matches are never empty), so that a text holding tens of
// thousands of dates is not compared pair by pair.
func dropOverlaps(all []dateMatch) []dateMatch {
	end := 0
	for _, m := range all {
		end = max(end, m.end)
	}
	taken := make([]bool, end)
	var out []dateMatch
	for _, m := range all {
		if slices.Contains(taken[m.start:m.end], true) {
			continue
		}
		for i := m.start; i < m.end; i++ {
			taken[i] = true
		}
		out = append(out, m)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

func sub(s string, loc []int, i int) string {
	if loc[2*i] < 0 {
		return ""
	}
	return s[loc[2*i]:loc[2*i+1]]
}

func atoiSub(s string, loc []int, i int) int {
	n, _ := strconv.Atoi(sub(s, loc, i))
	return n
}

func kindFor(s string, loc []int, yearGroup int) dateKind {
	if loc[2*yearGroup] < 0 {
		return dateNoYear
	}
	return dateExact
}

func yearOr(s string, loc []int, i int, ref time.Time, mo, d int) int {
	if y := atoiSub(s, loc, i); y > 0 {
		return y
	}
	if ref.IsZero() {
		return 0
	}
	return inferYear(ref, mo, d)
}

// inferYear picks the year that puts month/day closest after ref (a month of slack before
// it), the reading of "15 February" in mail sent in January or in December.
func inferYear(ref time.Time, mo, d int) int {
	if mo < 1 || mo > 12 {
		return 0
	}
	y := ref.Year()
	t := time.Date(y, time.Month(mo), max(d, 1), 0, 0, 0, 0, time.UTC)
	if t.Before(ref.AddDate(0, -1, 0)) {
		y++
	}
	return y
}

// monthPrefixes are the first letters of the month names findDates knows.
var monthPrefixes = []string{"jan", "feb", "fév", "fev", "mar", "mär", "apr", "avr", "may", "mai", "jun", "jui", "jul",
	"aug", "aoû", "aou", "sep", "oct", "okt", "nov", "dec", "déc", "dez"}

// hasMonthName reports whether text may contain a month name (a cheap filter before the
// month patterns).
func hasMonthName(text string) bool {
	l := lowerASCII(text)
	for _, p := range monthPrefixes {
		if strings.Contains(l, p) {
			return true
		}
	}
	return false
}

// capitalized reports whether a month word is written with a capital ("May", not the verb
// "may"), required where a month name stands without a full date around it.
func capitalized(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

func monthNum(s string) int { return monthNums[strings.ToLower(s)] }

// mkDate returns the date, or the zero date when it does not exist.
func mkDate(y, m, d int) date {
	if y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return date{}
	}
	return date{y, m, d}
}

func endOfMonth(y, m int) date {
	if m < 1 || m > 12 {
		return date{}
	}
	return mkDate(y, m, daysIn(y, m))
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// reNoDate is a deadline value that says there is none.
var reNoDate = regexp.MustCompile(`(?i)^[\s(]*(?:n\s*/\s*a|na|none|nil|no|-+|—|–|\.|no deadline|no reply (?:is )?(?:required|needed|expected)|not applicable|no action(?: required)?|not required|tbd|tba|void|なし|无|無)[\s).]*$`)

// deadlineValue reads a labelled deadline value ("31 March 2026", "Reply by mid-May 2026",
// "N/A"). none is true when the value says explicitly that there is no deadline.
func deadlineValue(v string, ref time.Time) (m dateMatch, none bool, ok bool) {
	v = strings.TrimSpace(v)
	if v == "" || reNoDate.MatchString(v) {
		return dateMatch{}, true, false
	}
	ds := findDates(v, ref)
	for _, d := range ds {
		if !d.rng {
			return d, false, true
		}
	}
	if len(ds) > 0 {
		return ds[0], false, true
	}
	return dateMatch{}, false, false
}
