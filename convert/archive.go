package convert

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Archives: 3GPP and others send a statement as a zip (SP-170768.zip holding the DOC).
// ReadArchive returns the files such a zip carries so that each can be read like any
// attachment. It reads through the same zip reader and under the same Limits as DOCX: the
// entry count, the inflated size of each entry and of all entries together (counted on the
// bytes actually inflated, never on the sizes the archive claims), the time budget. Entry
// names are cleaned labels: nothing is ever written to disk.

// ArchiveMember is one file read from an archive.
type ArchiveMember struct {
	// Name is the entry's name with "/" between folders, cleaned: no leading "/", no "." or
	// ".." steps, valid UTF-8. A file of a zip inside the archive is "inner.zip/name". It is
	// a label to show, never a path on disk.
	Name string
	Data []byte
}

// maxArchiveDepth: a zip inside the archive is opened; a zip inside that one is a file.
const maxArchiveDepth = 1

// IsArchive reports whether an attachment is a zip archive that is no office document (an
// office document is a zip too), so that ReadArchive gives its files.
func IsArchive(filename, declaredType string, data []byte) bool {
	kind, _ := Detect(filename, declaredType, data)
	return kind == "zip"
}

// ReadArchive returns the files of a zip archive in archive order, with folders, links and
// encrypted or unreadable entries left out (warnings name them). A zip among the files is
// returned and opened too, one level deep; its files follow it. MaxZipEntries counts the
// entries of both levels together, MaxExpandedBytes their inflated bytes together. When a
// limit stops the reading, or the archive is not a readable zip, the error (ErrLimit,
// ErrMalformed) comes with the files read so far.
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

// read appends the files of one zip, whose own name (with a trailing "/") is prefix.
func (a *archiveReader) read(data []byte, prefix string, depth int) error {
	if int64(len(data)) > a.lim.MaxInputBytes {
		return fmt.Errorf("%w: archive %sis %d bytes (max %d)", ErrLimit, prefix, len(data), a.lim.MaxInputBytes)
	}
	z, err := openZip(data, a.lim)
	if err != nil {
		return err
	}
	if a.entries += len(z.list); a.entries > a.lim.MaxZipEntries {
		return fmt.Errorf("%w: archives list %d entries (max %d)", ErrLimit, a.entries, a.lim.MaxZipEntries)
	}
	z.expanded = a.expanded // the total cap holds across the levels
	defer func() { a.expanded = z.expanded }()
	for _, f := range z.list {
		if a.ctx.Err() != nil {
			return fmt.Errorf("%w: took longer than %s", ErrLimit, a.lim.Timeout)
		}
		name := archiveName(f.Name)
		switch {
		case f.FileInfo().IsDir() || name == "":
			continue
		case !f.Mode().IsRegular():
			a.warnings = append(a.warnings, fmt.Sprintf("%s%s is not a regular file; left out", prefix, name))
			continue
		case f.Flags&0x1 != 0:
			a.warnings = append(a.warnings, fmt.Sprintf("%s%s is encrypted; left out", prefix, name))
			continue
		}
		body, err := readEntry(z, f)
		if err != nil {
			if errors.Is(err, ErrLimit) {
				return err
			}
			a.warnings = append(a.warnings, fmt.Sprintf("%s%s: %v; left out", prefix, name, err))
			continue
		}
		a.members = append(a.members, ArchiveMember{Name: prefix + name, Data: body})
		if depth < maxArchiveDepth && IsArchive(name, "", body) {
			a.expanded = z.expanded // the inner zip continues the count
			err := a.read(body, prefix+name+"/", depth+1)
			z.expanded = a.expanded
			if errors.Is(err, ErrLimit) {
				return err
			}
			if err != nil {
				a.warnings = append(a.warnings, fmt.Sprintf("%s%s: %v", prefix, name, err))
			}
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
