package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/liaisond/liaisond/internal/testutil"
	"github.com/liaisond/liaisond/store"
)

// axeRunJS runs every axe-core rule on the page and returns its violations, each with its
// rule, impact and the elements it found (their CSS selectors).
const axeRunJS = `axe.run(document, {resultTypes: ["violations"], iframes: false}).then(r => JSON.stringify(
  r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map(n => n.target.join(" ")), summary: (v.nodes[0] || {}).failureSummary || ""}))))`

// axeViolation is one rule that failed on a page.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
	Summary string   `json:"summary"`
}

// axeSource reads axe-core's axe.min.js from $LIAISOND_AXE (.ci/run installs it with npm
// outside the repository). Without it the test skips outside CI and fails in CI.
func axeSource(t *testing.T) string {
	t.Helper()
	path := os.Getenv("LIAISOND_AXE")
	if path == "" {
		testutil.Missing(t, "axe-core (LIAISOND_AXE, the path of axe.min.js; .ci/run installs it with npm)")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		testutil.Missing(t, "axe-core at LIAISOND_AXE="+path)
	}
	return string(b)
}

// TestAccessibility loads every public and manager page in headless Chromium, at a
// desktop and a phone width and in dark mode, runs axe-core in it, and fails on any
// violation whose impact is serious or critical, naming the rule and the elements. Lesser
// findings are logged. The pages hold what makes them hard: a mail body longer than its
// box (a scrolling region), the message source, an HTML part in a frame, tags, tables,
// forms, a flash message.
func TestAccessibility(t *testing.T) {
	chromium := testutil.NeedCommand(t, "chromium")
	axe := axeSource(t)
	f := newFixture(t, testConfig())
	seedShowcase(f)
	posted, _, _ := f.standard()
	// A body longer than its box, which scrolls: keyboard users must be able to reach it.
	wide := reviewItem
	wide.Text += strings.Repeat("\n| Source: ITU-T SG15 | For action to: IETF TICTOC WG | Deadline: 30 June 2026 |", 80)
	queued := f.seed(wide)
	longPosted := f.seed(seedMail{Subject: "LS with a wide table", Text: wide.Text, State: store.StatementPosted,
		Fields: map[string]any{"title": "LS with a wide table", "from": []string{"ITU-T SG15"}, "to": []string{"IETF CCAMP WG"}, "purpose": "information"}})
	failed := f.seed(seedMail{Subject: "Broken", Text: "x", State: store.StatementFailed, Fields: map[string]any{"title": "Broken one"}})
	ctx := context.Background()
	// Every job fails for good, so that the failed list has rows.
	for {
		job, ok, err := f.db.ClaimJob(ctx, func(int) time.Duration { return 0 })
		if err != nil || !ok {
			break
		}
		if err := f.db.FailJob(ctx, job, fmt.Errorf("classify: timeout"), true); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.db.RecordDistribution(ctx, posted.ID, store.Distribution{Items: []store.NewOutbox{{Kind: store.OutboxForward,
		Destination: "ccamp-chairs@example.org", MessageID: "<fwd-a11y@liaisond.test>"}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.db.AddUser(t.Context(), "alice", "correct horse battery", "test"); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(f.h)
	defer srv.Close()
	bctx := newBrowser(t, chromium)
	// The frame's document forbids scripts (CSP sandbox); axe is ours, not the page's.
	if err := chromedp.Do(bctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(bctx, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}

	audit := func(path string) {
		t.Helper()
		for _, vp := range []struct {
			name   string
			width  int64
			height int64
			opts   []chromedp.EmulateViewportOption
			scheme string
		}{
			{"desktop", 1200, 900, nil, "light"},
			{"phone", 390, 844, []chromedp.EmulateViewportOption{chromedp.EmulateMobile}, "light"},
			{"dark", 1200, 900, nil, "dark"},
		} {
			// Closed <details> (the message source) are opened: their content is
			// checked too.
			if err := chromedp.Do(bctx, chromedp.EmulateViewport(vp.width, vp.height, vp.opts...),
				chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
					_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
						Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: vp.scheme}}})
					return err
				}),
				chromedp.Navigate(srv.URL+path), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
				t.Fatalf("%s (%s): %v", path, vp.name, err)
			}
			if _, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`document.querySelectorAll("details").forEach(d => d.open = true); true`)); err != nil {
				t.Fatalf("%s: opening details: %v", path, err)
			}
			if _, err := chromedp.Run(bctx, chromedp.Evaluate[bool](axe+";\ntrue")); err != nil {
				t.Fatalf("%s: injecting axe-core: %v", path, err)
			}
			out, err := chromedp.Run(bctx, chromedp.Evaluate[string](axeRunJS, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("%s: axe.run: %v", path, err)
			}
			var violations []axeViolation
			if err := json.Unmarshal([]byte(out), &violations); err != nil {
				t.Fatalf("%s: axe answer %q: %v", path, out, err)
			}
			t.Logf("%s (%s): %d violations", path, vp.name, len(violations))
			for _, v := range violations {
				msg := fmt.Sprintf("%s (%s): %s [%s] %s on %s", path, vp.name, v.ID, v.Impact, v.Help, strings.Join(v.Targets, ", "))
				if v.Impact == "serious" || v.Impact == "critical" {
					t.Errorf("%s\n\t%s", msg, v.Summary)
				} else {
					t.Log(msg)
				}
			}
		}
	}

	for _, p := range []string{"/", fmt.Sprintf("/s/%d", posted.ID), fmt.Sprintf("/s/%d", longPosted.ID),
		"/search", "/search?q=optical", "/search?q=nothingmatches", "/login", "/no/such/page"} {
		audit(p)
	}
	browserLogin(t, bctx, srv.URL, "alice")
	for _, p := range []string{"/queue", fmt.Sprintf("/queue/%d", queued.ID), fmt.Sprintf("/queue/%d?done=edit", queued.ID),
		fmt.Sprintf("/queue/%d/mail.html?part=1", queued.ID), fmt.Sprintf("/queue/%d", failed.ID),
		"/ops/log", "/ops/failed", "/ops/outbox", "/ops/outbox?state=pending", "/", fmt.Sprintf("/s/%d", posted.ID)} {
		audit(p)
	}
}

func TestHTMLLang(t *testing.T) {
	for _, c := range []struct{ html, want string }{
		{`<html lang="ja"><body>x</body></html>`, "ja"},
		{`<!doctype html><HTML xmlns="http://www.w3.org/1999/xhtml" LANG='en-GB'>`, "en-GB"},
		{`<html lang=fr>`, "fr"},
		{`<html xml:lang="de"><p>x`, "und"},
		{`<html lang="english">`, "und"},
		{`<html lang="x onload=alert(1)">`, "und"},
		{`<p>no root element</p>`, "und"},
	} {
		if got := htmlLang(c.html); got != c.want {
			t.Errorf("htmlLang(%q) = %q, want %q", c.html, got, c.want)
		}
	}
}
