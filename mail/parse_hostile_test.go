package mail

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// hostileMessage starts a message with a plain header; body follows the empty line.
func hostileMessage(header, body string) []byte {
	return []byte("From: attacker@example.com\r\nTo: statements@example.org\r\nSubject: hostile\r\n" +
		header + "\r\n" + body)
}

func nestedMultipart(levels int) []byte {
	var b strings.Builder
	for i := 0; i < levels; i++ {
		fmt.Fprintf(&b, "--b%d\r\nContent-Type: multipart/mixed; boundary=\"b%d\"\r\n\r\n", i, i+1)
	}
	b.WriteString("--b" + fmt.Sprint(levels) + "\r\nContent-Type: text/plain\r\n\r\ndeep\r\n")
	return hostileMessage("Content-Type: multipart/mixed; boundary=\"b0\"\r\n", b.String())
}

func nestedRFC822(levels int) []byte {
	msg := "Subject: innermost\r\n\r\ndeep\r\n"
	for i := 0; i < levels; i++ {
		msg = "Subject: level\r\nContent-Type: message/rfc822\r\n\r\n" + msg
	}
	return hostileMessage("Content-Type: message/rfc822\r\n", msg)
}

func manyParts(n int) []byte {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("--many\r\nContent-Type: application/octet-stream; name=\"p.bin\"\r\n\r\nx\r\n")
	}
	b.WriteString("--many--\r\n")
	return hostileMessage("Content-Type: multipart/mixed; boundary=many\r\n", b.String())
}

func base64Part(name string, data []byte) string {
	return "--mix\r\nContent-Type: application/octet-stream; name=\"" + name + "\"\r\n" +
		"Content-Transfer-Encoding: base64\r\n\r\n" + wrap76(base64.StdEncoding.EncodeToString(data)) + "\r\n"
}

// truncatedBase64Part is a base64 part cut one character into its last 4-character group,
// without its closing boundary: a message cut short in transit.
func truncatedBase64Part() string {
	enc := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte("%PDF"), 1000))
	enc = enc[:len(enc)/4*4-3]
	return "--mix\r\nContent-Type: application/pdf; name=\"a.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + wrap76(enc)
}

func wrap76(s string) string {
	var b strings.Builder
	for len(s) > 76 {
		b.WriteString(s[:76] + "\r\n")
		s = s[76:]
	}
	b.WriteString(s)
	return b.String()
}

// TestParseHostile feeds messages built to exhaust a parser. Each must come back quickly,
// with bounded memory, with its content so far and a clear Problem naming the limit or the
// damage.
func TestParseHostile(t *testing.T) {
	small := ParseLimits{MaxPartBytes: 1 << 20, MaxTotalBytes: 2 << 20}
	tests := []struct {
		name     string
		raw      []byte
		lim      ParseLimits
		code     IssueCode // expected Problem (or, for repairs, Warning)
		contains string
		check    func(t *testing.T, m *Message)
	}{
		{name: "100-level nested multipart", raw: nestedMultipart(100), code: IssueLimitDepth, contains: "deeper than 20"},
		{name: "100-level nested message/rfc822", raw: nestedRFC822(100), code: IssueLimitDepth, contains: "deeper than 20"},
		{name: "header line over 1 MiB", raw: hostileMessage("X-Long: "+strings.Repeat("a", 1<<20+10)+"\r\n", "body\r\n"),
			code: IssueLimitHeader, contains: "over the limit",
			check: func(t *testing.T, m *Message) {
				if m.Subject != "hostile" || !strings.Contains(m.Text(), "body") {
					t.Errorf("lost the fields before the long line or the body: %q %q", m.Subject, m.Text())
				}
			}},
		{name: "part header line over 1 MiB", raw: hostileMessage("Content-Type: multipart/mixed; boundary=mix\r\n",
			"--mix\r\nX-Long: "+strings.Repeat("a", 1<<20+10)+"\r\n\r\npart body\r\n--mix--\r\n"),
			code: IssueLimitHeader, contains: "part 1: header block"},
		{name: "5000 parts", raw: manyParts(5000), code: IssueLimitParts, contains: "more than 500 MIME parts",
			check: func(t *testing.T, m *Message) {
				if len(m.Attachments) != 499 { // the multipart itself is part 1 of 500
					t.Errorf("%d attachments, want 499", len(m.Attachments))
				}
			}},
		{name: "truncated base64", raw: hostileMessage("Content-Type: multipart/mixed; boundary=mix\r\n",
			truncatedBase64Part()),
			code: IssueEncoding, contains: "middle of a 4-character group"},
		{name: "NUL bytes", raw: hostileMessage("X-Nul: a\x00b\r\nContent-Type: text/plain; charset=utf-8\r\n", "text\x00with\x00NULs\r\n"),
			code: IssueEncoding, contains: "NUL",
			check: func(t *testing.T, m *Message) {
				if m.Text() != "textwithNULs\n" {
					t.Errorf("text %q", m.Text())
				}
			}},
		{name: "part over MaxPartBytes", lim: small,
			raw:  hostileMessage("Content-Type: multipart/mixed; boundary=mix\r\n", base64Part("big.bin", make([]byte, 3<<20))),
			code: IssueLimitPart, contains: "cut there",
			check: func(t *testing.T, m *Message) {
				if a := m.Attachments[0]; !a.Truncated || a.Size != 1<<20 {
					t.Errorf("attachment not cut at the limit: truncated=%v size=%d", a.Truncated, a.Size)
				}
			}},
		{name: "parts over MaxTotalBytes", lim: small,
			raw: hostileMessage("Content-Type: multipart/mixed; boundary=mix\r\n",
				base64Part("a.bin", make([]byte, 900<<10))+base64Part("b.bin", make([]byte, 900<<10))+base64Part("c.bin", make([]byte, 900<<10))),
			code: IssueLimitTotal, contains: "in total"},
		{name: "huge declared size", raw: hostileMessage("Content-Type: multipart/mixed; boundary=mix\r\n",
			"--mix\r\nContent-Type: application/pdf\r\nContent-Length: 99999999999999\r\n"+
				"Content-Disposition: attachment; filename=a.pdf; size=99999999999999\r\n\r\n%PDF\r\n--mix--\r\n"),
			check: func(t *testing.T, m *Message) {
				if len(m.Attachments) != 1 || m.Attachments[0].Size != 4 {
					t.Errorf("declared size must not matter: %+v", m.Attachments)
				}
			}},
		{name: "TNEF with lying lengths", raw: hostileMessage("Content-Type: multipart/mixed; boundary=mix\r\n",
			"--mix\r\nContent-Type: application/ms-tnef; name=winmail.dat\r\nContent-Transfer-Encoding: base64\r\n\r\n"+
				wrap76(base64.StdEncoding.EncodeToString(lyingTNEF()))+"\r\n--mix--\r\n"),
			code: IssueTNEF, contains: "runs past the end"},
		{name: "TNEF that is not TNEF", raw: hostileMessage("Content-Type: multipart/mixed; boundary=mix\r\n",
			"--mix\r\nContent-Type: application/ms-tnef; name=winmail.dat\r\n\r\nnot tnef at all\r\n--mix--\r\n"),
			code: IssueTNEF, contains: "not a TNEF stream",
			check: func(t *testing.T, m *Message) {
				if len(m.Attachments) != 1 || m.Attachments[0].Filename != "winmail.dat" {
					t.Errorf("winmail.dat must be kept when it cannot be unpacked: %+v", m.Attachments)
				}
			}},
		{name: "100000 delimiter lines", raw: hostileMessage("Content-Type: multipart/mixed; boundary=d\r\n",
			strings.Repeat("--d\r\n", 100000)), code: IssueLimitParts},
		{name: "50000 encoded words in alternating charsets", raw: hostileMessage("X-Words: "+
			strings.Repeat("=?iso-8859-1?q?a?= =?koi8-r?q?b?= ", 25000)+"\r\nContent-Type: text/plain\r\n", "x\r\n"),
			check: func(t *testing.T, m *Message) {}},
		{name: "280000 From: lines in the body", raw: hostileMessage("", strings.Repeat("From: a <a@example.com>\r\n", 280000)),
			check: func(t *testing.T, m *Message) {}},
		{name: "multipart boundary inside itself", raw: hostileMessage("Content-Type: multipart/mixed; boundary=\"a\"\r\n",
			"--a\r\nContent-Type: multipart/mixed; boundary=\"a\"\r\n\r\n--a\r\n--a--\r\n"), code: IssueStructure},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			m, err := ParseBytes(tt.raw, tt.lim)
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			if m == nil || err != nil {
				t.Fatalf("ParseBytes: %v, %v", m, err)
			}
			if elapsed > 3*time.Second {
				t.Errorf("took %v", elapsed)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(20*len(tt.raw)+(32<<20)) {
				t.Errorf("allocated %d MB for %d KB of input", alloc>>20, len(tt.raw)>>10)
			}
			checkInvariants(t, m)
			if tt.code != "" && !hasIssue(m, tt.code, tt.contains) {
				t.Errorf("no issue %s %q in\nproblems %v\nwarnings %v", tt.code, tt.contains, m.Problems, m.Warnings)
			}
			if tt.check != nil {
				tt.check(t, m)
			}
		})
	}
}

func hasIssue(m *Message, code IssueCode, contains string) bool {
	for _, is := range append(append([]Issue{}, m.Problems...), m.Warnings...) {
		if is.Code == code && strings.Contains(is.String(), contains) {
			return true
		}
	}
	return false
}

type failingReader struct{ data []byte }

func (r *failingReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, errors.New("disk on fire")
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestParseReader(t *testing.T) {
	t.Run("read error keeps what was read", func(t *testing.T) {
		m, err := Parse(&failingReader{data: []byte("Subject: partial\r\n\r\nbody")}, ParseLimits{})
		if err != nil || m.Subject != "partial" || !hasIssue(m, IssueRead, "disk on fire") {
			t.Errorf("err %v subject %q problems %v", err, m.Subject, m.Problems)
		}
	})
	t.Run("input over twice MaxTotalBytes", func(t *testing.T) {
		raw := hostileMessage("", strings.Repeat("x", 3<<20))
		m, err := Parse(bytes.NewReader(raw), ParseLimits{MaxTotalBytes: 1 << 20})
		if err != nil || !hasIssue(m, IssueLimitTotal, "larger than 2097152 bytes") {
			t.Errorf("err %v problems %v", err, m.Problems)
		}
	})
	for _, in := range []string{"", "\r\n\r\n", "   "} {
		t.Run(fmt.Sprintf("nothing useful in %q", in), func(t *testing.T) {
			m, err := Parse(strings.NewReader(in), ParseLimits{})
			if m == nil || err == nil {
				t.Errorf("want a message and an error, got %v, %v", m, err)
			}
		})
	}
	t.Run("reader error with nothing read", func(t *testing.T) {
		m, err := Parse(&failingReader{}, ParseLimits{})
		if m == nil || err == nil || !hasIssue(m, IssueRead, "disk on fire") {
			t.Errorf("got %v, %v", m, err)
		}
	})
}

func TestParseLimitsDefaults(t *testing.T) {
	if got := (ParseLimits{MaxDepth: -1, MaxParts: 7}).withDefaults(); got.MaxDepth != 20 || got.MaxParts != 7 || got.MaxTotalBytes != 100<<20 {
		t.Errorf("withDefaults: %+v", got)
	}
}

// fuzzLimits keep fuzzing iterations fast while still reaching every limit.
var fuzzLimits = ParseLimits{MaxHeaderBytes: 64 << 10, MaxDepth: 8, MaxParts: 64, MaxPartBytes: 1 << 20, MaxTotalBytes: 4 << 20}

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "parse", "*.eml"))
	for _, file := range files {
		if raw, err := os.ReadFile(file); err == nil {
			f.Add(raw)
		}
	}
	f.Add(nestedMultipart(12))
	f.Add(nestedRFC822(12))
	f.Add(manyParts(70))
	f.Fuzz(func(t *testing.T, raw []byte) {
		p := newMimeParser(fuzzLimits.withDefaults())
		m, _ := p.run(raw)
		if p.panicStack != nil {
			t.Fatalf("panic: %v\n%s", m.Problems, p.panicStack)
		}
		checkInvariants(t, m)
		if p.parts > fuzzLimits.MaxParts || p.decoded > fuzzLimits.MaxTotalBytes {
			t.Fatalf("limits passed: %d parts, %d bytes", p.parts, p.decoded)
		}
	})
}

// BenchmarkParse2MBAttachment parses a cover mail with a 2 MB base64 attachment; the
// reported MB/s is of raw message bytes.
func BenchmarkParse2MBAttachment(b *testing.B) {
	data := make([]byte, 2<<20)
	for i := range data {
		data[i] = byte(i * 7 % 251)
	}
	raw := hostileMessage("Content-Type: multipart/mixed; boundary=mix\r\n",
		"--mix\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease find the LS attached.\r\n"+
			base64Part("LS.pdf", data)+"--mix--\r\n")
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(bytes.NewReader(raw), ParseLimits{}); err != nil {
			b.Fatal(err)
		}
	}
}
