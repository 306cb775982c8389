package web

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/liaisond/liaisond/deadline"
	"github.com/liaisond/liaisond/review"
	"github.com/liaisond/liaisond/store"
)

// feedSize is how many recent statements a feed carries.
const feedSize = 50

// atomDoc is an Atom document (RFC 4287): the feed's own address (rel="self") and
// page, and one entry per statement.
type atomDoc struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle"`
	ID       string      `xml:"id"`
	Updated  string      `xml:"updated"`
	Links    []atomLink  `xml:"link"`
	Entries  []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
}

type atomEntry struct {
	Title     string     `xml:"title"`
	ID        string     `xml:"id"`
	Link      atomLink   `xml:"link"`
	Published string     `xml:"published"`
	Updated   string     `xml:"updated"`
	Author    atomAuthor `xml:"author"`
	Summary   string     `xml:"summary"` // plain text (type="text" is the default)
}

type atomAuthor struct {
	Name string `xml:"name"`
}

// feed is the Atom feed of posted statements, most recently updated first (an edit or
// an answer puts a statement back on top); from, to and purpose narrow it (the
// per-group feeds are /feed.atom?to=GROUP and ?from=BODY).
func (s *Server) feed(w http.ResponseWriter, r *http.Request) {
	lq, err := s.parseListQuery(r.Context(), r.URL.Query(), false)
	if errors.As(err, new(*badQuery)) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	base := s.baseURL()
	self := base + "/feed.atom"
	v := lq.values(0)
	v.Del("sort")
	if len(v) > 0 {
		self += "?" + v.Encode()
	}
	lq.Page, lq.Sort = 1, "updated"
	f := lq.filter(feedSize)
	f.Limit = feedSize
	sts, err := s.db.Statements(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	title := "Liaison statements"
	switch {
	case lq.To != "":
		title += " to " + lq.To
	case lq.From != "":
		title += " from " + lq.From
	}
	feed := atomDoc{Title: title, Subtitle: "Liaison statements received and posted in the public record", ID: self,
		Updated: atomTime(time.Unix(0, 0)),
		Links:   []atomLink{{Href: base + "/", Rel: "alternate", Type: "text/html"}, {Href: self, Rel: "self", Type: "application/atom+xml"}}}
	for i, st := range sts {
		if i == 0 {
			feed.Updated = atomTime(st.UpdatedAt)
		}
		feed.Entries = append(feed.Entries, feedEntry(base, st))
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	publicCache(w, r)
	fmt.Fprint(w, xml.Header)
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(feed); err != nil {
		s.log.Warn("feed not written", "err", err)
	}
}

func atomTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func feedEntry(base string, st store.Statement) atomEntry {
	link := fmt.Sprintf("%s/s/%d", base, st.ID)
	summary := fmt.Sprintf("From %s to %s. %s.", orUnknown(st.From), orUnknown(st.To), purposeLabel(st.Purpose))
	if st.Deadline != "" {
		summary += " Deadline " + st.Deadline + " (" + deadline.Rule + ")."
	}
	title := st.Title
	if title == "" {
		title = "(no title)"
	}
	published := st.PostedAt
	if published.IsZero() {
		published = st.ReceivedAt
	}
	// Title and summary are text elements: a title or a body name from a hostile mail
	// stays text in feed readers.
	return atomEntry{Title: title, ID: link, Link: atomLink{Href: link, Rel: "alternate", Type: "text/html"},
		Published: atomTime(published), Updated: atomTime(later(st.UpdatedAt, published)),
		Author: atomAuthor{Name: orUnknown(st.From)}, Summary: summary}
}

func orUnknown(l []string) string {
	if len(l) == 0 {
		return "unknown"
	}
	return strings.Join(l, ", ")
}

// apiItem is a statement as the API gives it: the record of `liaisond list --json` (or
// show), with the absolute URL of its page and of its files.
type apiItem struct {
	review.Record
	URL         string              `json:"url"`
	Attachments []review.Attachment `json:"attachments"`
}

// apiItem makes the URLs of a record absolute (from [web] public_url).
func (s *Server) apiItem(rec review.Record) apiItem {
	base := s.baseURL()
	it := apiItem{Record: rec, URL: fmt.Sprintf("%s/s/%d", base, rec.ID), Attachments: []review.Attachment{}}
	for _, a := range rec.Attachments {
		a.URL = base + a.URL
		if a.PDFURL != "" {
			a.PDFURL = base + a.PDFURL
		}
		it.Attachments = append(it.Attachments, a)
	}
	it.Record.Attachments = nil
	return it
}

// baseURL is public_url without its trailing slash.
func (s *Server) baseURL() string { return strings.TrimRight(s.cfg.PublicURL, "/") }

// apiList is GET /api/v1/statements: posted statements in the list form of
// `liaisond list --json`, each with its page and file URLs, with the list page's
// filters (from and to take a directory name or alias; purpose, action=1, year,
// since=TIME, sort=date|updated|deadline, page), limit, and q for full-text search
// (by relevance; not combined with filters). An unknown parameter or value is a 400
// with the reason. total counts the matching statements (null for a search).
func (s *Server) apiList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	lq, err := s.parseListQuery(r.Context(), q, true, "q", "limit")
	if errors.As(err, new(*badQuery)) {
		s.apiProblem(w, http.StatusBadRequest, err.Error())
		return
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	size := s.cfg.PageSize
	if v := q.Get("limit"); v != "" {
		l, err := strconv.Atoi(v)
		if err != nil || l < 1 || l > maxListLimit {
			s.apiProblem(w, http.StatusBadRequest, badParam("limit", v, fmt.Sprintf("statements per page, 1 to %d", maxListLimit)).Error())
			return
		}
		size = l
	}
	out := struct {
		Statements []apiItem `json:"statements"`
		Total      *int      `json:"total"`
		Page       int       `json:"page"`
		Limit      int       `json:"limit"`
		NextPage   *int      `json:"next_page"`
	}{Statements: []apiItem{}, Page: lq.Page, Limit: size}
	var sts []store.Statement
	if text := strings.TrimSpace(q.Get("q")); text != "" {
		for k := range q {
			if k != "q" && k != "page" && k != "limit" {
				s.apiProblem(w, http.StatusBadRequest, badParam(k, q.Get(k), "a search (q) is by relevance and takes only page and limit").Error())
				return
			}
		}
		hits, err := s.db.Search(r.Context(), store.SearchQuery{Text: text, State: store.StatementPosted,
			Limit: size + 1, Offset: (lq.Page - 1) * size})
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		for _, h := range hits {
			sts = append(sts, h.Statement)
		}
	} else {
		f := lq.filter(size)
		if sts, err = s.db.Statements(r.Context(), f); err != nil {
			s.apiError(w, r, err)
			return
		}
		total, err := s.db.CountStatements(r.Context(), f)
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		out.Total = &total
	}
	if len(sts) > size {
		sts = sts[:size]
		next := lq.Page + 1
		out.NextPage = &next
	}
	for _, st := range sts {
		rec := review.NewRecord(st)
		rec.ReviewReasons, rec.Edited = nil, nil
		atts, err := s.db.Attachments(r.Context(), st.Message)
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		rec.Attachments = review.Attachments(st.ID, atts)
		out.Statements = append(out.Statements, s.apiItem(rec))
	}
	s.writeJSON(w, r, out)
}

// apiStatement is GET /api/v1/statements/{id}: one posted statement in the form of
// `liaisond show --json`, without what only managers see, with absolute URLs.
func (s *Server) apiStatement(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.apiNotFound(w)
		return
	}
	// A logged-in manager gets every statement with what only managers see (review
	// reasons, evidence, the sender's authentication); publicCache keeps it private.
	manager := sessionFrom(r) != nil
	st, err := s.db.GetStatement(r.Context(), id)
	if err == nil && review.IsWithdrawn(st) && !manager {
		s.apiWithdrawn(w, r, st)
		return
	}
	if errors.Is(err, store.ErrNotFound) || err == nil && st.State != store.StatementPosted && !manager {
		s.apiNotFound(w)
		return
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	rec, err := review.Detail(r.Context(), s.db, st, review.DetailOptions{Public: !manager})
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writeJSON(w, r, s.apiItem(rec))
}

func (s *Server) writeJSON(w http.ResponseWriter, r *http.Request, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	publicCache(w, r)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

func (s *Server) apiNotFound(w http.ResponseWriter) {
	s.apiProblem(w, http.StatusNotFound, "not found")
}

func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	s.log.Error("api request failed", "path", r.URL.Path, "err", err)
	s.apiProblem(w, http.StatusInternalServerError, "internal error")
}

// apiProblem answers {"error": msg}.
func (s *Server) apiProblem(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}
