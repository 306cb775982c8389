package convert

import (
	"context"
	"encoding/xml"
	"strconv"
	"strings"
)

// odfSkip lists ODF elements whose subtrees are not document text: notes and comments (they
// would land in the middle of a sentence), tracked deletions, image titles, speaker notes.
var odfSkip = map[string]bool{
	"note": true, "annotation": true, "tracked-changes": true, "title": true, "desc": true,
	"notes": true, "sequence-decls": true, "forms": true, "event-listeners": true,
}

// maxRepeat bounds table:number-columns/rows-repeated, which spreadsheets set to thousands.
const maxRepeat = 32

// readODF reads content.xml of an OpenDocument text, spreadsheet or presentation.
func readODF(ctx context.Context, data []byte, lim Limits, out *textBuf) error {
	z, err := openZip(data, lim)
	if err != nil {
		return err
	}
	return z.walkPart(ctx, "content.xml", func(w *xmlWalk) error { return odfFlow(w, newFlow(out)) })
}

// odfState carries what one ODF element changes for the elements after it.
type odfState struct {
	f        *flow
	spanLeft int // covered cells still belonging to the last horizontally spanned cell
	repeat   []int
}

func odfFlow(w *xmlWalk, f *flow) error {
	defer f.finish()
	st := &odfState{f: f}
	return w.each(f.out.full, func(tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			if odfSkip[t.Name.Local] {
				return w.skip()
			}
			st.start(t)
		case xml.EndElement:
			st.end(t.Name.Local)
		case xml.CharData:
			f.text(collapseSpace(string(t)))
		}
		return nil
	})
}

func (st *odfState) start(t xml.StartElement) {
	f := st.f
	switch t.Name.Local {
	case "p", "h":
		f.openPara()
	case "s":
		f.text(strings.Repeat(" ", boundedCount(attr(t, "c"), 1, 100)))
	case "tab":
		f.text("\t")
	case "line-break":
		f.text("\n")
	case "table":
		f.openTable()
	case "table-row":
		f.openRow()
	case "table-cell":
		f.openCell()
		st.spanLeft = boundedCount(attr(t, "number-columns-spanned"), 1, maxColumnPad) - 1
		st.repeat = append(st.repeat, boundedCount(attr(t, "number-columns-repeated"), 1, maxRepeat))
	case "covered-table-cell":
		if st.spanLeft > 0 { // part of a horizontal merge: the text was written once
			st.spanLeft--
		} else { // below a vertical merge: an empty cell keeps the columns
			f.emptyCell()
		}
	}
}

func (st *odfState) end(local string) {
	f := st.f
	switch local {
	case "p", "h":
		f.closePara()
	case "table":
		f.closeTable()
		f.out.line("")
	case "table-row":
		f.closeRow()
	case "table-cell":
		f.closeCell()
		st.repeatCell()
	case "page": // draw:page, a slide
		f.out.line("")
	}
}

// repeatCell copies the cell just closed as often as number-columns-repeated asks (bounded).
func (st *odfState) repeatCell() {
	n := len(st.repeat)
	if n == 0 {
		return
	}
	rep := st.repeat[n-1]
	st.repeat = st.repeat[:n-1]
	t := st.f.table()
	if t == nil || len(t.row) == 0 {
		return
	}
	last := t.row[len(t.row)-1]
	for i := 1; i < rep; i++ {
		t.row = append(t.row, last)
	}
}

// boundedCount parses a count attribute, defaulting to def and capping at max.
func boundedCount(s string, def, max int) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return def
	}
	return min(n, max)
}

// collapseSpace applies the ODF white-space rule: runs of space, TAB, CR, LF are one space.
func collapseSpace(s string) string {
	if !strings.ContainsAny(s, "\t\r\n") && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	prevSpace := false
	for _, r := range s {
		space := r == ' ' || r == '\t' || r == '\r' || r == '\n'
		if space && prevSpace {
			continue
		}
		if space {
			r = ' '
		}
		prevSpace = space
		b.WriteRune(r)
	}
	return b.String()
}
