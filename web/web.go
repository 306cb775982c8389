// Package web owns the HTTP side of liaisond: health and readiness probes, Prometheus
// metrics, the public record (list, search, statement pages, attachments, Atom feeds, a
// read-only JSON API), the review queue and operations pages for liaison managers, and the
// pages where statements sent from the IETF are composed and approved.
//
// Pages are server-rendered from embedded templates and CSS; the only script is the
// small one that follows the live record log. The public sees posted statements only:
// every public handler asks the store for state "posted" (or checks it) and answers 404
// otherwise. Manager actions go through the review package, shared with the command
// line; outgoing statements go through the outgoing package, as from the command line. It must not speak SMTP or IMAP, and never render mail HTML unsanitised.
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
	"github.com/liaisond/liaisond/message"
	"github.com/liaisond/liaisond/outgoing"
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
	ops    *http.Server // [web] ops_listen: metrics and probes without login; nil if none
	opsL   net.Listener

	groups      []string            // directory group names: the choices of a reroute
	bodies      map[string][]string // directory names and aliases, lower-cased, to all names of their entry
	parseLimits message.ParseLimits
	mailViews   *mailViews
	downloads   *downloads
	pages       *pages
	limiter     *loginLimiter
	secure      bool              // public_url is https: cookies are Secure
	noRelay     bool              // [relay] host is empty: outgoing mail waits in the outbox
	out         *outgoing.Service // statements sent from the IETF: composing and approval
	closing     chan struct{}     // closed by Shutdown, ends live streams
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
		out:     outgoing.New(cfg, db),
		closing: make(chan struct{}),
	}
	for _, g := range cfg.Groups {
		s.groups = append(s.groups, g.Name)
	}
	s.bodies = directoryNames(cfg)
	// The record's counts (queued, rejected, failed) are not for the public: /metrics is
	// for logged-in managers here, and for anyone who reaches the ops listener.
	metrics := promhttp.HandlerFor(gatherer, promhttp.HandlerOpts{ErrorLog: slog.NewLogLogger(s.log.Handler(), slog.LevelWarn)})
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.Handle("GET /metrics", s.manager(metrics.ServeHTTP))
	s.routes(mux)
	s.srv = s.httpServer(securityHeaders(s.withSession(mux)))
	if cfg.Web.OpsListen != "" {
		ops := http.NewServeMux()
		ops.HandleFunc("GET /healthz", s.healthz)
		ops.HandleFunc("GET /readyz", s.readyz)
		ops.Handle("GET /metrics", metrics)
		s.ops = s.httpServer(ops)
	}
	return s
}

func (s *Server) httpServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}

// Handler returns the routes, for tests.
func (s *Server) Handler() http.Handler { return s.srv.Handler }

// OpsHandler returns the ops listener's routes (nil without ops_listen), for tests.
func (s *Server) OpsHandler() http.Handler {
	if s.ops == nil {
		return nil
	}
	return s.ops.Handler
}

// Start opens the listeners ([web] listen and ops_listen, each unless "") and serves in
// the background.
func (s *Server) Start() error {
	for _, l := range []struct {
		addr string
		srv  *http.Server
		to   *net.Listener
	}{{s.cfg.Listen, s.srv, &s.listen}, {s.cfg.OpsListen, s.ops, &s.opsL}} {
		if l.addr == "" || l.srv == nil {
			continue
		}
		ln, err := net.Listen("tcp", l.addr)
		if err != nil {
			s.Shutdown(context.Background())
			return fmt.Errorf("web: listen on %s: %w", l.addr, err)
		}
		*l.to = ln
		s.log.Info("listening", "addr", ln.Addr().String(), "ops", l.srv == s.ops)
		go func() {
			if err := l.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				s.log.Error("serve stopped", "err", err)
			}
		}()
	}
	return nil
}

// Addr is the bound address of the main listener.
func (s *Server) Addr() net.Addr { return s.listen.Addr() }

// OpsAddr is the bound address of the ops listener (nil without one).
func (s *Server) OpsAddr() net.Addr {
	if s.opsL == nil {
		return nil
	}
	return s.opsL.Addr()
}

// Shutdown stops accepting and waits for requests in progress.
func (s *Server) Shutdown(ctx context.Context) error {
	s.closeOnce.Do(func() { close(s.closing) })
	ctx, cancel := context.WithTimeout(ctx, s.cfg.ShutdownTimeout)
	defer cancel()
	var errs []error
	for _, srv := range []*http.Server{s.srv, s.ops} {
		if srv != nil {
			errs = append(errs, srv.Shutdown(ctx))
		}
	}
	return errors.Join(errs...)
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
