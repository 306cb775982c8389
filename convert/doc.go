// Package convert owns turning attachments into text (PDF, DOCX, ODT, XLSX, PPTX, RTF, HTML,
// plain text in any charset) and proprietary office formats into PDF with LibreOffice.
//
// Every input is hostile: each reader has size, expansion, depth, page and time limits, runs
// under recover (PDF in a child process), and reports a clear error instead of crashing. It
// must not know about mail, storage or classification, and never uses a file name as a path.
//
// # Text
//
// Text picks a reader from the detected content (see Detect) and returns UTF-8 text in one
// shape for every format: a paragraph or printed line per line, table rows as cells joined by
// TAB ("Deadline:<TAB>31 March 2026"). PDF lines are rebuilt from glyph positions: pieces on
// one baseline are joined left to right with a space or, across a column gap, a TAB.
//
// # The PDF child process
//
// PDF text is extracted in a child process (the daemon's own executable, with an address-space
// limit and a kill timer), so a parser that runs out of memory or loops cannot take the daemon
// down. The executable must answer that protocol: the first statement of main is
//
//	func main() {
//		convert.RunChildIfRequested()
//		...
//	}
//
// and so is the first statement of TestMain in any package whose tests extract PDF text.
// Without that call PDFs are read in-process (under recover, with page and time checks) and
// the Result carries a warning. Limits.PDFInProcess selects in-process reading on purpose.
//
// # PDF with LibreOffice
//
// Office converts DOC, DOCX, RTF, ODT, XLS(X), PPT(X) to PDF. Documents that arrive together
// share one LibreOffice start-up (a batch); each batch runs in a private folder with a
// throwaway profile, in its own network namespace, under a timer that kills its process group.
// Legacy DOC, XLS and PPT have no Go reader: Text returns ErrNeedsPDF, and their text is read
// from the PDF.
package convert
