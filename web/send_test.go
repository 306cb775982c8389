package web

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/directory"
	"github.com/liaisond/liaisond/internal/testutil"
	"github.com/liaisond/liaisond/outgoing"
	"github.com/liaisond/liaisond/store"
)

// Who is who in sendConfig's directory.
const (
	ccampChair = "ccamp-chair@example.org" // composes for CCAMP
	rtgAD      = "rtg-ad@example.org"      // approves for CCAMP (its area's director)
	opsAD      = "ops-ad@example.org"      // approves for OPSAWG only
)

// sendConfig is testConfig with the directory of outgoing statements: CCAMP in RTG with
// its chair, OPSAWG in OPS, ITU-T SG15 with a Send To and a liaison manager, MEF with
// contacts.
func sendConfig() config.Config {
	cfg := testConfig()
	cfg.Intake.Addresses = []string{"statements@example.org"}
	cfg.Routing.Central = "liaison-coordination@example.org"
	cfg.Groups[0].Area, cfg.Groups[0].Chairs, cfg.Groups[0].List = "RTG", []string{ccampChair}, "ccamp@example.org"
	cfg.Groups[1].Area, cfg.Groups[1].Chairs = "OPS", []string{"opsawg-chair@example.org"}
	cfg.Areas = []directory.Area{{Name: "RTG", Directors: []string{rtgAD}}, {Name: "OPS", Directors: []string{opsAD}}}
	cfg.SDOs = []directory.SDO{
		{Name: "ITU-T SG15", LiaisonManager: "itu-t-liaison@example.org", SendTo: "tsbsg15@itu.example"},
		{Name: "MEF", Contacts: []string{"mef-tc@mef.example"}},
	}
	return cfg
}

// incomingToAnswer is a posted statement from ITU-T SG15 that asks CCAMP for action.
var incomingToAnswer = seedMail{Subject: "LS on OTN path computation", Text: "Dear CCAMP,\n\nplease comment.", State: store.StatementPosted,
	Fields: map[string]any{"title": "LS on OTN path computation", "from": []string{"ITU-T SG15"}, "to": []string{"IETF CCAMP WG"},
		"purpose": "action", "deadline": "2099-06-30", "send_reply_to": "tsbsg15@itu.example"}}

// upload is one file of a multipart form.
type upload struct {
	name string
	data []byte
}

// postMultipart posts a compose form with its files as a browser does.
func (f *fixture) postMultipart(m manager, target string, form url.Values, files ...upload) response {
	f.t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	if form == nil {
		form = url.Values{}
	}
	if _, ok := form["csrf"]; !ok {
		form.Set("csrf", m.csrf)
	}
	for k, vs := range form {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	for _, u := range files {
		w, _ := mw.CreateFormFile("files", u.name)
		w.Write(u.data)
	}
	mw.Close()
	req := httptest.NewRequest(http.MethodPost, target, &b)
	req.RemoteAddr = "192.0.2.1:1234"
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.AddCookie(m.cookie)
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, req)
	return response{Response: rec.Result(), Body: rec.Body.String()}
}

// recordState is what a refusal must leave as it was: every outgoing statement and the
// number of events.
func recordState(t *testing.T, db *store.DB) string {
	t.Helper()
	all, err := db.OutgoingByState(context.Background(), 100, store.OutgoingDraft, store.OutgoingSubmitted, store.OutgoingReturned,
		store.OutgoingApproved, store.OutgoingSent)
	if err != nil {
		t.Fatal(err)
	}
	evs, err := db.Events(context.Background(), store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, o := range all {
		full, _ := db.GetOutgoing(context.Background(), o.ID)
		fmt.Fprintf(&b, "%d %s %q %v %d files %d approvals %q\n", o.ID, o.State, o.Title, o.Purpose, len(full.Files), len(full.Approvals), o.Comment)
	}
	fmt.Fprintf(&b, "%d events", len(evs))
	return b.String()
}

// TestSendWeb: a chair answers an incoming statement from the review page's Reply link;
// refused forms name their fields, keep what was typed and record nothing; a forged
// post, an oversized upload, an approval by someone who is not an approver and a second
// approval are refused and change nothing; the area director returns it, the chair edits
// it keeping its file, and the director approves it.
func TestSendWeb(t *testing.T) {
	f := newFixture(t, sendConfig())
	f.srv.out.Limits = outgoing.Limits{MaxFiles: 2, MaxFileBytes: 4 << 10, MaxBodyBytes: 8 << 10}
	in := f.seed(incomingToAnswer)
	chair, ad, other, nobody := f.login(ccampChair), f.login(rtgAD), f.login(opsAD), f.login("nobody@example.org")
	docx, err := os.ReadFile(filepath.Join(testutil.ModuleRoot(t), "convert", "testdata", "ls-sample.docx"))
	if err != nil {
		t.Fatal(err)
	}
	small := docx[:min(len(docx), 3000)]

	// The Reply link leads to a form with To, title and In Response To filled in.
	if page := f.get(fmt.Sprintf("/queue/%d", in.ID), chair.cookie); !strings.Contains(page.Body, fmt.Sprintf(`href="/send/new?reply=%d"`, in.ID)) {
		t.Fatalf("no Reply link on the review page")
	}
	if page := f.get(fmt.Sprintf("/s/%d", in.ID), chair.cookie); !strings.Contains(page.Body, "/send/new?reply=") {
		t.Errorf("no Reply link on the public page for a chair")
	}
	if page := f.get(fmt.Sprintf("/s/%d", in.ID)); strings.Contains(page.Body, "/send/new?reply=") {
		t.Errorf("a Reply link for the public")
	}
	form := f.get(fmt.Sprintf("/send/new?reply=%d", in.ID), chair.cookie)
	for _, want := range []string{`name="to" value="ITU-T SG15" checked`, `value="Re: LS on OTN path computation"`,
		fmt.Sprintf(`name="in_response_to" value="%d"`, in.ID), `name="from" value="CCAMP" checked`, `value="response" checked`} {
		if !strings.Contains(form.Body, want) {
			t.Errorf("reply form lacks %s", want)
		}
	}
	if res := f.get("/send/new?reply=999", chair.cookie); res.StatusCode != http.StatusNotFound {
		t.Errorf("reply to a missing statement: %d", res.StatusCode)
	}
	if res := f.get("/send/new", other.cookie); !strings.Contains(res.Body, `value="OPSAWG"`) || strings.Contains(res.Body, `value="CCAMP"`) {
		t.Errorf("the OPS AD's form offers the wrong groups")
	}

	good := url.Values{"from": {"CCAMP"}, "to": {"ITU-T SG15"}, "purpose": {"action"}, "deadline": {"2099-03-31"},
		"title": {"Re: LS on OTN path computation"}, "body": {"CCAMP thanks ITU-T SG15 and asks for comments."},
		"in_response_to": {fmt.Sprint(in.ID)}, "do": {"submit"}}
	// with is the good form with some fields changed (name, value pairs).
	with := func(kv ...string) url.Values {
		out := url.Values{}
		for key, vs := range good {
			out[key] = append([]string(nil), vs...)
		}
		for i := 0; i+1 < len(kv); i += 2 {
			out.Set(kv[i], kv[i+1])
		}
		return out
	}
	before := recordState(t, f.db)

	// Refused forms: 422, the field named next to it, what was typed kept, nothing recorded.
	for _, tc := range []struct {
		name   string
		as     manager
		form   url.Values
		files  []upload
		fields []string
		kept   string
	}{
		{"action without a deadline", chair, with("deadline", ""), nil, []string{"deadline"}, "CCAMP thanks ITU-T SG15"},
		{"no title, no body, no purpose", chair, with("body", " ", "title", "", "purpose", ""), nil, []string{"title", "body", "purpose"}, "2099-03-31"},
		{"a group the author does not chair", other, with("from", "CCAMP"), nil, []string{"from"}, "Re: LS on OTN path computation"},
		{"a cc outside the directory", chair, with("cc", "friend@gmail.example"), nil, []string{"cc"}, "friend@gmail.example"},
		{"a file over the limit", chair, good, []upload{{"big.docx", bytes.Repeat([]byte("x"), 5<<10)}}, []string{"files"}, "Choose these files again: big.docx"},
		{"too many files", chair, good, []upload{{"a.txt", []byte("a")}, {"b.txt", []byte("b")}, {"c.txt", []byte("c")}}, []string{"files"}, "CCAMP thanks"},
		{"a body not in the directory", chair, with("to", "Mars Forum"), nil, []string{"to"}, "CCAMP thanks"},
	} {
		res := f.postMultipart(tc.as, "/send/new", tc.form, tc.files...)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("%s: %d, want 422", tc.name, res.StatusCode)
			continue
		}
		for _, field := range tc.fields {
			if !strings.Contains(res.Body, `id="err-`+field+`"`) {
				t.Errorf("%s: field %s not named", tc.name, field)
			}
		}
		if !strings.Contains(res.Body, tc.kept) {
			t.Errorf("%s: the typed %q is lost", tc.name, tc.kept)
		}
	}
	// A forged post (wrong token, or from another site), a body over the whole form's
	// limit, and a post without login.
	if res := f.postMultipart(chair, "/send/new", with("csrf", "forged")); res.StatusCode != http.StatusForbidden {
		t.Errorf("forged token: %d", res.StatusCode)
	}
	if res := f.postMultipart(chair, "/send/new", good, upload{"a.bin", bytes.Repeat([]byte("x"), 2<<20)}); res.StatusCode != http.StatusRequestEntityTooLarge ||
		!strings.Contains(res.Body, "nothing was recorded") {
		t.Errorf("oversized form: %d %s", res.StatusCode, res.Body)
	}
	if res := f.postMultipart(manager{cookie: &http.Cookie{Name: "x", Value: "y"}}, "/send/new", good); res.StatusCode != http.StatusForbidden {
		t.Errorf("without login: %d", res.StatusCode)
	}
	if after := recordState(t, f.db); after != before {
		t.Fatalf("a refused form changed the record:\n%s\nwas\n%s", after, before)
	}

	// The chair saves and submits it with the DOCX.
	res := f.postMultipart(chair, "/send/new", good, upload{"ls-sample.docx", small})
	if res.StatusCode != http.StatusSeeOther || !strings.HasSuffix(res.Header.Get("Location"), "?done=submitted") {
		t.Fatalf("submit: %d %s %s", res.StatusCode, res.Header.Get("Location"), res.Body)
	}
	o, err := f.db.GetOutgoing(t.Context(), 1)
	if err != nil || o.State != store.OutgoingSubmitted || len(o.Files) != 1 || o.InResponseTo != in.ID ||
		o.Files[0].ContentType != "application/vnd.openxmlformats-officedocument.wordprocessingml.document" {
		t.Fatalf("after submit: %+v %v", o, err)
	}
	if mails, _ := f.db.OutboxItems(t.Context(), store.OutboxFilter{Outgoing: 1}); len(mails) != 1 || mails[0].Destination != rtgAD ||
		mails[0].Kind != store.OutboxApproval {
		t.Errorf("approval mails planned: %+v, want one to %s", mails, rtgAD)
	}
	if page := f.get("/ops/outbox", ad.cookie); !strings.Contains(page.Body, `<a href="/send/1">outgoing 1</a>`) {
		t.Errorf("the outbox page does not link the approval mail to its statement")
	}
	item := "/send/1"
	// Who sees it: the author and its approver; the OPS AD does not.
	if page := f.get(item, chair.cookie); !strings.Contains(page.Body, `class="tag out-submitted"`) || strings.Contains(page.Body, "/approve") {
		t.Errorf("the author's page: %d", page.StatusCode)
	}
	if page := f.get(item, ad.cookie); !strings.Contains(page.Body, `action="/send/1/approve"`) || !strings.Contains(page.Body, "ls-sample.docx") {
		t.Errorf("the approver's page lacks the approval or the file")
	}
	if page := f.get("/send", ad.cookie); !strings.Contains(page.Body, "Re: LS on OTN path computation") {
		t.Errorf("/send does not list what waits for the AD")
	}
	if res := f.get(item, other.cookie); res.StatusCode != http.StatusNotFound {
		t.Errorf("another AD sees it: %d", res.StatusCode)
	}
	if res := f.get(item+"/file/0", ad.cookie); res.StatusCode != http.StatusOK || res.Body != string(small) {
		t.Errorf("file download: %d", res.StatusCode)
	}

	// Refused steps change nothing: an approval by the author or another AD, an edit or
	// a return of a submitted statement by the wrong person, a return without a comment.
	before = recordState(t, f.db)
	for _, tc := range []struct {
		name   string
		as     manager
		path   string
		form   url.Values
		status int
	}{
		{"approval by the chair", chair, item + "/approve", nil, http.StatusForbidden},
		{"approval by another AD", other, item + "/approve", nil, http.StatusForbidden},
		{"approval by someone outside the directory", nobody, item + "/approve", nil, http.StatusForbidden},
		{"return by the chair", chair, item + "/return", url.Values{"comment": {"x"}}, http.StatusForbidden},
		{"return without a comment", ad, item + "/return", url.Values{"comment": {" "}}, http.StatusUnprocessableEntity},
		{"a forged approval", ad, item + "/approve", url.Values{"csrf": {"forged"}}, http.StatusForbidden},
		{"submit again", chair, item + "/submit", nil, http.StatusConflict},
		{"unknown action", ad, item + "/publish", nil, http.StatusNotFound},
	} {
		var res response
		if tc.form != nil && tc.form.Get("csrf") != "" {
			res = f.do(http.MethodPost, tc.path, tc.form, tc.as.cookie)
		} else {
			res = f.post(tc.as, tc.path, tc.form)
		}
		if res.StatusCode != tc.status {
			t.Errorf("%s: %d, want %d", tc.name, res.StatusCode, tc.status)
		}
	}
	if res := f.postMultipart(chair, item+"/edit", good); res.StatusCode != http.StatusConflict {
		t.Errorf("edit while submitted: %d", res.StatusCode)
	}
	if after := recordState(t, f.db); after != before {
		t.Fatalf("a refused step changed the record:\n%s\nwas\n%s", after, before)
	}

	// Returned with a comment; the chair edits the text, keeping the file, and submits.
	if res := f.post(ad, item+"/return", url.Values{"comment": {"Ask for comments by March."}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("return: %d %s", res.StatusCode, res.Body)
	}
	page := f.get(item, chair.cookie)
	if !strings.Contains(page.Body, "Ask for comments by March.") || !strings.Contains(page.Body, `name="keep" value="`+o.Files[0].SHA256+`" checked`) {
		t.Fatalf("the returned statement's page lacks the comment or the kept file")
	}
	bogus := with("keep", strings.Repeat("0", 64))
	if res := f.postMultipart(chair, item+"/edit", bogus); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Body, `id="err-files"`) {
		t.Errorf("keeping a file that is not the draft's: %d", res.StatusCode)
	}
	edit := with("body", "CCAMP asks for comments by March.")
	edit.Set("keep", o.Files[0].SHA256)
	edit.Set("do", "save")
	if res := f.postMultipart(chair, item+"/edit", edit); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("edit: %d %s", res.StatusCode, res.Body)
	}
	if res := f.post(chair, item+"/submit", nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("submit: %d", res.StatusCode)
	}
	if o, _ = f.db.GetOutgoing(t.Context(), 1); o.State != store.OutgoingSubmitted || len(o.Files) != 1 || o.Body != "CCAMP asks for comments by March." {
		t.Fatalf("after the edit: %s %d files %q", o.State, len(o.Files), o.Body)
	}

	// Approved by the AD; a second approval is refused.
	if res := f.post(ad, item+"/approve", nil); res.StatusCode != http.StatusSeeOther || !strings.HasSuffix(res.Header.Get("Location"), "done=approved") {
		t.Fatalf("approve: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	before = recordState(t, f.db)
	if res := f.post(ad, item+"/approve", nil); res.StatusCode != http.StatusConflict || !strings.Contains(res.Body, "Nothing changed") {
		t.Errorf("second approval: %d", res.StatusCode)
	}
	if after := recordState(t, f.db); after != before {
		t.Fatalf("a second approval changed the record")
	}
	if o, _ = f.db.GetOutgoing(t.Context(), 1); o.State != store.OutgoingApproved || len(o.Approvals) != 1 || o.Approvals[0].Approver != rtgAD {
		t.Fatalf("after approval: %s %+v", o.State, o.Approvals)
	}
	if page := f.get(item, chair.cookie); !strings.Contains(page.Body, "Returned to its author <span class=\"actor\">by "+rtgAD) ||
		!strings.Contains(page.Body, "Approved <span class=\"actor\">by "+rtgAD) {
		t.Errorf("the page's history lacks the steps and who did them")
	}
	evs, _ := f.db.Events(t.Context(), store.EventFilter{})
	var steps []string
	for _, e := range evs {
		if strings.HasPrefix(e.Type, "outgoing_") {
			steps = append(steps, e.Type+" by "+e.Actor)
		}
	}
	want := []string{"outgoing_created by " + ccampChair, "outgoing_submitted by " + ccampChair, "outgoing_returned by " + rtgAD,
		"outgoing_edited by " + ccampChair, "outgoing_submitted by " + ccampChair, "outgoing_approval by " + rtgAD, "outgoing_approved by " + rtgAD}
	if strings.Join(steps, "\n") != strings.Join(want, "\n") {
		t.Errorf("the record log:\n%s\nwant\n%s", strings.Join(steps, "\n"), strings.Join(want, "\n"))
	}
}
