package convert

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// textBuf collects extracted text up to a byte cap. Readers stop early once it is full, so a
// huge document costs no more than MaxTextBytes of output. It also collects the readers'
// warnings about damage they read past.
type textBuf struct {
	b         strings.Builder
	max       int
	truncated bool
	warnings  []string
}

func (t *textBuf) warn(msg string) { t.warnings = append(t.warnings, msg) }

func newTextBuf(max int) *textBuf { return &textBuf{max: max} }

// full reports whether more text would be cut off.
func (t *textBuf) full() bool { return t.truncated }

// WriteString appends s, cutting it at the cap on a rune boundary.
func (t *textBuf) WriteString(s string) {
	if t.truncated {
		return
	}
	room := t.max - t.b.Len()
	if len(s) > room {
		for room > 0 && !utf8.RuneStart(s[room]) {
			room--
		}
		s = s[:room]
		t.truncated = true
	}
	t.b.WriteString(s)
}

// line appends s and a newline.
func (t *textBuf) line(s string) {
	t.WriteString(s)
	t.WriteString("\n")
}

func (t *textBuf) String() string { return t.b.String() }

// cleanText is the last pass over every reader's output: valid UTF-8, no control characters
// other than TAB and newline, no trailing blanks on a line, at most one empty line in a row,
// and no leading or trailing empty lines. Classification then sees one text shape whatever
// the source format.
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var out strings.Builder
	out.Grow(len(s))
	blank := 0
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimRightFunc(stripControls(line), unicode.IsSpace)
		if line == "" {
			blank++
			continue
		}
		if out.Len() > 0 {
			out.WriteString("\n")
			if blank > 0 {
				out.WriteString("\n")
			}
		}
		blank = 0
		out.WriteString(line)
	}
	if out.Len() > 0 {
		out.WriteString("\n")
	}
	return out.String()
}

// stripControls drops control and format characters (NUL, BOM, soft hyphen...) but keeps TAB,
// and turns other Unicode spaces (NBSP, thin spaces) into plain spaces so words split cleanly.
func stripControls(s string) string {
	clean := true
	for _, r := range s {
		if r != '\t' && (r < 0x20 || r == 0x7f || r >= 0x80 && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.IsSpace(r))) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return r
		case r == '\r' || r == '\v' || r == '\f':
			return ' '
		case r < 0x20 || r == 0x7f || unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			return -1
		case unicode.IsSpace(r):
			return ' '
		}
		return r
	}, s)
}
