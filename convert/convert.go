package convert

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"mime"
	"path"
	"strings"

	"github.com/gabriel-vasile/mimetype"
)

// Result is the text of one attachment and what was learnt on the way.
type Result struct {
	// Kind is the format the text was read as: "pdf", "docx", "odt", "ods", "odp", "xlsx",
	// "pptx", "rtf", "html", "text", or "doc", "xls", "ppt" (text via PDF), "zip" or "tar" (an
	// archive, tar.gz too: no text; ReadArchive gives its files), or "" (unknown).
	Kind string
	// DetectedType is the MIME type found from the content, whatever the mail declared.
	DetectedType string
	// Text is the extracted text: UTF-8, "\n" line ends, table rows as TAB-separated cells.
	Text string
	// Pages is the page count of a PDF (0 for other kinds).
	Pages int
	// Warnings are problems that did not stop extraction (truncation, a bad page, a guessed
	// charset).
	Warnings []string
}

// kindInfo maps a kind to the MIME types and file extensions that name it.
type kindInfo struct {
	kind  string
	mimes []string
	exts  []string
}

// kinds is the one table of formats: detection, the declared-type and file-name fallbacks,
// and NeedsPDF all read it.
var kinds = []kindInfo{
	{"pdf", []string{"application/pdf", "application/x-pdf"}, []string{".pdf"}},
	{"docx", []string{"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
		"application/vnd.openxmlformats-officedocument.wordprocessingml.template",
		"application/vnd.ms-word.document.macroenabled.12"}, []string{".docx", ".docm", ".dotx"}},
	{"xlsx", []string{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		"application/vnd.ms-excel.sheet.macroenabled.12"}, []string{".xlsx", ".xlsm"}},
	{"pptx", []string{"application/vnd.openxmlformats-officedocument.presentationml.presentation",
		"application/vnd.openxmlformats-officedocument.presentationml.slideshow",
		"application/vnd.ms-powerpoint.presentation.macroenabled.12"}, []string{".pptx", ".ppsx", ".pptm"}},
	{"odt", []string{"application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template"}, []string{".odt", ".ott"}},
	{"ods", []string{"application/vnd.oasis.opendocument.spreadsheet"}, []string{".ods"}},
	{"odp", []string{"application/vnd.oasis.opendocument.presentation"}, []string{".odp"}},
	{"rtf", []string{"text/rtf", "application/rtf", "text/richtext"}, []string{".rtf"}},
	{"html", []string{"text/html", "application/xhtml+xml"}, []string{".html", ".htm", ".xhtml"}},
	{"doc", []string{"application/msword", "application/vnd.ms-word"}, []string{".doc", ".dot"}},
	{"xls", []string{"application/vnd.ms-excel"}, []string{".xls"}},
	{"ppt", []string{"application/vnd.ms-powerpoint"}, []string{".ppt", ".pps"}},
	{"text", []string{"text/plain", "text/csv", "text/tab-separated-values"}, []string{".txt", ".text", ".csv", ".tsv"}},
	// An archive that is no office document: no text of its own; ReadArchive gives its files.
	{"zip", []string{"application/zip", "application/x-zip-compressed", "application/x-zip"}, []string{".zip"}},
}

// genericTypes are detection results that say too little: the declared type or the file name
// then decides (a DOCX whose parts are in an unusual order is detected as a plain zip).
var genericTypes = []string{"application/octet-stream", "application/zip", "application/x-ole-storage", "text/plain"}

// readers are the in-Go text readers by kind (PDF has its own path, with a child process).
var readers = map[string]func(context.Context, []byte, Limits, *textBuf) error{
	"docx": readDOCX, "xlsx": readXLSX, "pptx": readPPTX,
	"odt": readODF, "ods": readODF, "odp": readODF, "rtf": readRTF,
}

// Detect returns the kind of an attachment and its MIME type as detected from the content.
// The content decides; the declared type, then the file name's extension, decide only when
// the content says no more than "zip", "OLE", "text" or "binary". The file name is never
// used as a path.
func Detect(filename, declaredType string, data []byte) (kind, detectedType string) {
	detectedType, textual := detectMIME(data)
	kind = kindOfMIME(detectedType)
	if kind == "" && textual { // XML, JSON, CSV, iCalendar... are read as plain text
		kind = "text"
	}
	if bytes.HasPrefix(data, []byte(`{\rtf`)) { // mimetype wants RTF to be text; \bin data is not
		return "rtf", detectedType
	}
	if kind != "" && !isGeneric(detectedType) {
		return kind, detectedType
	}
	declared, _, _ := mime.ParseMediaType(declaredType)
	if k := kindOfMIME(declared); k != "" && plausible(k, detectedType, data) {
		return k, detectedType
	}
	if k := kindOfExt(filename); k != "" && plausible(k, detectedType, data) {
		return k, detectedType
	}
	if kind == "zip" && officePackage(data) {
		kind = "" // an office document nothing names: not an archive to unpack
	}
	if kind == "" && isTarArchive(data) {
		kind = "tar"
	}
	return kind, detectedType
}

// officePackage reports whether a zip has the entry that marks an OOXML or ODF package.
func officePackage(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		switch zipName(f.Name) {
		case "[Content_Types].xml", "mimetype":
			return true
		}
	}
	return false
}

// detectMIME runs mimetype under recover (third-party code reading hostile bytes) and tells
// whether the type is a kind of text.
func detectMIME(data []byte) (mt string, textual bool) {
	defer func() {
		if recover() != nil {
			mt, textual = "application/octet-stream", false
		}
	}()
	m := mimetype.Detect(data)
	for p := m; p != nil; p = p.Parent() {
		if p.Is("text/plain") {
			textual = true
		}
	}
	return m.String(), textual
}

func kindOfMIME(t string) string {
	t = strings.ToLower(strings.TrimSpace(strings.SplitN(t, ";", 2)[0]))
	for _, k := range kinds {
		for _, m := range k.mimes {
			if m == t {
				return k.kind
			}
		}
	}
	return ""
}

func kindOfExt(filename string) string {
	ext := strings.ToLower(path.Ext(strings.ReplaceAll(filename, "\\", "/")))
	for _, k := range kinds {
		for _, e := range k.exts {
			if e == ext {
				return k.kind
			}
		}
	}
	return ""
}

func isGeneric(t string) bool {
	t = strings.SplitN(t, ";", 2)[0]
	for _, g := range genericTypes {
		if g == t {
			return true
		}
	}
	return false
}

// plausible reports whether a kind named by the declared type or file name fits what the
// content looks like: zip-based kinds need a zip, OLE kinds an OLE file, HTML and RTF text,
// and plain text may hold a few stray NUL bytes. A PDF named .docx stays a PDF (content wins
// above).
func plausible(kind, detected string, data []byte) bool {
	base := strings.SplitN(detected, ";", 2)[0]
	switch kind {
	case "docx", "xlsx", "pptx", "odt", "ods", "odp":
		return base == "application/zip"
	case "doc", "xls", "ppt":
		return base == "application/x-ole-storage"
	case "html", "rtf":
		return base == "text/plain"
	case "text":
		return base == "application/octet-stream" && bytes.Count(data, []byte{0})*100 < len(data)
	}
	return base == "application/octet-stream"
}

// NeedsPDF reports whether a kind is a proprietary or office format that is converted to PDF
// with LibreOffice and kept beside the original (DOC, DOCX, RTF, ODT, XLS(X), PPT(X), ODS, ODP).
func NeedsPDF(kind string) bool {
	switch kind {
	case "doc", "docx", "rtf", "odt", "ods", "odp", "xls", "xlsx", "ppt", "pptx":
		return true
	}
	return false
}

// Text extracts the text of one attachment. It picks the reader by detected content (see
// Detect), reads within lim (zero fields take DefaultLimits), and never lets a parser panic
// escape. On error the Result still names Kind and DetectedType, and the error wraps one of
// ErrUnsupported, ErrNeedsPDF, ErrLimit, ErrMalformed or ErrEncrypted. For DOC, XLS and PPT
// it returns ErrNeedsPDF: convert with Office.ToPDF and call Text on the PDF.
func Text(ctx context.Context, filename, declaredType string, data []byte, lim Limits) (Result, error) {
	lim = lim.withDefaults()
	kind, detected := Detect(filename, declaredType, data)
	res := Result{Kind: kind, DetectedType: detected}
	if int64(len(data)) > lim.MaxInputBytes {
		return res, fmt.Errorf("%w: %s is %d bytes (max %d)", ErrLimit, kind, len(data), lim.MaxInputBytes)
	}
	ctx, cancel := context.WithTimeout(ctx, lim.Timeout)
	defer cancel()
	text, pages, warnings, err := extract(ctx, kind, detected, declaredType, data, lim)
	if err != nil {
		return res, fmt.Errorf("convert %s: %w", kindLabel(kind, detected), err)
	}
	if ctx.Err() != nil {
		return res, fmt.Errorf("convert %s: %w: took longer than %s", kind, ErrLimit, lim.Timeout)
	}
	res.Text, res.Pages, res.Warnings = cleanText(text), pages, warnings
	return res, nil
}

func kindLabel(kind, detected string) string {
	if kind == "" {
		return detected
	}
	return kind
}

// extract runs the reader for kind.
func extract(ctx context.Context, kind, detected, declared string, data []byte, lim Limits) (string, int, []string, error) {
	switch kind {
	case "pdf":
		out, err := pdfText(ctx, data, lim)
		return out.Text, out.Pages, out.Warnings, err
	case "doc", "xls", "ppt":
		return "", 0, nil, ErrNeedsPDF
	case "zip", "tar":
		return "", 0, nil, nil // its files are read one by one (ReadArchive)
	case "text", "html":
		text, warnings, err := decodeText(data, declared, kind == "html", lim)
		return text, 0, warnings, err
	}
	read := readers[kind]
	if read == nil {
		return "", 0, nil, fmt.Errorf("%w: %s", ErrUnsupported, detected)
	}
	out := newTextBuf(lim.MaxTextBytes)
	if err := guard(func() error { return read(ctx, data, lim, out) }); err != nil {
		return "", 0, nil, err
	}
	warnings := out.warnings
	if out.full() {
		warnings = append(warnings, fmt.Sprintf("text cut at %d bytes", lim.MaxTextBytes))
	}
	return out.String(), 0, warnings, nil
}

// guard runs a reader, turning a panic into ErrMalformed.
func guard(read func() error) (err error) {
	defer recoverAs(&err)
	return read()
}
