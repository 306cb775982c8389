package bench

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/liaisond/liaisond/internal/loopback"
)

// Suite runs the intake benchmark: the same loads against a running `liaisond serve`
// (durable: every 250 is a committed message) and against the discarding sink, each in
// its own process, so that the ratio is measured in one run on one machine.
type Suite struct {
	Exe   string   // the liaisond binary
	Env   []string // extra environment for the children
	Dir   string   // scratch folder for the daemon's data
	Quick bool     // fewer messages (for tests)
	Big   bool     // also the 16 × 25 MB memory run
	Out   io.Writer
}

// Scenario is one row of the table.
type Scenario struct {
	Size, Conns, Messages int
}

// Scenarios returns the standard rows; quick divides the counts.
func Scenarios(quick bool) []Scenario {
	rows := []Scenario{
		{4 << 10, 1, 1000}, {4 << 10, 16, 4000}, {4 << 10, 64, 6000},
		{100 << 10, 1, 300}, {100 << 10, 16, 800}, {100 << 10, 64, 1000},
	}
	if quick {
		for i := range rows {
			rows[i].Messages /= 10
		}
	}
	return rows
}

// Row is a measured scenario.
type Row struct {
	Scenario
	Durable, Sink Result
	PeakRSS       int64 // of serve during its durable run
}

// Run measures every scenario and prints a Markdown table.
func (s *Suite) Run(ctx context.Context) ([]Row, error) {
	sinkAddr, err := loopback.FreeAddr()
	if err != nil {
		return nil, err
	}
	sink, err := s.start(ctx, sinkAddr, "bench-sink", "--listen", sinkAddr)
	if err != nil {
		return nil, err
	}
	defer stopChild(sink)
	daemon, smtpAddr, _, err := s.startDaemon(ctx, "run", "", false)
	if err != nil {
		return nil, err
	}
	defer stopChild(daemon)

	// Every ceiling first: the daemon keeps processing what it received after each
	// durable run, which would slow a sink run that came after it.
	scenarios := Scenarios(s.Quick)
	rows := make([]Row, len(scenarios))
	for i, sc := range scenarios {
		rows[i].Scenario = sc
		if rows[i].Sink, err = s.measure(ctx, "sink", sinkAddr, sc); err != nil {
			return nil, err
		}
	}
	pid := daemon.Process.Pid
	for i, sc := range scenarios {
		ResetPeakRSS(pid) // best effort: without it the peak is the run's so far
		if rows[i].Durable, err = s.measure(ctx, "durable", smtpAddr, sc); err != nil {
			return nil, err
		}
		rows[i].PeakRSS, _ = PeakRSS(pid)
	}
	fmt.Fprintf(s.Out, "| message | conns | messages | durable msg/s | p50 | p99 | peak RSS | discard msg/s | p50 | p99 | durable/discard |\n")
	fmt.Fprintf(s.Out, "|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		fmt.Fprintf(s.Out, "| %d KB | %d | %d | %.0f | %s | %s | %s | %.0f | %s | %s | %.0f%% |\n", r.Size>>10, r.Conns, r.Messages,
			r.Durable.PerSec, ms(r.Durable.P50), ms(r.Durable.P99), mb(r.PeakRSS),
			r.Sink.PerSec, ms(r.Sink.P50), ms(r.Sink.P99), 100*r.Durable.PerSec/r.Sink.PerSec)
	}
	if s.Big {
		if err := s.RunBig(ctx); err != nil {
			return rows, err
		}
	}
	return rows, nil
}

// measure runs one scenario against addr.
func (s *Suite) measure(ctx context.Context, tag, addr string, sc Scenario) (Result, error) {
	load := Load{Addr: addr, Conns: sc.Conns, Messages: sc.Messages, Size: sc.Size, Timeout: 5 * time.Minute}
	r := Run(ctx, fmt.Sprintf("%s-%d-%d", tag, sc.Size, sc.Conns), load)
	if r.Sent != sc.Messages {
		return r, fmt.Errorf("%s %d KB × %d conns: %d of %d sent (%s)", tag, sc.Size>>10, sc.Conns, r.Sent, sc.Messages, r.FirstErr)
	}
	return r, nil
}

// RunBig sends 16 concurrent 25 MB messages to a fresh daemon and reports its peak RSS.
func (s *Suite) RunBig(ctx context.Context) error {
	daemon, addr, _, err := s.startDaemon(ctx, "big", "", false)
	if err != nil {
		return err
	}
	defer stopChild(daemon)
	res := Run(ctx, "big", Load{Addr: addr, Conns: 16, Messages: 16, Size: 25 << 20, Timeout: 10 * time.Minute})
	if res.Sent != 16 {
		return fmt.Errorf("25 MB run: %d of 16 sent (%s)", res.Sent, res.FirstErr)
	}
	rss, err := PeakRSS(daemon.Process.Pid)
	if err != nil {
		return err
	}
	fmt.Fprintf(s.Out, "16 concurrent 25 MB messages: %.1f s, peak RSS of serve %.0f MB\n",
		res.Elapsed.Seconds(), float64(rss)/(1<<20))
	return nil
}

// startDaemon starts `liaisond serve` on a fresh data folder with limits opened up for
// load from loopback (every other limit at its default). extra is appended to the config;
// with web the ops listener (metrics) is on a free port too, and webAddr is its address.
func (s *Suite) startDaemon(ctx context.Context, name, extra string, web bool) (cmd *exec.Cmd, smtpAddr, webAddr string, err error) {
	addrs, err := loopback.FreeAddrs(2)
	if err != nil {
		return nil, "", "", err
	}
	smtpAddr = addrs[0]
	if web {
		webAddr = addrs[1]
	}
	dir := filepath.Join(s.Dir, name)
	cfg := fmt.Sprintf(`data_dir = %q
[log]
level = "warn"
[smtp]
listen = %q
max_connections_per_ip = 100
max_messages_per_ip_per_minute = 0
[web]
listen = ""
ops_listen = %q
%s`, filepath.Join(dir, "data"), smtpAddr, webAddr, extra)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, "", "", err
	}
	path := filepath.Join(dir, "liaisond.toml")
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		return nil, "", "", err
	}
	cmd, err = s.start(ctx, smtpAddr, "serve", "--config", path)
	return cmd, smtpAddr, webAddr, err
}

// start runs the binary with args and waits until addr greets.
func (s *Suite) start(ctx context.Context, addr string, args ...string) (*exec.Cmd, error) {
	cmd := exec.Command(s.Exe, args...)
	cmd.Env = append(os.Environ(), s.Env...)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	if err := waitGreeting(ctx, addr, 20*time.Second); err != nil {
		stopChild(cmd)
		return nil, fmt.Errorf("%s did not start: %w", args[0], err)
	}
	return cmd, nil
}

func stopChild(cmd *exec.Cmd) {
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		<-done
	}
}

func waitGreeting(ctx context.Context, addr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.SetDeadline(time.Now().Add(5 * time.Second))
			line, _ := bufio.NewReader(c).ReadString('\n')
			c.Close()
			if strings.HasPrefix(line, "220") {
				return nil
			}
			err = fmt.Errorf("greeting %q", line)
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func mb(b int64) string { return fmt.Sprintf("%.0f MB", float64(b)/(1<<20)) }

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
