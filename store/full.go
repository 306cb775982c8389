package store

import (
	"errors"
	"syscall"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// IsStorageFull reports whether err comes from a full file system or quota: SQLite's
// SQLITE_FULL, or ENOSPC/EDQUOT from a file write (spool, LibreOffice's work folder).
// Such a failure is the host's, not the message's: callers retry it without counting it
// against the message, so that an afternoon of full disk gives nothing up.
func IsStorageFull(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) {
		return true
	}
	var se *sqlite.Error
	// The low byte is the primary result code; extended codes keep it.
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_FULL
}
