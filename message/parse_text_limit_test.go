package message

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/liaisond/liaisond/internal/hostile"
)

// TestParseTextLimit: a body over MaxTextBytes is cut at its last line end before the
// limit (or, for one long line, before a split character), marked Truncated, and a Problem
// says so; a body within the limit is untouched. A 25 MB text body used to take about
// 400 MB of allocations and 4 s through extraction, quoting and indexing.
func TestParseTextLimit(t *testing.T) {
	const limit = 10000
	lines := strings.Repeat("Liaison statement body text, about sixty characters long.\n", 400)
	long := strings.Repeat("ü", 8000) // one line, two bytes a character
	html := "<html><body>" + strings.Repeat("<p>Statement paragraph.</p>\n", 1000) + "</body></html>"
	for _, tc := range []struct {
		name, typ, body string
		cut             bool
	}{
		{"plain text within the limit", "text/plain", lines[:5000], false},
		{"plain text over the limit", "text/plain", lines, true},
		{"one long line over the limit", "text/plain", long, true},
		{"HTML over the limit", "text/html", html, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			raw := hostile.Message("Content-Type: "+tc.typ+"; charset=utf-8\r\n", strings.ReplaceAll(tc.body, "\n", "\r\n"))
			m, err := ParseBytes(raw, ParseLimits{MaxTextBytes: limit})
			if err != nil {
				t.Fatal(err)
			}
			if len(m.Bodies) != 1 {
				t.Fatalf("%d bodies", len(m.Bodies))
			}
			b := m.Bodies[0]
			text := b.Text
			if tc.typ == "text/html" {
				text = b.HTML
			}
			if got := hasIssue(m, IssueLimitText, "cut at a line end"); got != tc.cut || b.Truncated != tc.cut {
				t.Fatalf("problem %v, truncated %v; want %v (problems %v)", got, b.Truncated, tc.cut, m.Problems)
			}
			switch {
			case !tc.cut && b.Text != tc.body:
				t.Fatalf("text changed within the limit: %d bytes of %d", len(b.Text), len(tc.body))
			case tc.cut && (len(text) > limit || len(text) < limit/2 || !utf8.ValidString(text) || !strings.HasPrefix(tc.body, text)):
				t.Fatalf("cut text of %d bytes (limit %d, valid UTF-8 %v) is not a prefix of the body cut near the limit",
					len(text), limit, utf8.ValidString(text))
			case tc.cut && strings.Contains(tc.body[:limit], "\n") && !strings.HasSuffix(text, "\n"):
				t.Fatalf("cut inside a line: %q", text[len(text)-20:])
			}
		})
	}
}
