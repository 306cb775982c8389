package message

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/liaisond/liaisond/internal/hostile"
)

// TestParseHostile feeds messages built to exhaust a parser (hostile.Messages). Each must
// come back quickly, with bounded memory, with its content so far and a clear Problem
// naming the limit or the damage.
func TestParseHostile(t *testing.T) {
	expect := parseHostileExpectations()
	for _, c := range hostile.Messages() {
		t.Run(c.Name, func(t *testing.T) {
			tt, found := expect[c.Name]
			if !found {
				t.Fatal("no expectation for this message in parseHostileExpectations")
			}
			delete(expect, c.Name)
			raw := c.Raw()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			m, err := ParseBytes(raw, tt.lim)
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			if m == nil || err != nil {
				t.Fatalf("ParseBytes: %v, %v", m, err)
			}
			if elapsed > 3*time.Second {
				t.Errorf("took %v", elapsed)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(20*len(raw)+(32<<20)) {
				t.Errorf("allocated %d MB for %d KB of input", alloc>>20, len(raw)>>10)
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
	for name := range expect {
		t.Errorf("expectation for %q, which hostile.Messages no longer has", name)
	}
}

// parseHostileExpectation is what the parser must say about one message of
// hostile.Messages: under limits lim, the Problem (or, for repairs, Warning) code with
// contains in its text, and whatever check tests.
type parseHostileExpectation struct {
	lim      ParseLimits
	code     IssueCode
	contains string
	check    func(t *testing.T, m *Message)
}

// parseHostileExpectations are keyed by the names of hostile.Messages.
func parseHostileExpectations() map[string]parseHostileExpectation {
	small := ParseLimits{MaxPartBytes: 1 << 20, MaxTotalBytes: 2 << 20}
	return map[string]parseHostileExpectation{
		"100-level nested multipart":      {code: IssueLimitDepth, contains: "deeper than 20"},
		"100-level nested message/rfc822": {code: IssueLimitDepth, contains: "deeper than 20"},
		"header line over 1 MiB": {code: IssueLimitHeader, contains: "over the limit",
			check: func(t *testing.T, m *Message) {
				if m.Subject != "hostile" || !strings.Contains(m.Text(), "body") {
					t.Errorf("lost the fields before the long line or the body: %q %q", m.Subject, m.Text())
				}
			}},
		"part header line over 1 MiB": {code: IssueLimitHeader, contains: "part 1: header block"},
		"5000 parts": {code: IssueLimitParts, contains: "more than 500 MIME parts",
			check: func(t *testing.T, m *Message) {
				if len(m.Attachments) != 499 { // the multipart itself is part 1 of 500
					t.Errorf("%d attachments, want 499", len(m.Attachments))
				}
			}},
		"truncated base64": {code: IssueEncoding, contains: "middle of a 4-character group"},
		"NUL bytes": {code: IssueEncoding, contains: "NUL",
			check: func(t *testing.T, m *Message) {
				if m.Text() != "textwithNULs\n" {
					t.Errorf("text %q", m.Text())
				}
			}},
		"part over MaxPartBytes": {lim: small, code: IssueLimitPart, contains: "cut there",
			check: func(t *testing.T, m *Message) {
				if a := m.Attachments[0]; !a.Truncated || a.Size != 1<<20 {
					t.Errorf("attachment not cut at the limit: truncated=%v size=%d", a.Truncated, a.Size)
				}
			}},
		"parts over MaxTotalBytes": {lim: small, code: IssueLimitTotal, contains: "in total"},
		"huge declared size": {check: func(t *testing.T, m *Message) {
			if len(m.Attachments) != 1 || m.Attachments[0].Size != 4 {
				t.Errorf("declared size must not matter: %+v", m.Attachments)
			}
		}},
		"TNEF with lying lengths": {code: IssueTNEF, contains: "runs past the end"},
		"TNEF that is not TNEF": {code: IssueTNEF, contains: "not a TNEF stream",
			check: func(t *testing.T, m *Message) {
				if len(m.Attachments) != 1 || m.Attachments[0].Filename != "winmail.dat" {
					t.Errorf("winmail.dat must be kept when it cannot be unpacked: %+v", m.Attachments)
				}
			}},
		"100000 delimiter lines":                      {code: IssueLimitParts},
		"50000 encoded words in alternating charsets": {check: func(t *testing.T, m *Message) {}},
		"280000 From: lines in the body":              {check: func(t *testing.T, m *Message) {}},
		"multipart boundary inside itself":            {code: IssueStructure},
		"zip attachment whose member inflates past the caps (zip bomb)": {lim: small, code: IssueArchive, contains: "expands beyond 1048576 bytes",
			check: func(t *testing.T, m *Message) {
				if len(m.Attachments) != 1 || m.Attachments[0].Filename != "SP-170768.zip" {
					t.Errorf("the zip must stay, alone: %+v", m.Attachments)
				}
			}},
		"zip attachment whose member names leave the archive": {check: func(t *testing.T, m *Message) {
			var paths []string
			for _, a := range m.Attachments[1:] {
				paths = append(paths, a.Path+" "+a.Filename)
				if !a.FromArchive || strings.Contains(a.Path, "..") {
					t.Errorf("member %+v", a)
				}
			}
			want := []string{"1/SP-170768.zip/etc/passwd passwd", "1/SP-170768.zip/etc/shadow shadow",
				"1/SP-170768.zip/windows/system.ini system.ini", "1/SP-170768.zip/up.txt up.txt",
				"1/SP-170768.zip/ok/SP-170768.txt SP-170768.txt", "1/SP-170768.zip/namewithcontrols.txt namewithcontrols.txt"}
			if !slices.Equal(paths, want) {
				t.Errorf("members\n%q\nwant\n%q", paths, want)
			}
		}},
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
		raw := hostile.Message("", strings.Repeat("x", 3<<20))
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
	f.Add(hostile.NestedMultipart(12))
	f.Add(hostile.NestedRFC822(12))
	f.Add(hostile.ManyParts(70))
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
	raw := hostile.Message("Content-Type: multipart/mixed; boundary=mix\r\n",
		"--mix\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease find the LS attached.\r\n"+
			hostile.Base64Part("LS.pdf", data)+"--mix--\r\n")
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(bytes.NewReader(raw), ParseLimits{}); err != nil {
			b.Fatal(err)
		}
	}
}
