package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/liaisond/liaisond/auth"
	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/deadline"
	"github.com/liaisond/liaisond/directory"
	"github.com/liaisond/liaisond/message"
	"github.com/liaisond/liaisond/review"
	"github.com/liaisond/liaisond/store"
)

// listQuery is the filter and page of the public list, as in its URL.
type listQuery struct {
	From, To, Purpose string
	Direction         string // incoming or outgoing; "" for both
	ActionNeeded      bool
	Year              int
	Since             time.Time // received or updated after
	Sort              string    // "date" (default), "deadline" or "updated"
	Page              int       // from 1
	from, to          []string  // From and To with their directory names and aliases
}

// Limits of the list's parameters.
const (
	maxPage      = 100000
	maxBodyName  = 200
	maxListLimit = 500
)

// listParams are the parameters of the list filters; the API also takes q and limit.
var listParams = []string{"from", "to", "direction", "purpose", "action", "year", "since", "sort", "page"}

// badQuery is a filter value the list does not know; its text is the reason shown.
type badQuery struct{ msg string }

func (e *badQuery) Error() string { return e.msg }

func badParam(name, value, want string) error {
	if len(value) > 60 {
		value = value[:60] + "..."
	}
	return &badQuery{fmt.Sprintf("%s=%q: %s", name, value, want)}
}

// parseListQuery reads the list filters of a URL. A value it does not know is an error
// that says why, rather than a filter silently dropped; strict also refuses parameters
// it does not know (the API: a misspelt filter must not return everything).
func (s *Server) parseListQuery(ctx context.Context, q url.Values, strict bool, extra ...string) (listQuery, error) {
	if strict {
		for k := range q {
			if !slices.Contains(listParams, k) && !slices.Contains(extra, k) {
				return listQuery{}, badParam(k, q.Get(k), "unknown parameter; known are "+strings.Join(append(slices.Clone(listParams), extra...), ", "))
			}
		}
	}
	lq := listQuery{From: strings.TrimSpace(q.Get("from")), To: strings.TrimSpace(q.Get("to")), Purpose: q.Get("purpose"), Sort: "date", Page: 1}
	for _, p := range [][2]string{{"from", lq.From}, {"to", lq.To}} {
		if name, v := p[0], p[1]; len(v) > maxBodyName || strings.ContainsFunc(v, unicode.IsControl) {
			return lq, badParam(name, v, fmt.Sprintf("a body's name, at most %d characters", maxBodyName))
		}
	}
	if lq.Purpose != "" && !slices.Contains(review.Purposes, lq.Purpose) {
		return lq, badParam("purpose", lq.Purpose, "one of "+strings.Join(review.Purposes, ", "))
	}
	switch lq.Direction = q.Get("direction"); lq.Direction {
	case "", store.DirectionIncoming, store.DirectionOutgoing:
	default:
		return lq, badParam("direction", lq.Direction, "incoming (received by the IETF) or outgoing (sent from it)")
	}
	switch v := q.Get("action"); v {
	case "", "0":
	case "1":
		lq.ActionNeeded = true
	default:
		return lq, badParam("action", v, "1 (action needed) or 0")
	}
	if v := q.Get("year"); v != "" {
		y, err := strconv.Atoi(v)
		if err != nil || y < 1900 || y > 9999 {
			return lq, badParam("year", v, "a year, 1900 to 9999")
		}
		lq.Year = y
	}
	if v := q.Get("since"); v != "" {
		t, err := parseSince(v)
		if err != nil {
			return lq, badParam("since", v, "a time (RFC 3339, 2026-03-02T10:00:00Z) or a date (2026-03-02, midnight UTC)")
		}
		lq.Since = t
	}
	switch v := q.Get("sort"); v {
	case "", "date":
	case "deadline", "updated":
		lq.Sort = v
	default:
		return lq, badParam("sort", v, "date (received, newest first), updated (latest first) or deadline (soonest first)")
	}
	if v := q.Get("page"); v != "" {
		p, err := strconv.Atoi(v)
		if err != nil || p < 1 || p > maxPage {
			return lq, badParam("page", v, fmt.Sprintf("a page number, 1 to %d", maxPage))
		}
		lq.Page = p
	}
	if lq.From != "" || lq.To != "" {
		// The record's spellings of the bodies asked for (a directory entry's names and
		// aliases, whatever the case), from the list's own filter choices.
		facets, err := s.db.StatementFacets(ctx, store.StatementPosted)
		if err != nil {
			return lq, err
		}
		lq.from, lq.to = s.bodyNames(lq.From, facets.From), s.bodyNames(lq.To, facets.To)
	}
	return lq, nil
}

func parseSince(v string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	return time.Parse(time.DateOnly, v)
}

// bodyNames are the names a body filter matches: the value, or all the names and
// aliases of the directory entry it is one of, each as asked and as any recorded name
// (of known) spells it in another case.
func (s *Server) bodyNames(v string, known []string) []string {
	if v == "" {
		return nil
	}
	names, ok := s.bodies[directory.NameKey(v)]
	if !ok {
		names = []string{v}
	}
	out := slices.Clone(names)
	for _, k := range known {
		if !slices.Contains(out, k) && slices.ContainsFunc(names, func(n string) bool { return strings.EqualFold(n, k) }) {
			out = append(out, k)
		}
	}
	return out
}

// directoryNames maps each name and alias of the directory's groups and bodies
// (by directory.NameKey) to all the names of its entry.
func directoryNames(cfg config.Config) map[string][]string {
	out := map[string][]string{}
	add := func(name string, aliases []string) {
		names := append([]string{name}, aliases...)
		for _, n := range names {
			out[directory.NameKey(n)] = names
		}
	}
	for _, g := range cfg.Groups {
		add(g.Name, g.Aliases)
	}
	for _, b := range cfg.SDOs {
		add(b.Name, b.Aliases)
	}
	return out
}

// filter is the store filter of the public list: posted statements only, whatever the
// URL says.
func (lq listQuery) filter(pageSize int) store.StatementFilter {
	f := store.StatementFilter{State: store.StatementPosted, Direction: lq.Direction, FromAny: lq.from, ToAny: lq.to, Purpose: lq.Purpose,
		ActionNeeded: lq.ActionNeeded, Year: lq.Year, Since: lq.Since, Limit: pageSize + 1, Offset: (lq.Page - 1) * pageSize}
	switch lq.Sort {
	case "deadline", "updated":
		f.OrderBy = lq.Sort
	}
	return f
}

// values writes the query back as URL parameters, for links to other pages and feeds.
func (lq listQuery) values(page int) url.Values {
	v := url.Values{}
	for k, x := range map[string]string{"from": lq.From, "to": lq.To, "direction": lq.Direction, "purpose": lq.Purpose} {
		if x != "" {
			v.Set(k, x)
		}
	}
	if lq.ActionNeeded {
		v.Set("action", "1")
	}
	if lq.Year != 0 {
		v.Set("year", strconv.Itoa(lq.Year))
	}
	if !lq.Since.IsZero() {
		v.Set("since", lq.Since.UTC().Format(time.RFC3339))
	}
	if lq.Sort != "date" {
		v.Set("sort", lq.Sort)
	}
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	return v
}

// listItem is one statement in a list.
type listItem struct {
	ID                   int64
	Title                string
	State                string
	Received             time.Time
	From, To             []string
	Purpose              string
	Deadline             Deadline
	ActionNeeded         bool
	Snippet              template.HTML
	Reasons              []string
	OtherIdentifiers     []string
	FromContacts, Routes []string
	Direction            string // incoming or outgoing
}

func newListItem(st store.Statement) listItem {
	f := review.DecodeFields(st)
	title := st.Title
	if title == "" {
		title = "(no title)"
	}
	return listItem{ID: st.ID, Title: title, State: st.State, Direction: st.Direction, Received: st.ReceivedAt, From: st.From, To: st.To,
		Purpose: st.Purpose, Deadline: deadlineOf(st.Deadline), ActionNeeded: st.Deadline != "" && !st.ActionTaken,
		Reasons: st.ReviewReasons, OtherIdentifiers: f.OtherIdentifiers, Routes: f.RouteTo}
}

type listBody struct {
	Query      listQuery
	Facets     store.Facets
	Purposes   []string
	Items      []listItem
	Prev, Next string
	FeedURL    string
}

// list is the public record: posted statements, newest first (or by deadline), paged,
// with filters. A filter value it does not know is a 400 that says why, with the form.
func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	lq, qerr := s.parseListQuery(r.Context(), r.URL.Query(), false)
	if qerr != nil && !errors.As(qerr, new(*badQuery)) {
		s.fail(w, r, qerr)
		return
	}
	var sts []store.Statement
	if qerr == nil {
		var err error
		if sts, err = s.db.Statements(r.Context(), lq.filter(s.cfg.PageSize)); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	facets, err := s.db.StatementFacets(r.Context(), store.StatementPosted)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	body := listBody{Query: lq, Facets: facets, Purposes: review.Purposes}
	if len(sts) > s.cfg.PageSize {
		sts = sts[:s.cfg.PageSize]
		body.Next = "/?" + lq.values(lq.Page+1).Encode()
	}
	if lq.Page > 1 {
		body.Prev = "/?" + lq.values(lq.Page-1).Encode()
	}
	for _, st := range sts {
		body.Items = append(body.Items, newListItem(st))
	}
	feed := lq.values(0)
	feed.Del("sort")
	body.FeedURL = "/feed.atom"
	if len(feed) > 0 {
		body.FeedURL += "?" + feed.Encode()
	}
	v := view{Title: "Liaison statements", Nav: "list", Body: body,
		Feeds: []feedLink{{"Recent liaison statements", "/feed.atom"}, {"Statements matching this filter", body.FeedURL}}}
	status := http.StatusOK
	if qerr != nil {
		status, v.Error = http.StatusBadRequest, "Unknown filter: "+qerr.Error()
	}
	publicCache(w, r)
	s.render(w, r, status, "list", v)
}

type searchBody struct {
	Query      string
	Items      []listItem
	Prev, Next string
	Searched   bool
}

// search is full-text search over posted statements' titles, bodies and attachment text.
func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if len(q) > 500 {
		q = q[:500]
	}
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	page = max(1, min(page, 1000))
	body := searchBody{Query: q, Searched: q != ""}
	if q != "" {
		hits, err := s.db.Search(r.Context(), store.SearchQuery{Text: q, State: store.StatementPosted,
			Limit: s.cfg.PageSize + 1, Offset: (page - 1) * s.cfg.PageSize})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		link := func(p int) string {
			return "/search?" + url.Values{"q": {q}, "page": {strconv.Itoa(p)}}.Encode()
		}
		if len(hits) > s.cfg.PageSize {
			hits = hits[:s.cfg.PageSize]
			body.Next = link(page + 1)
		}
		if page > 1 {
			body.Prev = link(page - 1)
		}
		for _, h := range hits {
			it := newListItem(h.Statement)
			it.Snippet = markSnippet(h.Snippet)
			body.Items = append(body.Items, it)
		}
	}
	publicCache(w, r)
	s.render(w, r, http.StatusOK, "search", view{Title: "Search", Nav: "search", Body: body})
}

// statementBody is a statement page (public or the manager's item page).
type statementBody struct {
	Item        listItem
	Record      review.Record
	Fields      review.Fields
	ReplyTo     string // Send Reply To, or the sender's address when none is labelled
	ReplyToNote string
	Deadline    Deadline
	Rule        string
	Mail        *mailView
	Statement   *statementText // the attachment that is the statement, with its text
	Groups      []string       // for the reroute form
	Editable    []fieldRow
	Reasons     []reasonRow        // item page: why it waits, first
	Withdrawn   *review.Withdrawal // posted, then rejected
	FeedURLs    []feedLink
	Auth        *auth.Report // managers only: who sent it, as checked
	Reply       string       // the compose form answering it, for a logged-in person who may compose
}

// statement is the public page of one posted statement; anything else is 404.
func (s *Server) statement(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	st, err := s.db.GetStatement(r.Context(), id)
	if err == nil && review.IsWithdrawn(st) {
		s.withdrawnPage(w, r, st)
		return
	}
	if errors.Is(err, store.ErrNotFound) || err == nil && st.State != store.StatementPosted {
		s.notFound(w, r)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	body, err := s.statementBody(r, st, true)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	publicCache(w, r)
	s.render(w, r, http.StatusOK, "statement", view{Title: body.Item.Title, Nav: "list", Body: body, Feeds: body.FeedURLs})
}

func (s *Server) statementBody(r *http.Request, st store.Statement, public bool) (statementBody, error) {
	rec, err := review.Detail(r.Context(), s.db, st, review.DetailOptions{Public: public})
	if err != nil {
		return statementBody{}, err
	}
	b := statementBody{Item: newListItem(st), Record: rec, Fields: rec.Fields, Deadline: deadlineOf(st.Deadline),
		Rule: deadline.Rule, Reply: s.replyLink(r, st)}
	b.Mail, err = s.mailView(r, st, !public)
	if err != nil {
		return b, err
	}
	if t := rec.StatementText; t != "" {
		b.Statement = &statementText{File: rec.StatementFile, Text: t}
		if len(t) > maxShown {
			b.Statement.TextBytes, b.Statement.Text = len(t), message.CutAtLine(t, maxShown)
		}
	}
	if len(rec.Auth) > 0 {
		b.Auth = new(auth.Report)
		if err := json.Unmarshal(rec.Auth, b.Auth); err != nil {
			b.Auth = nil
		}
	}
	b.ReplyTo = review.Str(rec.SendReplyTo)
	if b.ReplyTo == "" && b.Mail != nil && b.Mail.FromAddress != "" {
		b.ReplyTo, b.ReplyToNote = b.Mail.FromAddress, "the sender's address; none is labelled for replies"
	}
	for _, g := range append(append([]string{}, st.From...), st.To...) {
		key := "to"
		if slices.Contains(st.From, g) {
			key = "from"
		}
		b.FeedURLs = append(b.FeedURLs, feedLink{Title: "Statements " + key + " " + g,
			URL: "/feed.atom?" + url.Values{key: {g}}.Encode()})
	}
	return b, nil
}

// statementText is the text of the attachment that is the statement: the page's main
// text, before the mail that carried it.
type statementText struct {
	File      string
	Text      string
	TextBytes int // the whole text's length when Text is cut, else 0
}

// mailView is the mail a statement came from, as pages show it.
type mailView struct {
	Subject     string
	From        string
	FromAddress string
	To, Cc      string
	Date        time.Time
	Text        string
	TextBytes   int   // the whole text's length when Text is cut, else 0
	HTMLParts   []int // indexes of HTML bodies, for the sandboxed frame
	Raw         string
	RawCut      bool
	Problems    []string
}

// maxShown is how much of a mail's text, and of its raw source, a page shows inline;
// the whole raw message is a download for managers.
const maxShown = 256 << 10

// mailView is the mail a statement came from, parsed from the raw message (read only;
// nothing is stored). The public view is cached; withRaw adds the source and the parse
// problems for managers and is built afresh.
func (s *Server) mailView(r *http.Request, st store.Statement, withRaw bool) (*mailView, error) {
	if !withRaw {
		return s.mailViews.view(r.Context(), st.Message, func(ctx context.Context) (*mailView, error) {
			return s.buildMailView(ctx, st.Message, false)
		})
	}
	var v *mailView
	err := s.mailViews.parse(r.Context(), func() (err error) {
		v, err = s.buildMailView(r.Context(), st.Message, true)
		return err
	})
	return v, err
}

func (s *Server) buildMailView(ctx context.Context, messageID int64, withRaw bool) (*mailView, error) {
	raw, m, err := s.readMail(ctx, messageID)
	if m == nil {
		return nil, err
	}
	if err != nil {
		return &mailView{Problems: []string{err.Error()}}, nil
	}
	v := &mailView{Subject: m.Subject, Date: m.Date, Text: m.Text(), To: addrList(m.To), Cc: addrList(m.Cc)}
	if len(v.Text) > maxShown {
		// Pages stay small however long the mail: the text is cut at a line end.
		v.TextBytes, v.Text = len(v.Text), message.CutAtLine(v.Text, maxShown)
	}
	if len(m.From) > 0 {
		v.From, v.FromAddress = m.From[0].String(), m.From[0].Address
	}
	for i, b := range m.Bodies {
		if b.ContentType == "text/html" {
			v.HTMLParts = append(v.HTMLParts, i)
		}
	}
	if withRaw {
		v.Raw, v.RawCut = string(raw), len(raw) > maxShown
		if v.RawCut {
			v.Raw = string(raw[:maxShown])
		}
		v.Raw = strings.ToValidUTF8(v.Raw, "\uFFFD")
		for _, p := range m.Problems {
			v.Problems = append(v.Problems, p.String())
		}
	}
	return v, nil
}

func addrList(as []message.Address) string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.String()
	}
	return strings.Join(out, ", ")
}

// attachment serves a stored file of a statement by digest: the original or its PDF.
// The URL never changes (the file name in it is only for people and is not checked).
// The public gets files of posted statements only; managers get all.
func (s *Server) attachment(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	sha := strings.ToLower(r.PathValue("sha"))
	if !ok || !validSHA(sha) {
		s.notFound(w, r)
		return
	}
	st, err := s.db.GetStatement(r.Context(), id)
	if err != nil || st.State != store.StatementPosted && sessionFrom(r) == nil {
		s.notFound(w, r)
		return
	}
	atts, err := s.db.Attachments(r.Context(), st.Message)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	name, ctype, size, found := fileOf(atts, sha)
	if !found {
		s.notFound(w, r)
		return
	}
	posted := st.State == store.StatementPosted
	if posted && etagMatches(r.Header.Get("If-None-Match"), sha) {
		fileCache(w.Header(), posted, sha)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	release, err := s.downloads.acquire(r.Context(), size)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	defer release()
	data, err := s.db.Blob(r.Context(), sha)
	if err != nil {
		s.notFound(w, r)
		return
	}
	h := w.Header()
	fileCache(h, posted, sha)
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	// The file is never a page of ours: no script, no frame, even if a browser renders it.
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.Write(data)
}

// fileCache sets the caching of a served file. A posted statement can be withdrawn, so
// caches must ask again each time (the digest is the ETag: asking costs a 304 and no
// file), not keep it for a day; a file only a manager may see is not kept at all.
func fileCache(h http.Header, posted bool, sha string) {
	if !posted {
		h.Set("Cache-Control", "private, no-store")
		return
	}
	h.Set("Cache-Control", "public, no-cache")
	h.Set("ETag", `"`+sha+`"`)
}

// etagMatches reports whether an If-None-Match header names the digest (weak or strong,
// or "*").
func etagMatches(header, sha string) bool {
	for _, tag := range strings.Split(header, ",") {
		tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
		if tag == "*" || tag == `"`+sha+`"` {
			return true
		}
	}
	return false
}

// fileOf finds a digest among a message's attachments and their PDFs, and returns the
// name and content type to serve it with, and its size.
func fileOf(atts []store.Attachment, sha string) (name, ctype string, size int64, ok bool) {
	for _, a := range atts {
		if a.SHA256 == sha {
			return a.Filename, safeContentType(a.DeclaredType), a.Size, true
		}
		if a.PDFState == store.PDFDone && a.PDFSHA256 == sha {
			return review.PDFName(a.Filename), "application/pdf", a.PDFSize, true
		}
	}
	return "", "", 0, false
}

// safeContentType returns the stored type when it is a well-formed media type, and
// application/octet-stream otherwise.
func safeContentType(t string) string {
	mt, _, err := mime.ParseMediaType(t)
	if err != nil || !strings.Contains(mt, "/") {
		return "application/octet-stream"
	}
	return mt
}

func validSHA(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}
