package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestLoginBurst: a burst of simultaneous logins for one name over a real connection
// gets at most the allowed number of password checks; the rest are refused at once, and
// the right password sent once the limit is reached does not log in.
func TestLoginBurst(t *testing.T) {
	f := newFixture(t, testConfig()) // 3 failures per name, 10 per address
	if _, err := f.db.AddUser(t.Context(), "dave", "correct horse battery", "test"); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(f.h) // 127.0.0.1
	defer ts.Close()
	client := &http.Client{Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	form := f.get("/login")
	token, cookie := csrfIn(t, form.Body), cookieNamed(form.Response, loginCSRFCookie)
	post := func(password string) *http.Response {
		body := url.Values{"name": {"dave"}, "password": {password}, "csrf": {token}, "next": {"/queue"}}.Encode()
		req, _ := http.NewRequest(http.MethodPost, ts.URL+"/login", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.AddCookie(cookie)
		res, err := client.Do(req)
		if err != nil {
			t.Error(err)
			return nil
		}
		res.Body.Close()
		return res
	}

	const burst = 39
	var wg sync.WaitGroup
	var mu sync.Mutex
	status := map[int]int{}
	refused := make(chan struct{}) // closed at the first 429
	var once sync.Once
	start := make(chan struct{})
	for range burst {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			res := post("wrong password")
			if res == nil {
				return
			}
			mu.Lock()
			status[res.StatusCode]++
			mu.Unlock()
			if res.StatusCode == http.StatusTooManyRequests {
				once.Do(func() { close(refused) })
			}
		}()
	}
	close(start)
	// The right password, once the burst has reached the limit (or after it, if the
	// limit never answered 429).
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-refused:
	case <-done:
	}
	right := post("correct horse battery")
	<-done
	if status[http.StatusUnauthorized] > 3 || status[http.StatusUnauthorized]+status[http.StatusTooManyRequests] != burst {
		t.Errorf("burst of %d wrong passwords: %v; want at most 3 checked (401), the rest 429", burst, status)
	}
	if right == nil || right.StatusCode != http.StatusTooManyRequests || cookieNamed(right, sessionCookie) != nil {
		t.Errorf("right password after the limit: %v, want 429 without a session", right)
	}
}

// TestLoginLimiterGivesBack: a right password does not use up an attempt of its address,
// and an attempt whose check failed (not a wrong password) is given back.
func TestLoginLimiterGivesBack(t *testing.T) {
	l := newLoginLimiter(2, 2, time.Minute)
	for i := range 5 {
		at, ok := l.reserve("192.0.2.1", "erin")
		if !ok {
			t.Fatalf("attempt %d after right passwords refused", i)
		}
		l.succeed("192.0.2.1", "erin", at)
	}
	at, _ := l.reserve("192.0.2.1", "frank")
	l.release("192.0.2.1", "frank", at)
	l.reserve("192.0.2.1", "frank")
	if _, ok := l.reserve("192.0.2.1", "frank"); !ok {
		t.Fatal("a released attempt still counts")
	}
	if _, ok := l.reserve("192.0.2.1", "frank"); ok {
		t.Fatal("a third attempt within the limit of 2")
	}
}

// TestSafeNext: the address to go to after login is a path of this site, whatever the
// form says; hostile values fall back to the queue.
func TestSafeNext(t *testing.T) {
	for _, c := range []struct{ next, want string }{
		{"/queue/3", "/queue/3"},
		{"/queue?state=queued", "/queue?state=queued"},
		{"/s/1/a/abc/SG15%20draft.pdf", "/s/1/a/abc/SG15%20draft.pdf"},
		{"/caf\u00e9", "/caf%C3%A9"},
		{"/queue#frag", "/queue"},
		{"", "/queue"},
		{"queue", "/queue"},
		{"//evil.example/", "/queue"},
		{"///evil.example/", "/queue"},
		{"https://evil.example", "/queue"},
		{"http:/evil.example", "/queue"},
		{"javascript:alert(1)", "/queue"},
		{"/\\evil.example", "/queue"},
		{"\\\\evil.example", "/queue"},
		{"/\t/evil.example:8080/x", "/queue"},
		{"/\n/evil.example", "/queue"},
		{"/\r\nLocation: http://evil.example", "/queue"},
		{"\t//evil.example", "/queue"},
		{" //evil.example", "/queue"},
		{"/%09/evil.example", "/queue"},
		{"/%2F/evil.example", "/queue"},
		{"/%2f%2fevil.example", "/queue"},
		{"/%5Cevil.example", "/queue"},
		{"/%5c%5cevil.example", "/queue"},
		{"/x\x00", "/queue"},
		{"/x\x7f", "/queue"},
		{"/queue?x=\\", "/queue"},
		{"/queue?x=%0d%0a", "/queue?x=%0D%0A"},
		{"/@evil.example", "/@evil.example"},
		{"/%zz", "/queue"},
	} {
		if got := safeNext(c.next); got != c.want {
			t.Errorf("safeNext(%q) = %q, want %q", c.next, got, c.want)
		}
	}
	// The login form carries the cleaned value, and the redirect after login goes there.
	f := newFixture(t, testConfig())
	if res := f.get("/login?next=" + url.QueryEscape("/\t/evil.example:8080/x")); strings.Contains(res.Body, "evil.example") {
		t.Error("login form carries a hostile next")
	}
	f.db.AddUser(t.Context(), "gina", "correct horse battery", "test")
	form := f.get("/login")
	res := f.do(http.MethodPost, "/login", url.Values{"name": {"gina"}, "password": {"correct horse battery"},
		"csrf": {csrfIn(t, form.Body)}, "next": {"/%09/evil.example:8080/x"}}, cookieNamed(form.Response, loginCSRFCookie))
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || loc != "/queue" {
		t.Errorf("login with a hostile next: %d to %q", res.StatusCode, loc)
	}
}
