package leftover

import (
	"log/slog"
	"os"
	"path/filepath"
	"strings"
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
	// Age 0 removes every match, even one stamped in the future (a clock set back).
	future := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "x-new-file"), future, future); err != nil {
		t.Fatal(err)
	}
	if n, err := Remove(dir, "x-*", 0); n != 2 || err != nil {
		t.Errorf("age 0: removed %d (%v), want the 2 left", n, err)
	}
}

// TestRemoveTakesTheFolderLiterally: pattern characters in the folder's own name match
// only that folder, never a sibling.
func TestRemoveTakesTheFolderLiterally(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"spool[12]", "spool1"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, d, "msg-1"), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := Remove(filepath.Join(root, "spool[12]"), "msg-*", 0); n != 1 || err != nil {
		t.Fatalf("removed %d (%v), want 1", n, err)
	}
	if _, err := os.Stat(filepath.Join(root, "spool1", "msg-1")); err != nil {
		t.Errorf("the sibling's file was removed: %v", err)
	}
}

// TestRemoveLogged: what is removed is reported with its count.
func TestRemoveLogged(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x-1"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	RemoveLogged(slog.New(slog.NewTextHandler(&out, nil)), "test files", dir, "x-*", 0)
	if !strings.Contains(out.String(), `msg="removed test files left by an interrupted run" count=1`) {
		t.Errorf("log: %s", out.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "x-1")); !os.IsNotExist(err) {
		t.Errorf("not removed: %v", err)
	}
}
