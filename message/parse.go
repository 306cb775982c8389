package message

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	gomessage "github.com/emersion/go-message"
	"github.com/liaisond/liaisond/convert"
)

// The parser reads the whole raw message into memory and walks it as byte slices: the raw
// message is bounded (2×MaxTotalBytes), slices make nested messages free, and every header
// block can be bounded and repaired before go-message's textproto reads it. go-message's
// streaming Entity is not used because it decodes charsets itself through a global hook
// (so a wrong label can no longer be guessed from the raw bytes), reads part headers with
// no size limit, and drops every later part when one part header is malformed.

// Parse reads a message from r and parses it within lim (zero fields take the defaults).
// It never panics and always returns a non-nil Message holding whatever could be read,
// with Problems and Warnings; the error is non-nil only when nothing useful could be read.
func Parse(r io.Reader, lim ParseLimits) (*Message, error) {
	lim = lim.withDefaults()
	p := newMimeParser(lim)
	maxRaw := 2 * lim.MaxTotalBytes
	var buf bytes.Buffer
	if l, ok := r.(interface{ Len() int }); ok { // bytes.Reader, strings.Reader: one allocation
		buf.Grow(int(min(int64(l.Len()), maxRaw) + 1))
	}
	_, err := buf.ReadFrom(io.LimitReader(r, maxRaw+1))
	if err != nil {
		p.problem(IssueRead, "", "reading the message failed after %d bytes: %v", buf.Len(), err)
	}
	return p.runCapped(buf.Bytes())
}

// ParseBytes is Parse for a message already in memory, without copying it. The
// Message shares raw's bytes where a part has no transfer encoding: raw must not change
// while the Message is used.
func ParseBytes(raw []byte, lim ParseLimits) (*Message, error) {
	return newMimeParser(lim.withDefaults()).runCapped(raw)
}

// runCapped parses at most twice MaxTotalBytes of raw input (base64 and quoted-printable
// inflate the raw size).
func (p *mimeParser) runCapped(raw []byte) (*Message, error) {
	if maxRaw := 2 * p.lim.MaxTotalBytes; int64(len(raw)) > maxRaw {
		raw = raw[:maxRaw]
		p.problem(IssueLimitTotal, "", "message larger than %d bytes; the rest is ignored", maxRaw)
	}
	return p.run(raw)
}

// maxIssues bounds each of Problems and Warnings: a message broken in every part still
// gets a short report.
const maxIssues = 100

// mimeParser holds the state of one Parse: the budgets shared by the whole tree, the
// files found (sorted into attachments and inline parts at the end) and the issues.
type mimeParser struct {
	lim     ParseLimits
	top     *Message
	chain   []*Message // the message being parsed and the messages around it, top first
	parts   int
	decoded int64
	stopped bool // MaxParts was reached: nothing more is read
	files   []fileRef
	cids    map[string]bool // content IDs that HTML bodies show (cid: URLs), lower case
	hints   []string        // charsets the message declares, for guessing undeclared text

	problems, warnings []Issue
	seen               map[Issue]bool
	panicStack         []byte // where a recovered panic happened, for tests and fuzzing
}

// fileRef is a file part and the messages that list it: its own and those around it.
type fileRef struct {
	att    *Attachment
	owners []*Message
}

func newMimeParser(lim ParseLimits) *mimeParser {
	return &mimeParser{lim: lim, top: &Message{}, cids: map[string]bool{}, seen: map[Issue]bool{}}
}

// run parses raw into p.top, turning a panic into a Problem.
func (p *mimeParser) run(raw []byte) (*Message, error) {
	m := p.top
	p.guard(func() { p.message(m, raw, "", 0) })
	p.guard(p.finish)
	m.Problems, m.Warnings = p.problems, p.warnings
	if m.Header.Len() == 0 && strings.TrimSpace(m.Text()) == "" && len(p.files) == 0 && len(m.Nested) == 0 {
		if len(bytes.TrimSpace(raw)) == 0 {
			return m, errors.New("mail: empty message")
		}
		return m, errors.New("mail: no header field and no content could be read")
	}
	return m, nil
}

// guard runs f and records a panic as a Problem: a parser bug must not take the daemon
// down, and the message keeps what was read before it.
func (p *mimeParser) guard(f func()) {
	defer func() {
		if r := recover(); r != nil {
			p.panicStack = debug.Stack()
			p.problem(IssueInternal, "", "parser panic (a bug; the message keeps what was read): %v", r)
		}
	}()
	f()
}

func (p *mimeParser) problem(code IssueCode, path, format string, args ...any) {
	p.problems = p.addIssue(p.problems, Issue{Code: code, Path: path, Text: fmt.Sprintf(format, args...)})
}

func (p *mimeParser) warn(code IssueCode, path, format string, args ...any) {
	p.warnings = p.addIssue(p.warnings, Issue{Code: code, Path: path, Text: fmt.Sprintf(format, args...)})
}

func (p *mimeParser) addIssue(list []Issue, is Issue) []Issue {
	if p.seen[is] || len(list) > maxIssues {
		return list
	}
	p.seen[is] = true
	if len(list) == maxIssues {
		is = Issue{Code: is.Code, Text: "more issues left out"}
	}
	return append(list, is)
}

// hint remembers a declared charset for guessing undeclared text later.
func (p *mimeParser) hint(label string) {
	label = canonicalCharset(label)
	if label == "" || isASCIILabel(label) || isUTF8Label(label) || slices.Contains(p.hints, label) || len(p.hints) >= 8 {
		return
	}
	if _, _, known := decodeCharset(label, nil); !known {
		return
	}
	p.hints = append(p.hints, label)
}

// childPath numbers parts the IMAP way: "1", "1.2", "2.1.3".
func childPath(path string, n int) string {
	if path == "" {
		return strconv.Itoa(n)
	}
	return path + "." + strconv.Itoa(n)
}

// message parses a whole message (the top level, or a message/rfc822 part at path) into m.
func (p *mimeParser) message(m *Message, raw []byte, path string, depth int) {
	p.chain = append(p.chain, m)
	defer func() { p.chain = p.chain[:len(p.chain)-1] }()
	h, body := p.readHeader(raw, path, true)
	m.Header = h
	p.envelope(m, path)
	typ, params := p.contentType(h, path, "text/plain")
	m.ContentType = typ
	// The body of a message has no number of its own unless it is a single part (IMAP).
	bodyPath := path
	if !strings.HasPrefix(typ, "multipart/") {
		bodyPath = childPath(path, 1)
	}
	p.content(m, h, typ, params, body, bodyPath, depth)
}

// envelope fills the convenience fields of m from its header.
func (p *mimeParser) envelope(m *Message, path string) {
	h := m.Header
	m.Subject = p.headerText(path, h.Get("Subject"))
	m.From = p.addresses(path, h, "From")
	m.To = p.addresses(path, h, "To")
	m.Cc = p.addresses(path, h, "Cc")
	m.ReplyTo = p.addresses(path, h, "Reply-To")
	m.Date = p.date(path, h.Get("Date"))
	if id := h.Get("Message-Id"); strings.TrimSpace(id) != "" {
		m.MessageID = strings.ToValidUTF8(NormalizeID(id), "")
	}
	m.InReplyTo = messageIDs(strings.ToValidUTF8(h.Get("In-Reply-To"), ""))
	m.References = messageIDs(strings.ToValidUTF8(h.Get("References"), ""))
	m.DeliveredTo = headerAddrSpecs(h, "Delivered-To")
	m.XOriginalTo = headerAddrSpecs(h, "X-Original-To")
	m.ListID = listID(p.headerText(path, h.Get("List-Id")))
	auto, _, _ := strings.Cut(p.headerText(path, h.Get("Auto-Submitted")), ";")
	m.AutoSubmitted = strings.ToLower(strings.TrimSpace(auto))
}

// headerAddrSpecs returns the lower-case addresses of every instance of a field that holds
// a bare address (Delivered-To, X-Original-To).
func headerAddrSpecs(h gomessage.Header, field string) []string {
	var out []string
	for _, v := range h.Values(field) {
		for _, a := range looseAddresses(strings.ToValidUTF8(v, "")) {
			if a.Address != "" && !slices.Contains(out, a.Address) {
				out = append(out, a.Address)
			}
		}
	}
	return out
}

// listID returns the identifier inside the angle brackets of a List-Id value.
func listID(v string) string {
	if i := strings.LastIndexByte(v, '<'); i >= 0 {
		if j := strings.IndexByte(v[i:], '>'); j > 0 {
			return strings.TrimSpace(v[i+1 : i+j])
		}
	}
	return v
}

// contentType returns the media type and parameters of an entity, def when it has none
// or one that is not type/subtype.
func (p *mimeParser) contentType(h gomessage.Header, path, def string) (string, map[string]string) {
	v := h.Get("Content-Type")
	if strings.TrimSpace(v) == "" {
		return def, map[string]string{}
	}
	typ, params := p.params(path, v)
	if t, s, ok := strings.Cut(typ, "/"); !ok || !isToken(t) || !isToken(s) {
		p.warn(IssueHeader, path, "unreadable Content-Type %q; read as %s", cleanHeaderText(strings.ToValidUTF8(v, "")), def)
		return def, params
	}
	return typ, params
}

func isToken(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte(s) {
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`()<>@,;:\"/[]?=`, c) >= 0 {
			return false
		}
	}
	return true
}

// part parses one part of a multipart body.
func (p *mimeParser) part(m *Message, raw []byte, path string, depth int, defType string) {
	h, body := p.readHeader(raw, path, false)
	typ, params := p.contentType(h, path, defType)
	p.content(m, h, typ, params, body, path, depth)
}

// content dispatches an entity by media type, within the depth and part limits.
func (p *mimeParser) content(m *Message, h gomessage.Header, typ string, params map[string]string, body []byte, path string, depth int) {
	if depth > p.lim.MaxDepth {
		p.problem(IssueLimitDepth, path, "nested deeper than %d levels; this part and those inside it are skipped", p.lim.MaxDepth)
		return
	}
	if p.stopped {
		return
	}
	if p.parts >= p.lim.MaxParts {
		p.stopped = true
		p.problem(IssueLimitParts, path, "more than %d MIME parts; this part and all after it are skipped", p.lim.MaxParts)
		return
	}
	p.parts++
	switch typ {
	case "message/rfc822", "message/global", "text/rfc822-headers", "message/global-headers":
		p.nested(m, h, body, path, depth)
	default:
		if strings.HasPrefix(typ, "multipart/") {
			p.multipart(m, h, typ, params, body, path, depth)
			return
		}
		p.leaf(m, h, typ, params, body, path)
	}
}

// nested parses a message/rfc822 part (or text/rfc822-headers, a header block alone) into
// a Message of its own.
func (p *mimeParser) nested(m *Message, h gomessage.Header, body []byte, path string, depth int) {
	raw := body
	if enc := transferEncoding(h); enc == "base64" || enc == "quoted-printable" {
		raw = p.transfer(h, body, path).data // not allowed by RFC 2046, seen in the wild
	}
	n := &Message{Path: path}
	m.Nested = append(m.Nested, n)
	p.message(n, raw, path, depth+1)
}

// leaf handles a part that holds content: a text body, a report status, winmail.dat or a
// file.
func (p *mimeParser) leaf(m *Message, h gomessage.Header, typ string, params map[string]string, body []byte, path string) {
	if isSignature(typ) {
		return // a detached S/MIME or PGP signature is not content
	}
	disp, dparams := p.disposition(h, path)
	name := dparams["filename"]
	if name == "" {
		name = params["name"]
	}
	res := p.transfer(h, body, path)
	switch {
	case typ == "application/ms-tnef" || typ == "application/vnd.ms-tnef" || strings.EqualFold(name, "winmail.dat"):
		p.tnef(h, typ, disp, name, res, path)
	case (typ == "text/plain" || typ == "text/html") && disp != "attachment":
		p.textBody(m, typ, params, res, path)
	case typ == "message/delivery-status" || typ == "message/disposition-notification" || typ == "message/feedback-report":
		p.reportStatus(m, typ, params, res)
	default:
		p.file(h, typ, disp, name, res, path)
	}
}

func isSignature(typ string) bool {
	switch typ {
	case "application/pgp-signature", "application/pkcs7-signature", "application/x-pkcs7-signature":
		return true
	}
	return false
}

// disposition returns the lower-case Content-Disposition and its parameters.
func (p *mimeParser) disposition(h gomessage.Header, path string) (string, map[string]string) {
	v := h.Get("Content-Disposition")
	if strings.TrimSpace(v) == "" {
		return "", map[string]string{}
	}
	return p.params(path, v)
}

func transferEncoding(h gomessage.Header) string {
	return strings.ToLower(strings.TrimSpace(h.Get("Content-Transfer-Encoding")))
}

// transfer decodes a part's transfer encoding within the part and total budgets.
func (p *mimeParser) transfer(h gomessage.Header, body []byte, path string) transferResult {
	budget := min(p.lim.MaxPartBytes, p.lim.MaxTotalBytes-p.decoded)
	if budget <= 0 {
		p.problem(IssueLimitTotal, path, "the decoded parts reached the limit of %d bytes in total; this part is skipped", p.lim.MaxTotalBytes)
		return transferResult{truncated: true}
	}
	var res transferResult
	enc := transferEncoding(h)
	if enc == "base64" && !looksLikeBase64(body) {
		p.warn(IssueEncoding, path, "part labelled base64 is not base64; it is read as is")
		enc = "8bit"
	}
	switch enc {
	case "base64":
		res = decodeBase64(body, budget)
	case "quoted-printable":
		res = decodeQuotedPrintable(body, budget)
	default:
		if enc != "" && enc != "7bit" && enc != "8bit" && enc != "binary" {
			p.warn(IssueEncoding, path, "unknown transfer encoding %q; the part is read as is", cleanHeaderText(strings.ToValidUTF8(enc, "")))
		}
		// Not copied: the bytes are the raw message's, which outlives the Message's use
		// (the capacity is cut so that an append cannot write into it).
		n := min(int64(len(body)), budget)
		res = transferResult{data: body[:n:n], truncated: int64(len(body)) > budget}
	}
	p.decoded += int64(len(res.data))
	if res.damage != "" {
		p.problem(IssueEncoding, path, "%s", res.damage)
	}
	if res.repair != "" {
		p.warn(IssueEncoding, path, "%s", res.repair)
	}
	switch {
	case res.truncated && budget == p.lim.MaxPartBytes:
		p.problem(IssueLimitPart, path, "decoded part is over the limit of %d bytes; it is cut there", p.lim.MaxPartBytes)
	case res.truncated:
		p.problem(IssueLimitTotal, path, "the decoded parts reached the limit of %d bytes in total; this part is cut", p.lim.MaxTotalBytes)
	}
	return res
}

// textBody decodes a text/plain or text/html part into a Body of m.
func (p *mimeParser) textBody(m *Message, typ string, params map[string]string, res transferResult, path string) {
	if len(res.data) > p.lim.MaxTextBytes {
		p.problem(IssueLimitText, path, "text of %d bytes is over the limit of %d bytes; it is cut at a line end before it",
			len(res.data), p.lim.MaxTextBytes)
		res.data, res.truncated = CutAtLine(res.data, p.lim.MaxTextBytes), true
	}
	declared := params["charset"]
	hints := p.hints
	if typ == "text/html" {
		if meta := htmlMetaCharset(res.data); meta != "" {
			if declared == "" {
				declared = meta // the document declares itself
			}
			hints = append([]string{meta}, hints...)
		}
	}
	text, used, guessed := decodeText(res.data, declared, hints)
	if guessed != "" {
		p.warn(IssueCharset, path, "%s; decoded as %s (a guess)", guessed, used)
	}
	p.hint(declared)
	text, removed := cleanBodyText(text)
	if removed > 0 {
		p.warn(IssueEncoding, path, "%d NUL or control characters removed from the text", removed)
	}
	b := Body{Path: path, ContentType: typ, Charset: canonicalCharset(params["charset"]), DecodedAs: used, Truncated: res.truncated}
	if typ == "text/html" {
		b.HTML = text
		b.Text = convert.HTMLToText(text)
		p.collectCIDs(text)
	} else {
		if strings.EqualFold(params["format"], "flowed") {
			text = unflow(text, strings.EqualFold(params["delsp"], "yes"))
		}
		b.Text = text
	}
	b.QuotedLines = countQuoted(b.Text)
	m.Bodies = append(m.Bodies, b)
}

// CutAtLine shortens text to at most max bytes: after its last line end there, or else
// before a UTF-8 sequence the cut would split. Text within max is returned as it is.
func CutAtLine[T ~string | ~[]byte](text T, max int) T {
	if len(text) <= max {
		return text
	}
	text = text[:max]
	for i := len(text) - 1; i >= 0; i-- {
		if text[i] == '\n' {
			return text[:i+1]
		}
	}
	for i := len(text) - 1; i >= 0 && i >= len(text)-utf8.UTFMax; i-- {
		if utf8.RuneStart(text[i]) {
			if !utf8.FullRune([]byte(text[i:])) {
				return text[:i]
			}
			break
		}
	}
	return text
}

// cleanBodyText normalises line ends to LF and removes NUL and other control characters
// but TAB, LF and FF, counting them.
func cleanBodyText(s string) (string, int) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	removed := 0
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\r':
			return '\n'
		case r == '\t' || r == '\n' || r == '\f':
			return r
		case r < 0x20 || r == 0x7f:
			removed++
			return -1
		}
		return r
	}, s)
	return s, removed
}

// cidRE finds the cid: URLs of an HTML body (RFC 2392).
var cidRE = regexp.MustCompile(`(?i)\bcid:([^"'\s>)]+)`)

func (p *mimeParser) collectCIDs(html string) {
	for _, m := range cidRE.FindAllStringSubmatch(html, -1) {
		id := m[1]
		if u, err := url.PathUnescape(id); err == nil {
			id = u
		}
		p.cids[strings.ToLower(id)] = true
	}
}

// reportStatus records the machine-readable part of a multipart/report.
func (p *mimeParser) reportStatus(m *Message, typ string, params map[string]string, res transferResult) {
	text, _, _ := decodeText(res.data, params["charset"], p.hints)
	text, _ = cleanBodyText(text)
	if m.Report == nil {
		m.Report = &Report{Type: strings.TrimPrefix(typ, "message/")}
	}
	m.Report.Status += text
}

// finish sorts the files into attachments and inline parts, now that every HTML body has
// been seen, and finds inline forwards in the chosen texts.
func (p *mimeParser) finish() {
	for _, f := range p.files {
		if id := strings.ToLower(f.att.ContentID); id != "" && p.cids[id] && !f.att.FromTNEF {
			owner := f.owners[len(f.owners)-1]
			owner.Inline = append(owner.Inline, f.att)
			continue
		}
		for _, m := range f.owners {
			m.Attachments = append(m.Attachments, f.att)
		}
	}
	addInlineForwards(p.top)
}

// addInlineForwards finds the inline forwards in the texts of m and of the messages nested
// in it.
func addInlineForwards(m *Message) {
	for _, b := range m.Bodies {
		if !b.Alternative {
			m.InlineForwards = append(m.InlineForwards, findInlineForwards(b.Text, b.Path)...)
		}
	}
	for _, n := range m.Nested {
		addInlineForwards(n)
	}
}
