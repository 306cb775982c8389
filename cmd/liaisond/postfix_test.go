package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/liaisond/liaisond/internal/postfix"
	"github.com/liaisond/liaisond/internal/smtpsend"
	"github.com/liaisond/liaisond/internal/testutil"
	"github.com/liaisond/liaisond/store"
)

// The tests of this file run liaisond behind a real Postfix, as deploy/postfix.md
// describes: a private Postfix instance (its own configuration folder, queue and log in a
// temp folder, listening on loopback ports only; never the system instance) delivers to
// liaisond over LMTP, and relays liaisond's forwards to a sink.

// postfixInstance is a private Postfix (internal/postfix) with the test's error handling.
type postfixInstance struct{ *postfix.Instance }

type postfixOptions = postfix.Options

// needPostfix skips (outside CI) or fails (in CI) the test if a private Postfix cannot run.
func needPostfix(t *testing.T) {
	t.Helper()
	if m := postfix.Missing(); m != "" {
		testutil.Missing(t, m)
	}
}

// newPostfix makes the folders of a private instance; start configures and starts it.
// The test's cleanup stops it and removes its folder.
func newPostfix(t *testing.T) *postfixInstance {
	t.Helper()
	needPostfix(t)
	inst, err := postfix.New(freePort(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(inst.Remove)
	return &postfixInstance{inst}
}

// startPostfix is newPostfix and start.
func startPostfix(t *testing.T, o postfixOptions) *postfixInstance {
	t.Helper()
	pf := newPostfix(t)
	pf.start(t, o)
	return pf
}

func (pf *postfixInstance) start(t *testing.T, o postfixOptions) {
	t.Helper()
	if err := pf.Start(context.Background(), o); err != nil {
		t.Fatal(err)
	}
}

func (pf *postfixInstance) run(t *testing.T, name string, args ...string) []byte {
	t.Helper()
	out, err := pf.Run(context.Background(), name, args...)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func (pf *postfixInstance) queued(t *testing.T) []postfix.Queued {
	t.Helper()
	qs, err := pf.Queued(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

// reasons are the delay reasons of every recipient in the queue.
func (pf *postfixInstance) reasons(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, q := range pf.queued(t) {
		for _, r := range q.Recipients {
			out = append(out, r.Reason)
		}
	}
	return out
}

// waitQueue waits until ok holds for the queue, at most 30 s.
func (pf *postfixInstance) waitQueue(t *testing.T, what string, ok func([]postfix.Queued) bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		q := pf.queued(t)
		if ok(q) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("postfix queue: waited for %s; queue %+v\nits log:\n%s", what, q, pf.Maillog())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// waitDeferred waits until n messages wait in the deferred queue, each with a reason
// holding reason.
func (pf *postfixInstance) waitDeferred(t *testing.T, n int, reason string) {
	t.Helper()
	pf.waitQueue(t, fmt.Sprintf("%d deferred for %q", n, reason), func(qs []postfix.Queued) bool {
		got := 0
		for _, q := range qs {
			if q.Queue == "deferred" && len(q.Recipients) > 0 && strings.Contains(q.Recipients[0].Reason, reason) {
				got++
			}
		}
		return got == n
	})
}

// socketDir makes a folder for liaisond's LMTP socket that Postfix's lmtp can reach (see
// postfix.Instance.SocketDir: liaisond creates its socket with mode 0660).
func (pf *postfixInstance) socketDir(t *testing.T, dir string) string {
	t.Helper()
	if err := pf.SocketDir(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// postfixMail is a statement mail with a unique Message-ID, addressed to the intake.
func postfixMail(id string) []byte {
	return []byte(lsMail(id, "statements@example.org", "Sent through Postfix."))
}

// intakeMaps are the main.cf lines routing the intake domain to liaisond at transport,
// accepting only the intake addresses (any other gets 550 from Postfix's smtpd).
func intakeMaps(transport string) string {
	return `virtual_mailbox_domains = example.org
virtual_mailbox_maps = inline:{ statements@example.org=ok, liaison-coordination@example.org=ok }
virtual_transport = ` + transport + "\n"
}

// lmtpInet is Postfix's LMTP transport to liaisond on a loopback TCP address; the
// brackets spare a DNS lookup, which a chrooted lmtp could not do without a copy of
// /etc/resolv.conf.
func lmtpInet(addr string) string {
	host, port, _ := net.SplitHostPort(addr)
	return "lmtp:inet:[" + host + "]:" + port
}

// lmtpMessageIDs lists the Message-IDs of the messages liaisond recorded over LMTP.
func lmtpMessageIDs(t *testing.T, db *store.DB) []string {
	t.Helper()
	ms, err := db.Messages(context.Background(), store.MessageFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range ms {
		if m.Source != store.SourceLMTP {
			t.Errorf("message %s recorded from %s, want lmtp", m.MessageID, m.Source)
		}
		out = append(out, m.MessageID)
	}
	slices.Sort(out)
	return out
}

// waitRecorded waits until liaisond recorded exactly the messages ids over LMTP and
// Postfix's queue is empty.
func waitRecorded(t *testing.T, pf *postfixInstance, db *store.DB, d *daemonProc, ids ...string) {
	t.Helper()
	want := make([]string, len(ids))
	for i, id := range ids {
		want[i] = "<" + id + "@example.net>"
	}
	slices.Sort(want)
	deadline := time.Now().Add(30 * time.Second)
	for {
		got := lmtpMessageIDs(t, db)
		if slices.Equal(got, want) && len(pf.queued(t)) == 0 {
			return
		}
		if time.Now().After(deadline) {
			d.kill(t)
			t.Fatalf("liaisond recorded %v, want %v; postfix queue %+v\npostfix log:\n%s\nliaisond log:\n%s",
				got, want, pf.queued(t), pf.Maillog(), d.stderr.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestPostfixLMTPLayouts sends mail to Postfix's port and checks that it reaches liaisond
// over LMTP in each layout of deploy/postfix.md, and that the layout the doc once gave
// (a socket outside the queue folder with Debian's chrooted lmtp) defers every message.
func TestPostfixLMTPLayouts(t *testing.T) {
	needPostfix(t)
	tests := []struct {
		name   string
		chroot bool
		// listen and transport get the instance: liaisond's [lmtp] listen and Postfix's
		// virtual_transport.
		listen, transport func(t *testing.T, pf *postfixInstance) string
		deferred          string // "": delivered; else the delay reason Postfix gives
	}{
		{
			name:   "socket inside the chroot",
			chroot: true,
			listen: func(t *testing.T, pf *postfixInstance) string {
				return "unix:" + filepath.Join(pf.socketDir(t, filepath.Join(pf.Queue, "liaisond")), "lmtp.sock")
			},
			// Relative to the queue folder, where lmtp runs chrooted.
			transport: func(*testing.T, *postfixInstance) string { return "lmtp:unix:liaisond/lmtp.sock" },
		},
		{
			name:   "socket in a run folder, lmtp unchrooted",
			chroot: false,
			listen: func(t *testing.T, pf *postfixInstance) string {
				return "unix:" + filepath.Join(pf.socketDir(t, filepath.Join(pf.Root, "run", "liaisond")), "lmtp.sock")
			},
			transport: func(t *testing.T, pf *postfixInstance) string {
				return "lmtp:unix:" + filepath.Join(pf.Root, "run", "liaisond", "lmtp.sock")
			},
		},
		{
			name:   "loopback TCP, lmtp chrooted",
			chroot: true,
			listen: func(t *testing.T, pf *postfixInstance) string { return freePort(t) },
		},
		{
			name:   "socket in a run folder, lmtp chrooted",
			chroot: true,
			listen: func(t *testing.T, pf *postfixInstance) string {
				return "unix:" + filepath.Join(pf.socketDir(t, filepath.Join(pf.Root, "run", "liaisond")), "lmtp.sock")
			},
			transport: func(t *testing.T, pf *postfixInstance) string {
				return "lmtp:unix:" + filepath.Join(pf.Root, "run", "liaisond", "lmtp.sock")
			},
			// The chrooted lmtp looks for the path below the queue folder.
			deferred: "No such file or directory",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // each case has its own Postfix and liaisond
			pf := newPostfix(t)
			listen := tc.listen(t, pf)
			transport := lmtpInet(listen)
			if tc.transport != nil {
				transport = tc.transport(t, pf)
			}
			pf.start(t, postfixOptions{LMTPChroot: tc.chroot, Main: intakeMaps(transport)})

			dir := t.TempDir()
			cfgPath, smtpAddr, webAddr := writeConfig(t, dir, fmt.Sprintf("[lmtp]\nlisten = %q\n", listen))
			d := startDaemon(t, cfgPath, smtpAddr, webAddr)
			db := openDaemonDB(t, dir)
			defer db.Close()

			if err := sendOne(pf.SMTP, postfixMail("layout")); err != nil {
				t.Fatalf("postfix refused the message: %v", err)
			}
			if tc.deferred != "" {
				pf.waitDeferred(t, 1, tc.deferred)
				if got := lmtpMessageIDs(t, db); len(got) != 0 {
					t.Fatalf("liaisond recorded %v while Postfix defers", got)
				}
				return
			}
			waitRecorded(t, pf, db, d, "layout")
			d.stop(t)
		})
	}
}

// TestPostfixLMTPDeferred: a 451 from liaisond, and liaisond down, leave the message in
// Postfix's queue; once liaisond answers again, each is delivered, once.
func TestPostfixLMTPDeferred(t *testing.T) {
	lmtpAddr := freePort(t)
	pf := startPostfix(t, postfixOptions{LMTPChroot: true, Main: intakeMaps(lmtpInet(lmtpAddr))})
	dir := t.TempDir()
	// One message a minute from an address that is not exempt: the second gets a 451.
	limit := "max_messages_per_ip_per_minute = 1\nrate_limit_exempt = []\n"
	cfgPath, smtpAddr, webAddr := writeConfig(t, dir, fmt.Sprintf("[lmtp]\nlisten = %q\n%s", lmtpAddr, limit))
	d := startDaemon(t, cfgPath, smtpAddr, webAddr)
	db := openDaemonDB(t, dir)
	defer db.Close()

	// An address of the domain that virtual_mailbox_maps does not list: Postfix refuses
	// it at RCPT and never asks liaisond.
	c, err := smtp.Dial(pf.SMTP)
	if err != nil {
		t.Fatal(err)
	}
	err = smtpsend.Send(c, "sender@example.com", []string{"nobody@example.org"}, postfixMail("unlisted"))
	c.Close()
	if replyCode(err) != 550 {
		t.Fatalf("unlisted recipient: %v, want 550", err)
	}
	if err := sendOne(pf.SMTP, postfixMail("first")); err != nil {
		t.Fatal(err)
	}
	waitRecorded(t, pf, db, d, "first")
	if err := sendOne(pf.SMTP, postfixMail("refused")); err != nil {
		t.Fatal(err)
	}
	pf.waitDeferred(t, 1, "451")

	// liaisond down: Postfix cannot connect and keeps this one too.
	d.stop(t)
	if err := sendOne(pf.SMTP, postfixMail("down")); err != nil {
		t.Fatal(err)
	}
	// Postfix retries within a second or two, so the 451'd message may be refused a
	// connection too by now: both wait, at least one for the refused connection.
	pf.waitQueue(t, "2 deferred, one at least for \"Connection refused\"", func(qs []postfix.Queued) bool {
		deferred, refused := 0, 0
		for _, q := range qs {
			if q.Queue == "deferred" && len(q.Recipients) > 0 {
				deferred++
				if strings.Contains(q.Recipients[0].Reason, "Connection refused") {
					refused++
				}
			}
		}
		return deferred == 2 && refused >= 1
	})
	if n := len(pf.queued(t)); n != 2 {
		t.Fatalf("%d messages in Postfix's queue, want 2: %v", n, pf.reasons(t))
	}

	// liaisond answers again (without the limit): a flush delivers both.
	b, err := os.ReadFile(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfgPath, bytes.Replace(b, []byte(limit), nil, 1), 0o600); err != nil {
		t.Fatal(err)
	}
	d = startDaemon(t, cfgPath, smtpAddr, webAddr)
	pf.run(t, "postqueue", "-f")
	waitRecorded(t, pf, db, d, "first", "refused", "down")
	d.stop(t)
}

// startDovecotAuth starts a Dovecot that does nothing but check passwords for Postfix's
// smtpd (SASL type dovecot), with one account, on a socket in Postfix's queue folder at
// private/auth, where a chrooted smtpd finds it too. It stops with the test.
func startDovecotAuth(t *testing.T, pf *postfixInstance, user, password string) {
	t.Helper()
	testutil.NeedCommand(t, "dovecot")
	dir := filepath.Join(pf.Root, "dovecot")
	for _, d := range []string{dir, filepath.Join(dir, "run"), filepath.Join(dir, "state")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	socket := filepath.Join(pf.Queue, "private", "auth")
	conf := fmt.Sprintf(`base_dir = %[1]s/run
state_dir = %[1]s/state
log_path = %[1]s/dovecot.log
protocols =
ssl = no
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = %[1]s/passwd
}
service auth {
  unix_listener %[2]s {
    mode = 0660
    user = postfix
    group = postfix
  }
}
`, dir, socket)
	for name, text := range map[string]string{"dovecot.conf": conf, "passwd": user + ":{PLAIN}" + password + "\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Its output goes to a file: a pipe would be held open by its children.
	out, err := os.Create(filepath.Join(dir, "output"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	cmd := exec.Command("dovecot", "-F", "-c", filepath.Join(dir, "dovecot.conf"))
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		// Postfix first: Dovecot waits for its clients to go before it exits.
		pf.Stop()
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
	})
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if _, err := os.Stat(socket); err == nil {
			return
		}
		select {
		case <-exited:
			t.Fatalf("dovecot exited at startup: %s", dovecotLog(dir))
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("dovecot did not create %s: %s", socket, dovecotLog(dir))
		}
	}
}

func dovecotLog(dir string) string {
	out, _ := os.ReadFile(filepath.Join(dir, "output"))
	log, _ := os.ReadFile(filepath.Join(dir, "dovecot.log"))
	return string(out) + string(log)
}

// TestPostfixRelay: liaisond's forwards go out through Postfix as its relay, on a
// submission port that requires STARTTLS and AUTH (Postfix's smtpd with Dovecot SASL, as
// on Debian), and arrive in a sink that Postfix relays everything to.
func TestPostfixRelay(t *testing.T) {
	needPostfix(t)
	testutil.NeedCommand(t, "dovecot")
	sink := newTestRelay(t)
	sink.start(t)
	pf := newPostfix(t)
	certFile, keyFile, _ := testutil.SelfSignedCert(t, pf.Root)
	submission := freePort(t)
	sinkHost, sinkPort, _ := net.SplitHostPort(sink.addr)
	pf.start(t, postfixOptions{
		Main: fmt.Sprintf(`relayhost = [%s]:%s
smtpd_tls_cert_file = %s
smtpd_tls_key_file = %s
smtpd_tls_loglevel = 1
smtpd_sasl_type = dovecot
smtpd_sasl_path = private/auth
`, sinkHost, sinkPort, certFile, keyFile),
		// As the submission entry of Debian's master.cf, chrooted: TLS first, then AUTH, then
		// relay.
		Master: submission + ` inet n - y - - smtpd
  -o syslog_name=postfix/submission
  -o smtpd_tls_security_level=encrypt
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_tls_auth_only=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
`,
	})
	startDovecotAuth(t, pf, "liaisond", "relay-secret")

	// The daemon trusts the test certificate as its only root, and finds the password in
	// its environment.
	t.Setenv("SSL_CERT_FILE", certFile)
	t.Setenv("LIAISOND_TEST_RELAY_PASSWORD", "relay-secret")
	dir := t.TempDir()
	// distributionKeys only reads the relay's address; the relay here is Postfix.
	keys := distributionKeys(t, &testRelay{addr: submission}, "user = \"liaisond\"\npassword_env = \"LIAISOND_TEST_RELAY_PASSWORD\"\n")
	keys = strings.Replace(keys, `tls = "none"`, `tls = "starttls"`, 1)
	cfgPath, smtpAddr, webAddr := writeConfig(t, dir, keys)
	db := openDaemonDB(t, dir)
	seedPosted(t, db, lsMail("relayed", "statements@example.org", "For CCAMP and TEAS."), "statements@example.org",
		map[string]any{"title": "LS to two groups", "from": []string{"ITU-T SG15"}, "delivered_to": "statements@example.org",
			"route_to": []string{"CCAMP", "TEAS"}})
	db.Close()

	d := startDaemon(t, cfgPath, smtpAddr, webAddr)
	sink.waitFor(t, 2, d)
	if got, want := sink.recipients(), []string{"ccamp-chairs@example.org", "teas-chairs@example.org"}; !slices.Equal(got, want) {
		t.Fatalf("sink got mail for %v, want %v; postfix log:\n%s", got, want, pf.Maillog())
	}
	for _, m := range sink.messages() {
		// Postfix's Received field: it took the message over TLS with AUTH (ESMTPSA).
		if !bytes.Contains(m.data, []byte("by mx.example.org (Postfix) with ESMTPSA")) {
			t.Errorf("forward to %s did not come through Postfix with TLS and AUTH:\n%s", m.to, m.data)
		}
	}
	// Postfix logs through its postlogd: the line may come a little after the message.
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(pf.Maillog(), "sasl_username=liaisond"); {
		if time.Now().After(deadline) {
			t.Fatalf("postfix log has no AUTH by liaisond:\n%s", pf.Maillog())
		}
		time.Sleep(50 * time.Millisecond)
	}
	d.stop(t)
}
