package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/liaisond/liaisond/internal/testutil"
	"github.com/liaisond/liaisond/store"
)

// xssJS is what every payload of the stored-XSS proof runs if it ever runs: a marker, a
// changed title, a dialog and a call home, each of which the test watches.
const xssJS = `window.__xss=1;document.title='XSS';alert('xss');fetch('/pwned')`

// xssPayloads are markup and URLs that run xssJS in a page that renders them
// unescaped, or follows them, or lets them style it: script elements, event handlers,
// SVG, javascript: links and form targets, CSS url() and expression(), a title break-out,
// attribute break-outs, frames, meta refresh, base, XHTML script in the XML of the feed.
var xssPayloads = []string{
	`<script>` + xssJS + `</script>`,
	`<img src=x onerror="` + xssJS + `">`,
	`<svg onload="` + xssJS + `"><circle r="1"/></svg>`,
	`<svg><script>` + xssJS + `</script></svg>`,
	`<a href="javascript:` + xssJS + `">click</a>`,
	`javascript:` + xssJS,
	`<div style="background:url(javascript:` + xssJS + `)">css</div>`,
	`<div style="width:expression(` + xssJS + `)">css</div>`,
	`<style>@import 'javascript:` + xssJS + `';body{background:url("javascript:` + xssJS + `")}</style>`,
	`</title><script>` + xssJS + `</script>`,
	`"><script>` + xssJS + `</script>`,
	`'><img src=x onerror=` + xssJS + `>`,
	`<iframe srcdoc="<script>parent.` + xssJS + `</script>"></iframe>`,
	`<meta http-equiv="refresh" content="0;url=javascript:` + xssJS + `">`,
	`<base href="javascript:` + xssJS + `//">`,
	`<form action="javascript:` + xssJS + `"><button formaction="javascript:` + xssJS + `">go</button></form>`,
	`<object data="javascript:` + xssJS + `"></object>`,
	`<math><mi xlink:href="javascript:` + xssJS + `">m</mi></math>`,
	`<x:script xmlns:x="http://www.w3.org/1999/xhtml">` + xssJS + `</x:script>`,
	`]]><x:script xmlns:x="http://www.w3.org/1999/xhtml">` + xssJS + `</x:script><![CDATA[`,
	`<details open ontoggle="` + xssJS + `">d</details><input autofocus onfocus="` + xssJS + `">`,
}

// domCheckJS counts, in the page and in every same-origin frame it can reach, what stored
// XSS would leave: the marker set, the title changed, an attribute holding a javascript:,
// vbscript: or data:text/html URL, an event-handler attribute, a script element carrying
// the payload.
const domCheckJS = `(() => {
  const out = {ran: 0, jsURLs: 0, handlers: 0, scripts: 0};
  const bad = /^\s*(javascript|vbscript|data:text\/html)/i;
  const look = (w) => {
    let d;
    try { d = w.document; if (!d) return; } catch (e) { return; }
    if (w.__xss !== undefined || d.title === 'XSS') out.ran++;
    for (const el of d.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (bad.test(a.value) && /^(href|src|action|formaction|data|xlink:href|background|poster|srcdoc|content)$/i.test(a.name)) out.jsURLs++;
        if (/^on/i.test(a.name)) out.handlers++;
      }
      if (el.localName === 'script' && el.textContent.includes('__xss')) out.scripts++;
    }
    for (let i = 0; i < w.frames.length; i++) look(w.frames[i]);
  };
  look(window);
  return JSON.stringify(out);
})()`

// domFindings is domCheckJS's answer.
type domFindings struct {
	Ran      int `json:"ran"`
	JSURLs   int `json:"jsURLs"`
	Handlers int `json:"handlers"`
	Scripts  int `json:"scripts"`
}

// TestProofXSS seeds statements whose every field a sender or an extractor fills (subject,
// title, sending and receiving bodies, contacts, identifiers, file names, text and HTML
// bodies, review reasons, evidence, record-log details) holds the payloads, then loads in
// Chromium the public list, each statement page, search, the Atom feeds and the JSON API,
// and, logged in, the queue, the review page with its mail frame, the frame's document,
// the record log, the failed list and the outbox: no payload runs (no marker, no title
// change, no dialog, no call home) and no page holds a javascript: URL, an event handler
// or a payload script element.
func TestProofXSS(t *testing.T) {
	start := time.Now()
	chromium := testutil.NeedCommand(t, "chromium")
	f := newFixture(t, testConfig())
	posted, queued := seedXSS(t, f)
	if _, err := f.db.AddUser(t.Context(), "mallory-reviewer", "correct horse battery", "test"); err != nil {
		t.Fatal(err)
	}
	watch := &callWatch{}
	srv := httptest.NewServer(watch.wrap(withControl(f.h)))
	defer srv.Close()

	ctx := newBrowser(t, chromium)
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	dialogs := watchDialogs(ctx)
	checkControl(t, ctx, srv.URL, watch, dialogs)
	pages := []string{"/", "/search?q=script", "/feed.atom", "/feed.atom?from=" + url.QueryEscape(xssPayloads[0]),
		"/api/v1/statements", fmt.Sprintf("/api/v1/statements/%d", posted[0].ID)}
	for _, st := range posted {
		pages = append(pages, fmt.Sprintf("/s/%d", st.ID))
	}
	var total domFindings
	for _, p := range pages {
		total = addFindings(total, checkPage(t, ctx, srv.URL+p))
	}
	browserLogin(t, ctx, srv.URL, "mallory-reviewer")
	for _, p := range []string{"/queue", fmt.Sprintf("/queue/%d", queued.ID), fmt.Sprintf("/queue/%d/mail.html?part=1", queued.ID),
		fmt.Sprintf("/queue/%d", posted[0].ID), "/ops/log", "/ops/failed", "/ops/outbox", "/", fmt.Sprintf("/s/%d", posted[0].ID)} {
		pages = append(pages, p)
		total = addFindings(total, checkPage(t, ctx, srv.URL+p))
	}
	time.Sleep(500 * time.Millisecond) // a late timer or fetch would show now
	calls := watch.list()
	if len(calls) > 0 {
		t.Errorf("payloads called home: %v", calls)
	}
	if n := dialogs.Load(); n > 0 {
		t.Errorf("%d dialogs opened", n)
	}
	executions := total.Ran + len(calls) + int(dialogs.Load())
	t.Logf("PROOF hostile: XSS: control page caught by every detector; %d payloads in %d statements' fields, names and bodies, %d pages loaded in Chromium (public, feed, API, review, ops), "+
		"XSS executions = %d (markers %d, dialogs %d, calls home %d), javascript: URLs in the DOM = %d, event handlers = %d, payload script elements = %d, %s",
		len(xssPayloads), len(posted)+1, len(pages), executions, total.Ran, dialogs.Load(), len(calls), total.JSURLs, total.Handlers, total.Scripts,
		time.Since(start).Round(time.Millisecond))
}

// seedXSS records one posted statement per payload (its title, sending body, identifiers
// and file name are that payload; its body and file hold them all) and one queued
// statement whose HTML body, reasons and evidence hold them all, plus record-log events.
func seedXSS(t *testing.T, f *fixture) (posted []store.Statement, queued store.Statement) {
	t.Helper()
	all := strings.Join(xssPayloads, "\n")
	for i, p := range xssPayloads {
		posted = append(posted, f.seed(seedMail{Subject: p, Text: all, State: store.StatementPosted, PDF: true,
			Files: []seedFile{{Name: p + ".docx", Type: "text/html", Data: []byte(all)}},
			Fields: map[string]any{"title": p, "from": []string{p, "ITU-T SG15"}, "to": []string{p}, "other_identifiers": []string{p},
				"from_contacts": []string{p}, "to_contacts": []string{p}, "send_reply_to": xssPayloads[5], "send_to": p,
				"in_response_to": p, "purpose": "information", "route_to": []string{p}},
			Evidence: map[string]any{"title": map[string]any{"confidence": 0.9, "source": p, "raw": p}}}))
		if err := f.db.AddEvent(t.Context(), store.Event{Type: "extracted", Statement: posted[i].ID,
			Detail: map[string]any{"note": p, "reasons": []string{p}}}); err != nil {
			t.Fatal(err)
		}
	}
	queued = f.seed(seedMail{Subject: strings.Join(xssPayloads, " "), Text: all, HTML: "<p>Dear colleagues,</p>" + strings.Join(xssPayloads, "<br>"),
		State: store.StatementQueued, Reasons: xssPayloads,
		Files:  []seedFile{{Name: xssPayloads[1], Type: "text/html", Data: []byte(all)}},
		Fields: map[string]any{"title": xssPayloads[9], "from": xssPayloads, "to": []string{"IETF CCAMP WG"}, "send_reply_to": xssPayloads[5]},
		Evidence: map[string]any{"title": map[string]any{"confidence": 0.4, "source": xssPayloads[0], "raw": all},
			"from": map[string]any{"confidence": 0.4, "source": xssPayloads[2], "raw": xssPayloads[4]}}})
	return posted, queued
}

// watchDialogs counts the JavaScript dialogs the tab opens and dismisses each, so that a
// payload's alert() cannot block the page the test is reading.
func watchDialogs(ctx context.Context) *atomic.Int64 {
	var n atomic.Int64
	events := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for _, err := range events {
			if err != nil {
				return
			}
			n.Add(1)
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	return &n
}

// controlPath serves the payloads unescaped and without a CSP: the control page on which
// the detectors must see them run.
const controlPath = "/proof-control"

func withControl(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != controlPath {
			h.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!doctype html><title>control</title>%s%s%s", xssPayloads[0], xssPayloads[1], xssPayloads[4])
	})
}

// checkControl loads the control page and fails unless every detector fires: the proof's
// zeros mean nothing ran, not that nothing was watched. It clears what the control left.
func checkControl(t *testing.T, ctx context.Context, base string, watch *callWatch, dialogs *atomic.Int64) {
	t.Helper()
	d := inspectPage(t, ctx, base+controlPath)
	time.Sleep(300 * time.Millisecond)
	if d.Ran == 0 || d.JSURLs == 0 || d.Handlers == 0 || d.Scripts == 0 || dialogs.Load() == 0 || len(watch.list()) == 0 {
		t.Fatalf("the detectors missed the control page's payloads: %+v, %d dialogs, calls %v", d, dialogs.Load(), watch.list())
	}
	dialogs.Store(0)
	watch.mu.Lock()
	watch.calls = nil
	watch.mu.Unlock()
}

// checkPage loads a page and fails the test for anything domCheckJS finds there.
func checkPage(t *testing.T, ctx context.Context, u string) domFindings {
	t.Helper()
	d := inspectPage(t, ctx, u)
	if d != (domFindings{}) {
		t.Errorf("%s: %+v", u, d)
	}
	return d
}

// inspectPage loads a page, lets any timer and frame run, and reads domCheckJS.
func inspectPage(t *testing.T, ctx context.Context, u string) domFindings {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(u), chromedp.Sleep(600*time.Millisecond)); err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[string](domCheckJS))
	if err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	var d domFindings
	if err := json.Unmarshal([]byte(res), &d); err != nil {
		t.Fatalf("%s: %q: %v", u, res, err)
	}
	return d
}

func addFindings(a, b domFindings) domFindings {
	return domFindings{a.Ran + b.Ran, a.JSURLs + b.JSURLs, a.Handlers + b.Handlers, a.Scripts + b.Scripts}
}
