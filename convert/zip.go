package convert

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"strings"
)

// zipDoc is an office archive opened under Limits. Entries are looked up by name inside the
// archive only; nothing is ever written to disk, so hostile entry names cannot escape.
type zipDoc struct {
	files    map[string]*zip.File
	list     []*zip.File // in archive order, for ReadArchive
	lim      Limits
	expanded int64 // bytes inflated so far, across all entries
}

func openZip(data []byte, lim Limits) (*zipDoc, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: not a readable zip archive: %v", ErrMalformed, err)
	}
	if len(zr.File) > lim.MaxZipEntries {
		return nil, fmt.Errorf("%w: zip archive has %d entries (max %d)", ErrLimit, len(zr.File), lim.MaxZipEntries)
	}
	z := &zipDoc{files: make(map[string]*zip.File, len(zr.File)), list: zr.File, lim: lim}
	for _, f := range zr.File {
		z.files[zipName(f.Name)] = f
	}
	return z, nil
}

// zipName normalises an entry name or relationship target to the form used as map key.
func zipName(name string) string {
	return strings.TrimPrefix(path.Clean("/"+strings.ReplaceAll(name, "\\", "/")), "/")
}

func (z *zipDoc) has(name string) bool {
	_, ok := z.files[zipName(name)]
	return ok
}

// open streams one entry. The reader fails with ErrLimit once the entry, or all entries read
// so far together, inflate beyond the caps: the sizes in the zip headers are not trusted.
func (z *zipDoc) open(name string) (io.ReadCloser, error) {
	f, ok := z.files[zipName(name)]
	if !ok {
		return nil, fmt.Errorf("%w: missing part %s", ErrMalformed, zipName(name))
	}
	return z.openFile(f)
}

// openFile streams one entry of z.list or z.files under the caps of open.
func (z *zipDoc) openFile(f *zip.File) (io.ReadCloser, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: part %s: %v", ErrMalformed, zipName(f.Name), err)
	}
	return &capReader{rc: rc, z: z, name: zipName(f.Name), left: z.lim.MaxEntryBytes}, nil
}

// read returns a whole entry (for small parts such as relationships and shared strings).
func (z *zipDoc) read(name string) ([]byte, error) {
	rc, err := z.open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

type capReader struct {
	rc   io.ReadCloser
	z    *zipDoc
	name string
	left int64
}

func (c *capReader) Read(p []byte) (int, error) {
	n, err := c.rc.Read(p)
	c.left -= int64(n)
	c.z.expanded += int64(n)
	if c.left < 0 {
		return 0, fmt.Errorf("%w: zip entry %s expands beyond %d bytes", ErrLimit, c.name, c.z.lim.MaxEntryBytes)
	}
	if c.z.expanded > c.z.lim.MaxExpandedBytes {
		return 0, fmt.Errorf("%w: zip entries expand beyond %d bytes in total", ErrLimit, c.z.lim.MaxExpandedBytes)
	}
	if err != nil && err != io.EOF {
		err = fmt.Errorf("%w: part %s: %v", ErrMalformed, c.name, err)
	}
	return n, err
}

func (c *capReader) Close() error { return c.rc.Close() }
