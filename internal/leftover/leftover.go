// Package leftover removes what a process killed mid-way left behind in a folder: the
// temporary files and folders that it would have removed itself. It owns only that
// removal, by name pattern and age; it must not decide what is temporary, and it never
// touches an entry younger than the age its caller gives, which is how it leaves alone
// what another live process is still using.
package leftover

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Remove deletes the entries of dir matching pattern (filepath.Match syntax) whose
// modification time is older than age, folders with their contents, and returns how many
// it removed. Entries that vanish meanwhile are not errors; the first other error is
// returned after trying the rest.
func Remove(dir, pattern string, age time.Duration) (int, error) {
	names, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil {
		return 0, err
	}
	cutoff := time.Now().Add(-age)
	removed := 0
	var first error
	for _, name := range names {
		fi, err := os.Lstat(name)
		if err == nil && !fi.ModTime().Before(cutoff) {
			continue
		}
		if err == nil {
			err = os.RemoveAll(name)
		}
		switch {
		case err == nil:
			removed++
		case errors.Is(err, fs.ErrNotExist):
		case first == nil:
			first = err
		}
	}
	return removed, first
}
