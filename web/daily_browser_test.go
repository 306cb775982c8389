package web

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/liaisond/liaisond/internal/testutil"
	"github.com/liaisond/liaisond/store"
)

// TestLogPageShowsMessageIDs: the log page prints a Message-ID as <...> (escaped for
// HTML, read as angle brackets), never as \u003c...\u003e.
func TestLogPageShowsMessageIDs(t *testing.T) {
	f := newFixture(t, testConfig())
	f.standard()
	m := f.login("alice")
	page := f.get("/ops/log", m.cookie).Body
	if !strings.Contains(page, `message_id=&#34;&lt;seed1@itu.example&gt;&#34;`) || strings.Contains(page, `\u003c`) {
		t.Fatalf("log page:\n%s", page)
	}
}

// TestLogPageColumns: in a browser, the log's short columns stay on one line however
// long an event's detail (they wrapped letter by letter), and the detail reads <...>.
func TestLogPageColumns(t *testing.T) {
	chromium := testutil.NeedCommand(t, "chromium")
	f := newFixture(t, testConfig())
	f.standard()
	long := strings.Repeat("a-very-long-unbroken-reason-", 20)
	if err := f.db.AddEvent(t.Context(), store.Event{Type: "outbox_failed", Statement: 1, Message: 1, Actor: "alice (cli)",
		Detail: map[string]any{"reason": long, "message_id": "<" + long + "@example.org>"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.db.AddUser(t.Context(), "alice", "correct horse battery", "test"); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(f.h)
	t.Cleanup(srv.Close) // after the browser's cleanup, which ends the page's event stream
	ctx := newBrowser(t, chromium)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1200, 900)); err != nil {
		t.Fatal(err)
	}
	browserLogin(t, ctx, srv.URL, "alice")
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/ops/log"), chromedp.WaitVisible(chromedp.CSS("table.log"))); err != nil {
		t.Fatal(err)
	}
	// The most line boxes any cell other than the detail takes.
	lines, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(function () {
		var most = 0;
		document.querySelectorAll("table.log tbody td:not(.detail)").forEach(function (td) {
			if (!td.textContent.trim()) { return; }
			var r = document.createRange(); r.selectNodeContents(td);
			var tops = {};
			Array.prototype.forEach.call(r.getClientRects(), function (b) { if (b.width > 0) { tops[Math.round(b.top)] = true; } });
			most = Math.max(most, Object.keys(tops).length);
		});
		return most;
	}())`))
	if err != nil {
		t.Fatal(err)
	}
	if lines != 1 {
		t.Fatalf("a short column of the log wraps onto %v lines", lines)
	}
	detail, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`Array.prototype.map.call(document.querySelectorAll("table.log td.detail"), function (td) { return td.textContent; }).join("\n")`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(detail, fmt.Sprintf(`message_id="<%s@example.org>"`, long)) {
		t.Fatalf("detail %q", detail)
	}
}
