package convert

import (
	"errors"
	"time"
)

// Limits bounds the work spent on one attachment. Every reader checks them; the zero value of
// a field means "use the default" (see DefaultLimits), so a partly filled config section is
// safe.
type Limits struct {
	// MaxInputBytes rejects larger attachments before any parsing.
	MaxInputBytes int64 `toml:"max_input_bytes"`
	// MaxEntryBytes caps the expanded size of one zip entry (DOCX, ODT, XLSX, PPTX), counted
	// on the bytes actually inflated, never on the size the archive claims.
	MaxEntryBytes int64 `toml:"max_entry_bytes"`
	// MaxExpandedBytes caps the expanded size of all zip entries read for one document.
	MaxExpandedBytes int64 `toml:"max_expanded_bytes"`
	// MaxZipEntries rejects archives listing more entries.
	MaxZipEntries int `toml:"max_zip_entries"`
	// MaxXMLDepth rejects XML nested deeper than this (and RTF groups nested deeper).
	MaxXMLDepth int `toml:"max_xml_depth"`
	// MaxPDFPages: pages beyond this are not read; the result carries a warning.
	MaxPDFPages int `toml:"max_pdf_pages"`
	// MaxTextBytes: longer text is cut at this size; the result carries a warning.
	MaxTextBytes int `toml:"max_text_bytes"`
	// Timeout is the wall-clock budget of one extraction.
	Timeout time.Duration `toml:"timeout"`
	// PDFMemoryBytes is the address-space limit (RLIMIT_AS) of the PDF child process.
	PDFMemoryBytes int64 `toml:"pdf_memory_bytes"`
	// PDFInProcess parses PDFs inside the daemon (under recover and page/time checks) instead
	// of in a child process. Meant for tools and tests; the child is safer.
	PDFInProcess bool `toml:"pdf_in_process"`
}

// DefaultLimits returns limits sized for liaison statements: documents of tens of pages, a few
// MiB, with generous headroom.
func DefaultLimits() Limits {
	return Limits{
		MaxInputBytes:    64 << 20,
		MaxEntryBytes:    64 << 20,
		MaxExpandedBytes: 256 << 20,
		MaxZipEntries:    10000,
		MaxXMLDepth:      256,
		MaxPDFPages:      1000,
		MaxTextBytes:     8 << 20,
		Timeout:          60 * time.Second,
		PDFMemoryBytes:   2 << 30,
	}
}

// withDefaults fills zero fields from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	setDefault(&l.MaxInputBytes, d.MaxInputBytes)
	setDefault(&l.MaxEntryBytes, d.MaxEntryBytes)
	setDefault(&l.MaxExpandedBytes, d.MaxExpandedBytes)
	setDefault(&l.MaxZipEntries, d.MaxZipEntries)
	setDefault(&l.MaxXMLDepth, d.MaxXMLDepth)
	setDefault(&l.MaxPDFPages, d.MaxPDFPages)
	setDefault(&l.MaxTextBytes, d.MaxTextBytes)
	setDefault(&l.Timeout, d.Timeout)
	setDefault(&l.PDFMemoryBytes, d.PDFMemoryBytes)
	return l
}

func setDefault[T int | int64 | time.Duration](v *T, d T) {
	if *v <= 0 {
		*v = d
	}
}

// Errors callers can test with errors.Is. Each returned error wraps one of them and adds the
// detail (which limit, which part of the file).
var (
	// ErrUnsupported: no text reader for this type (images, unknown binaries, plain zips).
	ErrUnsupported = errors.New("unsupported attachment type")
	// ErrNeedsPDF: a legacy binary office file (DOC, XLS, PPT); its text comes from the PDF
	// that Office.ToPDF makes, passed to Text again.
	ErrNeedsPDF = errors.New("text of legacy office files comes from their PDF conversion")
	// ErrLimit: a size, count, depth or time limit was reached.
	ErrLimit = errors.New("limit exceeded")
	// ErrMalformed: the file is broken or not what its type says.
	ErrMalformed = errors.New("malformed file")
	// ErrEncrypted: the file is encrypted and cannot be read without a password.
	ErrEncrypted = errors.New("encrypted file")
	// ErrBusy: the LibreOffice queue is full; retry later.
	ErrBusy = errors.New("converter queue full")
	// ErrNoConverter: LibreOffice is not installed (see Office.Available).
	ErrNoConverter = errors.New("LibreOffice not found")
	// ErrWorkFolder: LibreOffice's work folder could not be written (a full or failing
	// disk), so it never ran: no fault of the document; retry later.
	ErrWorkFolder = errors.New("cannot write LibreOffice's work folder")
)
