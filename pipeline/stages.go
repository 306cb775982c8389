package pipeline

import (
	"context"
	"fmt"
	"io"

	"github.com/liaisond/liaisond/mail"
	"github.com/liaisond/liaisond/store"
)

// Stages is the processing of one recorded message, in order. Read this method to follow
// a message from its raw bytes to its record.
type Stages struct {
	DB          *store.DB
	ParseLimits mail.ParseLimits
}

// Process parses the raw message. Later stages (convert, classify, route) hang off the
// parsed message here.
func (s *Stages) Process(ctx context.Context, id int64) (store.Event, error) {
	pr, pw := io.Pipe()
	go func() {
		pw.CloseWithError(s.DB.WriteRaw(ctx, id, pw))
	}()
	msg, err := mail.Parse(pr, s.ParseLimits)
	pr.CloseWithError(io.ErrClosedPipe) // let the writer stop if Parse stopped early
	if err != nil {
		return store.Event{}, fmt.Errorf("parse: %w", err)
	}
	return store.Event{Type: "parsed", Detail: parseSummary(msg)}, nil
}

// parseSummary is what the record log says about a parsed message: its shape, never its
// text.
func parseSummary(m *mail.Message) map[string]any {
	d := map[string]any{
		"content_type": m.ContentType,
		"attachments":  len(m.Attachments),
		"nested":       len(m.Nested),
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
