package pipeline

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/liaisond/liaisond/classify"
	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/directory"
	"github.com/liaisond/liaisond/message"
	"github.com/liaisond/liaisond/store"
)

// Review reasons: why a statement waits for a liaison manager instead of being posted.
const (
	ReasonLowConfidence = "low confidence"
	ReasonNoGroup       = "no known group"
	ReasonMisdirected   = "misdirected to an unknown group"
	ReasonLoop          = "our own forward came back (loop)"
	ReasonNotStatement  = "probably not a statement"
	ReasonUnsure        = "unsure whether this is a statement"
	ReasonDamaged       = "damaged message"
	ReasonCut           = "message cut at a processing limit"
	ReasonFailed        = "processing failed"
	// ReasonSameMessageID: another message was recorded under this Message-ID with other
	// content (a corrected resend, a list copy with a footer): a person tells which counts.
	ReasonSameMessageID = "same Message-ID as an earlier message, other content"
	// ReasonForeignSendTo: the statement names as its Send To an address that is not ours
	// (another body's liaison manager, say). It is recorded, never used as a destination.
	ReasonForeignSendTo = "Send To is not one of our addresses (not used as a destination)"
)

// Classifier is the classify step with its directory and threshold.
type Classifier struct {
	Directory     *classify.Directory
	PostThreshold float64
	// Intake lists our central addresses: the envelope recipient that counts is one of
	// them when the message was sent to several.
	Intake []string
	// Senders holds, by [[sdo]] name (directory.NameKey), where that body's statements come from.
	Senders map[string]senderRule
	// QueueUnknownSenders holds statements from bodies not in the directory for review.
	QueueUnknownSenders bool
	// Dest, when set, tells a Send To that is not ours (a review reason).
	Dest *directory.Destinations
}

// NewClassifier builds the classify step from the config's directory.
func NewClassifier(cfg config.Config) *Classifier {
	return &Classifier{
		Directory: classify.NewDirectory(cfg.Directory), PostThreshold: cfg.Extract.PostThreshold, Intake: cfg.Intake.Addresses,
		Senders: senderRules(cfg.SDOs), QueueUnknownSenders: cfg.Auth.QueueUnknownSenders, Dest: directory.NewDestinations(cfg.Directory),
	}
}

// ClassifyInput builds the extractor's input from a parsed message and its recorded
// attachments (whose text may come from their PDF).
func ClassifyInput(msg *message.Message, atts []store.Attachment, rcpt string) classify.Input {
	in := classify.Input{Message: msg, Rcpt: rcpt}
	for _, a := range atts {
		t := classify.AttachmentText{Text: a.Text, Kind: a.Kind}
		if a.TextError != "" {
			t.Err = fmt.Errorf("%s", a.TextError)
		}
		in.Attachments = append(in.Attachments, t)
	}
	return in
}

// Extract runs the extractor and adds what only the record knows: the PDFs derived from
// the attachments.
func (c *Classifier) Extract(msg *message.Message, atts []store.Attachment, rcpt string) *classify.Extraction {
	x := classify.Extract(ClassifyInput(msg, atts, rcpt), c.Directory)
	for i := range x.Attachments {
		if i < len(atts) && atts[i].PDFState == store.PDFDone {
			x.Attachments[i].Derived = append(x.Attachments[i].Derived, classify.Derived{
				ContentType: "application/pdf", Size: atts[i].PDFSize, SHA256: atts[i].PDFSHA256})
		}
	}
	return x
}

// envelopeRecipient picks the recipient the statement was delivered at: an intake address
// when the message was sent to one, else the first recipient.
func (c *Classifier) envelopeRecipient(rcpt []string) string {
	for _, r := range rcpt {
		for _, a := range c.Intake {
			if strings.EqualFold(r, a) {
				return r
			}
		}
	}
	if len(rcpt) > 0 {
		return rcpt[0]
	}
	return ""
}

// Decide turns an extraction into a statement record: posted when the extractor is
// confident and the statement can be routed, otherwise queued with the reasons.
func (c *Classifier) Decide(messageID int64, msg *message.Message, x *classify.Extraction) (store.StatementRecord, error) {
	rec := store.StatementRecord{
		Message: messageID, IsLiaison: x.IsLiaison, Confidence: x.Confidence,
		Title: deref(x.Title), Purpose: deref(x.Purpose), Deadline: deref(x.Deadline), From: x.From, To: x.To,
	}
	rec.ReviewReasons = c.reviewReasons(msg, x)
	switch {
	case message.IsOurForward(msg):
		// Our own forward, notice or reminder came back: recorded, never acted on.
		rec.State, rec.ReviewReasons = store.StatementRejected, []string{ReasonLoop}
	case !x.IsLiaison && x.Confidence >= c.PostThreshold && len(rec.ReviewReasons) == 0:
		rec.State = store.StatementRejected
		rec.ReviewReasons = []string{ReasonNotStatement}
	case !x.IsLiaison && len(rec.ReviewReasons) == 0:
		rec.State, rec.ReviewReasons = store.StatementQueued, []string{ReasonUnsure}
	case len(rec.ReviewReasons) > 0:
		rec.State = store.StatementQueued
	default:
		rec.State = store.StatementPosted
	}
	var err error
	if rec.Fields, rec.Evidence, err = splitExtraction(x); err != nil {
		return rec, err
	}
	return rec, nil
}

// differentContent sends a statement whose Message-ID was already recorded with other
// content to the review queue, naming that message. Our own forward coming back stays
// rejected as a loop.
func differentContent(rec *store.StatementRecord, earlier int64) {
	if rec.State == store.StatementRejected && slices.Contains(rec.ReviewReasons, ReasonLoop) {
		return
	}
	rec.State = store.StatementQueued
	rec.ReviewReasons = append(rec.ReviewReasons, fmt.Sprintf("%s (message %d)", ReasonSameMessageID, earlier))
}

// problemReasons names what the parser's problems mean for a manager: a message cut at
// one of our limits (its record is incomplete; the raw message is whole), or damaged.
func problemReasons(problems []message.Issue) []string {
	var cut, damaged bool
	for _, p := range problems {
		if p.Code.IsLimit() {
			cut = true
		} else {
			damaged = true
		}
	}
	var out []string
	if damaged {
		out = append(out, ReasonDamaged)
	}
	if cut {
		out = append(out, ReasonCut)
	}
	return out
}

func (c *Classifier) reviewReasons(msg *message.Message, x *classify.Extraction) []string {
	var reasons []string
	if message.IsOurForward(msg) {
		reasons = append(reasons, ReasonLoop)
	}
	reasons = append(reasons, problemReasons(msg.Problems)...)
	if !x.IsLiaison {
		return reasons
	}
	if c.Dest != nil && c.Dest.ForeignSendTo(deref(x.SendTo), deref(x.DeliveredTo)) {
		reasons = append(reasons, fmt.Sprintf("%s: %s", ReasonForeignSendTo, deref(x.SendTo)))
	}
	if x.Confidence < c.PostThreshold {
		// Which fields are unsure and what settles them, rather than one number.
		unsure := x.UnsureReasons(c.PostThreshold)
		if len(unsure) == 0 {
			unsure = []string{fmt.Sprintf("%s (%.2f)", ReasonLowConfidence, x.Confidence)}
		}
		reasons = append(reasons, unsure...)
	}
	if len(x.RouteTo) == 0 {
		if x.Misdirected {
			reasons = append(reasons, ReasonMisdirected)
		} else {
			reasons = append(reasons, ReasonNoGroup)
		}
	}
	return reasons
}

// splitExtraction separates the contract fields (what managers edit) from the evidence,
// as the record keeps them.
func splitExtraction(x *classify.Extraction) (fields, evidence json.RawMessage, err error) {
	f, ev := x.Split()
	if fields, err = json.Marshal(f); err != nil {
		return nil, nil, err
	}
	evidence, err = json.Marshal(ev)
	return fields, evidence, err
}

// decisionDetail is what the "extracted" event says.
func decisionDetail(rec store.StatementRecord) map[string]any {
	d := map[string]any{"state": rec.State, "confidence": rec.Confidence, "is_liaison": rec.IsLiaison}
	if len(rec.ReviewReasons) > 0 {
		d["reasons"] = slices.Clone(rec.ReviewReasons)
	}
	return d
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
