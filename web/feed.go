package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gorilla/feeds"

	"github.com/liaisond/liaisond/review"
	"github.com/liaisond/liaisond/store"
)

// feedSize is how many recent statements a feed carries.
const feedSize = 50

// feed is the Atom feed of recently posted statements; from, to and purpose narrow it
// (the per-group feeds are /feed.atom?to=GROUP and ?from=BODY).
func (s *Server) feed(w http.ResponseWriter, r *http.Request) {
	lq := parseListQuery(r.URL.Query())
	lq.Page, lq.Sort = 1, "date"
	f := lq.filter(feedSize)
	f.Limit = feedSize
	sts, err := s.db.Statements(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	base := strings.TrimRight(s.cfg.PublicURL, "/")
	title := "Liaison statements"
	switch {
	case lq.To != "":
		title += " to " + lq.To
	case lq.From != "":
		title += " from " + lq.From
	}
	self := base + "/feed.atom"
	if q := r.URL.RawQuery; q != "" {
		self += "?" + lq.values(0).Encode()
	}
	feed := &feeds.Feed{Title: title, Link: &feeds.Link{Href: base + "/"}, Id: self,
		Description: "Liaison statements received and posted in the public record", Updated: time.Unix(0, 0).UTC()}
	for _, st := range sts {
		if st.PostedAt.After(feed.Updated) {
			feed.Updated = st.PostedAt
		}
		feed.Items = append(feed.Items, feedItem(base, st))
	}
	atom, err := feed.ToAtom()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	publicCache(w, r)
	fmt.Fprint(w, atom)
}

func feedItem(base string, st store.Statement) *feeds.Item {
	link := fmt.Sprintf("%s/s/%d", base, st.ID)
	summary := fmt.Sprintf("From %s to %s. %s.", orUnknown(st.From), orUnknown(st.To), purposeLabel(st.Purpose))
	if st.Deadline != "" {
		summary += " Deadline " + st.Deadline + " (" + DeadlineRule + ")."
	}
	title := st.Title
	if title == "" {
		title = "(no title)"
	}
	// gorilla/feeds marks a summary as type="html": escape it, so that a title or a body
	// name from a hostile mail stays text in feed readers too.
	return &feeds.Item{Title: title, Link: &feeds.Link{Href: link}, Id: link, Description: html.EscapeString(summary),
		Author: &feeds.Author{Name: orUnknown(st.From)}, Created: st.PostedAt, Updated: st.PostedAt}
}

func orUnknown(l []string) string {
	if len(l) == 0 {
		return "unknown"
	}
	return strings.Join(l, ", ")
}

// apiList is GET /api/v1/statements: posted statements in the list form of
// `liaisond list --json`, with the list page's filters (from, to, purpose, action=1,
// year, sort=deadline, page) and q for full-text search.
func (s *Server) apiList(w http.ResponseWriter, r *http.Request) {
	lq := parseListQuery(r.URL.Query())
	size := s.cfg.PageSize
	if l, err := strconv.Atoi(r.URL.Query().Get("limit")); err == nil && l > 0 {
		size = min(l, 500)
	}
	var sts []store.Statement
	if q := strings.TrimSpace(r.URL.Query().Get("q")); q != "" {
		hits, err := s.db.Search(r.Context(), store.SearchQuery{Text: q, State: store.StatementPosted,
			Limit: size + 1, Offset: (lq.Page - 1) * size})
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		for _, h := range hits {
			sts = append(sts, h.Statement)
		}
	} else {
		var err error
		if sts, err = s.db.Statements(r.Context(), lq.filter(size)); err != nil {
			s.apiError(w, r, err)
			return
		}
	}
	out := struct {
		Statements []review.Record `json:"statements"`
		Page       int             `json:"page"`
		NextPage   *int            `json:"next_page"`
	}{Statements: []review.Record{}, Page: lq.Page}
	if len(sts) > size {
		sts = sts[:size]
		next := lq.Page + 1
		out.NextPage = &next
	}
	for _, st := range sts {
		rec := review.NewRecord(st)
		rec.ReviewReasons, rec.Edited = nil, nil
		out.Statements = append(out.Statements, rec)
	}
	s.writeJSON(w, r, out)
}

// apiStatement is GET /api/v1/statements/{id}: one posted statement in the form of
// `liaisond show --json`, without what only managers see.
func (s *Server) apiStatement(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.apiNotFound(w)
		return
	}
	st, err := s.db.GetStatement(r.Context(), id)
	if err == nil && review.IsWithdrawn(st) {
		s.apiWithdrawn(w, r, st)
		return
	}
	if errors.Is(err, store.ErrNotFound) || err == nil && st.State != store.StatementPosted {
		s.apiNotFound(w)
		return
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	rec, err := review.Detail(r.Context(), s.db, st, review.DetailOptions{Public: true})
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writeJSON(w, r, rec)
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
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	fmt.Fprintln(w, `{"error":"not found"}`)
}

func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	s.log.Error("api request failed", "path", r.URL.Path, "err", err)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	fmt.Fprintln(w, `{"error":"internal error"}`)
}
