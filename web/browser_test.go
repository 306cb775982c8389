package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/liaisond/liaisond/internal/testutil"
	"github.com/liaisond/liaisond/store"
)

// payloadScript is what every hostile string tries to do: set a marker in the page and
// call an endpoint that the test server watches.
const payloadScript = `window.pwned=1;fetch('/pwned')`

// Hostile strings for a subject, a title, a sender and a file name.
var (
	hostileTitle = `<svg onload="` + payloadScript + `"><script>` + payloadScript + `</script>`
	hostileFile  = `<img src=x onerror="` + payloadScript + `">.txt`
	hostileFrom  = `<a href="javascript:` + payloadScript + `">SG</a>`
)

// callWatch records requests for /pwned.
type callWatch struct {
	mu    sync.Mutex
	calls []string
}

func (c *callWatch) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/pwned") {
			c.mu.Lock()
			c.calls = append(c.calls, r.URL.String())
			c.mu.Unlock()
		}
		h.ServeHTTP(w, r)
	})
}

func (c *callWatch) list() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.calls...)
}

// TestBrowser drives headless Chromium through the review flow (log in, open a queued
// statement, correct a field, approve it, find it on the public list and in the feed),
// checks that hostile mail executes nothing anywhere, and takes the screenshots of
// docs/ (LIAISOND_SCREENSHOTS=dir writes them there; otherwise to a temporary folder).
func TestBrowser(t *testing.T) {
	chromium := testutil.NeedCommand(t, "chromium")
	f := newFixture(t, testConfig())
	seedShowcase(f)
	queued := f.seed(reviewItem)
	if _, err := f.db.AddUser(t.Context(), "alice", "correct horse battery", "test"); err != nil {
		t.Fatal(err)
	}
	watch := &callWatch{}
	srv := httptest.NewServer(watch.wrap(f.h))
	defer srv.Close()

	shots := os.Getenv("LIAISOND_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	ctx := newBrowser(t, chromium)
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	// flash waits for the page after a form's redirect (its URL says done=...) and
	// returns its confirmation (done names the action), read in one step so that no navigation can interleave.
	flash := func(done string) string {
		t.Helper()
		for range 100 {
			s, err := chromedp.Run(ctx, chromedp.Evaluate[string](
				`location.search.includes("done=`+done+`&") && document.readyState === "complete" ? (document.querySelector("p.flash")||{}).textContent || "" : ""`))
			if err == nil && s != "" {
				return s
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatal("no confirmation after the form")
		return ""
	}
	shoot := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			png, err := chromedp.FullScreenshot(100)(ctx, tg)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644)
		})
	}
	desktop := chromedp.EmulateViewport(1200, 900)
	phone := chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)

	// Log in and open the queued statement.
	do("viewport", desktop)
	browserLogin(t, ctx, srv.URL, "alice")
	do("queue screenshots", shoot("queue-desktop"), phone, shoot("queue-phone"), desktop)
	item := fmt.Sprintf("%s/queue/%d", srv.URL, queued.ID)
	// The sleep lets the mail's frame load before the screenshot.
	do("open item", chromedp.Navigate(item), chromedp.WaitVisible(chromedp.ID("e-title")), chromedp.Sleep(time.Second), shoot("item-desktop"),
		phone, shoot("item-phone"), desktop)

	// A full-page capture leaves the sandboxed frame (its own process) blank, so the
	// mail's HTML gets a screenshot of the viewport scrolled to it.
	do("mail frame screenshot", chromedp.ScrollIntoView(chromedp.CSS("iframe.mailhtml")), chromedp.Sleep(500*time.Millisecond),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			png, err := chromedp.CaptureScreenshot()(ctx, tg)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(shots, "item-mail-desktop.png"), png, 0o644)
		}))

	// Correct the title, then approve.
	const corrected = "LS on packet clock synchronisation"
	do("edit", chromedp.SetValue(chromedp.ID("e-title"), corrected), chromedp.Click(chromedp.CSS("form.edit > button")))
	if flash := flash("edit"); flash != "Saved." {
		t.Fatalf("after edit: %q", flash)
	}
	// Change the deadline and press Approve without Save: the approval posts the form's
	// values, without JavaScript (the button submits the edit form).
	do("approve", chromedp.SetValue(chromedp.ID("e-deadline"), "2026-09-30"),
		chromedp.Click(chromedp.CSS(`section.actions button[formaction$="/approve"]`)))
	if flash := flash("approve"); !strings.HasPrefix(flash, "Approved") {
		t.Fatalf("after approve: %q", flash)
	}
	if st, _ := f.db.GetStatement(t.Context(), queued.ID); st.State != store.StatementPosted || st.Deadline != "2026-09-30" {
		t.Fatalf("approved with the unsaved deadline lost: %s %q", st.State, st.Deadline)
	}

	// The public sees it, in the list and in the feed.
	do("public list", chromedp.Navigate(srv.URL+"/"))
	if list := text("ol.statements"); !strings.Contains(list, corrected) {
		t.Fatalf("approved statement not on the public list:\n%s", list)
	}
	if feed := fetch(t, srv.URL+"/feed.atom"); !strings.Contains(feed, corrected) {
		t.Fatal("approved statement not in the feed")
	}
	do("list screenshots", shoot("list-desktop"), phone, shoot("list-phone"), desktop)
	do("statement screenshots", chromedp.Navigate(fmt.Sprintf("%s/s/%d", srv.URL, queued.ID)), chromedp.WaitVisible(chromedp.CSS("h1")),
		shoot("statement-desktop"), phone, shoot("statement-phone"), desktop)

	hostileQueued := f.seed(seedMail{Subject: hostileTitle, Text: "Dear colleagues,\n\nthe attached LS.", HTML: hostileHTML,
		State: store.StatementQueued, Reasons: []string{"misdirected to an unknown group"},
		Files:  []seedFile{{Name: hostileFile, Type: "text/html", Data: []byte("<script>" + payloadScript + "</script>")}},
		Fields: map[string]any{"title": hostileTitle, "from": []string{hostileFrom}, "to": []string{"IETF CCAMP WG"}}})
	hostilePosted := f.seed(seedMail{Subject: hostileTitle, Text: "<script>" + payloadScript + "</script>",
		State: store.StatementPosted, Files: []seedFile{{Name: hostileFile, Type: "text/plain", Data: []byte("x")}},
		Fields: map[string]any{"title": hostileTitle, "from": []string{hostileFrom}, "to": []string{"IETF CCAMP WG"},
			"other_identifiers": []string{hostileFile}}})

	// The record log follows new events live (server-sent events and log.js).
	do("log page", chromedp.Navigate(srv.URL+"/ops/log"), chromedp.WaitVisible(chromedp.CSS("table.log")), chromedp.Sleep(time.Second))
	if err := f.db.AddEvent(t.Context(), store.Event{Type: "reminder_sent", Detail: map[string]any{"to": "ccamp-chairs@example.org"}}); err != nil {
		t.Fatal(err)
	}
	live := false
	for range 50 {
		first, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#log tbody tr td:nth-child(2)").textContent`))
		if live = err == nil && first == "reminder_sent"; live {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if !live {
		t.Error("the record log page did not show a new event")
	}

	// Hostile mail: nothing runs on the item page (with its HTML frame), the queue, the
	// public list, the statement page, search, or the frame's document opened directly.
	for _, page := range []string{
		fmt.Sprintf("/queue/%d", hostileQueued.ID), "/queue", "/", fmt.Sprintf("/s/%d", hostilePosted.ID), "/search?q=svg",
		fmt.Sprintf("/queue/%d/mail.html?part=1", hostileQueued.ID),
	} {
		do("hostile "+page, chromedp.Navigate(srv.URL+page), chromedp.WaitReady(chromedp.CSS("body")), chromedp.Sleep(700*time.Millisecond))
		ran, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.pwned !== "undefined"`))
		if err != nil || ran {
			t.Errorf("%s: a payload ran in the page (%v)", page, err)
		}
	}
	do("hostile title", chromedp.Navigate(fmt.Sprintf("%s/s/%d", srv.URL, hostilePosted.ID)))
	if h1 := text("h1"); h1 != hostileTitle {
		t.Errorf("hostile title shown as %q, want the text as written", h1)
	}
	do("hostile item", chromedp.Navigate(fmt.Sprintf("%s/queue/%d", srv.URL, hostileQueued.ID)),
		chromedp.WaitReady(chromedp.CSS("iframe.mailhtml")), chromedp.Sleep(time.Second))
	if calls := watch.list(); len(calls) > 0 {
		t.Fatalf("payloads called home: %v", calls)
	}
}

// browserLogin logs in through the form as name (password "correct horse battery") and
// checks that the queue opens.
func browserLogin(t *testing.T, ctx context.Context, base, name string) {
	t.Helper()
	err := chromedp.Do(ctx, chromedp.Navigate(base+"/login"),
		chromedp.SendKeys(chromedp.ID("name"), name), chromedp.SendKeys(chromedp.ID("password"), "correct horse battery"),
		chromedp.Click(chromedp.CSS("form.login button")), chromedp.WaitVisible(chromedp.CSS("table.queue")))
	if err != nil {
		t.Fatalf("login: %v", err)
	}
	if location, _ := chromedp.Run(ctx, chromedp.Location()); !strings.HasSuffix(location, "/queue") {
		t.Fatalf("after login at %s", location)
	}
}

// newBrowser starts headless Chromium with a throwaway profile and without any
// background networking (the network is closed; without these flags Chromium floods
// refused connections).
func newBrowser(t *testing.T, path string) context.Context {
	t.Helper()
	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("hide-scrollbars", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	})
	return ctx
}

func fetch(t *testing.T, url string) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return string(b)
}

// reviewItem is a queued statement as the extractor leaves it: a title taken from the
// subject with low confidence, the rest found in the attachment's table.
var reviewItem = seedMail{
	Subject: "Fwd: [ccamp] LS on packet clock synchronisation", State: store.StatementQueued,
	Text: "Dear colleagues,\n\nplease find attached an LS from ITU-T SG15 on packet clock synchronisation.\n\nBest regards,\nSG15 secretariat",
	HTML: "<p>Dear colleagues,</p><p>please find attached an LS from <b>ITU-T SG15</b> on packet clock synchronisation.</p>",
	Reasons: []string{
		"title unsure (0.55): found in header Subject (no Title: line): 'Fwd: [ccamp] LS on packet clock synchronisation' — confirm or correct the title",
		"misdirected unsure (0.80): found in envelope recipient ccamp@example.org: 'ccamp@example.org' — confirm the groups it goes to, or reroute it",
		"misdirected to an unknown group",
	},
	PDF: true,
	Files: []seedFile{{Name: "SG15-LS72.docx", Type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
		Data: []byte("Title: LS on packet clocks\nFor action to: IETF TICTOC WG\nDeadline: 30 June 2026")}},
	Fields: map[string]any{"title": "LS on packet clocks", "from": []string{"ITU-T SG15"},
		"from_contacts": []string{"rapporteur@itu.example"}, "to": []string{"IETF TICTOC WG"}, "purpose": "action",
		"deadline": "2026-06-30", "other_identifiers": []string{"SG15-LS72"}, "send_to": "statements@example.org",
		"delivered_to": "ccamp@example.org", "misdirected": true},
	Evidence: map[string]any{
		"title":             map[string]any{"confidence": 0.55, "source": "header Subject (no Title: line)", "raw": "Fwd: [ccamp] LS on packet clock synchronisation"},
		"from":              map[string]any{"confidence": 0.95, "source": "attachment SG15-LS72.docx, table row 'Source:'", "raw": "ITU-T Study Group 15"},
		"from_contacts":     map[string]any{"confidence": 0.9, "source": "attachment SG15-LS72.docx, contact block", "raw": "rapporteur@itu.example"},
		"to":                map[string]any{"confidence": 0.9, "source": "attachment SG15-LS72.docx, table row 'For action to:'", "raw": "IETF TICTOC WG"},
		"purpose":           map[string]any{"confidence": 0.9, "source": "attachment SG15-LS72.docx, table row 'For action to:'", "raw": "For action to"},
		"deadline":          map[string]any{"confidence": 0.95, "source": "attachment SG15-LS72.docx, table row 'Deadline:'", "raw": "30 June 2026"},
		"other_identifiers": map[string]any{"confidence": 0.9, "source": "attachment file name", "raw": "SG15-LS72"},
		"send_to":           map[string]any{"confidence": 0.8, "source": "header To", "raw": "statements@example.org"},
		"misdirected":       map[string]any{"confidence": 0.8, "source": "envelope recipient ccamp@example.org", "raw": "ccamp@example.org"},
	},
}

// seedShowcase adds a few realistic statements so the screenshots show a lived-in record.
func seedShowcase(f *fixture) {
	for _, s := range []struct{ title, from, to, purpose, deadline, id string }{
		{"Reply LS on YANG models for optical transport networks", "ITU-T SG15", "IETF CCAMP WG", "response", "", "SG15-LS61"},
		{"LS on 5G network slicing identifiers", "3GPP TSG SA WG2", "IETF TEAS WG", "action", "2026-05-15", "S2-2601234"},
		{"LS on TR-459 issue 3 publication", "BBF", "IETF OPSAWG WG", "information", "", "LIAISE-439"},
		{"LS on time-sensitive networking profiles", "IEEE 802.1 WG", "IETF DETNET WG", "action", "2026-02-28", ""},
	} {
		ids := []string{}
		if s.id != "" {
			ids = []string{s.id}
		}
		f.seed(seedMail{Subject: s.title, Text: "Dear colleagues,\n\nPlease find attached " + s.title + ".\n\nBest regards,\nThe rapporteur",
			State: store.StatementPosted, Files: []seedFile{{Name: strings.ReplaceAll(s.title, " ", "_")[:20] + ".docx",
				Type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Data: []byte(s.title)}}, PDF: true,
			Fields: map[string]any{"title": s.title, "from": []string{s.from}, "to": []string{s.to}, "purpose": s.purpose,
				"deadline": nilIfEmpty(s.deadline), "other_identifiers": ids, "send_to": "statements@example.org",
				"from_contacts": []string{"rapporteur@sdo.example"}}})
	}
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
