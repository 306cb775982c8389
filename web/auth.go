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
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

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
	attempt, ok := s.limiter.reserve(ip, name)
	if !ok {
		w.Header().Set("Retry-After", "900")
		s.showLogin(w, r, http.StatusTooManyRequests, "Too many failed logins. Please wait a while before trying again.", next)
		return
	}
	u, err := s.db.CheckPassword(r.Context(), name, password)
	if errors.Is(err, store.ErrBadLogin) {
		// The reserved attempt stays counted: it was a failure.
		s.log.Warn("login failed", "user", name, "remote", ip)
		s.showLogin(w, r, http.StatusUnauthorized, "Wrong name or password.", next)
		return
	}
	if err != nil {
		s.limiter.release(ip, name, attempt)
		s.fail(w, r, err)
		return
	}
	token, _, err := s.db.CreateSession(r.Context(), u.ID, s.cfg.SessionLifetime)
	if err != nil {
		s.limiter.release(ip, name, attempt)
		s.fail(w, r, err)
		return
	}
	s.limiter.succeed(ip, name, attempt)
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

// safeNext keeps a redirect after login on this site: only a path of ours, re-serialised
// from its parsed form, with its query. Anything else (a scheme, a host, "//" or "/\"
// however encoded, a control character a browser would strip) goes to the queue.
func safeNext(next string) string {
	const home = "/queue"
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsFunc(next, unsafeInURL) {
		return home
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" ||
		!strings.HasPrefix(u.Path, "/") || strings.HasPrefix(u.Path, "//") || strings.ContainsFunc(u.Path, unsafeInURL) {
		return home
	}
	query, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return home
	}
	local := url.URL{Path: u.Path, RawPath: u.RawPath, RawQuery: query.Encode()}
	return local.String()
}

// unsafeInURL is a control character, which browsers drop from URLs (so "/\t/host" is
// "//host" to them), or a backslash, which they read as a slash.
func unsafeInURL(r rune) bool {
	return r < 0x20 || r == 0x7f || r == '\\' || unicode.IsControl(r)
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

// reserve takes one attempt for an address and a name if both are under their limits.
// The attempt counts as a failure from now on, before the password is checked: a check
// takes a while (bcrypt), and concurrent attempts must not all pass the limit in that
// time. A right password gives the attempt back (succeed), as does a check that could
// not be made (release).
func (l *loginLimiter) reserve(ip, user string) (attempt time.Time, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	keys := limiterKeys(ip, user)
	if l.recent(keys[0]) >= l.perIP || l.recent(keys[1]) >= l.perUser {
		return time.Time{}, false
	}
	if len(l.failures) >= maxLimiterKeys {
		l.prune()
	}
	attempt = l.now()
	for _, k := range keys {
		l.failures[k] = append(l.failures[k], attempt)
	}
	return attempt, true
}

// succeed forgets the failures of a name once its password was right; the address keeps
// its count (less this attempt), so one valid login does not reset a guessing run from
// that address.
func (l *loginLimiter) succeed(ip, user string, attempt time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	keys := limiterKeys(ip, user)
	l.forget(keys[0], attempt)
	delete(l.failures, keys[1])
}

// release gives back an attempt whose password could not be checked.
func (l *loginLimiter) release(ip, user string, attempt time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, k := range limiterKeys(ip, user) {
		l.forget(k, attempt)
	}
}

func limiterKeys(ip, user string) [2]string {
	return [2]string{"ip:" + ip, "user:" + strings.ToLower(user)}
}

// forget removes one attempt made at the given time from a key.
func (l *loginLimiter) forget(key string, attempt time.Time) {
	ts := l.failures[key]
	if i := slices.IndexFunc(ts, attempt.Equal); i >= 0 {
		l.failures[key] = slices.Delete(ts, i, i+1)
	}
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
