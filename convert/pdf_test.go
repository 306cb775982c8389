package convert

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/liaisond/liaisond/internal/hostile"
)

// The PDF builders live in internal/hostile, which the end-to-end proof shares.
var (
	buildPDF = hostile.PDF
	stream   = hostile.Stream
	pagesPDF = hostile.PagesPDF
	// encryptedPDF is protected by a user password (its /U does not match the empty password).
	encryptedPDF = hostile.EncryptedPDF
)

const helvetica = hostile.Helvetica

func pdfTextOf(t *testing.T, data []byte, lim Limits) Result {
	t.Helper()
	res, err := Text(context.Background(), "t.pdf", "application/pdf", data, lim)
	if err != nil {
		t.Fatalf("Text: %v", err)
	}
	return res
}

func TestPDFLayout(t *testing.T) {
	cases := []struct {
		name, content string
		want          []string
	}{
		{"TJ kerning stays inside words",
			"BT /F1 10 Tf 170 700 Td [(LS on in) 15 (tent-based man) 12 (agement)] TJ ET",
			[]string{"LS on intent-based management"}},
		{"a wide TJ adjustment is a word space",
			"BT /F1 10 Tf 56 700 Td [(word)-300(next)] TJ ET",
			[]string{"word next"}},
		{"label and value objects on one baseline are TAB-separated",
			"BT /F1 10 Tf 56 700 Td (Deadline:) Tj ET BT /F1 10 Tf 170 700 Td (8 May 2026) Tj ET " +
				"BT /F1 10 Tf 300 700 Td (Meeting:) Tj ET BT /F1 10 Tf 400 700 Td (Geneva) Tj ET",
			[]string{"Deadline:\t8 May 2026\tMeeting:\tGeneva"}},
		{"words placed one by one get their spaces from positions",
			// "Hello" is 22.78 pt wide in Helvetica 10; a space is 2.78 pt.
			"BT /F1 10 Tf 56 700 Td (Hello) Tj ET BT /F1 10 Tf 81.56 700 Td (world) Tj ET",
			[]string{"Hello world"}},
		{"lines come out top to bottom whatever the drawing order",
			"BT /F1 10 Tf 56 600 Td (second) Tj ET BT /F1 10 Tf 56 700 Td (first) Tj ET",
			[]string{"first", "second"}},
		{"a superscript stays on its line",
			"BT /F1 10 Tf 56 700 Td (x) Tj 5 3 Td /F1 6 Tf (2) Tj ET",
			[]string{"x2"}},
		{"fake bold drawn twice is written once",
			"BT /F1 10 Tf 56 700 Td (Bold) Tj ET BT /F1 10 Tf 56.3 700 Td (Bold) Tj ET",
			[]string{"Bold"}},
		{"T* and TL move to the next line",
			"BT /F1 10 Tf 12 TL 56 700 Td (one) Tj T* (two) Tj (three) ' ET",
			[]string{"one", "two", "three"}},
		{"text matrices with scaling",
			"BT /F1 1 Tf 10 0 0 10 56 700 Tm (scaled) Tj ET",
			[]string{"scaled"}},
		{"rotated text is read along its baseline",
			"BT /F1 10 Tf 0 1 -1 0 100 300 Tm (vertical label) Tj ET BT /F1 10 Tf 56 700 Td (body) Tj ET",
			[]string{"body", "vertical label"}},
		{"WinAnsi accents",
			"BT /F1 10 Tf 56 700 Td (Ana Mar\355a Qui\361ones) Tj ET",
			[]string{"Ana María Quiñones"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := pdfTextOf(t, pagesPDF(helvetica, c.content), Limits{PDFInProcess: true})
			wantLines(t, c.name, res.Text, c.want...)
			if got := strings.Count(res.Text, "\n"); got < len(c.want) {
				t.Errorf("text %q", res.Text)
			}
		})
	}
}

// TestPDFCompositeFont reads two-byte codes through a ToUnicode CMap with /W widths.
func TestPDFCompositeFont(t *testing.T) {
	cmap := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n" +
		"1 begincodespacerange <0000> <FFFF> endcodespacerange\n" +
		"2 beginbfchar <0001> <0044> <0002> <00E9> endbfchar\n" +
		"1 beginbfrange <0010> <0012> <0061> endbfrange\n" +
		"endcmap CMapName currentdict /CMap defineresource pop end end"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Example /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
		stream("", "BT /F1 10 Tf 56 700 Td <0001000200100011> Tj ET BT /F1 10 Tf 300 700 Td <0012> Tj ET"),
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Example /DW 500 /W [1 [600 550] 16 18 500] >>",
		stream("", cmap),
	}
	res := pdfTextOf(t, buildPDF("1.5", objs...), Limits{PDFInProcess: true})
	wantLines(t, "Type0", res.Text, "Déab\tc")
}

// TestPDFFormXObject reads text drawn inside a form XObject (headers often are).
func TestPDFFormXObject(t *testing.T) {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> /XObject << /X1 6 0 R >> >> /Contents 5 0 R >>",
		helvetica,
		stream("", "q 1 0 0 1 0 100 cm /X1 Do Q BT /F1 10 Tf 56 500 Td (body) Tj ET /X1 Do"),
		stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>",
			"BT /F1 10 Tf 56 700 Td (from the form) Tj ET"),
	}
	res := pdfTextOf(t, buildPDF("1.4", objs...), Limits{PDFInProcess: true})
	if got := strings.Count(res.Text, "from the form"); got != 2 {
		t.Errorf("form text %d times in %q, want 2 (drawn twice)", got, res.Text)
	}
	wantLines(t, "form", res.Text, "body")
}

func TestPDFPageLimit(t *testing.T) {
	data := pagesPDF(helvetica, "BT /F1 10 Tf 56 700 Td (page one) Tj ET", "BT /F1 10 Tf 56 700 Td (page two) Tj ET",
		"BT /F1 10 Tf 56 700 Td (page three) Tj ET")
	res := pdfTextOf(t, data, Limits{MaxPDFPages: 2})
	if res.Pages != 3 || strings.Contains(res.Text, "three") || !strings.Contains(res.Text, "page two") {
		t.Errorf("pages %d, text %q", res.Pages, res.Text)
	}
	if len(res.Warnings) == 0 || !strings.Contains(res.Warnings[0], "first 2 of 3 pages") {
		t.Errorf("warnings %q", res.Warnings)
	}
}

// TestPDFTolerance covers files poppler reads and the library alone would not.
func TestPDFTolerance(t *testing.T) {
	good := pagesPDF(helvetica, "BT /F1 10 Tf 56 700 Td (tolerated) Tj ET")
	v2 := bytes.Replace(good, []byte("%PDF-1.4"), []byte("%PDF-2.0"), 1)
	junk := append(append([]byte{}, good...), []byte("\r\n<html>appended by a mail gateway</html>\r\n")...)
	// Every offset in the table 7 bytes off, as after a CRLF conversion of the header.
	shifted := bytes.Replace(good, []byte("%\xe2\xe3\xcf\xd3\n"), []byte("%\xe2\xe3\xcf\xd3 comment\n"), 1)
	for name, data := range map[string][]byte{"PDF 2.0 header": v2, "bytes after %%EOF": junk, "wrong xref offsets": shifted} {
		for _, inProcess := range []bool{true, false} {
			res, err := Text(context.Background(), "t.pdf", "", data, Limits{PDFInProcess: inProcess})
			if err != nil || !strings.Contains(res.Text, "tolerated") {
				t.Errorf("%s (in-process %v): %v %q", name, inProcess, err, res.Text)
			}
		}
	}
}

func TestPDFEncrypted(t *testing.T) {
	data := encryptedPDF()
	_, err := Text(context.Background(), "t.pdf", "", data, Limits{})
	if !errors.Is(err, ErrEncrypted) {
		t.Errorf("err = %v, want ErrEncrypted", err)
	}
}
