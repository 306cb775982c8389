// Package hostile builds the hostile inputs of the MIME parser's and the converter's tests
// (nesting and part bombs, giant header lines, truncated encodings, zip bombs, billion
// laughs, broken and self-referencing PDFs, ...), so that the end-to-end proof in
// cmd/liaisond sends the very same bytes through SMTP that the unit tests parse. Each
// package keeps its own expectations, keyed by the case names.
//
// It imports nothing of this module: mail's and convert's in-package tests import it.
// Like internal/testutil, it is for tests only.
package hostile

// MessageCase is one hostile message of the MIME parser's table. Raw builds it on demand:
// some are megabytes long.
type MessageCase struct {
	Name string
	Raw  func() []byte
}

// FileCase is one hostile attachment of the converter's table. File is the name it is
// given (only its extension may matter); Data builds it on demand, since some inflate tens
// of megabytes while they are made.
type FileCase struct {
	Name string
	File string
	Data func() ([]byte, error)
}

// ok wraps a builder that cannot fail.
func ok(build func() []byte) func() ([]byte, error) {
	return func() ([]byte, error) { return build(), nil }
}
