package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/liaisond/liaisond/convert"
	"github.com/liaisond/liaisond/mail"
	"github.com/liaisond/liaisond/store"
)

// Stages is the processing of one recorded message, in order. Read Process to follow a
// message from its raw bytes to its record.
type Stages struct {
	DB          *store.DB
	ParseLimits mail.ParseLimits
	TextLimits  convert.Limits
	// PDFQueued is told when attachments wait for a PDF (the Converter's Wake).
	PDFQueued func()
}

// Process parses the raw message, reads the text of every attachment and records the
// attachments (PDF conversion is queued for the Converter, which batches it). Later
// stages (classify, route) hang off the parsed message here.
func (s *Stages) Process(ctx context.Context, id int64) (store.Event, error) {
	msg, err := s.parse(ctx, id)
	if err != nil {
		return store.Event{}, err
	}
	atts := s.attachmentTexts(ctx, msg)
	if err := s.DB.SaveAttachments(ctx, id, atts, convert.NeedsPDF); err != nil {
		return store.Event{}, fmt.Errorf("save attachments: %w", err)
	}
	if s.PDFQueued != nil && anyNeedsPDF(atts) {
		s.PDFQueued()
	}
	return store.Event{Type: "parsed", Detail: parseSummary(msg, atts)}, nil
}

// parse streams the raw bytes from the store into the MIME parser.
func (s *Stages) parse(ctx context.Context, id int64) (*mail.Message, error) {
	pr, pw := io.Pipe()
	go func() {
		pw.CloseWithError(s.DB.WriteRaw(ctx, id, pw))
	}()
	msg, err := mail.Parse(pr, s.ParseLimits)
	pr.CloseWithError(io.ErrClosedPipe) // let the writer stop if Parse stopped early
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	return msg, nil
}

// attachmentTexts reads each attachment's text. A file that cannot be read keeps its
// error; the message goes on without its text.
func (s *Stages) attachmentTexts(ctx context.Context, msg *mail.Message) []store.Attachment {
	out := make([]store.Attachment, 0, len(msg.Attachments))
	for _, a := range msg.Attachments {
		res, err := convert.Text(ctx, a.Filename, a.ContentType, a.Data, s.TextLimits)
		rec := store.Attachment{
			MIMEPath: a.Path, Filename: a.Filename, DeclaredType: a.ContentType,
			DetectedType: res.DetectedType, Kind: res.Kind, Size: int64(len(a.Data)),
			SHA256: a.SHA256, Text: res.Text, Data: a.Data,
		}
		if err != nil && !errors.Is(err, convert.ErrNeedsPDF) {
			rec.TextError = err.Error()
		}
		out = append(out, rec)
	}
	return out
}

func anyNeedsPDF(atts []store.Attachment) bool {
	for _, a := range atts {
		if convert.NeedsPDF(a.Kind) {
			return true
		}
	}
	return false
}

// parseSummary is what the record log says about a parsed message: its shape, never its
// text.
func parseSummary(m *mail.Message, atts []store.Attachment) map[string]any {
	d := map[string]any{
		"content_type": m.ContentType,
		"attachments":  len(atts),
		"nested":       len(m.Nested),
	}
	var unreadable []string
	for _, a := range atts {
		if a.TextError != "" {
			unreadable = append(unreadable, a.Filename+": "+a.TextError)
		}
	}
	if len(unreadable) > 0 {
		d["unreadable"] = unreadable
	}
	if len(m.Problems) > 0 {
		problems := make([]string, 0, len(m.Problems))
		for _, p := range m.Problems {
			problems = append(problems, p.String())
		}
		d["problems"] = problems
	}
	if len(m.Warnings) > 0 {
		d["warnings"] = len(m.Warnings)
	}
	return d
}
