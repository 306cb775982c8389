// Package prealloc owns writing a file full of zeros and making it durable, so that
// later writes overwrite written blocks: an fsync of a file that grew must also commit
// the file system's journal, one that overwrites need not. It must not decide which
// files are preallocated or how large.
package prealloc

import (
	"io"
	"os"
)

// Fill writes size zero bytes to f from its current offset and syncs it.
func Fill(f *os.File, size int64) error {
	if _, err := io.CopyN(f, zeros{}, size); err != nil {
		return err
	}
	return f.Sync()
}

// zeros reads as an endless run of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
