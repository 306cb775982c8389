package message

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	gomessage "github.com/emersion/go-message"
)

// ParseLimits bounds the work and memory Parse spends on one message. A zero or negative
// field means the default of DefaultParseLimits, so a partly filled config section is safe.
// Past a limit the message is still returned with what was read, and a Problem names the
// limit.
type ParseLimits struct {
	// MaxHeaderBytes caps each header block (the message's, each part's, each nested
	// message's). The rest of a longer block is ignored; its body is still read.
	MaxHeaderBytes int `toml:"max_header_bytes"`
	// MaxDepth caps the nesting of multiparts and message/rfc822 parts; deeper parts are
	// skipped.
	MaxDepth int `toml:"max_depth"`
	// MaxParts caps the MIME parts of the whole tree, nested messages and files unpacked
	// from winmail.dat included; later parts are skipped.
	MaxParts int `toml:"max_parts"`
	// MaxPartBytes caps the decoded size of one part; a longer part is cut and marked
	// Truncated.
	MaxPartBytes int64 `toml:"max_part_bytes"`
	// MaxTotalBytes caps the decoded size of all parts together. Parse also reads at most
	// twice this much raw input (base64 and quoted-printable inflate the raw size).
	MaxTotalBytes int64 `toml:"max_total_bytes"`
	// MaxTextBytes caps each text/plain or text/html body before it becomes text: a
	// longer one is cut at the last line end before the limit, marked Truncated, and a
	// Problem says so. The raw message keeps every byte; this bounds the memory and time
	// that extraction, quoting and search indexing spend on one message.
	MaxTextBytes int `toml:"max_text_bytes"`
}

// DefaultParseLimits returns limits with room for any real liaison statement: a few
// attachments of tens of MiB, a handful of forwarding levels.
func DefaultParseLimits() ParseLimits {
	return ParseLimits{
		MaxHeaderBytes: 1 << 20,
		MaxDepth:       20,
		MaxParts:       500,
		MaxPartBytes:   50 << 20,
		MaxTotalBytes:  100 << 20,
		MaxTextBytes:   4 << 20,
	}
}

// withDefaults fills zero and negative fields from DefaultParseLimits.
func (l ParseLimits) withDefaults() ParseLimits {
	d := DefaultParseLimits()
	if l.MaxHeaderBytes <= 0 {
		l.MaxHeaderBytes = d.MaxHeaderBytes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = d.MaxDepth
	}
	if l.MaxParts <= 0 {
		l.MaxParts = d.MaxParts
	}
	if l.MaxPartBytes <= 0 {
		l.MaxPartBytes = d.MaxPartBytes
	}
	if l.MaxTotalBytes <= 0 {
		l.MaxTotalBytes = d.MaxTotalBytes
	}
	if l.MaxTextBytes <= 0 {
		l.MaxTextBytes = d.MaxTextBytes
	}
	return l
}

// Message is a parsed message: the top-level mail or a message/rfc822 part of it. Every
// string is valid UTF-8; addresses are lower case. The JSON form (Data and raw header left
// out) is what the golden tests compare.
type Message struct {
	// Header is the header block as read (after repairs of broken folding), for fields
	// without a convenience field below.
	Header gomessage.Header `json:"-"`
	// Path is the MIME path of the message/rfc822 part holding this message ("2", "1.3");
	// empty for the top-level message.
	Path string `json:"path,omitempty"`

	Subject       string    `json:"subject"`
	From          []Address `json:"from,omitempty"`
	To            []Address `json:"to,omitempty"`
	Cc            []Address `json:"cc,omitempty"`
	ReplyTo       []Address `json:"reply_to,omitempty"`
	Date          time.Time `json:"date,omitzero"`
	MessageID     string    `json:"message_id,omitempty"`  // with angle brackets
	InReplyTo     []string  `json:"in_reply_to,omitempty"` // message IDs, with angle brackets
	References    []string  `json:"references,omitempty"`  // message IDs, with angle brackets
	DeliveredTo   []string  `json:"delivered_to,omitempty"`
	XOriginalTo   []string  `json:"x_original_to,omitempty"`
	ListID        string    `json:"list_id,omitempty"`        // the id inside <>, e.g. "ccamp.example.org"
	AutoSubmitted string    `json:"auto_submitted,omitempty"` // e.g. "auto-replied"
	ContentType   string    `json:"content_type"`             // media type of the body, lower case

	// Bodies are the text/plain and text/html parts that are not attachments, in tree
	// order. Text chooses among them.
	Bodies []Body `json:"bodies,omitempty"`
	// Attachments are the files of this message and of the messages nested in it, in tree
	// order; see Attachment.
	Attachments []*Attachment `json:"attachments,omitempty"`
	// Inline are parts an HTML body shows in place (cid: images such as Outlook signature
	// logos); they are not attachments.
	Inline []*Attachment `json:"inline,omitempty"`
	// Nested are the message/rfc822 parts (forwarded originals, a bounce's returned
	// message), parsed recursively.
	Nested []*Message `json:"nested,omitempty"`
	// InlineForwards are forwarded or quoted originals pasted into the body text.
	InlineForwards []InlineForward `json:"inline_forwards,omitempty"`
	// Report is set for multipart/report messages (bounces, read receipts).
	Report *Report `json:"report,omitempty"`

	// Problems are limit violations and damage that lost content; Warnings are repairs and
	// guesses (a charset guessed, a header line refolded). Both are collected on the
	// top-level message for the whole tree, each naming its MIME path.
	Problems []Issue `json:"problems,omitempty"`
	Warnings []Issue `json:"warnings,omitempty"`
}

// Address is one mailbox: the decoded display name and the lower-case address. Address is
// empty for a name written without one (an inline forward's "To: IETF CCAMP WG").
type Address struct {
	Name    string `json:"name,omitempty"`
	Address string `json:"address,omitempty"`
}

// String formats the address for people, not for a header: "Name <addr>" or "addr".
func (a Address) String() string {
	if a.Name == "" {
		return a.Address
	}
	if a.Address == "" {
		return a.Name
	}
	return a.Name + " <" + a.Address + ">"
}

// Body is one text part decoded to UTF-8 with LF line ends.
type Body struct {
	Path        string `json:"path"`
	ContentType string `json:"content_type"`      // "text/plain" or "text/html"
	Charset     string `json:"charset,omitempty"` // as declared, lower case
	// DecodedAs is the charset the text was decoded from: the declared one, or the guess
	// when it was missing, unknown or wrong (a Warning says so).
	DecodedAs string `json:"decoded_as"`
	// Text is the plain text; for HTML, its rendering by convert.HTMLToText (table rows as
	// TAB-separated lines, blockquotes as "> " lines).
	Text string `json:"text"`
	// HTML is the decoded HTML source of a text/html part; never render it unsanitised.
	HTML string `json:"-"`
	// Alternative marks a rendering that a multipart/alternative offered besides the one
	// Text uses (the HTML when there is a plain text, for example).
	Alternative bool `json:"alternative,omitempty"`
	// QuotedLines counts the lines of Text that quote earlier mail ("> ").
	QuotedLines int  `json:"quoted_lines,omitempty"`
	Truncated   bool `json:"truncated,omitempty"`
}

// Attachment is a file carried by the message, anywhere in the tree, nested messages
// included: every leaf part that is not body text, a report status or a signature. That
// is a part with Content-Disposition: attachment, or of any type but text/plain and
// text/html (a part without a name is named "part-<path>.<ext>"), or a file unpacked from
// winmail.dat (which then is not listed itself), or a file read from a zip attachment
// (which is listed too, before its files: FromArchive). A message/rfc822 part is not one (it is in
// Nested), nor is a part that an HTML body shows by cid: (it is in Inline).
type Attachment struct {
	// Path is the MIME path ("2", "3.1"); a file from winmail.dat adds ":n" (n from 1); a
	// file from a zip adds "/<zip's name>/<path in the zip>" ("2/SP-170768.zip/SP-170768.doc").
	Path string `json:"path"`
	// Filename is decoded (RFC 2231, RFC 2047 also inside quotes) and safe as a plain file
	// name: no directory part, no control characters, no leading dot, at most 200 bytes.
	// A part without a name gets "part-<path>" with an extension for its type.
	Filename    string `json:"filename"`
	ContentType string `json:"content_type"` // as declared, lower case, without parameters
	Disposition string `json:"disposition,omitempty"`
	ContentID   string `json:"content_id,omitempty"` // without angle brackets
	Size        int64  `json:"size"`
	SHA256      string `json:"sha256"` // hex, of Data
	Data        []byte `json:"-"`
	FromTNEF    bool   `json:"from_tnef,omitempty"`
	// FromArchive marks a file read from a zip attachment (which is listed too, before its
	// files); its Path is "<zip's path>/<zip's name>/<path in the zip>".
	FromArchive bool `json:"from_archive,omitempty"`
	FromNested  bool `json:"from_nested,omitempty"` // inside a message/rfc822 part
	// Truncated marks a file cut at a size limit: Data and SHA256 cover only its start.
	Truncated bool `json:"truncated,omitempty"`
}

// InlineForward is a forwarded or replied-to original pasted into a body: the marker that
// introduced it, the fields of its header block and the text that follows.
type InlineForward struct {
	// Style says how it was recognised: "forwarded" ("---------- Forwarded message
	// ---------", Thunderbird's "-------- Forwarded Message --------"), "original"
	// ("-----Original Message-----"), "apple" ("Begin forwarded message:") or "outlook"
	// (a From:/Sent:/To:/Subject: block without a marker line).
	Style   string    `json:"style"`
	Path    string    `json:"path"` // MIME path of the body it is in
	From    []Address `json:"from,omitempty"`
	To      []Address `json:"to,omitempty"`
	Cc      []Address `json:"cc,omitempty"`
	Date    string    `json:"date,omitempty"` // as written (Date: or Sent:)
	Subject string    `json:"subject,omitempty"`
	// Fields is the whole header block in order, for labels without a field above.
	Fields []ForwardField `json:"fields,omitempty"`
	// Text is the forwarded body, up to the next forward marker.
	Text string `json:"text"`
}

// ForwardField is one "Name: value" line of an inline header block.
type ForwardField struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Report describes a multipart/report message (RFC 6522): a bounce, a delay notice or a
// read receipt. The returned original, if any, is in Nested.
type Report struct {
	Type   string `json:"type"`             // the report-type parameter, e.g. "delivery-status"
	Status string `json:"status,omitempty"` // the machine-readable part as text
}

// Issue is a problem or warning found while parsing.
type Issue struct {
	Code IssueCode `json:"code"`
	Path string    `json:"path,omitempty"` // MIME path; empty for the top-level header
	Text string    `json:"text"`
}

// String formats the issue for logs and the review queue.
func (i Issue) String() string {
	if i.Path == "" {
		return i.Text
	}
	return "part " + i.Path + ": " + i.Text
}

// IssueCode classifies an Issue; the values are stable for tests and metrics.
type IssueCode string

const (
	IssueLimitHeader IssueCode = "limit-header"      // MaxHeaderBytes
	IssueLimitDepth  IssueCode = "limit-depth"       // MaxDepth
	IssueLimitParts  IssueCode = "limit-parts"       // MaxParts
	IssueLimitPart   IssueCode = "limit-part-bytes"  // MaxPartBytes
	IssueLimitTotal  IssueCode = "limit-total-bytes" // MaxTotalBytes or the raw input cap
	IssueLimitText   IssueCode = "limit-text-bytes"  // MaxTextBytes
	IssueHeader      IssueCode = "header"            // malformed header block or field
	IssueStructure   IssueCode = "structure"         // multipart boundaries, missing parts
	IssueEncoding    IssueCode = "encoding"          // transfer encoding (base64, quoted-printable)
	IssueCharset     IssueCode = "charset"           // unknown, missing or wrong charset
	IssueTNEF        IssueCode = "tnef"              // winmail.dat
	IssueArchive     IssueCode = "archive"           // a zip attachment's files
	IssueInternal    IssueCode = "internal"          // a recovered panic: a bug to report
	IssueRead        IssueCode = "read"              // the input could not be read
)

// IsLimit reports whether the issue is one of our limits cutting the message (the
// message may be sound; its parse is incomplete), not damage in the message itself.
func (c IssueCode) IsLimit() bool { return strings.HasPrefix(string(c), "limit-") }

// IsReport reports whether the message is a multipart/report (bounce, receipt).
func (m *Message) IsReport() bool { return m.Report != nil }

// Text returns the body text best suited to extraction: the bodies that are not
// alternatives, joined by an empty line. In a multipart/alternative that is the plain text
// when it has any, else the HTML rendered as text. Nested messages are not included.
func (m *Message) Text() string {
	var parts []string
	for _, b := range m.Bodies {
		if !b.Alternative && strings.TrimSpace(b.Text) != "" {
			parts = append(parts, strings.TrimRight(b.Text, "\n"))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "\n\n") + "\n"
}

// UnquotedText returns Text without quoted lines and the "On ... wrote:" lines that
// introduce them: what the sender wrote themselves (inline forwards stay).
func (m *Message) UnquotedText() string { return RemoveQuoted(m.Text()) }

// ContentHash is a digest of what a message says, not of how it travelled: its text
// bodies (decoded, each line's trailing white space and the trailing empty lines left
// out), its attachments and inline parts (name, type and the digest of their decoded
// bytes), and those of the messages nested in it. Header fields, trace fields
// (Received, Delivered-To, Return-Path) among them, transfer encodings and MIME
// boundaries do not count, so the same mail reaching us by two routes has one content
// hash, while a change to its text or files gives another.
func ContentHash(m *Message) string {
	h := sha256.New()
	var walk func(m *Message)
	walk = func(m *Message) {
		for _, b := range m.Bodies {
			text := b.Text
			if b.ContentType == "text/html" && b.HTML != "" {
				text = b.HTML
			}
			fmt.Fprintf(h, "body %s\n%s\x00", b.ContentType, normalisedText(text))
		}
		for _, a := range m.Inline {
			fmt.Fprintf(h, "inline %q %s %s\x00", a.Filename, a.ContentType, a.SHA256)
		}
		for _, n := range m.Nested {
			h.Write([]byte("nested\x00"))
			walk(n)
			h.Write([]byte("end\x00"))
		}
	}
	walk(m)
	// Attachments list the files of nested messages too: counted once, here. The files of
	// an archive are in its hash already.
	for _, a := range m.Attachments {
		if a.FromArchive {
			continue
		}
		fmt.Fprintf(h, "file %q %s %s\x00", a.Filename, a.ContentType, a.SHA256)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// normalisedText drops trailing white space from each line and trailing empty lines.
func normalisedText(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\r")
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}
