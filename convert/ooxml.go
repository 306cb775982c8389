package convert

import (
	"context"
	"encoding/xml"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
)

// Relationship types (suffixes; both the transitional and the strict namespaces end so).
const (
	relOfficeDocument = "/officeDocument"
	relWorksheet      = "/worksheet"
	relSharedStrings  = "/sharedStrings"
	relSlide          = "/slide"
)

// ooxmlSkip lists elements whose subtrees hold no document text: properties, field codes,
// deleted text, phonetic guides, and the Fallback copy of mc:AlternateContent (the Choice copy
// is read, so text boxes are not read twice).
var ooxmlSkip = map[string]bool{
	"pPr": true, "rPr": true, "tblPr": true, "trPr": true, "tcPr": true, "sectPr": true,
	"sdtPr": true, "endParaRPr": true, "tblGrid": true, "Fallback": true, "instrText": true,
	"delText": true, "del": true, "rt": true, "rPh": true, "nvSpPr": true, "nvGraphicFramePr": true,
}

// readDOCX reads the main document part of a WordprocessingML package.
func readDOCX(ctx context.Context, data []byte, lim Limits, out *textBuf) error {
	z, err := openZip(data, lim)
	if err != nil {
		return err
	}
	main := z.mainPart("word/document.xml")
	return z.walkPart(ctx, main, func(w *xmlWalk) error { return ooxmlFlow(w, newFlow(out)) })
}

// readPPTX reads the slides in presentation order, a blank line between slides.
func readPPTX(ctx context.Context, data []byte, lim Limits, out *textBuf) error {
	z, err := openZip(data, lim)
	if err != nil {
		return err
	}
	pres := z.mainPart("ppt/presentation.xml")
	slides, err := z.orderedParts(ctx, pres, "sldId", relSlide)
	if err != nil {
		return err
	}
	for _, s := range slides {
		if err := z.walkPart(ctx, s, func(w *xmlWalk) error { return ooxmlFlow(w, newFlow(out)) }); err != nil {
			return err
		}
		out.line("")
	}
	return nil
}

// ooxmlFlow reads WordprocessingML or DrawingML text: both name their paragraphs p, runs r,
// text t, line breaks br and tables tbl/tr/tc.
func ooxmlFlow(w *xmlWalk, f *flow) error {
	defer f.finish()
	inText := false
	return w.each(f.out.full, func(tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			if ooxmlSkip[t.Name.Local] {
				return w.skip()
			}
			inText = ooxmlStart(f, t.Name.Local)
		case xml.EndElement:
			inText = false
			ooxmlEnd(f, t.Name.Local)
		case xml.CharData:
			if inText {
				f.text(string(t))
			}
		}
		return nil
	})
}

// ooxmlStart handles an opening tag and reports whether its character data is text.
func ooxmlStart(f *flow, local string) bool {
	switch local {
	case "t":
		return true
	case "p":
		f.openPara()
	case "tab", "ptab":
		f.text("\t")
	case "br", "cr":
		f.text("\n")
	case "noBreakHyphen":
		f.text("-")
	case "tbl":
		f.openTable()
	case "tr":
		f.openRow()
	case "tc":
		f.openCell()
	}
	return false
}

func ooxmlEnd(f *flow, local string) {
	switch local {
	case "p":
		f.closePara()
	case "tbl":
		f.closeTable()
	case "tr":
		f.closeRow()
	case "tc":
		f.closeCell()
	}
}

// readXLSX reads every worksheet in workbook order: one line per row, cells separated by TAB
// and placed in their columns (empty cells kept, up to maxColumnPad), a blank line between
// sheets. Numbers and dates are written as stored (dates as serial numbers).
func readXLSX(ctx context.Context, data []byte, lim Limits, out *textBuf) error {
	z, err := openZip(data, lim)
	if err != nil {
		return err
	}
	book := z.mainPart("xl/workbook.xml")
	shared, err := z.sharedStrings(ctx, book)
	if err != nil {
		return err
	}
	sheets, err := z.orderedParts(ctx, book, "sheet", relWorksheet)
	if err != nil {
		return err
	}
	for _, s := range sheets {
		if err := z.walkPart(ctx, s, func(w *xmlWalk) error { return sheetRows(w, shared, out) }); err != nil {
			return err
		}
		out.line("")
	}
	return nil
}

// maxColumnPad bounds the empty cells written to keep a value in its column, so a cell
// reference like XFD1 cannot make thousands of TABs.
const maxColumnPad = 64

// xlsxCell is the state of one <c> element being read.
type xlsxCell struct {
	col   int
	typ   string
	value strings.Builder
}

func sheetRows(w *xmlWalk, shared []string, out *textBuf) error {
	var row []string
	var cell *xlsxCell
	inValue := false
	return w.each(out.full, func(tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				row = row[:0]
			case "c":
				cell = &xlsxCell{col: columnIndex(attr(t, "r"), len(row)), typ: attr(t, "t")}
			case "v", "t":
				inValue = cell != nil
			case "f", "rPh":
				return w.skip()
			}
		case xml.CharData:
			if inValue {
				cell.value.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v", "t":
				inValue = false
			case "c":
				row = placeCell(row, cell, shared)
				cell = nil
			case "row":
				out.line(strings.Join(row, "\t"))
			}
		}
		return nil
	})
}

// placeCell appends the cell's text at its column, padding skipped columns with empty cells.
func placeCell(row []string, c *xlsxCell, shared []string) []string {
	if c == nil {
		return row
	}
	for len(row) < c.col && len(row) < maxColumnPad {
		row = append(row, "")
	}
	v := c.value.String()
	if c.typ == "s" {
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(shared) {
			v = ""
		} else {
			v = shared[i]
		}
	}
	return append(row, strings.Join(strings.Fields(v), " "))
}

// columnIndex turns the letters of a cell reference ("C7") into a 0-based column; without a
// reference the cell follows the previous one.
func columnIndex(ref string, next int) int {
	col := 0
	for _, r := range ref {
		if r < 'A' || r > 'Z' {
			break
		}
		col = col*26 + int(r-'A') + 1
		if col > 1<<20 {
			return next
		}
	}
	if col == 0 {
		return next
	}
	return col - 1
}

// sharedStrings reads the shared string table; rich-text runs of one item are concatenated.
func (z *zipDoc) sharedStrings(ctx context.Context, book string) ([]string, error) {
	name := z.relTarget(book, relSharedStrings)
	if name == "" {
		name = "xl/sharedStrings.xml"
	}
	if !z.has(name) {
		return nil, nil
	}
	var out []string
	err := z.walkPart(ctx, name, func(w *xmlWalk) error {
		var cur strings.Builder
		inText := false
		return w.each(nil, func(tok xml.Token) error {
			switch t := tok.(type) {
			case xml.StartElement:
				switch t.Name.Local {
				case "si":
					cur.Reset()
				case "t":
					inText = true
				case "rPh":
					return w.skip()
				}
			case xml.CharData:
				if inText {
					cur.Write(t)
				}
			case xml.EndElement:
				switch t.Name.Local {
				case "t":
					inText = false
				case "si":
					out = append(out, cur.String())
				}
			}
			return nil
		})
	})
	return out, err
}

// walkPart opens one XML part and hands a walker to read.
func (z *zipDoc) walkPart(ctx context.Context, name string, read func(*xmlWalk) error) error {
	rc, err := z.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	return read(newXMLWalk(ctx, rc, z.lim.MaxXMLDepth))
}

// mainPart finds the package's main part through _rels/.rels, or falls back to the usual name.
func (z *zipDoc) mainPart(fallback string) string {
	if t := z.relTarget("", relOfficeDocument); t != "" && z.has(t) {
		return t
	}
	return fallback
}

// relationship is one <Relationship> of a .rels part.
type relationship struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
}

// rels reads the relationships of a part ("" = the package) with targets resolved to entry
// names. A missing or broken .rels part yields none: callers fall back to usual names.
func (z *zipDoc) rels(part string) []relationship {
	dir, file := path.Split(part)
	data, err := z.read(path.Join(dir, "_rels", file+".rels"))
	if err != nil {
		return nil
	}
	var doc struct {
		Rels []relationship `xml:"Relationship"`
	}
	if xml.Unmarshal(data, &doc) != nil {
		return nil
	}
	for i, r := range doc.Rels {
		if strings.HasPrefix(r.Target, "/") {
			doc.Rels[i].Target = zipName(r.Target)
		} else {
			doc.Rels[i].Target = zipName(path.Join(dir, r.Target))
		}
	}
	return doc.Rels
}

// relTarget returns the first target of the given relationship type.
func (z *zipDoc) relTarget(part, typ string) string {
	for _, r := range z.rels(part) {
		if strings.HasSuffix(r.Type, typ) {
			return r.Target
		}
	}
	return ""
}

// orderedParts lists the parts that elem entries (sheet, sldId) of the main part point to, in
// document order; without usable references it falls back to the related parts sorted by the
// number in their names (sheet2 before sheet10).
func (z *zipDoc) orderedParts(ctx context.Context, main, elem, typ string) ([]string, error) {
	byID := map[string]string{}
	var fallback []string
	for _, r := range z.rels(main) {
		if strings.HasSuffix(r.Type, typ) && z.has(r.Target) {
			byID[r.ID] = r.Target
			fallback = append(fallback, r.Target)
		}
	}
	var ordered []string
	err := z.walkPart(ctx, main, func(w *xmlWalk) error {
		return w.each(nil, func(tok xml.Token) error {
			if se, ok := tok.(xml.StartElement); ok && se.Name.Local == elem {
				if t, ok := byID[attrNS(se, "id")]; ok {
					ordered = append(ordered, t)
				}
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	if len(ordered) == 0 {
		sort.Slice(fallback, func(i, j int) bool { return naturalLess(fallback[i], fallback[j]) })
		ordered = fallback
	}
	if len(ordered) == 0 {
		return nil, fmt.Errorf("%w: %s lists no %s parts", ErrMalformed, main, elem)
	}
	return ordered, nil
}

// attrNS returns the value of a namespaced attribute (r:id), ignoring un-prefixed ones (id).
func attrNS(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && a.Name.Space != "" {
			return a.Value
		}
	}
	return ""
}

// naturalLess orders names by length first, so "slide2.xml" sorts before "slide10.xml".
func naturalLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}
