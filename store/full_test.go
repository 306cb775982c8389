package store

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
	"testing"

	"github.com/liaisond/liaisond/internal/testutil"
)

func TestIsStorageFull(t *testing.T) {
	full := testutil.SQLiteFullError(t)
	for _, tc := range []struct {
		name string
		err  error
		want bool
	}{
		{"SQLITE_FULL", full, true},
		{"SQLITE_FULL wrapped", fmt.Errorf("store: commit: %w", full), true},
		{"ENOSPC from a file write", &fs.PathError{Op: "write", Path: "spool/msg-1", Err: syscall.ENOSPC}, true},
		{"EDQUOT", fmt.Errorf("spool: %w", syscall.EDQUOT), true},
		{"nil", nil, false},
		{"EIO", &fs.PathError{Op: "write", Path: "x", Err: syscall.EIO}, false},
		{"other error", errors.New("database or disk is full"), false}, // only the code counts
	} {
		if got := IsStorageFull(tc.err); got != tc.want {
			t.Errorf("%s: IsStorageFull(%v) = %v, want %v", tc.name, tc.err, got, tc.want)
		}
	}
}
