package message

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// tnefTestFile is one attachment for buildTNEF: title is attAttachTitle (8-bit, in the
// stream's code page), long is PR_ATTACH_LONG_FILENAME (UTF-16), mime PR_ATTACH_MIME_TAG.
// A nil data writes no attAttachData (an embedded object).
type tnefTestFile struct {
	title []byte
	long  string
	mime  string
	data  []byte
}

// buildTNEF writes a TNEF stream the way Outlook lays it out: message attributes, then per
// attachment attAttachRendData, attAttachTitle, attAttachData and attAttachment.
func buildTNEF(codepage uint32, files []tnefTestFile) []byte {
	var b bytes.Buffer
	le := binary.LittleEndian
	b.Write(le.AppendUint32(nil, tnefSignature))
	b.Write(le.AppendUint16(nil, 0x1234))
	attr := func(level byte, id uint32, data []byte) {
		b.WriteByte(level)
		b.Write(le.AppendUint32(nil, id))
		b.Write(le.AppendUint32(nil, uint32(len(data))))
		b.Write(data)
		sum := uint16(0)
		for _, c := range data {
			sum += uint16(c)
		}
		b.Write(le.AppendUint16(nil, sum))
	}
	attr(1, 0x00089006, le.AppendUint32(nil, 0x00010000))                   // attTnefVersion
	attr(1, 0x00069007, le.AppendUint32(le.AppendUint32(nil, codepage), 0)) // attOemCodepage
	attr(1, 0x00078008, []byte("IPM.Microsoft Mail.Note\x00"))              // attMessageClass
	for _, f := range files {
		attr(2, 0x00069002, []byte{1, 0, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0}) // attAttachRendData
		if f.title != nil {
			attr(2, 0x00018010, append(append([]byte{}, f.title...), 0))
		}
		if f.data != nil {
			attr(2, 0x0006800F, f.data)
		}
		attr(2, 0x00069005, mapiProps(f))
	}
	return b.Bytes()
}

// mapiProps writes the attachment properties: a fixed-size one, a named one, then the
// long file name and MIME tag when set.
func mapiProps(f tnefTestFile) []byte {
	le := binary.LittleEndian
	var p []byte
	count := 2
	p = le.AppendUint16(p, 0x0003) // PT_LONG PR_ATTACH_METHOD = 1
	p = le.AppendUint16(p, 0x3705)
	p = le.AppendUint32(p, 1)
	p = le.AppendUint16(p, 0x001E) // a named PT_STRING8 property with a string name
	p = le.AppendUint16(p, 0x8005)
	p = append(p, bytes.Repeat([]byte{0xAB}, 16)...)
	name := utf16Bytes("Keywords")
	p = le.AppendUint32(p, 1)
	p = le.AppendUint32(p, uint32(len(name)))
	p = append(p, padded(name)...)
	p = stringProp(p, []byte("x\x00"))
	if f.long != "" {
		count++
		p = le.AppendUint16(p, 0x001F)
		p = le.AppendUint16(p, prAttachLongFilename)
		p = stringProp(p, utf16Bytes(f.long))
	}
	if f.mime != "" {
		count++
		p = le.AppendUint16(p, 0x001E)
		p = le.AppendUint16(p, prAttachMimeTag)
		p = stringProp(p, []byte(f.mime+"\x00"))
	}
	return append(le.AppendUint32(nil, uint32(count)), p...)
}

// stringProp appends a variable-size value: count 1, length, bytes padded to 4.
func stringProp(p, v []byte) []byte {
	p = binary.LittleEndian.AppendUint32(p, 1)
	p = binary.LittleEndian.AppendUint32(p, uint32(len(v)))
	return append(p, padded(v)...)
}

func padded(v []byte) []byte {
	return append(append([]byte{}, v...), make([]byte, (4-len(v)%4)%4)...)
}

func utf16Bytes(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s + "\x00")) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}

// fixtureTNEF is the winmail.dat of the 25-tnef-winmail fixture: a file with a long
// Unicode name, one with only an 8-bit title, and an embedded object without data.
func fixtureTNEF() []byte {
	return buildTNEF(1252, []tnefTestFile{
		{title: []byte("LS-2026-042 R\xe9ponse.docx"), long: "LS-2026-042 Réponse – final.docx",
			mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			data: []byte("PK\x03\x04 fake docx inside winmail.dat")},
		{title: []byte("Agenda \x80 2026.pdf"), data: []byte("%PDF-1.4\n% fake pdf\n%%EOF\n")},
		{title: []byte("embedded.msg")},
	})
}

// fixtureTNEFMessage is the whole 25-tnef-winmail.eml: an Outlook "rich text" message.
func fixtureTNEFMessage() []byte {
	enc := base64.StdEncoding.EncodeToString(fixtureTNEF())
	var lines []string
	for len(enc) > 76 {
		lines, enc = append(lines, enc[:76]), enc[76:]
	}
	lines = append(lines, enc)
	msg := strings.Join([]string{
		"Return-Path: <erik.svensson@example.com>",
		"Delivered-To: statements@example.org",
		"From: Erik Svensson <erik.svensson@example.com>",
		"To: statements@example.org",
		"Subject: LS-2026-042 reply",
		"Date: Tue, 14 Apr 2026 10:00:00 +0200",
		"Message-ID: <tnef.0022@example.com>",
		"MIME-Version: 1.0",
		"X-MS-Has-Attach: yes",
		"X-MS-TNEF-Correlator: <tnef.0022@example.com>",
		`Content-Type: multipart/mixed; boundary="_000_TNEF_"`,
		"",
		"--_000_TNEF_",
		`Content-Type: text/plain; charset="us-ascii"`,
		"",
		"Please find our reply attached.",
		"",
		"--_000_TNEF_",
		"Content-Type: application/ms-tnef; name=\"winmail.dat\"",
		"Content-Disposition: attachment; filename=\"winmail.dat\"",
		"Content-Transfer-Encoding: base64",
		"",
	}, "\r\n") + "\r\n" + strings.Join(lines, "\r\n") + "\r\n\r\n--_000_TNEF_--\r\n"
	return []byte(msg)
}

// TestTNEFFixture keeps testdata/parse/25-tnef-winmail.eml equal to what the builder
// writes (-update rewrites it).
func TestTNEFFixture(t *testing.T) {
	file := filepath.Join("testdata", "parse", "25-tnef-winmail.eml")
	want := fixtureTNEFMessage()
	if updating() {
		if err := os.WriteFile(file, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale; run go test -run TestTNEFFixture -update ./mail", file)
	}
}

func TestReadTNEF(t *testing.T) {
	files, err := readTNEF(fixtureTNEF(), 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []tnefFile{
		{Name: "LS-2026-042 Réponse – final.docx", ContentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Data: []byte("PK\x03\x04 fake docx inside winmail.dat")},
		{Name: "Agenda € 2026.pdf", Data: []byte("%PDF-1.4\n% fake pdf\n%%EOF\n")},
	}
	if len(files) != len(want) {
		t.Fatalf("got %d files, want %d", len(files), len(want))
	}
	for i, w := range want {
		g := files[i]
		if g.Name != w.Name || g.ContentType != w.ContentType || !bytes.Equal(g.Data, w.Data) {
			t.Errorf("file %d: got %q %q %q, want %q %q %q", i, g.Name, g.ContentType, g.Data, w.Name, w.ContentType, w.Data)
		}
	}
}

// tnefOffsets locates fields of fixtureTNEF that hostile tests overwrite: the length of
// the first attAttachRendData (after the 6-byte header and the three message attributes,
// 15 + 19 + 35 bytes, plus level and ID) and the property count of the first attAttachment.
func tnefOffsets(good []byte) (firstAttachLen, propsCount int) {
	return 6 + 15 + 19 + 35 + 5, bytes.Index(good, []byte{3, 0, 0x05, 0x37}) - 4
}

// lyingTNEF is fixtureTNEF with its first attribute of an attachment claiming 4 GiB.
func lyingTNEF() []byte {
	b := fixtureTNEF()
	at, _ := tnefOffsets(b)
	binary.LittleEndian.PutUint32(b[at:], 0xFFFFFFF0)
	return b
}

// titleFirstTNEF is a stream whose first attachment attribute is attAttachTitle.
func titleFirstTNEF() []byte {
	b := binary.LittleEndian.AppendUint32(nil, tnefSignature)
	b = binary.LittleEndian.AppendUint16(b, 0)
	b = append(b, 2)
	b = binary.LittleEndian.AppendUint32(b, 0x00018010)
	b = binary.LittleEndian.AppendUint32(b, 2)
	return append(b, 'a', 0, 'a', 0)
}

// TestReadTNEFHostile feeds streams whose lengths and counts lie: each ends with an error
// naming the place, keeps what came before, and allocates nothing the input does not hold.
func TestReadTNEFHostile(t *testing.T) {
	good := fixtureTNEF()
	le := binary.LittleEndian
	lying := func(at int, v uint32) []byte {
		b := bytes.Clone(good)
		le.PutUint32(b[at:], v)
		return b
	}
	_, propsCount := tnefOffsets(good)
	tests := []struct {
		name      string
		in        []byte
		max       int
		wantErr   string
		wantFiles int
	}{
		{"not tnef", []byte("hello world"), 10, "not a TNEF stream", 0},
		{"empty", nil, 10, "not a TNEF stream", 0},
		{"attribute length 4 GiB", lyingTNEF(), 10, "runs past the end", 0},
		{"property count huge", lying(propsCount, 0x7FFFFFFF), 10, "cannot fit", 1},
		{"truncated in the middle", good[:len(good)-40], 10, "runs past the end", 2},
		{"too many files", good, 1, "more than 1 files", 1},
		{"title before any attAttachRendData, no room", titleFirstTNEF(), 0, "more than 0 files", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, err := readTNEF(tt.in, tt.max)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %v, want one containing %q", err, tt.wantErr)
			}
			if len(files) != tt.wantFiles {
				t.Errorf("got %d files, want %d", len(files), tt.wantFiles)
			}
		})
	}
}

func FuzzTNEF(f *testing.F) {
	good := fixtureTNEF()
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add(buildTNEF(65001, []tnefTestFile{{long: "x", data: []byte{}}}))
	f.Fuzz(func(t *testing.T, in []byte) {
		files, _ := readTNEF(in, 8)
		if len(files) > 8 {
			t.Fatalf("%d files past the limit", len(files))
		}
		total := 0
		for _, f := range files {
			total += len(f.Data)
		}
		if total > len(in) {
			t.Fatalf("%d bytes of files from %d bytes of input", total, len(in))
		}
	})
}
