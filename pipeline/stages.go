package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/liaisond/liaisond/auth"
	"github.com/liaisond/liaisond/classify"
	"github.com/liaisond/liaisond/convert"
	"github.com/liaisond/liaisond/mail"
	"github.com/liaisond/liaisond/message"
	"github.com/liaisond/liaisond/outgoing"
	"github.com/liaisond/liaisond/store"
)

// Stages is the processing of one recorded message, in order. Read Process to follow a
// message from its raw bytes to its record.
type Stages struct {
	DB          *store.DB
	ParseLimits message.ParseLimits
	TextLimits  convert.Limits
	// Classifier extracts the metadata and decides between posting and review; nil stops
	// after the attachments (tests of the earlier stages).
	Classifier *Classifier
	// Auth finds out who sent the message; nil treats every message as unauthenticated.
	Auth *Authenticator
	// Outgoing records the mail of statements sent from the IETF as their statement; nil
	// classifies them as any other mail.
	Outgoing *outgoing.Service
	// PDFQueued is told when attachments wait for a PDF (the Converter's Wake).
	PDFQueued func()
	// Posted is told when a statement was posted (the Distributor's Wake).
	Posted func()
	// Recorded, when set, counts recorded statements by state (NewStatementMetric).
	Recorded *prometheus.CounterVec
}

// NewStatementMetric creates the counter of Stages.Recorded and registers it on reg (which
// may be nil).
func NewStatementMetric(reg prometheus.Registerer) *prometheus.CounterVec {
	return newCounterVec(reg, "liaisond_statements_total", "Statements recorded by processing, by state.", "state")
}

// Outcomes of processing a message, as the "processed" event and the log say.
const (
	OutcomeDuplicate = "duplicate" // the same content under a Message-ID already recorded
	OutcomeParsed    = "parsed"    // no classifier: stopped after the attachments
)

// Process takes one recorded message through every stage:
//  1. parse the raw bytes into a message.Message;
//  2. compare its content with the messages of the same Message-ID: the same content is
//     a duplicate, linked and not processed further (the same mail by another route);
//  3. read the text of every attachment and record the attachments (their PDF conversion
//     is queued for the Converter, which batches it);
//  4. extract the metadata (classify) from the body, the attachments' text (from their PDF
//     for legacy formats) and forwarded originals;
//  5. record the statement: posted when confident and routable, else queued for a
//     liaison manager with the reasons. Distribution of posted statements follows from
//     the record, asynchronously.
//
// Each step writes its events as it happens, so the record log reads in order; the
// event returned ("processed") closes it with the outcome: posted, queued, rejected,
// duplicate.
//
// Every step is idempotent: reprocessing replaces derived data and keeps managers' edits.
func (s *Stages) Process(ctx context.Context, id int64) (store.Event, error) {
	raw, msg, err := s.parse(ctx, id)
	if err != nil {
		return store.Event{}, err
	}
	link, err := s.DB.LinkContent(ctx, id, message.ContentHash(msg))
	if err != nil {
		return store.Event{}, fmt.Errorf("compare with earlier copies: %w", err)
	}
	if link.DuplicateOf != 0 {
		return processed(OutcomeDuplicate, 0, map[string]any{"duplicate_of": link.DuplicateOf}), nil
	}
	m, err := s.DB.GetMessage(ctx, id)
	if err != nil {
		return store.Event{}, err
	}
	out, isOutgoing := outgoing.FromOrigin(m.Origin)
	wantPDF := convert.NeedsPDF
	if isOutgoing {
		wantPDF = func(string) bool { return false } // its PDFs travel in the mail
	}
	atts := AttachmentTexts(ctx, msg, s.TextLimits)
	if err := s.DB.SaveAttachments(ctx, id, atts, wantPDF); err != nil {
		return store.Event{}, fmt.Errorf("save attachments: %w", err)
	}
	if s.PDFQueued != nil && !isOutgoing && anyNeedsPDF(atts) {
		s.PDFQueued()
	}
	if err := s.DB.AddEvent(ctx, store.Event{Type: store.EventParsed, Message: id, Detail: parseSummary(msg, atts)}); err != nil {
		return store.Event{}, err
	}
	if s.Classifier == nil {
		return processed(OutcomeParsed, 0, nil), nil
	}
	if isOutgoing && s.Outgoing != nil {
		stmt, err := s.recordOutgoing(ctx, id, out, msg)
		if err != nil {
			return store.Event{}, err
		}
		return processed(store.StatementPosted, stmt, map[string]any{"direction": store.DirectionOutgoing}), nil
	}
	stmt, state, err := s.classify(ctx, m, msg, raw, link.Differs)
	if err != nil {
		return store.Event{}, err
	}
	return processed(state, stmt, nil), nil
}

// processed is the event that ends a message's processing, with its outcome.
func processed(outcome string, statement int64, detail map[string]any) store.Event {
	if detail == nil {
		detail = map[string]any{}
	}
	detail["outcome"] = outcome
	return store.Event{Type: store.EventProcessed, Statement: statement, Detail: detail}
}

// classify extracts, decides and records the statement; it returns the statement id and
// its state. sameIDAs is an earlier message with the same Message-ID and other content.
func (s *Stages) classify(ctx context.Context, m store.Message, msg *message.Message, raw []byte, sameIDAs int64) (int64, string, error) {
	id := m.ID
	stored, err := s.DB.Attachments(ctx, id) // with text from PDFs where that is the source
	if err != nil {
		return 0, "", err
	}
	x := s.Classifier.Extract(msg, stored, s.Classifier.envelopeRecipient(m.Rcpt))
	rep := auth.Report{Source: auth.SourceNone}
	if s.Auth != nil {
		if rep, err = s.authenticate(ctx, id, raw); err != nil {
			return 0, "", err
		}
	}
	rec, err := s.Classifier.Decide(id, msg, x)
	if err != nil {
		return 0, "", err
	}
	if sameIDAs != 0 {
		differentContent(&rec, sameIDAs)
	}
	// A claim to be a body of the directory is weighed against who sent the message.
	reasons, retry := s.Classifier.authReasons(msg, x, rep)
	if retry {
		return 0, "", errAuthRetry
	}
	if len(reasons) > 0 && rec.State != store.StatementRejected {
		rec.ReviewReasons = append(rec.ReviewReasons, reasons...)
		rec.State = store.StatementQueued
	}
	if rec.RepliesTo, err = s.repliedTo(ctx, id, x); err != nil {
		return 0, "", err
	}
	events := []store.Event{{Type: store.EventExtracted, Detail: decisionDetail(rec)}, {Type: rec.State, Detail: decisionDetail(rec)}}
	if rec.State == store.StatementPosted && mail.IsArchiveOrigin(m.Origin) {
		rec.NotDistributed = "recorded from an archive import"
		events = append(events, store.Event{Type: store.EventNotDistributed, Detail: map[string]any{"reason": rec.NotDistributed}})
	}
	stmt, err := s.DB.SaveStatement(ctx, rec, events...)
	if err != nil {
		return 0, "", err
	}
	if err := s.index(ctx, stmt, x, msg, stored); err != nil {
		return 0, "", err
	}
	if s.Recorded != nil {
		s.Recorded.WithLabelValues(rec.State).Inc()
	}
	if rec.State == store.StatementPosted && s.Posted != nil {
		s.Posted()
	}
	return stmt, rec.State, nil
}

// repliedTo finds the earlier statement this one answers (by In-Reply-To/References, the
// referenced document number or the quoted title).
func (s *Stages) repliedTo(ctx context.Context, message int64, x *classify.Extraction) (int64, error) {
	var self int64
	if st, err := s.DB.StatementByMessage(ctx, message); err == nil {
		self = st.ID
	} else if !errors.Is(err, store.ErrNotFound) {
		return 0, err
	}
	return s.DB.FindRepliedTo(ctx, x.ReplyKeys, self)
}

// index makes the statement findable by later replies and by full-text search.
func (s *Stages) index(ctx context.Context, id int64, x *classify.Extraction, msg *message.Message, atts []store.Attachment) error {
	if err := s.DB.SetStatementKeys(ctx, id, x.SelfKeys); err != nil {
		return err
	}
	texts := make([]string, 0, len(atts))
	var statement []string
	for _, a := range atts {
		texts = append(texts, a.Text)
		if a.Text != "" && classify.IsStatementFile(x.Attachments, a.SHA256) {
			statement = append(statement, a.Text)
		}
	}
	return s.DB.IndexStatement(ctx, id, deref(x.Title), statementText(statement, msg.Text()), strings.Join(texts, "\n"))
}

// statementText is the text search reads as a statement's own: when the statement came
// as an attachment, the attachment is the statement and the mail that carried it is not
// (the IAB's guidance), so its text comes first and the cover mail's after it, still
// findable; otherwise the mail's text.
func statementText(attached []string, mailText string) string {
	if len(attached) == 0 {
		return mailText
	}
	return strings.Join(attached, "\n") + "\n\n" + mailText
}

// Failed records a message whose processing gave up as a failed statement, so that it
// shows in the review queue with its error; the raw message stays as it was.
func (s *Stages) Failed(ctx context.Context, id int64, cause error) error {
	rec := store.StatementRecord{
		Message: id, State: store.StatementFailed,
		ReviewReasons: []string{ReasonFailed + ": " + cause.Error()}, Fields: []byte("{}"),
	}
	_, err := s.DB.SaveStatement(ctx, rec)
	return err
}

// parse reads the raw bytes from the store and parses them (the message shares the bytes).
func (s *Stages) parse(ctx context.Context, id int64) ([]byte, *message.Message, error) {
	// The raw bytes in one allocation of their size: a 25 MB message read through a
	// growing buffer cost about 86 MB.
	raw, err := s.DB.Raw(ctx, id)
	if err != nil {
		return nil, nil, fmt.Errorf("read the raw message: %w", err)
	}
	msg, err := message.ParseBytes(raw, s.ParseLimits)
	if err != nil {
		return nil, nil, fmt.Errorf("parse: %w", err)
	}
	return raw, msg, nil
}

// AttachmentTexts reads each attachment's text. A file that cannot be read keeps its
// error; the message goes on without its text.
func AttachmentTexts(ctx context.Context, msg *message.Message, lim convert.Limits) []store.Attachment {
	out := make([]store.Attachment, 0, len(msg.Attachments))
	for _, a := range msg.Attachments {
		res, err := convert.Text(ctx, a.Filename, a.ContentType, a.Data, lim)
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
func parseSummary(m *message.Message, atts []store.Attachment) map[string]any {
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
