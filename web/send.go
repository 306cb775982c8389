package web

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/liaisond/liaisond/outgoing"
	"github.com/liaisond/liaisond/store"
)

// The pages of statements sent from the IETF. Every decision (who composes, who
// approves, what a form needs, what a reply starts from) is the outgoing package's; these
// handlers only read forms and show the answers.

// sendListBody is /send: the person's statements and those waiting for them.
type sendListBody struct {
	outgoing.Lists
	MayCompose bool
}

// sendList shows what the logged-in person wrote, what waits for their approval and,
// for liaison managers, every other outgoing statement.
func (s *Server) sendList(w http.ResponseWriter, r *http.Request) {
	me := sessionFrom(r).User.Name
	lists, err := s.out.ListFor(r.Context(), me)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "sendlist", view{Title: "Outgoing statements", Nav: "send",
		Body: sendListBody{Lists: lists, MayCompose: len(s.out.Roles.SpeakersFor(me)) > 0}, Flash: sendFlash(r)})
}

// sendFormBody is the compose form (new, reply or edit), with what was typed and, for a
// refused form, each field's message.
type sendFormBody struct {
	ID       int64 // 0: a new statement
	Form     outgoing.Form
	Cc       string // as typed
	Errors   outgoing.FieldErrors
	Speakers []string   // what the author may speak for
	Bodies   []string   // where statements can go
	Kept     []keptFile // the draft's files (an edit)
	Again    []string   // files uploaded with a refused form: to be chosen again
	Answered *store.Statement
	Limits   outgoing.Limits
	Action   string // where the form goes
	CSRF     string
}

// newForm fills in the choices of a form for the logged-in author.
func (s *Server) newForm(r *http.Request, id int64, f outgoing.Form) sendFormBody {
	b := sendFormBody{ID: id, Form: f, Cc: strings.Join(f.Cc, "\n"), Limits: s.out.Bounds(), Action: "/send/new",
		CSRF: sessionFrom(r).CSRF}
	if id != 0 {
		b.Action = fmt.Sprintf("/send/%d/edit", id)
	}
	for _, sp := range s.out.Roles.SpeakersFor(sessionFrom(r).User.Name) {
		b.Speakers = append(b.Speakers, sp.Name)
	}
	for _, body := range s.out.Roles.Bodies() {
		b.Bodies = append(b.Bodies, body.Name)
	}
	if len(b.Speakers) == 1 && len(f.From) == 0 {
		b.Form.From = b.Speakers
	}
	if f.InResponseTo != 0 {
		if st, err := s.db.GetStatement(r.Context(), f.InResponseTo); err == nil {
			b.Answered = &st
		}
	}
	return b
}

// sendNew shows an empty compose form, or with ?reply=ID one answering that statement.
func (s *Server) sendNew(w http.ResponseWriter, r *http.Request) {
	if len(s.out.Roles.SpeakersFor(sessionFrom(r).User.Name)) == 0 {
		s.sendRefused(w, r, http.StatusForbidden, "The directory names no group you may send statements for.")
		return
	}
	var f outgoing.Form
	var fe outgoing.FieldErrors
	if reply := r.URL.Query().Get("reply"); reply != "" {
		id, err := strconv.ParseInt(reply, 10, 64)
		if err != nil || id <= 0 {
			s.notFound(w, r)
			return
		}
		f, err = s.out.ReplyForm(r.Context(), id)
		if errors.As(err, &fe) {
			s.notFound(w, r)
			return
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, "sendform", view{Title: "New outgoing statement", Nav: "send", Body: s.newForm(r, 0, f)})
}

// sendSave saves the compose form (new, or an edit of /send/{id}/edit) as a draft and,
// when its "submit" button was pressed, sends it for approval. A refused form is shown
// again with what was typed and each field's message (422); nothing is recorded.
func (s *Server) sendSave(w http.ResponseWriter, r *http.Request) {
	var id int64
	if r.PathValue("id") != "" {
		var ok bool
		if id, ok = pathID(r, "id"); !ok {
			s.notFound(w, r)
			return
		}
	}
	me := sessionFrom(r).User.Name
	f, cc, err := s.readSendForm(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	saved, err := s.out.Save(r.Context(), id, me, f)
	var fe outgoing.FieldErrors
	if errors.As(err, &fe) {
		b := s.newForm(r, id, f)
		b.Cc, b.Errors = cc, fe
		if id != 0 {
			if o, err := s.db.GetOutgoing(r.Context(), id); err == nil {
				b.Kept = keptFiles(o.Files, r.PostForm["keep"])
			}
		}
		for _, file := range f.Files {
			if file.Data != nil {
				b.Again = append(b.Again, file.Filename)
			}
		}
		title := "New outgoing statement"
		if id != 0 {
			title = "Edit the statement"
		}
		s.render(w, r, http.StatusUnprocessableEntity, "sendform", view{Title: title, Nav: "send", Body: b,
			Error: "The statement was not saved: correct the fields marked below."})
		return
	}
	if s.sendError(w, r, id, err) {
		return
	}
	s.log.Info("outgoing statement saved", "outgoing", saved, "actor", me)
	done := "saved"
	if r.PostFormValue("do") == "submit" {
		if _, err := s.out.Submit(r.Context(), saved, me); s.sendError(w, r, saved, err) {
			return
		}
		done = "submitted"
	}
	http.Redirect(w, r, fmt.Sprintf("/send/%d?done=%s", saved, done), http.StatusSeeOther)
}

// readSendForm reads the compose form: lists as checkboxes or one address a line, the
// files uploaded (each read up to one byte over its limit, so that the check names it
// without holding more) and those of the draft kept by digest.
func (s *Server) readSendForm(r *http.Request) (outgoing.Form, string, error) {
	f := outgoing.Form{From: r.PostForm["from"], To: r.PostForm["to"], Purpose: r.PostFormValue("purpose"),
		Deadline: strings.TrimSpace(r.PostFormValue("deadline")), Title: strings.TrimSpace(r.PostFormValue("title")),
		Body: strings.ReplaceAll(r.PostFormValue("body"), "\r\n", "\n")}
	cc := r.PostFormValue("cc")
	f.Cc = strings.FieldsFunc(cc, func(c rune) bool { return c == ',' || c == '\n' || c == '\r' || c == ' ' })
	if v := r.PostFormValue("in_response_to"); v != "" {
		f.InResponseTo, _ = strconv.ParseInt(v, 10, 64)
	}
	for _, sha := range r.PostForm["keep"] {
		f.Files = append(f.Files, store.OutgoingFile{SHA256: sha})
	}
	if r.MultipartForm == nil {
		return f, cc, nil
	}
	limit := s.out.Bounds().MaxFileBytes
	for _, fh := range r.MultipartForm.File["files"] {
		if fh.Filename == "" && fh.Size == 0 {
			continue // the file field left empty
		}
		data, err := readUpload(fh, limit+1)
		if err != nil {
			return f, cc, err
		}
		f.Files = append(f.Files, store.OutgoingFile{Filename: filepath.Base(fh.Filename), ContentType: uploadType(fh), Data: data})
	}
	return f, cc, nil
}

func readUpload(fh *multipart.FileHeader, max int64) ([]byte, error) {
	file, err := fh.Open()
	if err != nil {
		return nil, err
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, max))
	if data == nil {
		data = []byte{}
	}
	return data, err
}

// uploadType is the type of an uploaded file by its name (as the command line does),
// else as the browser declared it.
func uploadType(fh *multipart.FileHeader) string {
	if t := mime.TypeByExtension(filepath.Ext(fh.Filename)); t != "" {
		return t
	}
	if t, _, err := mime.ParseMediaType(fh.Header.Get("Content-Type")); err == nil {
		return t
	}
	return "application/octet-stream"
}

// keptFiles are the draft's files, each marked kept when keep names it.
func keptFiles(files []store.OutgoingFile, keep []string) []keptFile {
	var out []keptFile
	for _, f := range files {
		out = append(out, keptFile{OutgoingFile: f, Keep: slices.Contains(keep, f.SHA256)})
	}
	return out
}

type keptFile struct {
	store.OutgoingFile
	Keep bool
}

// sendItemBody is /send/{id}: the statement, and what the logged-in person may do.
type sendItemBody struct {
	O         store.Outgoing
	Answered  *store.Statement
	Approvers []string
	IsAuthor  bool
	Edit      *sendFormBody // the author's form while it is a draft or returned
	Pending   []string      // the speakers the person's approval is for
	MayReturn bool
	Comment   string // a refused return's comment, kept
	Errors    outgoing.FieldErrors
	Posted    int64 // the outgoing statement's public record, once sent
	History   []store.Event
}

// sendItem shows one outgoing statement to whoever may see it (others: 404).
func (s *Server) sendItem(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	s.showSendItem(w, r, id, http.StatusOK, "", nil, "")
}

func (s *Server) showSendItem(w http.ResponseWriter, r *http.Request, id int64, status int, errText string, fe outgoing.FieldErrors, comment string) {
	me := sessionFrom(r).User.Name
	o, err := s.db.GetOutgoing(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) || err == nil && !s.out.MayView(o, me) {
		s.notFound(w, r)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	b := sendItemBody{O: o, Approvers: s.out.Approvers(o), IsAuthor: strings.EqualFold(o.Author, me),
		Pending: s.out.Pending(o, me), MayReturn: s.out.MayReturn(o, me), Comment: comment, Errors: fe}
	if o.InResponseTo != 0 {
		if st, err := s.db.GetStatement(r.Context(), o.InResponseTo); err == nil {
			b.Answered = &st
		}
	}
	if outgoing.MayEdit(o, me) {
		f := s.newForm(r, id, outgoing.Form{From: o.From, To: o.To, Cc: o.Cc, Purpose: o.Purpose, Deadline: o.Deadline,
			Title: o.Title, Body: o.Body, InResponseTo: o.InResponseTo})
		f.Kept = keptFiles(o.Files, nil)
		for i := range f.Kept {
			f.Kept[i].Keep = true
		}
		b.Edit = &f
	}
	if b.History, err = s.db.Events(r.Context(), store.EventFilter{Outgoing: id}); err != nil {
		s.fail(w, r, err)
		return
	}
	if o.Message != 0 {
		if st, err := s.db.StatementByMessage(r.Context(), o.Message); err == nil && st.State == store.StatementPosted {
			b.Posted = st.ID
		}
	}
	s.render(w, r, status, "senditem", view{Title: o.Title, Nav: "send", Body: b, Error: errText, Flash: sendFlash(r)})
}

// sendAct runs submit, approve and return from /send/{id}.
func (s *Server) sendAct(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	me := sessionFrom(r).User.Name
	ctx := r.Context()
	var err error
	done := r.PathValue("action")
	switch done {
	case "submit":
		_, err = s.out.Submit(ctx, id, me)
		done = "submitted"
	case "approve":
		var approved bool
		approved, err = s.out.Approve(ctx, id, me)
		if done = "approval"; approved {
			done = "approved"
		}
	case "return":
		comment := r.PostFormValue("comment")
		err = s.out.Return(ctx, id, me, comment)
		var fe outgoing.FieldErrors
		if errors.As(err, &fe) {
			s.showSendItem(w, r, id, http.StatusUnprocessableEntity, "Not returned: say what should change.", fe, comment)
			return
		}
		done = "returned"
	default:
		s.notFound(w, r)
		return
	}
	if s.sendError(w, r, id, err) {
		return
	}
	s.log.Info("outgoing statement", "action", done, "outgoing", id, "actor", me)
	http.Redirect(w, r, fmt.Sprintf("/send/%d?done=%s", id, done), http.StatusSeeOther)
}

// sendError answers a refused or failed step and reports whether there was one: not
// found (404), not allowed (403) and not in a state that allows it (409) are shown on the
// statement's page, which is unchanged.
func (s *Server) sendError(w http.ResponseWriter, r *http.Request, id int64, err error) bool {
	switch {
	case err == nil:
		return false
	case errors.Is(err, store.ErrNotFound):
		s.notFound(w, r)
	case errors.Is(err, outgoing.ErrForbidden) && !s.mayView(r, id):
		// Someone who may not see the statement hears that they may not act, on their list.
		s.sendRefused(w, r, http.StatusForbidden, "Refused: "+err.Error()+". Nothing was recorded.")
	case errors.Is(err, outgoing.ErrForbidden):
		s.showSendItem(w, r, id, http.StatusForbidden, "Refused: "+err.Error()+". Nothing changed.", nil, "")
	case errors.Is(err, store.ErrState):
		s.showSendItem(w, r, id, http.StatusConflict, "Refused: "+err.Error()+". Nothing changed.", nil, "")
	default:
		s.fail(w, r, err)
	}
	return true
}

func (s *Server) mayView(r *http.Request, id int64) bool {
	o, err := s.db.GetOutgoing(r.Context(), id)
	return id != 0 && err == nil && s.out.MayView(o, sessionFrom(r).User.Name)
}

// sendRefused shows the list with a refusal.
func (s *Server) sendRefused(w http.ResponseWriter, r *http.Request, status int, msg string) {
	me := sessionFrom(r).User.Name
	lists, err := s.out.ListFor(r.Context(), me)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, status, "sendlist", view{Title: "Outgoing statements", Nav: "send", Error: msg,
		Body: sendListBody{Lists: lists, MayCompose: len(s.out.Roles.SpeakersFor(me)) > 0}})
}

// sendFile serves a file of an outgoing statement to whoever may see the statement.
func (s *Server) sendFile(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	seq, err := strconv.Atoi(r.PathValue("seq"))
	if !ok || err != nil {
		s.notFound(w, r)
		return
	}
	o, err := s.db.GetOutgoing(r.Context(), id)
	if err != nil || !s.out.MayView(o, sessionFrom(r).User.Name) || seq < 0 || seq >= len(o.Files) {
		s.notFound(w, r)
		return
	}
	f := o.Files[seq]
	data, err := s.db.Blob(r.Context(), f.SHA256)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/octet-stream")
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": f.Filename}))
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	w.Write(data)
}

// sendFlash is the fixed confirmation of a done=... parameter.
func sendFlash(r *http.Request) string {
	return map[string]string{
		"saved":     "Saved as a draft. Submit it when it is ready.",
		"submitted": "Submitted: it waits for its approvers.",
		"approval":  "Your approval is recorded; it waits for the other approvers.",
		"approved":  "Approved: it is sent and posted by the daemon.",
		"returned":  "Returned to its author with your comment.",
	}[r.URL.Query().Get("done")]
}

// uploadLimit bounds a compose form's body: every file at its limit, the text, and room
// for the other fields.
func (s *Server) uploadLimit() int64 {
	l := s.out.Bounds()
	return int64(l.MaxFiles)*l.MaxFileBytes + int64(l.MaxBodyBytes) + maxFormBytes
}

// replyLink is the compose form answering st, for a logged-in person who may compose,
// when st is a posted incoming statement; "" otherwise.
func (s *Server) replyLink(r *http.Request, st store.Statement) string {
	sess := sessionFrom(r)
	if sess == nil || st.State != store.StatementPosted || st.Direction == store.DirectionOutgoing ||
		len(s.out.Roles.SpeakersFor(sess.User.Name)) == 0 {
		return ""
	}
	return "/send/new?reply=" + strconv.FormatInt(st.ID, 10)
}
