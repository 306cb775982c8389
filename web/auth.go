package web

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/liaisond/liaisond/store"
)

// Cookie names. With https the session cookie takes the __Host- prefix, which browsers
// accept only when Secure, for path / and without Domain: no sibling host can set it.
const (
	sessionCookie      = "liaisond_session"
	loginCSRFCookie    = "liaisond_login"
	securePrefix       = "__Host-"
	maxLoginFieldBytes = 1024
)

type ctxKey int

const sessionKey ctxKey = iota

// sessionFrom returns the logged-in session of a request, nil for the public.
func sessionFrom(r *http.Request) *store.Session {
	s, _ := r.Context().Value(sessionKey).(*store.Session)
	return s
}

func (s *Server) cookieName(name string) string {
	if s.secure {
		return securePrefix + name
	}
	return name
}

func (s *Server) setCookie(w http.ResponseWriter, name, value string, maxAge int) {
	http.SetCookie(w, &http.Cookie{
		Name: s.cookieName(name), Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteLaxMode,
	})
}

// withSession loads the session of the request's cookie, if any, into its context.
func (s *Server) withSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c, err := r.Cookie(s.cookieName(sessionCookie)); err == nil && c.Value != "" {
			sess, err := s.db.SessionByToken(r.Context(), c.Value)
			if err == nil {
				r = r.WithContext(context.WithValue(r.Context(), sessionKey, &sess))
			}
		}
		next.ServeHTTP(w, r)
	})
}

// manager guards a liaison-manager handler: no session sends a GET to the login page
// and refuses anything else; a POST must come from our own pages (same origin) and
// carry the session's CSRF token.
func (s *Server) manager(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		sess := sessionFrom(r)
		if sess == nil {
			if r.Method == http.MethodGet {
				http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			http.Error(w, "log in first", http.StatusForbidden)
			return
		}
		if r.Method == http.MethodPost && !s.validPost(r, sess.CSRF) {
			http.Error(w, "the form is out of date or came from another site; reload the page and try again", http.StatusForbidden)
			return
		}
		h(w, r)
	})
}

// validPost checks a form submission: not cross-site (Origin and Sec-Fetch-Site, when the
// browser sends them) and carrying the expected token (constant-time comparison).
func (s *Server) validPost(r *http.Request, want string) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return false
	}
	if origin := r.Header.Get("Origin"); origin != "" && origin != "null" {
		u, err := url.Parse(origin)
		if err != nil || u.Host != r.Host {
			return false
		}
	}
	r.Body = http.MaxBytesReader(nil, r.Body, 1<<20)
	got := r.PostFormValue("csrf")
	return want != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

func randomToken() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

type loginBody struct {
	Next  string
	Token string // the login form's own CSRF token
}

// loginPage shows the form; a fresh token in a cookie and in the form protects the
// login itself from cross-site submission (there is no session to hold it yet).
func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	if sessionFrom(r) != nil {
		http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return
	}
	s.showLogin(w, r, http.StatusOK, "", r.URL.Query().Get("next"))
}

func (s *Server) showLogin(w http.ResponseWriter, r *http.Request, status int, msg, next string) {
	token := randomToken()
	s.setCookie(w, loginCSRFCookie, token, 3600)
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, status, "login", view{Title: "Liaison manager login", Nav: "login", Error: msg,
		Body: loginBody{Next: safeNext(next), Token: token}})
}

// login checks the rate limits, then the password; success starts a session.
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	c, err := r.Cookie(s.cookieName(loginCSRFCookie))
	if err != nil || !s.validPost(r, c.Value) {
		s.showLogin(w, r, http.StatusForbidden, "The login form expired. Please try again.", r.PostFormValue("next"))
		return
	}
	name, password, next := strings.TrimSpace(r.PostFormValue("name")), r.PostFormValue("password"), r.PostFormValue("next")
	if len(name) > maxLoginFieldBytes || len(password) > maxLoginFieldBytes {
		s.showLogin(w, r, http.StatusBadRequest, "Wrong name or password.", next)
		return
	}
	ip := clientIP(r)
	if !s.limiter.allow(ip, name) {
		w.Header().Set("Retry-After", "900")
		s.showLogin(w, r, http.StatusTooManyRequests, "Too many failed logins. Please wait a while before trying again.", next)
		return
	}
	u, err := s.db.CheckPassword(r.Context(), name, password)
	if errors.Is(err, store.ErrBadLogin) {
		s.limiter.fail(ip, name)
		s.log.Warn("login failed", "user", name, "remote", ip)
		s.showLogin(w, r, http.StatusUnauthorized, "Wrong name or password.", next)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	token, _, err := s.db.CreateSession(r.Context(), u.ID, s.cfg.SessionLifetime)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.limiter.succeed(name)
	s.setCookie(w, loginCSRFCookie, "", -1)
	s.setCookie(w, sessionCookie, token, int(s.cfg.SessionLifetime.Seconds()))
	s.log.Info("login", "user", u.Name, "remote", ip)
	http.Redirect(w, r, safeNext(next), http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(s.cookieName(sessionCookie)); err == nil {
		s.db.DeleteSession(r.Context(), c.Value)
	}
	s.setCookie(w, sessionCookie, "", -1)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// safeNext keeps a redirect after login on this site: a path, not "//host" or "/\host".
func safeNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") ||
		strings.ContainsAny(next, "\r\n") {
		return "/queue"
	}
	return next
}

// clientIP is the address of the connection. Forwarded-for headers are not trusted:
// behind a reverse proxy every client shares the proxy's per-address limit.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// loginLimiter counts failed logins per address and per name in a sliding window. It
// lives in memory: a restart forgets the counts, which only gives an attacker one more
// window.
type loginLimiter struct {
	mu             sync.Mutex
	perUser, perIP int
	window         time.Duration
	failures       map[string][]time.Time // "ip:..." and "user:..." keys
	now            func() time.Time
}

// maxLimiterKeys bounds the memory an attacker can make the limiter use.
const maxLimiterKeys = 100000

func newLoginLimiter(perUser, perIP int, window time.Duration) *loginLimiter {
	return &loginLimiter{perUser: perUser, perIP: perIP, window: window, failures: map[string][]time.Time{}, now: time.Now}
}

// allow reports whether a login attempt may be checked at all.
func (l *loginLimiter) allow(ip, user string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.recent("ip:"+ip) < l.perIP && l.recent("user:"+strings.ToLower(user)) < l.perUser
}

func (l *loginLimiter) fail(ip, user string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.failures) >= maxLimiterKeys {
		l.prune()
	}
	now := l.now()
	for _, k := range []string{"ip:" + ip, "user:" + strings.ToLower(user)} {
		l.failures[k] = append(l.failures[k], now)
	}
}

// succeed forgets the failures of a name once its password was right; the address keeps
// its count, so one valid login does not reset a guessing run from that address.
func (l *loginLimiter) succeed(user string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.failures, "user:"+strings.ToLower(user))
}

// recent counts a key's failures within the window, dropping older ones.
func (l *loginLimiter) recent(key string) int {
	cut := l.now().Add(-l.window)
	ts := l.failures[key]
	i := 0
	for i < len(ts) && !ts[i].After(cut) {
		i++
	}
	if i == len(ts) {
		delete(l.failures, key)
		return 0
	}
	l.failures[key] = ts[i:]
	return len(ts) - i
}

// prune drops every key without a failure in the window; if that is not enough, it
// starts over (an attacker filling the map loses the counts, but cannot exhaust memory).
func (l *loginLimiter) prune() {
	for k := range l.failures {
		l.recent(k)
	}
	if len(l.failures) >= maxLimiterKeys {
		clear(l.failures)
	}
}
