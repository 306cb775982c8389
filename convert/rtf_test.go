package convert

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestRTF(t *testing.T) {
	cases := []struct{ name, rtf, want string }{
		{"paragraphs, tabs and lines",
			`{\rtf1\ansi Title:\tab LS on X\par second\line line\par}`,
			"Title:\tLS on X\nsecond\nline"},
		{"code page bytes with ansicpg",
			`{\rtf1\ansi\ansicpg1252 caf\'e9 \'96 na\'efve\par}`,
			"café – naïve"},
		{"Cyrillic via ansicpg1251",
			`{\rtf1\ansi\ansicpg1251 \'cf\'f0\'e8\'e2\'e5\'f2\par}`,
			"Привет"},
		{"double-byte characters via the font's charset",
			`{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}{\f1\fcharset128 MS Mincho;}}\f1 \'8a\'fa\'8c\'c0\f0 : 2026\par}`,
			"期限: 2026"},
		{"u with uc fallback skipping",
			`{\rtf1\ansi\uc1 \u26399?\u38480? and \uc2 \u8364\'80\'80 euro\par}`,
			"期限 and € euro"},
		{"surrogate pairs",
			`{\rtf1\ansi \u-10179?\u-8704?\par}`,
			"😀"},
		{"destinations are skipped",
			`{\rtf1\ansi{\fonttbl{\f0 Arial;}}{\colortbl;\red0\green0\blue0;}{\stylesheet{\s0 Normal;}}{\info{\author X}}{\*\generator Y;}{\pict\pngblip 89504e47}{\header head}body\par}`,
			"body"},
		{"fields keep their result, not their instruction",
			`{\rtf1\ansi see {\field{\*\fldinst HYPERLINK "http://example.org"}{\fldrslt example}} here\par}`,
			"see example here"},
		{"hidden text",
			`{\rtf1\ansi shown {\v hidden} too\par}`,
			"shown  too"},
		{"tables: cells TAB-separated, a row per line, cell paragraphs joined",
			`{\rtf1\ansi\trowd\cellx2000\cellx4000\pard\intbl Contact:\cell\pard\intbl Ana\par Example Labs\cell\row\pard after\par}`,
			"Contact:\tAna Example Labs\nafter"},
		{"escaped symbols",
			`{\rtf1\ansi a\{b\}c\\d\~e\_f\emdash g\par}`,
			"a{b}c\\d e-f—g"},
		{"bin data is skipped",
			"{\\rtf1\\ansi x{\\*\\blob\\bin3 \x00\x01}}y\\par}",
			"xy"},
	}
	for _, c := range cases {
		res, err := Text(context.Background(), "x.rtf", "", []byte(c.rtf), Limits{})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if got := strings.TrimSuffix(res.Text, "\n"); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestRTFDepthLimit(t *testing.T) {
	deep := `{\rtf1 ` + strings.Repeat("{", 500) + "x" + strings.Repeat("}", 500) + "}"
	if _, err := Text(context.Background(), "x.rtf", "", []byte(deep), Limits{}); !errors.Is(err, ErrLimit) {
		t.Errorf("err = %v, want ErrLimit", err)
	}
}
