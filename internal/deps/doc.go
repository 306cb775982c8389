// Package deps holds the test of the module's layering: which packages must stay free of
// servers, storage and configuration. It has no code; see deps_test.go.
package deps
