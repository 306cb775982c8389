package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/liaisond/liaisond/store"
)

// itemForm is the edit form as the item page fills it for st, the way a browser
// submits it (every field, the checkboxes only when ticked).
func itemForm(t *testing.T, f *fixture, m manager, id int64) url.Values {
	t.Helper()
	page := f.get(fmt.Sprintf("/queue/%d", id), m.cookie)
	form := url.Values{}
	for _, name := range []string{"title", "from", "to", "purpose", "deadline", "from_contacts", "to_contacts",
		"send_to", "send_reply_to", "in_response_to", "other_identifiers", "route_to"} {
		form.Set(name, "")
	}
	if !strings.Contains(page.Body, `id="edit-form"`) {
		t.Fatal("no edit form on the item page")
	}
	form.Set("title", "Zanzibar secret LS")
	form.Set("from", "3GPP TSG SA WG2")
	form.Set("to", "IETF ZANZIBAR WG")
	form.Set("purpose", "information")
	form.Set("is_liaison", "true")
	return form
}

// TestApproveSavesEditedFields: Approve without Save posts the form's values, saving
// the changed fields in the same transaction, with an "edited" event naming them.
func TestApproveSavesEditedFields(t *testing.T) {
	f := newFixture(t, testConfig())
	_, queued, _ := f.standard()
	m := f.login("alice")
	item := fmt.Sprintf("/queue/%d", queued.ID)
	page := f.get(item, m.cookie)
	// The Approve button submits the edit form (no JavaScript needed).
	if !strings.Contains(page.Body, `form="edit-form" formaction="/queue/`+fmt.Sprint(queued.ID)+`/approve"`) {
		t.Fatal("the Approve button does not submit the edit form")
	}
	form := itemForm(t, f, m, queued.ID)
	form.Set("deadline", "2026-07-15")
	form.Set("title", "Zanzibar LS, corrected")
	if res := f.post(m, item+"/approve", form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("approve: %d %s", res.StatusCode, res.Body)
	}
	st, _ := f.db.GetStatement(context.Background(), queued.ID)
	if st.State != store.StatementPosted || st.Deadline != "2026-07-15" || st.Title != "Zanzibar LS, corrected" {
		t.Fatalf("approved %s with deadline %q title %q: the edits were lost", st.State, st.Deadline, st.Title)
	}
	evs, _ := f.db.Events(context.Background(), store.EventFilter{Message: queued.Message})
	var edited, approved *store.Event
	for i, e := range evs {
		switch e.Type {
		case "edited":
			edited = &evs[i]
		case "approved":
			approved = &evs[i]
		}
	}
	if edited == nil || approved == nil || !edited.Time.Equal(approved.Time) || edited.ID > approved.ID {
		t.Fatalf("want an edited event then approved, in one transaction: %+v %+v", edited, approved)
	}
	if fields := fmt.Sprint(edited.Detail["fields"]); fields != "[deadline title]" {
		t.Fatalf("edited fields %s", fields)
	}
	// A bad value refuses the approval and changes nothing.
	_, queued2, _ := f.standard()
	form = itemForm(t, f, m, queued2.ID)
	form.Set("deadline", "31/07/2026")
	if res := f.post(m, fmt.Sprintf("/queue/%d/approve", queued2.ID), form); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("approve with a bad deadline: %d", res.StatusCode)
	}
	if st, _ := f.db.GetStatement(context.Background(), queued2.ID); st.State != store.StatementQueued {
		t.Fatalf("approved despite a bad value: %s", st.State)
	}
}

// TestWithdrawnKeepsItsURL: rejecting asks for confirmation; a posted statement
// rejected later keeps its page and API answer, with the withdrawal notice and reason
// ("duplicate of #N"), without body or attachments, and leaves list, search and feed.
func TestWithdrawnKeepsItsURL(t *testing.T) {
	f := newFixture(t, testConfig())
	posted, _, _ := f.standard()
	other, _, _ := f.standard()
	m := f.login("alice")
	page := fmt.Sprintf("/s/%d", posted.ID)
	atts, _ := f.db.Attachments(context.Background(), posted.Message)
	attURL := fmt.Sprintf("/s/%d/a/%s/x", posted.ID, atts[0].SHA256)

	// Without the confirmation box, nothing happens.
	item := f.get(fmt.Sprintf("/queue/%d", posted.ID), m.cookie)
	if !strings.Contains(item.Body, `name="confirm" value="yes" required`) {
		t.Fatal("the reject form has no required confirmation")
	}
	if res := f.post(m, fmt.Sprintf("/queue/%d/reject", posted.ID), url.Values{"reason": {"oops"}}); res.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(res.Body, "confirm") {
		t.Fatalf("unconfirmed reject: %d", res.StatusCode)
	}
	if st, _ := f.db.GetStatement(context.Background(), posted.ID); st.State != store.StatementPosted {
		t.Fatal("rejected without confirmation")
	}
	if res := f.post(m, fmt.Sprintf("/queue/%d/reject", posted.ID), url.Values{"duplicate": {"99999"}, "confirm": {"yes"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("duplicate of a missing statement: %d", res.StatusCode)
	}
	if res := f.post(m, fmt.Sprintf("/queue/%d/reject", posted.ID), url.Values{"duplicate": {fmt.Sprintf("#%d", other.ID)},
		"confirm": {"yes"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("reject: %d %s", res.StatusCode, res.Body)
	}
	st, _ := f.db.GetStatement(context.Background(), posted.ID)
	if st.State != store.StatementRejected {
		t.Fatalf("state %s", st.State)
	}
	res := f.get(page)
	want := fmt.Sprintf("Withdrawn on %s</strong>: duplicate of #%d", st.UpdatedAt.UTC().Format("2006-01-02"), other.ID)
	if res.StatusCode != http.StatusOK || !strings.Contains(res.Body, want) || !strings.Contains(res.Body, posted.Title) ||
		!strings.Contains(res.Body, fmt.Sprintf(`href="/s/%d"`, other.ID)) {
		t.Fatalf("withdrawn page: %d, want %q\n%s", res.StatusCode, want, res.Body)
	}
	for _, hidden := range []string{"flexgrid", "SG15-LS45 draft.docx", atts[0].SHA256} {
		if strings.Contains(res.Body, hidden) {
			t.Errorf("withdrawn page shows %q", hidden)
		}
	}
	if res := f.get(attURL); res.StatusCode != http.StatusNotFound {
		t.Errorf("attachment of a withdrawn statement: %d", res.StatusCode)
	}
	api := f.get(fmt.Sprintf("/api/v1/statements/%d", posted.ID))
	var rec struct {
		ID        int64  `json:"id"`
		State     string `json:"state"`
		Title     string `json:"title"`
		Withdrawn struct {
			Reason      string `json:"reason"`
			DuplicateOf int64  `json:"duplicate_of"`
		} `json:"withdrawn"`
		Attachments []any `json:"attachments"`
	}
	if err := json.Unmarshal([]byte(api.Body), &rec); err != nil || api.StatusCode != http.StatusOK || rec.State != "rejected" ||
		rec.Withdrawn.DuplicateOf != other.ID || rec.Withdrawn.Reason != fmt.Sprintf("duplicate of #%d", other.ID) || rec.Attachments != nil {
		t.Fatalf("API of a withdrawn statement: %d %v\n%s", api.StatusCode, err, api.Body)
	}
	// Gone from the list, search and feeds (the other copy stays).
	for _, path := range []string{"/", "/search?q=flexgrid", "/feed.atom", "/api/v1/statements"} {
		body := f.get(path).Body
		if strings.Contains(body, page+`"`) || strings.Contains(body, fmt.Sprintf(`"id": %d,`, posted.ID)) {
			t.Errorf("%s still lists the withdrawn statement", path)
		}
	}
	// A statement never posted still answers 404 to the public.
	_, queued, _ := f.standard()
	f.post(m, fmt.Sprintf("/queue/%d/reject", queued.ID), url.Values{"confirm": {"yes"}})
	if res := f.get(fmt.Sprintf("/s/%d", queued.ID)); res.StatusCode != http.StatusNotFound {
		t.Errorf("a rejected, never posted statement: %d", res.StatusCode)
	}
	// Managers find both on the rejected list.
	list := f.get("/queue/rejected", m.cookie)
	for _, want := range []string{fmt.Sprintf("#%d", posted.ID), fmt.Sprintf("#%d", queued.ID), "withdrawn after it was posted", "Quokka spam"} {
		if !strings.Contains(list.Body, want) {
			t.Errorf("rejected list lacks %q", want)
		}
	}
	if strings.Contains(list.Body, fmt.Sprintf("#%d ·", other.ID)) {
		t.Error("the rejected list shows a posted statement")
	}
}

// TestItemSaysWhyFirst: the item page shows first why the statement waits (the unsure
// fields and what settles them), then the evidence for those fields, then the actions;
// evidence of an absent value reads "not found", never "found in not found".
func TestItemSaysWhyFirst(t *testing.T) {
	f := newFixture(t, testConfig())
	reason := "deadline unsure (0.55): found in body (prose): 'reply by 3 May' — confirm the date, or correct or clear it"
	st := f.seed(seedMail{Subject: "LS on timing", Text: "Please reply by 3 May.", State: store.StatementQueued,
		Reasons: []string{reason, "no known group"},
		Fields:  map[string]any{"title": "LS on timing", "deadline": "2026-05-03"},
		Evidence: map[string]any{
			"deadline":       map[string]any{"confidence": 0.55, "source": "body (prose)", "raw": "reply by 3 May"},
			"in_response_to": map[string]any{"confidence": 0.8, "source": "not found: nothing says it answers an earlier statement"},
		}})
	m := f.login("alice")
	page := f.get(fmt.Sprintf("/queue/%d", st.ID), m.cookie).Body
	why := strings.Index(page, "Why it is here")
	settle := strings.Index(page, `<a href="#e-deadline">Deadline</a> unsure</strong> (55%): confirm the date, or correct or clear it`)
	evidence := strings.Index(page, "found in body (prose): <q>reply by 3 May</q>")
	actions := strings.Index(page, "Approve: post")
	if why < 0 || settle < why || evidence < settle || actions < evidence {
		t.Fatalf("order: why %d, settle %d, evidence %d, actions %d\n%s", why, settle, evidence, actions, page)
	}
	if strings.Contains(page, "found in not") || !strings.Contains(page, "not found: nothing says it answers") {
		t.Error("absent evidence reads as a place")
	}
	if !strings.Contains(page, "<strong>no known group</strong>") {
		t.Error("other reasons not shown")
	}
	queue := f.get("/queue", m.cookie).Body
	if !strings.Contains(queue, "deadline unsure (0.55)") {
		t.Error("the queue does not say why")
	}
}

// TestBidiControlsCleanedOnEdit: a title a manager types with a bidi override is stored
// and shown without it.
func TestBidiControlsCleanedOnEdit(t *testing.T) {
	f := newFixture(t, testConfig())
	_, queued, _ := f.standard()
	m := f.login("alice")
	form := itemForm(t, f, m, queued.ID)
	form.Set("title", "LS on clocks\u202Efdp.exe")
	form.Set("from", "ITU-T\u2067 SG15")
	if res := f.post(m, fmt.Sprintf("/queue/%d/approve", queued.ID), form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("approve: %d", res.StatusCode)
	}
	st, _ := f.db.GetStatement(context.Background(), queued.ID)
	if st.Title != "LS on clocksfdp.exe" || strings.Contains(string(st.Fields), `\u202e`) || strings.ContainsAny(string(st.Fields), "\u202e\u2067") ||
		len(st.From) != 1 || st.From[0] != "ITU-T SG15" {
		t.Fatalf("stored title %q from %q fields %s", st.Title, st.From, st.Fields)
	}
	for _, path := range []string{fmt.Sprintf("/s/%d", queued.ID), "/feed.atom", fmt.Sprintf("/api/v1/statements/%d", queued.ID)} {
		if body := f.get(path).Body; strings.Contains(body, "\u202e") || strings.Contains(body, `\u202e`) || !strings.Contains(body, "LS on clocksfdp.exe") {
			t.Errorf("%s shows the override or not the title", path)
		}
	}
}
