package web

import (
	"io/fs"
	"net/http"
	"strconv"
	"strings"
)

// routes registers every page. The paths /, /s/{id}, /feed.atom, /api/v1/statements,
// /api/v1/statements/{id} and /queue are a contract (docs/design.md).
func (s *Server) routes(mux *http.ServeMux) {
	// Public: no login, posted statements only.
	mux.HandleFunc("GET /{$}", s.list)
	mux.HandleFunc("GET /search", s.search)
	mux.HandleFunc("GET /s/{id}", s.statement)
	mux.HandleFunc("GET /s/{id}/a/{sha}/{filename}", s.attachment)
	mux.HandleFunc("GET /feed.atom", s.feed)
	mux.HandleFunc("GET /api/v1/statements", s.apiList)
	mux.HandleFunc("GET /api/v1/statements/{id}", s.apiStatement)
	mux.Handle("GET /static/", http.StripPrefix("/static/", s.staticFiles()))
	mux.HandleFunc("GET /", s.notFound)

	// Login.
	mux.HandleFunc("GET /login", s.loginPage)
	mux.HandleFunc("POST /login", s.login)
	mux.Handle("POST /logout", s.manager(s.logout))

	// Liaison managers.
	mux.Handle("GET /queue", s.manager(s.queue))
	mux.Handle("GET /queue/rejected", s.manager(s.rejected))
	mux.Handle("GET /queue/{id}", s.manager(s.item))
	mux.Handle("GET /queue/{id}/mail.html", s.manager(s.mailHTML))
	mux.Handle("GET /queue/{id}/raw", s.manager(s.raw))
	mux.Handle("POST /queue/{id}/{action}", s.manager(s.act))
	mux.Handle("GET /ops/log", s.manager(s.logPage))
	mux.Handle("GET /ops/log/stream", s.manager(s.logStream))
	mux.Handle("GET /ops/failed", s.manager(s.failedPage))
	mux.Handle("POST /ops/failed/{message}/retry", s.manager(s.retryFailed))
	mux.Handle("GET /ops/outbox", s.manager(s.outboxPage))
	mux.Handle("POST /ops/outbox/{id}/retry", s.manager(s.retryOutbox))
}

// pageCSP is the Content-Security-Policy of every page: nothing but our own stylesheet
// and images, forms only to us, never framed. Pages that need more widen it minimally.
const pageCSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// securityHeaders sets the headers every response carries; handlers override the CSP
// where a page needs a frame or a script of ours.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", pageCSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Vary", "Cookie")
		next.ServeHTTP(w, r)
	})
}

// staticFiles serves the embedded stylesheet and images. A name that is no valid file
// name (invalid UTF-8, "..") is not found: the file server would answer 500 for it.
func (s *Server) staticFiles() http.Handler {
	static, _ := fs.Sub(staticFS, "static")
	files := cacheFor(3600, http.FileServerFS(static))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if name := strings.TrimSuffix(r.URL.Path, "/"); name != "" && !fs.ValidPath(name) {
			s.notFound(w, r)
			return
		}
		files.ServeHTTP(w, r)
	})
}

func cacheFor(seconds int, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age="+strconv.Itoa(seconds))
		next.ServeHTTP(w, r)
	})
}

// publicCache lets shared caches keep a public page briefly, unless a manager is logged
// in (their pages carry their name and token).
func publicCache(w http.ResponseWriter, r *http.Request) {
	if sessionFrom(r) != nil {
		w.Header().Set("Cache-Control", "private, no-store")
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=60")
}

// pathID reads a numeric path value; ok is false for anything else.
func pathID(r *http.Request, name string) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	return id, err == nil && id > 0
}
