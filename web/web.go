// Package web owns the HTTP side of liaisond: health and readiness probes, Prometheus
// metrics, the public record (list, search, statement pages, attachments, Atom feeds, a
// read-only JSON API) and the review queue and operations pages for liaison managers.
//
// Pages are server-rendered from embedded templates and CSS; the only script is the
// small one that follows the live record log. The public sees posted statements only:
// every public handler asks the store for state "posted" (or checks it) and answers 404
// otherwise. Manager actions go through the review package, shared with the command
// line. It must not speak SMTP or IMAP, and never render mail HTML unsanitised.
package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/mail"
	"github.com/liaisond/liaisond/store"
)

// ReadyFunc reports whether a part of the daemon is ready to serve; nil means ready.
type ReadyFunc func(ctx context.Context) error

// Server is the HTTP listener.
type Server struct {
	cfg    config.WebConfig
	db     *store.DB
	log    *slog.Logger
	ready  map[string]ReadyFunc
	srv    *http.Server
	listen net.Listener

	groups      []string            // directory group names: the choices of a reroute
	bodies      map[string][]string // directory names and aliases, lower-cased, to all names of their entry
	parseLimits mail.ParseLimits
	mailViews   *mailViews
	downloads   *downloads
	pages       *pages
	limiter     *loginLimiter
	secure      bool          // public_url is https: cookies are Secure
	noRelay     bool          // [relay] host is empty: outgoing mail waits in the outbox
	closing     chan struct{} // closed by Shutdown, ends live streams
	closeOnce   sync.Once
}

// New builds the server from the whole configuration (the [web] section, the directory
// for reroutes, the parse limits for showing mail); gatherer is the registry whose
// metrics /metrics shows, and ready names the checks /readyz runs.
func New(cfg config.Config, db *store.DB, gatherer prometheus.Gatherer, ready map[string]ReadyFunc, log *slog.Logger) *Server {
	s := &Server{
		cfg: cfg.Web, db: db, log: log.With("component", "web"), ready: ready,
		parseLimits: cfg.Parse, mailViews: newMailViews(), downloads: newDownloads(downloadBudget), pages: loadPages(),
		limiter: newLoginLimiter(cfg.Web.LoginFailuresPerUser, cfg.Web.LoginFailuresPerIP, cfg.Web.LoginWindow),
		secure:  strings.HasPrefix(strings.ToLower(cfg.Web.PublicURL), "https://"),
		noRelay: cfg.Relay.Host == "",
		closing: make(chan struct{}),
	}
	for _, g := range cfg.Groups {
		s.groups = append(s.groups, g.Name)
	}
	s.bodies = directoryNames(cfg)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.Handle("GET /metrics", promhttp.HandlerFor(gatherer, promhttp.HandlerOpts{ErrorLog: slog.NewLogLogger(s.log.Handler(), slog.LevelWarn)}))
	s.routes(mux)
	s.srv = &http.Server{
		Handler:           securityHeaders(s.withSession(mux)),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       cfg.Web.ReadTimeout,
		WriteTimeout:      cfg.Web.WriteTimeout,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	return s
}

// Handler returns the routes, for tests.
func (s *Server) Handler() http.Handler { return s.srv.Handler }

// Start opens the listener and serves in the background.
func (s *Server) Start() error {
	l, err := net.Listen("tcp", s.cfg.Listen)
	if err != nil {
		return fmt.Errorf("web: listen on %s: %w", s.cfg.Listen, err)
	}
	s.listen = l
	s.log.Info("listening", "addr", l.Addr().String())
	go func() {
		if err := s.srv.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.Error("serve stopped", "err", err)
		}
	}()
	return nil
}

// Addr is the bound address.
func (s *Server) Addr() net.Addr { return s.listen.Addr() }

// Shutdown stops accepting and waits for requests in progress.
func (s *Server) Shutdown(ctx context.Context) error {
	s.closeOnce.Do(func() { close(s.closing) })
	ctx, cancel := context.WithTimeout(ctx, s.cfg.ShutdownTimeout)
	defer cancel()
	return s.srv.Shutdown(ctx)
}

// healthz says the process is alive and serving HTTP.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintln(w, "ok")
}

// readyz says whether the daemon can take mail: the database answers and every
// registered part is up.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	var failed []string
	if err := s.db.Ping(ctx); err != nil {
		failed = append(failed, "database: "+err.Error())
	}
	for name, check := range s.ready {
		if err := check(ctx); err != nil {
			failed = append(failed, name+": "+err.Error())
		}
	}
	if len(failed) > 0 {
		w.WriteHeader(http.StatusServiceUnavailable)
		for _, f := range failed {
			fmt.Fprintln(w, f)
		}
		return
	}
	fmt.Fprintln(w, "ready")
}
