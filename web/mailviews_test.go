package web

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"github.com/liaisond/liaisond/review"
)

// TestMailViewCached: the public page of a statement parses its raw message once; later
// views come from the cache (here the raw bytes are deleted behind the server's back and
// the page still shows the mail).
func TestMailViewCached(t *testing.T) {
	f := newFixture(t, testConfig())
	posted, _, _ := f.standard()
	page := fmt.Sprintf("/s/%d", posted.ID)
	if res := f.get(page); res.StatusCode != http.StatusOK || !strings.Contains(res.Body, "flexgrid proposal") {
		t.Fatalf("first view: %d", res.StatusCode)
	}
	other, err := sql.Open("sqlite", "file:"+f.db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.Exec(`DELETE FROM raw_chunks`); err != nil {
		t.Fatal(err)
	}
	if res := f.get(page); res.StatusCode != http.StatusOK || !strings.Contains(res.Body, "flexgrid proposal") {
		t.Fatalf("second view did not come from the cache: %d", res.StatusCode)
	}
}

// TestMailParseBusy: while every parse slot is taken, a page that must parse a mail waits
// at most the configured time, then answers 503 with Retry-After; a free slot serves it.
func TestMailParseBusy(t *testing.T) {
	f := newFixture(t, testConfig())
	posted, _, _ := f.standard()
	f.srv.mailViews.wait = 50 * time.Millisecond
	for range cap(f.srv.mailViews.slots) {
		f.srv.mailViews.slots <- struct{}{}
	}
	page := fmt.Sprintf("/s/%d", posted.ID)
	res := f.get(page)
	if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") == "" {
		t.Fatalf("with every slot taken: %d, Retry-After %q; want 503 with Retry-After", res.StatusCode, res.Header.Get("Retry-After"))
	}
	<-f.srv.mailViews.slots
	if res := f.get(page); res.StatusCode != http.StatusOK {
		t.Fatalf("with a free slot: %d", res.StatusCode)
	}
}

// TestMailViewsBounded: the cache keeps at most maxCachedViews views and
// maxCachedViewBytes of text, dropping the oldest first, and never keeps one larger than
// the whole bound.
func TestMailViewsBounded(t *testing.T) {
	c := newMailViews()
	for i := range int64(maxCachedViews + 6) {
		c.put(i, &mailView{Text: "short"})
	}
	if len(c.views) != maxCachedViews || c.get(5) != nil || c.get(6) == nil || c.get(maxCachedViews+5) == nil {
		t.Fatalf("%d views kept; want %d, the oldest dropped", len(c.views), maxCachedViews)
	}
	c.put(1000, &mailView{Text: strings.Repeat("x", maxCachedViewBytes+1)})
	if c.get(1000) != nil {
		t.Fatal("kept a view larger than the whole bound")
	}
	big := strings.Repeat("x", maxCachedViewBytes/2)
	c.put(2000, &mailView{Text: big})
	c.put(2001, &mailView{Text: big})
	c.put(2002, &mailView{Text: big})
	if c.get(2000) != nil || c.get(2001) == nil || c.get(2002) == nil || c.bytes > maxCachedViewBytes {
		t.Fatalf("text bound not kept: %d bytes cached", c.bytes)
	}
}

// TestLongMailTextCut: a statement page shows at most maxShown of a mail's text, cut at
// a line end, and says how long the whole text is; the page stays small.
func TestLongMailTextCut(t *testing.T) {
	f := newFixture(t, testConfig())
	text := strings.Repeat("A long liaison statement body line of about sixty bytes.\n", 20000)
	st := f.seed(seedMail{Subject: "LS with a long text", Text: text, State: "posted",
		Fields: map[string]any{"title": "LS with a long text", "from": []string{"MEF"}, "to": []string{"IETF OPSAWG WG"}}})
	res := f.get(fmt.Sprintf("/s/%d", st.ID))
	if res.StatusCode != http.StatusOK || !strings.Contains(res.Body, "The text is cut here") || len(res.Body) > maxShown+64<<10 {
		t.Fatalf("status %d, page of %d bytes (text %d), cut note %v", res.StatusCode, len(res.Body), len(text),
			strings.Contains(res.Body, "The text is cut here"))
	}
	if !strings.Contains(res.Body, "bytes.\n</pre>") {
		t.Error("the text is not cut at a line end")
	}
}

// TestMailViewBuiltOnce: visitors who ask at once for a mail view that is not cached yet
// share one parse: those who waited for a slot find the view in the cache.
func TestMailViewBuiltOnce(t *testing.T) {
	c := newMailViews()
	var builds atomic.Int32
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := c.view(t.Context(), 7, func(context.Context) (*mailView, error) {
				builds.Add(1)
				time.Sleep(20 * time.Millisecond)
				return &mailView{Text: "statement"}, nil
			})
			if err != nil || v == nil || v.Text != "statement" {
				t.Errorf("view %+v, %v", v, err)
			}
		}()
	}
	wg.Wait()
	if n := builds.Load(); n != 1 {
		t.Fatalf("%d parses for 20 visitors, want 1", n)
	}
}

// TestDownloadsBounded: downloads in flight are bounded by their bytes. While the budget
// is taken, a download waits at most the configured time, then gets 503 with
// Retry-After; once bytes are released it is served. A file larger than the whole budget
// still gets through, alone.
func TestDownloadsBounded(t *testing.T) {
	f := newFixture(t, testConfig())
	posted, _, _ := f.standard()
	atts, _ := f.db.Attachments(t.Context(), posted.Message)
	url := review.AttachmentURL(posted.ID, atts[0].SHA256, atts[0].Filename)
	f.srv.downloads = newDownloads(10) // smaller than the file (25 bytes)
	f.srv.downloads.wait = 50 * time.Millisecond
	release, err := f.srv.downloads.acquire(t.Context(), 4)
	if err != nil {
		t.Fatal(err)
	}
	if res := f.get(url); res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") == "" {
		t.Fatalf("with the budget taken: %d; want 503 with Retry-After", res.StatusCode)
	}
	release()
	if res := f.get(url); res.StatusCode != http.StatusOK || res.Body != "The wavelength label text" {
		t.Fatalf("with the budget free: %d %q", res.StatusCode, res.Body)
	}
}
