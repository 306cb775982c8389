package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/liaisond/liaisond/review"
	"github.com/liaisond/liaisond/store"
)

// TestAttachmentWithdrawn: a posted statement's files may be cached only if caches ask
// again (ETag, 304 without the file); once the statement is no longer posted, its files
// are gone for the public, even to a cache that asks with the ETag it kept.
func TestAttachmentWithdrawn(t *testing.T) {
	f := newFixture(t, testConfig())
	posted, _, _ := f.standard()
	atts, _ := f.db.Attachments(t.Context(), posted.Message)
	for _, u := range []string{
		review.AttachmentURL(posted.ID, atts[0].SHA256, atts[0].Filename),
		review.AttachmentURL(posted.ID, atts[0].PDFSHA256, review.PDFName(atts[0].Filename)),
	} {
		res := f.get(u)
		cc, etag := res.Header.Get("Cache-Control"), res.Header.Get("ETag")
		if res.StatusCode != http.StatusOK || etag == "" || !strings.Contains(cc, "no-cache") ||
			strings.Contains(cc, "immutable") || strings.Contains(cc, "max-age=86400") {
			t.Fatalf("%s: %d, Cache-Control %q, ETag %q", u, res.StatusCode, cc, etag)
		}
		for _, inm := range []string{etag, "W/" + etag, `"other", ` + etag, "*"} {
			if res := f.getWith(u, "If-None-Match", inm); res.StatusCode != http.StatusNotModified || res.Body != "" ||
				res.Header.Get("ETag") != etag {
				t.Errorf("%s with If-None-Match %s: %d %q", u, inm, res.StatusCode, res.Body)
			}
		}
		if res := f.getWith(u, "If-None-Match", `"other"`); res.StatusCode != http.StatusOK {
			t.Errorf("%s with another ETag: %d", u, res.StatusCode)
		}
	}
	// Staff pages and static files may stay long-cached; they are not withdrawn.
	if cc := f.get("/static/style.css").Header.Get("Cache-Control"); !strings.Contains(cc, "max-age=") {
		t.Errorf("static: Cache-Control %q", cc)
	}

	if err := f.db.SetStatementState(t.Context(), posted.ID, store.StatementRejected, "alice", store.Event{Type: "rejected"}); err != nil {
		t.Fatal(err)
	}
	u := review.AttachmentURL(posted.ID, atts[0].SHA256, atts[0].Filename)
	for _, inm := range []string{"", `"` + atts[0].SHA256 + `"`} {
		if res := f.getWith(u, "If-None-Match", inm); res.StatusCode != http.StatusNotFound || strings.Contains(res.Body, "wavelength") {
			t.Errorf("withdrawn file (If-None-Match %q): %d", inm, res.StatusCode)
		}
	}
	// A manager still gets it, never cached.
	m := f.login("alice")
	if res := f.get(u, m.cookie); res.StatusCode != http.StatusOK || res.Header.Get("Cache-Control") != "private, no-store" ||
		res.Header.Get("ETag") != "" {
		t.Errorf("manager: %d %q", res.StatusCode, res.Header.Get("Cache-Control"))
	}
}

// getWith is a GET with one request header.
func (f *fixture) getWith(target, header, value string) response {
	f.t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	if value != "" {
		req.Header.Set(header, value)
	}
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, req)
	return response{Response: rec.Result(), Body: rec.Body.String()}
}
