package message

import (
	"bufio"
	"bytes"
	"io"
	"maps"
	"mime"
	netmail "net/mail"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	gomessage "github.com/emersion/go-message"
	"github.com/emersion/go-message/textproto"
)

// splitHeader cuts an entity at the first empty line. A block without one is all header;
// an entity starting with an empty line has no header.
func splitHeader(raw []byte) (hdr, body []byte) {
	if rest, ok := cutEOL(raw); ok {
		return nil, rest
	}
	for i := 0; ; {
		j := bytes.IndexByte(raw[i:], '\n')
		if j < 0 {
			return raw, nil
		}
		end := i + j + 1
		if rest, ok := cutEOL(raw[end:]); ok {
			return raw[:end], rest
		}
		i = end
	}
}

// cutEOL removes a leading LF or CRLF.
func cutEOL(b []byte) ([]byte, bool) {
	switch {
	case len(b) > 0 && b[0] == '\n':
		return b[1:], true
	case len(b) > 1 && b[0] == '\r' && b[1] == '\n':
		return b[2:], true
	}
	return b, false
}

// readHeader splits an entity into its parsed header and its body, within MaxHeaderBytes.
// top marks a whole message, where an mbox "From " line may lead and where text that does
// not start with a header field is taken as a body without header.
func (p *mimeParser) readHeader(raw []byte, path string, top bool) (gomessage.Header, []byte) {
	hdr, body := splitHeader(raw)
	if top && len(hdr) > 0 && !looksLikeHeader(hdr) {
		p.warn(IssueHeader, path, "the message does not start with a header; all of it is read as body")
		return gomessage.Header{}, raw
	}
	if max := p.lim.MaxHeaderBytes; len(hdr) > max {
		p.problem(IssueLimitHeader, path, "header block of %d bytes is over the limit of %d; the rest of it is ignored", len(hdr), max)
		hdr = hdr[:bytes.LastIndexByte(hdr[:max], '\n')+1]
	}
	fixed, fixes, bodyAt := repairHeader(hdr)
	if fixes > 0 {
		p.warn(IssueHeader, path, "%d malformed header lines repaired (unfolded continuation or stray indentation)", fixes)
	}
	if bodyAt >= 0 {
		p.warn(IssueHeader, path, "no empty line after the header; the body starts at the first line that is not a header field")
		body = raw[bodyAt:]
	}
	h, err := textproto.ReadHeader(bufio.NewReader(bytes.NewReader(fixed)))
	if err != nil && err != io.EOF {
		p.problem(IssueHeader, path, "header: %v", err)
	}
	return gomessage.Header{Header: h}, body
}

// looksLikeHeader reports whether a block starts like a header: a field, a folded line (a
// broken first line), or an mbox "From " line.
func looksLikeHeader(hdr []byte) bool {
	line, _, _ := bytes.Cut(hdr, []byte("\n"))
	line = bytes.TrimRight(line, "\r")
	return validFieldLine(line) || bytes.HasPrefix(line, []byte("From ")) ||
		len(line) > 0 && (line[0] == ' ' || line[0] == '\t') && validFieldLine(bytes.TrimLeft(line, " \t"))
}

// validFieldLine reports whether line is "Name: value" with a name textproto accepts.
func validFieldLine(line []byte) bool {
	i := bytes.IndexByte(line, ':')
	name := bytes.TrimRight(line[:max(i, 0)], " \t")
	if i <= 0 || len(name) == 0 {
		return false
	}
	for _, c := range name {
		if c < 33 || c > 126 {
			return false
		}
	}
	return true
}

// paramLineRE matches a parameter that a mailer forgot to indent when folding
// (`name="x.zip"` on a line of its own).
var paramLineRE = regexp.MustCompile(`^[A-Za-z0-9_*.-]+\s*=`)

// repairHeader turns a broken header block into one textproto reads whole, the way mail
// clients read it: an mbox "From " line goes, an indented first field is unindented, and a
// parameter line that is not indented continues the field before it. Any other line that
// is not "Name: value" means the empty line before the body is missing: bodyAt is its
// offset in hdr, else -1. fixes counts the lines changed, mbox line aside.
func repairHeader(hdr []byte) (fixed []byte, fixes, bodyAt int) {
	out := make([]byte, 0, len(hdr)+64)
	off := 0
	for i, l := range bytes.SplitAfter(hdr, []byte("\n")) {
		at := off
		off += len(l)
		content := bytes.TrimRight(l, "\r\n")
		indented := len(l) > 0 && (l[0] == ' ' || l[0] == '\t')
		switch {
		case len(l) == 0:
		case i == 0 && bytes.HasPrefix(l, []byte("From ")) && !validFieldLine(content):
		case len(out) == 0 && indented:
			fixes++
			if t := bytes.TrimLeft(content, " \t"); validFieldLine(t) {
				out = append(append(out, t...), '\r', '\n')
			}
		case indented || validFieldLine(content):
			out = append(append(out, content...), '\r', '\n')
		case len(out) > 0 && paramLineRE.Match(content):
			fixes++
			out = append(append(append(out, ' '), content...), '\r', '\n')
		default:
			return append(out, '\r', '\n'), fixes, at
		}
	}
	return append(out, '\r', '\n'), fixes, -1
}

// headerText decodes an unstructured header value: raw 8-bit bytes (a charset guess),
// RFC 2047 encoded words, control characters.
func (p *mimeParser) headerText(path, v string) string {
	if !utf8.ValidString(v) {
		text, used, _ := decodeText([]byte(v), "", p.hints)
		p.warn(IssueCharset, path, "header with raw 8-bit bytes decoded as %s (a guess)", used)
		v = text
	}
	return cleanHeaderText(p.decodeWords(path, v))
}

// cleanHeaderText turns control characters (NUL, CR, LF, TAB) into spaces and trims.
func cleanHeaderText(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// encodedWordRE matches one RFC 2047 encoded word; its text may not hold white space.
var encodedWordRE = regexp.MustCompile(`=\?([^?\s]{1,75})\?([bBqQ])\?([^?\s]*)\?=`)

// decodeWords decodes RFC 2047 encoded words wherever they occur (also inside quotes, as
// Outlook writes file names). White space between two words goes, and adjacent words in
// the same charset are joined before decoding, so a character split across two words
// (common with UTF-8 and ISO-2022-JP subjects folded over lines) survives.
func (p *mimeParser) decodeWords(path, s string) string {
	if !strings.Contains(s, "=?") {
		return s
	}
	var out strings.Builder
	var pending []byte
	pendingCharset := ""
	flush := func() {
		if pendingCharset != "" {
			out.WriteString(p.wordText(path, pending, pendingCharset))
		}
		pending, pendingCharset = pending[:0], ""
	}
	last := 0
	for _, m := range encodedWordRE.FindAllStringSubmatchIndex(s, -1) {
		gap := s[last:m[0]]
		if pendingCharset == "" || strings.TrimSpace(gap) != "" {
			flush()
			out.WriteString(gap)
		}
		label, _, _ := strings.Cut(s[m[2]:m[3]], "*") // RFC 2231 language suffix
		label = canonicalCharset(label)
		if label != pendingCharset {
			flush()
			pendingCharset = label
		}
		pending = append(pending, decodeWordBytes(s[m[4]:m[5]], s[m[6]:m[7]])...)
		last = m[1]
	}
	flush()
	out.WriteString(s[last:])
	return out.String()
}

func decodeWordBytes(enc, text string) []byte {
	if enc == "b" || enc == "B" {
		return decodeBase64([]byte(text), int64(len(text))).data
	}
	out := make([]byte, 0, len(text))
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '_':
			out = append(out, ' ')
		case c == '=' && i+2 < len(text) && isHex(text[i+1]) && isHex(text[i+2]):
			out = append(out, unhex(text[i+1])<<4|unhex(text[i+2]))
			i += 2
		default:
			out = append(out, c)
		}
	}
	return out
}

// wordText decodes the bytes of encoded words in one charset, remembering the charset as a
// hint for guessing undeclared parts of the same message.
func (p *mimeParser) wordText(path string, b []byte, label string) string {
	text, used, guessed := decodeText(b, label, p.hints)
	if guessed != "" {
		p.warn(IssueCharset, path, "encoded word: %s; decoded as %s (a guess)", guessed, used)
	}
	p.hint(label)
	return text
}

// charsetReader lets net/mail decode encoded words in display names with our charsets.
func (p *mimeParser) charsetReader(path string) func(string, io.Reader) (io.Reader, error) {
	return func(label string, in io.Reader) (io.Reader, error) {
		b, err := io.ReadAll(io.LimitReader(in, int64(p.lim.MaxHeaderBytes)))
		if err != nil {
			return nil, err
		}
		return strings.NewReader(p.wordText(path, b, canonicalCharset(label))), nil
	}
}

// params parses a Content-Type or Content-Disposition value into its lower-case value and
// parameters. It is lenient where mime.ParseMediaType gives up (duplicates: the first
// wins; tspecials and raw 8-bit bytes in unquoted values; a missing closing quote) and
// assembles RFC 2231 parameters (name*=charset”..., continuations name*0*, name*1, ...)
// in any charset.
func (p *mimeParser) params(path, v string) (string, map[string]string) {
	head, rest, _ := strings.Cut(v, ";")
	head = strings.TrimSpace(head)
	if i := strings.IndexAny(head, " \t"); i > 0 && strings.Contains(head[i:], "=") {
		// "application/pdf name=x.pdf": the ";" is missing after the value.
		head, rest = head[:i], head[i:]+";"+rest
	}
	value := strings.ToLower(head)
	raw := map[string]string{}
	for rest != "" {
		rest = strings.TrimLeft(rest, " \t\r\n;")
		key, after, ok := strings.Cut(rest, "=")
		if !ok || strings.Contains(key, ";") {
			_, rest, _ = strings.Cut(rest, ";")
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val, next := paramValue(strings.TrimLeft(after, " \t"))
		rest = next
		if _, dup := raw[key]; !dup && key != "" {
			raw[key] = val
		}
	}
	return value, p.assembleParams(path, raw)
}

// paramValue reads a quoted string (with backslash escapes) or a token up to ";".
func paramValue(s string) (val, rest string) {
	if !strings.HasPrefix(s, `"`) {
		val, rest, _ = strings.Cut(s, ";")
		return strings.TrimSpace(val), rest
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if i+1 < len(s) {
				i++
				b.WriteByte(s[i])
			}
		case '"':
			_, rest, _ = strings.Cut(s[i+1:], ";")
			return b.String(), rest
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String(), ""
}

// assembleParams resolves RFC 2231 sections and decodes every value to UTF-8.
func (p *mimeParser) assembleParams(path string, raw map[string]string) map[string]string {
	type section struct {
		val string
		ext bool
	}
	sections := map[string]map[int]section{}
	plain := map[string]string{}
	for _, key := range slices.Sorted(maps.Keys(raw)) {
		name, idx, ext := splitParamKey(key)
		switch {
		case idx < 0 && !ext:
			plain[name] = raw[key]
		default:
			if sections[name] == nil {
				sections[name] = map[int]section{}
			}
			sections[name][max(idx, 0)] = section{raw[key], ext}
		}
	}
	out := map[string]string{}
	for _, name := range slices.Sorted(maps.Keys(plain)) {
		out[name] = p.headerText(path, plain[name])
	}
	for _, name := range slices.Sorted(maps.Keys(sections)) {
		secs := sections[name]
		var b []byte
		label := ""
		for i := 0; ; i++ {
			s, ok := secs[i]
			if !ok {
				break
			}
			v := s.val
			if s.ext && i == 0 {
				if cs, rest, ok := strings.Cut(v, "'"); ok {
					label = canonicalCharset(cs)
					_, v, _ = strings.Cut(rest, "'")
				}
			}
			if s.ext {
				b = append(b, percentDecode(v)...)
			} else {
				b = append(b, v...)
			}
		}
		if len(b) > 0 || out[name] == "" {
			out[name] = cleanHeaderText(p.wordText(path, b, label))
		}
	}
	return out
}

// splitParamKey splits an RFC 2231 parameter key: "name*1*" is ("name", 1, true), "name*"
// is ("name", -1, true), "name" is ("name", -1, false).
func splitParamKey(key string) (name string, idx int, ext bool) {
	name, rest, star := strings.Cut(key, "*")
	if !star {
		return key, -1, false
	}
	if rest == "" {
		return name, -1, true
	}
	num, ext := strings.CutSuffix(rest, "*")
	n, err := strconv.Atoi(num)
	if err != nil || n < 0 || n > 1000 {
		return key, -1, false
	}
	return name, n, ext
}

func percentDecode(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			out = append(out, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		out = append(out, s[i])
	}
	return out
}

// addresses parses an address header (all its instances). When RFC 5322 parsing fails
// (missing commas, bare names, stray brackets) the addresses are picked out leniently.
func (p *mimeParser) addresses(path string, h gomessage.Header, field string) []Address {
	v := strings.Join(h.Values(field), ", ")
	if strings.TrimSpace(v) == "" {
		return nil
	}
	if !utf8.ValidString(v) {
		text, used, _ := decodeText([]byte(v), "", p.hints)
		p.warn(IssueCharset, path, "%s: raw 8-bit bytes decoded as %s (a guess)", field, used)
		v = text
	}
	parser := netmail.AddressParser{WordDecoder: &mime.WordDecoder{CharsetReader: p.charsetReader(path)}}
	list, err := parser.ParseList(v)
	if err != nil {
		p.warn(IssueHeader, path, "%s: %v; addresses read leniently", field, err)
		out := looseAddresses(v)
		for i := range out {
			out[i].Name = p.decodeWords(path, out[i].Name)
		}
		return tidyAddresses(out)
	}
	out := make([]Address, 0, len(list))
	for _, a := range list {
		out = append(out, Address{Name: p.decodeWords(path, a.Name), Address: a.Address})
	}
	return tidyAddresses(out)
}

// tidyAddresses lower-cases addresses and drops display names that only repeat the
// address (Outlook's "a@example.org" <a@example.org>).
func tidyAddresses(list []Address) []Address {
	for i, a := range list {
		a.Address = strings.ToLower(strings.TrimSpace(a.Address))
		a.Name = cleanHeaderText(a.Name)
		if strings.EqualFold(strings.Trim(a.Name, "'\""), a.Address) {
			a.Name = ""
		}
		list[i] = a
	}
	return list
}

// looseAddressRE finds an address in angle brackets, in Outlook's [mailto:...] form, or
// bare.
var looseAddressRE = regexp.MustCompile(`<\s*(?:mailto:)?([^<>\s]+@[^<>\s]+?)\s*>|\[mailto:([^\]\s]+)\]|([^\s<>,;:"'()\[\]]+@[^\s<>,;:"'()\[\]]+[^\s<>,;:"'()\[\].])`)

// looseAddresses picks addresses out of text that is not a valid address list, each with
// the text before it as its name. Text with no address at all gives name-only entries,
// one per comma- or semicolon-separated item (an inline "To: IETF CCAMP WG").
func looseAddresses(s string) []Address {
	var out []Address
	last := 0
	for _, m := range looseAddressRE.FindAllStringSubmatchIndex(s, -1) {
		addr := ""
		for g := 2; g+1 < len(m); g += 2 {
			if m[g] >= 0 {
				addr = s[m[g]:m[g+1]]
				break
			}
		}
		name := looseName(s[last:m[0]])
		out = append(out, Address{Name: name, Address: strings.ToLower(addr)})
		last = m[1]
	}
	if out != nil {
		return out
	}
	for _, item := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if name := looseName(item); name != "" {
			out = append(out, Address{Name: name})
		}
	}
	return out
}

// looseName trims separators and quotes around a display name.
func looseName(s string) string {
	return strings.Trim(strings.TrimSpace(s), ` ,;"'`+"\t")
}

// messageIDs returns the message IDs of an In-Reply-To or References value, with angle
// brackets; a value without brackets counts as one ID per word.
func messageIDs(v string) []string {
	var ids []string
	for rest := v; ; {
		i := strings.IndexByte(rest, '<')
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i:], '>')
		if j < 0 {
			break
		}
		if id := NormalizeID(rest[i : i+j+1]); id != "<>" {
			ids = append(ids, id)
		}
		rest = rest[i+j+1:]
	}
	if ids == nil {
		for _, w := range strings.Fields(v) {
			ids = append(ids, NormalizeID(w))
		}
	}
	return ids
}

// dateLayouts are tried, after net/mail, for dates that break RFC 5322.
var dateLayouts = []string{
	"Mon, 2 Jan 2006 15:04:05 -0700 (MST)",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04:05",
	"2 Jan 2006 15:04:05",
	"Mon, 2 Jan 06 15:04:05 -0700",
	"Mon Jan 2 15:04:05 2006",
	"Mon Jan 2 15:04:05 -0700 2006",
	"2006-01-02 15:04:05 -0700",
	time.RFC3339,
}

// date parses a Date header; a date nothing can read is left zero, with a warning.
func (p *mimeParser) date(path, v string) time.Time {
	v = strings.Join(strings.Fields(v), " ")
	if v == "" {
		return time.Time{}
	}
	if t, err := netmail.ParseDate(v); err == nil {
		return t
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, v); err == nil {
			return t
		}
	}
	p.warn(IssueHeader, path, "unreadable Date %q", v)
	return time.Time{}
}

// maxFilenameBytes bounds file names: room for any real name, far below file system limits.
const maxFilenameBytes = 200

// safeFilename makes a decoded file name safe to use as a plain name: the last path
// element only (Windows senders send "C:\dir\file.doc"), no control or bidi override
// characters (which can disguise an extension), no leading dots or spaces, at most
// maxFilenameBytes with the extension kept. It may return "".
func safeFilename(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = CleanText(name)
	name = strings.TrimRight(strings.TrimLeft(name, ". \t"), " \t")
	if len(name) <= maxFilenameBytes {
		return name
	}
	ext := ""
	if i := strings.LastIndexByte(name, '.'); i > 0 && len(name)-i <= 16 {
		ext = name[i:]
	}
	stem := name[:maxFilenameBytes-len(ext)]
	for len(stem) > 0 && !utf8.RuneStart(name[len(stem)]) {
		stem = stem[:len(stem)-1]
	}
	return stem + ext
}

// NormalizeID returns a Message-ID with its angle brackets and without the spaces and
// folds that some senders put inside, so that the same message always has the same ID.
func NormalizeID(v string) string {
	v = strings.TrimSpace(v)
	if i := strings.IndexByte(v, '<'); i >= 0 {
		if j := strings.IndexByte(v[i:], '>'); j > 0 {
			return strings.Join(strings.Fields(v[i:i+j+1]), "")
		}
	}
	v = strings.Join(strings.Fields(v), "")
	if v == "" {
		return ""
	}
	return "<" + v + ">"
}
