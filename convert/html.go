package convert

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTMLToText renders an HTML document (a mail body or an .html attachment) as plain text for
// extraction. It reads tokens, not a DOM, so its cost is linear in the input and hostile
// nesting cannot blow up memory.
//
// The rendering keeps the line structure a reader sees:
//   - block elements (p, div, h1..h6, li, blockquote, ...) start a new line and <br> ends one,
//     so Outlook's one-paragraph-per-line mail keeps its lines and its empty spacer paragraphs;
//   - a table row with several non-empty cells becomes one line with the cells separated by a
//     single TAB ("Deadline:\t31 March 2026"), the text inside a cell joined by spaces; a row
//     with one cell, or one holding a nested table, is a layout box and keeps its lines;
//   - list items start with "- ", indented two spaces per nesting level;
//   - blockquote lines are prefixed with "> " per level, like a quoted plain-text reply;
//   - whitespace within a line collapses to one space (&nbsp; included), pre keeps its own;
//   - script, style, head, title and template content is dropped, as are tags and comments.
//
// Nesting that only hostile input reaches is flattened: tables deeper than maxTableDepth
// render as plain blocks, quote and list prefixes stop growing after maxPrefixDepth. The
// result goes through cleanText like every other reader's output.
func HTMLToText(src string) string {
	r := newHTMLRenderer()
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return cleanText(r.finish())
		case html.TextToken:
			r.text(string(z.Text()))
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			r.start(atom.Lookup(name), tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			name, _ := z.TagName()
			r.end(atom.Lookup(name))
		}
	}
}

const (
	maxTableDepth  = 32 // deeper tables render as plain blocks: row buffering stays linear
	maxPrefixDepth = 8  // quote and list prefixes stop growing here: output stays linear
)

// htmlRenderer turns a token stream into text. Text goes to out: the document block or the
// cell being filled. Open tables sit on a stack; each renders its rows into its parent
// block when a row ends.
type htmlRenderer struct {
	root   *htmlBlock
	out    *htmlBlock
	tables []*htmlTable
	flat   int // open tables past maxTableDepth, rendered as plain blocks
	skip   int // open script/style/title/template elements
	inHead bool
	pre    int
	lists  int
	quote  int
}

func newHTMLRenderer() *htmlRenderer {
	root := &htmlBlock{}
	r := &htmlRenderer{root: root, out: root}
	root.r = r
	return r
}

// htmlSkipped reports the elements whose content is not text a reader sees.
func htmlSkipped(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Title, atom.Template, atom.Noscript, atom.Svg,
		atom.Object:
		return true
	}
	return false
}

// htmlInHead reports the elements that may stay in <head>; any other start tag, like any
// visible text, ends the head as it does in a browser (mail often omits </head>).
func htmlInHead(a atom.Atom) bool {
	switch a {
	case atom.Meta, atom.Link, atom.Base, atom.Style, atom.Script, atom.Title, atom.Noscript,
		atom.Template, 0:
		return true
	}
	return false
}

// htmlBlockLevel reports the elements that start and end a line.
func htmlBlockLevel(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Caption, atom.Center, atom.Dd,
		atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Dt, atom.Fieldset,
		atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3,
		atom.H4, atom.H5, atom.H6, atom.Header, atom.Hgroup, atom.Hr, atom.Li, atom.Main,
		atom.Menu, atom.Nav, atom.P, atom.Section, atom.Summary, atom.Body, atom.Html:
		return true
	}
	return false
}

func (r *htmlRenderer) start(a atom.Atom, selfClosing bool) {
	if r.inHead && !htmlInHead(a) {
		r.inHead = false
	}
	switch {
	case htmlSkipped(a):
		if !selfClosing {
			r.skip++
		}
	case a == atom.Head:
		r.inHead = !selfClosing
	case a == atom.Body:
		r.inHead = false
		r.out.softBreak()
	case a == atom.Br:
		r.out.hardBreak()
	case a == atom.Pre:
		r.out.softBreak()
		r.pre++
	case a == atom.Blockquote:
		r.out.softBreak()
		r.quote++
	case a == atom.Ul || a == atom.Ol:
		r.out.softBreak()
		r.lists++
	case a == atom.Li:
		r.out.softBreak()
		depth := min(max(r.lists, 1), maxPrefixDepth)
		r.out.raw(strings.Repeat("  ", depth-1) + "- ")
	case a == atom.Table:
		r.openTable()
	case a == atom.Tr:
		if t := r.table(); t != nil {
			r.out = t.closeRow() // a new row ends the one before (</tr> is optional)
		} else {
			r.out.softBreak()
		}
	case a == atom.Td || a == atom.Th:
		if t := r.table(); t != nil {
			r.out = t.openCell()
		} else {
			r.out.space = true
		}
	case htmlBlockLevel(a):
		r.out.softBreak()
	}
}

func (r *htmlRenderer) end(a atom.Atom) {
	switch {
	case htmlSkipped(a):
		r.skip = max(r.skip-1, 0)
	case a == atom.Head:
		r.inHead = false
	case a == atom.Pre:
		r.out.softBreak()
		r.pre = max(r.pre-1, 0)
	case a == atom.Blockquote:
		r.out.softBreak()
		r.quote = max(r.quote-1, 0)
	case a == atom.Ul || a == atom.Ol:
		r.out.softBreak()
		r.lists = max(r.lists-1, 0)
	case a == atom.Table:
		r.closeTable()
	case a == atom.Tr:
		if t := r.table(); t != nil {
			r.out = t.closeRow()
		} else {
			r.out.softBreak()
		}
	case a == atom.Td || a == atom.Th:
		if t := r.table(); t != nil {
			r.out = t.parent
		}
	case htmlBlockLevel(a):
		r.out.softBreak()
	}
}

func (r *htmlRenderer) text(s string) {
	if r.skip > 0 {
		return
	}
	if r.inHead {
		if strings.TrimSpace(s) == "" {
			return
		}
		r.inHead = false
	}
	if r.pre > 0 {
		r.out.preText(s)
		return
	}
	r.out.text(s)
}

// table returns the innermost open table that renders as a table, or nil when none is open
// or the innermost one is flattened.
func (r *htmlRenderer) table() *htmlTable {
	if r.flat > 0 || len(r.tables) == 0 {
		return nil
	}
	return r.tables[len(r.tables)-1]
}

func (r *htmlRenderer) openTable() {
	r.out.softBreak()
	if r.flat > 0 || len(r.tables) >= maxTableDepth {
		r.flat++
		return
	}
	r.out.hasTable = true
	r.tables = append(r.tables, &htmlTable{parent: r.out})
}

func (r *htmlRenderer) closeTable() {
	switch {
	case r.flat > 0:
		r.flat--
	case len(r.tables) > 0:
		t := r.tables[len(r.tables)-1]
		r.tables = r.tables[:len(r.tables)-1]
		r.out = t.closeRow()
	}
	r.out.softBreak()
}

// finish closes whatever the document left open and returns the text.
func (r *htmlRenderer) finish() string {
	r.flat = 0
	for len(r.tables) > 0 {
		r.closeTable()
	}
	r.root.softBreak()
	return r.root.b.String()
}

// quotePrefix is what starts every line written at the document level (not inside a cell).
func (r *htmlRenderer) quotePrefix() string {
	return strings.Repeat("> ", min(r.quote, maxPrefixDepth))
}

// htmlTable buffers the cells of the open row; a row is rendered when it ends. Text
// between cells (invalid, but written) goes to the parent block.
type htmlTable struct {
	parent *htmlBlock
	cells  []*htmlBlock
}

// openCell starts a cell (ending the one before, </td> being optional) and returns it.
func (t *htmlTable) openCell() *htmlBlock {
	c := &htmlBlock{r: t.parent.r, cell: true}
	t.cells = append(t.cells, c)
	return c
}

// closeRow renders the open row into the parent block and returns the parent.
func (t *htmlTable) closeRow() *htmlBlock {
	cells := t.cells
	t.cells = nil
	layout := len(cells) == 1
	var texts []string
	for _, c := range cells {
		c.softBreak()
		layout = layout || c.hasTable
		if s := c.b.String(); strings.TrimSpace(s) != "" {
			texts = append(texts, s)
		}
	}
	if len(texts) == 0 {
		return t.parent
	}
	t.parent.softBreak()
	if layout {
		for _, s := range texts {
			t.parent.lines(s)
		}
		return t.parent
	}
	for i, s := range texts {
		texts[i] = strings.Join(strings.Fields(s), " ")
	}
	t.parent.lines(strings.Join(texts, "\t"))
	return t.parent
}

// htmlBlock accumulates finished lines in b and the line being written in line.
type htmlBlock struct {
	r        *htmlRenderer
	cell     bool // a table cell: its lines are joined when the row renders
	hasTable bool // holds a nested table, so its row is a layout row
	b        strings.Builder
	line     strings.Builder
	space    bool // a collapsed space is pending before the next word
	started  bool // the line has content, even if only &nbsp;
}

// text appends s with HTML whitespace collapsing; &nbsp; counts as content (an Outlook
// spacer paragraph is an empty line) but renders as a plain space.
func (b *htmlBlock) text(s string) {
	for _, c := range s {
		switch c {
		case ' ', '\t', '\n', '\r', '\f':
			b.space = true
		case '\u00a0':
			b.space, b.started = true, true
		default:
			if b.space && b.line.Len() > 0 && !strings.HasSuffix(b.line.String(), " ") {
				b.line.WriteByte(' ')
			}
			b.space, b.started = false, true
			b.line.WriteRune(c)
		}
	}
}

// preText appends s keeping its spaces and line breaks.
func (b *htmlBlock) preText(s string) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for i, part := range strings.Split(s, "\n") {
		if i > 0 {
			b.hardBreak()
		}
		b.line.WriteString(part)
		b.started = b.started || part != ""
	}
}

// raw appends s as is (a list marker) without starting a collapsed space.
func (b *htmlBlock) raw(s string) {
	b.line.WriteString(s)
	b.space = false
}

// softBreak ends the line if it has content: consecutive block boundaries make one break.
func (b *htmlBlock) softBreak() {
	if b.started || strings.TrimSpace(b.line.String()) != "" {
		b.commit()
	}
	b.line.Reset()
	b.space = false
}

// hardBreak ends the line even when empty, as <br> does.
func (b *htmlBlock) hardBreak() { b.commit() }

// lines writes each line of s as a finished line of b.
func (b *htmlBlock) lines(s string) {
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		b.line.WriteString(l)
		b.commit()
	}
}

func (b *htmlBlock) commit() {
	if !b.cell {
		b.b.WriteString(b.r.quotePrefix())
	}
	b.b.WriteString(strings.TrimRight(b.line.String(), " "))
	b.b.WriteByte('\n')
	b.line.Reset()
	b.space, b.started = false, false
}
