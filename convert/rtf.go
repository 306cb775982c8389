package convert

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// rtfSkipDest lists destinations whose groups hold no body text. Any group opened with \* is
// skipped as well (that is what \* means for a reader that does not know the destination).
var rtfSkipDest = map[string]bool{
	"fonttbl": true, "colortbl": true, "stylesheet": true, "info": true, "pict": true,
	"object": true, "header": true, "headerl": true, "headerr": true, "headerf": true,
	"footer": true, "footerl": true, "footerr": true, "footerf": true, "footnote": true,
	"annotation": true, "listtable": true, "listoverridetable": true, "revtbl": true,
	"rsidtbl": true, "filetbl": true, "fldinst": true, "xe": true, "tc": true, "txe": true,
	"datafield": true, "themedata": true, "latentstyles": true, "pgdsctbl": true,
}

// rtfSymbols maps control words that stand for one character.
var rtfSymbols = map[string]string{
	"emdash": "—", "endash": "–", "bullet": "•", "lquote": "‘", "rquote": "’",
	"ldblquote": "“", "rdblquote": "”", "emspace": " ", "enspace": " ", "qmspace": " ",
	"~": " ", "_": "-", "{": "{", "}": "}", "\\": "\\",
}

// rtfGroup is the state a group restores when it closes.
type rtfGroup struct {
	skip     bool // inside an ignored destination
	fontTbl  bool // inside \fonttbl: \fN \fcharsetN define fonts
	hidden   bool // \v hidden text
	uc       int  // bytes to skip after \uN
	font     int
	codepage int
}

// rtfReader is a small RTF tokenizer: groups, control words and symbols, \'hh bytes decoded
// with the font's or document's code page, \uN with \ucN fallback skipping, and tables from
// \cell and \row.
type rtfReader struct {
	ctx      context.Context
	src      []byte
	pos      int
	maxDepth int
	out      *textBuf

	g        rtfGroup
	stack    []rtfGroup
	fonts    map[int]int // font number → code page
	docCP    int
	defFont  int
	pending  []byte // code-page bytes not yet decoded
	skipLeft int    // fallback characters still to skip after \uN
	highSur  rune   // first half of a UTF-16 surrogate pair given as \uN
	line     strings.Builder
	cells    []string
	inTable  bool
}

func readRTF(ctx context.Context, data []byte, lim Limits, out *textBuf) error {
	if !strings.HasPrefix(string(data[:min(len(data), 5)]), "{\\rtf") {
		return fmt.Errorf("%w: RTF does not start with {\\rtf", ErrMalformed)
	}
	r := &rtfReader{ctx: ctx, src: data, maxDepth: lim.MaxXMLDepth, out: out,
		fonts: map[int]int{}, docCP: 1252, g: rtfGroup{uc: 1, codepage: 1252}}
	return r.run()
}

func (r *rtfReader) run() error {
	for steps := 0; r.pos < len(r.src) && !r.out.full(); steps++ {
		if steps%65536 == 0 && r.ctx.Err() != nil {
			return fmt.Errorf("%w: time budget spent while reading RTF", ErrLimit)
		}
		c := r.src[r.pos]
		r.pos++
		var err error
		switch c {
		case '{':
			err = r.openGroup()
		case '}':
			r.closeGroup()
		case '\\':
			r.control()
		case '\r', '\n':
		default:
			r.char(c)
		}
		if err != nil {
			return err
		}
	}
	r.flushBytes()
	r.endParagraph()
	if len(r.cells) > 0 {
		r.endRow()
	}
	if len(r.stack) > 0 && !r.out.full() {
		r.out.warn(fmt.Sprintf("RTF ends inside %d open groups (truncated file?)", len(r.stack)))
	}
	return nil
}

func (r *rtfReader) openGroup() error {
	r.flushBytes()
	if len(r.stack) >= r.maxDepth {
		return fmt.Errorf("%w: RTF groups nested deeper than %d", ErrLimit, r.maxDepth)
	}
	r.stack = append(r.stack, r.g)
	r.skipLeft = 0
	return nil
}

func (r *rtfReader) closeGroup() {
	r.flushBytes()
	if n := len(r.stack); n > 0 {
		r.g = r.stack[n-1]
		r.stack = r.stack[:n-1]
	}
	r.skipLeft = 0
}

// control reads a control word or symbol after a backslash.
func (r *rtfReader) control() {
	if r.pos >= len(r.src) {
		return
	}
	c := r.src[r.pos]
	if !isASCIILetter(c) {
		r.pos++
		r.symbol(c)
		return
	}
	start := r.pos
	for r.pos < len(r.src) && r.pos-start < 32 && isASCIILetter(r.src[r.pos]) {
		r.pos++
	}
	word := string(r.src[start:r.pos])
	num, hasNum := r.number()
	if r.pos < len(r.src) && r.src[r.pos] == ' ' {
		r.pos++ // the delimiting space belongs to the control word
	}
	r.word(word, num, hasNum)
}

// number reads the optional signed parameter of a control word.
func (r *rtfReader) number() (int, bool) {
	start := r.pos
	if r.pos < len(r.src) && r.src[r.pos] == '-' {
		r.pos++
	}
	digits := r.pos
	for r.pos < len(r.src) && r.pos-digits < 10 && r.src[r.pos] >= '0' && r.src[r.pos] <= '9' {
		r.pos++
	}
	if r.pos == digits {
		r.pos = start
		return 0, false
	}
	n, _ := strconv.Atoi(string(r.src[start:r.pos]))
	return n, true
}

func (r *rtfReader) symbol(c byte) {
	switch c {
	case '\'':
		r.hexByte()
	case '*':
		r.g.skip = true
	case '\r', '\n':
		r.word("par", 0, false)
	default:
		if s, ok := rtfSymbols[string(c)]; ok {
			r.emit(s)
		}
	}
}

// hexByte reads \'hh: one byte of the current code page, decoded with its neighbours so that
// double-byte characters (Shift-JIS, GBK, Big5) come out whole.
func (r *rtfReader) hexByte() {
	if r.pos+2 > len(r.src) {
		r.pos = len(r.src)
		return
	}
	v, err := strconv.ParseUint(string(r.src[r.pos:r.pos+2]), 16, 8)
	r.pos += 2
	if err != nil || r.consumeFallback() || r.g.skip || r.g.hidden {
		return
	}
	r.pending = append(r.pending, byte(v))
}

func (r *rtfReader) char(c byte) {
	if r.consumeFallback() || r.g.skip || r.g.hidden {
		return
	}
	if c >= 0x80 {
		r.pending = append(r.pending, c)
		return
	}
	r.flushBytes()
	r.writeText(string(c))
}

// consumeFallback swallows one character of the \uN fallback text.
func (r *rtfReader) consumeFallback() bool {
	if r.skipLeft > 0 {
		r.skipLeft--
		return true
	}
	return false
}

func (r *rtfReader) word(w string, n int, hasNum bool) {
	r.flushBytes()
	if r.fontDef(w, n) {
		return
	}
	switch {
	case rtfSkipDest[w]:
		r.g.skip = true
		r.g.fontTbl = w == "fonttbl"
	case w == "u":
		r.unicode(n)
	case w == "uc" && hasNum:
		r.g.uc = max(0, min(n, 8))
	case w == "ansicpg" && hasNum:
		r.docCP, r.g.codepage = n, n
	case w == "deff" && hasNum:
		r.defFont = n
	case w == "f" && hasNum:
		r.g.font = n
		r.g.codepage = r.codepageOf(n)
	case w == "bin" && hasNum:
		r.pos = min(len(r.src), r.pos+max(n, 0))
	case w == "v":
		r.g.hidden = !hasNum || n != 0
	default:
		r.structure(w)
	}
}

// fontDef records \fN \fcharsetN \cpgN inside the font table; it reports whether it did.
func (r *rtfReader) fontDef(w string, n int) bool {
	if !r.g.fontTbl {
		return false
	}
	switch w {
	case "f":
		r.g.font = n
		if _, ok := r.fonts[n]; !ok {
			r.fonts[n] = 0
		}
	case "fcharset":
		r.fonts[r.g.font] = charsetCodepage(n)
	case "cpg":
		r.fonts[r.g.font] = n
	default:
		return false
	}
	return true
}

// structure handles paragraph, line, tab and table control words, and symbol words.
func (r *rtfReader) structure(w string) {
	if r.g.skip {
		return
	}
	switch w {
	case "par", "sect", "page":
		r.endParagraph()
	case "line":
		r.writeText(r.sep("\n"))
	case "tab":
		r.writeText(r.sep("\t"))
	case "pard":
		r.inTable = false
	case "intbl":
		r.inTable = true
	case "cell":
		r.cells = append(r.cells, strings.Join(strings.Fields(r.line.String()), " "))
		r.line.Reset()
	case "nestcell", "nestrow":
		r.writeText(" ")
	case "row":
		r.endRow()
	default:
		if s, ok := rtfSymbols[w]; ok {
			r.emit(s)
		}
	}
}

// sep returns s, or a space inside a table cell where TAB and newline would break the row.
func (r *rtfReader) sep(s string) string {
	if r.inTable {
		return " "
	}
	return s
}

func (r *rtfReader) endParagraph() {
	if r.inTable {
		r.writeText(" ") // paragraphs of one cell are joined by a space
		return
	}
	r.out.line(r.line.String())
	r.line.Reset()
}

func (r *rtfReader) endRow() {
	if rest := strings.TrimSpace(r.line.String()); rest != "" {
		r.cells = append(r.cells, rest)
	}
	r.line.Reset()
	r.out.line(strings.Join(r.cells, "\t"))
	r.cells = r.cells[:0]
}

// unicode handles \uN (signed 16-bit), joining surrogate pairs, and arms fallback skipping.
func (r *rtfReader) unicode(n int) {
	if n < 0 {
		n += 65536
	}
	r.skipLeft = r.g.uc
	ch := rune(n)
	switch {
	case utf16.IsSurrogate(ch) && ch < 0xDC00:
		r.highSur = ch
		return
	case utf16.IsSurrogate(ch) && r.highSur != 0:
		ch = utf16.DecodeRune(r.highSur, ch)
	}
	r.highSur = 0
	r.emit(string(ch))
}

func (r *rtfReader) emit(s string) {
	if !r.g.skip && !r.g.hidden {
		r.writeText(s)
	}
}

func (r *rtfReader) writeText(s string) {
	r.line.WriteString(s)
	if r.line.Len() > r.out.max { // one endless paragraph must not grow past the text cap
		r.out.WriteString(r.line.String())
		r.line.Reset()
	}
}

// flushBytes decodes the pending code-page bytes.
func (r *rtfReader) flushBytes() {
	if len(r.pending) == 0 {
		return
	}
	b := r.pending
	r.pending = r.pending[:0]
	dec := codepageEncoding(r.g.codepage)
	if dec == nil {
		dec = charmap.Windows1252
	}
	s, err := dec.NewDecoder().Bytes(b)
	if err != nil {
		s = []byte(strings.ToValidUTF8(string(b), "\uFFFD"))
	}
	r.writeText(string(s))
}

// codepageOf returns the code page of a font, falling back to the document's.
func (r *rtfReader) codepageOf(font int) int {
	if cp := r.fonts[font]; cp != 0 {
		return cp
	}
	return r.docCP
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// charsetCodepage maps an RTF \fcharset to a Windows code page (0: use the document's).
func charsetCodepage(cs int) int {
	switch cs {
	case 77:
		return 10000
	case 128:
		return 932
	case 129:
		return 949
	case 134:
		return 936
	case 136:
		return 950
	case 161:
		return 1253
	case 162:
		return 1254
	case 163:
		return 1258
	case 177:
		return 1255
	case 178:
		return 1256
	case 186:
		return 1257
	case 204:
		return 1251
	case 222:
		return 874
	case 238:
		return 1250
	case 255:
		return 437
	}
	return 0
}

// codepageEncoding returns the decoder for a Windows code page number, or nil when unknown.
func codepageEncoding(cp int) encoding.Encoding {
	switch cp {
	case 437:
		return charmap.CodePage437
	case 850:
		return charmap.CodePage850
	case 874:
		return charmap.Windows874
	case 932:
		return japanese.ShiftJIS
	case 936:
		return simplifiedchinese.GBK
	case 949:
		return korean.EUCKR
	case 950:
		return traditionalchinese.Big5
	case 1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258:
		return []encoding.Encoding{charmap.Windows1250, charmap.Windows1251, charmap.Windows1252,
			charmap.Windows1253, charmap.Windows1254, charmap.Windows1255, charmap.Windows1256,
			charmap.Windows1257, charmap.Windows1258}[cp-1250]
	case 10000:
		return charmap.Macintosh
	}
	return nil
}
