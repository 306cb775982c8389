package leftover

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestRemove(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	entries := []struct {
		name   string
		folder bool
		old    bool
		gone   bool
	}{
		{"x-old-file", false, true, true},
		{"x-old-folder", true, true, true},
		{"x-new-file", false, false, false},
		{"x-new-folder", true, false, false},
		{"other-old", false, true, false}, // another name
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.name)
		if e.folder {
			if err := os.MkdirAll(filepath.Join(p, "inside"), 0o700); err != nil {
				t.Fatal(err)
			}
		} else if err := os.WriteFile(p, []byte("left"), 0o600); err != nil {
			t.Fatal(err)
		}
		if e.old {
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	n, err := Remove(dir, "x-*", 10*time.Minute)
	if err != nil || n != 2 {
		t.Fatalf("removed %d (%v), want 2", n, err)
	}
	for _, e := range entries {
		_, err := os.Lstat(filepath.Join(dir, e.name))
		if gone := os.IsNotExist(err); gone != e.gone {
			t.Errorf("%s: gone %v, want %v", e.name, gone, e.gone)
		}
	}
	if n, err := Remove(filepath.Join(dir, "missing"), "x-*", time.Minute); n != 0 || err != nil {
		t.Errorf("missing folder: %d, %v", n, err)
	}
}
