// Package testutil holds helpers shared by the tests of several packages: finding the
// shared corpus beside the clone and deciding whether a missing component skips or fails.
// It must not be imported by non-test code. It imports no package of liaisond, so that
// every package's tests can use it; helpers that need the store are in
// internal/teststore, and the SMTP client of tests and benchmarks is internal/smtpsend.
package testutil

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// InCI reports whether the tests run in CI, where nothing may be skipped for a missing
// component or missing shared data.
func InCI() bool { return os.Getenv("CI") == "true" }

// SharedDir returns the shared/ folder that sits beside the clone (../shared from the
// module root). Outside CI a missing folder skips the test; in CI it fails it.
func SharedDir(t testing.TB) string {
	t.Helper()
	root := ModuleRoot(t)
	dir := filepath.Join(filepath.Dir(root), "shared")
	if _, err := os.Stat(filepath.Join(dir, "DESIGN.md")); err != nil {
		Missing(t, "shared/ beside the clone ("+dir+")")
	}
	return dir
}

// ModuleRoot returns the folder holding go.mod, found by walking up from the working
// directory of the test.
func ModuleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the working directory")
		}
		dir = parent
	}
}

// Missing skips the test outside CI and fails it in CI, naming what is missing.
func Missing(t testing.TB, what string) {
	t.Helper()
	if InCI() {
		t.Fatalf("%s is missing; CI must provide it (see .ci/run)", what)
	}
	t.Skipf("skipping: %s is missing (in CI this fails)", what)
}

// NeedCommand returns the path of an executable or, when absent, calls Missing.
func NeedCommand(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, "command "+name)
	}
	return p
}
