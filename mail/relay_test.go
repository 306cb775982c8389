package mail

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"github.com/liaisond/liaisond/internal/testutil"
)

// fakeRelay is an SMTP server standing in for the relay: it records what it accepts and
// answers what fail says at each stage.
type fakeRelay struct {
	mu    sync.Mutex
	got   []relayed
	fail  func(stage string) error // stage: mail, rcpt, data; nil error = accept
	user  string                   // AUTH PLAIN required when set
	pass  string
	stall chan struct{} // Data waits on it when set
	addr  string
}

type relayed struct {
	from, to, helo string
	data           []byte
	tls            bool
}

type fakeSession struct {
	r      *fakeRelay
	conn   *smtp.Conn
	authed bool
	cur    relayed
}

func (r *fakeRelay) NewSession(c *smtp.Conn) (smtp.Session, error) {
	return &fakeSession{r: r, conn: c}, nil
}

func (s *fakeSession) check(stage string) error {
	if s.r.fail == nil {
		return nil
	}
	return s.r.fail(stage)
}

func (s *fakeSession) AuthMechanisms() []string { return []string{sasl.Plain} }
func (s *fakeSession) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if user != s.r.user || pass != s.r.pass {
			return smtp.ErrAuthFailed
		}
		s.authed = true
		return nil
	}), nil
}

func (s *fakeSession) Mail(from string, _ *smtp.MailOptions) error {
	if s.r.user != "" && !s.authed {
		return smtp.ErrAuthRequired
	}
	_, isTLS := s.conn.TLSConnectionState()
	s.cur = relayed{from: from, helo: s.conn.Hostname(), tls: isTLS}
	return s.check("mail")
}

func (s *fakeSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.cur.to = to
	return s.check("rcpt")
}

func (s *fakeSession) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if s.r.stall != nil {
		<-s.r.stall
	}
	if err := s.check("data"); err != nil {
		return err
	}
	s.cur.data = data
	s.r.mu.Lock()
	s.r.got = append(s.r.got, s.cur)
	s.r.mu.Unlock()
	return nil
}

func (s *fakeSession) Reset()        {}
func (s *fakeSession) Logout() error { return nil }

func (r *fakeRelay) received() []relayed {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]relayed(nil), r.got...)
}

// startFakeRelay listens on loopback; mode is a RelayTLS value, cert its certificate.
func startFakeRelay(t *testing.T, r *fakeRelay, mode string, cert *tls.Certificate) {
	t.Helper()
	srv := smtp.NewServer(r)
	srv.Domain = "relay.test"
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if cert != nil {
		srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{*cert}}
		if mode == RelayTLSImplicit {
			l = tls.NewListener(l, srv.TLSConfig)
		}
	}
	r.addr = l.Addr().String()
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
}

func (r *fakeRelay) options(t *testing.T, mode string) RelayOptions {
	host, port, _ := net.SplitHostPort(r.addr)
	p, _ := strconv.Atoi(port)
	return RelayOptions{Host: host, Port: p, TLS: mode, Helo: "liaisond.test", Timeout: 5 * time.Second}
}

func testTLS(t *testing.T) (*tls.Certificate, *tls.Config) {
	_, _, cert := testutil.SelfSignedCert(t, t.TempDir())
	pool := x509.NewCertPool()
	leaf, _ := x509.ParseCertificate(cert.Certificate[0])
	pool.AddCert(leaf)
	return &cert, &tls.Config{RootCAs: pool}
}

func newTestRelay(t *testing.T, opts RelayOptions) *Relay {
	t.Helper()
	r, err := NewRelay(opts, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

const relayMsg = "From: liaisond@example.org\r\nTo: chairs@example.org\r\nSubject: t\r\n\r\nbody\r\n.leading dot\r\n"

func TestRelayDeliversPlain(t *testing.T) {
	fr := &fakeRelay{}
	startFakeRelay(t, fr, RelayTLSNone, nil)
	r := newTestRelay(t, fr.options(t, RelayTLSNone))
	if err := r.Send(context.Background(), "liaisond@example.org", "chairs@example.org", []byte(relayMsg)); err != nil {
		t.Fatal(err)
	}
	got := fr.received()
	if len(got) != 1 || got[0].from != "liaisond@example.org" || got[0].to != "chairs@example.org" ||
		got[0].helo != "liaisond.test" || string(got[0].data) != relayMsg {
		t.Fatalf("relay received %+v", got)
	}
}

func TestRelayStartTLSWithAuth(t *testing.T) {
	cert, clientTLS := testTLS(t)
	fr := &fakeRelay{user: "liaisond", pass: "s3cret"}
	startFakeRelay(t, fr, RelayTLSStartTLS, cert)
	opts := fr.options(t, RelayTLSStartTLS)
	opts.Host, opts.TLSConfig, opts.User = "127.0.0.1", clientTLS, "liaisond"
	opts.PasswordFile = filepath.Join(t.TempDir(), "pass")
	os.WriteFile(opts.PasswordFile, []byte("s3cret\n"), 0o600)
	if err := newTestRelay(t, opts).Send(context.Background(), "a@example.org", "b@example.org", []byte(relayMsg)); err != nil {
		t.Fatal(err)
	}
	if got := fr.received(); len(got) != 1 || !got[0].tls || got[0].helo != "liaisond.test" {
		t.Fatalf("received %+v", got)
	}
	// A wrong password is the relay's problem: temporary, so fixing it lets mail go.
	os.WriteFile(opts.PasswordFile, []byte("wrong\n"), 0o600)
	err := newTestRelay(t, opts).Send(context.Background(), "a@example.org", "b@example.org", []byte(relayMsg))
	var re *RelayError
	if !errors.As(err, &re) || re.Stage != "auth" || IsPermanent(err) {
		t.Fatalf("wrong password: %v", err)
	}
}

func TestRelayImplicitTLS(t *testing.T) {
	cert, clientTLS := testTLS(t)
	fr := &fakeRelay{}
	startFakeRelay(t, fr, RelayTLSImplicit, cert)
	opts := fr.options(t, RelayTLSImplicit)
	opts.TLSConfig = clientTLS
	if err := newTestRelay(t, opts).Send(context.Background(), "a@example.org", "b@example.org", []byte(relayMsg)); err != nil {
		t.Fatal(err)
	}
	if got := fr.received(); len(got) != 1 || !got[0].tls {
		t.Fatalf("received %+v", got)
	}
}

// TestRelayErrors: 4xx and connection trouble are temporary, 5xx to the message is
// permanent at once; only trouble with the relay itself (no connection, no TLS) makes it
// unreachable, a reply about the message does not.
func TestRelayErrors(t *testing.T) {
	reply := func(code int, stageWanted string) func(string) error {
		return func(stage string) error {
			if stage == stageWanted {
				return &smtp.SMTPError{Code: code, EnhancedCode: smtp.EnhancedCode{code / 100, 0, 0}, Message: "scripted"}
			}
			return nil
		}
	}
	tests := []struct {
		name      string
		fail      func(string) error
		stage     string
		permanent bool
	}{
		{"451 at RCPT", reply(451, "rcpt"), "rcpt", false},
		{"550 at RCPT", reply(550, "rcpt"), "rcpt", true},
		{"452 at MAIL", reply(452, "mail"), "mail", false},
		{"553 at MAIL", reply(553, "mail"), "mail", true},
		{"554 after DATA", reply(554, "data"), "data", true},
		{"421 after DATA", reply(421, "data"), "data", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fr := &fakeRelay{fail: tt.fail}
			startFakeRelay(t, fr, RelayTLSNone, nil)
			err := newTestRelay(t, fr.options(t, RelayTLSNone)).Send(context.Background(), "a@example.org", "b@example.org", []byte(relayMsg))
			var re *RelayError
			if !errors.As(err, &re) || re.Stage != tt.stage || re.Permanent() != tt.permanent || re.Unreachable() {
				t.Fatalf("err %v (%+v), want stage %s permanent %v, reachable", err, re, tt.stage, tt.permanent)
			}
		})
	}
	t.Run("nobody listening", func(t *testing.T) {
		l, _ := net.Listen("tcp", "127.0.0.1:0")
		port := l.Addr().(*net.TCPAddr).Port
		l.Close()
		opts := RelayOptions{Host: "127.0.0.1", Port: port, TLS: RelayTLSNone, Timeout: time.Second}
		err := newTestRelay(t, opts).Send(context.Background(), "a@example.org", "b@example.org", []byte(relayMsg))
		var re *RelayError
		if !errors.As(err, &re) || IsPermanent(err) || !re.Unreachable() || !strings.Contains(err.Error(), "connect") {
			t.Fatalf("err %v, want a temporary error, relay unreachable", err)
		}
	})
	t.Run("STARTTLS required but not offered", func(t *testing.T) {
		fr := &fakeRelay{}
		startFakeRelay(t, fr, RelayTLSNone, nil)
		err := newTestRelay(t, fr.options(t, RelayTLSStartTLS)).Send(context.Background(), "a@example.org", "b@example.org", []byte(relayMsg))
		var re *RelayError
		if !errors.As(err, &re) || IsPermanent(err) || !re.Unreachable() || len(fr.received()) != 0 {
			t.Fatalf("err %v, received %d; want a temporary error, relay unreachable", err, len(fr.received()))
		}
	})
}

func TestRelayRefusesPasswordInClear(t *testing.T) {
	opts := RelayOptions{Host: "relay.example.org", Port: 25, TLS: RelayTLSNone, User: "u", PasswordEnv: "LIAISOND_TEST_RELAY_PW",
		Timeout: time.Second}
	t.Setenv("LIAISOND_TEST_RELAY_PW", "pw")
	if _, err := NewRelay(opts, slog.New(slog.DiscardHandler)); err == nil || !strings.Contains(err.Error(), "in clear") {
		t.Fatalf("err %v", err)
	}
	opts.Host = "127.0.0.1"
	if _, err := NewRelay(opts, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatalf("loopback refused: %v", err)
	}
	opts.PasswordEnv = "LIAISOND_TEST_RELAY_UNSET"
	if _, err := NewRelay(opts, slog.New(slog.DiscardHandler)); err == nil {
		t.Fatal("a missing password accepted")
	}
}

// TestRelayStopsWithContext: a relay that stalls does not hold the sender past its
// context.
func TestRelayStopsWithContext(t *testing.T) {
	fr := &fakeRelay{stall: make(chan struct{})}
	defer close(fr.stall)
	startFakeRelay(t, fr, RelayTLSNone, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := newTestRelay(t, fr.options(t, RelayTLSNone)).Send(ctx, "a@example.org", "b@example.org", []byte(relayMsg))
	if err == nil || IsPermanent(err) || time.Since(start) > 3*time.Second {
		t.Fatalf("err %v after %v", err, time.Since(start))
	}
}
