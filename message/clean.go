package message

import (
	"strings"
	"unicode/utf8"
)

// CleanText removes what can disguise text shown to people or used as a name: C0 and C1
// control characters, invalid UTF-8, and the bidirectional controls (U+202A-U+202E,
// U+2066-U+2069, U+200E, U+200F, U+061C), with which "LS\u202Efdp.exe" reads as
// "LSexe.pdf". Tabs and line ends become spaces. File names, titles and group names all go
// through it where they are produced (parsing, extraction) and where managers edit them,
// so that every page, feed, API answer, CLI line and forward subject shows clean values.
func CleanText(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || hiddenRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f':
			return ' '
		case r == utf8.RuneError || hiddenRune(r):
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
}

// hiddenRune is a control or bidirectional formatting character.
func hiddenRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}
