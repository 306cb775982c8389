package hostile

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
)

// PDF assembles a PDF with exact cross-reference offsets. objs are the bodies of objects
// 1..n; object 1 must be the catalog. A body may hold a stream: "<< >>\nstream\n...\nendstream".
func PDF(version string, objs ...string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%%PDF-%s\n%%\xe2\xe3\xcf\xd3\n", version)
	offsets := make([]int, len(objs))
	for i, body := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, body)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// Stream makes a stream object body with the right /Length.
func Stream(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// Helvetica is a standard-14 font without /Widths, as hand-made PDFs (corpus case 04) use it.
const Helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

// PagesPDF makes a PDF with one page per content stream, all using font F1 (object 3).
func PagesPDF(font string, contents ...string) []byte {
	n := len(contents)
	kids := make([]string, n)
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "", font}
	for i, c := range contents {
		page, content := 4+2*i, 5+2*i
		kids[i] = fmt.Sprintf("%d 0 R", page)
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", content),
			Stream("", c))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n)
	return PDF("1.4", objs...)
}

// EncryptedPDF is protected by a user password (its /U does not match the empty password).
func EncryptedPDF() []byte {
	data := PagesPDF(Helvetica, "BT /F1 10 Tf 56 700 Td (secret) Tj ET")
	enc := "/Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /P -44 " +
		"/O <0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef> " +
		"/U <fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210> >> " +
		"/ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]"
	return bytes.Replace(data, []byte("/Root 1 0 R"), []byte("/Root 1 0 R "+enc), 1)
}

// BombPDF is a one-page PDF whose Flate-compressed content stream inflates to content; form
// is the content of form XObject /X (drawn by "/X Do"), compressed too.
func BombPDF(content, form string) []byte {
	return PDF("1.4",
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X 5 0 R >> >> /Contents 4 0 R >>",
		Stream("/Filter /FlateDecode", Deflate(content)),
		Stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Filter /FlateDecode", Deflate(form)))
}

// Deflate compresses s as a /FlateDecode stream holds it.
func Deflate(s string) string {
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	w.Write([]byte(s))
	w.Close()
	return z.String()
}

// XrefBombPDF ends in a cross-reference stream whose /Size asks the library for a table of
// 200 million entries.
func XrefBombPDF() []byte {
	head := "%PDF-1.5\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
	xref := len(head)
	data := Deflate("\x01\x00\x09\x00")
	return []byte(head + fmt.Sprintf("2 0 obj\n<< /Type /XRef /Size 200000000 /W [1 2 1] /Index [1 1] /Root 1 0 R /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", len(data), data, xref))
}

// RecursiveFormPDF draws a form XObject that draws itself.
func RecursiveFormPDF() []byte {
	return PDF("1.4",
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /X 4 0 R >> >> /Contents 6 0 R >>",
		Stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /Font << /F1 5 0 R >> /XObject << /X 4 0 R >> >>",
			"BT /F1 10 Tf 0 0 Td (again) Tj ET /X Do /X Do"),
		Helvetica,
		Stream("", "/X Do"))
}
