package mail

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"path"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	gomail "github.com/emersion/go-message/mail"

	"github.com/liaisond/liaisond/deadline"
	"github.com/liaisond/liaisond/message"
)

// Outgoing is a message liaisond sends: always a new message from our own address, its
// header written only through go-message, with the original attached unchanged.
type Outgoing struct {
	From, To  string    // plain addresses from the configuration
	MessageID string    // with angle brackets
	Date      time.Time // stable for one outbox row, so a resend is the same message
	Subject   string
	// References is the original's Message-ID (with angle brackets); left out unless it
	// is well formed.
	References string
	Loop       string // the LoopHeader value: what this message is
	// ReplyTo are where answers go (a forward: the statement's Send Reply To, else its
	// From-Contacts), so that a chair who answers does not write to us. Data from the
	// message: only plain addresses are written, at most maxReplyTo, never a destination.
	ReplyTo []string
	Text    string // the text/plain body
	Files   []OutFile
	// Taken are the names of the files inside Original: a file of ours never repeats
	// one, nor another of ours, nor the original's own name.
	Taken    []string
	Original []byte // attached as message/rfc822; nil for none
}

// maxReplyTo bounds the Reply-To list: a statement names a few contacts, not a list.
const maxReplyTo = 10

// originalName is the file name of the attached original.
const originalName = "original.eml"

// OutFile is an attached file.
type OutFile struct {
	Name        string
	ContentType string
	Data        []byte
}

// Compose writes the message. It fits it under maxBytes (0: no limit) by leaving out
// the files, then the original, naming what was left out at the end of the text; the
// names are returned too.
func Compose(o Outgoing, maxBytes int64) ([]byte, []string, error) {
	msg, err := o.bytes()
	if err != nil || maxBytes <= 0 || int64(len(msg)) <= maxBytes {
		return msg, nil, err
	}
	var dropped []string
	for _, f := range o.Files {
		dropped = append(dropped, f.Name)
	}
	o.Files = nil
	if msg, err = o.withNote(dropped).bytes(); err != nil || int64(len(msg)) <= maxBytes {
		return msg, dropped, err
	}
	if o.Original != nil {
		dropped = append(dropped, "the original message")
		o.Original = nil
	}
	msg, err = o.withNote(dropped).bytes()
	return msg, dropped, err
}

func (o Outgoing) withNote(dropped []string) Outgoing {
	if len(dropped) > 0 {
		o.Text += "\nLeft out to keep this message small enough (the public record has them): " +
			strings.Join(dropped, ", ") + "\n"
	}
	return o
}

func (o Outgoing) bytes() ([]byte, error) {
	h, err := o.header()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	mw, err := gomail.CreateWriter(&buf, h)
	if err != nil {
		return nil, err
	}
	if err := writeOutText(mw, o.Text); err != nil {
		return nil, err
	}
	used := map[string]bool{}
	for _, n := range o.Taken {
		used[strings.ToLower(n)] = true
	}
	if o.Original != nil {
		used[originalName] = true
	}
	for i, f := range o.Files {
		if err := writeOutFile(mw, f, uniqueName(outFileName(f.Name, i), used)); err != nil {
			return nil, err
		}
	}
	if o.Original != nil {
		if err := writeOutOriginal(mw, o.Original); err != nil {
			return nil, err
		}
	}
	if err := mw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (o Outgoing) header() (gomail.Header, error) {
	var h gomail.Header
	if !outPlainAddr(o.From) || !outPlainAddr(o.To) {
		return h, fmt.Errorf("compose: %q or %q is not a plain address", o.From, o.To)
	}
	id, ok := outMsgID(o.MessageID)
	if !ok {
		return h, fmt.Errorf("compose: Message-ID %q is not well formed", o.MessageID)
	}
	h.SetAddressList("From", []*gomail.Address{{Name: "liaisond", Address: o.From}})
	h.SetAddressList("To", []*gomail.Address{{Address: o.To}})
	if reply := outReplyTo(o.ReplyTo); len(reply) > 0 {
		h.SetAddressList("Reply-To", reply)
	}
	h.SetDate(o.Date)
	h.SetSubject(outOneLine(o.Subject, 250))
	h.SetMessageID(id)
	if ref, ok := outMsgID(o.References); ok {
		h.SetMsgIDList("References", []string{ref})
	}
	// RFC 3834: an automatic message; and asks Exchange not to answer it automatically.
	h.Set("Auto-Submitted", "auto-generated")
	h.Set("X-Auto-Response-Suppress", "All")
	h.Set(message.LoopHeader, outOneLine(o.Loop, 200))
	return h, nil
}

func writeOutText(mw *gomail.Writer, text string) error {
	var ih gomail.InlineHeader
	ih.SetContentType("text/plain", map[string]string{"charset": "utf-8"})
	w, err := mw.CreateSingleInline(ih)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, strings.ToValidUTF8(text, "\uFFFD")); err != nil {
		return err
	}
	return w.Close()
}

// outReplyTo keeps the plain addresses of list, once each, at most maxReplyTo.
func outReplyTo(list []string) []*gomail.Address {
	var out []*gomail.Address
	seen := map[string]bool{}
	for _, a := range list {
		a = strings.TrimSpace(a)
		if !outPlainAddr(a) || seen[strings.ToLower(a)] || len(out) == maxReplyTo {
			continue
		}
		seen[strings.ToLower(a)] = true
		out = append(out, &gomail.Address{Address: a})
	}
	return out
}

// uniqueName returns name, or name with " (2)", " (3)" ... before its extension when
// used has it (case does not matter), and marks the result used.
func uniqueName(name string, used map[string]bool) string {
	ext := path.Ext(name)
	base := strings.TrimSuffix(name, ext)
	out := name
	for n := 2; used[strings.ToLower(out)]; n++ {
		out = fmt.Sprintf("%s (%d)%s", base, n, ext)
	}
	used[strings.ToLower(out)] = true
	return out
}

func writeOutFile(mw *gomail.Writer, f OutFile, name string) error {
	var ah gomail.AttachmentHeader
	ah.SetContentType(f.ContentType, nil)
	ah.SetFilename(name)
	w, err := mw.CreateAttachment(ah)
	if err != nil {
		return err
	}
	if _, err := w.Write(f.Data); err != nil {
		return err
	}
	return w.Close()
}

// writeOutOriginal attaches the received message byte for byte as message/rfc822. RFC 2046
// allows only 7bit, 8bit or binary there; a message that is not 7bit-clean is base64
// encoded instead, which readers open all the same, rather than sent as 8bit through
// relays that may not take it or altered.
func writeOutOriginal(mw *gomail.Writer, raw []byte) error {
	var ah gomail.AttachmentHeader
	ah.SetContentType("message/rfc822", nil)
	ah.SetFilename(originalName)
	enc := "base64"
	if outSevenBit(raw) {
		enc = "7bit"
	}
	ah.Set("Content-Transfer-Encoding", enc)
	w, err := mw.CreateAttachment(ah)
	if err != nil {
		return err
	}
	if _, err := w.Write(raw); err != nil {
		return err
	}
	return w.Close()
}

// outSevenBit reports whether raw can travel as 7bit unchanged: ASCII without NUL or
// bare CR, lines of at most 998 bytes.
func outSevenBit(raw []byte) bool {
	line := 0
	for i, b := range raw {
		switch {
		case b == 0 || b >= 0x80:
			return false
		case b == '\r' && (i+1 == len(raw) || raw[i+1] != '\n'):
			return false
		case b == '\n':
			line = 0
			continue
		case b != '\r':
			line++
		}
		if line > 998 {
			return false
		}
	}
	return true
}

// outOneLine makes text from a message safe and tidy in a header: control characters
// become spaces, runs of spaces one, at most max runes.
func outOneLine(s string, max int) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > max {
		s = string([]rune(s)[:max-1]) + "…"
	}
	return s
}

// outFileName is a tidy attachment name: no folders, no control characters.
func outFileName(name string, i int) string {
	name = outOneLine(name, 120)
	if j := strings.LastIndexAny(name, `/\`); j >= 0 {
		name = name[j+1:]
	}
	if strings.Trim(name, ". ") == "" {
		return fmt.Sprintf("attachment-%d", i+1)
	}
	return name
}

func outPlainAddr(s string) bool {
	at := strings.LastIndexByte(s, '@')
	return at > 0 && at < len(s)-1 && !strings.ContainsAny(s, " \t\r\n<>,;:\"()[]\\") && outASCII(s)
}

func outASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// outMsgID returns the identifier inside "<...>" when s is a single well-formed one.
func outMsgID(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 5 || len(s) > 250 || s[0] != '<' || s[len(s)-1] != '>' {
		return "", false
	}
	id := s[1 : len(s)-1]
	at := strings.IndexByte(id, '@')
	if at <= 0 || at == len(id)-1 || strings.ContainsAny(id, " \t\r\n<>\"\\,;:()[]") || !outASCII(id) {
		return "", false
	}
	return id, true
}

// LoopMark reads a message header from r and returns the value of our loop header
// (LoopHeader) when the message carries it: the message is then one we sent, come back.
// It scans the header lines itself rather than parsing them, so that a malformed header
// elsewhere cannot hide the mark. Forging the header only sends a message to the review
// queue instead of distributing it.
func LoopMark(r io.Reader) (string, bool, error) {
	sc := bufio.NewScanner(io.LimitReader(r, 1<<20))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	prefix := strings.ToLower(message.LoopHeader) + ":"
	// A Builder, since a forged header may fold its value over a quarter of a million
	// lines: adding each to a string would copy the value each time.
	var value strings.Builder
	in := false
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		switch {
		case line == "":
			return loopValue(value.String())
		case in && (line[0] == ' ' || line[0] == '\t'):
			value.WriteString(" " + line) // folded continuation
		case strings.HasPrefix(strings.ToLower(line), prefix):
			value.Reset()
			value.WriteString(line[len(prefix):])
			in = true
		default:
			in = false
		}
	}
	if err := sc.Err(); err != nil {
		return "", false, fmt.Errorf("read header: %w", err)
	}
	return loopValue(value.String())
}

// loopValue applies IsOurForward's test: a non-empty value.
func loopValue(v string) (string, bool, error) {
	v = strings.Join(strings.Fields(v), " ")
	return v, v != "", nil
}

// Summary is what the text of a forward, notice or reminder says about a statement: its
// recorded fields, which are data from the message and only ever shown, never mailed.
type Summary struct {
	ID               int64
	Title            string
	From, To         []string
	Purpose          string // information, action, response
	Deadline         string // YYYY-MM-DD or ""
	FromContacts     []string
	SendReplyTo      string
	ToContacts       []string
	SendTo           string
	OtherIdentifiers []string
	InResponseTo     string
	RecordURL        string
}

// Route says why a message goes where it goes, for its text.
type Route struct {
	Case         string   // central, send_to, delivered, misdirected
	ArrivedAt    string   // the address it arrived at
	ArrivedGroup string   // the group whose address that is
	Group        string   // the group this copy is for
	Groups       []string // every group it was forwarded to
	ForwardedTo  []string // the addresses it was forwarded to
}

// ForwardReplyTo is where answers to a forward go: the statement's Send Reply To when
// it is a plain address, else its From-Contacts that are.
func ForwardReplyTo(s Summary) []string {
	if a := strings.TrimSpace(s.SendReplyTo); outPlainAddr(a) {
		return []string{a}
	}
	var out []string
	for _, a := range s.FromContacts {
		if a = strings.TrimSpace(a); outPlainAddr(a) {
			out = append(out, a)
		}
	}
	return out
}

// ForwardSubject is the subject of a forward.
func ForwardSubject(s Summary) string { return "Liaison statement: " + titleOf(s) }

// ForwardText is the text of a forward: why it comes, then the summary.
func ForwardText(s Summary, r Route) string {
	var b strings.Builder
	switch {
	case r.Case == "misdirected":
		fmt.Fprintf(&b, "This liaison statement arrived at %s (the address of %s), but it is addressed to %s.\n"+
			"liaisond recorded it and forwards it to you%s.\n", r.ArrivedAt, r.ArrivedGroup,
			strings.Join(r.Groups, ", "), forGroup(r.Group))
	case r.Case == "send_to":
		fmt.Fprintf(&b, "This liaison statement names %s as its Send To address.\nliaisond recorded it and forwards it to you%s.\n",
			s.SendTo, forGroup(r.Group))
	default:
		fmt.Fprintf(&b, "liaisond received and recorded this liaison statement, and forwards it to you%s.\n", forGroup(r.Group))
	}
	b.WriteString("The original message is attached, with PDF copies of its documents where they could be made.\n\n")
	writeSummary(&b, s)
	return b.String()
}

// NoticeSubject is the subject of a notice.
func NoticeSubject(s Summary, r Route) string {
	if r.Case == "misdirected" {
		return "Misdirected liaison statement: " + titleOf(s)
	}
	return "Liaison statement recorded: " + titleOf(s)
}

// NoticeText is the text of a notice: for a misdirected statement, where it arrived and
// where it went, so that informal feedback can reach the sender; otherwise that it was
// recorded as delivered.
func NoticeText(s Summary, r Route) string {
	var b strings.Builder
	if r.Case == "misdirected" {
		fmt.Fprintf(&b, "A liaison statement from %s arrived at %s, the address of %s, but it is addressed to %s.\n"+
			"liaisond forwarded it to %s (%s).\n\n"+
			"You may want to let the sender know where statements for %s should go.\n\n",
			listOr(s.From, "an unidentified body"), r.ArrivedAt, r.ArrivedGroup, strings.Join(r.Groups, ", "),
			strings.Join(r.Groups, ", "), strings.Join(r.ForwardedTo, ", "), strings.Join(r.Groups, ", "))
	} else {
		fmt.Fprintf(&b, "A liaison statement arrived at %s, the address of %s, to which it is addressed.\n"+
			"liaisond recorded it; it was not forwarded, since it reached its group directly.\n\n", r.ArrivedAt, r.ArrivedGroup)
	}
	writeSummary(&b, s)
	return b.String()
}

// ReminderSubject is the subject of a deadline reminder offset days from the deadline
// (negative before it).
func ReminderSubject(s Summary, offset int) string {
	return "Reminder: " + dueText(offset) + ": " + titleOf(s)
}

// ReminderText is the text of a deadline reminder.
func ReminderText(s Summary, offset int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "This For-Action liaison statement is %s, and no response has been recorded yet.\n", dueText(offset))
	b.WriteString("When a response is sent, record it (an In-Response statement linked to this one), or ask a liaison\n" +
		"manager to mark the action as taken; the reminders then stop.\n\n")
	writeSummary(&b, s)
	return b.String()
}

// ApprovalSubject is the subject of the mail asking an approver to approve an outgoing
// statement.
func ApprovalSubject(s Summary) string {
	return "Approval requested: " + titleOf(s)
}

// ApprovalText is the text of that mail: who asks, the statement's fields, and the link
// to its page, where it is approved or sent back with a comment.
func ApprovalText(s Summary, author, link string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s asks you to approve this liaison statement before it is sent from the IETF.\n", outOneLine(author, 200))
	if link != "" {
		fmt.Fprintf(&b, "Read it, then approve it or send it back with a comment:\n\n  %s\n\n", link)
	} else {
		b.WriteString("Read it in liaisond's Outgoing pages, then approve it or send it back with a comment.\n\n")
	}
	writeSummary(&b, s)
	return b.String()
}

func dueText(offset int) string {
	switch {
	case offset == 0:
		return "due today"
	case offset == -1:
		return "due tomorrow"
	case offset < 0:
		return fmt.Sprintf("due in %d days", -offset)
	case offset == 1:
		return "overdue by 1 day"
	default:
		return fmt.Sprintf("overdue by %d days", offset)
	}
}

func writeSummary(b *strings.Builder, s Summary) {
	line := func(label, value string) {
		if value != "" {
			fmt.Fprintf(b, "%-19s %s\n", label+":", outOneLine(value, 500))
		}
	}
	line("Title", titleOf(s))
	line("From", strings.Join(s.From, ", "))
	line("To", strings.Join(s.To, ", "))
	line("Purpose", purposeText(s.Purpose))
	if s.Deadline != "" {
		line("Deadline", deadline.Text(s.Deadline))
	}
	line("In response to", s.InResponseTo)
	line("Their reference", strings.Join(s.OtherIdentifiers, ", "))
	line("From contacts", strings.Join(s.FromContacts, ", "))
	line("Send replies to", s.SendReplyTo)
	line("To contacts", strings.Join(s.ToContacts, ", "))
	line("Send To", s.SendTo)
	line("Public record", s.RecordURL)
}

func purposeText(p string) string {
	switch p {
	case "action":
		return "For action"
	case "information":
		return "For information"
	case "response":
		return "In response"
	}
	return p
}

func titleOf(s Summary) string {
	if t := outOneLine(s.Title, 200); t != "" {
		return t
	}
	return fmt.Sprintf("statement %d (no title)", s.ID)
}

func forGroup(g string) string {
	if g == "" {
		return ""
	}
	return " for " + g
}

func listOr(l []string, none string) string {
	if len(l) == 0 {
		return none
	}
	return strings.Join(l, ", ")
}

// PDFName names the PDF made of a file after it, apart from the other files of the same
// mail (taken): LS45.docx gives LS45.pdf, or LS45.docx.pdf when an LS45.pdf is there too
// (composing numbers any name that is still taken).
func PDFName(filename string, taken []string) string {
	base := strings.TrimSuffix(filename, path.Ext(filename))
	if base == "" {
		base = "attachment"
	}
	name := base + ".pdf"
	for _, t := range taken {
		if strings.EqualFold(t, name) && !strings.EqualFold(t, filename) {
			return filename + ".pdf"
		}
	}
	return name
}
