// Package review holds what a liaison manager does to a statement — approve, reject,
// edit, reroute, mark action taken, rerun extraction — and the JSON view of a statement
// record, once, for both the web UI and the command line.
//
// Every action goes through the store's own methods, which write the change and its
// event (with the manager's name as actor) in one transaction. It must not render HTML
// or print: callers do.
package review

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/liaisond/liaisond/classify"
	"github.com/liaisond/liaisond/message"
	"github.com/liaisond/liaisond/store"
)

// Errors a caller shows to the manager as they are.
var (
	ErrInvalid = errors.New("invalid")
	ErrState   = errors.New("not possible in this state")
)

// Fields are the contract fields of a statement record (docs/design.md, `liaisond extract`),
// as stored in Statement.Fields and as edited by managers. Lists are never null.
type Fields struct {
	IsLiaison bool `json:"is_liaison"`
	classify.Metadata
}

// Evidence is where the extractor found one field.
type Evidence = classify.Evidence

// DecodeFields reads a statement's contract fields; a record without fields (a failed
// message) gives empty ones.
func DecodeFields(st store.Statement) Fields {
	var f Fields
	json.Unmarshal(st.Fields, &f)
	for _, l := range []*[]string{&f.From, &f.FromContacts, &f.To, &f.ToContacts, &f.OtherIdentifiers, &f.RouteTo} {
		if *l == nil {
			*l = []string{}
		}
	}
	if f.Title == nil && st.Title != "" {
		f.Title = &st.Title
	}
	return f
}

// DecodeEvidence reads a statement's per-field evidence.
func DecodeEvidence(st store.Statement) map[string]Evidence {
	ev := map[string]Evidence{}
	json.Unmarshal(st.Evidence, &ev)
	return ev
}

// Str returns the value of an optional field, "" for null.
func Str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// get loads a statement or says it does not exist.
func get(ctx context.Context, db *store.DB, id int64) (store.Statement, error) {
	return db.GetStatement(ctx, id)
}

// Approve posts a statement: it enters the public record and the outbox distributes it.
// A statement needs a title to be posted.
func Approve(ctx context.Context, db *store.DB, id int64, actor string) error {
	return approve(ctx, db, id, actor, nil, nil, nil)
}

// ApproveEdited posts a statement with the field values a manager's form holds (as for
// Edit): the fields that differ are saved with the approval in one transaction, with an
// "edited" event naming them, so that pressing Approve after changing a field never
// posts the old values.
func ApproveEdited(ctx context.Context, db *store.DB, id int64, actor string, values map[string]string, knownGroups []string) error {
	return approve(ctx, db, id, actor, values, knownGroups, nil)
}

func approve(ctx context.Context, db *store.DB, id int64, actor string, values map[string]string, knownGroups []string, detail map[string]any) error {
	st, err := get(ctx, db, id)
	if err != nil {
		return err
	}
	if st.State == store.StatementPosted {
		return fmt.Errorf("statement %d is already posted: %w", id, ErrState)
	}
	edit, next, err := prepareEdit(st, values, knownGroups)
	if err != nil {
		return err
	}
	if strings.TrimSpace(Str(next.Title)) == "" {
		return fmt.Errorf("statement %d has no title; set one before posting: %w", id, ErrInvalid)
	}
	if detail == nil {
		detail = map[string]any{}
	}
	detail["from_state"] = st.State
	return db.EditAndSetState(ctx, id, actor, edit, store.StatementPosted, store.Event{Type: store.EventApproved, Detail: detail})
}

// Reject marks a statement as not a statement (or refused); it leaves the public record
// if it was in it (it is then withdrawn: its page keeps answering with a notice). reason
// may be empty.
func Reject(ctx context.Context, db *store.DB, id int64, actor, reason string) error {
	return reject(ctx, db, id, actor, reason, 0)
}

// RejectDuplicate rejects a statement as a duplicate of statement of, which must exist:
// the reason reads "duplicate of #N", followed by reason when given.
func RejectDuplicate(ctx context.Context, db *store.DB, id int64, actor string, of int64, reason string) error {
	if of == id {
		return fmt.Errorf("statement %d cannot be a duplicate of itself: %w", id, ErrInvalid)
	}
	if _, err := get(ctx, db, of); errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("duplicate of #%d: no such statement: %w", of, ErrInvalid)
	} else if err != nil {
		return err
	}
	return reject(ctx, db, id, actor, reason, of)
}

func reject(ctx context.Context, db *store.DB, id int64, actor, reason string, duplicateOf int64) error {
	st, err := get(ctx, db, id)
	if err != nil {
		return err
	}
	if st.State == store.StatementRejected {
		return fmt.Errorf("statement %d is already rejected: %w", id, ErrState)
	}
	detail := map[string]any{"from_state": st.State}
	reason = CleanLine(reason)
	if duplicateOf != 0 {
		detail["duplicate_of"] = duplicateOf
		reason = strings.TrimSuffix(fmt.Sprintf("duplicate of #%d; %s", duplicateOf, reason), "; ")
	}
	if reason != "" {
		detail["reason"] = reason
	}
	return db.SetStatementState(ctx, id, store.StatementRejected, actor, store.Event{Type: store.EventRejected, Detail: detail})
}

// MarkActionTaken records that a For-Action statement has been answered.
func MarkActionTaken(ctx context.Context, db *store.DB, id int64, actor string) error {
	st, err := get(ctx, db, id)
	if err != nil {
		return err
	}
	if st.ActionTaken {
		return fmt.Errorf("statement %d: action already marked taken: %w", id, ErrState)
	}
	return db.SetActionTaken(ctx, id, actor, store.Event{Type: store.EventActionTaken})
}

// Rerun queues the statement's message for processing again (after an extractor upgrade
// or a fixed directory); fields a manager edited keep their values.
func Rerun(ctx context.Context, db *store.DB, id int64, actor string) error {
	st, err := get(ctx, db, id)
	if err != nil {
		return err
	}
	return db.RequeueMessage(ctx, st.Message, actor)
}

// Reroute is the misdirected workflow: the manager names the directory groups the
// statement goes to; route_to is set and the statement is posted (or, when it already
// is, its distribution is planned again), so that the outbox forwards it to those
// groups. groups must be names from the directory (known), since forwards only go to
// configured addresses; destinations already sent to are not sent twice.
func Reroute(ctx context.Context, db *store.DB, id int64, actor string, groups, known []string) error {
	canon, err := canonicalGroups(groups, known)
	if err != nil {
		return err
	}
	if len(canon) == 0 {
		return fmt.Errorf("choose at least one group: %w", ErrInvalid)
	}
	st, err := get(ctx, db, id)
	if err != nil {
		return err
	}
	values := map[string]string{classify.FieldRouteTo: strings.Join(canon, ", ")}
	if st.State != store.StatementPosted {
		return approve(ctx, db, id, actor, values, known, map[string]any{"rerouted": canon})
	}
	if err := Edit(ctx, db, id, actor, values, known); err != nil && !errors.Is(err, ErrNoChange) {
		return err
	}
	return db.Redistribute(ctx, id, actor)
}

// canonicalGroups maps names to the directory's spelling, refusing unknown ones.
func canonicalGroups(groups, known []string) ([]string, error) {
	var out []string
	for _, g := range groups {
		g = strings.TrimSpace(g)
		if g == "" {
			continue
		}
		i := slices.IndexFunc(known, func(k string) bool { return strings.EqualFold(k, g) })
		if i < 0 {
			return nil, fmt.Errorf("%q is not a group of the directory: %w", g, ErrInvalid)
		}
		if !slices.Contains(out, known[i]) {
			out = append(out, known[i])
		}
	}
	return out, nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// CleanLine is a manager's text as one line, without control or bidi override characters
// (message.CleanText, as for extracted values and file names).
func CleanLine(s string) string { return oneLine(message.CleanText(s)) }

// Record is the JSON form of a statement: the contract field names plus id, state,
// received_at and posted_at (`liaisond list --json`, `show --json`, /api/v1). The parts
// after Edited are filled by Detail only.
type Record struct {
	ID         int64      `json:"id"`
	State      string     `json:"state"`
	Direction  string     `json:"direction"` // incoming or outgoing
	ReceivedAt time.Time  `json:"received_at"`
	PostedAt   *time.Time `json:"posted_at"`
	Confidence float64    `json:"confidence"`
	Fields
	ActionTaken   bool     `json:"action_taken"`
	ReviewReasons []string `json:"review_reasons,omitempty"`
	Edited        []string `json:"edited,omitempty"`

	Attachments []Attachment `json:"attachments,omitempty"`
	// StatementText is the record's main text when the statement came as an attachment:
	// that attachment's text (the attachment is the statement, the mail that carried it is
	// not). Empty when the mail's own text is the statement. StatementFile names the file.
	StatementText string              `json:"statement_text,omitempty"`
	StatementFile string              `json:"statement_file,omitempty"`
	Evidence      map[string]Evidence `json:"evidence,omitempty"`
	RepliesTo     *Ref                `json:"replies_to,omitempty"`
	Replies       []Ref               `json:"replies,omitempty"`
	History       []store.Event       `json:"history,omitempty"`

	// Auth is the sender authentication of the message (managers only); VerifiedAs the
	// domain it is authenticated as, the one part the public sees.
	Auth       json.RawMessage `json:"auth,omitempty"`
	VerifiedAs *string         `json:"verified_as"`
}

// Attachment is an attachment of a record, with its PDF rendering when one was made.
type Attachment struct {
	Filename    string `json:"filename"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	SHA256      string `json:"sha256"`
	URL         string `json:"url"`
	PDFSHA256   string `json:"pdf_sha256,omitempty"`
	PDFSize     int64  `json:"pdf_size,omitempty"`
	PDFURL      string `json:"pdf_url,omitempty"`
	PDFState    string `json:"pdf_state"`
	// Statement marks the attachment that is the statement (classify.AttachmentInfo).
	Statement bool `json:"statement,omitempty"`
}

// Ref names another statement.
type Ref struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
}

// NewRecord is the list form of a statement.
func NewRecord(st store.Statement) Record {
	r := Record{ID: st.ID, State: st.State, Direction: st.Direction, ReceivedAt: st.ReceivedAt, Confidence: st.Confidence,
		Fields: DecodeFields(st), ActionTaken: st.ActionTaken, ReviewReasons: st.ReviewReasons, Edited: st.Edited}
	if !st.PostedAt.IsZero() {
		p := st.PostedAt
		r.PostedAt = &p
	}
	return r
}

// DetailOptions choose what Detail includes.
type DetailOptions struct {
	// Public leaves out what only managers see: review reasons, evidence, edited fields,
	// unposted related statements, and history other than public events (without actors).
	Public bool
}

// Detail is the show form of a statement: the record plus attachments, evidence,
// related statements and history.
func Detail(ctx context.Context, db *store.DB, st store.Statement, opt DetailOptions) (Record, error) {
	r := NewRecord(st)
	atts, err := db.Attachments(ctx, st.Message)
	if err != nil {
		return r, err
	}
	r.Attachments = Attachments(st.ID, atts)
	markStatement(st, r.Attachments)
	for i, a := range r.Attachments {
		if a.Statement && atts[i].Text != "" {
			r.StatementText, r.StatementFile = atts[i].Text, a.Filename
			break
		}
	}
	related := ""
	if opt.Public {
		related = store.StatementPosted
	}
	if st.RepliesTo != 0 {
		if p, err := db.GetStatement(ctx, st.RepliesTo); err == nil && (!opt.Public || p.State == store.StatementPosted) {
			r.RepliesTo = &Ref{ID: p.ID, Title: p.Title}
		}
	}
	replies, err := db.Replies(ctx, st.ID, related)
	if err != nil {
		return r, err
	}
	for _, p := range replies {
		r.Replies = append(r.Replies, Ref{ID: p.ID, Title: p.Title})
	}
	if r.History, err = History(ctx, db, st, opt.Public); err != nil {
		return r, err
	}
	if a, err := db.Auth(ctx, st.Message); err == nil {
		if a.VerifiedAs != "" {
			r.VerifiedAs = &a.VerifiedAs
		}
		if !opt.Public {
			r.Auth = a.Report
		}
	} else if !errors.Is(err, store.ErrNotFound) {
		return r, err
	}
	if opt.Public {
		r.ReviewReasons, r.Edited = nil, nil
	} else {
		r.Evidence = DecodeEvidence(st)
	}
	return r, nil
}

// Attachments lists a statement's attachments with their stable URLs
// (/s/{id}/a/{sha256}/{filename}).
func Attachments(id int64, atts []store.Attachment) []Attachment {
	out := make([]Attachment, 0, len(atts))
	for _, a := range atts {
		x := Attachment{Filename: a.Filename, ContentType: a.DeclaredType, Size: a.Size, SHA256: a.SHA256,
			URL: AttachmentURL(id, a.SHA256, a.Filename), PDFState: a.PDFState}
		if a.PDFState == store.PDFDone && a.PDFSHA256 != "" {
			x.PDFSHA256, x.PDFSize = a.PDFSHA256, a.PDFSize
			x.PDFURL = AttachmentURL(id, a.PDFSHA256, PDFName(a.Filename))
		}
		out = append(out, x)
	}
	return out
}

// markStatement marks the attachments the extraction says are the statement (by content:
// the same file attached twice is marked twice).
func markStatement(st store.Statement, atts []Attachment) {
	var f classify.Fields
	json.Unmarshal(st.Fields, &f) // leniently: a field of another shape is left out
	for i := range atts {
		atts[i].Statement = classify.IsStatementFile(f.Attachments, atts[i].SHA256)
	}
}

// PDFName is the file name of the PDF made from an attachment.
func PDFName(filename string) string {
	if i := strings.LastIndexByte(filename, '.'); i > 0 {
		filename = filename[:i]
	}
	return filename + ".pdf"
}

// AttachmentURL is the stable path of a stored file of a statement.
func AttachmentURL(id int64, sha, filename string) string {
	return fmt.Sprintf("/s/%d/a/%s/%s", id, sha, pathEscape(filename))
}

// pathEscape escapes a file name as one path segment.
func pathEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// publicEvents are the history entries the public record shows.
var publicEvents = []string{store.EventReceived, store.EventApproved, store.EventPosted, store.EventEdited,
	store.EventActionTaken, store.EventForwarded, store.EventDistributed}

// History returns the statement's events (those of its message included), oldest first;
// public keeps only publicEvents and drops actors and details other than edited field
// names.
func History(ctx context.Context, db *store.DB, st store.Statement, public bool) ([]store.Event, error) {
	evs, err := db.Events(ctx, store.EventFilter{Message: st.Message, Limit: 1000})
	if err != nil {
		return nil, err
	}
	if !public {
		return evs, nil
	}
	var out []store.Event
	posted := false
	for _, e := range evs {
		if !slices.Contains(publicEvents, e.Type) {
			continue
		}
		posted = posted || e.Type == store.EventApproved || e.Type == store.EventPosted
		p := store.Event{ID: e.ID, Time: e.Time, Type: e.Type, Statement: e.Statement}
		if e.Type == store.EventEdited {
			p.Detail = map[string]any{"fields": e.Detail["fields"]}
		}
		out = append(out, p)
	}
	if !posted && !st.PostedAt.IsZero() {
		// Posted by the pipeline itself: its "extracted" event is internal, so the public
		// history says when it was posted instead.
		out = append(out, store.Event{Time: st.PostedAt, Type: store.EventPosted, Statement: st.ID})
		slices.SortStableFunc(out, func(a, b store.Event) int { return a.Time.Compare(b.Time) })
	}
	return out, nil
}
