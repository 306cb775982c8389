package outgoing

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/liaisond/liaisond/store"
)

// MayView reports whether actor may see outgoing statement o: its author, whoever
// approves one of its speakers, and the liaison managers and central address, who see
// everything.
func (s *Service) MayView(o store.Outgoing, actor string) bool {
	return strings.EqualFold(o.Author, actor) || s.Roles.IsManager(actor) || slices.Contains(s.Approvers(o), strings.ToLower(actor))
}

// MayEdit reports whether actor may still change o: its author, until it is submitted.
func MayEdit(o store.Outgoing, actor string) bool {
	return strings.EqualFold(o.Author, actor) && (o.State == store.OutgoingDraft || o.State == store.OutgoingReturned)
}

// Pending lists the speakers of submitted statement o that actor approves and that wait
// for an approval: what actor's approval would give now (nil when nothing).
func (s *Service) Pending(o store.Outgoing, actor string) []string {
	if o.State != store.OutgoingSubmitted {
		return nil
	}
	var out []string
	for _, n := range o.From {
		done := slices.ContainsFunc(o.Approvals, func(a store.Approval) bool { return a.Speaker == n })
		if !done && s.Roles.CanApprove(actor, n) {
			out = append(out, n)
		}
	}
	return out
}

// MayReturn reports whether actor may send submitted statement o back: anyone who
// approves one of its speakers.
func (s *Service) MayReturn(o store.Outgoing, actor string) bool {
	if o.State != store.OutgoingSubmitted {
		return false
	}
	return slices.ContainsFunc(o.From, func(n string) bool { return s.Roles.CanApprove(actor, n) })
}

// Lists are the outgoing statements one person sees, newest change first: their own,
// those waiting for their approval, and (for liaison managers) every other.
type Lists struct {
	Mine, Waiting, Others []store.Outgoing
}

// maxListed bounds the statements one list page reads.
const maxListed = 500

// ListFor sorts the outgoing statements actor may see into Lists: every one waiting for
// actor's approval (oldest first), and of the others the maxListed changed last.
func (s *Service) ListFor(ctx context.Context, actor string) (Lists, error) {
	var l Lists
	waiting, err := s.DB.OutgoingByState(ctx, maxListed, store.OutgoingSubmitted)
	if err != nil {
		return Lists{}, err
	}
	pending := map[int64]bool{}
	for _, o := range waiting {
		if len(s.Pending(o, actor)) == 0 {
			continue
		}
		// The list has no approvals: read them, for the statements actor approves.
		if o, err = s.DB.GetOutgoing(ctx, o.ID); err != nil {
			return Lists{}, err
		}
		if len(s.Pending(o, actor)) > 0 {
			l.Waiting = append(l.Waiting, o)
			pending[o.ID] = true
		}
	}
	recent, err := s.DB.OutgoingNewest(ctx, maxListed)
	if err != nil {
		return Lists{}, err
	}
	for _, o := range recent {
		switch {
		case pending[o.ID]:
			// listed as waiting
		case strings.EqualFold(o.Author, actor):
			l.Mine = append(l.Mine, o)
		case s.MayView(o, actor):
			l.Others = append(l.Others, o)
		}
	}
	return l, nil
}

// ReplyForm is the form of an answer to posted incoming statement id: To the bodies of
// its From that the directory holds, the title "Re: " and its own, In Response To it.
// Where the answer goes is the answered statement's Send Reply To (see Recipients).
func (s *Service) ReplyForm(ctx context.Context, id int64) (Form, error) {
	st, err := s.DB.GetStatement(ctx, id)
	if errors.Is(err, store.ErrNotFound) || (err == nil && (st.State != store.StatementPosted || st.Direction == store.DirectionOutgoing)) {
		return Form{}, FieldErrors{"in_response_to": fmt.Sprintf("statement %d is not a posted incoming statement", id)}
	}
	if err != nil {
		return Form{}, err
	}
	f := Form{Purpose: PurposeResponse, InResponseTo: id, Title: st.Title}
	if !strings.HasPrefix(strings.ToLower(st.Title), "re:") {
		f.Title = "Re: " + st.Title
	}
	for _, n := range st.From {
		if b, err := s.Roles.Body(n); err == nil && !slices.Contains(f.To, b.Name) {
			f.To = append(f.To, b.Name)
		}
	}
	return f, nil
}

// keepFiles fills in the files of f that name a file of draft o by digest and carry no
// bytes: an edit keeps them without uploading them again. A file without bytes that is
// not one of o's is a field error.
func (s *Service) keepFiles(ctx context.Context, o store.Outgoing, f *Form) error {
	for i, file := range f.Files {
		if file.Data != nil {
			continue
		}
		j := slices.IndexFunc(o.Files, func(have store.OutgoingFile) bool { return have.SHA256 == file.SHA256 })
		if file.SHA256 == "" || j < 0 {
			return FieldErrors{"files": "a kept file is not one of this statement's files"}
		}
		data, err := s.DB.Blob(ctx, file.SHA256)
		if err != nil {
			return err
		}
		f.Files[i] = store.OutgoingFile{Filename: o.Files[j].Filename, ContentType: o.Files[j].ContentType, Data: data}
	}
	return nil
}
