package web

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
	"time"

	"github.com/liaisond/liaisond/classify"
	"github.com/liaisond/liaisond/deadline"
	"github.com/liaisond/liaisond/review"
	"github.com/liaisond/liaisond/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pages holds one template set per page, each the layout plus the page's own file, so
// that every page can define its "content" block.
type pages struct {
	t map[string]*template.Template
}

func loadPages() *pages {
	base := template.Must(template.New("").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/parts.html"))
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	p := &pages{t: map[string]*template.Template{}}
	for _, n := range names {
		name := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if name == "layout" || name == "parts" {
			continue
		}
		p.t[name] = template.Must(template.Must(base.Clone()).ParseFS(templateFS, n))
	}
	return p
}

// view is what every page template gets: the layout's parts and the page's own Body.
type view struct {
	Title   string
	Nav     string // which main navigation entry is current
	User    string // logged-in manager, "" for the public
	CSRF    string
	Flash   string // a fixed confirmation text, never text from the request
	Error   string
	Feeds   []feedLink
	Body    any
	Groups  []string
	Version string
}

type feedLink struct{ Title, URL string }

// render writes a page. The page is rendered to a buffer first, so that a template error
// becomes a 500 rather than half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, v view) {
	if sess := sessionFrom(r); sess != nil {
		v.User, v.CSRF = sess.User.Name, sess.CSRF
	}
	t, ok := s.pages.t[name]
	if !ok {
		s.fail(w, r, fmt.Errorf("no template %q", name))
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", v); err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// fail answers 500 and logs the cause (not shown to the client).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, errBusy) {
		s.log.Warn("request refused", "method", r.Method, "path", r.URL.Path, "err", err)
		w.Header().Set("Retry-After", "5")
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	http.Error(w, "internal error", http.StatusInternalServerError)
}

// notFound answers 404 with a page; used for everything the public may not see, so that
// a queued statement and a missing one look the same.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusNotFound, "notfound", view{Title: "Not found"})
}

var funcs = template.FuncMap{
	"date":     func(t any) string { return formatDate(toTime(t)) },
	"datetime": func(t any) string { return formatDateTime(toTime(t)) },
	"rfc3339":  func(t any) string { return toTime(t).UTC().Format(time.RFC3339) },
	"detail":   review.DetailText,
	"join":     strings.Join,
	"str":      review.Str,
	"mark":     markSnippet,
	"size":     humanSize,
	"percent":  func(f float64) string { return fmt.Sprintf("%.0f%%", f*100) },
	"confclass": func(f float64) string {
		switch {
		case f >= 0.85:
			return "high"
		case f >= 0.5:
			return "mid"
		}
		return "low"
	},
	"purpose":   purposeLabel,
	"deadline":  deadlineOf,
	"eventtext": eventText,
	"contains": func(list []string, s string) bool {
		for _, x := range list {
			if x == s {
				return true
			}
		}
		return false
	},
	"fieldlabel": fieldLabel,
}

// toTime accepts a time or a pointer to one (Record.PostedAt), so templates need not care.
func toTime(v any) time.Time {
	switch t := v.(type) {
	case time.Time:
		return t
	case *time.Time:
		if t != nil {
			return *t
		}
	}
	return time.Time{}
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

func formatDateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

// markSnippet escapes a search snippet and turns the store's match markers into <mark>.
func markSnippet(s string) template.HTML {
	esc := template.HTMLEscapeString(s)
	esc = strings.ReplaceAll(esc, store.MarkStart, "<mark>")
	esc = strings.ReplaceAll(esc, store.MarkEnd, "</mark>")
	return template.HTML(esc)
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

func purposeLabel(p string) string {
	switch p {
	case classify.PurposeInformation:
		return "For information"
	case classify.PurposeAction:
		return "For action"
	case classify.PurposeResponse:
		return "In response"
	}
	return "Purpose unknown"
}

// fieldLabel names a contract field the way the draft does.
func fieldLabel(name string) string {
	if l, ok := fieldLabels[name]; ok {
		return l
	}
	return name
}

var fieldLabels = map[string]string{
	classify.FieldTitle: "Title", classify.FieldFrom: "From", classify.FieldFromContacts: "From-Contact",
	classify.FieldSendReplyTo: "Send Reply To", classify.FieldTo: "To", classify.FieldToContacts: "To-Contact",
	classify.FieldSendTo: "Send To", classify.FieldPurpose: "Purpose", classify.FieldDeadline: "Deadline",
	classify.FieldInResponseTo: "In response to", classify.FieldOtherIdentifiers: "Other identifiers",
	classify.FieldDeliveredTo: "Delivered to", classify.FieldMisdirected: "Misdirected",
	classify.FieldRouteTo: "Route to groups", classify.FieldIsLiaison: "Is a liaison statement",
}

// Deadline is a deadline as pages show it, read by the rule of package deadline.
type Deadline struct {
	Date    string
	Overdue bool
	Days    int // whole days left (negative when overdue)
}

func deadlineOf(date string) Deadline {
	d := Deadline{Date: date}
	d.Overdue, d.Days, _ = deadline.Left(date, time.Now())
	return d
}

// eventText describes a record-log event in a few words.
func eventText(e store.Event) string {
	if t, ok := eventTexts[e.Type]; ok {
		if e.Type == store.EventEdited {
			if f, ok := e.Detail["fields"].([]any); ok {
				var names []string
				for _, x := range f {
					names = append(names, fieldLabel(fmt.Sprint(x)))
				}
				return t + ": " + strings.Join(names, ", ")
			}
		}
		return t
	}
	return strings.ReplaceAll(e.Type, "_", " ")
}

// eventTexts label the record log's event types (store.Event*); others read as their type.
var eventTexts = map[string]string{
	store.EventReceived: "Received", store.EventParsed: "Parsed", store.EventExtracted: "Extracted",
	store.EventApproved: "Approved and posted", store.EventPosted: "Posted", store.EventRejected: "Rejected",
	store.EventEdited: "Edited", store.EventActionTaken: "Action taken", store.EventForwarded: "Forwarded",
	store.EventDistributed: "Distributed", store.EventRequeued: "Queued for processing again",
	store.EventConverted: "Converted to PDF", store.EventFailed: "Processing failed",
	store.EventRetry: "Processing will be retried", store.EventMisdirected: "Misdirected",
	store.EventOutgoingCreated: "Written", store.EventOutgoingEdited: "Edited",
	store.EventOutgoingSubmitted: "Submitted for approval", store.EventOutgoingReturned: "Returned to its author",
	store.EventOutgoingApproval: "Approval given", store.EventOutgoingApproved: "Approved",
	store.EventOutgoingRecorded: "Sent and recorded", store.EventApprovalRequested: "Approver mailed",
}
