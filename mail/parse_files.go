package mail

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"

	"github.com/emersion/go-message"
)

// Files: leaf parts that are not body text become Attachments, or Inline when an HTML
// body shows them; winmail.dat is unpacked into the files it carries.

// file records a file part; finish decides whether it is an attachment or an inline part.
func (p *mimeParser) file(h message.Header, typ, disp, name string, res transferResult, path string) {
	p.addFile(&Attachment{
		Path:        path,
		Filename:    fileName(name, path, typ),
		ContentType: typ,
		Disposition: disp,
		ContentID:   cleanHeaderText(strings.Trim(strings.TrimSpace(strings.ToValidUTF8(h.Get("Content-Id"), "")), "<>")),
		Truncated:   res.truncated,
	}, res.data)
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

// extensionFor gives the usual extension of the types liaison mail carries; the table is
// fixed so names do not depend on the host's mime.types.
func extensionFor(typ string) string {
	switch typ {
	case "application/pdf":
		return ".pdf"
	case "application/msword":
		return ".doc"
	case "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
		return ".docx"
	case "application/vnd.ms-excel":
		return ".xls"
	case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
		return ".xlsx"
	case "application/vnd.openxmlformats-officedocument.presentationml.presentation":
		return ".pptx"
	case "application/rtf", "text/rtf":
		return ".rtf"
	case "application/zip", "application/x-zip-compressed":
		return ".zip"
	case "text/plain":
		return ".txt"
	case "text/html":
		return ".html"
	case "text/calendar":
		return ".ics"
	case "image/png":
		return ".png"
	case "image/jpeg":
		return ".jpg"
	case "image/gif":
		return ".gif"
	case "message/rfc822":
		return ".eml"
	}
	return ""
}

// tnef unpacks winmail.dat into its files; when nothing can be unpacked, winmail.dat itself
// is kept as the attachment.
func (p *mimeParser) tnef(h message.Header, typ, disp, name string, res transferResult, path string) {
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
