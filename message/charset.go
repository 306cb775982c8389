package message

import (
	"bytes"
	"cmp"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-message/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
)

// Charsets: a label is looked up the way browsers do (WHATWG, golang.org/x/text/htmlindex),
// which also repairs the commonest mislabels: iso-8859-1 and us-ascii mean windows-1252,
// gb2312 means GBK. Labels browsers do not know go to go-message's charset package (IANA
// names and its quirks). Text that is undeclared, or does not fit its label, gets a guess
// and the caller records a warning.

// canonicalCharset normalises a charset label: lower case, no quotes or spaces, and the
// Microsoft code page names mail clients write mapped to their WHATWG label.
func canonicalCharset(label string) string {
	label = strings.ToLower(strings.Trim(strings.TrimSpace(label), `"' `))
	label = strings.TrimPrefix(label, "charset=") // charset="charset=us-ascii" occurs
	switch label {
	case "cp932", "ms932", "ms_kanji", "x-ms-cp932":
		return "shift_jis"
	case "cp936", "ms936":
		return "gbk"
	case "cp949", "ms949", "uhc":
		return "euc-kr"
	case "cp950", "ms950":
		return "big5"
	case "utf8":
		return "utf-8"
	case "ascii", "us_ascii", "ansi_x3.4-1968":
		return "us-ascii"
	}
	return label
}

// isUTF8Label and isASCIILabel name the charsets whose text must be valid UTF-8; bytes
// that are not get a guess instead of replacement characters.
func isUTF8Label(l string) bool  { return l == "utf-8" || l == "x-utf_8j" }
func isASCIILabel(l string) bool { return l == "us-ascii" }

// decodeCharset converts raw from the charset label to UTF-8. It returns the name it
// decoded with and false when the label is unknown.
func decodeCharset(label string, raw []byte) (text, name string, ok bool) {
	if enc, err := htmlindex.Get(label); err == nil && enc != encoding.Replacement {
		name, _ = htmlindex.Name(enc)
		out, err := enc.NewDecoder().Bytes(raw)
		if err == nil {
			return string(out), name, true
		}
	}
	r, err := charset.Reader(label, bytes.NewReader(raw))
	if err != nil {
		return "", "", false
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return "", "", false
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), label, true
}

// isSingleByte reports whether a decoded-with name is a single-byte charset, where valid
// UTF-8 with multi-byte sequences is almost surely UTF-8 mislabelled.
func isSingleByte(name string) bool {
	return strings.HasPrefix(name, "windows-12") || strings.HasPrefix(name, "iso-8859-") ||
		strings.HasPrefix(name, "koi8-") || name == "macintosh" || name == "ibm866"
}

// guessCharset names the most likely charset of 8-bit text that has no usable label:
// UTF-8 when valid, ISO-2022-JP when its escapes occur, then the first hint (charsets the
// same message declares elsewhere, an HTML meta charset) that decodes without damage, else
// windows-1252, the commonest legacy charset in mail.
func guessCharset(raw []byte, hints []string) string {
	if utf8.Valid(raw) {
		return "utf-8"
	}
	if hasISO2022JPEscape(raw) {
		return "iso-2022-jp"
	}
	for _, h := range hints {
		if isUTF8Label(h) || isASCIILabel(h) {
			continue
		}
		if text, name, ok := decodeCharset(h, raw); ok && !strings.ContainsRune(text, utf8.RuneError) {
			return name
		}
	}
	return "windows-1252"
}

// hasISO2022JPEscape reports whether raw switches to JIS X 0208, as ISO-2022-JP text does.
func hasISO2022JPEscape(raw []byte) bool {
	return bytes.Contains(raw, []byte("\x1b$B")) || bytes.Contains(raw, []byte("\x1b$@"))
}

// decodeText converts a text part or header to UTF-8 from its declared charset. It returns
// the text, the charset used and, when it had to guess, why (for a warning).
func decodeText(raw []byte, declared string, hints []string) (text, used, guessed string) {
	label := canonicalCharset(declared)
	switch {
	case isASCII(raw):
		if (label == "" || isASCIILabel(label)) && hasISO2022JPEscape(raw) {
			return decodeGuess(raw, "iso-2022-jp"), "iso-2022-jp", "7-bit text with ISO-2022-JP escapes labelled " + cmp.Or(label, "nothing")
		}
		if label == "" || isASCIILabel(label) {
			return string(raw), "us-ascii", ""
		}
		if isUTF8Label(label) {
			return string(raw), "utf-8", ""
		}
	case label == "":
		g := guessCharset(raw, hints)
		return decodeGuess(raw, g), g, "8-bit text without a charset"
	case isUTF8Label(label) || isASCIILabel(label):
		if utf8.Valid(raw) && isASCIILabel(label) {
			return string(raw), "utf-8", "text labelled us-ascii has 8-bit bytes"
		}
		if utf8.Valid(raw) {
			return string(raw), "utf-8", ""
		}
		g := guessCharset(raw, hints)
		return decodeGuess(raw, g), g, "text labelled " + label + " is not " + label
	}
	text, name, ok := decodeCharset(label, raw)
	if !ok {
		g := guessCharset(raw, hints)
		return decodeGuess(raw, g), g, "unknown charset " + label
	}
	if isSingleByte(name) && utf8.Valid(raw) && !isASCII(raw) {
		return string(raw), "utf-8", "text labelled " + label + " is valid UTF-8"
	}
	return text, name, ""
}

// decodeGuess decodes with a guessed charset; guessCharset only names known ones.
func decodeGuess(raw []byte, name string) string {
	if name == "utf-8" {
		return string(raw)
	}
	text, _, ok := decodeCharset(name, raw)
	if !ok {
		return strings.ToValidUTF8(string(raw), "\uFFFD")
	}
	return text
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// metaCharsetRE finds <meta charset=x> and <meta http-equiv content="...; charset=x">.
var metaCharsetRE = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?([a-z0-9_.:-]+)`)

// htmlMetaCharset returns the charset an HTML document declares for itself in its first
// 4 KiB, or "".
func htmlMetaCharset(doc []byte) string {
	if len(doc) > 4096 {
		doc = doc[:4096]
	}
	if m := metaCharsetRE.FindSubmatch(doc); m != nil {
		return canonicalCharset(string(m[1]))
	}
	return ""
}
