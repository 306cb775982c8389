package web

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/liaisond/liaisond/directory"
	"github.com/liaisond/liaisond/store"
)

// TestUnknownFilterValues: a filter value the list does not know is a 400 that says
// why, in the API (JSON), the list page (HTML, the form kept) and the feed, instead of
// a list that silently ignores it.
func TestUnknownFilterValues(t *testing.T) {
	f := newFixture(t, testConfig())
	f.standard()
	for _, c := range []struct{ query, reason string }{
		{"purpose=bogus", `purpose="bogus": one of information, action, response`},
		{"action=yes", `action="yes"`},
		{"year=abc", `year="abc"`},
		{"year=1850", `year="1850"`},
		{"sort=title", `sort="title"`},
		{"page=0", `page="0"`},
		{"page=x", `page="x"`},
		{"since=yesterday", `since="yesterday"`},
		{"since=2026-13-01", `since="2026-13-01"`},
		{"from=" + strings.Repeat("x", 300), `from="xxx`},
		{"to=a%00b", `to="a\x00b"`},
		{"purpose=%3Cscript%3E", `purpose="<script>"`},
	} {
		api := f.get("/api/v1/statements?" + c.query)
		var body struct{ Error string }
		if err := json.Unmarshal([]byte(api.Body), &body); err != nil || api.StatusCode != http.StatusBadRequest ||
			!strings.Contains(body.Error, c.reason) || api.Header.Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("API ?%s: %d %s", c.query, api.StatusCode, api.Body)
		}
		page := f.get("/?" + c.query)
		if page.StatusCode != http.StatusBadRequest || !strings.Contains(page.Body, `class="error"`) ||
			!strings.Contains(page.Body, `<form class="filters"`) || strings.Contains(page.Body, "<script>") ||
			strings.Contains(page.Body, "LS on optical transport") {
			t.Errorf("list page ?%s: %d", c.query, page.StatusCode)
		}
		if feed := f.get("/feed.atom?" + c.query); feed.StatusCode != http.StatusBadRequest {
			t.Errorf("feed ?%s: %d", c.query, feed.StatusCode)
		}
	}
	// The API also refuses parameters it does not know (a misspelt filter); pages ignore
	// them (links carry tracking parameters).
	if res := f.get("/api/v1/statements?purpsoe=action"); res.StatusCode != http.StatusBadRequest || !strings.Contains(res.Body, "unknown parameter") {
		t.Errorf("API with unknown parameter: %d %s", res.StatusCode, res.Body)
	}
	for _, q := range []string{"limit=0", "limit=501", "limit=x", "q=optical&purpose=action"} {
		if res := f.get("/api/v1/statements?" + q); res.StatusCode != http.StatusBadRequest {
			t.Errorf("API ?%s: %d", q, res.StatusCode)
		}
	}
	for _, path := range []string{"/?utm_source=x", "/?action=0&sort=date&page=1&year=2026&since=2026-01-02", "/api/v1/statements?since=2026-01-02T10:00:00%2B02:00&limit=500"} {
		if res := f.get(path); res.StatusCode != http.StatusOK {
			t.Errorf("%s: %d %s", path, res.StatusCode, res.Body)
		}
	}
}

// apiList is the list answer of the API.
type apiListBody struct {
	Statements []struct {
		ID          int64    `json:"id"`
		Title       string   `json:"title"`
		To          []string `json:"to"`
		URL         string   `json:"url"`
		Attachments []struct {
			URL    string `json:"url"`
			PDFURL string `json:"pdf_url"`
		} `json:"attachments"`
	} `json:"statements"`
	Total    *int `json:"total"`
	Page     int  `json:"page"`
	Limit    int  `json:"limit"`
	NextPage *int `json:"next_page"`
}

func (f *fixture) apiList(query string) apiListBody {
	f.t.Helper()
	res := f.get("/api/v1/statements?" + query)
	var out apiListBody
	if err := json.Unmarshal([]byte(res.Body), &out); err != nil || res.StatusCode != http.StatusOK {
		f.t.Fatalf("API ?%s: %d %s", query, res.StatusCode, res.Body)
	}
	return out
}

// TestAPIListDirectoryTotalSince: group filters take the directory's names and aliases
// in any case; the list has a total, a since filter, and absolute URLs of each
// statement's page and files.
func TestAPIListDirectoryTotalSince(t *testing.T) {
	cfg := testConfig()
	cfg.Groups[0].Aliases = []string{"IETF CCAMP WG", "Common Control and Measurement Plane"}
	cfg.SDOs = []directory.SDO{{Name: "ITU-T SG15", Aliases: []string{"SG15", "ITU-T Study Group 15"}}}
	f := newFixture(t, cfg)
	posted, _, _ := f.standard()
	for i := range 3 {
		f.seed(seedMail{Subject: fmt.Sprintf("LS number %d", i), Text: "text", State: store.StatementPosted,
			Fields: map[string]any{"title": fmt.Sprintf("LS number %d", i), "from": []string{"MEF"},
				"to": []string{"ietf ccamp wg"}, "purpose": "information"}})
	}
	for q, want := range map[string]int{
		"to=CCAMP": 4, "to=ccamp": 4, "to=IETF+CCAMP+WG": 4, "to=Common+Control+and+Measurement+Plane": 4,
		"from=SG15": 1, "from=itu-t+study+group+15": 1, "from=MEF": 3, "from=mef": 3, "to=OPSAWG": 0, "to=Nobody": 0,
		"": 4, "to=CCAMP&purpose=information": 3,
	} {
		if l := f.apiList(q); l.Total == nil || *l.Total != want || len(l.Statements) != want {
			t.Errorf("?%s: total %v, %d statements; want %d", q, l.Total, len(l.Statements), want)
		}
	}
	// The list page and the feed take the same names.
	if res := f.get("/?to=ccamp"); !strings.Contains(res.Body, "LS on optical transport") || !strings.Contains(res.Body, "LS number 2") ||
		!strings.Contains(res.Body, "<option selected>ccamp</option>") {
		t.Error("list page: to=ccamp misses, or its form does not show the filter")
	}
	var feed atomFeed
	xml.Unmarshal([]byte(f.get("/feed.atom?from=sg15").Body), &feed)
	if len(feed.Entries) != 1 {
		t.Errorf("feed from=sg15: %d entries", len(feed.Entries))
	}

	// The total is of all pages.
	l := f.apiList("limit=3")
	if *l.Total != 4 || len(l.Statements) != 3 || l.NextPage == nil || *l.NextPage != 2 || l.Limit != 3 {
		t.Errorf("page 1 of 2: %+v", l)
	}
	if l := f.apiList("limit=3&page=2"); *l.Total != 4 || len(l.Statements) != 1 || l.NextPage != nil {
		t.Errorf("page 2 of 2: %+v", l)
	}

	// Absolute URLs of the page and the files.
	l = f.apiList("from=SG15")
	it := l.Statements[0]
	atts, _ := f.db.Attachments(t.Context(), posted.Message)
	if it.URL != fmt.Sprintf("http://liaisond.test/s/%d", posted.ID) || len(it.Attachments) != 1 ||
		!strings.HasPrefix(it.Attachments[0].URL, "http://liaisond.test/s/") || !strings.Contains(it.Attachments[0].URL, atts[0].SHA256) ||
		!strings.HasPrefix(it.Attachments[0].PDFURL, "http://liaisond.test/s/") {
		t.Errorf("item URLs: %+v", it)
	}
	for _, u := range []string{it.Attachments[0].URL, it.Attachments[0].PDFURL} {
		if res := f.get(strings.TrimPrefix(u, "http://liaisond.test")); res.StatusCode != http.StatusOK {
			t.Errorf("%s: %d", u, res.StatusCode)
		}
	}
	if l := f.apiList("from=MEF"); l.Statements[0].Attachments == nil {
		t.Error("an item without files has no attachments list")
	}
	var one struct {
		URL         string `json:"url"`
		Attachments []struct {
			URL string `json:"url"`
		} `json:"attachments"`
	}
	json.Unmarshal([]byte(f.get(fmt.Sprintf("/api/v1/statements/%d", posted.ID)).Body), &one)
	if one.URL != it.URL || len(one.Attachments) != 1 || one.Attachments[0].URL != it.Attachments[0].URL {
		t.Errorf("detail URLs: %+v", one)
	}

	// since: received or updated after a time.
	since := time.Now()
	if l := f.apiList("since=" + url.QueryEscape(since.Format(time.RFC3339Nano))); *l.Total != 0 {
		t.Errorf("since now: %d", *l.Total)
	}
	if err := f.db.SetActionTaken(t.Context(), posted.ID, "alice", store.Event{Type: "action_taken"}); err != nil {
		t.Fatal(err)
	}
	if l := f.apiList("since=" + url.QueryEscape(since.Format(time.RFC3339Nano))); *l.Total != 1 || l.Statements[0].ID != posted.ID {
		t.Errorf("since, after an update: %+v", l)
	}
	if l := f.apiList("since=" + since.AddDate(0, 0, -1).UTC().Format(time.DateOnly)); *l.Total != 4 {
		t.Errorf("since yesterday: %d", *l.Total)
	}
	if l := f.apiList("sort=updated&limit=1"); l.Statements[0].ID != posted.ID {
		t.Errorf("sort=updated: %+v", l.Statements)
	}
}

// TestFeedSelfPublishedUpdated: the feed names its own address (rel="self", with its
// filter), each entry has published and updated times, and the most recently updated
// statement comes first.
func TestFeedSelfPublishedUpdated(t *testing.T) {
	f := newFixture(t, testConfig())
	posted, _, _ := f.standard()
	newer := f.seed(seedMail{Subject: "LS newer", Text: "text", State: store.StatementPosted,
		Fields: map[string]any{"title": "LS newer", "from": []string{"MEF"}, "to": []string{"IETF CCAMP WG"}}})
	var feed struct {
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Links   []struct {
			Href string `xml:"href,attr"`
			Rel  string `xml:"rel,attr"`
		} `xml:"link"`
		Entries []struct {
			ID        string `xml:"id"`
			Published string `xml:"published"`
			Updated   string `xml:"updated"`
		} `xml:"entry"`
	}
	read := func(path string) {
		t.Helper()
		feed.Links, feed.Entries = nil, nil
		res := f.get(path)
		if err := xml.Unmarshal([]byte(res.Body), &feed); err != nil || res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %v", path, res.StatusCode, err)
		}
	}
	entryID := func(id int64) string { return fmt.Sprintf("http://liaisond.test/s/%d", id) }
	read("/feed.atom?to=IETF+CCAMP+WG&page=3")
	self := "http://liaisond.test/feed.atom?to=IETF+CCAMP+WG"
	rels := map[string]string{}
	for _, l := range feed.Links {
		rels[l.Rel] = l.Href
	}
	if rels["self"] != self || rels["alternate"] != "http://liaisond.test/" || feed.ID != self {
		t.Errorf("feed links %v, id %s", rels, feed.ID)
	}
	if len(feed.Entries) != 2 || feed.Entries[0].ID != entryID(newer.ID) {
		t.Fatalf("entries %+v", feed.Entries)
	}
	for _, e := range feed.Entries {
		p, err1 := time.Parse(time.RFC3339, e.Published)
		u, err2 := time.Parse(time.RFC3339, e.Updated)
		if err1 != nil || err2 != nil || u.Before(p) {
			t.Errorf("entry times %+v", e)
		}
	}
	time.Sleep(1100 * time.Millisecond) // feed times are in seconds
	if err := f.db.SetActionTaken(t.Context(), posted.ID, "alice", store.Event{Type: "action_taken"}); err != nil {
		t.Fatal(err)
	}
	read("/feed.atom")
	if len(feed.Entries) != 2 || feed.Entries[0].ID != entryID(posted.ID) || feed.Entries[0].Updated == feed.Entries[0].Published ||
		feed.Updated != feed.Entries[0].Updated {
		t.Errorf("after an update: feed updated %s, entries %+v", feed.Updated, feed.Entries)
	}
	if rels := feed.Links; len(rels) != 2 || rels[1].Href != "http://liaisond.test/feed.atom" {
		t.Errorf("unfiltered self %+v", rels)
	}
}
