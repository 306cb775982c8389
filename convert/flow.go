package convert

import "strings"

// flow turns the paragraph and table events of a word-processing document into text lines,
// the same way for DOCX, PPTX and ODF: a paragraph is a line; a table row is one line with its
// cells separated by TAB, so "Deadline:<TAB>31 March 2026" survives; the paragraphs of one
// cell are joined by a space. A merged cell is written once (no padding), and the empty
// continuation cells of a vertical merge stay empty, which keeps each label beside its value.
type flow struct {
	out    *textBuf
	paras  []*strings.Builder // open paragraphs, innermost last
	tables []*tableState      // open tables, innermost last
}

type tableState struct {
	row      []string // finished cells of the open row
	cell     []string // paragraphs of the open cell
	inCell   bool
	paraBase int // open paragraphs when the cell opened (a text box can hold a table)
}

func newFlow(out *textBuf) *flow { return &flow{out: out} }

func (f *flow) openPara() { f.paras = append(f.paras, &strings.Builder{}) }

// text appends to the innermost open paragraph; text outside any paragraph is layout noise.
func (f *flow) text(s string) {
	if n := len(f.paras); n > 0 {
		f.paras[n-1].WriteString(s)
	}
}

func (f *flow) closePara() {
	n := len(f.paras)
	if n == 0 {
		return
	}
	s := f.paras[n-1].String()
	f.paras = f.paras[:n-1]
	f.emit(s)
}

// emit hands a finished line to the innermost open cell, or to the output.
func (f *flow) emit(s string) {
	if n := len(f.tables); n > 0 && f.tables[n-1].inCell {
		f.tables[n-1].cell = append(f.tables[n-1].cell, s)
		return
	}
	f.out.line(s)
}

func (f *flow) openTable() { f.tables = append(f.tables, &tableState{}) }

func (f *flow) closeTable() {
	if n := len(f.tables); n > 0 {
		f.closeRow()
		f.tables = f.tables[:n-1]
	}
}

func (f *flow) openRow() {
	if t := f.table(); t != nil {
		t.row = t.row[:0]
	}
}

// closeRow writes the row; a row nested in an outer cell becomes part of that cell's text.
func (f *flow) closeRow() {
	t := f.table()
	if t == nil {
		return
	}
	f.closeCell()
	if len(t.row) == 0 {
		return
	}
	line := strings.Join(t.row, "\t")
	t.row = t.row[:0]
	f.tables = f.tables[:len(f.tables)-1] // the row belongs to the enclosing context
	f.emit(line)
	f.tables = append(f.tables, t)
}

func (f *flow) openCell() {
	if t := f.table(); t != nil {
		f.closeCell()
		t.inCell, t.cell, t.paraBase = true, t.cell[:0], len(f.paras)
	}
}

func (f *flow) closeCell() {
	t := f.table()
	if t == nil || !t.inCell {
		return
	}
	for len(f.paras) > t.paraBase { // a cell closes the paragraphs a broken file left open in it
		f.closePara()
	}
	parts := t.cell[:0:0]
	for _, p := range t.cell {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			parts = append(parts, p)
		}
	}
	t.row = append(t.row, strings.Join(parts, " "))
	t.inCell, t.cell = false, t.cell[:0]
}

// emptyCell adds a cell with no text (a covered cell of a vertical merge).
func (f *flow) emptyCell() {
	if t := f.table(); t != nil {
		f.closeCell()
		t.row = append(t.row, "")
	}
}

func (f *flow) table() *tableState {
	if n := len(f.tables); n > 0 {
		return f.tables[n-1]
	}
	return nil
}

// finish flushes whatever a truncated document left open.
func (f *flow) finish() {
	for len(f.tables) > 0 || len(f.paras) > 0 {
		if len(f.paras) > 0 {
			f.closePara()
			continue
		}
		f.closeTable()
	}
}
