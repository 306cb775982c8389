package convert

import (
	"math"
	"sort"
	"strings"
)

// Layout thresholds, as fractions of the font size. Kerning moves glyphs by a few hundredths
// of an em and the narrowest word space is about a fifth of an em, so wordGap sits between
// them; label and value columns sit ems apart, justified word spaces stay under one em.
const (
	wordGap  = 0.12 // a gap at least this wide separates words
	tabGap   = 1.5  // a gap at least this wide separates columns: written as TAB
	lineTol  = 0.45 // baselines closer than this are one line (superscripts included)
	paraGap  = 2.0  // baselines further apart than this leave an empty line
	dupShift = 0.3  // the same text redrawn within this part of its width is fake bold
)

type textLine struct {
	y     float64
	size  float64
	spans []span
}

// layoutPage writes the text of one page: for each baseline direction (most text first),
// lines from top to bottom, pieces of a line from left to right with a space or TAB where the
// gap between them asks for one.
func layoutPage(spans []span, out *textBuf) {
	var groups [4][]span
	for _, s := range spans {
		groups[s.rot] = append(groups[s.rot], s)
	}
	order := []int{0, 1, 2, 3}
	sort.SliceStable(order, func(i, j int) bool { return len(groups[order[i]]) > len(groups[order[j]]) })
	for _, rot := range order {
		lines := buildLines(groups[rot])
		for i, l := range lines {
			if i > 0 && lines[i-1].y-l.y > paraGap*math.Max(l.size, lines[i-1].size) {
				out.line("")
			}
			out.line(l.text())
		}
	}
}

// buildLines groups spans by baseline, top of the page first.
func buildLines(spans []span) []textLine {
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].y != spans[j].y {
			return spans[i].y > spans[j].y
		}
		return spans[i].x0 < spans[j].x0
	})
	var lines []textLine
	for _, s := range spans {
		if n := len(lines); n > 0 {
			l := &lines[n-1]
			if math.Abs(l.y-s.y) <= lineTol*math.Max(l.size, s.size) {
				l.spans = append(l.spans, s)
				l.size = math.Max(l.size, s.size)
				continue
			}
		}
		lines = append(lines, textLine{y: s.y, size: s.size, spans: []span{s}})
	}
	for i := range lines {
		sp := lines[i].spans
		sort.SliceStable(sp, func(a, b int) bool { return sp[a].x0 < sp[b].x0 })
	}
	return lines
}

// text joins the pieces of a line, measuring each gap against the font size.
func (l textLine) text() string {
	var b []byte
	var prev span
	for i, s := range l.spans {
		text := s.text
		if i > 0 {
			size := math.Max(math.Max(prev.size, s.size), 1)
			if text == prev.text && math.Abs(s.x0-prev.x0) < dupShift*(prev.x1-prev.x0) {
				continue
			}
			sep := separator((s.x0-prev.x1)/size, prev.text, text)
			if sep == "\t" { // a column gap replaces the blanks around it
				b = []byte(strings.TrimRight(string(b), " "))
				text = strings.TrimLeft(text, " ")
			}
			b = append(b, sep...)
		}
		b = append(b, text...)
		prev = s
	}
	return string(b)
}

// separator returns what goes between two pieces of text gap (in ems) apart.
func separator(gap float64, before, after string) string {
	switch {
	case gap >= tabGap:
		return "\t"
	case gap < wordGap:
		return ""
	case strings.HasSuffix(before, " ") || strings.HasPrefix(after, " "):
		return ""
	}
	return " "
}
