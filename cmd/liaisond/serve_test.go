package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// serveOnce runs `liaisond serve` as a child process and returns its exit status and
// standard error, killing it after the timeout.
func serveOnce(t *testing.T, cfgPath string, timeout time.Duration) (int, string) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe, "serve", "--config", cfgPath)
	cmd.Env = append(os.Environ(), "LIAISOND_TEST_EXEC=1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err = cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("serve did not exit within %v: %s", timeout, stderr.String())
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, stderr.String()
}

// TestServeBusyListener: a listener whose address is taken (SMTP, LMTP on TCP or on a
// unix socket, web) ends serve with exit status 1 and one line naming the address, never
// a panic; a second serve on the same config does the same while the first runs on.
func TestServeBusyListener(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	taken := busy.Addr().String()
	sockDir, err := os.MkdirTemp("", "lsd") // short: unix socket paths are limited to ~100 bytes
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(sockDir)
	sock := filepath.Join(sockDir, "lmtp.sock")
	busySock, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer busySock.Close()

	tests := []struct {
		name  string
		edit  func(cfg string) string
		extra string
		addr  string // named in the error line
	}{
		{name: "smtp", edit: func(cfg string) string { return replaceListen(t, cfg, "smtp", taken) }, addr: taken},
		{name: "lmtp tcp", extra: fmt.Sprintf("[lmtp]\nlisten = %q\n", taken), addr: taken},
		{name: "lmtp unix socket", extra: fmt.Sprintf("[lmtp]\nlisten = %q\n", "unix:"+sock), addr: "unix:" + sock},
		{name: "web", edit: func(cfg string) string { return replaceListen(t, cfg, "web", taken) }, addr: taken},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			cfgPath, _, _ := writeConfig(t, dir, tt.extra)
			if tt.edit != nil {
				raw, _ := os.ReadFile(cfgPath)
				os.WriteFile(cfgPath, []byte(tt.edit(string(raw))), 0o600)
			}
			code, stderr := serveOnce(t, cfgPath, 30*time.Second)
			checkBusyExit(t, code, stderr, tt.addr)
		})
	}
	if _, err := os.Stat(sock); err != nil {
		t.Fatalf("the socket in use was removed: %v", err)
	}

	t.Run("second serve on the same config", func(t *testing.T) {
		dir := t.TempDir()
		cfgPath, smtpAddr, webAddr := writeConfig(t, dir, fmt.Sprintf("[lmtp]\nlisten = %q\n", "unix:"+filepath.Join(sockDir, "second.sock")))
		d := startDaemon(t, cfgPath, smtpAddr, webAddr)
		code, stderr := serveOnce(t, cfgPath, 30*time.Second)
		checkBusyExit(t, code, stderr, smtpAddr)
		if err := sendOne(smtpAddr, []byte("From: a@example.com\r\nSubject: still here\r\n\r\nbody\r\n")); err != nil {
			t.Fatalf("the first daemon stopped taking mail: %v", err)
		}
		d.stop(t)
	})
}

func checkBusyExit(t *testing.T, code int, stderr, addr string) {
	t.Helper()
	if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine ") {
		t.Fatalf("serve panicked:\n%s", stderr)
	}
	if code != 1 {
		t.Fatalf("exit status %d, want 1:\n%s", code, stderr)
	}
	var last string
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if strings.HasPrefix(l, "liaisond serve: ") {
			last = l
		}
	}
	if last == "" || !strings.Contains(last, addr) {
		t.Fatalf("no one-line reason naming %s:\n%s", addr, stderr)
	}
}

// replaceListen sets the listen address of one section of a config from writeConfig.
func replaceListen(t *testing.T, cfg, section, addr string) string {
	t.Helper()
	head := "[" + section + "]\nlisten = "
	i := strings.Index(cfg, head)
	if i < 0 {
		t.Fatalf("no %s section in %s", section, cfg)
	}
	j := i + len(head) + strings.IndexByte(cfg[i+len(head):], '\n')
	return cfg[:i] + head + fmt.Sprintf("%q", addr) + cfg[j:]
}

// TestServeReadyzDuringDrain: once shutdown begins, /readyz answers 503 while a message in
// transfer is still being received.
func TestServeReadyzDuringDrain(t *testing.T) {
	dir := t.TempDir()
	cfgPath, smtpAddr, webAddr := writeConfig(t, dir, "")
	d := startDaemon(t, cfgPath, smtpAddr, webAddr)
	if code, body := getReadyz(t, webAddr); code != http.StatusOK {
		t.Fatalf("readyz before shutdown: %d %s", code, body)
	}
	// A message in transfer keeps the drain going (shutdown_timeout 5s).
	c, err := net.Dial("tcp", smtpAddr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	r := bufio.NewReader(c)
	for _, cmd := range []string{"", "EHLO test\r\n", "MAIL FROM:<a@example.com>\r\n", "RCPT TO:<b@example.org>\r\n", "DATA\r\n"} {
		if cmd != "" {
			io.WriteString(c, cmd)
		}
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				t.Fatal(err)
			}
			if len(line) < 4 || line[3] != '-' {
				break
			}
		}
	}
	io.WriteString(c, "Subject: slow\r\n\r\nbody\r\n")
	d.cmd.Process.Signal(syscall.SIGTERM)
	deadline := time.Now().Add(4 * time.Second)
	for {
		code, body := getReadyz(t, webAddr)
		if code == http.StatusServiceUnavailable && strings.Contains(body, "shutting down") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("readyz while draining: %d %s", code, body)
		}
		time.Sleep(50 * time.Millisecond)
	}
	io.WriteString(c, ".\r\n")
	if line, _ := r.ReadString('\n'); !strings.HasPrefix(line, "250") {
		t.Fatalf("message in transfer during the drain: %q", line)
	}
	select {
	case <-d.exited:
	case <-time.After(30 * time.Second):
		t.Fatal("daemon did not stop")
	}
}

func getReadyz(t *testing.T, webAddr string) (int, string) {
	t.Helper()
	resp, err := http.Get("http://" + webAddr + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestConfigCheckWarnings: `config check` warns of a central address that is also an
// intake address, and refuses a relay in clear that is not on loopback.
func TestConfigCheckWarnings(t *testing.T) {
	dir := t.TempDir()
	loop := filepath.Join(dir, "loop.toml")
	os.WriteFile(loop, []byte("[intake]\naddresses = [\"statements@example.org\"]\n[routing]\ncentral = \"statements@example.org\"\n"), 0o600)
	if code, _, stderr := cli(t, "config", "check", "--config", loop); code != 0 ||
		!strings.Contains(stderr, "warning: [routing] central statements@example.org is also an [intake] address") {
		t.Fatalf("central = intake: exit %d, stderr %q", code, stderr)
	}
	clear := filepath.Join(dir, "clear.toml")
	os.WriteFile(clear, []byte("[relay]\nhost = \"smtp.example.org\"\ntls = \"none\"\n"), 0o600)
	if code, _, stderr := cli(t, "config", "check", "--config", clear); code != 1 || !strings.Contains(stderr, "loopback only") {
		t.Fatalf("relay in clear: exit %d, stderr %q", code, stderr)
	}
}
