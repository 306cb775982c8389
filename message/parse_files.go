package message

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	pathpkg "path"
	"slices"
	"strconv"
	"strings"

	gomessage "github.com/emersion/go-message"

	"github.com/liaisond/liaisond/convert"
)

// Files: leaf parts that are not body text become Attachments, or Inline when an HTML
// body shows them; winmail.dat is unpacked into the files it carries, and a zip archive's
// files follow it as attachments of their own.

// file records a file part; finish decides whether it is an attachment or an inline part.
func (p *mimeParser) file(h gomessage.Header, typ, disp, name string, res transferResult, path string) {
	att := &Attachment{
		Path:        path,
		Filename:    fileName(name, path, typ),
		ContentType: typ,
		Disposition: disp,
		ContentID:   cleanHeaderText(strings.Trim(strings.TrimSpace(strings.ToValidUTF8(h.Get("Content-Id"), "")), "<>")),
		Truncated:   res.truncated,
	}
	p.addFile(att, res.data)
	if convert.IsArchive(att.Filename, typ, res.data) {
		p.archive(att)
	}
}

// addFile completes att with data and records it for the current message and those
// around it.
func (p *mimeParser) addFile(att *Attachment, data []byte) {
	sum := sha256.Sum256(data)
	att.Data, att.Size, att.SHA256 = data, int64(len(data)), hex.EncodeToString(sum[:])
	att.FromNested = len(p.chain) > 1
	p.files = append(p.files, fileRef{att: att, owners: slices.Clone(p.chain)})
}

// fileName returns the safe form of a declared name, or "part-<path>" with an extension
// for the type when there is none.
func fileName(name, path, typ string) string {
	if n := safeFilename(name); n != "" {
		return n
	}
	return "part-" + path + extensionFor(typ)
}

// fileTypes are the usual extensions of the types liaison mail carries, first type first
// for an extension; the table is fixed so names and types do not depend on the host's
// mime.types.
var fileTypes = []struct{ typ, ext string }{
	{"application/pdf", ".pdf"},
	{"application/msword", ".doc"},
	{"application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"},
	{"application/vnd.ms-excel", ".xls"},
	{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"},
	{"application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx"},
	{"application/rtf", ".rtf"},
	{"text/rtf", ".rtf"},
	{"application/zip", ".zip"},
	{"application/x-zip-compressed", ".zip"},
	{"text/plain", ".txt"},
	{"text/html", ".html"},
	{"text/calendar", ".ics"},
	{"image/png", ".png"},
	{"image/jpeg", ".jpg"},
	{"image/gif", ".gif"},
	{"message/rfc822", ".eml"},
}

// extensionFor gives the usual extension of a type, or "".
func extensionFor(typ string) string {
	for _, f := range fileTypes {
		if f.typ == typ {
			return f.ext
		}
	}
	return ""
}

// typeFor gives the type of a file name's extension (an archive's files declare none), or
// application/octet-stream.
func typeFor(name string) string {
	ext := strings.ToLower(pathpkg.Ext(name))
	for _, f := range fileTypes {
		if f.ext == ext {
			return f.typ
		}
	}
	return "application/octet-stream"
}

// tnef unpacks winmail.dat into its files; when nothing can be unpacked, winmail.dat itself
// is kept as the attachment.
func (p *mimeParser) tnef(h gomessage.Header, typ, disp, name string, res transferResult, path string) {
	room := p.lim.MaxParts - p.parts
	if room <= 0 {
		p.problem(IssueLimitParts, path, "no room within %d MIME parts for the files in winmail.dat; it is kept whole", p.lim.MaxParts)
		p.file(h, typ, disp, name, res, path)
		return
	}
	files, err := readTNEF(res.data, room)
	if err != nil {
		p.problem(IssueTNEF, path, "winmail.dat: %v", err)
	}
	if len(files) == 0 {
		p.file(h, typ, disp, name, res, path)
		return
	}
	for i, f := range files {
		p.parts++
		fpath := path + ":" + strconv.Itoa(i+1)
		ctype := strings.ToLower(strings.TrimSpace(f.ContentType))
		if ctype == "" || !strings.Contains(ctype, "/") {
			ctype = "application/octet-stream"
		}
		p.addFile(&Attachment{Path: fpath, Filename: fileName(f.Name, fpath, ctype), ContentType: ctype, FromTNEF: true}, f.Data)
	}
}

// archive adds the files of a zip attachment (3GPP sends SP-170768.zip holding the DOC)
// after it, as attachments marked FromArchive, with the path "<zip's path>/<zip's
// name>/<member's path>". The zip stays an attachment: it is what the sender sent. Members
// count as MIME parts and decoded bytes (MaxParts, MaxPartBytes, MaxTotalBytes), and the
// reader's own limits are those of DOCX (convert.ReadArchive); a zip inside is opened one
// level deep.
func (p *mimeParser) archive(zip *Attachment) {
	room := p.lim.MaxParts - p.parts
	budget := p.lim.MaxTotalBytes - p.decoded
	if room <= 0 {
		p.problem(IssueLimitParts, zip.Path, "no room within %d MIME parts for the files in %s; it is kept whole", p.lim.MaxParts, zip.Filename)
		return
	}
	if budget <= 0 {
		p.problem(IssueLimitTotal, zip.Path, "the decoded parts reached the limit of %d bytes in total; the files in %s are not read", p.lim.MaxTotalBytes, zip.Filename)
		return
	}
	lim := convert.DefaultLimits()
	lim.MaxZipEntries = min(lim.MaxZipEntries, room)
	lim.MaxEntryBytes = min(lim.MaxEntryBytes, p.lim.MaxPartBytes)
	lim.MaxExpandedBytes = min(lim.MaxExpandedBytes, budget)
	members, warnings, err := convert.ReadArchive(context.Background(), zip.Data, lim)
	for _, w := range warnings {
		p.warn(IssueArchive, zip.Path, "%s: %s", zip.Filename, w)
	}
	if err != nil {
		p.problem(IssueArchive, zip.Path, "%s: %v", zip.Filename, err)
	}
	for i, m := range members {
		p.parts++
		p.decoded += int64(len(m.Data))
		rel := memberPath(m.Name)
		name := safeFilename(pathpkg.Base(rel))
		if name == "" {
			name = "member-" + strconv.Itoa(i+1)
		}
		p.addFile(&Attachment{
			Path: zip.Path + "/" + zip.Filename + "/" + rel, Filename: name,
			ContentType: typeFor(name), Disposition: "attachment", FromArchive: true,
		}, m.Data)
	}
}

// memberPath makes each folder of an archive member's name a safe file name.
func memberPath(name string) string {
	var steps []string
	for _, s := range strings.Split(name, "/") {
		if s = safeFilename(s); s != "" {
			steps = append(steps, s)
		}
	}
	return strings.Join(steps, "/")
}
