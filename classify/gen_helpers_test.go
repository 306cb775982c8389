package classify

// Builders for the own fixture set (testdata/own): RFC 5322 messages with CRLF line ends,
// MIME parts in any charset and transfer encoding, and minimal but valid DOCX, PDF and RTF
// attachments, in the manner of shared/corpus/gen.py. Everything is deterministic.

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"mime/quotedprintable"
	"strings"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
)

const crlf = "\r\n"

// hdr is one header field; a value with "\n" is pre-folded.
type hdr struct{ name, value string }

// part is a MIME entity: its header fields and its encoded body.
type part struct {
	hdrs []hdr
	body []byte
}

func charsetEncoder(cs string) *encoding.Encoder {
	switch strings.ToLower(cs) {
	case "windows-1252":
		return charmap.Windows1252.NewEncoder()
	case "iso-8859-1":
		return charmap.ISO8859_1.NewEncoder()
	case "iso-8859-15":
		return charmap.ISO8859_15.NewEncoder()
	case "iso-2022-jp":
		return japanese.ISO2022JP.NewEncoder()
	case "shift_jis":
		return japanese.ShiftJIS.NewEncoder()
	case "euc-jp":
		return japanese.EUCJP.NewEncoder()
	case "gb2312", "gbk":
		return simplifiedchinese.GBK.NewEncoder()
	case "euc-kr":
		return korean.EUCKR.NewEncoder()
	}
	return nil
}

func encodeCharset(s, cs string) []byte {
	enc := charsetEncoder(cs)
	if enc == nil {
		return []byte(s)
	}
	b, err := enc.Bytes([]byte(s))
	if err != nil {
		panic(fmt.Sprintf("encode %q in %s: %v", s, cs, err))
	}
	return b
}

func toCRLF(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", crlf)
}

func b64lines(data []byte) []byte {
	s := base64.StdEncoding.EncodeToString(data)
	var b strings.Builder
	for i := 0; i < len(s); i += 76 {
		b.WriteString(s[i:min(i+76, len(s))])
		b.WriteString(crlf)
	}
	return []byte(b.String())
}

func qpEncode(data []byte) []byte {
	var b bytes.Buffer
	w := quotedprintable.NewWriter(&b)
	_, _ = w.Write(data)
	_ = w.Close()
	return []byte(toCRLF(b.String()))
}

// textPart is a text/* leaf in charset cs with transfer encoding cte ("7bit", "8bit",
// "quoted-printable", "base64").
func textPart(content, subtype, cs, cte string) part {
	if !strings.HasSuffix(content, "\n") {
		content += "\n"
	}
	raw := encodeCharset(toCRLF(content), cs)
	var body []byte
	switch cte {
	case "7bit", "8bit":
		body = raw
	case "quoted-printable":
		body = qpEncode(encodeCharset(content, cs))
	case "base64":
		body = b64lines(raw)
	default:
		panic(cte)
	}
	return part{hdrs: []hdr{
		{"Content-Type", fmt.Sprintf("text/%s; charset=\"%s\"", subtype, cs)},
		{"Content-Transfer-Encoding", cte},
	}, body: body}
}

// attachPart is a base64 attachment; rfc2231 writes a UTF-8 file name the RFC 2231 way.
func attachPart(data []byte, ctype, filename string, rfc2231 bool) part {
	var h []hdr
	if rfc2231 || !isASCII(filename) {
		enc := "UTF-8''" + pctEncode(filename)
		h = []hdr{
			{"Content-Type", ctype + ";\n name*=" + enc},
			{"Content-Disposition", "attachment;\n filename*=" + enc},
		}
	} else {
		h = []hdr{
			{"Content-Type", fmt.Sprintf("%s; name=\"%s\"", ctype, filename)},
			{"Content-Disposition", fmt.Sprintf("attachment; filename=\"%s\"", filename)},
		}
	}
	h = append(h, hdr{"Content-Transfer-Encoding", "base64"})
	return part{hdrs: h, body: b64lines(data)}
}

func inlineImage(data []byte, cid, filename string) part {
	return part{hdrs: []hdr{
		{"Content-Type", fmt.Sprintf("image/png; name=\"%s\"", filename)},
		{"Content-Disposition", fmt.Sprintf("inline; filename=\"%s\"", filename)},
		{"Content-ID", "<" + cid + ">"},
		{"Content-Transfer-Encoding", "base64"},
	}, body: b64lines(data)}
}

func pctEncode(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func multipartPart(subtype, boundary string, parts ...part) part {
	return multipartParams(subtype, boundary, "", parts...)
}

func multipartParams(subtype, boundary, params string, parts ...part) part {
	var b bytes.Buffer
	for _, p := range parts {
		b.WriteString("--" + boundary + crlf)
		b.Write(p.bytes())
		b.WriteString(crlf)
	}
	b.WriteString("--" + boundary + "--" + crlf)
	return part{hdrs: []hdr{{"Content-Type", fmt.Sprintf("multipart/%s;\n boundary=\"%s\"%s", subtype, boundary, params)}}, body: b.Bytes()}
}

func rfc822Part(msg []byte, filename string) part {
	h := []hdr{{"Content-Type", "message/rfc822"}}
	if filename != "" {
		h = []hdr{{"Content-Type", fmt.Sprintf("message/rfc822; name=\"%s\"", filename)}, {"Content-Disposition", fmt.Sprintf("attachment; filename=\"%s\"", filename)}}
	}
	return part{hdrs: h, body: msg}
}

func (p part) bytes() []byte {
	var b bytes.Buffer
	b.Write(headerBytes(p.hdrs))
	b.WriteString(crlf)
	b.Write(p.body)
	return b.Bytes()
}

// headerBytes writes header fields, folding long ASCII values at spaces.
func headerBytes(hs []hdr) []byte {
	var b strings.Builder
	for _, h := range hs {
		if strings.Contains(h.value, "\n") {
			b.WriteString(h.name + ": " + toCRLF(h.value) + crlf)
			continue
		}
		b.WriteString(fold(h.name, h.value) + crlf)
	}
	s := b.String()
	if !isASCII(s) {
		panic("non-ASCII header: " + s)
	}
	return []byte(s)
}

func fold(name, value string) string {
	line := name + ": " + value
	if len(line) <= 76 || !strings.Contains(value, " ") || strings.Contains(value, "=?") {
		return line
	}
	var out []string
	cur := name + ":"
	for _, tok := range strings.Split(value, " ") {
		if len(cur)+1+len(tok) > 76 && cur != name+":" {
			out = append(out, cur)
			cur = " " + tok
		} else {
			cur += " " + tok
		}
	}
	out = append(out, cur)
	return strings.Join(out, crlf)
}

// rawMessage is a whole message: top-level fields, then MIME-Version and the body part.
func rawMessage(top []hdr, body part) []byte {
	all := append(append([]hdr{}, top...), hdr{"MIME-Version", "1.0"})
	all = append(all, body.hdrs...)
	var b bytes.Buffer
	b.Write(headerBytes(all))
	b.WriteString(crlf)
	b.Write(body.body)
	return b.Bytes()
}

// ew encodes a header text as RFC 2047 encoded words (B encoding) in charset cs, each word
// at most ~75 characters, joined by folding whitespace.
func ew(s, cs string) string {
	if isASCII(s) {
		return s
	}
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) == 0 {
			return
		}
		raw := encodeCharset(string(cur), cs)
		words = append(words, fmt.Sprintf("=?%s?B?%s?=", strings.ToUpper(cs), base64.StdEncoding.EncodeToString(raw)))
		cur = nil
	}
	for _, r := range s {
		cur = append(cur, r)
		if len(base64.StdEncoding.EncodeToString(encodeCharset(string(cur), cs))) > 40 {
			flush()
		}
	}
	flush()
	return strings.Join(words, "\n ")
}

// ewq is RFC 2047 Q encoding in UTF-8 (as Thunderbird and Outlook write display names).
func ewq(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	for _, c := range []byte(s) {
		switch {
		case c == ' ':
			b.WriteByte('_')
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!*+-/", c) >= 0:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "=%02X", c)
		}
	}
	return "=?UTF-8?Q?" + b.String() + "?="
}

// addr formats a mailbox for a header, encoding a non-ASCII name.
func addr(name, address string) string {
	if name == "" {
		return address
	}
	if !isASCII(name) {
		return ewq(name) + " <" + address + ">"
	}
	if strings.ContainsAny(name, "()<>[]:;@\\,.\"") {
		return fmt.Sprintf("\"%s\" <%s>", strings.ReplaceAll(name, "\"", "\\\""), address)
	}
	return name + " <" + address + ">"
}

// rfcDate formats a date for a Date: header with a fixed zone offset in hours.
func rfcDate(y, mo, d, h, mi int, zone int) string {
	loc := time.FixedZone("", zone*3600)
	return time.Date(y, time.Month(mo), d, h, mi, 7, 0, loc).Format("Mon, 2 Jan 2006 15:04:05 -0700")
}

// envelope is the Return-Path, Delivered-To and Received fields an MX adds.
func envelope(rcpt, sender, helo, ip, date, queueID string) []hdr {
	return []hdr{
		{"Return-Path", "<" + sender + ">"},
		{"Delivered-To", rcpt},
		{"Received", fmt.Sprintf("from %s (%s [%s])\n\tby mx.example.org (Postfix) with ESMTPS id %s\n\tfor <%s>; %s", helo, helo, ip, queueID, rcpt, date)},
	}
}

// ---- DOCX -----------------------------------------------------------------------------

// docxBlock is a paragraph or a table of a DOCX document. In text, "\t" is a w:tab and
// "¦" splits runs (as Word does after edits).
type docxBlock string

func wRuns(s string, bold bool) string {
	rpr := ""
	if bold {
		rpr = "<w:rPr><w:b/></w:rPr>"
	}
	var b strings.Builder
	for i, seg := range strings.Split(s, "¦") {
		rsid := []string{"00A41C2E", "00B7F310", "004D92A6", "00E13B58"}[i%4]
		for j, piece := range strings.Split(seg, "\t") {
			if j > 0 {
				fmt.Fprintf(&b, `<w:r w:rsidR="%s">%s<w:tab/></w:r>`, rsid, rpr)
			}
			if piece != "" {
				fmt.Fprintf(&b, `<w:r w:rsidR="%s">%s<w:t xml:space="preserve">%s</w:t></w:r>`, rsid, rpr, html.EscapeString(piece))
			}
		}
	}
	return b.String()
}

func wP(s string, bold bool) docxBlock {
	return docxBlock(`<w:p><w:pPr><w:spacing w:after="60"/></w:pPr>` + wRuns(s, bold) + `</w:p>`)
}

// wTbl is a table; each cell's lines become paragraphs; a cell starting with "**" is bold.
func wTbl(rows [][]string) docxBlock {
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="9638" w:type="dxa"/><w:tblBorders><w:top w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>`)
	for _, row := range rows {
		b.WriteString("<w:tr>")
		for _, cell := range row {
			bold := strings.HasPrefix(cell, "**")
			cell = strings.TrimPrefix(cell, "**")
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="2400" w:type="dxa"/></w:tcPr>`)
			for _, ln := range strings.Split(cell, "\n") {
				b.WriteString(`<w:p>` + wRuns(ln, bold) + `</w:p>`)
			}
			b.WriteString("</w:tc>")
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
	return docxBlock(b.String())
}

func buildDOCX(creator string, blocks ...docxBlock) []byte {
	var body strings.Builder
	for _, bl := range blocks {
		body.WriteString(string(bl))
	}
	files := [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			`</Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
			`</Relationships>`},
		{"docProps/core.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
			`<dc:creator>` + html.EscapeString(creator) + `</dc:creator></cp:coreProperties>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
			body.String() + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`},
	}
	return buildZip(files...)
}

// buildZip writes name/content pairs into a zip with fixed dates, so fixtures are stable.
func buildZip(files ...[2]string) []byte {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := z.CreateHeader(&zip.FileHeader{Name: f[0], Method: zip.Deflate, Modified: time.Date(2026, 1, 20, 9, 30, 0, 0, time.UTC)})
		if err != nil {
			panic(err)
		}
		_, _ = w.Write([]byte(f[1]))
	}
	_ = z.Close()
	return buf.Bytes()
}

const docxCT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// ---- PDF ------------------------------------------------------------------------------

// pdfDoc is a hand-written PDF: standard fonts, WinAnsi text, each label and value its own
// text object; two objects on one baseline read as one line.
type pdfDoc struct {
	pages [][]string
	y     float64
}

func newPDF() *pdfDoc { return &pdfDoc{pages: [][]string{nil}, y: 790} }

func pdfStr(s string) string {
	raw := encodeCharset(s, "windows-1252")
	var b strings.Builder
	b.WriteByte('(')
	for _, c := range raw {
		switch {
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c >= 32 && c < 127:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "\\%03o", c)
		}
	}
	b.WriteByte(')')
	return b.String()
}

func (p *pdfDoc) put(x, y float64, s string, bold bool, size float64) {
	font := "/F1"
	if bold {
		font = "/F2"
	}
	p.pages[len(p.pages)-1] = append(p.pages[len(p.pages)-1], fmt.Sprintf("BT %s %g Tf %g %g Td %s Tj ET", font, size, x, y, pdfStr(s)))
}

func (p *pdfDoc) newline(dy float64) {
	p.y -= dy
	if p.y < 60 {
		p.pages = append(p.pages, nil)
		p.y = 790
	}
}

// line writes one line of text at the left margin (or x).
func (p *pdfDoc) line(s string, bold bool) *pdfDoc {
	if s != "" {
		p.put(56, p.y, s, bold, 10)
	}
	p.newline(13.5)
	return p
}

// para writes running text wrapped at width characters.
func (p *pdfDoc) para(s string, width int) *pdfDoc {
	for _, ln := range wrapText(s, width) {
		p.line(ln, false)
	}
	p.newline(5)
	return p
}

// kv writes a label and a value as separate text objects on one baseline; the value wraps.
func (p *pdfDoc) kv(label, value string) *pdfDoc {
	lines := wrapText(value, 70)
	if len(lines) == 0 {
		lines = []string{""}
	}
	p.put(56, p.y, label, true, 10)
	for _, ln := range lines {
		if ln != "" {
			p.put(170, p.y, ln, false, 10)
		}
		p.newline(13.5)
	}
	return p
}

// kv2 writes two label/value pairs on one baseline.
func (p *pdfDoc) kv2(l1, v1, l2, v2 string) *pdfDoc {
	p.put(56, p.y, l1, true, 10)
	p.put(150, p.y, v1, false, 10)
	p.put(300, p.y, l2, true, 10)
	p.put(400, p.y, v2, false, 10)
	p.newline(13.5)
	return p
}

func (p *pdfDoc) bytes() []byte {
	objs := map[int][]byte{}
	var kids []string
	for i, ops := range p.pages {
		n := 6 + 2*i
		kids = append(kids, fmt.Sprintf("%d 0 R", n))
		stream := []byte(strings.Join(ops, "\n") + "\n")
		objs[n] = []byte(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>", n+1))
		objs[n+1] = append([]byte(fmt.Sprintf("<< /Length %d >>\nstream\n", len(stream))), append(stream, []byte("\nendstream")...)...)
	}
	objs[1] = []byte("<< /Type /Catalog /Pages 2 0 R >>")
	objs[2] = []byte(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(p.pages)))
	objs[3] = []byte("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	objs[4] = []byte("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
	objs[5] = []byte("<< /Producer (liaisond classify fixtures) >>")
	var out bytes.Buffer
	out.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	size := 6 + 2*len(p.pages)
	offsets := make([]int, size)
	for n := 1; n < size; n++ {
		offsets[n] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n", n)
		out.Write(objs[n])
		out.WriteString("\nendobj\n")
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", size)
	for n := 1; n < size; n++ {
		fmt.Fprintf(&out, "%010d 00000 n \n", offsets[n])
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n", size, xref)
	return out.Bytes()
}

func wrapText(s string, width int) []string {
	var out []string
	cur := ""
	for _, w := range strings.Fields(s) {
		if cur != "" && len(cur)+1+len(w) > width {
			out = append(out, cur)
			cur = w
		} else if cur == "" {
			cur = w
		} else {
			cur += " " + w
		}
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

// ---- RTF ------------------------------------------------------------------------------

func rtfEsc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\' || r == '{' || r == '}':
			b.WriteRune('\\')
			b.WriteRune(r)
		case r < 128:
			b.WriteRune(r)
		default:
			raw := encodeCharset(string(r), "windows-1252")
			fmt.Fprintf(&b, "\\'%02x", raw[0])
		}
	}
	return b.String()
}

// buildRTF writes paragraphs and a two-column table (label, value) as Word does.
func buildRTF(before []string, table [][2]string, after []string) []byte {
	var b strings.Builder
	b.WriteString(`{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss\fcharset0 Arial;}}` + crlf)
	for _, p := range before {
		b.WriteString(`\pard\sa60 ` + rtfEsc(p) + `\par` + crlf)
	}
	for _, row := range table {
		b.WriteString(`\trowd\trgaph108\trleft0\cellx2600\cellx9600` + crlf)
		b.WriteString(`\pard\intbl\b ` + rtfEsc(row[0]) + `\b0\cell\pard\intbl ` + strings.ReplaceAll(rtfEsc(row[1]), "\n", `\line `) + `\cell\row` + crlf)
	}
	for _, p := range after {
		b.WriteString(`\pard\sa120 ` + rtfEsc(p) + `\par` + crlf)
	}
	b.WriteString("}" + crlf)
	return []byte(b.String())
}

// ---- expected results ------------------------------------------------------------------

type attExp struct {
	Filename    string `json:"filename"`
	ContentType string `json:"content_type"`
}

// expect is the expected extraction, in contract order.
type expect struct {
	IsLiaison        bool     `json:"is_liaison"`
	Title            *string  `json:"title"`
	From             []string `json:"from"`
	FromContacts     []string `json:"from_contacts"`
	SendReplyTo      *string  `json:"send_reply_to"`
	To               []string `json:"to"`
	ToContacts       []string `json:"to_contacts"`
	SendTo           *string  `json:"send_to"`
	Purpose          *string  `json:"purpose"`
	Deadline         *string  `json:"deadline"`
	InResponseTo     *string  `json:"in_response_to"`
	OtherIdentifiers []string `json:"other_identifiers"`
	DeliveredTo      *string  `json:"delivered_to"`
	Misdirected      bool     `json:"misdirected"`
	RouteTo          []string `json:"route_to"`
	Attachments      []attExp `json:"attachments"`
}

func (e expect) json() []byte {
	if !e.IsLiaison {
		b, _ := json.MarshalIndent(struct {
			IsLiaison   bool    `json:"is_liaison"`
			DeliveredTo *string `json:"delivered_to"`
		}{false, e.DeliveredTo}, "", "  ")
		return append(b, '\n')
	}
	for _, l := range []*[]string{&e.From, &e.FromContacts, &e.To, &e.ToContacts, &e.OtherIdentifiers, &e.RouteTo} {
		if *l == nil {
			*l = []string{}
		}
	}
	if e.Attachments == nil {
		e.Attachments = []attExp{}
	}
	b, _ := json.MarshalIndent(e, "", "  ")
	return append(b, '\n')
}

func sp(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func negative(deliveredTo string) expect { return expect{DeliveredTo: sp(deliveredTo)} }

// lbl pads a label to a column, 3GPP plain-text style; "\n" in value continues under it.
func lbl(label, value string, col int) string {
	lines := strings.Split(value, "\n")
	out := label + strings.Repeat(" ", max(1, col-len(label))) + lines[0]
	for _, l := range lines[1:] {
		out += "\n" + strings.Repeat(" ", col) + l
	}
	return strings.TrimRight(out, " ")
}

// pngBytes is a tiny valid PNG (1x1) for inline signature images.
var pngBytes = []byte{0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
	0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00,
	0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff,
	0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82}
