package message

import (
	"strings"
	"testing"
)

func TestFindInlineForwards(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		styles  []string
		from    string // address of the first forward's From
		subject string
		body    string // text of the first forward
	}{
		{
			name:    "gmail",
			text:    "fyi\n\n---------- Forwarded message ---------\nFrom: A <a@example.net>\nDate: Mon\nSubject: S\nTo: b@example.org\n\n\nbody\n",
			styles:  []string{"forwarded"},
			from:    "a@example.net",
			subject: "S",
			body:    "body\n",
		},
		{
			name:    "outlook block with a wrapped To",
			text:    "see below\n________________________________\nFrom: A <a@example.net>\nSent: Monday, 6 April 2026 08:00\nTo: x@example.org;\n  y@example.org\nSubject: S\n\nbody\n",
			styles:  []string{"outlook"},
			from:    "a@example.net",
			subject: "S",
			body:    "body\n",
		},
		{
			name:   "nested forwards each get their text",
			text:   "-----Original Message-----\nFrom: a@example.net\nSubject: one\n\nfirst\n-----Original Message-----\nFrom: b@example.net\nSubject: two\n\nsecond\n",
			styles: []string{"original", "original"},
			from:   "a@example.net", subject: "one", body: "first\n",
		},
		{
			name:   "marker inside a quote is not a forward",
			text:   "reply\n> ---------- Forwarded message ---------\n> From: a@example.net\n",
			styles: nil,
		},
		{
			name:   "a letter header is not an Outlook block",
			text:   "To: IETF MADINAS\nFrom: IEEE 802.11\nSubject: Response\n\nDear colleagues\n",
			styles: nil,
		},
		{
			name:   "marker without a header block",
			text:   "Begin forwarded message:\n\nno header here\n",
			styles: []string{"apple"},
			body:   "no header here\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findInlineForwards(tt.text, "1")
			var styles []string
			for _, f := range got {
				styles = append(styles, f.Style)
			}
			if strings.Join(styles, ",") != strings.Join(tt.styles, ",") {
				t.Fatalf("styles %v, want %v", styles, tt.styles)
			}
			if len(got) == 0 {
				return
			}
			f := got[0]
			from := ""
			if len(f.From) > 0 {
				from = f.From[0].Address
			}
			if from != tt.from || f.Subject != tt.subject || f.Text != tt.body {
				t.Errorf("first forward: from %q subject %q text %q; want %q %q %q", from, f.Subject, f.Text, tt.from, tt.subject, tt.body)
			}
		})
	}
}

func TestRemoveQuoted(t *testing.T) {
	tests := []struct{ in, want string }{
		{"mine\n> theirs\nmine again", "mine\nmine again"},
		{"mine\n\nOn Tue, 7 Apr 2026, A <a@example.org> wrote:\n\n> theirs\n>> older\n", "mine\n\n"},
		{"mine\nOn Tue, Apr 7, 2026 at 9:00 AM A <a@example.org>\nwrote:\n> theirs", "mine"},
		{"I wrote: this line stays\nand this", "I wrote: this line stays\nand this"},
		{"> only quoted", ""},
	}
	for _, tt := range tests {
		if got := RemoveQuoted(tt.in); got != tt.want {
			t.Errorf("RemoveQuoted(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestQuoteDepth(t *testing.T) {
	tests := map[string]int{"text": 0, "> a": 1, ">> a": 2, "> > a": 2, "  > a": 1, ">": 1, "": 0, "a > b": 0}
	for in, want := range tests {
		if got := QuoteDepth(in); got != want {
			t.Errorf("QuoteDepth(%q) = %d, want %d", in, got, want)
		}
	}
}
