package web

import (
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
)

// TestMetricsNotPublic: /metrics (which counts queued and rejected statements) is for
// logged-in managers on the public listener; with [web] ops_listen, a second listener
// serves it, and the probes, without login (Prometheus), and nothing else.
func TestMetricsNotPublic(t *testing.T) {
	cfg := testConfig()
	cfg.Web.Listen, cfg.Web.OpsListen = "127.0.0.1:0", "127.0.0.1:0"
	reg := prometheus.NewRegistry()
	queued := prometheus.NewGauge(prometheus.GaugeOpts{Name: "liaisond_test_queued"})
	reg.MustRegister(queued)
	queued.Set(7)
	f := newFixture(t, cfg)
	f.srv = New(cfg, f.db, reg, nil, slog.New(slog.DiscardHandler))
	f.h = f.srv.Handler()

	res := f.get("/metrics")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login") ||
		strings.Contains(res.Body, "liaisond_test_queued") {
		t.Fatalf("public /metrics: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	m := f.login("alice")
	if res := f.get("/metrics", m.cookie); res.StatusCode != http.StatusOK || !strings.Contains(res.Body, "liaisond_test_queued 7") {
		t.Fatalf("manager /metrics: %d", res.StatusCode)
	}

	// The ops listener, over a real connection.
	if err := f.srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.srv.Shutdown(t.Context()) })
	get := func(addr, path string) (int, string) {
		t.Helper()
		c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		res, err := c.Get("http://" + addr + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	ops, main := f.srv.OpsAddr().String(), f.srv.Addr().String()
	for _, c := range []struct {
		addr, path string
		status     int
		want       string
	}{
		{ops, "/metrics", http.StatusOK, "liaisond_test_queued 7"},
		{ops, "/healthz", http.StatusOK, "ok"},
		{ops, "/readyz", http.StatusOK, "ready"},
		{ops, "/", http.StatusNotFound, ""},
		{ops, "/queue", http.StatusNotFound, ""},
		{ops, "/api/v1/statements", http.StatusNotFound, ""},
		{main, "/metrics", http.StatusSeeOther, ""},
		{main, "/healthz", http.StatusOK, "ok"},
	} {
		status, body := get(c.addr, c.path)
		if status != c.status || !strings.Contains(body, c.want) || c.want == "" && strings.Contains(body, "liaisond_test_queued") {
			t.Errorf("%s%s: %d %.80q", c.addr, c.path, status, body)
		}
	}
}
