// Package convert owns turning attachments into text (PDF, DOCX, ODT, XLSX, PPTX, RTF, HTML,
// plain text in any charset) and proprietary office formats into PDF with LibreOffice.
//
// Every input is hostile: each reader has size, expansion, depth, page and time limits, runs
// under recover (PDF in a child process), and reports a clear error instead of crashing. It
// must not know about mail, storage or classification, and never uses a file name as a path.
package convert
