package hostile

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"strings"
)

// FormDraws is how many form XObjects the converter draws per page (convert's
// maxFormDraws; its test keeps the two equal): the slow PDF draws exactly that many.
const FormDraws = 2000

// Files returns the attachments built to exhaust a converter: zip and XML bombs, deep
// nesting, broken, truncated, encrypted and self-referencing files. testdata holds the
// converter's samples (convert/testdata), which some cases cut in half.
func Files(testdata fs.FS) []FileCase {
	half := func(name string) func() ([]byte, error) {
		return func() ([]byte, error) {
			d, err := fs.ReadFile(testdata, name)
			return d[:len(d)/2], err
		}
	}
	return []FileCase{
		{"zip bomb: one entry inflating past the entry cap", "bomb.docx", ok(func() []byte {
			return Docx("<w:p><w:r><w:t>" + strings.Repeat(" ", 70<<20) + "</w:t></w:r></w:p>")
		})},
		{"zip bomb: entries inflating past the total cap", "bomb.xlsx", ok(func() []byte { return Xlsx(5, strings.Repeat(" ", 3<<20)) })},
		{"zip with too many entries", "many.docx", ok(func() []byte {
			parts := []string{"word/document.xml", "<w:document/>"}
			for i := range 10001 {
				parts = append(parts, fmt.Sprintf("junk/%d", i), "")
			}
			return Zip(parts...)
		})},
		{"billion laughs in document.xml", "laughs.docx", ok(func() []byte { return Zip("word/document.xml", BillionLaughs) })},
		{"XML nested past the depth limit", "deep.odt", ok(func() []byte {
			return Zip("content.xml", strings.Repeat("<a>", 300)+strings.Repeat("</a>", 300))
		})},
		{"RTF groups nested past the depth limit", "deep.rtf", ok(func() []byte { return []byte(`{\rtf1 ` + strings.Repeat("{", 100000)) })},
		{"PDF with a broken xref and nothing to rebuild it from", "broken.pdf", ok(func() []byte {
			return []byte("%PDF-1.4\nxref\n0 2\ngarbage\ntrailer\n<< /Size 2 >>\nstartxref\n9\n%%EOF\n")
		})},
		{"encrypted PDF", "locked.pdf", ok(EncryptedPDF)},
		{"NUL bytes", "nul.docx", ok(func() []byte { return make([]byte, 1<<20) })},
		{"truncated DOCX", "cut.docx", half("ls-sample.docx")},
		{"truncated PDF", "cut.pdf", half("ls-sample.pdf")},
		{"truncated RTF", "cut.rtf", half("ls-sample.rtf")},
		{"PDF page tree that points to itself", "cycle.pdf", ok(func() []byte {
			return PDF("1.4", "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 2 >>")
		})},
		{"PDF form XObject that draws itself", "recursive.pdf", ok(RecursiveFormPDF)},
		{"PDF whose xref stream claims 200 million objects (memory, child)", "size.pdf", ok(XrefBombPDF)},
		{"PDF whose xref stream claims 200 million objects (in-process)", "size.pdf", ok(XrefBombPDF)},
		{"PDF content ending inside a hex string (fuzz crasher: the library's lexer spins)", "hex.pdf", ok(func() []byte {
			return PagesPDF(Helvetica, "BT /F1 10 Tf 56 700 Td (kept) Tj <4142")
		})},
		{"PDF content with 50 million operands and no operator", "operands.pdf", ok(func() []byte {
			return BombPDF(strings.Repeat("1 ", 50<<20), "")
		})},
		{"PDF content that takes too long (time)", "slow.pdf", ok(func() []byte {
			return BombPDF(strings.Repeat("/X Do ", FormDraws), strings.Repeat("0 0 m ", 200000))
		})},
	}
}

// BillionLaughs is a document.xml whose entities expand a thousandfold per level.
const BillionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<w:document><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>`

// Zip builds a zip archive from name → content pairs, in order.
func Zip(parts ...string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		if err == nil {
			_, err = io.WriteString(w, parts[i+1])
		}
		if err != nil {
			panic(err) // in memory, only a bad entry name fails: a mistake in the caller
		}
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// Docx wraps a WordprocessingML body in a minimal package (no .rels: the reader falls back
// to word/document.xml).
func Docx(body string) []byte {
	return Zip("[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>`+body+`</w:body></w:document>`)
}

// Xlsx builds a workbook of n sheets whose cells hold value (no .rels: sheets are found by
// name order).
func Xlsx(n int, value string) []byte {
	parts := []string{"xl/workbook.xml", `<workbook><sheets/></workbook>`}
	rels := `<Relationships>`
	for i := 1; i <= n; i++ {
		rels += fmt.Sprintf(`<Relationship Id="r%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i, i)
		parts = append(parts, fmt.Sprintf("xl/worksheets/sheet%d.xml", i),
			`<worksheet><sheetData><row><c t="inlineStr"><is><t>`+value+`</t></is></c></row></sheetData></worksheet>`)
	}
	return Zip(append(parts, "xl/_rels/workbook.xml.rels", rels+`</Relationships>`)...)
}
