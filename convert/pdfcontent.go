package convert

import (
	"context"
	"io"
	"math"
	"strings"

	"github.com/ledongthuc/pdf"
)

// affine is a PDF transformation matrix [a b c d e f]; points are row vectors (x y 1) × M.
type affine [6]float64

var identity = affine{1, 0, 0, 1, 0, 0}

// mul returns m × n: apply m, then n.
func (m affine) mul(n affine) affine {
	return affine{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func translate(tx, ty float64) affine { return affine{1, 0, 0, 1, tx, ty} }

// textState is the part of the graphics state that text showing reads (PDF 32000 9.3).
type textState struct {
	charSpace, wordSpace, scale, leading, size, rise float64
	font                                             *pdfFont
}

type gstate struct {
	ctm  affine
	text textState
}

// span is one shown string placed on the page, in a frame rotated so that its baseline runs
// left to right (y grows upwards).
type span struct {
	x0, x1, y float64
	size      float64
	rot       int // 0, 1, 2, 3: baseline at 0°, 90°, 180°, 270°
	text      string
}

// Bounds on what one page may make the interpreter do.
const (
	maxFormDepth  = 8    // nested form XObjects
	maxFormDraws  = 2000 // form XObjects drawn per page
	maxStateDepth = 1000 // q without Q
	maxPageSpans  = 1 << 20
)

// pageInterp runs the content stream of one page and collects its spans.
type pageInterp struct {
	ctx     context.Context
	fonts   *fontCache
	spans   []span
	g       gstate
	stack   []gstate
	tm      affine // text matrix
	tlm     affine // text line matrix
	draws   int
	capped  bool  // a form XObject was skipped for the limits
	damaged error // a content stream ended in a read error (text up to it is kept)
}

// errAborted stops a page's interpretation from inside the library callback.
type errAborted struct{ err error }

// run interprets one content stream (a page's or a form's) starting from state g.
func (p *pageInterp) run(content, resources pdf.Value, g gstate, depth int) {
	fonts := map[string]*pdfFont{}
	p.g = g
	lex := newContentLexer(p.ctx, streamReader(content), maxOperands)
	var args []operand
	for {
		op, operands, ok := lex.next(args)
		if !ok {
			break
		}
		args = operands
		switch {
		case op == "Tf" && len(args) == 2:
			name := args[0].str
			if _, ok := fonts[name]; !ok {
				fonts[name] = p.fonts.get(resources.Key("Font").Key(name))
			}
			p.g.text.font, p.g.text.size = fonts[name], args[1].num
		case op == "Do" && len(args) == 1:
			p.form(resources.Key("XObject").Key(args[0].str), resources, depth)
		default:
			p.op(op, args)
		}
	}
	if lex.err != nil {
		p.damaged = lex.err
	}
}

// maxOperands is the most operands kept for one operator (none takes more than six).
const maxOperands = 64

// streamReader reads a content stream, or the streams of an array one after the other.
func streamReader(v pdf.Value) io.Reader {
	if v.Kind() != pdf.Array {
		return v.Reader()
	}
	var parts []io.Reader
	for i := 0; i < v.Len(); i++ {
		parts = append(parts, v.Index(i).Reader(), strings.NewReader("\n"))
	}
	return io.MultiReader(parts...)
}

// op applies one graphics or text operator.
func (p *pageInterp) op(op string, args []operand) {
	ts := &p.g.text
	switch op {
	case "q":
		if len(p.stack) < maxStateDepth {
			p.stack = append(p.stack, p.g)
		}
	case "Q":
		if n := len(p.stack); n > 0 {
			p.g, p.stack = p.stack[n-1], p.stack[:n-1]
		}
	case "cm":
		if m, ok := matrixArgs(args); ok {
			p.g.ctm = m.mul(p.g.ctm)
		}
	case "BT":
		p.tm, p.tlm = identity, identity
	case "Tc", "Tw", "Tz", "TL", "Ts":
		if len(args) == 1 {
			setTextParam(ts, op, args[0].num)
		}
	case "Td", "TD":
		if len(args) == 2 {
			if op == "TD" {
				ts.leading = -args[1].num
			}
			p.newLine(args[0].num, args[1].num)
		}
	case "Tm":
		if m, ok := matrixArgs(args); ok {
			p.tm, p.tlm = m, m
		}
	case "T*":
		p.newLine(0, -ts.leading)
	default:
		p.showOp(op, args)
	}
}

// showOp handles the text-showing operators Tj, TJ, ' and ".
func (p *pageInterp) showOp(op string, args []operand) {
	ts := &p.g.text
	switch {
	case op == "Tj" && len(args) == 1:
		p.show(args[0].str)
	case op == "'" && len(args) == 1:
		p.newLine(0, -ts.leading)
		p.show(args[0].str)
	case op == "\"" && len(args) == 3:
		ts.wordSpace, ts.charSpace = args[0].num, args[1].num
		p.newLine(0, -ts.leading)
		p.show(args[2].str)
	case op == "TJ" && len(args) == 1:
		for _, el := range args[0].arr {
			switch el.kind {
			case 's':
				p.show(el.str)
			case 'n':
				p.tm = translate(-el.num/1000*ts.size*ts.scale, 0).mul(p.tm)
			}
		}
	}
}

func setTextParam(ts *textState, op string, v float64) {
	switch op {
	case "Tc":
		ts.charSpace = v
	case "Tw":
		ts.wordSpace = v
	case "Tz":
		ts.scale = v / 100
	case "TL":
		ts.leading = v
	case "Ts":
		ts.rise = v
	}
}

func (p *pageInterp) newLine(tx, ty float64) {
	p.tlm = translate(tx, ty).mul(p.tlm)
	p.tm = p.tlm
}

// show places one string: its start is the text origin mapped to the page, its end is that
// origin advanced by the string's width along the baseline (PDF 32000 9.4.4).
func (p *pageInterp) show(raw string) {
	ts := &p.g.text
	font := ts.font
	if font == nil {
		font = p.fonts.fallback()
	}
	text, adv := font.decode(raw, ts)
	m := p.tm.mul(p.g.ctm)
	origin := translate(0, ts.rise).mul(m)
	x, y := origin[4], origin[5]
	dx, dy := adv*m[0], adv*m[1]
	size := ts.size * math.Hypot(m[2], m[3])
	p.tm = translate(adv, 0).mul(p.tm)
	if text == "" || len(p.spans) >= maxPageSpans {
		return
	}
	p.spans = append(p.spans, placeSpan(x, y, dx, dy, size, text))
}

// placeSpan rotates a span into the frame of its baseline direction, so that lines can be
// built the same way for upright and rotated text.
func placeSpan(x, y, dx, dy, size float64, text string) span {
	// rx runs along the baseline, ry across it, pointing "up" for the reader.
	rot, rx, ry := 0, x, y
	switch {
	case math.Abs(dx) >= math.Abs(dy) && dx < 0:
		rot, rx, ry = 2, -x, -y
	case math.Abs(dy) > math.Abs(dx) && dy > 0:
		rot, rx, ry = 1, y, -x
	case math.Abs(dy) > math.Abs(dx):
		rot, rx, ry = 3, -y, x
	}
	return span{x0: rx, x1: rx + math.Hypot(dx, dy), y: ry, size: math.Abs(size), rot: rot, text: text}
}

// form draws a form XObject: its content with its own resources (or the page's) and matrix.
func (p *pageInterp) form(xobj, resources pdf.Value, depth int) {
	if xobj.Key("Subtype").Name() != "Form" {
		return
	}
	if depth >= maxFormDepth || p.draws >= maxFormDraws {
		p.capped = true
		return
	}
	p.draws++
	res := xobj.Key("Resources")
	if res.Kind() != pdf.Dict {
		res = resources
	}
	g := p.g
	if m, ok := matrixArgs(numbers(xobj.Key("Matrix"))); ok {
		g.ctm = m.mul(g.ctm)
	}
	saved, savedStack, tm, tlm := p.g, p.stack, p.tm, p.tlm
	p.stack = nil
	p.run(xobj, res, g, depth+1)
	p.g, p.stack, p.tm, p.tlm = saved, savedStack, tm, tlm
}

// numbers returns the elements of a small PDF array as number operands.
func numbers(v pdf.Value) []operand {
	out := make([]operand, min(v.Len(), 16))
	for i := range out {
		out[i] = operand{kind: 'n', num: v.Index(i).Float64()}
	}
	return out
}

func matrixArgs(args []operand) (affine, bool) {
	if len(args) != 6 {
		return affine{}, false
	}
	var m affine
	for i, a := range args {
		m[i] = a.num
	}
	return m, true
}

// fontCache shares parsed fonts between pages. Fonts are keyed by the text of their
// dictionary: the library has no object identity, and equal dictionaries are equal fonts.
type fontCache struct {
	ctx    context.Context
	byDict map[string]*pdfFont
	dflt   *pdfFont
}

func newFontCache(ctx context.Context) *fontCache {
	return &fontCache{ctx: ctx, byDict: map[string]*pdfFont{}}
}

func (c *fontCache) get(v pdf.Value) *pdfFont {
	key := v.String()
	if f, ok := c.byDict[key]; ok {
		return f
	}
	f := loadFont(c.ctx, v)
	c.byDict[key] = f
	return f
}

// fallback is used when text is shown before any Tf: Latin-1 codes, average widths.
func (c *fontCache) fallback() *pdfFont {
	if c.dflt == nil {
		c.dflt = loadFont(c.ctx, pdf.Value{})
	}
	return c.dflt
}
