package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/convert"
	"github.com/liaisond/liaisond/internal/loopback"
	"github.com/liaisond/liaisond/internal/smtpsend"
	"github.com/liaisond/liaisond/internal/testutil"
	"github.com/liaisond/liaisond/store"
)

// TestMain lets the test binary stand in for the liaisond binary: started with
// LIAISOND_TEST_EXEC=1 it runs the command line, so the crash tests can SIGKILL a real
// daemon process without a separate build.
func TestMain(m *testing.M) {
	convert.RunChildIfRequested()
	if os.Getenv("LIAISOND_TEST_EXEC") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// daemonProc is a `liaisond serve` child process.
type daemonProc struct {
	cmd    *exec.Cmd
	smtp   string
	web    string
	ops    string // [web] ops_listen: /metrics without login
	stderr *testutil.LockedBuffer

	exited  chan struct{} // closed once the process is waited for
	waitErr error         // of cmd.Wait, valid once exited is closed
}

// freePorts returns n distinct loopback addresses nobody listens on right now.
func freePorts(t testing.TB, n int) []string {
	t.Helper()
	addrs, err := loopback.FreeAddrs(n)
	if err != nil {
		t.Fatal(err)
	}
	return addrs
}

// freePort is freePorts for one address.
func freePort(t testing.TB) string {
	t.Helper()
	return freePorts(t, 1)[0]
}

// writeConfig writes a config for a daemon in dir on free loopback ports.
func writeConfig(t testing.TB, dir, extra string) (path, smtpAddr, webAddr string) {
	t.Helper()
	addrs := freePorts(t, 3)
	smtpAddr, webAddr = addrs[0], addrs[1]
	cfg := fmt.Sprintf(`data_dir = %q
[smtp]
listen = %q
max_messages_per_ip_per_minute = 0
max_connections_per_ip = 100
shutdown_timeout = "5s"
[web]
listen = %q
ops_listen = %q
[pipeline]
workers = 1
poll_interval = "200ms"
%s`, filepath.Join(dir, "data"), smtpAddr, webAddr, addrs[2], extra)
	path = filepath.Join(dir, "liaisond.toml")
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	return path, smtpAddr, webAddr
}

func startDaemon(t testing.TB, cfgPath, smtpAddr, webAddr string) *daemonProc {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "serve", "--config", cfgPath)
	cmd.Env = append(os.Environ(), "LIAISOND_TEST_EXEC=1")
	stderr := &testutil.LockedBuffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	d := &daemonProc{cmd: cmd, smtp: smtpAddr, web: webAddr, stderr: stderr, exited: make(chan struct{})}
	if cfg, err := config.Load(cfgPath); err == nil {
		d.ops = cfg.Web.OpsListen
	}
	go func() { d.waitErr = cmd.Wait(); close(d.exited) }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-d.exited
	})
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", smtpAddr, time.Second)
		if err == nil {
			r := bufio.NewReader(c)
			line, _ := r.ReadString('\n')
			c.Close()
			if strings.HasPrefix(line, "220") {
				return d
			}
		}
		select {
		case <-d.exited:
			t.Fatalf("daemon exited at startup (%v): %s", d.waitErr, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("daemon did not start: %s", stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (d *daemonProc) kill(t testing.TB) {
	t.Helper()
	d.cmd.Process.Signal(syscall.SIGKILL)
	<-d.exited
}

func (d *daemonProc) stop(t testing.TB) {
	t.Helper()
	d.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-d.exited:
		if d.waitErr != nil {
			t.Fatalf("daemon exited with %v: %s", d.waitErr, d.stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("daemon did not stop on SIGTERM: %s", d.stderr.String())
	}
}

// crashMessage builds a message whose size varies with n, so that commits of several
// chunks are interrupted too.
func crashMessage(round, conn, n int) (string, []byte) {
	id := fmt.Sprintf("<crash-%d-%d-%d@example.com>", round, conn, n)
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: sender%d@example.com\r\nTo: statements@example.org\r\nMessage-ID: %s\r\nSubject: LS %d\r\n\r\n", conn, id, n)
	size := 500 + (n*7919)%(400<<10)
	for b.Len() < size {
		fmt.Fprintf(&b, "line %d of message %s with some text to fill it\r\n", b.Len(), id)
	}
	return id, b.Bytes()
}

// TestCrashSafety sends on several connections, SIGKILLs the daemon part-way, restarts
// it, and checks that every message that got a 250 is in the database byte-exact.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test is not short")
	}
	dir := t.TempDir()
	cfgPath, smtpAddr, webAddr := writeConfig(t, dir, "")
	acked := map[string][]byte{}
	const rounds, conns = 3, 8
	attempted := 0
	for round := range rounds {
		d := startDaemon(t, cfgPath, smtpAddr, webAddr)
		load := startLoad(smtpAddr, conns, func(c, n int) (outMail, bool) {
			if n == 500 {
				return outMail{}, false
			}
			id, raw := crashMessage(round, c, n)
			return outMail{id: id, rcpt: "statements@example.org", raw: raw}, true
		})
		// Kill once a fair number of messages are acknowledged, in the middle of traffic.
		load.waitAcks(60+round*40, 60*time.Second)
		d.kill(t)
		load.stop()
		tried, ok := load.wait()
		attempted += tried
		for _, m := range ok {
			acked[m.id] = m.raw
		}
	}
	// Restart once more: the daemon must come up on the crashed database and serve.
	d := startDaemon(t, cfgPath, smtpAddr, webAddr)
	if err := sendOne(smtpAddr, []byte("Subject: after\r\nMessage-ID: <after@example.com>\r\n\r\nok\r\n")); err != nil {
		t.Fatalf("daemon does not take mail after the crashes: %v", err)
	}
	d.stop(t)

	db := openDaemonDB(t, dir)
	msgs, err := db.Messages(context.Background(), store.MessageFilter{Limit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]int64{}
	for _, m := range msgs {
		byID[m.MessageID] = m.ID
	}
	missing, differ := 0, 0
	for id, raw := range acked {
		mid, ok := byID[id]
		if !ok {
			missing++
			continue
		}
		got, err := db.Raw(context.Background(), mid)
		if err != nil || !bytes.Equal(got, raw) {
			differ++
		}
	}
	t.Logf("crash test: %d kills, %d messages attempted, %d acknowledged, %d recorded, %d acknowledged but missing, %d differing",
		rounds, attempted, len(acked), len(msgs), missing, differ)
	if missing > 0 || differ > 0 {
		t.Fatalf("%d acknowledged messages lost, %d not byte-exact", missing, differ)
	}
	if len(acked) < 100 {
		t.Fatalf("only %d messages acknowledged: the test did not exercise much", len(acked))
	}
}

// outMail is one message a test sends by SMTP.
type outMail struct {
	id   string // its Message-ID
	rcpt string
	raw  []byte
}

// mailLoad sends messages on several SMTP connections at once and notes which got a
// 250. A connection ends when its messages run out, when the load is stopped, or at the
// first failed transaction (the kill: that message may or may not be recorded).
type mailLoad struct {
	halt chan struct{}
	once sync.Once
	wg   sync.WaitGroup

	mu    sync.Mutex
	tried int
	acked []outMail
}

// startLoad opens conns connections to addr; connection c sends next(c, 0), next(c, 1),
// ... for as long as next returns true.
func startLoad(addr string, conns int, next func(c, n int) (outMail, bool)) *mailLoad {
	l := &mailLoad{halt: make(chan struct{})}
	for c := range conns {
		l.wg.Add(1)
		go func() {
			defer l.wg.Done()
			l.send(addr, c, next)
		}()
	}
	return l
}

func (l *mailLoad) send(addr string, c int, next func(c, n int) (outMail, bool)) {
	client, err := smtp.Dial(addr)
	if err != nil {
		return
	}
	defer client.Close()
	for n := 0; ; n++ {
		select {
		case <-l.halt:
			return
		default:
		}
		m, ok := next(c, n)
		if !ok {
			return
		}
		l.mu.Lock()
		l.tried++
		l.mu.Unlock()
		if err := smtpsend.Send(client, "sender@example.com", []string{m.rcpt}, m.raw); err != nil {
			return
		}
		l.mu.Lock()
		l.acked = append(l.acked, m)
		l.mu.Unlock()
	}
}

// acks returns how many messages got a 250 so far.
func (l *mailLoad) acks() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.acked)
}

// waitAcks waits until n messages got a 250, at most for d.
func (l *mailLoad) waitAcks(n int, d time.Duration) {
	for deadline := time.Now().Add(d); l.acks() < n && time.Now().Before(deadline); {
		time.Sleep(2 * time.Millisecond)
	}
}

// stop makes every connection end after its current transaction.
func (l *mailLoad) stop() { l.once.Do(func() { close(l.halt) }) }

// wait waits for every connection to end and returns the transactions started and the
// messages that got a 250.
func (l *mailLoad) wait() (tried int, acked []outMail) {
	l.wg.Wait()
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.tried, l.acked
}

// sendMail sends raw from the usual sender to the central address.
func sendMail(c *smtp.Client, raw []byte) error {
	return smtpsend.Send(c, "sender@example.com", []string{"statements@example.org"}, raw)
}

// sendOne connects to addr and sends raw as sendMail does.
func sendOne(addr string, raw []byte) error {
	return smtpsend.DialAndSend(addr, "sender@example.com", []string{"statements@example.org"}, raw)
}
