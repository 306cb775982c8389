package convert

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"strconv"
)

// operand is one operand of a content-stream operator: a number, a string (literal or hex,
// as raw bytes), a name, an array, or something text extraction ignores (booleans, null,
// dictionaries).
type operand struct {
	kind byte // 'n' number, 's' string, 'N' name, 'a' array, 'o' other
	num  float64
	str  string
	arr  []operand
}

// Bounds of the content lexer: a hostile stream must not pile up operands or nest forever.
const (
	maxStringLen  = 1 << 20 // longer strings are cut (an unterminated one runs to the end)
	maxArrayLen   = 1 << 17
	maxLexDepth   = 32
	lexCheckEvery = 1 << 14 // tokens between cancellation checks
)

// contentLexer tokenizes PDF content streams and CMaps. It replaces the library's Interpret,
// which spins forever on a hex string left open at the end of a stream and keeps every operand
// of an operator-less stream in memory; this one stops at the end of the data, keeps at most
// maxOperands operands, skips inline images, and checks ctx as it goes.
type contentLexer struct {
	ctx         context.Context
	r           *bufio.Reader
	maxOperands int
	tokens      int
	err         error // first read error other than EOF
}

func newContentLexer(ctx context.Context, r io.Reader, maxOperands int) *contentLexer {
	return &contentLexer{ctx: ctx, r: bufio.NewReaderSize(r, 32<<10), maxOperands: maxOperands}
}

// next returns the next operator and its operands (valid until the following call); ok is
// false at the end of the stream.
func (l *contentLexer) next(args []operand) (op string, operands []operand, ok bool) {
	args = args[:0]
	for {
		if l.tokens++; l.tokens%lexCheckEvery == 0 && l.ctx.Err() != nil {
			panic(errAborted{l.ctx.Err()})
		}
		c, err := l.skipSpace()
		if err != nil {
			return "", args, false
		}
		if isRegular(c) && !isNumberStart(c) {
			word := l.keyword(c)
			switch word {
			case "true", "false", "null":
				args = l.push(args, operand{kind: 'o'})
				continue
			case "BI":
				l.skipInlineImage()
				args = args[:0]
				continue
			}
			return word, args, true
		}
		v, isValue := l.value(c, 0)
		if isValue {
			args = l.push(args, v)
		}
	}
}

// push appends an operand, dropping the oldest beyond maxOperands (no operator takes more).
func (l *contentLexer) push(args []operand, v operand) []operand {
	if len(args) >= l.maxOperands {
		copy(args, args[1:])
		args = args[:len(args)-1]
	}
	return append(args, v)
}

// value reads the operand starting with c; false for stray delimiters.
func (l *contentLexer) value(c byte, depth int) (operand, bool) {
	switch {
	case isNumberStart(c):
		return operand{kind: 'n', num: l.number(c)}, true
	case c == '(':
		return operand{kind: 's', str: l.literal()}, true
	case c == '/':
		return operand{kind: 'N', str: l.name()}, true
	case c == '[':
		return operand{kind: 'a', arr: l.array(depth)}, true
	case c == '<':
		if n, err := l.r.Peek(1); err == nil && n[0] == '<' {
			l.r.ReadByte()
			l.dict(depth)
			return operand{kind: 'o'}, true
		}
		return operand{kind: 's', str: l.hex()}, true
	}
	return operand{}, false // ')', ']', '>', '{', '}' out of place
}

// skipSpace skips white space and comments and returns the next byte.
func (l *contentLexer) skipSpace() (byte, error) {
	for {
		c, err := l.r.ReadByte()
		if err != nil {
			if err != io.EOF && l.err == nil {
				l.err = err
			}
			return 0, err
		}
		switch {
		case isPDFSpace(c):
		case c == '%':
			for c != '\n' && c != '\r' && err == nil {
				c, err = l.r.ReadByte()
			}
		default:
			return c, nil
		}
	}
}

// keyword reads a run of regular characters starting with c.
func (l *contentLexer) keyword(c byte) string {
	buf := []byte{c}
	for len(buf) < 64 {
		b, err := l.r.ReadByte()
		if err != nil {
			break
		}
		if !isRegular(b) {
			l.r.UnreadByte()
			break
		}
		buf = append(buf, b)
	}
	return string(buf)
}

func (l *contentLexer) number(c byte) float64 {
	word := l.keyword(c)
	v, err := strconv.ParseFloat(word, 64)
	if err != nil {
		v = lenientNumber(word)
	}
	return v
}

// lenientNumber reads numbers producers get wrong ("--5", "1.2.3", "5-"): the longest valid
// prefix after extra signs, as poppler does.
func lenientNumber(s string) float64 {
	neg := false
	for len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		neg = neg || s[0] == '-'
		s = s[1:]
	}
	for i := len(s); i > 0; i-- {
		if v, err := strconv.ParseFloat(s[:i], 64); err == nil {
			if neg {
				return -v
			}
			return v
		}
	}
	return 0
}

// literal reads a (string) with nesting and escapes; the end of data ends it too.
func (l *contentLexer) literal() string {
	var buf []byte
	depth := 1
	for {
		c, err := l.r.ReadByte()
		if err != nil {
			return string(buf)
		}
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return string(buf)
			}
		case '\\':
			buf = l.escape(buf)
			continue
		}
		if len(buf) < maxStringLen {
			buf = append(buf, c)
		}
	}
}

func (l *contentLexer) escape(buf []byte) []byte {
	c, err := l.r.ReadByte()
	if err != nil {
		return buf
	}
	switch c {
	case 'n':
		return append(buf, '\n')
	case 'r':
		return append(buf, '\r')
	case 't':
		return append(buf, '\t')
	case 'b':
		return append(buf, '\b')
	case 'f':
		return append(buf, '\f')
	case '\r':
		if n, err := l.r.Peek(1); err == nil && n[0] == '\n' {
			l.r.ReadByte()
		}
		return buf
	case '\n':
		return buf
	}
	if c < '0' || c > '7' {
		return append(buf, c) // \( \) \\ and unknown escapes keep the character
	}
	v := int(c - '0')
	for i := 0; i < 2; i++ {
		n, err := l.r.Peek(1)
		if err != nil || n[0] < '0' || n[0] > '7' {
			break
		}
		l.r.ReadByte()
		v = v*8 + int(n[0]-'0')
	}
	return append(buf, byte(v))
}

// hex reads a <hex string>; white space is ignored, an odd last digit counts as followed by
// 0, and the end of data ends the string.
func (l *contentLexer) hex() string {
	var buf []byte
	hi, half := 0, false
	for {
		c, err := l.r.ReadByte()
		if err != nil || c == '>' {
			break
		}
		v := unhexDigit(c)
		if v < 0 {
			continue
		}
		if half && len(buf) < maxStringLen {
			buf = append(buf, byte(hi<<4|v))
		} else if !half {
			hi = v
		}
		half = !half
	}
	if half {
		buf = append(buf, byte(hi<<4))
	}
	return string(buf)
}

func unhexDigit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// name reads a /Name with #xx escapes.
func (l *contentLexer) name() string {
	var buf []byte
	for len(buf) < 256 {
		c, err := l.r.ReadByte()
		if err != nil {
			break
		}
		if !isRegular(c) {
			l.r.UnreadByte()
			break
		}
		if c == '#' {
			if h, err := l.r.Peek(2); err == nil && unhexDigit(h[0]) >= 0 && unhexDigit(h[1]) >= 0 {
				l.r.Discard(2)
				c = byte(unhexDigit(h[0])<<4 | unhexDigit(h[1]))
			}
		}
		buf = append(buf, c)
	}
	return string(buf)
}

// array reads the elements of [ ... ] up to the closing bracket or the end of data.
func (l *contentLexer) array(depth int) []operand {
	var out []operand
	for {
		c, err := l.skipSpace()
		if err != nil || c == ']' {
			return out
		}
		if depth >= maxLexDepth {
			continue
		}
		if isRegular(c) && !isNumberStart(c) {
			l.keyword(c) // operators have no place in arrays; true/false/null are ignored
			continue
		}
		if v, ok := l.value(c, depth+1); ok && len(out) < maxArrayLen {
			out = append(out, v)
		}
	}
}

// dict consumes << ... >> (marked-content properties, inline image parameters).
func (l *contentLexer) dict(depth int) {
	for {
		c, err := l.skipSpace()
		if err != nil {
			return
		}
		if c == '>' {
			if n, err := l.r.Peek(1); err == nil && n[0] == '>' {
				l.r.ReadByte()
			}
			return
		}
		if depth >= maxLexDepth {
			continue
		}
		if isRegular(c) && !isNumberStart(c) {
			l.keyword(c)
			continue
		}
		l.value(c, depth+1)
	}
}

// skipInlineImage skips "BI <params> ID <data> EI": the data is binary and ends at white
// space, "EI", and white space or the end of the stream.
func (l *contentLexer) skipInlineImage() {
	for { // parameters up to the ID operator
		c, err := l.skipSpace()
		if err != nil {
			return
		}
		if isRegular(c) && !isNumberStart(c) {
			if l.keyword(c) == "ID" {
				break
			}
			continue
		}
		l.value(c, 0)
	}
	var window [4]byte
	for {
		c, err := l.r.ReadByte()
		if err != nil {
			return
		}
		copy(window[:], window[1:])
		window[3] = c
		if isPDFSpace(window[0]) && window[1] == 'E' && window[2] == 'I' && (isPDFSpace(window[3]) || window[3] == '%') {
			return
		}
		if n, _ := l.r.Peek(1); len(n) == 0 && isPDFSpace(window[1]) && window[2] == 'E' && window[3] == 'I' {
			return
		}
	}
}

func isPDFSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelimiter(c byte) bool {
	return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}

func isRegular(c byte) bool { return !isPDFSpace(c) && !isDelimiter(c) }

func isNumberStart(c byte) bool {
	return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.'
}
