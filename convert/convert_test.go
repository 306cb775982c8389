package convert

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/liaisond/liaisond/internal/hostile"
)

// sampleLines are the lines every rendering of testdata/src/ls-sample.fodt must produce:
// table rows as TAB-separated cells, merged cells written once, tab stops kept.
var sampleLines = []string{
	"Question(s):\t7/99\tMeeting, date:\tGeneva, 9-18 March 2026",
	"Source:\tITU-T Study Group 99 (Example Networks)",
	"Title:\tLS on sample converter fidelity for liaison header tables",
	"Deadline:\t31 March 2026",
	"Contact:\tZoë Exampleton Example Labs\tE-mail: zoe.exampleton@example.com",
	"\tJörg Beispiel\tE-mail: joerg.beispiel@example.net",
	"Purpose:\tFor action",
	"Send reply to:\tsg99-secretariat@example.net",
	"Prices and names with accents: café, naïve, Ærøskøbing, 12 € and “quoted” text — done.",
}

func TestTextFixtures(t *testing.T) {
	for _, c := range []struct {
		file, kind string
		lines      []string
	}{
		{"ls-sample.docx", "docx", sampleLines},
		{"ls-sample.odt", "odt", sampleLines},
		{"ls-sample.rtf", "rtf", sampleLines},
		{"ls-sample.pdf", "pdf", []string{"Deadline:\t31 March 2026", "Question(s):\t7/99\tMeeting, date:\tGeneva, 9-18 March 2026",
			"Contact:\tZoë Exampleton\tE-mail: zoe.exampleton@example.com", sampleLines[len(sampleLines)-1]}},
		{"ls-sheet.xlsx", "xlsx", []string{"Reference\tTitle\tDeadline:", "SG99-LS001\tLS on sample spreadsheets\t31 March 2026",
			"SG99-LS002\t\t42", "Zoë Exampleton\tzoe.exampleton@example.com"}},
		{"ls-sheet.ods", "ods", []string{"SG99-LS001\tLS on sample spreadsheets\t31 March 2026", "SG99-LS002\t\t42"}},
		{"ls-slides.pptx", "pptx", []string{"Liaison briefing: SG99 and IETF EXAMPLE", "Deadline: 31 March 2026", "Second slide: next steps"}},
		{"ls-slides.odp", "odp", []string{"Liaison briefing: SG99 and IETF EXAMPLE", "Deadline: 31 March 2026", "Second slide: next steps"}},
	} {
		res := mustText(t, c.file, fixture(t, c.file))
		if res.Kind != c.kind {
			t.Errorf("%s: kind %q, want %q", c.file, res.Kind, c.kind)
		}
		wantLines(t, c.file, res.Text, c.lines...)
	}
}

func TestSlidesInOrder(t *testing.T) {
	res := mustText(t, "ls-slides.pptx", fixture(t, "ls-slides.pptx"))
	if i, j := strings.Index(res.Text, "First slide"), strings.Index(res.Text, "Second slide"); i < 0 || j < i {
		t.Errorf("slides out of order:\n%s", res.Text)
	}
}

// docxOf wraps a WordprocessingML body in a minimal package.
func docxOf(_ testing.TB, body string) []byte { return hostile.Docx(body) }

func TestDOCXStructures(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"runs split inside words join",
			`<w:p><w:r><w:t>LS on encrypted DNS res</w:t></w:r><w:r><w:t>olver disc</w:t></w:r><w:r><w:t xml:space="preserve">overy </w:t></w:r></w:p>`,
			"LS on encrypted DNS resolver discovery"},
		{"tab stops in paragraph properties are not tabs; run tabs are",
			`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="2268"/></w:tabs></w:pPr><w:r><w:t>To:</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>IAB</w:t></w:r></w:p>`,
			"To:\tIAB"},
		{"line breaks",
			`<w:p><w:r><w:t>one</w:t><w:br/><w:t>two</w:t></w:r></w:p>`, "one\ntwo"},
		{"deleted text and field codes are not text",
			`<w:p><w:r><w:t>kept</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r></w:p>`,
			"kept"},
		{"text boxes are read once (Choice, not Fallback)",
			`<w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
			"boxed"},
		{"a table row is one TAB-separated line; cell paragraphs joined by a space",
			`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Contact:</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Ana</w:t></w:r></w:p><w:p><w:r><w:t>Example Labs</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
			"Contact:\tAna Example Labs"},
		{"merged cells: gridSpan once, vMerge continuation empty",
			`<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Contact:</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc></w:tr>` +
				`<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>C</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
			"Contact:\tA\n\tB\tC"},
		{"a nested table stays inside its cell",
			`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>outer</w:t></w:r></w:p></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>y</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>`,
			"outer\tx y"},
	}
	for _, c := range cases {
		res := mustText(t, "t.docx", docxOf(t, c.body))
		if got := strings.TrimSuffix(res.Text, "\n"); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestDetect(t *testing.T) {
	docx := fixture(t, "ls-sample.docx")
	cases := []struct {
		name, filename, declared string
		data                     []byte
		kind                     string
	}{
		{"content beats a wrong name", "letter.pdf", "application/pdf", docx, "docx"},
		{"PDF named .docx stays PDF", "x.docx", "", fixture(t, "ls-sample.pdf"), "pdf"},
		{"RTF by content", "x.bin", "application/octet-stream", []byte(`{\rtf1\ansi hello}`), "rtf"},
		{"HTML by declared type", "x", "text/html; charset=utf-8", []byte("<p>hello</p>"), "html"},
		{"HTML by name", "x.htm", "", []byte("<p>hello</p>"), "html"},
		{"legacy DOC", "x.doc", "", fixture(t, "ls-sample.doc"), "doc"},
		{"a zip named .docx", "x.docx", "", zipOf(t, "a.txt", "x", "word/document.xml", "<w:document/>"), "docx"},
		{"plain zip", "x.zip", "", zipOf(t, "a.txt", "x"), "zip"},
		{"plain zip by its content alone", "x.bin", "application/octet-stream", zipOf(t, "a.txt", "x"), "zip"},
		{"a zip named .docx is not a DOCX when it is text", "x.docx", "", []byte("just text"), "text"},
		{"XML is text", "x.xml", "", []byte(`<?xml version="1.0"?><a>b</a>`), "text"},
		{"image", "x.png", "image/png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ""},
	}
	for _, c := range cases {
		if kind, detected := Detect(c.filename, c.declared, c.data); kind != c.kind {
			t.Errorf("%s: kind %q (detected %s), want %q", c.name, kind, detected, c.kind)
		}
	}
}

func TestNeedsPDF(t *testing.T) {
	for _, k := range []string{"doc", "docx", "rtf", "odt", "xls", "xlsx", "ppt", "pptx"} {
		if !NeedsPDF(k) {
			t.Errorf("NeedsPDF(%q) = false", k)
		}
	}
	for _, k := range []string{"pdf", "html", "text", ""} {
		if NeedsPDF(k) {
			t.Errorf("NeedsPDF(%q) = true", k)
		}
	}
}

func TestPlainTextCharsets(t *testing.T) {
	cases := []struct {
		name, declared string
		data           []byte
		want           string
		warn           bool
	}{
		{"utf-8", "text/plain", []byte("Deadline:\t31 März 2026"), "Deadline:\t31 März 2026", false},
		{"declared windows-1252", "text/plain; charset=windows-1252", []byte("caf\xe9 \x96 done"), "café – done", false},
		{"iso-2022-jp", "text/plain; charset=iso-2022-jp", []byte("\x1b$B4|8B\x1b(B: 2026"), "期限: 2026", false},
		{"gb2312", "text/plain; charset=gb2312", []byte("\xbd\xd8\xd6\xb9"), "截止", false},
		{"undeclared latin-1 guessed", "text/plain", []byte("na\xefve"), "naïve", true},
		{"UTF-16 with BOM", "", []byte("\xff\xfeh\x00i\x00"), "hi", false},
		{"a stray NUL byte is dropped", "text/plain", []byte(strings.Repeat("a", 200) + "\x00b"), strings.Repeat("a", 200) + "b", false},
	}
	for _, c := range cases {
		res, err := Text(context.Background(), "x.txt", c.declared, c.data, Limits{})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if got := strings.TrimSuffix(res.Text, "\n"); got != c.want || (len(res.Warnings) > 0) != c.warn {
			t.Errorf("%s: got %q (warnings %q), want %q", c.name, got, res.Warnings, c.want)
		}
	}
}

func TestHTMLAttachment(t *testing.T) {
	html := []byte(`<html><head><meta charset="windows-1252"></head><body><table><tr><td>Deadline:</td><td>10.04.2026</td></tr></table><p>caf` + "\xe9" + `</p></body></html>`)
	res := mustText(t, "x.html", html)
	if res.Kind != "html" {
		t.Fatalf("kind %q", res.Kind)
	}
	wantLines(t, "html", res.Text, "Deadline:\t10.04.2026", "café")
}

func TestTextCap(t *testing.T) {
	res, err := Text(context.Background(), "x.txt", "text/plain", []byte(strings.Repeat("word ", 1000)), Limits{MaxTextBytes: 100})
	if err != nil || len(res.Text) > 101 || len(res.Warnings) == 0 {
		t.Errorf("err %v, %d bytes, warnings %q", err, len(res.Text), res.Warnings)
	}
	res, err = Text(context.Background(), "x.docx", "", fixture(t, "ls-sample.docx"), Limits{MaxTextBytes: 100})
	if err != nil || len(res.Text) > 101 || len(res.Warnings) == 0 {
		t.Errorf("docx: err %v, %d bytes, warnings %q", err, len(res.Text), res.Warnings)
	}
}

func TestUnsupported(t *testing.T) {
	res, err := Text(context.Background(), "x.png", "image/png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), Limits{})
	if !errors.Is(err, ErrUnsupported) || res.DetectedType != "image/png" {
		t.Errorf("err %v, detected %q", err, res.DetectedType)
	}
}
