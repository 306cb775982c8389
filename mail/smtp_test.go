package mail

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/liaisond/liaisond/internal/smtpsend"
	"github.com/liaisond/liaisond/internal/teststore"
	"github.com/liaisond/liaisond/internal/testutil"
	"github.com/liaisond/liaisond/store"
)

// testIntake is a real SMTP or LMTP listener on 127.0.0.1:0 over a real SQLite file.
type testIntake struct {
	srv *SMTPServer
	db  *store.DB
	dir string
}

func startIntake(t testing.TB, lmtp bool, accept []string, mutate func(*SMTPConfig)) *testIntake {
	t.Helper()
	return startIntakeOn(t, store.Options{}, lmtp, accept, mutate)
}

// startIntakeOn is startIntake with the store's options (the benchmarks use the daemon's).
func startIntakeOn(t testing.TB, opts store.Options, lmtp bool, accept []string, mutate func(*SMTPConfig)) *testIntake {
	t.Helper()
	dir := t.TempDir()
	db := teststore.OpenAt(t, filepath.Join(dir, "liaisond.db"), opts)
	spool, err := NewSpooler(filepath.Join(dir, "spool"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultSMTPConfig("127.0.0.1:0")
	cfg.Domain = "intake.example.org"
	cfg.RateLimitExempt = nil
	if mutate != nil {
		mutate(&cfg)
	}
	srv, err := NewSMTPServer(cfg, lmtp, db, spool, NewRcptPolicy(accept), NewMetrics(nil), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		srv.Shutdown(context.Background())
		db.Close()
	})
	return &testIntake{srv: srv, db: db, dir: dir}
}

func (ti *testIntake) addr() string { return ti.srv.Addr().String() }

// waitIndexed waits until every recorded message is indexed: a 250 promises the bytes,
// and the duplicate link, the job and the event follow in the next pause of intake.
func (ti *testIntake) waitIndexed(t testing.TB) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		n, err := ti.db.Unindexed(context.Background())
		if err == nil && n == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("still %d messages unindexed (%v)", n, err)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func testMessage(id string, bodyBytes int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: Rapporteur <rapporteur@example.com>\r\nTo: statements@example.org\r\n")
	fmt.Fprintf(&b, "Subject: LS on test %s\r\nMessage-ID: <%s@example.com>\r\n\r\n", id, id)
	line := "Liaison statement body text with a leading dot follows.\r\n.hidden dot line\r\n"
	for b.Len() < bodyBytes {
		b.WriteString(line)
	}
	return b.Bytes()
}

func sendSMTP(t testing.TB, addr string, lmtp bool, from string, rcpt []string, msg []byte) error {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	var c *smtp.Client
	if lmtp {
		c = smtp.NewClientLMTP(conn)
	} else {
		c = smtp.NewClient(conn)
	}
	defer c.Close()
	if err := c.Hello("client.example.com"); err != nil {
		return err
	}
	return smtpsend.Send(c, from, rcpt, msg)
}

func TestSMTPAndLMTPRecordByteExact(t *testing.T) {
	for _, lmtp := range []bool{false, true} {
		name := map[bool]string{false: "smtp", true: "lmtp"}[lmtp]
		t.Run(name, func(t *testing.T) {
			ti := startIntake(t, lmtp, []string{"statements@example.org", "ccamp@example.org"}, nil)
			msg := testMessage("exact-"+name, 20000)
			rcpts := []string{"statements@example.org", "ccamp@example.org"}
			if err := sendSMTP(t, ti.addr(), lmtp, "rapporteur@example.com", rcpts, msg); err != nil {
				t.Fatal(err)
			}
			msgs, err := ti.db.Messages(context.Background(), store.MessageFilter{})
			if err != nil || len(msgs) != 1 {
				t.Fatalf("messages = %v, %v", msgs, err)
			}
			m := msgs[0]
			if m.Source != name || m.MailFrom != "rapporteur@example.com" || strings.Join(m.Rcpt, ",") != strings.Join(rcpts, ",") {
				t.Fatalf("envelope %+v", m)
			}
			if m.MessageID != "<exact-"+name+"@example.com>" {
				t.Fatalf("message id %q", m.MessageID)
			}
			raw, err := ti.db.Raw(context.Background(), m.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(raw, msg) {
				t.Fatalf("raw differs: %d bytes stored, %d sent", len(raw), len(msg))
			}
		})
	}
}

func TestSMTPDuplicateDelivery(t *testing.T) {
	ti := startIntake(t, false, nil, nil)
	msg := testMessage("dup", 100)
	for range 2 {
		if err := sendSMTP(t, ti.addr(), false, "a@example.com", []string{"statements@example.org"}, msg); err != nil {
			t.Fatal(err)
		}
	}
	ti.waitIndexed(t)
	msgs, _ := ti.db.Messages(context.Background(), store.MessageFilter{})
	if len(msgs) != 2 || msgs[0].DuplicateOf != msgs[1].ID {
		t.Fatalf("second delivery not linked as duplicate: %+v", msgs)
	}
}

// transcript drives a raw connection: each step sends a line (if any) and expects a reply
// that starts with the given code.
type step struct {
	send   string
	expect string
}

func runTranscript(t *testing.T, addr string, steps []step) {
	t.Helper()
	dialTranscript(t, addr, steps)
}

// dialTranscript runs steps on a new connection and leaves it open (until the test
// ends) for more.
func dialTranscript(t *testing.T, addr string, steps []step, more ...step) (net.Conn, *bufio.Reader) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	conn.SetDeadline(time.Now().Add(20 * time.Second))
	r := bufio.NewReader(conn)
	for i, s := range append(steps, more...) {
		if s.send != "" {
			if _, err := io.WriteString(conn, s.send); err != nil {
				t.Fatalf("step %d: write: %v", i, err)
			}
		}
		if s.expect == "" {
			continue
		}
		reply, err := readReply(r)
		if err != nil {
			t.Fatalf("step %d (%q): read: %v", i, s.send, err)
		}
		if !strings.HasPrefix(reply, s.expect) {
			t.Fatalf("step %d: sent %q, got %q, want %q...", i, s.send, reply, s.expect)
		}
	}
	return conn, r
}

// readReply reads one possibly multi-line SMTP reply and returns its last line.
func readReply(r *bufio.Reader) (string, error) {
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return line, err
		}
		if len(line) < 4 || line[3] != '-' {
			return strings.TrimRight(line, "\r\n"), nil
		}
	}
}

func envelopeSteps(rcpt ...string) []step {
	steps := []step{{"", "220"}, {"EHLO client.example.com\r\n", "250"}, {"MAIL FROM:<a@example.com>\r\n", "250"}}
	for _, r := range rcpt {
		steps = append(steps, step{"RCPT TO:<" + r + ">\r\n", "250"})
	}
	return steps
}

func TestSMTPTranscripts(t *testing.T) {
	big := strings.Repeat("x", 900) + "\r\n"
	tests := []struct {
		name   string
		accept []string
		mutate func(*SMTPConfig)
		steps  []step
		events int // rejection events expected
	}{
		{
			name:   "oversize by SIZE",
			mutate: func(c *SMTPConfig) { c.MaxMessageBytes = 1000 },
			steps:  []step{{"", "220"}, {"EHLO c\r\n", "250"}, {"MAIL FROM:<a@example.com> SIZE=5000\r\n", "552"}},
		},
		{
			name:   "oversize in DATA",
			mutate: func(c *SMTPConfig) { c.MaxMessageBytes = 1000 },
			steps: append(envelopeSteps("statements@example.org"),
				step{"DATA\r\n", "354"}, step{"Subject: x\r\n\r\n" + big + big + ".\r\n", "552"},
				step{"NOOP\r\n", "250"}),
			events: 1,
		},
		{
			name:   "too many recipients",
			mutate: func(c *SMTPConfig) { c.MaxRecipients = 2 },
			steps: append(envelopeSteps("a@example.org", "b@example.org"),
				step{"RCPT TO:<c@example.org>\r\n", "452"}),
		},
		{
			name:   "unknown recipient",
			accept: []string{"statements@example.org"},
			steps: append(envelopeSteps("statements@example.org"),
				step{"RCPT TO:<someone@example.net>\r\n", "550 5.1.1"}),
		},
		{
			name: "bare LF is refused",
			steps: append(envelopeSteps("statements@example.org"),
				step{"DATA\r\n", "354"}, step{"Subject: x\r\n\r\nline\nsmuggled\r\n.\r\n", "550 5.5.2"},
				step{"RSET\r\n", "250"}),
			events: 1,
		},
		{
			name: "smuggling sequence LF.CRLF does not end data",
			steps: append(envelopeSteps("statements@example.org"),
				step{"DATA\r\n", "354"},
				step{"Subject: x\r\n\r\nbody\n.\r\nMAIL FROM:<evil@example.net>\r\n.\r\n", "550 5.5.2"}),
			events: 1,
		},
		{
			name:   "header too large",
			mutate: func(c *SMTPConfig) { c.MaxHeaderBytes = 2000 },
			steps: append(envelopeSteps("statements@example.org"),
				step{"DATA\r\n", "354"},
				step{"Subject: x\r\n" + strings.Repeat("X-Pad: "+strings.Repeat("p", 90)+"\r\n", 30) + "\r\nbody\r\n.\r\n", "552 5.3.4"}),
			events: 1,
		},
		{
			name:   "mail loop",
			mutate: func(c *SMTPConfig) { c.MaxReceived = 3 },
			steps: append(envelopeSteps("statements@example.org"),
				step{"DATA\r\n", "354"},
				step{strings.Repeat("Received: from x by y; Mon, 1 Jan 2026 00:00:00 +0000\r\n", 4) + "\r\nbody\r\n.\r\n", "554 5.4.6"}),
			events: 1,
		},
		{
			name:   "message rate per IP",
			mutate: func(c *SMTPConfig) { c.MaxMessagesPerIPPerMinute = 1 },
			steps: append(envelopeSteps("statements@example.org"),
				step{"DATA\r\n", "354"}, step{"Subject: x\r\n\r\nbody\r\n.\r\n", "250"},
				step{"MAIL FROM:<a@example.com>\r\n", "451 4.7.1"}),
		},
		{
			name: "accepted message",
			steps: append(envelopeSteps("statements@example.org"),
				step{"DATA\r\n", "354"}, step{"Subject: x\r\n\r\n..leading dot\r\n.\r\n", "250"},
				step{"QUIT\r\n", "221"}),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ti := startIntake(t, false, tt.accept, tt.mutate)
			runTranscript(t, ti.addr(), tt.steps)
			evs, err := ti.db.Events(context.Background(), store.EventFilter{})
			if err != nil {
				t.Fatal(err)
			}
			var rejected int
			for _, e := range evs {
				if e.Type == store.EventRejected {
					rejected++
				}
			}
			if rejected != tt.events {
				t.Fatalf("%d rejection events, want %d: %+v", rejected, tt.events, evs)
			}
		})
	}
}

func TestSMTPStorageFailureIs451(t *testing.T) {
	ti := startIntake(t, false, nil, nil)
	breakStorage(t, ti.db.Path())
	runTranscript(t, ti.addr(), append(envelopeSteps("statements@example.org"),
		step{"DATA\r\n", "354"}, step{"Subject: x\r\n\r\nbody\r\n.\r\n", "451 4.3.0"},
		step{"QUIT\r\n", "221"}))
	if n, _ := ti.db.CountMessages(context.Background()); n != 0 {
		t.Fatalf("%d messages recorded through a broken store", n)
	}
}

// breakStorage makes every insert into messages fail inside SQLite, as a failing disk
// would.
func breakStorage(t testing.TB, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TRIGGER broken BEFORE INSERT ON messages BEGIN SELECT RAISE(FAIL, 'simulated failure'); END`); err != nil {
		t.Fatal(err)
	}
}

func TestSMTPConnectionCaps(t *testing.T) {
	ti := startIntake(t, false, nil, func(c *SMTPConfig) { c.MaxConnectionsPerIP = 2 })
	var held []net.Conn
	for range 2 {
		c, err := net.Dial("tcp", ti.addr())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		r := bufio.NewReader(c)
		if line, _ := readReply(r); !strings.HasPrefix(line, "220") {
			t.Fatalf("greeting %q", line)
		}
		held = append(held, c)
	}
	runTranscript(t, ti.addr(), []step{{"", "421 4.7.0"}})
	held[0].Close()
	// The slot comes back once the server has seen the close.
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := net.Dial("tcp", ti.addr())
		if err != nil {
			t.Fatal(err)
		}
		c.SetDeadline(time.Now().Add(5 * time.Second))
		line, _ := readReply(bufio.NewReader(c))
		c.Close()
		if strings.HasPrefix(line, "220") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("slot not released: %q", line)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestSMTPGlobalConnectionCap(t *testing.T) {
	ti := startIntake(t, false, nil, func(c *SMTPConfig) { c.MaxConnections = 1 })
	c, err := net.Dial("tcp", ti.addr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	readReply(bufio.NewReader(c))
	runTranscript(t, ti.addr(), []step{{"", "421"}})
}

// TestSMTPShutdownDrains: a message in transfer when the drain starts still gets its 250
// and is recorded; an idle connection is told 421.
func TestSMTPShutdownDrains(t *testing.T) {
	ti := startIntake(t, false, nil, nil)
	idle, err := net.Dial("tcp", ti.addr())
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()
	idleR := bufio.NewReader(idle)
	readReply(idleR)

	busy, err := net.Dial("tcp", ti.addr())
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	busy.SetDeadline(time.Now().Add(20 * time.Second))
	br := bufio.NewReader(busy)
	readReply(br)
	for _, s := range envelopeSteps("statements@example.org")[1:] {
		io.WriteString(busy, s.send)
		readReply(br)
	}
	io.WriteString(busy, "DATA\r\n")
	readReply(br)
	io.WriteString(busy, "Subject: in flight\r\n\r\nfirst half\r\n")

	shutdown := make(chan error, 1)
	go func() { shutdown <- ti.srv.Shutdown(context.Background()) }()

	idle.SetDeadline(time.Now().Add(10 * time.Second))
	if line, _ := readReply(idleR); !strings.HasPrefix(line, "421") {
		t.Fatalf("idle connection got %q, want 421", line)
	}
	time.Sleep(100 * time.Millisecond) // the drain has begun; the transfer goes on
	io.WriteString(busy, "second half\r\n.\r\n")
	if line, _ := readReply(br); !strings.HasPrefix(line, "250") {
		t.Fatalf("in-flight message got %q, want 250", line)
	}
	if err := <-shutdown; err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	if n, _ := ti.db.CountMessages(context.Background()); n != 1 {
		t.Fatalf("%d messages recorded, want 1", n)
	}
}

func TestSTARTTLS(t *testing.T) {
	certFile, keyFile, cert := testutil.SelfSignedCert(t, t.TempDir()) // shared with the IMAP tests
	ti := startIntake(t, false, nil, func(c *SMTPConfig) { c.TLSCert, c.TLSKey = certFile, keyFile })
	pool := x509.NewCertPool()
	leaf, _ := x509.ParseCertificate(cert.Certificate[0])
	pool.AddCert(leaf)
	c, err := smtp.DialStartTLS(ti.addr(), &tls.Config{ServerName: "localhost", RootCAs: pool})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	msg := testMessage("tls", 1000)
	if err := smtpsend.Send(c, "a@example.com", []string{"statements@example.org"}, msg); err != nil {
		t.Fatal(err)
	}
	if state, ok := c.TLSConnectionState(); !ok || !state.HandshakeComplete {
		t.Fatalf("message not sent over TLS (%v)", ok)
	}
	if n, _ := ti.db.CountMessages(context.Background()); n != 1 {
		t.Fatalf("%d messages after a STARTTLS delivery", n)
	}
}

func TestLMTPOnUnixSocket(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "lmtp.sock")
	ti := startIntake(t, true, nil, func(c *SMTPConfig) { c.Listen = "unix:" + sock })
	conn, err := net.Dial("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	c := smtp.NewClientLMTP(conn)
	defer c.Close()
	if err := c.Hello("mta.example.org"); err != nil {
		t.Fatal(err)
	}
	if err := smtpsend.Send(c, "a@example.com", []string{"statements@example.org", "ccamp@example.org"}, testMessage("lmtp-unix", 500)); err != nil {
		t.Fatal(err)
	}
	msgs, _ := ti.db.Messages(context.Background(), store.MessageFilter{})
	if len(msgs) != 1 || msgs[0].Source != "lmtp" || len(msgs[0].Rcpt) != 2 {
		t.Fatalf("messages %+v", msgs)
	}
}

// TestListenerStartFailures: a socket left by an earlier run is replaced; one that still
// answers, a file that is not a socket and a busy TCP port are errors naming the address,
// and a server that never started shuts down quietly.
func TestListenerStartFailures(t *testing.T) {
	dir, err := os.MkdirTemp("", "lsd") // short: unix socket paths are limited to ~100 bytes
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	stale := filepath.Join(dir, "stale.sock")
	l, err := net.Listen("unix", stale)
	if err != nil {
		t.Fatal(err)
	}
	l.(*net.UnixListener).SetUnlinkOnClose(false)
	l.Close() // the file stays, nobody answers
	live := filepath.Join(dir, "live.sock")
	ll, err := net.Listen("unix", live)
	if err != nil {
		t.Fatal(err)
	}
	defer ll.Close()
	plain := filepath.Join(dir, "plain")
	os.WriteFile(plain, []byte("keep me"), 0o600)
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()

	db := teststore.Open(t, store.Options{})
	spool, err := NewSpooler(filepath.Join(t.TempDir(), "spool"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		listen string
		err    string // "" when it starts
	}{
		{"unix:" + stale, ""},
		{"unix:" + live, "in use"},
		{"unix:" + plain, "not a socket"},
		{busy.Addr().String(), "address already in use"},
	}
	for _, tt := range tests {
		cfg := DefaultSMTPConfig(tt.listen)
		srv, err := NewSMTPServer(cfg, true, db, spool, NewRcptPolicy(nil), NewMetrics(nil), slog.New(slog.DiscardHandler))
		if err != nil {
			t.Fatal(err)
		}
		err = srv.Start()
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("%s: %v", tt.listen, err)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), tt.listen)):
			t.Errorf("%s: error %v, want one naming it with %q", tt.listen, err, tt.err)
		}
		if err := srv.Shutdown(context.Background()); err != nil {
			t.Errorf("%s: shutdown: %v", tt.listen, err)
		}
	}
	if b, _ := os.ReadFile(plain); string(b) != "keep me" {
		t.Fatal("a file that is not a socket was removed")
	}
	if c, err := net.Dial("unix", live); err != nil {
		t.Fatalf("the socket in use was taken over: %v", err)
	} else {
		c.Close()
	}
}
