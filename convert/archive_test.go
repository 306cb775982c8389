package convert

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/liaisond/liaisond/internal/hostile"
)

func memberNames(ms []ArchiveMember) []string {
	var names []string
	for _, m := range ms {
		names = append(names, m.Name)
	}
	return names
}

func TestIsArchive(t *testing.T) {
	cases := []struct {
		name, file, declared string
		data                 []byte
		want                 bool
	}{
		{"3GPP zip holding a DOC", "SP-170768.zip", "application/zip", hostile.Zip("SP-170768.doc", "x"), true},
		{"zip declared as octet-stream, no name hint", "part-2", "application/octet-stream", hostile.Zip("a.pdf", "x"), true},
		{"DOCX named .docx", "ls.docx", "", hostile.Docx("<w:p/>"), false},
		{"DOCX named .zip is an office package, not an archive", "ls.zip", "", hostile.Docx("<w:p/>"), false},
		{"ODT package without a name", "part-3", "", hostile.Zip("mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<a/>"), false},
		{"PDF named .zip", "x.zip", "application/zip", []byte("%PDF-1.4\n%%EOF\n"), false},
		{"text named .zip", "x.zip", "", []byte("not a zip"), false},
		{"tar.gz", "SP-1.tar.gz", "application/gzip", hostile.TarGz(&tar.Header{Name: "SP-1.doc"}, "d"), true},
		{"gzip of a PDF is no archive", "x.pdf.gz", "application/gzip", gzipOf(t, []byte("%PDF-1.4\n%%EOF\n")), false},
	}
	for _, c := range cases {
		if got := IsArchive(c.file, c.declared, c.data); got != c.want {
			t.Errorf("%s: IsArchive = %v, want %v", c.name, got, c.want)
		}
	}
	if res, err := Text(context.Background(), "SP-170768.zip", "", hostile.Zip("SP-170768.doc", "x"), Limits{}); err != nil || res.Kind != "zip" || res.Text != "" {
		t.Errorf("Text of an archive: %+v, %v; want kind zip, no text, no error", res, err)
	}
}

func TestReadArchive(t *testing.T) {
	docx := fixture(t, "ls-sample.docx")
	cases := []struct {
		name  string
		data  []byte
		lim   Limits
		names []string
		err   error
	}{
		{"one statement", hostile.Zip("SP-170768.docx", string(docx)), Limits{}, []string{"SP-170768.docx"}, nil},
		{"folders are left out, files keep their folder", hostile.Zip("SP-170768/", "", "SP-170768/SP-170768.doc", "d", "SP-170768/annex.pdf", "p"),
			Limits{}, []string{"SP-170768/SP-170768.doc", "SP-170768/annex.pdf"}, nil},
		{"a zip inside is opened, its files follow it", hostile.Zip("cover.txt", "c", "docs.zip", string(hostile.Zip("S2-1.doc", "d", "S2-2.doc", "e"))),
			Limits{}, []string{"cover.txt", "docs.zip", "docs.zip/S2-1.doc", "docs.zip/S2-2.doc"}, nil},
		{"an office document inside is a file, not opened", hostile.Zip("SP.docx", string(docx)), Limits{}, []string{"SP.docx"}, nil},
		{"entries of both levels count together", hostile.Zip("a.txt", "a", "in.zip", string(hostile.Zip("b.txt", "b", "c.txt", "c"))),
			Limits{MaxZipEntries: 3}, []string{"a.txt", "in.zip"}, ErrLimit},
		{"inflated bytes of both levels count together", hostile.Zip("a.txt", strings.Repeat("a", 600), "in.zip", string(hostile.Zip("b.txt", strings.Repeat("b", 600)))),
			Limits{MaxExpandedBytes: 1000}, []string{"a.txt", "in.zip"}, ErrLimit},
		{"archive over MaxInputBytes", hostile.Zip("a.txt", "a"), Limits{MaxInputBytes: 10}, nil, ErrLimit},
		{"not a zip", []byte("PK\x03\x04 and nothing else"), Limits{}, nil, ErrMalformed},
		{"empty zip", hostile.Zip(), Limits{}, nil, nil},
		{"tar.gz holding the statement", hostile.TarGz(&tar.Header{Name: "SP-170768.docx"}, string(docx)), Limits{}, []string{"SP-170768.docx"}, nil},
		{"tar.gz inside a zip, zip inside a tar.gz", hostile.Zip("a.tar.gz", string(hostile.TarGz(&tar.Header{Name: "b.txt"}, "b"))),
			Limits{}, []string{"a.tar.gz", "a.tar.gz/b.txt"}, nil},
		{"zip inside a tar.gz", hostile.TarGz(&tar.Header{Name: "in.zip"}, string(hostile.Zip("c.txt", "c"))), Limits{}, []string{"in.zip", "in.zip/c.txt"}, nil},
		{"tar.gz stream inflating past the total cap", hostile.TarGz(&tar.Header{Name: "a.txt"}, strings.Repeat("a", 3000)),
			Limits{MaxExpandedBytes: 2048}, nil, ErrLimit},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ms, _, err := ReadArchive(context.Background(), c.data, c.lim)
			if c.err == nil && err != nil || c.err != nil && !errors.Is(err, c.err) {
				t.Errorf("err = %v, want %v", err, c.err)
			}
			if got := memberNames(ms); !slices.Equal(got, c.names) {
				t.Errorf("members %q, want %q", got, c.names)
			}
		})
	}
	t.Run("member data is the file", func(t *testing.T) {
		ms, _, err := ReadArchive(context.Background(), hostile.Zip("SP-170768.docx", string(docx)), Limits{})
		if err != nil || len(ms) != 1 || string(ms[0].Data) != string(docx) {
			t.Fatalf("err %v, %d members", err, len(ms))
		}
		if res := mustText(t, ms[0].Name, ms[0].Data); res.Kind != "docx" || res.Text == "" {
			t.Errorf("member text: kind %q, %d bytes", res.Kind, len(res.Text))
		}
	})
}

// TestReadArchiveHostile reads every archive of hostile.Archives: each stops at its limit or
// leaves the bad entries out, quickly, and no member name can leave the archive.
func TestReadArchiveHostile(t *testing.T) {
	small := Limits{MaxEntryBytes: 4 << 20, MaxExpandedBytes: 8 << 20}
	expect := map[string]struct {
		lim   Limits
		err   error
		names []string // nil: not checked
		warn  string
	}{
		"zip bomb: one member inflating past the entry cap": {Limits{MaxEntryBytes: 4 << 20}, ErrLimit, []string{}, ""},
		"zip bomb: members inflating past the total cap":    {small, ErrLimit, []string{"part0.txt", "part1.txt"}, ""},
		"zip bomb: a zip of bombs (42.zip style)":           {small, ErrLimit, []string{"one.zip", "one.zip/a.txt", "one.zip/b.txt"}, ""},
		"zip with too many members":                         {Limits{}, ErrLimit, []string{}, ""},
		"member names that leave the archive": {Limits{}, nil, []string{"etc/passwd", "etc/shadow", "windows/system.ini",
			"up.txt", "ok/SP-170768.txt", "namewithcontrols.txt"}, ""},
		"zip nested three deep":      {Limits{}, nil, []string{"top.txt", "level1.zip", "level1.zip/middle.txt", "level1.zip/level2.zip"}, ""},
		"link and encrypted members": {Limits{}, nil, []string{"plain.txt"}, "secret.txt is encrypted"},
		"truncated zip":              {Limits{}, ErrMalformed, []string{}, ""},
		"gzip bomb: a tar.gz member inflating past the entry cap":     {Limits{MaxEntryBytes: 4 << 20}, ErrLimit, []string{}, ""},
		"tar.gz with names that leave the archive, links and devices": {Limits{}, nil, []string{"etc/passwd", "abs/SP-1.txt", "docs/SP-170768.txt"}, "docs/link.txt is not a regular file"},
		"truncated tar.gz": {Limits{}, ErrMalformed, nil, ""},
	}
	for _, c := range hostile.Archives() {
		t.Run(c.Name, func(t *testing.T) {
			e, found := expect[c.Name]
			if !found {
				t.Fatal("no expectation for this archive")
			}
			delete(expect, c.Name)
			data, err := c.Data()
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			ms, warnings, err := ReadArchive(context.Background(), data, e.lim)
			if took := time.Since(start); took > 3*time.Second {
				t.Errorf("took %s", took)
			}
			if e.err == nil && err != nil || e.err != nil && !errors.Is(err, e.err) {
				t.Errorf("err = %v, want %v", err, e.err)
			}
			if got := memberNames(ms); e.names != nil && !slices.Equal(append([]string{}, got...), e.names) {
				t.Errorf("members %q, want %q", got, e.names)
			}
			if e.warn != "" && !strings.Contains(strings.Join(warnings, "\n"), e.warn) {
				t.Errorf("warnings %q, want %q", warnings, e.warn)
			}
			checkArchiveMembers(t, ms, e.lim.withDefaults())
		})
	}
	for name := range expect {
		t.Errorf("expectation for %q, which hostile.Archives no longer has", name)
	}
}

// checkArchiveMembers checks what every result of ReadArchive keeps: names that stay inside
// the archive, valid UTF-8 without control characters, sizes within the caps.
func checkArchiveMembers(t *testing.T, ms []ArchiveMember, lim Limits) {
	t.Helper()
	var total int64
	for _, m := range ms {
		if m.Name == "" || strings.HasPrefix(m.Name, "/") || strings.Contains(m.Name, `\`) || !utf8.ValidString(m.Name) ||
			slices.Contains(strings.Split(m.Name, "/"), "..") || strings.ContainsFunc(m.Name, func(r rune) bool { return r < 0x20 }) {
			t.Errorf("unsafe member name %q", m.Name)
		}
		if int64(len(m.Data)) > lim.MaxEntryBytes {
			t.Errorf("member %q has %d bytes, over MaxEntryBytes", m.Name, len(m.Data))
		}
		total += int64(len(m.Data))
	}
	if total > 2*lim.MaxExpandedBytes { // members of an inner zip are counted with it
		t.Errorf("members total %d bytes, over the cap", total)
	}
}

// FuzzReadArchive feeds hostile bytes to the archive reader: it must not panic, hang or
// give an undocumented error, and every member name must stay inside the archive.
//
//	go test ./convert/ -run '^$' -fuzz '^FuzzReadArchive$' -fuzztime 10s -fuzzminimizetime 1x
func FuzzReadArchive(f *testing.F) {
	f.Add(hostile.Zip("SP-170768.doc", "statement"))
	f.Add(hostile.Zip("../x", "a", "in.zip", string(hostile.Zip("b", "b"))))
	f.Add(hostile.Zip("a/", "", "a/b.txt", "b"))
	f.Add(hostile.TarGz(&tar.Header{Name: "../x"}, "x", &tar.Header{Name: "in.zip"}, string(hostile.Zip("b", "b"))))
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		ms, _, err := ReadArchive(context.Background(), data, fuzzLimits)
		if took := time.Since(start); took > 2*fuzzLimits.Timeout {
			t.Fatalf("took %s", took)
		}
		if err != nil && !errors.Is(err, ErrLimit) && !errors.Is(err, ErrMalformed) {
			t.Fatalf("undocumented error: %v", err)
		}
		checkArchiveMembers(t, ms, fuzzLimits)
	})
}

func gzipOf(t *testing.T, data []byte) []byte {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	if _, err := gz.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
