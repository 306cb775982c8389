package convert

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// hostileCase is one hostile file: it must give the expected error (or, where noted, readable
// text with a warning) within its time budget, and never crash the test process.
type hostileCase struct {
	name   string
	file   string // name given to Text: only its extension may matter
	data   func(t *testing.T) []byte
	lim    Limits
	want   error         // nil: text with at least one warning is fine too
	budget time.Duration // wall clock allowed
	text   string        // when set: must succeed with this text (the damage is harmless)
}

func TestHostileFiles(t *testing.T) {
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			if raceEnabled {
				if c.lim.PDFMemoryBytes > 0 {
					t.Skip("the race detector's shadow memory does not fit the child's memory limit")
				}
				c.budget *= 10
			}
			data := c.data(t)
			start := time.Now()
			res, err := Text(context.Background(), c.file, "", data, c.lim)
			took := time.Since(start)
			switch {
			case c.text != "":
				if err != nil || !strings.Contains(res.Text, c.text) {
					t.Errorf("err = %v, text %q; want text %q", err, res.Text, c.text)
				}
			case c.want != nil && !errors.Is(err, c.want):
				t.Errorf("err = %v, want %v", err, c.want)
			case c.want == nil && err == nil && len(res.Warnings) == 0:
				t.Errorf("no error and no warning; text %q", res.Text)
			case c.want == nil && err != nil && !errors.Is(err, ErrMalformed):
				t.Errorf("err = %v, want ErrMalformed or a warning", err)
			}
			if took > c.budget {
				t.Errorf("took %s, budget %s", took, c.budget)
			}
			t.Logf("%s: %v (warnings %q)", took.Round(time.Millisecond), err, res.Warnings)
		})
	}
}

func hostileCases() []hostileCase {
	quick := 2 * time.Second
	return []hostileCase{
		{"zip bomb: one entry inflating past the entry cap", "bomb.docx", func(t *testing.T) []byte {
			return docxOf(t, "<w:p><w:r><w:t>"+strings.Repeat(" ", 70<<20)+"</w:t></w:r></w:p>")
		}, Limits{MaxEntryBytes: 4 << 20}, ErrLimit, quick, ""},
		{"zip bomb: entries inflating past the total cap", "bomb.xlsx", func(t *testing.T) []byte {
			return xlsxOf(t, 5, strings.Repeat(" ", 3<<20))
		}, Limits{MaxEntryBytes: 4 << 20, MaxExpandedBytes: 8 << 20}, ErrLimit, quick, ""},
		{"zip with too many entries", "many.docx", func(t *testing.T) []byte {
			parts := []string{"word/document.xml", "<w:document/>"}
			for i := range 10001 {
				parts = append(parts, fmt.Sprintf("junk/%d", i), "")
			}
			return zipOf(t, parts...)
		}, Limits{}, ErrLimit, quick, ""},
		{"billion laughs in document.xml", "laughs.docx", func(t *testing.T) []byte {
			return zipOf(t, "word/document.xml", billionLaughs)
		}, Limits{}, ErrMalformed, quick, ""},
		{"XML nested past the depth limit", "deep.odt", func(t *testing.T) []byte {
			return zipOf(t, "content.xml", strings.Repeat("<a>", 300)+strings.Repeat("</a>", 300))
		}, Limits{}, ErrLimit, quick, ""},
		{"RTF groups nested past the depth limit", "deep.rtf", func(t *testing.T) []byte {
			return []byte(`{\rtf1 ` + strings.Repeat("{", 100000))
		}, Limits{}, ErrLimit, quick, ""},
		{"PDF with a broken xref and nothing to rebuild it from", "broken.pdf", func(t *testing.T) []byte {
			return []byte("%PDF-1.4\nxref\n0 2\ngarbage\ntrailer\n<< /Size 2 >>\nstartxref\n9\n%%EOF\n")
		}, Limits{}, ErrMalformed, quick, ""},
		{"encrypted PDF", "locked.pdf", func(t *testing.T) []byte { return encryptedPDF() }, Limits{}, ErrEncrypted, quick, ""},
		{"NUL bytes", "nul.docx", func(t *testing.T) []byte { return make([]byte, 1<<20) }, Limits{}, ErrUnsupported, quick, ""},
		{"truncated DOCX", "cut.docx", func(t *testing.T) []byte {
			d := fixture(t, "ls-sample.docx")
			return d[:len(d)/2]
		}, Limits{}, ErrMalformed, quick, ""},
		{"truncated PDF", "cut.pdf", func(t *testing.T) []byte {
			d := fixture(t, "ls-sample.pdf")
			return d[:len(d)/2]
		}, Limits{}, nil, quick, ""},
		{"truncated RTF", "cut.rtf", func(t *testing.T) []byte {
			d := fixture(t, "ls-sample.rtf")
			return d[:len(d)/2]
		}, Limits{}, nil, quick, ""},
		{"PDF page tree that points to itself", "cycle.pdf", func(t *testing.T) []byte {
			return buildPDF("1.4", "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 2 >>")
		}, Limits{}, ErrMalformed, quick, ""},
		{"PDF form XObject that draws itself", "recursive.pdf", func(t *testing.T) []byte {
			return recursiveFormPDF()
		}, Limits{}, nil, quick, ""},
		{"PDF whose xref stream claims 200 million objects (memory, child)", "size.pdf", func(t *testing.T) []byte {
			return xrefBombPDF()
		}, Limits{PDFMemoryBytes: 256 << 20}, ErrLimit, 10 * time.Second, ""},
		{"PDF whose xref stream claims 200 million objects (in-process)", "size.pdf", func(t *testing.T) []byte {
			return xrefBombPDF()
		}, Limits{PDFInProcess: true}, ErrMalformed, quick, ""},
		{"PDF content ending inside a hex string (fuzz crasher: the library's lexer spins)", "hex.pdf", func(t *testing.T) []byte {
			return pagesPDF(helvetica, "BT /F1 10 Tf 56 700 Td (kept) Tj <4142")
		}, Limits{PDFInProcess: true}, nil, quick, "kept"},
		{"PDF content with 50 million operands and no operator", "operands.pdf", func(t *testing.T) []byte {
			return bombPDF(strings.Repeat("1 ", 50<<20), "")
		}, Limits{Timeout: time.Second}, ErrLimit, 5 * time.Second, ""},
		{"PDF content that takes too long (time)", "slow.pdf", func(t *testing.T) []byte {
			return bombPDF(strings.Repeat("/X Do ", maxFormDraws), strings.Repeat("0 0 m ", 200000))
		}, Limits{Timeout: time.Second}, ErrLimit, 5 * time.Second, ""},
	}
}

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<w:document><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>`

// xlsxOf builds a workbook of n sheets whose cells hold value (no .rels: sheets are found by
// name order).
func xlsxOf(t testing.TB, n int, value string) []byte {
	parts := []string{"xl/workbook.xml", `<workbook><sheets/></workbook>`}
	rels := `<Relationships>`
	for i := 1; i <= n; i++ {
		rels += fmt.Sprintf(`<Relationship Id="r%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i, i)
		parts = append(parts, fmt.Sprintf("xl/worksheets/sheet%d.xml", i),
			`<worksheet><sheetData><row><c t="inlineStr"><is><t>`+value+`</t></is></c></row></sheetData></worksheet>`)
	}
	return zipOf(t, append(parts, "xl/_rels/workbook.xml.rels", rels+`</Relationships>`)...)
}

// bombPDF is a one-page PDF whose Flate-compressed content stream inflates to content; form
// is the content of form XObject /X (drawn by "/X Do"), compressed too.
func bombPDF(content, form string) []byte {
	return buildPDF("1.4",
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X 5 0 R >> >> /Contents 4 0 R >>",
		stream("/Filter /FlateDecode", deflate(content)),
		stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Filter /FlateDecode", deflate(form)))
}

func deflate(s string) string {
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	w.Write([]byte(s))
	w.Close()
	return z.String()
}

// xrefBombPDF ends in a cross-reference stream whose /Size asks the library for a table of
// 200 million entries.
func xrefBombPDF() []byte {
	head := "%PDF-1.5\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
	xref := len(head)
	data := deflate("\x01\x00\x09\x00")
	return []byte(head + fmt.Sprintf("2 0 obj\n<< /Type /XRef /Size 200000000 /W [1 2 1] /Index [1 1] /Root 1 0 R /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", len(data), data, xref))
}

// recursiveFormPDF draws a form XObject that draws itself.
func recursiveFormPDF() []byte {
	return buildPDF("1.4",
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /X 4 0 R >> >> /Contents 6 0 R >>",
		stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /Font << /F1 5 0 R >> /XObject << /X 4 0 R >> >>",
			"BT /F1 10 Tf 0 0 Td (again) Tj ET /X Do /X Do"),
		helvetica,
		stream("", "/X Do"))
}
