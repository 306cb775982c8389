// Package outgoing owns statements sent from the IETF (draft-iab-rfc4053bis, "Outgoing
// Liaison Statements" and 4.1 "Approval"): the form an author fills in and its checks
// against the directory, who may compose, approve or send back, and the mail an approved
// statement becomes. It decides through the directory's roles and records through the
// store; it must not send mail (the outbox does), speak HTTP or parse received mail.
package outgoing

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/liaisond/liaisond/directory"
	"github.com/liaisond/liaisond/mail"
	"github.com/liaisond/liaisond/store"
)

// Purposes of an outgoing statement, as the contract names them.
const (
	PurposeInformation = "information"
	PurposeAction      = "action"
	PurposeResponse    = "response"
)

// Limits bound what one statement may carry.
type Limits struct {
	MaxFiles     int
	MaxFileBytes int64
	MaxBodyBytes int
}

// DefaultLimits are used where the configuration names none.
var DefaultLimits = Limits{MaxFiles: 10, MaxFileBytes: 20 << 20, MaxBodyBytes: 256 << 10}

// Form is what an author submits.
type Form struct {
	From, To, Cc []string
	Purpose      string
	Deadline     string // YYYY-MM-DD, required for action
	Title, Body  string
	InResponseTo int64
	Files        []store.OutgoingFile // with Data
}

// FieldErrors names what is wrong with a form, by field; it is the error of a refused
// form, which records nothing.
type FieldErrors map[string]string

func (e FieldErrors) Error() string {
	keys := make([]string, 0, len(e))
	for k := range e {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, k+": "+e[k])
	}
	return "the statement is not complete: " + strings.Join(parts, "; ")
}

// ErrForbidden is returned when the actor may not do what is asked.
var ErrForbidden = errors.New("not allowed")

// Service carries out the steps of an outgoing statement.
type Service struct {
	DB     *store.DB
	Roles  *directory.Roles
	Limits Limits
	Now    func() time.Time
}

// Check validates a form for author: every speaker one the author may compose for,
// every body one the directory can send to, the purpose known, a deadline in the future
// for action, a title and a body, the files within the limits, cc addresses the directory
// names. It returns nil or FieldErrors.
func (s *Service) Check(ctx context.Context, author string, f Form) error {
	errs := FieldErrors{}
	allowed := map[string]bool{}
	for _, sp := range s.Roles.SpeakersFor(author) {
		allowed[strings.ToLower(sp.Name)] = true
	}
	if len(f.From) == 0 {
		errs["from"] = "name at least one group you may speak for"
	}
	for _, n := range f.From {
		if !allowed[strings.ToLower(n)] {
			errs["from"] = fmt.Sprintf("%q is not a group %s may send statements for", n, author)
		}
	}
	if len(f.To) == 0 {
		errs["to"] = "name at least one body of the directory"
	} else if _, _, err := s.Roles.Destinations(f.To); err != nil {
		errs["to"] = err.Error()
	}
	switch f.Purpose {
	case PurposeInformation, PurposeAction, PurposeResponse:
	default:
		errs["purpose"] = "choose For Information, For Action or In Response"
	}
	today := s.now().In(mail.AoE).Format(time.DateOnly)
	if f.Deadline != "" {
		if d, err := time.Parse(time.DateOnly, f.Deadline); err != nil || d.Format(time.DateOnly) != f.Deadline {
			errs["deadline"] = "write the deadline as YYYY-MM-DD"
		} else if f.Deadline < today {
			errs["deadline"] = "the deadline has passed"
		}
	}
	if f.Purpose == PurposeAction && f.Deadline == "" {
		errs["deadline"] = "a statement for action needs a deadline"
	}
	if f.Purpose == PurposeResponse && f.InResponseTo == 0 {
		errs["in_response_to"] = "a response names the statement it answers"
	}
	if f.InResponseTo != 0 {
		if st, err := s.DB.GetStatement(ctx, f.InResponseTo); err != nil || st.State != store.StatementPosted {
			errs["in_response_to"] = fmt.Sprintf("statement %d is not a posted statement", f.InResponseTo)
		}
	}
	if strings.TrimSpace(f.Title) == "" {
		errs["title"] = "give the statement a title"
	} else if len(f.Title) > 300 || strings.ContainsAny(f.Title, "\r\n") {
		errs["title"] = "one line of at most 300 characters"
	}
	if strings.TrimSpace(f.Body) == "" {
		errs["body"] = "write the statement's text"
	} else if len(f.Body) > s.limits().MaxBodyBytes || !utf8.ValidString(f.Body) {
		errs["body"] = fmt.Sprintf("plain UTF-8 text of at most %d bytes", s.limits().MaxBodyBytes)
	}
	if len(f.Files) > s.limits().MaxFiles {
		errs["files"] = fmt.Sprintf("at most %d files", s.limits().MaxFiles)
	}
	for _, file := range f.Files {
		if int64(len(file.Data)) > s.limits().MaxFileBytes {
			errs["files"] = fmt.Sprintf("%s is larger than %d bytes", mail.CleanText(file.Filename), s.limits().MaxFileBytes)
		}
		if strings.TrimSpace(file.Filename) == "" {
			errs["files"] = "every file needs a name"
		}
	}
	for _, a := range f.Cc {
		if !s.Roles.Known(a) {
			errs["cc"] = fmt.Sprintf("%q is not an address of the directory", a)
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Service) limits() Limits {
	l := s.Limits
	if l.MaxFiles <= 0 {
		l.MaxFiles = DefaultLimits.MaxFiles
	}
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = DefaultLimits.MaxFileBytes
	}
	if l.MaxBodyBytes <= 0 {
		l.MaxBodyBytes = DefaultLimits.MaxBodyBytes
	}
	return l
}

// clean normalises a checked form: names as the directory writes them, text cleaned of
// control characters, files named safely.
func (s *Service) clean(f Form) Form {
	for i, n := range f.From {
		if sp, err := s.Roles.Speaker(n); err == nil {
			f.From[i] = sp.Name
		}
	}
	for i, n := range f.To {
		if b, err := s.Roles.Body(n); err == nil {
			f.To[i] = b.Name
		}
	}
	for i := range f.Cc {
		f.Cc[i] = strings.ToLower(strings.TrimSpace(f.Cc[i]))
	}
	f.Title = mail.CleanText(f.Title)
	for i := range f.Files {
		f.Files[i].Filename = mail.CleanText(f.Files[i].Filename)
	}
	return f
}

// Save records a draft for author (id 0: a new one) after checking the form; a refused
// form records nothing.
func (s *Service) Save(ctx context.Context, id int64, author string, f Form) (int64, error) {
	if err := s.Check(ctx, author, f); err != nil {
		return 0, err
	}
	if id != 0 {
		o, err := s.DB.GetOutgoing(ctx, id)
		if err != nil {
			return 0, err
		}
		if !strings.EqualFold(o.Author, author) {
			return 0, fmt.Errorf("%w: only its author edits a draft", ErrForbidden)
		}
	}
	f = s.clean(f)
	o := store.Outgoing{ID: id, Author: strings.ToLower(author), From: f.From, To: f.To, Cc: f.Cc, Purpose: f.Purpose,
		Deadline: f.Deadline, Title: f.Title, Body: f.Body, InResponseTo: f.InResponseTo, Files: f.Files}
	typ := "outgoing_created"
	if id != 0 {
		typ = "outgoing_edited"
	}
	return s.DB.SaveOutgoing(ctx, o, store.Event{Type: typ, Actor: author,
		Detail: map[string]any{"from": f.From, "to": f.To, "title": f.Title}})
}

// Submit sends a draft for approval; the approvers are named in the event (the caller
// mails them the link).
func (s *Service) Submit(ctx context.Context, id int64, author string) ([]string, error) {
	o, err := s.DB.GetOutgoing(ctx, id)
	if err != nil {
		return nil, err
	}
	if !strings.EqualFold(o.Author, author) {
		return nil, fmt.Errorf("%w: only its author submits a draft", ErrForbidden)
	}
	approvers := s.Approvers(o)
	err = s.DB.SetOutgoingState(ctx, id, []string{store.OutgoingDraft, store.OutgoingReturned}, store.OutgoingSubmitted, "",
		store.Event{Type: "outgoing_submitted", Actor: author, Detail: map[string]any{"approvers": approvers}})
	return approvers, err
}

// Approvers lists everyone who approves some speaker of o.
func (s *Service) Approvers(o store.Outgoing) []string {
	var out []string
	for _, n := range o.From {
		if sp, err := s.Roles.Speaker(n); err == nil {
			for _, a := range sp.Approvers {
				if !slices.Contains(out, a) {
					out = append(out, a)
				}
			}
		}
	}
	return out
}

// Approve records actor's approval for every speaker of the submitted statement that
// actor approves; it returns whether the statement is now approved (each speaker has an
// approval). Someone who approves none of its speakers, or whose approvals are all given
// already, is refused and nothing changes.
func (s *Service) Approve(ctx context.Context, id int64, actor string) (bool, error) {
	o, err := s.DB.GetOutgoing(ctx, id)
	if err != nil {
		return false, err
	}
	if o.State != store.OutgoingSubmitted {
		return false, fmt.Errorf("outgoing statement %d is %s, not waiting for approval: %w", id, o.State, store.ErrState)
	}
	var mine []string
	for _, n := range o.From {
		if s.Roles.CanApprove(actor, n) {
			mine = append(mine, n)
		}
	}
	if len(mine) == 0 {
		return false, fmt.Errorf("%w: %s approves none of %s", ErrForbidden, actor, strings.Join(o.From, ", "))
	}
	done := map[string]bool{}
	for _, a := range o.Approvals {
		done[a.Speaker] = true
	}
	approved, given := false, 0
	for _, n := range mine {
		if done[n] {
			continue
		}
		given++
		approved, err = s.DB.ApproveOutgoing(ctx, id, n, strings.ToLower(actor), o.From,
			store.Event{Type: "outgoing_approval", Actor: actor, Detail: map[string]any{"for": n}})
		if err != nil {
			return false, err
		}
	}
	if given == 0 {
		return false, fmt.Errorf("outgoing statement %d: approved already for %s: %w", id, strings.Join(mine, ", "), store.ErrState)
	}
	return approved, nil
}

// Return sends a submitted statement back to its author with a comment.
func (s *Service) Return(ctx context.Context, id int64, actor, comment string) error {
	o, err := s.DB.GetOutgoing(ctx, id)
	if err != nil {
		return err
	}
	ok := false
	for _, n := range o.From {
		ok = ok || s.Roles.CanApprove(actor, n)
	}
	if !ok {
		return fmt.Errorf("%w: %s approves none of %s", ErrForbidden, actor, strings.Join(o.From, ", "))
	}
	comment = strings.TrimSpace(mail.CleanText(comment))
	if comment == "" {
		return FieldErrors{"comment": "say what should change"}
	}
	return s.DB.SetOutgoingState(ctx, id, []string{store.OutgoingSubmitted}, store.OutgoingReturned, comment,
		store.Event{Type: "outgoing_returned", Actor: actor, Detail: map[string]any{"comment": comment}})
}

func decodeFields(raw []byte, v any) error { return json.Unmarshal(raw, v) }
