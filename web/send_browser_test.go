package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/liaisond/liaisond/internal/testutil"
	"github.com/liaisond/liaisond/mail"
	"github.com/liaisond/liaisond/pipeline"
	"github.com/liaisond/liaisond/store"
)

// TestSendBrowser drives headless Chromium through a statement sent from the IETF: the
// CCAMP chair opens an incoming statement in the review queue, answers it For Action
// with a DOCX, and submits it; the RTG area director logs in and approves it on its
// page. The daemon's side then runs in-process (the outgoing sender records the mail,
// the workers record it as an outgoing statement), and the statement is on the public
// record. Screenshots of the compose, approval and public pages go to
// $LIAISOND_SCREENSHOTS.
func TestSendBrowser(t *testing.T) {
	chromium := testutil.NeedCommand(t, "chromium")
	cfg := sendConfig()
	f := newFixture(t, cfg)
	ctx := context.Background()
	in := f.seed(incomingToAnswer)
	f.seed(reviewItem) // the queue has a row: browserLogin waits for it
	for _, name := range []string{ccampChair, rtgAD} {
		if _, err := f.db.AddUser(ctx, name, "correct horse battery", "test"); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(f.h)
	defer srv.Close()
	shots := screenshotDir(t)
	bctx := newBrowser(t, chromium)
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(bctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// flash waits for the page a form redirects to (done=... in its URL) and returns its
	// confirmation.
	flash := func(done string) string {
		t.Helper()
		for range 100 {
			s, err := chromedp.Run(bctx, chromedp.Evaluate[string](
				`location.search.includes("done=`+done+`") && document.readyState === "complete" ? (document.querySelector("p.flash")||{}).textContent || "" : ""`))
			if err == nil && s != "" {
				return s
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("no confirmation %q after the form", done)
		return ""
	}
	do("viewport", chromedp.EmulateViewport(1200, 900))

	// The chair answers from the review page's Reply link.
	browserLogin(t, bctx, srv.URL, ccampChair)
	do("reply", chromedp.Navigate(fmt.Sprintf("%s/queue/%d", srv.URL, in.ID)),
		chromedp.Click(chromedp.CSS(`a[href^="/send/new?reply="]`)), chromedp.WaitVisible(chromedp.ID("title")))
	if title, _ := chromedp.Run(bctx, chromedp.Value(chromedp.ID("title"))); title != "Re: LS on OTN path computation" {
		t.Fatalf("reply title %q", title)
	}
	docx := filepath.Join(testutil.ModuleRoot(t), "convert", "testdata", "ls-sample.docx")
	do("compose",
		chromedp.Click(chromedp.CSS(`input[name=purpose][value=action]`)),
		chromedp.SetValue(chromedp.ID("deadline"), "2099-03-31"),
		chromedp.SendKeys(chromedp.ID("body"), "CCAMP thanks ITU-T SG15 for its statement and asks for its comments on the attached draft by March."),
		chromedp.SetUploadFiles(chromedp.ID("files"), []string{docx}),
		screenshot(shots, "send-compose-desktop"),
		chromedp.Click(chromedp.CSS(`button[name=do][value=submit]`)))
	if got := flash("submitted"); !strings.HasPrefix(got, "Submitted") {
		t.Fatalf("after submit: %q", got)
	}
	o, err := f.db.GetOutgoing(ctx, 1)
	if err != nil || o.State != store.OutgoingSubmitted || o.Purpose != "action" || o.InResponseTo != in.ID ||
		len(o.Files) != 1 || o.Files[0].Filename != "ls-sample.docx" {
		t.Fatalf("after submit: %+v %v", o, err)
	}

	// The AD logs in and approves it on its page.
	browserLogout(t, bctx)
	browserLogin(t, bctx, srv.URL, rtgAD)
	do("approval page", chromedp.Navigate(srv.URL+"/send/1"), chromedp.WaitVisible(chromedp.CSS(`form[action="/send/1/approve"] button`)),
		screenshot(shots, "send-approve-desktop"),
		chromedp.Click(chromedp.CSS(`form[action="/send/1/approve"] button`)))
	if got := flash("approved"); !strings.HasPrefix(got, "Approved") {
		t.Fatalf("after approval: %q", got)
	}
	if o, _ = f.db.GetOutgoing(ctx, 1); o.State != store.OutgoingApproved || len(o.Approvals) != 1 || o.Approvals[0].Approver != rtgAD {
		t.Fatalf("after approval: %s %+v", o.State, o.Approvals)
	}

	// The daemon's side: the seeded mail's jobs are done already; the sender records the
	// approved statement's mail and the workers record it as an outgoing statement.
	for {
		job, ok, err := f.db.ClaimJob(ctx, func(int) time.Duration { return time.Hour })
		if err != nil || !ok {
			break
		}
		f.db.FinishJob(ctx, job, store.Event{})
	}
	spool, err := mail.NewSpooler(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	sender := &pipeline.OutgoingSender{DB: f.db, Out: f.srv.out, Importer: mail.NewImporter(f.db, spool, cfg.SMTP.MaxMessageBytes, cfg.SMTP.MaxHeaderBytes),
		From: "liaisond@example.org", Domain: "example.org", PublicURL: srv.URL, TextLimits: cfg.Convert, Log: log}
	if n := sender.RunOnce(ctx); n != 1 {
		t.Fatalf("the sender recorded %d statements", n)
	}
	stages := &pipeline.Stages{DB: f.db, ParseLimits: cfg.Parse, TextLimits: cfg.Convert, Classifier: pipeline.NewClassifier(cfg),
		Auth: pipeline.NewAuthenticator(cfg.Auth), Outgoing: f.srv.out}
	pipeline.New(pipeline.Config(cfg.Pipeline), f.db, stages, log, nil).RunOnce(ctx)
	if o, _ = f.db.GetOutgoing(ctx, 1); o.State != store.OutgoingSent {
		t.Fatalf("after the daemon's side: %s", o.State)
	}
	st, err := f.db.StatementByMessage(ctx, o.Message)
	if err != nil || st.State != store.StatementPosted || st.Direction != store.DirectionOutgoing || st.RepliesTo != in.ID {
		t.Fatalf("the outgoing statement: %+v %v", st, err)
	}
	do("public page", chromedp.Navigate(srv.URL+"/send/1"), chromedp.Click(chromedp.CSS(`a[href="/s/`+fmt.Sprint(st.ID)+`"]`)),
		chromedp.WaitVisible(chromedp.CSS("h1")), screenshot(shots, "send-public-desktop"))
	if h1, _ := chromedp.Run(bctx, chromedp.Text(chromedp.CSS("h1"))); h1 != "Re: LS on OTN path computation" {
		t.Errorf("public page title %q", h1)
	}
}
