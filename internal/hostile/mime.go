package hostile

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"strings"
)

// Messages returns the messages built to exhaust a MIME parser: nesting, part counts,
// giant header lines, damaged encodings, NUL bytes, lying sizes, broken TNEF, hostile zips.
func Messages() []MessageCase {
	mixed := "Content-Type: multipart/mixed; boundary=mix\r\n"
	return []MessageCase{
		{"100-level nested multipart", func() []byte { return NestedMultipart(100) }},
		{"100-level nested message/rfc822", func() []byte { return NestedRFC822(100) }},
		{"header line over 1 MiB", func() []byte {
			return Message("X-Long: "+strings.Repeat("a", 1<<20+10)+"\r\n", "body\r\n")
		}},
		{"part header line over 1 MiB", func() []byte {
			return Message(mixed, "--mix\r\nX-Long: "+strings.Repeat("a", 1<<20+10)+"\r\n\r\npart body\r\n--mix--\r\n")
		}},
		{"5000 parts", func() []byte { return ManyParts(5000) }},
		{"truncated base64", func() []byte { return Message(mixed, TruncatedBase64Part()) }},
		{"NUL bytes", func() []byte {
			return Message("X-Nul: a\x00b\r\nContent-Type: text/plain; charset=utf-8\r\n", "text\x00with\x00NULs\r\n")
		}},
		{"part over MaxPartBytes", func() []byte { return Message(mixed, Base64Part("big.bin", make([]byte, 3<<20))) }},
		{"parts over MaxTotalBytes", func() []byte {
			return Message(mixed, Base64Part("a.bin", make([]byte, 900<<10))+Base64Part("b.bin", make([]byte, 900<<10))+
				Base64Part("c.bin", make([]byte, 900<<10)))
		}},
		{"huge declared size", func() []byte {
			return Message(mixed, "--mix\r\nContent-Type: application/pdf\r\nContent-Length: 99999999999999\r\n"+
				"Content-Disposition: attachment; filename=a.pdf; size=99999999999999\r\n\r\n%PDF\r\n--mix--\r\n")
		}},
		{"TNEF with lying lengths", func() []byte {
			return Message(mixed, "--mix\r\nContent-Type: application/ms-tnef; name=winmail.dat\r\nContent-Transfer-Encoding: base64\r\n\r\n"+
				Wrap76(base64.StdEncoding.EncodeToString(LyingTNEF()))+"\r\n--mix--\r\n")
		}},
		{"TNEF that is not TNEF", func() []byte {
			return Message(mixed, "--mix\r\nContent-Type: application/ms-tnef; name=winmail.dat\r\n\r\nnot tnef at all\r\n--mix--\r\n")
		}},
		{"100000 delimiter lines", func() []byte {
			return Message("Content-Type: multipart/mixed; boundary=d\r\n", strings.Repeat("--d\r\n", 100000))
		}},
		{"50000 encoded words in alternating charsets", func() []byte {
			return Message("X-Words: "+strings.Repeat("=?iso-8859-1?q?a?= =?koi8-r?q?b?= ", 25000)+"\r\nContent-Type: text/plain\r\n", "x\r\n")
		}},
		{"280000 From: lines in the body", func() []byte {
			return Message("", strings.Repeat("From: a <a@example.com>\r\n", 280000))
		}},
		{"zip attachment whose member inflates past the caps (zip bomb)", func() []byte {
			return Message(mixed, Base64Part("SP-170768.zip", archive("zip bomb: one member inflating past the entry cap")))
		}},
		{"zip attachment whose member names leave the archive", func() []byte {
			return Message(mixed, Base64Part("SP-170768.zip", archive("member names that leave the archive")))
		}},
		{"multipart boundary inside itself", func() []byte {
			return Message("Content-Type: multipart/mixed; boundary=\"a\"\r\n", "--a\r\nContent-Type: multipart/mixed; boundary=\"a\"\r\n\r\n--a\r\n--a--\r\n")
		}},
	}
}

// Message starts a message with a plain header; body follows the empty line.
func Message(header, body string) []byte {
	return []byte("From: attacker@example.com\r\nTo: statements@example.org\r\nSubject: hostile\r\n" +
		header + "\r\n" + body)
}

// NestedMultipart nests levels multiparts, each the only part of the one around it.
func NestedMultipart(levels int) []byte {
	var b strings.Builder
	for i := 0; i < levels; i++ {
		fmt.Fprintf(&b, "--b%d\r\nContent-Type: multipart/mixed; boundary=\"b%d\"\r\n\r\n", i, i+1)
	}
	b.WriteString("--b" + fmt.Sprint(levels) + "\r\nContent-Type: text/plain\r\n\r\ndeep\r\n")
	return Message("Content-Type: multipart/mixed; boundary=\"b0\"\r\n", b.String())
}

// NestedRFC822 nests levels forwarded messages.
func NestedRFC822(levels int) []byte {
	msg := "Subject: innermost\r\n\r\ndeep\r\n"
	for i := 0; i < levels; i++ {
		msg = "Subject: level\r\nContent-Type: message/rfc822\r\n\r\n" + msg
	}
	return Message("Content-Type: message/rfc822\r\n", msg)
}

// ManyParts is a multipart of n one-byte files.
func ManyParts(n int) []byte {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("--many\r\nContent-Type: application/octet-stream; name=\"p.bin\"\r\n\r\nx\r\n")
	}
	b.WriteString("--many--\r\n")
	return Message("Content-Type: multipart/mixed; boundary=many\r\n", b.String())
}

// Base64Part is a part of the boundary "mix" holding data as the file name.
func Base64Part(name string, data []byte) string {
	return "--mix\r\nContent-Type: application/octet-stream; name=\"" + name + "\"\r\n" +
		"Content-Transfer-Encoding: base64\r\n\r\n" + Wrap76(base64.StdEncoding.EncodeToString(data)) + "\r\n"
}

// TruncatedBase64Part is a base64 part cut one character into its last 4-character group,
// without its closing boundary: a message cut short in transit.
func TruncatedBase64Part() string {
	enc := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte("%PDF"), 1000))
	enc = enc[:len(enc)/4*4-3]
	return "--mix\r\nContent-Type: application/pdf; name=\"a.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + Wrap76(enc)
}

// Wrap76 breaks s into lines of 76 characters, as base64 bodies are written.
func Wrap76(s string) string {
	var b strings.Builder
	for len(s) > 76 {
		b.WriteString(s[:76] + "\r\n")
		s = s[76:]
	}
	b.WriteString(s)
	return b.String()
}

// LyingTNEF is a winmail.dat whose first attribute claims 4 GiB of data and holds four
// bytes.
func LyingTNEF() []byte {
	le := binary.LittleEndian
	b := le.AppendUint32(nil, 0x223E9F78) // the TNEF signature
	b = le.AppendUint16(b, 0x1234)        // legacy key
	b = append(b, 2)                      // attachment level
	b = le.AppendUint32(b, 0x00069002)    // attAttachRendData
	b = le.AppendUint32(b, 0xFFFFFFF0)
	return append(b, 1, 0, 0xff, 0xff)
}

// archive returns the bytes of the case of Archives named name.
func archive(name string) []byte {
	for _, c := range Archives() {
		if c.Name == name {
			data, err := c.Data()
			if err != nil {
				panic(err)
			}
			return data
		}
	}
	panic("no archive case " + name)
}
