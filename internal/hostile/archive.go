package hostile

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"strings"
)

// Archives returns zip archives built to exhaust or mislead the archive reader (statements
// sent as SP-170768.zip) and tar.gz archives: bombs, nested zips, too many entries, member
// names that try to leave the archive, links, devices and encrypted entries. Each package keeps its expectations.
func Archives() []FileCase {
	return []FileCase{
		{"zip bomb: one member inflating past the entry cap", "SP-bomb.zip", ok(func() []byte {
			return Zip("SP-170768.doc", strings.Repeat("\x00", 70<<20))
		})},
		{"zip bomb: members inflating past the total cap", "SP-total.zip", ok(func() []byte {
			var parts []string
			for i := range 5 {
				parts = append(parts, fmt.Sprintf("part%d.txt", i), strings.Repeat("x", 3<<20))
			}
			return Zip(parts...)
		})},
		{"zip bomb: a zip of bombs (42.zip style)", "SP-42.zip", ok(func() []byte {
			inner := Zip("a.txt", strings.Repeat("a", 3<<20), "b.txt", strings.Repeat("b", 3<<20), "c.txt", strings.Repeat("c", 3<<20))
			return Zip("one.zip", string(inner), "two.zip", string(inner))
		})},
		{"zip with too many members", "SP-many.zip", ok(func() []byte {
			var parts []string
			for i := range 10001 {
				parts = append(parts, fmt.Sprintf("f%d.txt", i), "x")
			}
			return Zip(parts...)
		})},
		{"member names that leave the archive", "SP-names.zip", ok(func() []byte {
			return Zip("../../../../etc/passwd", "root", "/etc/shadow", "x", `..\..\windows\system.ini`, "w",
				"docs/../../up.txt", "u", "ok/SP-170768.txt", "Title: kept", "name\x00with\x1bcontrols.txt", "c")
		})},
		{"zip nested three deep", "SP-deep.zip", ok(func() []byte {
			deepest := Zip("deepest.txt", "three")
			middle := Zip("middle.txt", "two", "level2.zip", string(deepest))
			return Zip("top.txt", "zero", "level1.zip", string(middle))
		})},
		{"link and encrypted members", "SP-odd.zip", ok(oddMembers)},
		{"gzip bomb: a tar.gz member inflating past the entry cap", "SP-bomb.tar.gz", ok(func() []byte {
			return TarGz(&tar.Header{Name: "SP-170768.doc"}, strings.Repeat("\x00", 20<<20))
		})},
		{"tar.gz with names that leave the archive, links and devices", "SP-odd.tar.gz", ok(func() []byte {
			return TarGz(&tar.Header{Name: "../../../../etc/passwd"}, "root",
				&tar.Header{Name: "/abs/SP-1.txt"}, "abs",
				&tar.Header{Name: "docs/", Typeflag: tar.TypeDir}, "",
				&tar.Header{Name: "docs/link.txt", Typeflag: tar.TypeSymlink, Linkname: "/etc/shadow"}, "",
				&tar.Header{Name: "docs/hard.txt", Typeflag: tar.TypeLink, Linkname: "../../etc/passwd"}, "",
				&tar.Header{Name: "docs/tty", Typeflag: tar.TypeChar, Devmajor: 4}, "",
				&tar.Header{Name: "docs/SP-170768.txt"}, "Title: kept")
		})},
		{"truncated tar.gz", "SP-cut.tar.gz", ok(func() []byte {
			z := TarGz(&tar.Header{Name: "SP-170768.txt"}, strings.Repeat("statement ", 1000))
			return z[:len(z)/2]
		})},
		{"truncated zip", "SP-cut.zip", ok(func() []byte {
			z := Zip("SP-170768.txt", strings.Repeat("statement ", 1000))
			return z[:len(z)/2]
		})},
	}
}

// TarGz builds a gzip-compressed tar from header → content pairs, in order; a regular
// file's size is set from its content.
func TarGz(parts ...any) []byte {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for i := 0; i+1 < len(parts); i += 2 {
		h, body := parts[i].(*tar.Header), parts[i+1].(string)
		if h.Typeflag == 0 {
			h.Typeflag = tar.TypeReg
		}
		if h.Typeflag == tar.TypeReg {
			h.Size = int64(len(body))
		}
		if h.Mode == 0 {
			h.Mode = 0o644
		}
		err := tw.WriteHeader(h)
		if err == nil && h.Size > 0 {
			_, err = tw.Write([]byte(body))
		}
		if err != nil {
			panic(err)
		}
	}
	if err := tw.Close(); err != nil {
		panic(err)
	}
	if err := gz.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// oddMembers is a zip with a folder, a symbolic link, an entry marked encrypted and one
// plain file.
func oddMembers() []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(h *zip.FileHeader, body string) {
		w, err := zw.CreateHeader(h)
		if err == nil {
			_, err = w.Write([]byte(body))
		}
		if err != nil {
			panic(err)
		}
	}
	add(&zip.FileHeader{Name: "folder/"}, "")
	link := &zip.FileHeader{Name: "link.txt"}
	link.SetMode(fs.ModeSymlink | 0o777)
	add(link, "/etc/passwd")
	add(&zip.FileHeader{Name: "secret.txt", Flags: 0x1}, "garbled")
	add(&zip.FileHeader{Name: "plain.txt", Method: zip.Deflate}, "plain text")
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}
