// Package outgoing owns statements sent from the IETF (draft-iab-rfc4053bis, "Outgoing
// Liaison Statements" and 4.1 "Approval"): the form an author fills in and its checks
// against the directory, who may compose, approve or send back, and the mail an approved
// statement becomes. It decides through the directory's roles and records through the
// store; it must not send mail (the outbox does), speak HTTP or parse received mail.
package outgoing

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/deadline"
	"github.com/liaisond/liaisond/directory"
	"github.com/liaisond/liaisond/message"
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
	// Domain is the domain of our Message-IDs (the relay's From address's).
	Domain string
}

// New is the service over the configuration's directory, its Message-IDs in the domain
// of the relay's From address: the daemon, the web pages and the command line share it.
func New(cfg config.Config, db *store.DB) *Service {
	from := cfg.Relay.From
	return &Service{DB: db, Roles: directory.New(cfg.Directory), Domain: from[strings.LastIndexByte(from, '@')+1:]}
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
	today := deadline.Today(s.now())
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
			errs["files"] = fmt.Sprintf("%s is larger than %d bytes", message.CleanText(file.Filename), s.limits().MaxFileBytes)
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

// Bounds are the limits in force: Limits, with DefaultLimits for what it leaves zero.
func (s *Service) Bounds() Limits { return s.limits() }

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
	f.Title = message.CleanText(f.Title)
	for i := range f.Files {
		f.Files[i].Filename = message.CleanText(f.Files[i].Filename)
	}
	return f
}

// Save records a draft for author (id 0: a new one) after checking the form; a refused
// form records nothing.
// A file without bytes keeps the draft's file of that digest (see keepFiles).
func (s *Service) Save(ctx context.Context, id int64, author string, f Form) (int64, error) {
	var o store.Outgoing
	if id != 0 {
		var err error
		if o, err = s.DB.GetOutgoing(ctx, id); err != nil {
			return 0, err
		}
		if !strings.EqualFold(o.Author, author) {
			return 0, fmt.Errorf("%w: only its author edits a draft", ErrForbidden)
		}
		if !MayEdit(o, author) {
			return 0, fmt.Errorf("outgoing statement %d is %s: %w", id, o.State, store.ErrState)
		}
	}
	f.Files = slices.Clone(f.Files)
	if err := s.keepFiles(ctx, o, &f); err != nil {
		return 0, err
	}
	if err := s.Check(ctx, author, f); err != nil {
		return 0, err
	}
	f = s.clean(f)
	rec := store.Outgoing{ID: id, Author: strings.ToLower(author), From: f.From, To: f.To, Cc: f.Cc, Purpose: f.Purpose,
		Deadline: f.Deadline, Title: f.Title, Body: f.Body, InResponseTo: f.InResponseTo, Files: f.Files}
	typ := store.EventOutgoingCreated
	if id != 0 {
		typ = store.EventOutgoingEdited
	}
	return s.DB.SaveOutgoing(ctx, rec, store.Event{Type: typ, Actor: author,
		Detail: map[string]any{"from": f.From, "to": f.To, "title": f.Title}})
}

// Submit sends a draft for approval; the approvers are named in the event, and each one
// the directory names gets one mail with the link to it (through the outbox, planned in
// the same transaction: a new mail for each submission).
func (s *Service) Submit(ctx context.Context, id int64, author string) ([]string, error) {
	o, err := s.DB.GetOutgoing(ctx, id)
	if err != nil {
		return nil, err
	}
	if !strings.EqualFold(o.Author, author) {
		return nil, fmt.Errorf("%w: only its author submits a draft", ErrForbidden)
	}
	approvers := s.Approvers(o)
	round := s.now().UTC().Format("20060102T150405.000000000Z")
	var mails []store.NewOutbox
	for _, a := range approvers {
		if !s.Roles.Known(a) {
			continue // never mail an address the directory does not name
		}
		mails = append(mails, store.NewOutbox{Kind: store.OutboxApproval, Slot: round, Destination: a,
			MessageID: approvalMessageID(id, round, a, s.domain()), Detail: map[string]any{"author": strings.ToLower(author)}})
	}
	err = s.DB.SubmitOutgoing(ctx, id, store.Event{Type: store.EventOutgoingSubmitted, Actor: author,
		Detail: map[string]any{"approvers": approvers}}, mails)
	return approvers, err
}

// approvalMessageID is the stable Message-ID of the approval request of one submission
// to one approver.
func approvalMessageID(id int64, round, approver, domain string) string {
	sum := sha256.Sum256([]byte(approver))
	return fmt.Sprintf("<liaisond.approval.%d.%s.%s@%s>", id, strings.ToLower(round), hex.EncodeToString(sum[:6]), domain)
}

func (s *Service) domain() string {
	if s.Domain != "" {
		return s.Domain
	}
	return "liaisond.invalid"
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
			store.Event{Type: store.EventOutgoingApproval, Actor: actor, Detail: map[string]any{"for": n}})
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
	comment = strings.TrimSpace(message.CleanText(comment))
	if comment == "" {
		return FieldErrors{"comment": "say what should change"}
	}
	return s.DB.SetOutgoingState(ctx, id, []string{store.OutgoingSubmitted}, store.OutgoingReturned, comment,
		store.Event{Type: store.EventOutgoingReturned, Actor: actor, Detail: map[string]any{"comment": comment}})
}

func decodeFields(raw []byte, v any) error { return json.Unmarshal(raw, v) }
