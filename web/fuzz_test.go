package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// FuzzPublicRequests sends anyone's GET requests (any path, any query: filters, pages,
// sorts, search words, feed and API parameters) to the public site over a record with a
// posted, a queued and a rejected statement. No request may get a server error or a
// panic, and none may show the queued or rejected statement (unless the request itself
// carries its words, which a search box or feed title echoes).
//
//	go test ./web -run '^$' -fuzz '^FuzzPublicRequests$' -fuzztime 1m
func FuzzPublicRequests(f *testing.F) {
	for _, seed := range [][2]string{
		{"/", "page=2&sort=deadline"}, {"/", "from=ITU-T+SG15&to=IETF&purpose=action&page=-1"},
		{"/search", "q=optical*"}, {"/search", `q="NEAR(a b)" OR title:x&page=99999999999999999999`},
		{"/feed.atom", "to=IETF+CCAMP+WG"}, {"/api/v1/statements", "q=flexgrid&limit=1000000&offset=-5"},
		{"/s/1", ""}, {"/s/-1", ""}, {"/s/1/a/%2e%2e/x", ""}, {"/api/v1/statements/99999999999999999999", ""},
		{"/static/../web.go", ""}, {"/s/2", "%zz"},
	} {
		f.Add(seed[0], seed[1])
	}
	fx := newFixture(f, testConfig())
	_, queued, rejected := fx.standard()
	hidden := []string{queued.Title, rejected.Title, "queued-zanzibar.txt", "quokka.txt"}
	f.Fuzz(func(t *testing.T, path, query string) {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.URL = &url.URL{Path: path, RawQuery: query}
		req.RequestURI = req.URL.RequestURI()
		rec := httptest.NewRecorder()
		fx.h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("GET %s: status %d: %s", req.RequestURI, rec.Code, rec.Body)
		}
		asked := strings.ToLower(path + " " + query + " " + req.URL.Query().Encode())
		for _, h := range hidden {
			if strings.Contains(rec.Body.String(), h) && !strings.Contains(asked, strings.ToLower(strings.Fields(h)[0])) {
				t.Fatalf("GET %s (status %d) shows unposted %q", req.RequestURI, rec.Code, h)
			}
		}
	})
}
