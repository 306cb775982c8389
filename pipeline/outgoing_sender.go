package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/liaisond/liaisond/convert"
	"github.com/liaisond/liaisond/mail"
	"github.com/liaisond/liaisond/outgoing"
	"github.com/liaisond/liaisond/store"
)

// OutgoingSender turns approved outgoing statements into their mail: it makes the PDFs of
// proprietary files, composes the mail and records it through the same path as received
// mail (origin outgoing:ID, byte-exact and idempotent), after which the workers record it
// as an outgoing statement, posted, and the distributor plans its delivery through the
// outbox. A crash anywhere is repaired by doing the step again: the mail is the same, and
// recording it twice finds the first.
type OutgoingSender struct {
	DB         *store.DB
	Out        *outgoing.Service
	Office     PDFConverter // nil: sent without PDFs
	Importer   *mail.Importer
	From       string // our sending address
	Domain     string // of our Message-IDs
	PublicURL  string
	TextLimits convert.Limits
	Log        *slog.Logger

	wake wakeup
}

// Wake tells the sender that a statement was approved.
func (s *OutgoingSender) Wake() { s.wake.Signal() }

// Run sends approved statements until ctx ends, looking every poll and when woken.
func (s *OutgoingSender) Run(ctx context.Context, poll time.Duration) {
	// One batch a round: a statement that cannot be sent stays approved, and another
	// round at once would only fail again.
	drainThenWait(ctx, poll, s.wake.C(), func(ctx context.Context) bool { s.RunOnce(ctx); return false })
}

// RunOnce records the mail of every approved statement waiting; it returns how many.
func (s *OutgoingSender) RunOnce(ctx context.Context) int {
	todo, err := s.DB.OutgoingByState(ctx, 20, store.OutgoingApproved)
	if err != nil {
		if ctx.Err() == nil {
			s.Log.Error("cannot list approved statements", "err", err)
		}
		return 0
	}
	n := 0
	for _, o := range todo {
		if ctx.Err() != nil {
			break
		}
		msg, err := s.send(ctx, o.ID)
		if err != nil {
			s.Log.Error("cannot record an approved statement's mail (tried again later)", "outgoing", o.ID, "err", err)
			continue
		}
		s.Log.Info("outgoing statement recorded", "outgoing", o.ID, "message", msg)
		n++
	}
	return n
}

func (s *OutgoingSender) send(ctx context.Context, id int64) (int64, error) {
	o, err := s.DB.GetOutgoing(ctx, id)
	if err != nil {
		return 0, err
	}
	files, pdfs := map[int][]byte{}, map[int][]byte{}
	for i, f := range o.Files {
		data, err := s.DB.Blob(ctx, f.SHA256)
		if err != nil {
			return 0, err
		}
		files[i] = data
		if pdf, ok := s.pdf(ctx, f, data); ok {
			pdfs[i] = pdf
		}
	}
	raw, err := s.Out.Compose(ctx, o, files, pdfs, s.From, s.Domain, s.PublicURL)
	if err != nil {
		return 0, err
	}
	res, err := s.Importer.ImportReader(ctx, bytes.NewReader(raw), outgoing.Origin(o.ID))
	if err != nil {
		return 0, err
	}
	msg := res.ID
	if msg == 0 {
		msg = res.DuplicateOf // recorded before a crash: the same mail
	}
	if msg == 0 {
		return 0, errors.New("the mail was not recorded")
	}
	return msg, s.DB.MarkOutgoingSent(context.WithoutCancel(ctx), o.ID, msg)
}

// pdf makes the PDF of a proprietary file; without a converter, or when it fails, the
// statement goes without it (its event says so).
func (s *OutgoingSender) pdf(ctx context.Context, f store.OutgoingFile, data []byte) ([]byte, bool) {
	res, _ := convert.Text(ctx, f.Filename, f.ContentType, data, s.TextLimits)
	if !convert.NeedsPDF(res.Kind) || s.Office == nil {
		return nil, false
	}
	if err := s.Office.Available(); err != nil {
		s.Log.Warn("an outgoing statement's file goes without its PDF: no converter", "file", f.Filename, "err", err)
		return nil, false
	}
	pdf, err := s.Office.ToPDF(ctx, f.Filename, data)
	if err != nil {
		s.Log.Warn("an outgoing statement's file goes without its PDF", "file", f.Filename, "err", fmt.Sprint(err))
		return nil, false
	}
	return pdf, true
}
