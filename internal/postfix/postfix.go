// Package postfix starts private Postfix instances for the tests and the benchmark that
// put liaisond beside a real Postfix: each has its own configuration folder, queue and
// log in a folder of its own and listens on loopback only. It never reads or changes the
// system instance. It owns only that instance's life (configure, start, read the queue,
// stop); it must not be imported by the daemon.
package postfix

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Missing says what a private instance lacks on this machine ("" if nothing): Postfix's
// commands, its account, and root (master starts as root and hands each service to the
// postfix account).
func Missing() string {
	for _, c := range []string{"postfix", "postqueue"} {
		if _, err := exec.LookPath(c); err != nil {
			return "command " + c + " (Debian's postfix package)"
		}
	}
	if _, err := user.Lookup("postfix"); err != nil {
		return "the postfix account (Debian's postfix package)"
	}
	if os.Geteuid() != 0 {
		return "root (a private Postfix starts as root)"
	}
	return ""
}

// Instance is a private Postfix.
type Instance struct {
	Root  string // folder holding everything below, traversable by the postfix account
	Conf  string // config_directory: main.cf and master.cf
	Queue string // queue_directory, also the chroot of chrooted services
	SMTP  string // its smtpd on loopback
	Log   string // maillog_file
	GID   int    // of the postfix group

	stopped bool
}

// Options are what a caller changes in the instance.
type Options struct {
	LMTPChroot bool   // run the lmtp client chrooted in Queue, as Debian's master.cf does
	Main       string // more main.cf lines
	Master     string // more master.cf lines
}

// New makes the folders of an instance in a new folder below the system's temp folder,
// with smtpd on smtpAddr; Start configures and starts it, Remove stops it and removes
// the folder.
func New(smtpAddr string) (*Instance, error) {
	if m := Missing(); m != "" {
		return nil, errors.New("postfix: missing " + m)
	}
	g, err := user.LookupGroup("postfix")
	if err != nil {
		return nil, err
	}
	gid, err := strconv.Atoi(g.Gid)
	if err != nil {
		return nil, err
	}
	root, err := os.MkdirTemp("", "liaisond-postfix-")
	if err != nil {
		return nil, err
	}
	pf := &Instance{Root: root, Conf: filepath.Join(root, "etc"), Queue: filepath.Join(root, "spool"),
		SMTP: smtpAddr, Log: filepath.Join(root, "maillog"), GID: gid}
	// MkdirTemp's folder is private to its owner; the postfix account must reach sockets
	// below it.
	err = os.Chmod(root, 0o755)
	for _, d := range []string{pf.Conf, pf.Queue, filepath.Join(root, "data")} {
		if err == nil {
			err = os.Mkdir(d, 0o755)
		}
	}
	if err != nil {
		os.RemoveAll(root)
		return nil, err
	}
	return pf, nil
}

// Start writes main.cf and master.cf, sets the queue's owners as Postfix wants them and
// starts the instance, waiting until its smtpd greets.
func (pf *Instance) Start(ctx context.Context, o Options) error {
	main := fmt.Sprintf(`compatibility_level = 3.6
config_directory = %[1]s/etc
queue_directory = %[1]s/spool
data_directory = %[1]s/data
maillog_file = %[1]s/maillog
maillog_file_prefixes = %[1]s
mail_owner = postfix
setgid_group = postdrop
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = mx.example.org
mydestination =
mynetworks = 127.0.0.0/8
alias_maps =
alias_database =
biff = no
smtp_tls_security_level = none
lmtp_tls_security_level = none
# Deferred mail is tried again within seconds, not minutes.
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 2s
%s`, pf.Root, o.Main)
	chroot := "n"
	if o.LMTPChroot {
		chroot = "y"
	}
	// The services of Debian's master.cf that mail through this instance uses, unchrooted
	// but for lmtp when asked.
	master := fmt.Sprintf(`%s inet n - n - - smtpd
pickup unix n - n 60 1 pickup
cleanup unix n - n - 0 cleanup
qmgr unix n - n 300 1 qmgr
tlsmgr unix - - n 1000? 1 tlsmgr
rewrite unix - - n - - trivial-rewrite
bounce unix - - n - 0 bounce
defer unix - - n - 0 bounce
trace unix - - n - 0 bounce
verify unix - - n - 1 verify
flush unix n - n 1000? 0 flush
proxymap unix - - n - - proxymap
smtp unix - - n - - smtp
relay unix - - n - - smtp
showq unix n - n - - showq
error unix - - n - - error
retry unix - - n - - error
discard unix - - n - - discard
anvil unix - - n - 1 anvil
scache unix - - n - 1 scache
postlog unix-dgram n - n - 1 postlogd
lmtp unix - - %s - - lmtp
%s`, pf.SMTP, chroot, o.Master)
	for name, text := range map[string]string{"main.cf": main, "master.cf": master} {
		if err := os.WriteFile(filepath.Join(pf.Conf, name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	// set-permissions creates the queue folders with their owners; start checks the
	// configuration first.
	for _, args := range [][]string{{"set-permissions"}, {"start"}} {
		if _, err := pf.Run(ctx, "postfix", args...); err != nil {
			return err
		}
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", pf.SMTP, time.Second)
		if err == nil {
			line, _ := bufio.NewReader(c).ReadString('\n')
			c.Close()
			if strings.HasPrefix(line, "220") {
				return nil
			}
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("postfix did not answer on %s; its log:\n%s", pf.SMTP, pf.Maillog())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Run runs a Postfix command (postfix, postqueue, postconf...) on this instance. Postfix
// commands log to maillog_file, not to their output, so an error carries the log.
func (pf *Instance) Run(ctx context.Context, name string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, name, append([]string{"-c", pf.Conf}, args...)...).CombinedOutput()
	if err != nil {
		return out, fmt.Errorf("%s %s: %w\n%s\nits log:\n%s", name, strings.Join(args, " "), err, out, pf.Maillog())
	}
	return out, nil
}

// Maillog is the instance's log so far.
func (pf *Instance) Maillog() string {
	b, _ := os.ReadFile(pf.Log)
	return string(b)
}

// Stop stops the instance and waits until its master process has gone; once.
func (pf *Instance) Stop() {
	if pf.stopped {
		return
	}
	pf.stopped = true
	b, err := os.ReadFile(filepath.Join(pf.Queue, "pid", "master.pid"))
	if err != nil {
		return // never started
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	exec.Command("postfix", "-c", pf.Conf, "stop").Run()
	for deadline := time.Now().Add(10 * time.Second); pid > 0 && time.Now().Before(deadline); {
		if syscall.Kill(pid, 0) != nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	if pid > 0 {
		syscall.Kill(pid, syscall.SIGKILL)
	}
}

// Remove stops the instance and removes its folder.
func (pf *Instance) Remove() {
	pf.Stop()
	os.RemoveAll(pf.Root)
}

// Queued is a message in the queue, as `postqueue -j` shows it.
type Queued struct {
	Queue      string `json:"queue_name"`
	ID         string `json:"queue_id"`
	Recipients []struct {
		Address string `json:"address"`
		Reason  string `json:"delay_reason"`
	} `json:"recipients"`
}

// Queued lists the messages in the queue.
func (pf *Instance) Queued(ctx context.Context) ([]Queued, error) {
	out, err := pf.Run(ctx, "postqueue", "-j")
	if err != nil {
		return nil, err
	}
	var qs []Queued
	for _, line := range bytes.Split(bytes.TrimSpace(out), []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		var q Queued
		if err := json.Unmarshal(line, &q); err != nil {
			return nil, fmt.Errorf("postqueue -j: %w: %s", err, line)
		}
		qs = append(qs, q)
	}
	return qs, nil
}

// SocketDir makes a folder for a socket the postfix account must reach: group postfix,
// setgid so that a socket created in it belongs to group postfix too, whatever user
// creates it.
func (pf *Instance) SocketDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.Chown(dir, -1, pf.GID); err != nil {
		return err
	}
	return os.Chmod(dir, os.ModeSetgid|0o750)
}
