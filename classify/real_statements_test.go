//go:build realstatements

package classify

import (
	"os"
	"testing"
)

// TestRealStatements runs the real-statement set: liaison statements as they were sent
// (published on the Datatracker or in SDO archives), kept outside the repository because
// the texts are not ours to copy. LIAISOND_REAL_STATEMENTS names its folder (the fixture
// format above, with its own directory.toml). Its report is the "real" row, separate from
// the generated sets. It is built only with -tags realstatements, never in CI: the data
// is not in the repository.
func TestRealStatements(t *testing.T) {
	dir := os.Getenv("LIAISOND_REAL_STATEMENTS")
	if dir == "" {
		t.Fatal("set LIAISOND_REAL_STATEMENTS to a folder of real statements (.eml with the expected .json)")
	}
	accuracy(t, dir, false)
}
