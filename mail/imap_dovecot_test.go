package mail

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"github.com/liaisond/liaisond/internal/loopback"
	"github.com/liaisond/liaisond/internal/testutil"
)

// dovecotServer is a throwaway Dovecot listening on 127.0.0.1, with one user whose
// mail lives under the test's temp dir.
type dovecotServer struct {
	imapTarget
	version string
	tls     string // the mode the poller should use
	caFile  string
}

// dovecotAccounts says which system accounts Dovecot runs as. As root it must drop
// privileges: imap-login refuses to run as root and mail may not belong to UID 0. As
// any other user, Dovecot runs everything as that user.
type dovecotAccounts struct {
	internalUser, internalGroup, loginUser string
	mailUID, mailGID                       int
}

func dovecotAccountsFor(t testing.TB) dovecotAccounts {
	t.Helper()
	if os.Geteuid() != 0 {
		u, err := user.Current()
		if err != nil {
			t.Fatal(err)
		}
		g, err := user.LookupGroupId(u.Gid)
		if err != nil {
			t.Fatal(err)
		}
		return dovecotAccounts{u.Username, g.Name, u.Username, os.Getuid(), os.Getgid()}
	}
	nobody, err := user.Lookup("nobody")
	if err != nil {
		t.Fatal(err)
	}
	login := "nobody"
	if _, err := user.Lookup("dovenull"); err == nil {
		login = "dovenull" // Debian's dedicated unprivileged login account
	}
	uid, _ := strconv.Atoi(nobody.Uid)
	gid, _ := strconv.Atoi(nobody.Gid)
	return dovecotAccounts{"root", "root", login, uid, gid}
}

// startDovecot writes a config for the installed Dovecot (2.3, as in Debian 12, or 2.4,
// as in Debian 13), starts `dovecot -F` and waits for its port.
func startDovecot(t *testing.T) *dovecotServer {
	t.Helper()
	bin := testutil.NeedCommand(t, "dovecot")
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatalf("dovecot --version: %v", err)
	}
	version := strings.TrimSpace(string(out))

	dir := t.TempDir()
	if os.Geteuid() == 0 {
		// The unprivileged login process must reach base_dir inside the temp dir.
		for _, d := range []string{filepath.Dir(dir), dir} {
			if err := os.Chmod(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	acct := dovecotAccountsFor(t)
	home := filepath.Join(dir, "home")
	if err := os.Mkdir(home, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(home, acct.mailUID, acct.mailGID); err != nil {
		t.Fatal(err)
	}
	passwd := filepath.Join(dir, "passwd")
	entry := fmt.Sprintf("%s:{PLAIN}%s:%d:%d::%s::\n", imapTestUser, imapTestPassword, acct.mailUID, acct.mailGID, home)
	if err := os.WriteFile(passwd, []byte(entry), 0o644); err != nil {
		t.Fatal(err)
	}
	port := imapFreePort(t)
	srv := &dovecotServer{version: version, imapTarget: imapTarget{addr: net.JoinHostPort("127.0.0.1", strconv.Itoa(port))}}

	var conf string
	if strings.HasPrefix(version, "2.3.") {
		certFile, keyFile, _ := testutil.SelfSignedCert(t, dir)
		srv.tls, srv.caFile = IMAPTLSStartTLS, certFile
		conf = dovecot23Config(dir, passwd, certFile, keyFile, port, acct)
	} else {
		// 2.4 renamed most settings; this variant keeps to the few it needs and goes
		// without TLS (loopback only) to depend on as few of them as possible.
		srv.tls = IMAPTLSNone
		conf = dovecot24Config(dir, passwd, port, acct)
	}
	confFile := filepath.Join(dir, "dovecot.conf")
	if err := os.WriteFile(confFile, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}

	logFile := filepath.Join(dir, "dovecot.log")
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "-F", "-c", confFile)
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start dovecot: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
		if t.Failed() {
			logText, _ := os.ReadFile(logFile)
			t.Logf("dovecot %s output:\n%s\nlog:\n%s", version, stderr.String(), logText)
		}
	})
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", srv.addr, time.Second)
		if err == nil {
			c.Close()
			break
		}
		select {
		case err := <-exited:
			t.Fatalf("dovecot %s exited at startup: %v\n%s", version, err, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("dovecot %s did not listen on %s within 10s", version, srv.addr)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return srv
}

func imapFreePort(t testing.TB) int {
	t.Helper()
	addr, err := loopback.FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	_, port, _ := net.SplitHostPort(addr)
	n, _ := strconv.Atoi(port)
	return n
}

// dovecot23Config is a minimal standalone Dovecot 2.3 config: IMAP only, STARTTLS with
// the test's certificate, plaintext login allowed (the test client uses it), Maildir.
func dovecot23Config(dir, passwd, cert, key string, port int, a dovecotAccounts) string {
	return fmt.Sprintf(`protocols = imap
listen = 127.0.0.1
base_dir = %[1]s/run
state_dir = %[1]s/state
log_path = %[1]s/dovecot.log
info_log_path = %[1]s/dovecot.log
ssl = yes
ssl_cert = <%[3]s
ssl_key = <%[4]s
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = %[6]s
default_internal_group = %[7]s
default_login_user = %[8]s
first_valid_uid = 1
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN %[2]s
}
userdb {
  driver = passwd-file
  args = %[2]s
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = %[5]d
  }
  inet_listener imaps {
    port = 0
  }
}
`, dir, passwd, cert, key, port, a.internalUser, a.internalGroup, a.loginUser)
}

// dovecot24Config is the same for Dovecot 2.4 (Debian 13), without TLS. Not exercised on
// the Debian 12 machines this was written on.
func dovecot24Config(dir, passwd string, port int, a dovecotAccounts) string {
	return fmt.Sprintf(`dovecot_config_version = 2.4.0
dovecot_storage_version = 2.4.0
protocols = imap
listen = 127.0.0.1
base_dir = %[1]s/run
state_dir = %[1]s/state
log_path = %[1]s/dovecot.log
info_log_path = %[1]s/dovecot.log
ssl = no
auth_allow_cleartext = yes
auth_allow_weak_schemes = yes
auth_mechanisms = plain login
default_internal_user = %[4]s
default_internal_group = %[5]s
default_login_user = %[6]s
first_valid_uid = 1
mail_driver = maildir
mail_path = ~/Maildir
passdb passwd-file {
  passwd_file_path = %[2]s
}
userdb passwd-file {
  passwd_file_path = %[2]s
}
service imap-login {
  inet_listener imap {
    port = %[3]d
  }
  inet_listener imaps {
    port = 0
  }
}
`, dir, passwd, port, a.internalUser, a.internalGroup, a.loginUser)
}

// dovecotMessage is imapMessage without its bare LF: Dovecot stores lines, so it would
// hand the message back with CRLF there.
func dovecotMessage(id string, size int) []byte {
	return bytes.ReplaceAll(imapMessage(id, size), []byte("follows\nend"), []byte("follows\r\nend"))
}

// TestIMAPDovecot runs two pollers, as two [[imap]] sections would, against a real
// Dovecot: INBOX with IDLE and move_to, and a second folder polled without IDLE and only
// marked \Seen. Both must record each message once, byte for byte, across a restart.
func TestIMAPDovecot(t *testing.T) {
	dv := startDovecot(t)
	t.Logf("dovecot %s, tls %s", dv.version, dv.tls)
	c := dv.client(t)
	if err := c.Create("Direct", nil).Wait(); err != nil {
		t.Fatal(err)
	}
	c.Logout()

	sent := map[string][]byte{}
	deliver := func(mailbox, id string, size int) {
		sent[imapMsgID(id)] = dovecotMessage(id, size)
		dv.append(t, mailbox, sent[imapMsgID(id)])
	}
	deliver("INBOX", "d1", 300)
	deliver("INBOX", "d2", 70<<10) // larger than one read buffer
	deliver("Direct", "x1", 300)

	env := newIMAPEnv(t)
	inboxCfg := env.config(t, dv.addr)
	inboxCfg.TLS, inboxCfg.CAFile = dv.tls, dv.caFile
	inboxCfg.MoveTo = "Processed"
	inboxCfg.PollInterval = time.Hour // new mail must come through IDLE
	directCfg := inboxCfg
	directCfg.Mailbox, directCfg.MoveTo, directCfg.Idle = "Direct", "", false
	directCfg.PollInterval = 100 * time.Millisecond

	inbox := env.start(t, inboxCfg, nil, nil)
	direct := env.start(t, directCfg, nil, nil)
	imapWaitFor(t, imapWait, "three messages recorded", func() bool { return imapCountRecorded(t, env.db) == 3 })
	imapWaitFor(t, imapWait, "INBOX moved to Processed", func() bool {
		in, _ := dv.flags(t, "INBOX")
		return len(in) == 0
	})
	processed, _ := dv.flags(t, "Processed")
	directFlags, _ := dv.flags(t, "Direct")
	for _, flags := range []map[imap.UID][]imap.Flag{processed, directFlags} {
		for uid, f := range flags {
			if !imapHasFlag(f, imap.FlagSeen) {
				t.Errorf("UID %d not \\Seen: %v", uid, f)
			}
		}
	}
	if len(processed) != 2 || len(directFlags) != 1 {
		t.Fatalf("Processed holds %d, Direct %d; want 2 and 1", len(processed), len(directFlags))
	}

	// Mail arriving while the INBOX poller is in IDLE.
	start := time.Now()
	deliver("INBOX", "d3", 300)
	imapWaitFor(t, imapWait, "message recorded via IDLE", func() bool { return imapCountRecorded(t, env.db) == 4 })
	t.Logf("IDLE delivery recorded after %v", time.Since(start).Round(time.Millisecond))
	inbox.stop()
	direct.stop()

	// A restart records nothing twice; "UID 2:*" on Direct still matches UID 1 there.
	inbox = env.start(t, inboxCfg, nil, nil)
	direct = env.start(t, directCfg, nil, nil)
	imapWaitFor(t, imapWait, "a full poll of each", func() bool { return inbox.polls() >= 1 && direct.polls() >= 1 })
	deliver("Direct", "x2", 300)
	imapWaitFor(t, imapWait, "new message after restart", func() bool { return imapCountRecorded(t, env.db) == 5 })

	for _, m := range imapRecorded(t, env.db) {
		raw, err := env.db.Raw(context.Background(), m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if m.DuplicateOf != 0 || !bytes.Equal(raw, sent[m.MessageID]) {
			t.Errorf("%s: duplicate_of %d, byte-exact %v", m.MessageID, m.DuplicateOf, bytes.Equal(raw, sent[m.MessageID]))
		}
		delete(sent, m.MessageID)
	}
	for id := range sent {
		t.Errorf("%s never recorded", id)
	}
	imapWaitFor(t, imapWait, "both states saved", func() bool {
		return imapState(t, env.db, inboxCfg.Key()).LastUID == 3 && imapState(t, env.db, directCfg.Key()).LastUID == 2
	})
}
