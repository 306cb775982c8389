package convert

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Archives: 3GPP and others send a statement as a zip (SP-170768.zip holding the DOC).
// ReadArchive returns the files such an archive carries (zip, tar, tar.gz) so that each
// can be read like any attachment. Zips are read through the same zip reader as DOCX, and
// every archive under the same Limits: the entry count, the inflated size of each entry
// and of all entries together (counted on the bytes actually inflated, never on the sizes
// the archive claims), the time budget. Entry names are cleaned labels: nothing is ever
// written to disk.

// ArchiveMember is one file read from an archive.
type ArchiveMember struct {
	// Name is the entry's name with "/" between folders, cleaned: no leading "/", no "." or
	// ".." steps, valid UTF-8. A file of an archive inside is "inner.zip/name". It is
	// a label to show, never a path on disk.
	Name string
	Data []byte
}

// maxArchiveDepth: an archive inside the archive is opened; one inside that is a file.
const maxArchiveDepth = 1

// IsArchive reports whether an attachment is an archive: a zip that is no office document
// (an office document is a zip too), a tar or a tar.gz, so that ReadArchive gives its files.
func IsArchive(filename, declaredType string, data []byte) bool {
	kind, _ := Detect(filename, declaredType, data)
	return kind == "zip" || kind == "tar"
}

// ReadArchive returns the files of a zip, tar or tar.gz archive in archive order, with
// folders, links and encrypted or unreadable entries left out (warnings name them). An
// archive among the files is returned and opened too, one level deep; its files follow it.
// MaxZipEntries counts the entries of both levels together, MaxExpandedBytes their
// inflated bytes together (for tar.gz, the whole inflated stream). When a limit stops the
// reading, or the archive is not readable, the error (ErrLimit, ErrMalformed) comes with
// the files read so far.
func ReadArchive(ctx context.Context, data []byte, lim Limits) (members []ArchiveMember, warnings []string, err error) {
	lim = lim.withDefaults()
	ctx, cancel := context.WithTimeout(ctx, lim.Timeout)
	defer cancel()
	a := &archiveReader{ctx: ctx, lim: lim}
	err = guard(func() error { return a.read(data, "", 0) })
	return a.members, a.warnings, err
}

type archiveReader struct {
	ctx      context.Context
	lim      Limits
	entries  int   // entries listed, all levels
	expanded int64 // bytes inflated, all levels
	members  []ArchiveMember
	warnings []string
}

// read appends the files of one archive, whose own name (with a trailing "/") is prefix.
func (a *archiveReader) read(data []byte, prefix string, depth int) error {
	if int64(len(data)) > a.lim.MaxInputBytes {
		return fmt.Errorf("%w: archive %sis %d bytes (max %d)", ErrLimit, prefix, len(data), a.lim.MaxInputBytes)
	}
	if isGzip(data) || isTar(data) {
		return a.readTar(data, prefix, depth)
	}
	return a.readZip(data, prefix, depth)
}

func (a *archiveReader) warn(format string, args ...any) {
	a.warnings = append(a.warnings, fmt.Sprintf(format, args...))
}

func (a *archiveReader) deadline() error {
	if a.ctx.Err() != nil {
		return fmt.Errorf("%w: took longer than %s", ErrLimit, a.lim.Timeout)
	}
	return nil
}

// count adds n listed entries and checks MaxZipEntries.
func (a *archiveReader) count(n int) error {
	if a.entries += n; a.entries > a.lim.MaxZipEntries {
		return fmt.Errorf("%w: archives list %d entries (max %d)", ErrLimit, a.entries, a.lim.MaxZipEntries)
	}
	return nil
}

// member records a file, and reads it too when it is an archive within the depth.
func (a *archiveReader) member(prefix, name string, body []byte, depth int) error {
	a.members = append(a.members, ArchiveMember{Name: prefix + name, Data: body})
	if depth >= maxArchiveDepth || !IsArchive(name, "", body) {
		return nil
	}
	err := a.read(body, prefix+name+"/", depth+1)
	if err != nil && !errors.Is(err, ErrLimit) {
		a.warn("%s%s: %v", prefix, name, err)
		return nil
	}
	return err
}

func (a *archiveReader) readZip(data []byte, prefix string, depth int) error {
	z, err := openZip(data, a.lim)
	if err != nil {
		return err
	}
	if err := a.count(len(z.list)); err != nil {
		return err
	}
	z.expanded = a.expanded // the total cap holds across the levels
	defer func() { a.expanded = z.expanded }()
	for _, f := range z.list {
		if err := a.deadline(); err != nil {
			return err
		}
		name := archiveName(f.Name)
		switch {
		case f.FileInfo().IsDir() || name == "":
			continue
		case !f.Mode().IsRegular():
			a.warn("%s%s is not a regular file; left out", prefix, name)
			continue
		case f.Flags&0x1 != 0:
			a.warn("%s%s is encrypted; left out", prefix, name)
			continue
		}
		body, err := readEntry(z, f)
		if err != nil {
			if errors.Is(err, ErrLimit) {
				return err
			}
			a.warn("%s%s: %v; left out", prefix, name, err)
			continue
		}
		a.expanded = z.expanded // an archive inside continues the count
		err = a.member(prefix, name, body, depth)
		z.expanded = a.expanded
		if err != nil {
			return err
		}
	}
	return nil
}

func readEntry(z *zipDoc, f *zip.File) ([]byte, error) {
	rc, err := z.openFile(f)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// readTar reads a tar archive, gzip-compressed or not. The inflated stream counts against
// MaxExpandedBytes (headers and skipped data included), each file against MaxEntryBytes,
// whatever the headers claim.
func (a *archiveReader) readTar(data []byte, prefix string, depth int) error {
	var r io.Reader = bytes.NewReader(data)
	if isGzip(data) {
		gz, err := gzip.NewReader(r)
		if err != nil {
			return fmt.Errorf("%w: not a readable gzip stream: %v", ErrMalformed, err)
		}
		defer gz.Close()
		r = gz
	}
	tr := tar.NewReader(&expandReader{r: r, a: a})
	for {
		if err := a.deadline(); err != nil {
			return err
		}
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return tarError(err)
		}
		if err := a.count(1); err != nil {
			return err
		}
		name := archiveName(h.Name)
		switch {
		case h.Typeflag == tar.TypeDir || name == "":
			continue
		case h.Typeflag != tar.TypeReg:
			a.warn("%s%s is not a regular file; left out", prefix, name)
			continue
		}
		body, err := io.ReadAll(io.LimitReader(tr, a.lim.MaxEntryBytes+1))
		if err != nil {
			return tarError(err)
		}
		if int64(len(body)) > a.lim.MaxEntryBytes {
			return fmt.Errorf("%w: archive entry %s%s expands beyond %d bytes", ErrLimit, prefix, name, a.lim.MaxEntryBytes)
		}
		if err := a.member(prefix, name, body, depth); err != nil {
			return err
		}
	}
}

func tarError(err error) error {
	if errors.Is(err, ErrLimit) {
		return err
	}
	return fmt.Errorf("%w: tar: %v", ErrMalformed, err)
}

// expandReader counts the bytes a tar reader takes from the (inflated) stream against
// MaxExpandedBytes.
type expandReader struct {
	r io.Reader
	a *archiveReader
}

func (e *expandReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if e.a.expanded += int64(n); e.a.expanded > e.a.lim.MaxExpandedBytes {
		return 0, fmt.Errorf("%w: archive entries expand beyond %d bytes in total", ErrLimit, e.a.lim.MaxExpandedBytes)
	}
	return n, err
}

func isGzip(data []byte) bool {
	return len(data) >= 3 && data[0] == 0x1f && data[1] == 0x8b && data[2] == 8
}

// isTar reports whether data starts with a POSIX (ustar) tar header.
func isTar(data []byte) bool { return len(data) >= 262 && string(data[257:262]) == "ustar" }

// isTarArchive reports whether data is a tar archive, or a gzip stream holding one (its
// first 512 bytes are inflated to see).
func isTarArchive(data []byte) bool {
	if !isGzip(data) {
		return isTar(data)
	}
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return false
	}
	head := make([]byte, 512)
	n, _ := io.ReadFull(gz, head)
	return isTar(head[:n])
}

// archiveName cleans an entry name for display: forward slashes, no root or dot steps,
// valid UTF-8 without control characters.
func archiveName(name string) string {
	name = strings.ToValidUTF8(name, "\uFFFD")
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
	return zipName(name)
}
