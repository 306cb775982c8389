package web

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/liaisond/liaisond/store"
)

func TestLogin(t *testing.T) {
	f := newFixture(t, testConfig())
	// Manager pages send the public to the login page; their forms refuse.
	for _, path := range []string{"/queue", "/queue/1", "/queue/1/mail.html?part=1", "/queue/1/raw", "/ops/log", "/ops/log/stream", "/ops/failed"} {
		res := f.get(path)
		if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login?next=") {
			t.Errorf("%s: %d %s", path, res.StatusCode, res.Header.Get("Location"))
		}
	}
	for _, path := range []string{"/queue/1/approve", "/ops/failed/1/retry", "/logout"} {
		if res := f.do(http.MethodPost, path, url.Values{}); res.StatusCode != http.StatusForbidden {
			t.Errorf("POST %s: %d", path, res.StatusCode)
		}
	}
	m := f.login("alice")
	c := m.cookie
	if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Secure || c.Name != sessionCookie {
		t.Fatalf("session cookie %+v", c)
	}
	if res := f.get("/queue", c); res.StatusCode != http.StatusOK || !strings.Contains(res.Body, "Log out alice") {
		t.Fatalf("queue after login: %d", res.StatusCode)
	}
	// A login form without its token cookie is refused.
	form := f.get("/login")
	if res := f.do(http.MethodPost, "/login", url.Values{"name": {"alice"}, "password": {"correct horse battery"},
		"csrf": {csrfIn(t, form.Body)}}); res.StatusCode != http.StatusForbidden {
		t.Fatalf("login without token cookie: %d", res.StatusCode)
	}
	// A redirect after login stays on this site.
	for next, want := range map[string]string{"/queue/3": "/queue/3", "//evil.example/": "/queue", "https://evil.example": "/queue", "/\\evil": "/queue"} {
		if got := safeNext(next); got != want {
			t.Errorf("safeNext(%q) = %q", next, got)
		}
	}
	// Logout ends the session on the server, not just in the browser.
	if res := f.post(m, "/logout", nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("logout: %d", res.StatusCode)
	}
	if res := f.get("/queue", c); res.StatusCode != http.StatusSeeOther {
		t.Fatal("session still valid after logout")
	}
}

func TestLoginRateLimit(t *testing.T) {
	f := newFixture(t, testConfig()) // 3 failures per name, 10 per address
	f.login("bob")
	for i := range 3 {
		if res := f.tryLogin("bob", "wrong password"); res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("failure %d: %d", i, res.StatusCode)
		}
	}
	// Now even the right password is not checked for this name.
	if res := f.tryLogin("bob", "correct horse battery"); res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("after 3 failures: %d", res.StatusCode)
	}
	// Per address: many names from one address.
	for i := range 7 {
		f.tryLogin(fmt.Sprintf("guess%d", i), "x")
	}
	if res := f.tryLogin("someone", "x"); res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("address limit: %d", res.StatusCode)
	}
	// The window passes.
	f.srv.limiter.now = func() time.Time { return time.Now().Add(time.Hour) }
	if res := f.tryLogin("bob", "correct horse battery"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("after the window: %d", res.StatusCode)
	}
}

func TestSecureCookies(t *testing.T) {
	cfg := testConfig()
	cfg.Web.PublicURL = "https://liaisond.example"
	f := newFixture(t, cfg)
	f.db.AddUser(t.Context(), "carol", "correct horse battery", "test")
	res := f.tryLogin("carol", "correct horse battery")
	c := cookieNamed(res.Response, sessionCookie)
	if c == nil || !c.Secure || !c.HttpOnly || c.Name != "__Host-"+sessionCookie || c.Path != "/" {
		t.Fatalf("cookie %+v", c)
	}
}

func TestCSRF(t *testing.T) {
	f := newFixture(t, testConfig())
	_, queued, _ := f.standard()
	m := f.login("alice")
	path := fmt.Sprintf("/queue/%d/approve", queued.ID)
	for name, form := range map[string]url.Values{"no token": {}, "wrong token": {"csrf": {"x" + m.csrf}}} {
		if res := f.do(http.MethodPost, path, form, m.cookie); res.StatusCode != http.StatusForbidden {
			t.Errorf("%s: %d", name, res.StatusCode)
		}
	}
	// A cross-site form carrying a stolen token is refused on its origin.
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(url.Values{"csrf": {m.csrf}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://evil.example")
	req.AddCookie(m.cookie)
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden {
		t.Fatalf("cross-origin: %d", rec.Code)
	}
	if st, _ := f.db.GetStatement(t.Context(), queued.ID); st.State != store.StatementQueued {
		t.Fatal("a refused form changed the statement")
	}
}

func TestQueueAndItem(t *testing.T) {
	f := newFixture(t, testConfig())
	posted, queued, _ := f.standard()
	// A failed message without a statement is in the queue too.
	ctx := context.Background()
	job, ok, err := f.db.ClaimJob(ctx, func(int) time.Duration { return 0 })
	if err != nil || !ok {
		t.Fatal("no job", err)
	}
	f.db.FailJob(ctx, job, fmt.Errorf("parse: broken MIME"), true)
	m := f.login("alice")
	res := f.get("/queue", m.cookie)
	for _, want := range []string{"Zanzibar secret LS", "low confidence (0.62)", "no known group", "failed stage: parse: broken MIME"} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("queue lacks %q", want)
		}
	}
	if strings.Contains(res.Body, posted.Title) {
		t.Error("a posted statement is in the queue")
	}
	res = f.get(fmt.Sprintf("/queue/%d", queued.ID), m.cookie)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("item: %d", res.StatusCode)
	}
	for _, want := range []string{"Approve: post with the fields below and distribute", "Reject: not a statement", "Re-run extraction",
		"Reroute", `value="CCAMP"`, `name="title" value="Zanzibar secret LS"`, "40%", "found in header Subject",
		"Body with the word zanzibar.", "Message source", "queued-zanzibar.txt", "Download the message"} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("item page lacks %q", want)
		}
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-src 'self'") || strings.Contains(csp, "script-src") {
		t.Errorf("item CSP %q", csp)
	}
	// Managers may fetch the files of an unposted statement.
	atts, _ := f.db.Attachments(ctx, queued.Message)
	if res := f.get(fmt.Sprintf("/s/%d/a/%s/f", queued.ID, atts[0].SHA256), m.cookie); res.StatusCode != http.StatusOK ||
		res.Header.Get("Cache-Control") != "private, no-store" {
		t.Fatalf("manager attachment: %d %v", res.StatusCode, res.Header)
	}
	if res := f.get(fmt.Sprintf("/queue/%d/raw", queued.ID), m.cookie); !strings.Contains(res.Body, "Subject: Zanzibar secret LS") ||
		res.Header.Get("Content-Type") != "message/rfc822" {
		t.Fatalf("raw: %v", res.Header)
	}
	if res := f.get("/queue/99999", m.cookie); res.StatusCode != http.StatusNotFound {
		t.Fatalf("missing item: %d", res.StatusCode)
	}
}

// TestReviewActions: edit, approve (then public), action taken, rerun, reject, reroute —
// each an event with the manager's name.
func TestReviewActions(t *testing.T) {
	f := newFixture(t, testConfig())
	posted, queued, rejected := f.standard()
	ctx := context.Background()
	m := f.login("alice")
	item := fmt.Sprintf("/queue/%d", queued.ID)

	form := url.Values{}
	for _, name := range []string{"title", "from", "to", "purpose", "deadline", "from_contacts", "to_contacts",
		"send_to", "send_reply_to", "in_response_to", "other_identifiers", "route_to"} {
		form.Set(name, "")
	}
	form.Set("title", "LS on packet clocks")
	form.Set("from", "3GPP TSG SA WG2")
	form.Set("to", "IETF CCAMP WG\r\nIETF OPSAWG WG")
	form.Set("purpose", "action")
	form.Set("deadline", "2026-06-30")
	form.Set("route_to", "ccamp")
	form.Set("is_liaison", "true")
	if res := f.post(m, item+"/edit", form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("edit: %d %s", res.StatusCode, res.Body)
	}
	st, _ := f.db.GetStatement(ctx, queued.ID)
	if st.Title != "LS on packet clocks" || st.Deadline != "2026-06-30" || len(st.To) != 2 || st.Purpose != "action" {
		t.Fatalf("after edit %+v", st.StatementRecord)
	}
	// Bad values are refused with the reason, nothing changes.
	bad := url.Values{"deadline": {"31/06/2026"}, "title": {"LS on packet clocks"}, "is_liaison": {"true"}}
	if res := f.post(m, item+"/edit", bad); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Body, "want YYYY-MM-DD") {
		t.Fatalf("bad deadline: %d", res.StatusCode)
	}
	if res := f.post(m, item+"/reroute", url.Values{"group": {"NOSUCH"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("reroute to unknown group: %d", res.StatusCode)
	}

	if res := f.post(m, item+"/approve", nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("approve: %d %s", res.StatusCode, res.Body)
	}
	if res := f.post(m, item+"/approve", nil); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("second approve: %d", res.StatusCode)
	}
	// Approved: on the public list, page, feed and API.
	for _, path := range []string{"/", fmt.Sprintf("/s/%d", queued.ID), "/feed.atom", "/api/v1/statements", "/search?q=clocks"} {
		if res := f.get(path); !strings.Contains(res.Body, "LS on packet clocks") {
			t.Errorf("%s: approved statement missing", path)
		}
	}
	if res := f.post(m, item+"/action-taken", nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("action taken: %d", res.StatusCode)
	}
	if res := f.post(m, item+"/rerun", nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("rerun: %d", res.StatusCode)
	}
	if res := f.post(m, fmt.Sprintf("/queue/%d/reject", posted.ID), url.Values{"reason": {"duplicate"}, "confirm": {"yes"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("reject: %d", res.StatusCode)
	}
	if res := f.get(fmt.Sprintf("/s/%d", posted.ID)); strings.Contains(res.Body, "flexgrid") || !strings.Contains(res.Body, "Withdrawn on") {
		t.Fatal("a rejected statement is still public")
	}
	// Reroute (the misdirected workflow) posts to directory groups.
	if res := f.post(m, fmt.Sprintf("/queue/%d/reroute", rejected.ID), url.Values{"group": {"OPSAWG"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("reroute: %d %s", res.StatusCode, res.Body)
	}
	st, _ = f.db.GetStatement(ctx, rejected.ID)
	if st.State != store.StatementPosted || !strings.Contains(string(st.Fields), `"route_to":["OPSAWG"]`) {
		t.Fatalf("after reroute %s %s", st.State, st.Fields)
	}
	if res := f.post(m, item+"/frobnicate", nil); res.StatusCode != http.StatusNotFound {
		t.Fatalf("unknown action: %d", res.StatusCode)
	}

	evs, _ := f.db.Events(ctx, store.EventFilter{})
	byType := map[string]string{}
	for _, e := range evs {
		if e.Actor != "" {
			byType[e.Type] = e.Actor
		}
	}
	for _, typ := range []string{"edited", "approved", "action_taken", "requeued", "rejected"} {
		if byType[typ] != "alice" {
			t.Errorf("no %q event by alice (events: %v)", typ, byType)
		}
	}
}

// TestMailHTMLSanitised: the HTML part is served sanitised, with a CSP that forbids
// everything and sandboxes the document.
func TestMailHTMLSanitised(t *testing.T) {
	f := newFixture(t, testConfig())
	st := f.seed(seedMail{Subject: "HTML LS", Text: "plain", State: store.StatementQueued, HTML: hostileHTML,
		Fields: map[string]any{"title": "HTML LS"}})
	m := f.login("alice")
	page := f.get(fmt.Sprintf("/queue/%d", st.ID), m.cookie)
	if !strings.Contains(page.Body, `<iframe class="mailhtml" sandbox src="/queue/`) {
		t.Fatalf("no sandboxed frame on the item page")
	}
	res := f.get(fmt.Sprintf("/queue/%d/mail.html?part=1", st.ID), m.cookie)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("mail.html: %d", res.StatusCode)
	}
	low := strings.ToLower(res.Body)
	for _, bad := range []string{"<script", "onload", "onerror", "javascript:", "<svg", "<iframe", "<form", "http-equiv"} {
		if strings.Contains(low, bad) {
			t.Errorf("sanitised HTML still has %q:\n%s", bad, res.Body)
		}
	}
	if !strings.Contains(res.Body, "Dear colleagues") {
		t.Error("the sanitised HTML lost the text")
	}
	csp := res.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "sandbox") || res.Header.Get("X-Frame-Options") != "SAMEORIGIN" {
		t.Fatalf("mail.html headers %v", res.Header)
	}
	for _, part := range []string{"0", "9", "x", "-1"} {
		if res := f.get(fmt.Sprintf("/queue/%d/mail.html?part=%s", st.ID, part), m.cookie); res.StatusCode != http.StatusNotFound {
			t.Errorf("part %s: %d", part, res.StatusCode)
		}
	}
}

// hostileHTML tries every way we know to run script or call out.
const hostileHTML = `<html><head><script>fetch('/pwned?via=script')</script>
<meta http-equiv="refresh" content="0;url=/pwned?via=refresh"></head>
<body onload="fetch('/pwned?via=onload')"><p>Dear colleagues, see the LS.</p>
<svg onload="fetch('/pwned?via=svg')"><script>fetch('/pwned?via=svgscript')</script></svg>
<img src="http://tracker.example/p.gif" onerror="fetch('/pwned?via=onerror')">
<a href="javascript:fetch('/pwned?via=href')">click</a>
<iframe src="javascript:fetch('/pwned?via=iframe')"></iframe>
<form action="/pwned"><button>go</button></form></body></html>`

func TestLogStream(t *testing.T) {
	f := newFixture(t, testConfig())
	f.standard()
	m := f.login("alice")
	page := f.get("/ops/log", m.cookie)
	if !strings.Contains(page.Body, "user_added") || !strings.Contains(page.Header.Get("Content-Security-Policy"), "script-src 'self'") {
		t.Fatalf("log page: %d", page.StatusCode)
	}
	srv := httptest.NewServer(f.h)
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/ops/log/stream", nil)
	req.AddCookie(m.cookie)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("content type %q", res.Header.Get("Content-Type"))
	}
	// The stream starts at the end; a new event arrives.
	if err := f.db.AddEvent(ctx, store.Event{Type: "reminder_sent", Detail: map[string]any{"to": "x"}}); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(res.Body)
	var got []string
	for sc.Scan() {
		line := sc.Text()
		got = append(got, line)
		if strings.HasPrefix(line, "data: ") {
			if !strings.Contains(line, `"type":"reminder_sent"`) || !strings.Contains(line, `"detail":{"to":"x"}`) {
				t.Fatalf("first event %q", line)
			}
			return
		}
	}
	t.Fatalf("no event in the stream: %v %v", got, sc.Err())
}

func TestFailedJobs(t *testing.T) {
	f := newFixture(t, testConfig())
	st := f.seed(seedMail{Subject: "x", Text: "x", State: store.StatementFailed, Fields: map[string]any{"title": "Broken one"}})
	ctx := context.Background()
	job, _, _ := f.db.ClaimJob(ctx, func(int) time.Duration { return 0 })
	f.db.FailJob(ctx, job, fmt.Errorf("classify: timeout"), true)
	m := f.login("alice")
	res := f.get("/ops/failed", m.cookie)
	if !strings.Contains(res.Body, "classify: timeout") || !strings.Contains(res.Body, fmt.Sprintf("/queue/%d", st.ID)) {
		t.Fatalf("failed page: %s", res.Body)
	}
	if res := f.post(m, fmt.Sprintf("/ops/failed/%d/retry", st.Message), nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("retry: %d", res.StatusCode)
	}
	msg, _ := f.db.GetMessage(ctx, st.Message)
	if msg.State != store.StatePending {
		t.Fatalf("after retry: %s", msg.State)
	}
	if res := f.post(m, "/ops/failed/99999/retry", nil); res.StatusCode != http.StatusNotFound {
		t.Fatalf("retry of nothing: %d", res.StatusCode)
	}
}

// TestOutbox: a forward that failed for good puts its statement in the queue with the
// reason, shows on the outbox page, and a manager's retry makes it pending again.
func TestOutbox(t *testing.T) {
	f := newFixture(t, testConfig())
	ctx := context.Background()
	st := f.seed(seedMail{Subject: "x", Text: "x", State: store.StatementPosted,
		Fields: map[string]any{"title": "LS sent nowhere", "route_to": []string{"CCAMP"}}})
	planned, err := f.db.RecordDistribution(ctx, st.ID, store.Distribution{Items: []store.NewOutbox{{Kind: store.OutboxForward,
		Destination: "ccamp-chairs@example.org", MessageID: "<fwd1@liaisond.test>"}}})
	if err != nil || !planned {
		t.Fatalf("plan: %v %v", planned, err)
	}
	claimed, err := f.db.ClaimOutbox(ctx, store.OutboxClaim{Max: 1, RetryAfter: func(int) time.Duration { return time.Hour }})
	if err != nil || len(claimed) != 1 {
		t.Fatalf("claim: %v %v", claimed, err)
	}
	if err := f.db.OutboxFailed(ctx, claimed[0], fmt.Errorf("550 5.1.1 no such user"), store.Event{Type: "forward_failed"}); err != nil {
		t.Fatal(err)
	}
	m := f.login("alice")
	if res := f.get("/queue", m.cookie); !strings.Contains(res.Body, "forward failed: ccamp-chairs@example.org: 550 5.1.1 no such user") {
		t.Fatalf("queue lacks the failed forward:\n%s", res.Body)
	}
	res := f.get("/ops/outbox?state=failed", m.cookie)
	if !strings.Contains(res.Body, "ccamp-chairs@example.org") || !strings.Contains(res.Body, "550 5.1.1") {
		t.Fatalf("outbox page: %s", res.Body)
	}
	// The test config has no relay: the page says that nothing is sent.
	if !strings.Contains(res.Body, "No relay is configured") {
		t.Fatalf("outbox page does not say that mail waits for a relay:\n%s", res.Body)
	}
	if res := f.post(m, fmt.Sprintf("/ops/outbox/%d/retry", claimed[0].ID), nil); res.StatusCode != http.StatusSeeOther ||
		!strings.Contains(res.Header.Get("Location"), "done=retry") {
		t.Fatalf("retry: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	items, _ := f.db.OutboxItems(ctx, store.OutboxFilter{})
	if items[0].State != store.OutboxPending {
		t.Fatalf("after retry: %s", items[0].State)
	}
	if res := f.post(m, fmt.Sprintf("/ops/outbox/%d/retry", claimed[0].ID), nil); !strings.Contains(res.Header.Get("Location"), "not-retried") {
		t.Fatal("retry of a pending message")
	}
	if res := f.get("/ops/outbox"); res.StatusCode != http.StatusSeeOther {
		t.Fatal("outbox page open to the public")
	}
	// Rerouting a posted statement plans its distribution again.
	if res := f.post(m, fmt.Sprintf("/queue/%d/reroute", st.ID), url.Values{"group": {"OPSAWG"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("reroute of a posted statement: %d %s", res.StatusCode, res.Body)
	}
	evs, _ := f.db.Events(ctx, store.EventFilter{})
	if last := evs[len(evs)-1]; last.Type != "redistribute" || last.Actor != "alice" {
		t.Fatalf("last event %+v", last)
	}
}
