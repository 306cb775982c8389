package convert

import (
	"bytes"
	"context"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// pdfFont is what text extraction needs from a PDF font: the Unicode text of each character
// code and its advance width, so that the end of every piece of text is known and word gaps
// can be measured. Simple fonts are precomputed into 256-entry tables; composite (Type0)
// fonts use two-byte codes looked up in maps.
type pdfFont struct {
	twoByte bool
	text    [256]string  // simple fonts: code → text
	width   [256]float64 // simple fonts: code → advance in text space per unit of font size
	toUni   map[uint32]string
	cidW    map[uint32]float64
	dw      float64 // composite fonts: default width
	utf16   bool    // composite fonts without ToUnicode but with a UCS-2 CMap
}

// maxCMapEntries bounds the codes one ToUnicode CMap may define (a hostile bfrange could
// otherwise ask for millions).
const maxCMapEntries = 1 << 17

// loadFont reads a font dictionary. Every library call may panic on a malformed file; the
// caller recovers (per page).
func loadFont(ctx context.Context, v pdf.Value) *pdfFont {
	f := &pdfFont{}
	if v.Kind() != pdf.Dict {
		f.fillSimple(v, nil)
		return f
	}
	toUni := readToUnicode(ctx, v)
	if v.Key("Subtype").Name() == "Type0" {
		f.fillComposite(v, toUni)
	} else {
		f.fillSimple(v, toUni)
	}
	return f
}

// fillSimple builds the per-code tables: ToUnicode first (as poppler does), then the font's
// encoding as the library decodes it (WinAnsi, MacRoman, Differences, PDFDoc).
func (f *pdfFont) fillSimple(v pdf.Value, toUni map[uint32]string) {
	font := pdf.Font{V: v}
	var enc pdf.TextEncoding
	if v.Kind() == pdf.Dict {
		enc = font.Encoder()
	}
	var builtin map[int]string
	if toUni == nil && v.Key("Encoding").IsNull() {
		builtin = type1Encoding(v.Key("FontDescriptor").Key("FontFile"))
	}
	for c := 0; c < 256; c++ {
		if s, ok := toUni[uint32(c)]; ok {
			f.text[c] = s
		} else if s, ok := builtin[c]; ok {
			f.text[c] = s
		} else if enc != nil {
			f.text[c] = enc.Decode(string([]byte{byte(c)}))
		} else {
			f.text[c] = string(rune(c))
		}
	}
	f.fillWidths(v)
}

// type1Dup matches the "dup 58 /period put" entries of a Type 1 font's built-in encoding.
var type1Dup = regexp.MustCompile(`dup\s+(\d{1,3})\s*/([A-Za-z0-9_.]+)\s+put`)

// maxType1Header bounds how much of an embedded font program is searched for its encoding.
const maxType1Header = 64 << 10

// type1Encoding reads the built-in encoding from the clear-text part of an embedded Type 1
// font program: a font with neither ToUnicode nor /Encoding (TeX's math and symbol fonts)
// means its codes through it, and poppler reads it too.
func type1Encoding(file pdf.Value) map[int]string {
	if file.Kind() != pdf.Stream {
		return nil
	}
	rc := file.Reader()
	defer rc.Close()
	head, _ := io.ReadAll(io.LimitReader(rc, maxType1Header))
	if i := bytes.Index(head, []byte("eexec")); i >= 0 {
		head = head[:i]
	}
	out := map[int]string{}
	for _, m := range type1Dup.FindAllSubmatch(head, -1) {
		code, _ := strconv.Atoi(string(m[1]))
		if r, ok := glyphRune(string(m[2])); ok && code < 256 {
			out[code] = string(r)
		}
	}
	return out
}

// glyphRune maps a glyph name to Unicode: the glyph list, then "uniXXXX" and "uXXXX[XX]".
func glyphRune(name string) (rune, bool) {
	if r, ok := glyphRunes[name]; ok {
		return r, true
	}
	for _, prefix := range []string{"uni", "u"} {
		if hex, ok := strings.CutPrefix(name, prefix); ok && len(hex) >= 4 && len(hex) <= 6 {
			if v, err := strconv.ParseUint(hex, 16, 32); err == nil {
				return rune(v), true
			}
		}
	}
	return 0, false
}

// fillWidths takes /Widths when present, else the standard-14 metrics of the base font, else
// /MissingWidth or an average width. Type3 glyph widths are scaled by the FontMatrix.
func (f *pdfFont) fillWidths(v pdf.Value) {
	scale := 0.001
	if v.Key("Subtype").Name() == "Type3" {
		if m := v.Key("FontMatrix"); m.Len() == 6 && m.Index(0).Float64() != 0 {
			scale = m.Index(0).Float64()
		}
	}
	first := int(v.Key("FirstChar").Int64())
	widths := v.Key("Widths")
	n := widths.Len()
	std := standardWidths(v.Key("BaseFont").Name())
	fallback := v.Key("FontDescriptor").Key("MissingWidth").Float64()
	if fallback <= 0 {
		fallback = 500
	}
	for c := 0; c < 256; c++ {
		w := 0.0
		if i := c - first; i >= 0 && i < n {
			w = widths.Index(i).Float64()
		} else if std != nil {
			w = std(f.text[c])
		}
		if w <= 0 && n == 0 {
			w = fallback
		}
		f.width[c] = w * scale
	}
}

// standardWidths returns the metrics of a standard-14 face, matching the usual aliases
// (Arial is metric-compatible with Helvetica, Times New Roman with Times), or nil.
func standardWidths(base string) func(string) float64 {
	if i := strings.IndexByte(base, '+'); i == 6 {
		base = base[i+1:] // subset prefix ABCDEF+
	}
	b := strings.ToLower(strings.NewReplacer("-", "", ",", "", " ", "").Replace(base))
	bold := strings.Contains(b, "bold")
	italic := strings.Contains(b, "italic") || strings.Contains(b, "oblique")
	var family string
	switch {
	case strings.HasPrefix(b, "courier"):
		return func(string) float64 { return 600 }
	case strings.HasPrefix(b, "helvetica"), strings.HasPrefix(b, "arial"):
		family = "Helvetica"
	case strings.HasPrefix(b, "times"):
		family = "Times"
	default:
		return nil
	}
	table := base14Widths[base14Name(family, bold, italic)]
	return func(s string) float64 {
		var w float64
		for _, r := range s {
			w += float64(table[r])
		}
		return w
	}
}

func base14Name(family string, bold, italic bool) string {
	style := ""
	switch {
	case bold && italic:
		style = "BoldItalic"
	case bold:
		style = "Bold"
	case italic:
		style = "Italic"
	}
	if family == "Helvetica" {
		style = strings.Replace(style, "Italic", "Oblique", 1)
	}
	if style == "" {
		if family == "Times" {
			return "Times-Roman"
		}
		return family
	}
	return family + "-" + style
}

// fillComposite reads a Type0 font: two-byte codes, widths from the descendant's /W array.
func (f *pdfFont) fillComposite(v pdf.Value, toUni map[uint32]string) {
	f.twoByte = true
	f.toUni = toUni
	enc := v.Key("Encoding").Name()
	f.utf16 = toUni == nil && (strings.Contains(enc, "UCS2") || strings.Contains(enc, "UTF16"))
	desc := v.Key("DescendantFonts").Index(0)
	f.dw = 1000
	if dw := desc.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
		f.dw = dw.Float64()
	}
	f.dw /= 1000
	f.cidW = readCIDWidths(desc.Key("W"))
}

// readCIDWidths parses a /W array: "c [w1 w2 ...]" and "cFirst cLast w" entries.
func readCIDWidths(w pdf.Value) map[uint32]float64 {
	out := map[uint32]float64{}
	for i := 0; i+1 < w.Len() && len(out) < maxCMapEntries; {
		first := w.Index(i).Int64()
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			for j := 0; j < next.Len() && len(out) < maxCMapEntries; j++ {
				out[uint32(first)+uint32(j)] = next.Index(j).Float64() / 1000
			}
			i += 2
			continue
		}
		if i+2 >= w.Len() {
			break
		}
		last, width := next.Int64(), w.Index(i+2).Float64()/1000
		for c := first; c <= last && len(out) < maxCMapEntries; c++ {
			out[uint32(c)] = width
		}
		i += 3
	}
	return out
}

// decode returns the text of raw and its advance along the baseline in text space units,
// applying font size, character and word spacing and horizontal scaling (PDF 32000 9.4.4).
func (f *pdfFont) decode(raw string, ts *textState) (string, float64) {
	var b strings.Builder
	adv := 0.0
	if !f.twoByte {
		for i := 0; i < len(raw); i++ {
			c := raw[i]
			b.WriteString(f.text[c])
			adv += f.width[c]*ts.size + ts.charSpace
			if c == ' ' {
				adv += ts.wordSpace
			}
		}
		return b.String(), adv * ts.scale
	}
	for i := 0; i+1 < len(raw); i += 2 {
		code := uint32(raw[i])<<8 | uint32(raw[i+1])
		b.WriteString(f.codeText(code))
		w, ok := f.cidW[code]
		if !ok {
			w = f.dw
		}
		adv += w*ts.size + ts.charSpace
	}
	return b.String(), adv * ts.scale
}

func (f *pdfFont) codeText(code uint32) string {
	if s, ok := f.toUni[code]; ok {
		return s
	}
	if f.utf16 {
		return string(utf16.Decode([]uint16{uint16(code)}))
	}
	return "" // a glyph id without a Unicode mapping has no text
}

// readToUnicode parses the font's ToUnicode CMap (bfchar and bfrange) into code → text. A
// broken CMap yields what was read before the damage; the font's encoding covers the rest.
func readToUnicode(ctx context.Context, font pdf.Value) map[uint32]string {
	v := font.Key("ToUnicode")
	if v.Kind() != pdf.Stream {
		return nil
	}
	out := map[uint32]string{}
	defer func() { // an unreadable stream leaves what was read; only a timeout goes on up
		if r := recover(); r != nil {
			if _, aborted := r.(errAborted); aborted {
				panic(r)
			}
		}
	}()
	lex := newContentLexer(ctx, v.Reader(), maxCMapOperands)
	var args []operand
	for {
		op, operands, ok := lex.next(args)
		if !ok {
			return out
		}
		args = operands
		switch op {
		case "endbfchar":
			for i := 0; i+1 < len(args); i += 2 {
				addCMap(out, args[i].str, args[i+1].str)
			}
		case "endbfrange":
			for i := 0; i+2 < len(args); i += 3 {
				addCMapRange(out, args[i].str, args[i+1].str, args[i+2])
			}
		}
	}
}

// maxCMapOperands: a bfchar or bfrange block has at most 100 entries of up to 3 operands.
const maxCMapOperands = 512

func addCMap(out map[uint32]string, code, dst string) {
	if len(out) < maxCMapEntries && len(code) > 0 && len(code) <= 4 {
		out[codeValue(code)] = utf16BE(dst)
	}
}

// addCMapRange expands "lo hi dst": dst is a string whose last UTF-16 unit increments, or an
// array with one string per code.
func addCMapRange(out map[uint32]string, lo, hi string, dst operand) {
	if len(lo) == 0 || len(lo) > 4 || len(hi) != len(lo) {
		return
	}
	first, last := codeValue(lo), codeValue(hi)
	if last < first || last-first > maxCMapEntries {
		return
	}
	for c := first; c <= last && len(out) < maxCMapEntries; c++ {
		off := c - first
		if dst.kind == 'a' {
			if int(off) < len(dst.arr) {
				out[c] = utf16BE(dst.arr[off].str)
			}
			continue
		}
		out[c] = utf16BEPlus(dst.str, off)
	}
}

func codeValue(s string) uint32 {
	var v uint32
	for i := 0; i < len(s); i++ {
		v = v<<8 | uint32(s[i])
	}
	return v
}

// utf16BE decodes big-endian UTF-16 (the encoding of ToUnicode targets).
func utf16BE(s string) string {
	return utf16BEPlus(s, 0)
}

// utf16BEPlus decodes s after adding off to its last code unit.
func utf16BEPlus(s string, off uint32) string {
	units := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		units = append(units, uint16(s[i])<<8|uint16(s[i+1]))
	}
	if n := len(units); n > 0 {
		units[n-1] += uint16(off)
	}
	return string(utf16.Decode(units))
}
