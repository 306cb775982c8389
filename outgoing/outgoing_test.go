package outgoing

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/directory"
	"github.com/liaisond/liaisond/internal/teststore"
	"github.com/liaisond/liaisond/store"
)

func newService(t *testing.T) *Service {
	t.Helper()
	db := teststore.Open(t, store.Options{})
	cfg := config.Default()
	cfg.Areas = []directory.Area{{Name: "RTG", Directors: []string{"rtg-ad@example.org"}}, {Name: "OPS", Directors: []string{"ops-ad@example.org"}}}
	cfg.Groups = []directory.Group{{Name: "CCAMP", Area: "RTG", Chairs: []string{"ccamp-chair@example.org"}},
		{Name: "OPSAWG", Area: "OPS", Chairs: []string{"ccamp-chair@example.org"}}}
	cfg.Roles = directory.Officers{IETFChair: "chair@example.org", IABChair: "iab-chair@example.org"}
	cfg.SDOs = []directory.SDO{{Name: "ITU-T SG15", SendTo: "tsbsg15@itu.example"}, {Name: "Silent Forum"}}
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	return &Service{DB: db, Roles: directory.New(cfg.Directory), Limits: Limits{MaxFiles: 2, MaxFileBytes: 10, MaxBodyBytes: 100},
		Now: func() time.Time { return now }}
}

func form() Form {
	return Form{From: []string{"CCAMP"}, To: []string{"ITU-T SG15"}, Purpose: PurposeAction, Deadline: "2027-01-31",
		Title: "LS on OTN", Body: "Text."}
}

// TestCheck: each refusal names its field; nothing is recorded.
func TestCheck(t *testing.T) {
	s := newService(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		edit  func(*Form)
		as    string
		field string
	}{
		{"a group the author does not chair", func(f *Form) { f.From = []string{"RTG"} }, "ccamp-chair@example.org", "from"},
		{"no group", func(f *Form) { f.From = nil }, "ccamp-chair@example.org", "from"},
		{"no body", func(f *Form) { f.To = nil }, "ccamp-chair@example.org", "to"},
		{"a body without address", func(f *Form) { f.To = []string{"Silent Forum"} }, "ccamp-chair@example.org", "to"},
		{"an unknown purpose", func(f *Form) { f.Purpose = "comment" }, "ccamp-chair@example.org", "purpose"},
		{"action without deadline", func(f *Form) { f.Deadline = "" }, "ccamp-chair@example.org", "deadline"},
		{"a deadline in the past", func(f *Form) { f.Deadline = "2026-12-01" }, "ccamp-chair@example.org", "deadline"},
		{"a malformed deadline", func(f *Form) { f.Deadline = "31/01/2027" }, "ccamp-chair@example.org", "deadline"},
		{"a response answering nothing", func(f *Form) { f.Purpose = PurposeResponse }, "ccamp-chair@example.org", "in_response_to"},
		{"answering a statement that does not exist", func(f *Form) { f.InResponseTo = 99 }, "ccamp-chair@example.org", "in_response_to"},
		{"no title", func(f *Form) { f.Title = " " }, "ccamp-chair@example.org", "title"},
		{"a title on two lines", func(f *Form) { f.Title = "a\nb" }, "ccamp-chair@example.org", "title"},
		{"no text", func(f *Form) { f.Body = "" }, "ccamp-chair@example.org", "body"},
		{"text over the limit", func(f *Form) { f.Body = strings.Repeat("x", 101) }, "ccamp-chair@example.org", "body"},
		{"a file over the limit", func(f *Form) { f.Files = []store.OutgoingFile{{Filename: "a.docx", Data: make([]byte, 11)}} }, "ccamp-chair@example.org", "files"},
		{"too many files", func(f *Form) {
			f.Files = []store.OutgoingFile{{Filename: "a", Data: []byte("1")}, {Filename: "b", Data: []byte("2")}, {Filename: "c", Data: []byte("3")}}
		}, "ccamp-chair@example.org", "files"},
		{"a cc outside the directory", func(f *Form) { f.Cc = []string{"friend@gmail.example"} }, "ccamp-chair@example.org", "cc"},
	} {
		f := form()
		tc.edit(&f)
		_, err := s.Save(ctx, 0, tc.as, f)
		var fe FieldErrors
		if !errors.As(err, &fe) || fe[tc.field] == "" {
			t.Errorf("%s: %v, want a message for %q", tc.name, err, tc.field)
		}
	}
	if o, err := s.DB.OutgoingByState(ctx, 10, store.OutgoingDraft); err != nil || len(o) != 0 {
		t.Errorf("refused forms recorded %d drafts (%v)", len(o), err)
	}
	if _, err := s.Save(ctx, 0, "ccamp-chair@example.org", form()); err != nil {
		t.Errorf("a good form: %v", err)
	}
}

// TestApprovalFlow: a statement from two groups of two areas needs an approval for each;
// the author cannot approve, a second approval is refused, a returned statement starts
// its approvals again, and only its author edits it.
func TestApprovalFlow(t *testing.T) {
	s := newService(t)
	ctx := context.Background()
	f := form()
	f.From = []string{"CCAMP", "OPSAWG"}
	id, err := s.Save(ctx, 0, "ccamp-chair@example.org", f)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Approve(ctx, id, "rtg-ad@example.org"); !errors.Is(err, store.ErrState) {
		t.Errorf("approving a draft: %v", err)
	}
	approvers, err := s.Submit(ctx, id, "ccamp-chair@example.org")
	if err != nil || strings.Join(approvers, ",") != "rtg-ad@example.org,ops-ad@example.org" {
		t.Fatalf("submit: %v %v", approvers, err)
	}
	if _, err := s.Approve(ctx, id, "ccamp-chair@example.org"); !errors.Is(err, ErrForbidden) {
		t.Errorf("the chair approved: %v", err)
	}
	if done, err := s.Approve(ctx, id, "RTG-AD@example.org"); err != nil || done {
		t.Errorf("first approval: %v %v, want recorded and waiting", done, err)
	}
	if _, err := s.Approve(ctx, id, "rtg-ad@example.org"); !errors.Is(err, store.ErrState) {
		t.Errorf("a second approval by the same AD: %v", err)
	}
	if err := s.Return(ctx, id, "ops-ad@example.org", ""); err == nil {
		t.Error("returned without a comment")
	}
	if err := s.Return(ctx, id, "ops-ad@example.org", "Say which draft."); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Save(ctx, id, "rtg-ad@example.org", f); !errors.Is(err, ErrForbidden) && err == nil {
		t.Errorf("someone else edited the draft")
	}
	if _, err := s.Save(ctx, id, "ccamp-chair@example.org", f); err != nil {
		t.Fatalf("edit after return: %v", err)
	}
	if _, err := s.Submit(ctx, id, "ccamp-chair@example.org"); err != nil {
		t.Fatal(err)
	}
	for i, who := range []string{"ops-ad@example.org", "rtg-ad@example.org"} {
		done, err := s.Approve(ctx, id, who)
		if err != nil || done != (i == 1) {
			t.Fatalf("approval %d by %s: %v %v", i+1, who, done, err)
		}
	}
	o, _ := s.DB.GetOutgoing(ctx, id)
	if o.State != store.OutgoingApproved || len(o.Approvals) != 2 || o.ApprovedAt.IsZero() {
		t.Errorf("after both approvals: %s %v", o.State, o.Approvals)
	}
	if _, err := s.Approve(ctx, id, "rtg-ad@example.org"); !errors.Is(err, store.ErrState) {
		t.Errorf("approving an approved statement: %v", err)
	}
}

// TestOwnApproval: the IETF Chair may approve a statement of the IETF they wrote.
func TestOwnApproval(t *testing.T) {
	s := newService(t)
	ctx := context.Background()
	f := form()
	f.From = []string{"IETF"}
	id, err := s.Save(ctx, 0, "chair@example.org", f)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Submit(ctx, id, "chair@example.org"); err != nil {
		t.Fatal(err)
	}
	if done, err := s.Approve(ctx, id, "chair@example.org"); err != nil || !done {
		t.Errorf("own approval: %v %v", done, err)
	}
}

func TestOrigin(t *testing.T) {
	for _, tc := range []struct {
		origin string
		id     int64
		ok     bool
	}{{Origin(7), 7, true}, {"outgoing:0", 0, false}, {"outgoing:07", 0, false}, {"outgoing:7x", 0, false}, {"file:x", 0, false}} {
		if id, ok := FromOrigin(tc.origin); id != tc.id || ok != tc.ok {
			t.Errorf("FromOrigin(%q) = %d %v", tc.origin, id, ok)
		}
	}
}
