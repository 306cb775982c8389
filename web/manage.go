package web

import (
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/microcosm-cc/bluemonday"

	"github.com/liaisond/liaisond/classify"
	"github.com/liaisond/liaisond/review"
	"github.com/liaisond/liaisond/store"
)

type queueBody struct {
	Items    []queueRow
	Rejected bool // the list of rejected statements
}

type queueRow struct {
	review.Item
	Link     string
	Deadline Deadline
	Age      string
}

// queue lists what waits for a manager, deadlines first, with the reasons.
func (s *Server) queue(w http.ResponseWriter, r *http.Request) {
	items, err := review.Queue(r.Context(), s.db)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "queue", view{Title: "Review queue", Nav: "queue", Body: queueRows(items, false),
		Flash: flashText(r.URL.Query().Get("done"))})
}

// rejected lists the rejected statements (by managers or by processing), newest first.
func (s *Server) rejected(w http.ResponseWriter, r *http.Request) {
	items, err := review.Rejected(r.Context(), s.db)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "queue", view{Title: "Rejected statements", Nav: "queue", Body: queueRows(items, true)})
}

func queueRows(items []review.Item, rejected bool) queueBody {
	body := queueBody{Rejected: rejected}
	for _, it := range items {
		row := queueRow{Item: it, Deadline: deadlineOf(it.Deadline), Age: age(it.Received)}
		if it.Statement.ID != 0 {
			row.Link = "/queue/" + strconv.FormatInt(it.Statement.ID, 10)
		} else {
			row.Link = "/ops/failed#m" + strconv.FormatInt(it.Message.ID, 10)
		}
		body.Items = append(body.Items, row)
	}
	return body
}

// fieldRow is one editable field of the item page, with the extractor's evidence.
type fieldRow struct {
	Name, Label string
	Value       string
	Kind        string // text, list, purpose, date, bool
	Evidence    review.Evidence
	HasEvidence bool
	Edited      bool
}

// item is a manager's page of one statement in any state.
func (s *Server) item(w http.ResponseWriter, r *http.Request) {
	s.showItem(w, r, http.StatusOK, "")
}

func (s *Server) showItem(w http.ResponseWriter, r *http.Request, status int, errText string) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	st, err := s.db.GetStatement(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	body, err := s.statementBody(r, st, false)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	body.Groups = s.groups
	body.Editable = editRows(body.Fields, body.Record.Evidence, st.Edited)
	body.Reasons = reasonRows(body.Record.ReviewReasons, body.Editable)
	if body.Withdrawn, err = review.Withdrawn(r.Context(), s.db, st); err != nil {
		s.fail(w, r, err)
		return
	}
	// The page frames its own sanitised mail HTML, nothing else.
	w.Header().Set("Content-Security-Policy", pageCSP+"; frame-src 'self'")
	s.render(w, r, status, "item", view{Title: body.Item.Title, Nav: "queue", Body: body, Error: errText,
		Flash: flashText(r.URL.Query().Get("done"))})
}

func editRows(f review.Fields, ev map[string]review.Evidence, edited []string) []fieldRow {
	var rows []fieldRow
	for _, name := range review.EditableFields {
		row := fieldRow{Name: name, Label: fieldLabel(name), Value: review.FormValue(f, name, "\n"), Kind: "text",
			Edited: slices.Contains(edited, name)}
		switch {
		case slices.Contains(review.ListFields, name):
			row.Kind = "list"
		case name == classify.FieldPurpose:
			row.Kind = "purpose"
		case name == classify.FieldDeadline:
			row.Kind = "date"
		case name == classify.FieldMisdirected || name == classify.FieldIsLiaison:
			row.Kind = "bool"
		}
		row.Evidence, row.HasEvidence = ev[name]
		rows = append(rows, row)
	}
	return rows
}

// reasonRow is one reason an item waits: about one unsure field (with that field's value
// and evidence, and what settles it), or another reason as text.
type reasonRow struct {
	Text   string
	Field  fieldRow // Name "" when the reason is about no field
	Settle string
}

// reasonRows pairs the review reasons with the fields they are about.
func reasonRows(reasons []string, fields []fieldRow) []reasonRow {
	var out []reasonRow
	for _, text := range reasons {
		row := reasonRow{Text: text}
		if name, settle := classify.SplitReason(text); name != "" {
			row.Settle = settle
			row.Field = fieldRow{Name: name, Label: fieldLabel(name)}
			if i := slices.IndexFunc(fields, func(f fieldRow) bool { return f.Name == name }); i >= 0 {
				row.Field = fields[i]
			}
		}
		out = append(out, row)
	}
	return out
}

// act runs one manager action from the item page's forms, then shows the result.
func (s *Server) act(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	actor := sessionFrom(r).User.Name
	ctx := r.Context()
	var err error
	next := fmt.Sprintf("/queue/%d", id)
	action := r.PathValue("action")
	switch action {
	case "approve":
		// The Approve button submits the edit form: what the manager sees is what is posted.
		if _, withFields := r.PostForm[classify.FieldTitle]; withFields {
			err = review.ApproveEdited(ctx, s.db, id, actor, editValues(r), s.groups)
		} else {
			err = review.Approve(ctx, s.db, id, actor)
		}
		next = "/queue"
	case "reject":
		err, next = s.reject(r, id, actor), "/queue"
	case "action-taken":
		err = review.MarkActionTaken(ctx, s.db, id, actor)
	case "rerun":
		err = review.Rerun(ctx, s.db, id, actor)
	case "reroute":
		err, next = review.Reroute(ctx, s.db, id, actor, r.PostForm["group"], s.groups), "/queue"
	case "edit":
		err = review.Edit(ctx, s.db, id, actor, editValues(r), s.groups)
		if errors.Is(err, review.ErrNoChange) {
			err, action = nil, "unchanged"
		}
	default:
		s.notFound(w, r)
		return
	}
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.notFound(w, r)
	case errors.Is(err, review.ErrInvalid) || errors.Is(err, review.ErrState):
		s.showItem(w, r, http.StatusUnprocessableEntity, err.Error())
	case err != nil:
		s.fail(w, r, err)
	default:
		s.log.Info("review action", "action", action, "statement", id, "actor", actor)
		http.Redirect(w, r, next+"?done="+action+"&id="+strconv.FormatInt(id, 10), http.StatusSeeOther)
	}
}

// reject runs the reject form: confirmed by its required box (checked here too, so that
// it holds without a browser's help), with an optional reason and "duplicate of #N".
func (s *Server) reject(r *http.Request, id int64, actor string) error {
	if r.PostFormValue("confirm") != "yes" {
		return fmt.Errorf("tick the box to confirm the rejection: %w", review.ErrInvalid)
	}
	reason := r.PostFormValue("reason")
	dup := strings.TrimPrefix(strings.TrimSpace(r.PostFormValue("duplicate")), "#")
	if dup == "" {
		return review.Reject(r.Context(), s.db, id, actor, reason)
	}
	of, err := strconv.ParseInt(dup, 10, 64)
	if err != nil || of <= 0 {
		return fmt.Errorf("duplicate of %q: want a statement number: %w", dup, review.ErrInvalid)
	}
	return review.RejectDuplicate(r.Context(), s.db, id, actor, of, reason)
}

// editValues reads the edit form: every editable field is in it (a checkbox that is
// not ticked is simply absent, which reads as false).
func editValues(r *http.Request) map[string]string {
	out := map[string]string{}
	for _, name := range review.EditableFields {
		if name == classify.FieldMisdirected || name == classify.FieldIsLiaison {
			out[name] = strconv.FormatBool(r.PostFormValue(name) == "true")
			continue
		}
		if v, ok := r.PostForm[name]; ok && len(v) > 0 {
			out[name] = strings.ReplaceAll(v[0], "\r\n", "\n")
		}
	}
	return out
}

// flashText turns a done=... parameter into a fixed confirmation; anything else in the
// URL shows nothing, so the page never repeats text from a link.
func flashText(done string) string {
	return map[string]string{
		"approve": "Approved: the statement is posted and will be distributed.", "reject": "Rejected.",
		"action-taken": "Marked: action taken.", "rerun": "Queued for extraction again.",
		"reroute": "Rerouted: the distribution is planned for the chosen groups.", "edit": "Saved.", "unchanged": "Nothing changed.",
		"retry": "Queued again.", "not-retried": "Nothing to retry: the message is not failed or cancelled.",
	}[done]
}

// mailHTML serves one HTML body of a statement's mail, sanitised by bluemonday's UGC
// policy, for the item page's sandboxed frame. Its own CSP forbids everything (no
// script, no remote image, no form) and sandboxes it even when opened directly.
func (s *Server) mailHTML(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	part, err := strconv.Atoi(r.URL.Query().Get("part"))
	if !ok || err != nil {
		s.notFound(w, r)
		return
	}
	st, err := s.db.GetStatement(r.Context(), id)
	if err != nil {
		s.notFound(w, r)
		return
	}
	// The sanitised part is made in the parse slot, so that the parsed message is not
	// held outside it.
	var clean, lang string
	found := false
	err = s.mailViews.parse(r.Context(), func() error {
		_, m, err := s.readMail(r.Context(), st.Message)
		if m == nil {
			return err
		}
		if found = err == nil && part >= 0 && part < len(m.Bodies) && m.Bodies[part].ContentType == "text/html"; found {
			clean = sanitizer().Sanitize(m.Bodies[part].HTML)
			lang = htmlLang(m.Bodies[part].HTML)
		}
		return nil
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !found {
		s.notFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'self'; sandbox")
	h.Set("X-Frame-Options", "SAMEORIGIN")
	h.Set("Cache-Control", "no-store")
	fmt.Fprintf(w, "<!doctype html><html lang=\"%s\"><head><meta charset=\"utf-8\"><title>HTML part of the mail</title></head><body><main>%s</main></body></html>", lang, clean)
}

// langAttr finds the language an HTML part declares on its root element.
var langAttr = regexp.MustCompile(`(?i)<html\b[^>]*?\slang\s*=\s*["']?([a-z]{2,3}(?:-[a-z0-9]{1,8})*)\b`)

// htmlLang is the language of an HTML part for the frame's lang attribute (screen
// readers choose their voice by it): the one it declares, else "und" (undetermined).
func htmlLang(html string) string {
	if m := langAttr.FindStringSubmatch(html[:min(len(html), 4096)]); m != nil {
		return m[1]
	}
	return "und"
}

// sanitizer is bluemonday's policy for user content (no script, no event handler, no
// style, no javascript: URL). Images it keeps are still not loaded: the frame's CSP
// allows no source at all, so a tracking pixel never calls home.
func sanitizer() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.RequireNoReferrerOnLinks(true)
	return p
}

// raw serves the message as received, as a download.
func (s *Server) raw(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	st, err := s.db.GetStatement(r.Context(), id)
	if err != nil {
		s.notFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "message/rfc822")
	h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=\"message-%d.eml\"", st.Message))
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	if err := s.db.WriteRaw(r.Context(), st.Message, w); err != nil {
		s.log.Error("raw message", "message", st.Message, "err", err)
	}
}
