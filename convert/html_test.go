package convert

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestHTMLToText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraphs and br", "<p>one</p><p>two<br>three</p>", "one\ntwo\nthree\n"},
		{"whitespace collapses", "<p>  a \n\t b&nbsp;&nbsp; c  </p>", "a b c\n"},
		{"entities", "<p>AT&amp;T &lt;x&gt; &eacute;</p>", "AT&T <x> é\n"},
		{"head script style dropped",
			"<html><head><title>T</title><style>p{color:red}</style></head><body><script>var x=1;</script><p>body</p></body></html>",
			"body\n"},
		{"unclosed head ends at first body tag", "<head><meta charset=utf-8><p>text", "text\n"},
		{"table row is one line with tabs",
			"<table><tr><td><p class=MsoNormal><b>Deadline:</b><o:p></o:p></p></td><td><p class=MsoNormal>31&nbsp;March 2026</p></td></tr></table>",
			"Deadline:\t31 March 2026\n"},
		{"empty cells dropped, multi-line cell joined",
			"<table><tr><td>To:</td><td></td><td>IETF CCAMP WG<br>IETF TEAS WG</td></tr><tr><td>From:</td><td>ITU-T SG15</td></tr></table>",
			"To:\tIETF CCAMP WG IETF TEAS WG\nFrom:\tITU-T SG15\n"},
		{"implicit row and cell ends", "<table><tr><td>a<td>b<tr><td>c<td>d</table>after", "a\tb\nc\td\nafter\n"},
		{"text between rows is kept", "<table><tr><td>a<td>b<tr>stray<td>c</table>", "a\tb\nstray\nc\n"},
		{"layout table keeps lines",
			"<table><tr><td><p>line one</p><p>line two</p></td></tr></table>",
			"line one\nline two\n"},
		{"nested table makes the outer row a layout row",
			"<table><tr><td><table><tr><td>Title:</td><td>LS on X</td></tr></table></td><td>side</td></tr></table>",
			"Title:\tLS on X\nside\n"},
		{"lists", "<ul><li>one</li><li>two<ul><li>deep</li></ul></li></ul><ol><li>n</li></ol>",
			"- one\n- two\n  - deep\n- n\n"},
		{"blockquote quoted", "<p>reply</p><blockquote><p>orig</p><blockquote>older</blockquote></blockquote>",
			"reply\n> orig\n> > older\n"},
		{"pre keeps spaces", "<pre>a   b\n  c</pre>", "a   b\n  c\n"},
		{"outlook spacer paragraph is one empty line",
			"<p class=MsoNormal>Dear all,<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal>Text<o:p></o:p></p>",
			"Dear all,\n\nText\n"},
		{"comments and conditionals dropped", "<!--[if gte mso 9]><xml><o:x>hidden</o:x></xml><![endif]--><div>shown</div>", "shown\n"},
		{"inline elements stay on the line", "<p>a <b>bold</b><span> and</span> <a href='x'>link</a></p>", "a bold and link\n"},
		{"stray cell tags outside a table", "<td>a</td><td>b</td></tr></table>c", "a b\nc\n"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := HTMLToText(tt.in); got != tt.want {
				t.Errorf("HTMLToText(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestHTMLToTextHostile checks that nesting only an attacker writes stays linear in time and
// output size.
func TestHTMLToTextHostile(t *testing.T) {
	tests := map[string]string{
		"deep tables":      strings.Repeat("<table><tr><td>x", 20000),
		"deep blockquotes": strings.Repeat("<blockquote>", 50000) + strings.Repeat("<br>", 50000),
		"deep lists":       strings.Repeat("<ul><li>", 50000) + "x",
		"many cells":       "<table><tr>" + strings.Repeat("<td>c", 100000),
		"unclosed tags":    strings.Repeat("<p><div><span>", 50000),
	}
	for name, in := range tests {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			out := HTMLToText(in)
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
			if len(out) > 4*len(in)+64 {
				t.Errorf("output %d bytes for input %d bytes", len(out), len(in))
			}
		})
	}
}

func FuzzHTMLToText(f *testing.F) {
	for _, s := range []string{
		"<table><tr><td>Deadline:</td><td>31 March 2026</td></tr></table>",
		"<p class=MsoNormal>a&nbsp;b<o:p></o:p></p><blockquote><ul><li>x</ul>",
		"<pre>a\r\n b</pre><script>x</script><head><title>t",
		"<table><td><table><tr><td>a</table></td><td>b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := HTMLToText(in)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 output %q", out)
		}
		if len(out) > 4*len(in)+64 {
			t.Fatalf("output %d bytes for input %d bytes", len(out), len(in))
		}
	})
}
