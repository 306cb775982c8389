package convert

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/liaisond/liaisond/internal/hostile"
)

// The fuzz targets feed hostile input through Text with small limits. A failure is a panic
// that escapes our guards, a hang past the time limit, invalid UTF-8 in the text, or an error
// that wraps none of the documented sentinels. In CI each runs for a short fixed time, by
// hand for longer:
//
//	go test ./convert/ -run '^$' -fuzz '^FuzzPDF$' -fuzztime 10s -fuzzminimizetime 1x
//
// Seeds: the fixtures (via f.Add) and testdata/fuzz/<target>/. Every crasher found becomes a
// file there (go test does that) and so a regression test of the normal test run.

// fuzzLimits keeps each input cheap.
var fuzzLimits = Limits{
	MaxInputBytes: 1 << 20, MaxEntryBytes: 4 << 20, MaxExpandedBytes: 8 << 20, MaxZipEntries: 100,
	MaxXMLDepth: 64, MaxPDFPages: 20, MaxTextBytes: 1 << 20, Timeout: 5 * time.Second, PDFInProcess: true,
}

// checkFuzz runs Text and checks the invariants every input must keep.
func checkFuzz(t *testing.T, name string, data []byte) {
	start := time.Now()
	res, err := Text(context.Background(), name, "", data, fuzzLimits)
	if took := time.Since(start); took > 2*fuzzLimits.Timeout {
		t.Fatalf("took %s", took)
	}
	if err != nil {
		for _, known := range []error{ErrUnsupported, ErrNeedsPDF, ErrLimit, ErrMalformed, ErrEncrypted} {
			if errors.Is(err, known) {
				return
			}
		}
		t.Fatalf("undocumented error: %v", err)
	}
	if !utf8.ValidString(res.Text) {
		t.Fatalf("invalid UTF-8 in %q", res.Text)
	}
}

// zipPart returns one part of a fixture package, as a seed for the XML targets.
func zipPart(t testing.TB, file, part string) []byte {
	data := fixture(t, file)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(part)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	out, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// FuzzDOCX fuzzes word/document.xml inside a well-formed package (fuzzing the compressed zip
// itself would mostly hit CRC errors).
func FuzzDOCX(f *testing.F) {
	f.Add(zipPart(f, "ls-sample.docx", "word/document.xml"))
	f.Add([]byte(`<w:document><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t><w:tab/></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`))
	f.Fuzz(func(t *testing.T, xml []byte) {
		checkFuzz(t, "f.docx", zipOf(t, "word/document.xml", string(xml)))
	})
}

// FuzzODT fuzzes content.xml of an OpenDocument text.
func FuzzODT(f *testing.F) {
	f.Add(zipPart(f, "ls-sample.odt", "content.xml"))
	f.Add(zipPart(f, "ls-sheet.ods", "content.xml"))
	f.Fuzz(func(t *testing.T, xml []byte) {
		checkFuzz(t, "f.odt", zipOf(t, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", string(xml)))
	})
}

// FuzzXLSX fuzzes a worksheet and the shared strings of a workbook.
func FuzzXLSX(f *testing.F) {
	f.Add(zipPart(f, "ls-sheet.xlsx", "xl/worksheets/sheet1.xml"), zipPart(f, "ls-sheet.xlsx", "xl/sharedStrings.xml"))
	f.Fuzz(func(t *testing.T, sheet, shared []byte) {
		checkFuzz(t, "f.xlsx", zipOf(t, "xl/workbook.xml", `<workbook/>`,
			"xl/worksheets/sheet1.xml", string(sheet), "xl/sharedStrings.xml", string(shared)))
	})
}

// FuzzPPTX fuzzes a presentation's slide order (presentation.xml and its relationships,
// which name the slide parts) and a slide.
func FuzzPPTX(f *testing.F) {
	f.Add(zipPart(f, "ls-slides.pptx", "ppt/presentation.xml"), zipPart(f, "ls-slides.pptx", "ppt/_rels/presentation.xml.rels"),
		zipPart(f, "ls-slides.pptx", "ppt/slides/slide1.xml"))
	f.Fuzz(func(t *testing.T, pres, rels, slide []byte) {
		checkFuzz(t, "f.pptx", zipOf(t, "ppt/presentation.xml", string(pres), "ppt/_rels/presentation.xml.rels", string(rels),
			"ppt/slides/slide1.xml", string(slide), "ppt/slides/slide2.xml", string(slide)))
	})
}

// FuzzRTF fuzzes the RTF tokenizer.
func FuzzRTF(f *testing.F) {
	f.Add(fixture(f, "ls-sample.rtf"))
	f.Add([]byte(`{\rtf1\ansi\ansicpg1252{\fonttbl{\f1\fcharset128 M;}}\f1\'8a\'fa\uc2\u26399\'80\'80\trowd\cellx10 a\cell\row}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFuzz(t, "f.rtf", data)
	})
}

// FuzzPDF fuzzes PDF text extraction (in-process, so that a panic escaping the guards fails
// the target instead of only the child).
func FuzzPDF(f *testing.F) {
	f.Add(fixture(f, "ls-sample.pdf"))
	f.Add(pagesPDF(helvetica, "BT /F1 10 Tf 56 700 Td [(LS on in) 15 (tent)] TJ ET BT /F1 10 Tf 170 700 Td (value) Tj ET"))
	f.Add(hostile.RecursiveFormPDF())
	f.Add(encryptedPDF())
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFuzz(t, "f.pdf", data)
	})
}
