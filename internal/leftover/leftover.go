// Package leftover removes what a process killed mid-way left behind in a folder: the
// temporary files and folders that it would have removed itself. It owns only that
// removal, by name pattern and age; it must not decide what is temporary, and it never
// touches an entry younger than the age its caller gives, which is how it leaves alone
// what another live process is still using.
package leftover

import (
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"time"
)

// Remove deletes the entries of dir whose names match pattern (filepath.Match syntax,
// applied to the name only: dir is taken literally) and whose modification time is older
// than age, folders with their contents; age <= 0 removes every match. It returns how
// many it removed. A missing dir, or entries that vanish meanwhile, are not errors; the
// first other error is returned after trying the rest.
func Remove(dir, pattern string, age time.Duration) (int, error) {
	if _, err := filepath.Match(pattern, ""); err != nil {
		return 0, err
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	cutoff := time.Now().Add(-age)
	removed := 0
	first := err
	for _, e := range entries {
		if ok, _ := filepath.Match(pattern, e.Name()); !ok {
			continue
		}
		name := filepath.Join(dir, e.Name())
		if age > 0 {
			fi, err := os.Lstat(name)
			if err == nil && !fi.ModTime().Before(cutoff) {
				continue
			}
		}
		err := os.RemoveAll(name)
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

// RemoveLogged is Remove for a caller that only reports: what it removed (what names
// the entries, as "LibreOffice batch folders") is logged at Info, a failure at Warn.
func RemoveLogged(log *slog.Logger, what, dir, pattern string, age time.Duration) {
	n, err := Remove(dir, pattern, age)
	if n > 0 {
		log.Info("removed "+what+" left by an interrupted run", "count", n, "in", dir)
	}
	if err != nil {
		log.Warn("cannot remove "+what+" left by an interrupted run", "in", dir, "err", err)
	}
}
