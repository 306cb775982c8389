package web

import (
	"net/http"

	"github.com/liaisond/liaisond/review"
	"github.com/liaisond/liaisond/store"
)

// withdrawnBody is the public page of a statement posted and then withdrawn: its URL
// was mailed to chairs, so it keeps answering with the title and why it was withdrawn,
// but no longer with the body or attachments.
type withdrawnBody struct {
	ID        int64
	Title     string
	Withdrawn review.Withdrawal
	Duplicate *review.Ref // the statement it duplicates, when that one is public
}

func (s *Server) withdrawnPage(w http.ResponseWriter, r *http.Request, st store.Statement) {
	wd, err := review.Withdrawn(r.Context(), s.db, st)
	if err != nil || wd == nil {
		s.fail(w, r, err)
		return
	}
	body := withdrawnBody{ID: st.ID, Title: st.Title, Withdrawn: *wd}
	if wd.DuplicateOf != 0 {
		if d, err := s.db.GetStatement(r.Context(), wd.DuplicateOf); err == nil && d.State == store.StatementPosted {
			body.Duplicate = &review.Ref{ID: d.ID, Title: d.Title}
		}
	}
	publicCache(w, r)
	s.render(w, r, http.StatusOK, "withdrawn", view{Title: "Withdrawn: " + st.Title, Nav: "list", Body: body})
}

// apiWithdrawn answers /api/v1/statements/{id} for a withdrawn statement: state
// "rejected" with a "withdrawn" object (when and why), rather than 404.
func (s *Server) apiWithdrawn(w http.ResponseWriter, r *http.Request, st store.Statement) {
	wd, err := review.Withdrawn(r.Context(), s.db, st)
	if err != nil || wd == nil {
		s.apiError(w, r, err)
		return
	}
	s.writeJSON(w, r, review.NewWithdrawnRecord(st, *wd))
}
