package web

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/liaisond/liaisond/review"
	"github.com/liaisond/liaisond/store"
)

// TestUnpostedInvisibleToPublic: a queued or rejected statement appears nowhere public —
// list, page, feeds, API, search, attachment URLs — and looks exactly like a missing one.
func TestUnpostedInvisibleToPublic(t *testing.T) {
	f := newFixture(t, testConfig())
	posted, queued, rejected := f.standard()
	postedAtts, _ := f.db.Attachments(t.Context(), posted.Message)
	for _, hidden := range []store.Statement{queued, rejected} {
		word := strings.Fields(hidden.Title)[0] // Zanzibar, Quokka
		atts, _ := f.db.Attachments(t.Context(), hidden.Message)
		if len(atts) == 0 {
			t.Fatal("seed has no attachment")
		}
		attURL := review.AttachmentURL(hidden.ID, atts[0].SHA256, atts[0].Filename)
		notFound := []string{
			fmt.Sprintf("/s/%d", hidden.ID),
			fmt.Sprintf("/api/v1/statements/%d", hidden.ID),
			attURL,
			// The hidden file through a posted statement's URL: the digest must belong to it.
			review.AttachmentURL(posted.ID, atts[0].SHA256, atts[0].Filename),
			fmt.Sprintf("/s/%d/a/%s/x", hidden.ID, postedAtts[0].SHA256),
		}
		for _, path := range notFound {
			res := f.get(path)
			if res.StatusCode != http.StatusNotFound {
				t.Errorf("%s: status %d, want 404", path, res.StatusCode)
			}
			if strings.Contains(strings.ToLower(res.Body), strings.ToLower(word)) {
				t.Errorf("%s: answer mentions %q", path, word)
			}
		}
		for _, path := range []string{"/", "/?page=1&sort=deadline", "/feed.atom", "/feed.atom?to=" + url.QueryEscape(hidden.To[0]),
			"/api/v1/statements", "/api/v1/statements?q=" + word, "/search?q=" + word, "/search?q=" + strings.ToLower(word)} {
			res := f.get(path)
			if res.StatusCode != http.StatusOK {
				t.Errorf("%s: status %d", path, res.StatusCode)
			}
			// The query itself may be echoed (a search box, a feed title); the statement not.
			if strings.Contains(res.Body, hidden.Title) || strings.Contains(res.Body, atts[0].Filename) {
				t.Errorf("%s shows the %s statement", path, hidden.State)
			}
		}
	}
	// The filter lists (facets) do not name the hidden statements' bodies either.
	if res := f.get("/"); strings.Contains(res.Body, "3GPP TSG SA WG2") || strings.Contains(res.Body, "Quokka Inc") {
		t.Error("the list's filters name bodies of unposted statements")
	}
}

func TestListFiltersAndPaging(t *testing.T) {
	cfg := testConfig()
	cfg.Web.PageSize = 2
	f := newFixture(t, cfg)
	posted, _, _ := f.standard()
	for i := range 3 {
		f.seed(seedMail{Subject: fmt.Sprintf("LS number %d", i), Text: "text", State: store.StatementPosted,
			Fields: map[string]any{"title": fmt.Sprintf("LS number %d", i), "from": []string{"MEF"},
				"to": []string{"IETF OPSAWG WG"}, "purpose": "information"}})
	}
	cases := []struct {
		query      string
		want, miss []string
	}{
		{"/", []string{"LS number 2", "LS number 1", `rel="next"`}, []string{"LS number 0", "optical"}},
		{"/?page=2", []string{"LS number 0", "optical", `rel="prev"`}, []string{"LS number 2"}},
		{"/?from=ITU-T+SG15", []string{"LS on optical transport"}, []string{"LS number"}},
		{"/?to=IETF+OPSAWG+WG", []string{"LS number 1"}, []string{"optical"}},
		{"/?purpose=action", []string{"optical"}, []string{"LS number"}},
		{"/?action=1", []string{"optical", "Action needed"}, []string{"LS number"}},
		{"/?sort=deadline", []string{"optical"}, nil},
		{fmt.Sprintf("/?year=%d", posted.ReceivedAt.Year()), []string{"LS number 2"}, nil},
		{"/?year=1999", []string{"No posted statement matches"}, []string{"LS number"}},
		{"/?from=%3Cscript%3E", []string{"No posted statement matches"}, []string{"<script>"}},
	}
	for _, c := range cases {
		res := f.get(c.query)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", c.query, res.StatusCode)
		}
		for _, w := range c.want {
			if !strings.Contains(res.Body, w) {
				t.Errorf("%s: missing %q", c.query, w)
			}
		}
		for _, m := range c.miss {
			if strings.Contains(res.Body, m) {
				t.Errorf("%s: unexpected %q", c.query, m)
			}
		}
	}
	// Sorted by deadline, the statement with one comes first.
	res := f.get("/?sort=deadline")
	if i, j := strings.Index(res.Body, "optical"), strings.Index(res.Body, "LS number"); i < 0 || j >= 0 && i > j {
		t.Error("deadline sort does not put the statement with a deadline first")
	}
}

func TestStatementPage(t *testing.T) {
	f := newFixture(t, testConfig())
	posted, _, _ := f.standard()
	res := f.get(fmt.Sprintf("/s/%d", posted.ID))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	atts, _ := f.db.Attachments(t.Context(), posted.Message)
	for _, want := range []string{
		"<h1>LS on optical transport</h1>", "From</dt>", "ITU-T SG15", "From-Contact</dt>", "rapporteur@itu.example",
		"Send Reply To</dt>", "sg15-secretariat@itu.example", "To</dt>", "IETF CCAMP WG", "To-Contact</dt>",
		"ccamp-chairs@example.org", "Send To</dt>", "statements@example.org", "Purpose</dt>", "For action",
		"Deadline</dt>", "2026-03-31", "Anywhere on Earth", "Other identifiers</dt>", "SG15-LS45",
		"flexgrid proposal", // body
		review.AttachmentURL(posted.ID, atts[0].SHA256, atts[0].Filename),
		review.AttachmentURL(posted.ID, atts[0].PDFSHA256, "SG15-LS45 draft.pdf"),
		"History", "Received", "Posted", // the public history, no manager names
		`href="/feed.atom?from=ITU-T&#43;SG15"`, `href="/feed.atom?to=IETF&#43;CCAMP&#43;WG"`,
	} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("statement page lacks %q", want)
		}
	}
	if strings.Contains(res.Body, "Extracted") {
		t.Error("the public history shows internal processing events")
	}
	for _, path := range []string{"/s/0", "/s/abc", "/s/999999", "/s/-1"} {
		if res := f.get(path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d", path, res.StatusCode)
		}
	}
}

func TestAttachmentDownload(t *testing.T) {
	f := newFixture(t, testConfig())
	posted, _, _ := f.standard()
	atts, _ := f.db.Attachments(t.Context(), posted.Message)
	a := atts[0]
	res := f.get(review.AttachmentURL(posted.ID, a.SHA256, a.Filename))
	if res.StatusCode != http.StatusOK || res.Body != "The wavelength label text" {
		t.Fatalf("original: %d %q", res.StatusCode, res.Body)
	}
	h := res.Header
	if h.Get("Content-Type") != a.DeclaredType || h.Get("X-Content-Type-Options") != "nosniff" ||
		!strings.HasPrefix(h.Get("Content-Disposition"), "attachment;") || !strings.Contains(h.Get("Content-Disposition"), "SG15-LS45 draft.docx") ||
		!strings.Contains(h.Get("Content-Security-Policy"), "sandbox") {
		t.Fatalf("original headers %v", h)
	}
	// The file name in the URL is for people: another name serves the same file, so a
	// link never breaks.
	if res := f.get(fmt.Sprintf("/s/%d/a/%s/renamed.bin", posted.ID, a.SHA256)); res.StatusCode != http.StatusOK {
		t.Fatalf("other name: %d", res.StatusCode)
	}
	pdf := f.get(review.AttachmentURL(posted.ID, a.PDFSHA256, review.PDFName(a.Filename)))
	if pdf.StatusCode != http.StatusOK || pdf.Header.Get("Content-Type") != "application/pdf" ||
		!strings.Contains(pdf.Header.Get("Content-Disposition"), "SG15-LS45 draft.pdf") {
		t.Fatalf("pdf: %d %v", pdf.StatusCode, pdf.Header)
	}
	for _, bad := range []string{"nothex", strings.Repeat("0", 64), strings.ToUpper(a.SHA256[:63]) + "g"} {
		if res := f.get(fmt.Sprintf("/s/%d/a/%s/x", posted.ID, bad)); res.StatusCode != http.StatusNotFound {
			t.Errorf("digest %s: %d", bad, res.StatusCode)
		}
	}
}

func TestSafeContentType(t *testing.T) {
	for in, want := range map[string]string{
		"application/pdf":            "application/pdf",
		"text/html; charset=utf-8":   "text/html",
		"":                           "application/octet-stream",
		"bogus":                      "application/octet-stream",
		"text/plain\r\nX-Evil: 1":    "application/octet-stream",
		"application/msword; name=x": "application/msword",
	} {
		if got := safeContentType(in); got != want {
			t.Errorf("safeContentType(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSearchPage(t *testing.T) {
	f := newFixture(t, testConfig())
	f.standard()
	for q, want := range map[string]string{
		"optical":    "<mark>optical</mark>",
		"flexgrid":   "<mark>flexgrid</mark>",
		"wavelength": "<mark>wavelength</mark>",
	} {
		res := f.get("/search?q=" + q)
		if res.StatusCode != http.StatusOK || !strings.Contains(res.Body, want) || !strings.Contains(res.Body, "LS on optical transport") {
			t.Errorf("search %q: %d, no %q", q, res.StatusCode, want)
		}
	}
	res := f.get("/search?q=%22%3Cscript%3Ealert(1)%3C%2Fscript%3E")
	if res.StatusCode != http.StatusOK || strings.Contains(res.Body, "<script>alert") {
		t.Fatalf("hostile query: %d", res.StatusCode)
	}
	if res := f.get("/search"); res.StatusCode != http.StatusOK || strings.Contains(res.Body, "No posted statement contains") {
		t.Fatal("empty search page")
	}
}

// atomFeed is the part of an Atom document the tests read.
type atomFeed struct {
	Title   string `xml:"title"`
	Entries []struct {
		Title   string `xml:"title"`
		ID      string `xml:"id"`
		Summary string `xml:"summary"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

func TestFeeds(t *testing.T) {
	f := newFixture(t, testConfig())
	posted, _, _ := f.standard()
	for path, wantEntries := range map[string]int{
		"/feed.atom": 1, "/feed.atom?to=IETF+CCAMP+WG": 1, "/feed.atom?from=ITU-T+SG15": 1, "/feed.atom?to=IETF+OPSAWG+WG": 0,
	} {
		res := f.get(path)
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/atom+xml") {
			t.Fatalf("%s: %d %s", path, res.StatusCode, res.Header.Get("Content-Type"))
		}
		var feed atomFeed
		if err := xml.Unmarshal([]byte(res.Body), &feed); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(feed.Entries) != wantEntries {
			t.Fatalf("%s: %d entries", path, len(feed.Entries))
		}
		if wantEntries == 1 {
			e := feed.Entries[0]
			want := fmt.Sprintf("http://liaisond.test/s/%d", posted.ID)
			if e.Title != "LS on optical transport" || e.ID != want || e.Link.Href != want || !strings.Contains(e.Summary, "2026-03-31") {
				t.Fatalf("%s: entry %+v", path, e)
			}
		}
	}
}

func TestAPI(t *testing.T) {
	f := newFixture(t, testConfig())
	posted, _, _ := f.standard()
	res := f.get("/api/v1/statements")
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("list: %d", res.StatusCode)
	}
	var list struct {
		Statements []map[string]any `json:"statements"`
		Page       int              `json:"page"`
		NextPage   *int             `json:"next_page"`
	}
	if err := json.Unmarshal([]byte(res.Body), &list); err != nil {
		t.Fatal(err)
	}
	if len(list.Statements) != 1 || list.NextPage != nil || list.Page != 1 {
		t.Fatalf("list %+v", list)
	}
	// The contract names of `liaisond list --json`.
	for _, k := range []string{"id", "state", "received_at", "posted_at", "title", "from", "from_contacts", "send_reply_to",
		"to", "to_contacts", "send_to", "purpose", "deadline", "in_response_to", "other_identifiers", "delivered_to",
		"misdirected", "route_to"} {
		if _, ok := list.Statements[0][k]; !ok {
			t.Errorf("list item lacks %q", k)
		}
	}
	if _, ok := list.Statements[0]["review_reasons"]; ok {
		t.Error("public API shows review reasons")
	}
	res = f.get(fmt.Sprintf("/api/v1/statements/%d", posted.ID))
	var one review.Record
	if err := json.Unmarshal([]byte(res.Body), &one); err != nil {
		t.Fatal(err)
	}
	if one.ID != posted.ID || review.Str(one.Title) != "LS on optical transport" || len(one.Attachments) != 1 ||
		one.Attachments[0].PDFURL == "" || len(one.History) == 0 || one.Evidence != nil {
		t.Fatalf("detail %+v", one)
	}
	for _, e := range one.History {
		if e.Actor != "" {
			t.Fatalf("public history names a manager: %+v", e)
		}
	}
	if res := f.get("/api/v1/statements?q=flexgrid"); !strings.Contains(res.Body, "LS on optical transport") {
		t.Fatal("API search misses")
	}
	if res := f.get("/api/v1/statements/abc"); res.StatusCode != http.StatusNotFound {
		t.Fatalf("bad id: %d", res.StatusCode)
	}
}

func TestSecurityHeadersAndProbes(t *testing.T) {
	f := newFixture(t, testConfig())
	f.standard()
	for _, path := range []string{"/", "/search?q=x", "/login", "/nope"} {
		h := f.get(path).Header
		if h.Get("Content-Security-Policy") != pageCSP || h.Get("X-Content-Type-Options") != "nosniff" ||
			h.Get("Referrer-Policy") == "" || h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: headers %v", path, h)
		}
	}
	if res := f.get("/static/style.css"); res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/css") {
		t.Fatalf("css: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	for path, want := range map[string]string{"/healthz": "ok", "/readyz": "ready"} {
		if res := f.get(path); res.StatusCode != http.StatusOK || !strings.Contains(res.Body, want) {
			t.Errorf("%s: %d %q", path, res.StatusCode, res.Body)
		}
	}
}
