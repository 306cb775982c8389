package convert

// Helpers of the internal tests that the external proof tests (package convert_test,
// which may import the pipeline) reuse.
var (
	AssertGone = assertGone
	RTFDoc     = rtfDoc
	// SofficeScript writes a stand-in LibreOffice (see sofficeScript).
	SofficeScript = sofficeScript
)
