package convert

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/ledongthuc/pdf"
)

// pdfOut is the result of PDF text extraction, in or out of process.
type pdfOut struct {
	Text     string   `json:"text"`
	Pages    int      `json:"pages"`
	Warnings []string `json:"warnings,omitempty"`
}

// maxPageTreeDepth bounds the walk of the page tree (a cyclic tree would never end).
const maxPageTreeDepth = 64

// extractPDF reads the text of a PDF in this process. Every call into the PDF library may
// panic on malformed input: opening is recovered as a whole and each page on its own, so a
// bad page costs a warning, not the document.
func extractPDF(ctx context.Context, data []byte, lim Limits) (pdfOut, error) {
	r, warnings, err := openPDF(data)
	if err != nil {
		return pdfOut{}, err
	}
	out, err := readPages(ctx, r, lim)
	if err != nil && !errors.Is(err, ErrLimit) {
		// A table of wrong offsets often opens fine and fails on the first object read.
		if fixed := rebuildXref(data); fixed != nil {
			if r2, err2 := newPDFReader(fixed); err2 == nil {
				if out2, err3 := readPages(ctx, r2, lim); err3 == nil {
					out, err = out2, nil
					warnings = append(warnings, "PDF cross-reference table was broken and has been rebuilt")
				}
			}
		}
	}
	out.Warnings = append(warnings, out.Warnings...)
	return out, err
}

// openPDF opens data with the library, tolerating what poppler tolerates and the library
// does not: a PDF 2.0 header, bytes after %%EOF, and a broken cross-reference table.
func openPDF(data []byte) (*pdf.Reader, []string, error) {
	data = tolerantPDF(data)
	r, err := newPDFReader(data)
	if err == nil {
		return r, nil, nil
	}
	if isEncryptionError(err) {
		return nil, nil, fmt.Errorf("%w: PDF needs a password or uses unsupported encryption (%v)", ErrEncrypted, err)
	}
	if fixed := rebuildXref(data); fixed != nil {
		if r, err2 := newPDFReader(fixed); err2 == nil {
			return r, []string{"PDF cross-reference table was broken and has been rebuilt"}, nil
		}
	}
	return nil, nil, fmt.Errorf("%w: PDF: %v", ErrMalformed, err)
}

func newPDFReader(data []byte) (r *pdf.Reader, err error) {
	defer recoverAs(&err)
	return pdf.NewReader(bytes.NewReader(data), int64(len(data)))
}

func isEncryptionError(err error) bool {
	return errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(strings.ToLower(err.Error()), "encrypt")
}

// tolerantPDF presents a PDF 2.0 file with a 1.7 header (the syntax the library reads is the
// same) and drops bytes after the last %%EOF. Offsets are unchanged.
func tolerantPDF(data []byte) []byte {
	if i := bytes.LastIndex(data, []byte("%%EOF")); i > 0 && i+5 < len(data) && len(bytes.TrimSpace(data[i+5:])) > 0 {
		data = data[:i+5]
	}
	if bytes.HasPrefix(data, []byte("%PDF-2.")) {
		fixed := make([]byte, len(data))
		copy(fixed, data)
		copy(fixed, "%PDF-1.7")
		data = fixed
	}
	return data
}

var (
	objHeader = regexp.MustCompile(`(?m)^\s*(\d{1,9})\s+(\d{1,5})\s+obj\b`)
	rootRef   = regexp.MustCompile(`/Root\s+(\d{1,9})\s+(\d{1,5})\s+R`)
	catalog   = regexp.MustCompile(`/Type\s*/Catalog\b`)
)

// rebuildXref scans the file for "N G obj" headers and appends a fresh cross-reference table
// and trailer, as poppler does for damaged files. Objects inside object streams cannot be
// found this way; such files stay unreadable. It returns nil when nothing usable was found.
func rebuildXref(data []byte) []byte {
	offsets := map[int]int{}
	gens := map[int]int{}
	maxID := 0
	for _, m := range objHeader.FindAllSubmatchIndex(data, -1) {
		id, _ := strconv.Atoi(string(data[m[2]:m[3]]))
		gen, _ := strconv.Atoi(string(data[m[4]:m[5]]))
		offsets[id], gens[id] = m[2], gen
		maxID = max(maxID, id)
	}
	root := findRoot(data, offsets)
	if root == "" || maxID > 10_000_000 {
		return nil
	}
	var b bytes.Buffer
	b.Write(data)
	start := b.Len() + 1
	fmt.Fprintf(&b, "\nxref\n0 %d\n0000000000 65535 f\r\n", maxID+1)
	for id := 1; id <= maxID; id++ {
		if off, ok := offsets[id]; ok {
			fmt.Fprintf(&b, "%010d %05d n\r\n", off, gens[id])
		} else {
			b.WriteString("0000000000 65535 f\r\n")
		}
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %s >>\nstartxref\n%d\n%%%%EOF\n", maxID+1, root, start)
	return b.Bytes()
}

// findRoot returns the catalog reference ("N G R") named by the last trailer, or the object
// that declares itself a catalog.
func findRoot(data []byte, offsets map[int]int) string {
	if all := rootRef.FindAllSubmatch(data, -1); len(all) > 0 {
		m := all[len(all)-1]
		if id, _ := strconv.Atoi(string(m[1])); offsets[id] > 0 || id == 0 {
			return string(m[1]) + " " + string(m[2]) + " R"
		}
	}
	loc := catalog.FindIndex(data)
	if loc == nil {
		return ""
	}
	best, bestOff := -1, -1
	for id, off := range offsets {
		if off < loc[0] && off > bestOff {
			best, bestOff = id, off
		}
	}
	if best < 0 {
		return ""
	}
	return strconv.Itoa(best) + " 0 R"
}

// readPages extracts up to MaxPDFPages pages in order.
func readPages(ctx context.Context, r *pdf.Reader, lim Limits) (out pdfOut, err error) {
	pages, total, err := collectPages(r, lim.MaxPDFPages)
	if err != nil {
		return out, err
	}
	out.Pages = total
	if len(pages) == 0 {
		return out, fmt.Errorf("%w: PDF page tree holds no readable page", ErrMalformed)
	}
	if total > len(pages) {
		out.Warnings = append(out.Warnings, fmt.Sprintf("only the first %d of %d pages were read", len(pages), total))
	}
	text := newTextBuf(lim.MaxTextBytes)
	fonts := newFontCache(ctx)
	failed := 0
	for i, page := range pages {
		if ctx.Err() != nil || text.full() {
			break
		}
		notes, err := readPage(ctx, page, fonts, text)
		if err != nil {
			if errors.Is(err, ErrLimit) {
				return out, err
			}
			failed++
			out.Warnings = append(out.Warnings, fmt.Sprintf("page %d: %v", i+1, err))
		}
		for _, note := range notes {
			out.Warnings = append(out.Warnings, fmt.Sprintf("page %d: %s", i+1, note))
		}
		text.line("") // pages end paragraphs
	}
	if ctx.Err() != nil {
		return out, fmt.Errorf("%w: PDF text extraction took longer than %s", ErrLimit, lim.Timeout)
	}
	if failed > 0 && failed == len(pages) {
		return out, fmt.Errorf("%w: PDF: no page could be read (%s)", ErrMalformed, out.Warnings[len(out.Warnings)-1])
	}
	if text.full() {
		out.Warnings = append(out.Warnings, fmt.Sprintf("text cut at %d bytes", lim.MaxTextBytes))
	}
	out.Text = text.String()
	return out, nil
}

// readPage interprets one page; text gathered before a failure is kept. notes tell of damage
// or limits that cost some of the page's text.
func readPage(ctx context.Context, page pdf.Value, fonts *fontCache, text *textBuf) (notes []string, err error) {
	p := &pageInterp{ctx: ctx, fonts: fonts}
	defer func() {
		layoutPage(p.spans, text)
		if p.capped {
			notes = append(notes, "form XObjects nested or repeated beyond the limits were skipped")
		}
		if p.damaged != nil {
			notes = append(notes, fmt.Sprintf("content stream damaged (%v); text after the damage is lost", p.damaged))
		}
	}()
	defer func() {
		if r := recover(); r != nil {
			if a, ok := r.(errAborted); ok {
				err = fmt.Errorf("%w: %v", ErrLimit, a.err)
				return
			}
			err = panicError(r)
		}
	}()
	pg := pdf.Page{V: page}
	p.run(page.Key("Contents"), pg.Resources(), gstate{ctm: identity, text: textState{scale: 1}}, 0)
	return nil, nil
}

// collectPages walks the page tree once (the library's Page(n) walks it again for every
// page) and returns at most max pages, with the page count the document claims.
func collectPages(r *pdf.Reader, max int) (pages []pdf.Value, total int, err error) {
	defer recoverAs(&err)
	root := r.Trailer().Key("Root").Key("Pages")
	if root.IsNull() {
		return nil, 0, fmt.Errorf("%w: PDF has no page tree", ErrMalformed)
	}
	budget := 2*max + 1000 // page tree nodes visited: a cyclic tree must not walk forever
	var walk func(node pdf.Value, depth int)
	walk = func(node pdf.Value, depth int) {
		if budget--; budget < 0 {
			return
		}
		kids := node.Key("Kids")
		if kids.Kind() != pdf.Array || node.Key("Type").Name() == "Page" {
			total++
			if len(pages) < max {
				pages = append(pages, node)
			}
			return
		}
		if depth >= maxPageTreeDepth {
			return
		}
		for i := 0; i < kids.Len() && budget >= 0; i++ {
			walk(kids.Index(i), depth+1)
		}
	}
	walk(root, 0)
	if claimed := int(root.Key("Count").Int64()); claimed > total && claimed < 1<<24 {
		total = claimed
	}
	return pages, total, nil
}

// recoverAs turns a panic into an error; deferred around every third-party call.
func recoverAs(err *error) {
	if r := recover(); r != nil {
		*err = panicError(r)
	}
}

func panicError(r any) error {
	if e, ok := r.(error); ok && (errors.Is(e, ErrLimit) || errors.Is(e, ErrMalformed)) {
		return e
	}
	return fmt.Errorf("%w: parser failed: %v", ErrMalformed, r)
}
