package convert

import (
	"os"
	"testing"
)

// TestMain lets the test binary serve as the PDF child process, as cmd/liaisond does.
func TestMain(m *testing.M) {
	RunChildIfRequested()
	os.Exit(m.Run())
}
