package outgoing

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/liaisond/liaisond/classify"
	"github.com/liaisond/liaisond/mail"
	"github.com/liaisond/liaisond/store"
)

// OriginPrefix marks the recorded mail of an outgoing statement: "outgoing:ID".
const OriginPrefix = "outgoing:"

// Origin is the origin recorded with the mail of outgoing statement id.
func Origin(id int64) string { return fmt.Sprintf("%s%d", OriginPrefix, id) }

// FromOrigin returns the outgoing statement a recorded message is the mail of.
func FromOrigin(origin string) (int64, bool) {
	rest, ok := strings.CutPrefix(origin, OriginPrefix)
	if !ok {
		return 0, false
	}
	var id int64
	if _, err := fmt.Sscanf(rest, "%d", &id); err != nil || id <= 0 || fmt.Sprint(id) != rest {
		return 0, false
	}
	return id, true
}

// MessageID is the stable Message-ID of outgoing statement id: answers refer to it.
func MessageID(id int64, domain string) string {
	return fmt.Sprintf("<liaisond.outgoing.%d@%s>", id, domain)
}

// Recipients are where the statement goes, all from the directory: To is the answered
// statement's Send Reply To when the directory names that address, else each body's Send
// To, else its contacts; Cc is the From-Contacts and the cc the author chose (each address
// once, none in To as well); ReplyTo is the Send Reply To of the statement.
type Recipients struct {
	To, Cc  []string
	ReplyTo string
}

// Recipients works out the recipients of o.
func (s *Service) Recipients(ctx context.Context, o store.Outgoing) (Recipients, error) {
	sendTo, contacts, err := s.Roles.Destinations(o.To)
	if err != nil {
		return Recipients{}, err
	}
	r := Recipients{To: append(sendTo, contacts...), ReplyTo: s.Roles.SendReplyTo(o.To)}
	if reply := s.answeredReplyTo(ctx, o); reply != "" {
		r.To = []string{reply}
	}
	for _, a := range append(s.Roles.FromContacts(o.From), o.Cc...) {
		if a = strings.ToLower(a); !slices.Contains(r.To, a) && !slices.Contains(r.Cc, a) && s.Roles.Known(a) {
			r.Cc = append(r.Cc, a)
		}
	}
	if len(r.To) == 0 {
		return r, fmt.Errorf("outgoing statement %d: no address to send it to", o.ID)
	}
	return r, nil
}

// answeredReplyTo is the Send Reply To of the statement o answers, when the directory
// names it (an address found in a received statement is never a destination by itself).
func (s *Service) answeredReplyTo(ctx context.Context, o store.Outgoing) string {
	if o.InResponseTo == 0 {
		return ""
	}
	st, err := s.DB.GetStatement(ctx, o.InResponseTo)
	if err != nil {
		return ""
	}
	var f classify.Metadata
	decodeFields(st.Fields, &f) // leniently: a field of another shape is left out
	if f.SendReplyTo == nil || !s.Roles.Known(*f.SendReplyTo) {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(*f.SendReplyTo))
}

// Compose is the mail of approved statement o: the fields in a header block at the top
// of a plain-text body, the files and their PDFs (pdfs by the file's position), a stable
// Message-ID, In-Reply-To the statement answered.
func (s *Service) Compose(ctx context.Context, o store.Outgoing, files, pdfs map[int][]byte, from, domain, publicURL string) ([]byte, error) {
	rcpt, err := s.Recipients(ctx, o)
	if err != nil {
		return nil, err
	}
	sum := mail.Summary{ID: o.ID, Title: o.Title, From: o.From, To: o.To, Purpose: o.Purpose, Deadline: o.Deadline,
		FromContacts: s.Roles.FromContacts(o.From), SendReplyTo: rcpt.ReplyTo, SendTo: strings.Join(rcpt.To, ", ")}
	inReplyTo := ""
	if o.InResponseTo != 0 {
		if st, err := s.DB.GetStatement(ctx, o.InResponseTo); err == nil {
			sum.InResponseTo = st.Title
			if m, err := s.DB.GetMessage(ctx, st.Message); err == nil {
				inReplyTo = m.MessageID
			}
		}
	}
	sm := mail.StatementMail{From: from, FromName: "IETF " + strings.Join(o.From, ", "), To: rcpt.To, Cc: rcpt.Cc,
		ReplyTo: rcpt.ReplyTo, MessageID: MessageID(o.ID, domain), InReplyTo: inReplyTo, Date: o.ApprovedAt,
		Summary: sum, Text: o.Body}
	names := make([]string, len(o.Files))
	for i, f := range o.Files {
		names[i] = f.Filename
	}
	for i, f := range o.Files {
		sm.Files = append(sm.Files, mail.OutFile{Name: f.Filename, ContentType: f.ContentType, Data: files[i]})
		if pdf := pdfs[i]; pdf != nil {
			sm.Files = append(sm.Files, mail.OutFile{Name: mail.PDFName(f.Filename, names), ContentType: "application/pdf", Data: pdf})
		}
	}
	return mail.ComposeStatement(sm)
}
