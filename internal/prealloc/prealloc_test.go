package prealloc

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestFill(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(path, []byte("old contents"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	const size = 3<<20 + 5 // not a multiple of any buffer
	if err := Fill(f, size); err != nil {
		t.Fatal(err)
	}
	f.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) != size || !bytes.Equal(data, make([]byte, size)) {
		t.Errorf("%d bytes, want %d zeros", len(data), size)
	}
}
