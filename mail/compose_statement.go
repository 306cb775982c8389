package mail

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	gomail "github.com/emersion/go-message/mail"
	"github.com/liaisond/liaisond/message"
)

// StatementMail is a liaison statement sent from the IETF: a person's letter, not an
// automatic message, whose plain-text body starts with the statement's fields.
type StatementMail struct {
	From      string // our sending address (the relay's from)
	FromName  string // the sending groups, as the display name
	To, Cc    []string
	ReplyTo   string    // the Send Reply To
	MessageID string    // stable: the statement's own
	InReplyTo string    // the incoming statement answered, with angle brackets, or ""
	Date      time.Time // its approval
	Summary   Summary   // the fields of the header block
	Text      string    // the statement's text
	Files     []OutFile // its files and their PDFs
}

// ComposeStatement writes the mail of an outgoing statement.
func ComposeStatement(s StatementMail) ([]byte, error) {
	var h gomail.Header
	addrs := func(l []string) ([]*gomail.Address, error) {
		var out []*gomail.Address
		for _, a := range l {
			if !outPlainAddr(a) {
				return nil, fmt.Errorf("compose: %q is not a plain address", a)
			}
			out = append(out, &gomail.Address{Address: a})
		}
		return out, nil
	}
	to, err := addrs(s.To)
	if err != nil {
		return nil, err
	}
	cc, err := addrs(s.Cc)
	if err != nil {
		return nil, err
	}
	if len(to) == 0 || !outPlainAddr(s.From) || (s.ReplyTo != "" && !outPlainAddr(s.ReplyTo)) {
		return nil, fmt.Errorf("compose: no recipient, or %q or %q is not a plain address", s.From, s.ReplyTo)
	}
	id, ok := outMsgID(s.MessageID)
	if !ok {
		return nil, fmt.Errorf("compose: Message-ID %q is not well formed", s.MessageID)
	}
	h.SetAddressList("From", []*gomail.Address{{Name: outOneLine(s.FromName, 120), Address: s.From}})
	h.SetAddressList("To", to)
	if len(cc) > 0 {
		h.SetAddressList("Cc", cc)
	}
	if s.ReplyTo != "" {
		h.SetAddressList("Reply-To", []*gomail.Address{{Address: s.ReplyTo}})
	}
	h.SetDate(s.Date)
	h.SetSubject("Liaison statement: " + titleOf(s.Summary))
	h.SetMessageID(id)
	if ref, ok := outMsgID(s.InReplyTo); ok {
		h.SetMsgIDList("In-Reply-To", []string{ref})
		h.SetMsgIDList("References", []string{ref})
	}
	h.Set(message.LoopHeader, "statement; outgoing")

	var text strings.Builder
	text.WriteString("LIAISON STATEMENT\n\n")
	sum := s.Summary
	sum.RecordURL = ""
	writeSummary(&text, sum)
	if s.Summary.RecordURL != "" {
		fmt.Fprintf(&text, "%-19s %s\n", "Public record:", s.Summary.RecordURL)
	}
	text.WriteString("\n")
	text.WriteString(strings.ReplaceAll(s.Text, "\r\n", "\n"))
	if !strings.HasSuffix(s.Text, "\n") {
		text.WriteString("\n")
	}

	var buf bytes.Buffer
	mw, err := gomail.CreateWriter(&buf, h)
	if err != nil {
		return nil, err
	}
	if err := writeOutText(mw, text.String()); err != nil {
		return nil, err
	}
	used := map[string]bool{}
	for i, f := range s.Files {
		if err := writeOutFile(mw, f, uniqueName(outFileName(f.Name, i), used)); err != nil {
			return nil, err
		}
	}
	if err := mw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// UnansweredSubject is the subject of the notice to a group's chairs that a For-Action
// statement they sent has passed its deadline with no response recorded.
func UnansweredSubject(s Summary) string { return "No response by the deadline: " + titleOf(s) }

// UnansweredText is that notice: sent once, offset days after the deadline.
func UnansweredText(s Summary, offset int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "This For-Action liaison statement, sent from the IETF, passed its deadline %s, and no\n"+
		"response has been recorded. You may want to ask the receiving body about it, or record the\n"+
		"response if it came by another way (a liaison manager can mark the action as taken).\n\n", passedText(offset))
	writeSummary(&b, s)
	return b.String()
}

func passedText(offset int) string {
	if offset == 1 {
		return "a day ago"
	}
	return fmt.Sprintf("%d days ago", offset)
}
