package message

import (
	"strings"
	"testing"
)

func TestUnflow(t *testing.T) {
	tests := []struct {
		in    string
		delsp bool
		want  string
	}{
		{"a long \nline\nnext", false, "a long line\nnext"},
		{"日本語の \n文章", true, "日本語の文章"},
		{" >not a quote\n From stuffed", false, ">not a quote\nFrom stuffed"},
		{"> quoted \n> more\nplain", false, "> quoted more\nplain"},
		{"> flowed into \nanother depth", false, "> flowed into \nanother depth"},
		{"-- \nsig", false, "-- \nsig"},
		{"ends flowed ", false, "ends flowed "},
	}
	for _, tt := range tests {
		if got := unflow(tt.in, tt.delsp); got != tt.want {
			t.Errorf("unflow(%q, %v) = %q, want %q", tt.in, tt.delsp, got, tt.want)
		}
	}
}

func TestDecodeQuotedPrintable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"caf=C3=A9\r\n", "café\r\n"},
		{"soft=\r\nbreak\n", "softbreak\n"},
		{"lower =c3=a9", "lower é"},
		{"bad =ZZ and = end", "bad =ZZ and = end"},
		{"trailing blanks   \r\nx", "trailing blanks\r\nx"},
		{"nul\x00 byte", "nul\x00 byte"},
		{"=\n", ""},
		{strings.Repeat("x", 10000) + "=41", strings.Repeat("x", 10000) + "A"},
	}
	for _, tt := range tests {
		if got := decodeQuotedPrintable([]byte(tt.in), 1<<20); string(got.data) != tt.want {
			t.Errorf("decodeQuotedPrintable(%.40q) = %.40q, want %.40q", tt.in, got.data, tt.want)
		}
	}
	if got := decodeQuotedPrintable([]byte("abcdef"), 3); string(got.data) != "abc" || !got.truncated {
		t.Errorf("limit: %q %v", got.data, got.truncated)
	}
}

func TestDecodeBase64(t *testing.T) {
	tests := []struct {
		in, want string
		damage   bool
		repair   bool
	}{
		{"Y2Fmw6k=\r\n", "café", false, false},
		{"Y2Fm\r\nw6k=", "café", false, false},
		{" Y2Fm w6k= ", "café", false, false}, // spaces take the lenient path, silently
		{"Y2Fmw6k", "café", false, true},      // no padding
		{"Y2Fm!w6k=", "café", false, true},    // stray character
		{"YQ==YQ==", "aa", false, false},      // concatenated padded blocks
		{"Y2FmZ", "caf", true, false},         // one character of a last group
	}
	for _, tt := range tests {
		got := decodeBase64([]byte(tt.in), 1<<20)
		if string(got.data) != tt.want || (got.damage != "") != tt.damage || (got.repair != "") != tt.repair {
			t.Errorf("decodeBase64(%q) = %q damage %q repair %q", tt.in, got.data, got.damage, got.repair)
		}
	}
	if got := decodeBase64([]byte("YWJjZGVmZ2g="), 3); string(got.data) != "abc" || !got.truncated {
		t.Errorf("limit: %q %v", got.data, got.truncated)
	}
}
