package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/liaisond/liaisond/internal/testutil"
	"github.com/liaisond/liaisond/store"
)

// The flood daemon's limits: timeouts short enough that slow clients are cut off within
// the test, a per-IP cap below the global one (so that a flood from one address leaves
// room for everybody else), small messages so that endless streams reach the size limit
// quickly. The header limit keeps its default: it is what a session may hold in memory.
const (
	floodPerIP       = 50
	floodMaxConns    = 200
	floodReadTimeout = 2 * time.Second
	floodDataTimeout = 4 * time.Second
	floodMaxMessage  = 2 << 20
	floodMaxRcpt     = 100
	// floodRSSBound is the most the daemon may ever have resident (VmHWM) after all
	// floods; the race detector's shadow memory multiplies it (see floodRSSLimit).
	floodRSSBound = 250 << 20
)

// Each flood comes from its own loopback address, so that the connections of one, still
// being released by the daemon, never count against the next one's per-IP cap. Normal
// clients come from floodClientIP, which no flood uses.
const (
	floodClientIP  = "127.0.0.2"
	floodConnsIP   = "127.0.0.1"
	floodLorisIP   = "127.0.0.3"
	floodRcptIP    = "127.0.0.4"
	floodHeaderIP  = "127.0.0.5"
	floodClientTTL = 30 * time.Second // no flood connection outlives this
)

// TestProofFloods floods a real daemon process over loopback, each flood bounded in
// count and time, and checks the answers against the README's limits table: a thousand
// connections from one address, slow clients that send a byte a second, ten thousand
// recipients in one transaction, endless headers. During each, a normal client from
// another address still delivers; afterwards the daemon's peak memory is within a
// bound, it still takes mail and answers /healthz, and its database holds exactly the
// messages that got 250.
func TestProofFloods(t *testing.T) {
	if testing.Short() {
		t.Skip("flood test is not short")
	}
	floodRaiseNoFile(t, 4096)
	dir := t.TempDir()
	d := startFloodDaemon(t, dir)
	floodCheckDaemonNoFile(t, d, 2*floodMaxConns)

	var results []string
	run := func(name string, flood func(*testing.T, *daemonProc) *floodTally) {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			codes := flood(t, d)
			results = append(results, fmt.Sprintf("PROOF flood: %s: %s; %v; daemon peak RSS %d MiB",
				name, codes, time.Since(start).Round(time.Millisecond), floodPeakRSS(t, d)>>20))
		})
	}
	run("connections", floodConnections)
	run("slowloris", floodSlowLoris)
	run("recipients", floodRecipients)
	run("endless-header", floodEndlessHeader)
	run("memory", floodMemory)
	d.stop(t)
	floodCheckRecorded(t, dir)
	for _, r := range results {
		t.Log(r)
	}
}

// startFloodDaemon starts a daemon whose [smtp] section has the flood limits.
func startFloodDaemon(t *testing.T, dir string) *daemonProc {
	t.Helper()
	cfgPath, smtpAddr, webAddr := writeConfig(t, dir, "")
	floodSetSMTP(t, cfgPath, [][2]string{
		{"max_connections", strconv.Itoa(floodMaxConns)},
		{"max_connections_per_ip", strconv.Itoa(floodPerIP)},
		{"max_recipients", strconv.Itoa(floodMaxRcpt)},
		{"max_message_bytes", strconv.Itoa(floodMaxMessage)},
		{"read_timeout", strconv.Quote(floodReadTimeout.String())},
		{"data_timeout", strconv.Quote(floodDataTimeout.String())},
		{"write_timeout", `"5s"`},
	})
	return startDaemon(t, cfgPath, smtpAddr, webAddr)
}

// floodSetSMTP puts keys into the [smtp] section of the config writeConfig wrote,
// replacing the ones it sets itself: TOML has no way to add to a section later.
func floodSetSMTP(t *testing.T, path string, keys [][2]string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	section := ""
	for line := range strings.Lines(string(data)) {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "[") {
			section = trimmed
		}
		key, _, _ := strings.Cut(trimmed, "=")
		if section == "[smtp]" && slices.ContainsFunc(keys, func(kv [2]string) bool { return kv[0] == strings.TrimSpace(key) }) {
			continue
		}
		out = append(out, line)
		if trimmed == "[smtp]" {
			for _, kv := range keys {
				out = append(out, kv[0]+" = "+kv[1]+"\n")
			}
		}
	}
	if err := os.WriteFile(path, []byte(strings.Join(out, "")), 0o600); err != nil {
		t.Fatal(err)
	}
}

// floodRaiseNoFile makes room for the flood's sockets in this process. Go already raises
// the soft limit to the hard one at start, in this process and in the daemon child; this
// only matters where the hard limit itself is low.
func floodRaiseNoFile(t *testing.T, want uint64) {
	t.Helper()
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		t.Fatal(err)
	}
	if lim.Cur >= want {
		return
	}
	if lim.Max < want {
		// In CI a missing capability fails, like any missing component.
		testutil.Missing(t, fmt.Sprintf("an RLIMIT_NOFILE hard limit of %d for the flood's sockets (it is %d)", want, lim.Max))
	}
	lim.Cur = want
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		t.Fatal(err)
	}
}

// floodCheckDaemonNoFile checks the daemon may open enough files for every connection it
// allows, with room for its database and spool: otherwise Accept fails, not the caps.
func floodCheckDaemonNoFile(t *testing.T, d *daemonProc, want int) {
	t.Helper()
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/limits", d.cmd.Process.Pid))
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(string(data)) {
		if rest, ok := strings.CutPrefix(line, "Max open files"); ok {
			soft := strings.Fields(rest)[0]
			if n, err := strconv.Atoi(soft); err != nil || n < want {
				t.Fatalf("daemon may open %s files, want at least %d", soft, want)
			}
			return
		}
	}
	t.Fatal("no open files limit in /proc/PID/limits")
}

// floodPeakRSS is the daemon's peak resident memory so far (VmHWM).
func floodPeakRSS(t *testing.T, d *daemonProc) int64 {
	t.Helper()
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", d.cmd.Process.Pid))
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(string(data)) {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatal("no VmHWM in /proc/PID/status")
	return 0
}

// floodRace says whether this binary, and so the daemon, has the race detector. It
// makes the daemon's work on each byte several times slower and its memory 5 to 10
// times larger (its documentation): the byte floods then run fewer streams (the same
// code paths, fewer bytes), so that the test stays within a minute on two cores, and
// the memory bound is scaled.
var floodRace = func() bool {
	info, ok := debug.ReadBuildInfo()
	return ok && slices.Contains(info.Settings, debug.BuildSetting{Key: "-race", Value: "true"})
}()

// floodScaled is n streams, or a quarter of them under the race detector.
func floodScaled(n int) int {
	if floodRace {
		return n / 4
	}
	return n
}

// floodRSSLimit is floodRSSBound, scaled under the race detector.
func floodRSSLimit() int64 {
	if floodRace {
		return 4 * floodRSSBound
	}
	return floodRSSBound
}

// floodTally counts replies by code, from many goroutines.
type floodTally struct {
	mu sync.Mutex
	n  map[string]int
}

func newFloodTally() *floodTally { return &floodTally{n: map[string]int{}} }

func (c *floodTally) add(key string) { c.addN(key, 1) }

func (c *floodTally) addN(key string, n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[key] += n
}

func (c *floodTally) get(key string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n[key]
}

// String lists the counts, most frequent first: "950×421 4.7.0, 50×220".
func (c *floodTally) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	keys := make([]string, 0, len(c.n))
	for k := range c.n {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if c.n[a] != c.n[b] {
			return c.n[b] - c.n[a]
		}
		return strings.Compare(a, b)
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%d×%s", c.n[k], k)
	}
	return strings.Join(parts, ", ")
}

// floodConn is a raw client connection from a chosen loopback address.
type floodConn struct {
	net.Conn
	r *bufio.Reader
}

func floodDial(ip, addr string) (*floodConn, error) {
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}, Timeout: 5 * time.Second}
	c, err := d.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	c.SetDeadline(time.Now().Add(floodClientTTL))
	return &floodConn{Conn: c, r: bufio.NewReader(c)}, nil
}

// reply reads one (possibly multi-line) reply and names it by its code and enhanced
// code, "421 4.7.0"; a connection that ends instead is "closed" or "reset".
func (c *floodConn) reply() string {
	for {
		line, err := c.r.ReadString('\n')
		switch {
		case errors.Is(err, io.EOF):
			return "closed"
		case errors.Is(err, syscall.ECONNRESET):
			return "reset"
		case err != nil:
			return "error " + err.Error()
		case len(line) >= 4 && line[3] == '-':
			continue
		}
		f := strings.Fields(line)
		if len(f) > 1 && strings.Count(f[1], ".") == 2 {
			return f[0] + " " + f[1]
		}
		return f[0]
	}
}

// replies reads replies until the connection ends and says how long that took.
func (c *floodConn) replies() ([]string, time.Duration) {
	start := time.Now()
	var out []string
	for {
		r := c.reply()
		out = append(out, r)
		if r == "closed" || r == "reset" || strings.HasPrefix(r, "error") {
			return out, time.Since(start)
		}
	}
}

func (c *floodConn) cmd(line string) string {
	if _, err := io.WriteString(c, line+"\r\n"); err != nil {
		return "write " + err.Error()
	}
	return c.reply()
}

// floodOpenData connects from ip and opens a message.
func floodOpenData(ip, addr string) (*floodConn, error) {
	c, err := floodDial(ip, addr)
	if err != nil {
		return nil, err
	}
	if err := c.startData(); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// converse sends each line (none for "", to read the greeting) and returns the replies.
func (c *floodConn) converse(lines ...string) []string {
	var replies []string
	for _, l := range lines {
		if l == "" {
			replies = append(replies, c.reply())
		} else {
			replies = append(replies, c.cmd(l))
		}
	}
	return replies
}

// startData greets and opens a message: EHLO, MAIL, RCPT, DATA.
func (c *floodConn) startData() error {
	got := c.converse("", "EHLO flood.example.net", "MAIL FROM:<flood@example.net>", "RCPT TO:<statements@example.org>", "DATA")
	if want := []string{"220", "250", "250 2.0.0", "250 2.0.0", "354"}; !slices.Equal(got, want) {
		return fmt.Errorf("greeting, EHLO, MAIL, RCPT, DATA answered %v, want %v", got, want)
	}
	return nil
}

// floodMessage is a normal client's message; its Message-ID names the flood.
func floodMessage(name string) []byte {
	return fmt.Appendf(nil, "From: Rapporteur <rapporteur@example.com>\r\nTo: statements@example.org\r\n"+
		"Message-ID: <flood-%s@example.com>\r\nSubject: LS sent during the %s flood\r\n\r\nA liaison statement.\r\n", name, name)
}

// floodDeliver sends one message as a normal client from floodClientIP.
func floodDeliver(addr, name string) error {
	conn, err := floodDial(floodClientIP, addr)
	if err != nil {
		return err
	}
	c := smtp.NewClient(conn.Conn)
	defer c.Close()
	if err := sendMail(c, floodMessage(name)); err != nil {
		return err
	}
	return c.Quit()
}

// floodNormal delivers a message as a normal client and counts the outcome, with the
// time it took, in codes; anything but 250 fails the test.
func floodNormal(t *testing.T, addr, name string, codes *floodTally) {
	start := time.Now()
	if err := floodDeliver(addr, name); err != nil {
		t.Errorf("a normal client (%s): %v", name, err)
		codes.add(fmt.Sprintf("normal client (%s): %v", name, err))
		return
	}
	codes.add(fmt.Sprintf("normal client (%s): 250 in %v", name, time.Since(start).Round(time.Millisecond)))
}

// floodNormalDuring runs floodNormal once ready is closed, while the flood goes on.
func floodNormalDuring(t *testing.T, addr, name string, codes *floodTally, ready <-chan struct{}) (done <-chan struct{}) {
	ch := make(chan struct{})
	go func() {
		defer close(ch)
		<-ready
		floodNormal(t, addr, name, codes)
	}()
	return ch
}

// floodConnections opens a thousand connections from one address, 64 at a time, and
// keeps the greeted ones open: the per-IP cap lets exactly floodPerIP in, the rest hear
// "421 4.7.0" at once. Once the cap is full a normal client from another address
// delivers.
func floodConnections(t *testing.T, d *daemonProc) *floodTally {
	const total, workers = 1000, 64
	codes := newFloodTally()
	hold := make(chan struct{})
	var held sync.WaitGroup
	var lost atomic.Int32
	capFull := make(chan struct{})
	var greeted atomic.Int32
	delivered := floodNormalDuring(t, d.smtp, "connections", codes, capFull)

	jobs := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for range jobs {
				c, key := floodOpen(d.smtp)
				codes.add(key)
				if c == nil {
					continue
				}
				held.Go(func() {
					if !c.keepAlive(hold) {
						lost.Add(1)
					}
				})
				if greeted.Add(1) == floodPerIP {
					close(capFull)
				}
			}
		})
	}
	for range total {
		jobs <- struct{}{}
	}
	close(jobs)
	wg.Wait()
	<-delivered // with the per-IP cap still full
	close(hold)
	held.Wait()

	if codes.get("220") != floodPerIP || codes.get("421 4.7.0") != total-floodPerIP {
		t.Errorf("%d connections from one address: %s; want %d×220, %d×421 4.7.0", total, codes, floodPerIP, total-floodPerIP)
	}
	if n := lost.Load(); n > 0 {
		t.Errorf("%d greeted connections were lost while held", n)
	}
	return codes
}

// floodOpen connects from the flood address and reads the greeting; a greeted
// connection is returned to be held.
func floodOpen(addr string) (*floodConn, string) {
	c, err := floodDial(floodConnsIP, addr)
	if err != nil {
		return nil, "dial error"
	}
	key := c.reply()
	if key != "220" {
		c.Close()
		return nil, key
	}
	return c, key
}

// keepAlive holds a connection open with a NOOP more often than the read timeout, until
// hold is closed; false means the connection was lost meanwhile.
func (c *floodConn) keepAlive(hold <-chan struct{}) bool {
	defer c.Close()
	tick := time.NewTicker(floodReadTimeout / 4)
	defer tick.Stop()
	for {
		select {
		case <-hold:
			c.cmd("QUIT")
			return true
		case <-tick.C:
			if c.cmd("NOOP") != "250 2.0.0" {
				return false
			}
		}
	}
}

// floodSlowLoris runs 50 clients that send a byte a second, half of them a command, half
// a message: the first are cut off by the read timeout, the others by the data timeout,
// and their connections closed. A normal client delivers meanwhile.
func floodSlowLoris(t *testing.T, d *daemonProc) *floodTally {
	conns := floodOpenAll(t, 50, func(i int) (*floodConn, error) { return floodLorises[i%len(floodLorises)].open(d.smtp) })
	return floodAll(t, d, "slowloris", conns, func(i int, c *floodConn) string {
		return floodLorises[i%len(floodLorises)].trickle(t, c)
	})
}

// floodOpenAll opens n connections, one after the other, so that they are all ready
// before any starts its flood.
func floodOpenAll(t *testing.T, n int, open func(int) (*floodConn, error)) []*floodConn {
	t.Helper()
	var conns []*floodConn
	for i := range n {
		c, err := open(i)
		if err != nil {
			t.Errorf("flood connection %d: %v", i, err)
			continue
		}
		conns = append(conns, c)
	}
	return conns
}

// floodAll runs every connection at once with run, has a normal client deliver
// meanwhile, and counts what run returns.
func floodAll(t *testing.T, d *daemonProc, name string, conns []*floodConn, run func(int, *floodConn) string) *floodTally {
	codes := newFloodTally()
	var wg sync.WaitGroup
	for i, c := range conns {
		wg.Go(func() {
			defer c.Close()
			codes.add(run(i, c))
		})
	}
	floodNormal(t, d.smtp, name, codes)
	wg.Wait()
	return codes
}

// floodLorisKind is a slow client: what it trickles, which timeout must cut it off and
// the daemon's last replies before it closes the connection.
type floodLorisKind struct {
	phase, payload string
	limit          time.Duration
	want           []string
}

var floodLorises = []floodLorisKind{
	// Cut off mid-line: go-smtp answers the part that arrived as a command, then 421.
	{"command", "EHLO slow.example.net\r\n", floodReadTimeout, []string{"421 4.4.2"}},
	{"data", "Subject: a liaison statement sent very slowly\r\n", floodDataTimeout, []string{"451 4.3.0", "421 4.4.2"}},
}

// open connects and gets to where the client starts trickling.
func (k floodLorisKind) open(addr string) (*floodConn, error) {
	c, err := floodDial(floodLorisIP, addr)
	if err != nil {
		return nil, err
	}
	if k.phase == "data" {
		err = c.startData()
	} else if got := c.reply(); got != "220" {
		err = fmt.Errorf("greeting %q", got)
	}
	if err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// trickle sends the payload a byte a second and checks the daemon cuts the client off
// in time; it returns the replies.
func (k floodLorisKind) trickle(t *testing.T, c *floodConn) string {
	stop := make(chan struct{})
	defer close(stop)
	go floodTrickle(c, k.payload, stop)
	replies, took := c.replies()
	if !floodEndsWith(replies, k.want...) || took < k.limit-time.Second/2 || took > k.limit+2*time.Second {
		t.Errorf("slow %s client: %v after %v, want %v after the %v timeout", k.phase, replies, took, k.want, k.limit)
	}
	return k.phase + ": " + strings.Join(replies, ", ")
}

// floodEndsWith says whether the daemon's last replies were want, and then it closed or
// reset the connection.
func floodEndsWith(replies []string, want ...string) bool {
	n := len(replies) - 1
	if n < len(want) || (replies[n] != "closed" && replies[n] != "reset") {
		return false
	}
	return slices.Equal(replies[n-len(want):n], want)
}

// floodTrickle writes payload a byte a second until stop or a write fails.
func floodTrickle(c net.Conn, payload string, stop <-chan struct{}) {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for i := 0; ; i = (i + 1) % len(payload) {
		if _, err := c.Write([]byte{payload[i]}); err != nil {
			return
		}
		select {
		case <-stop:
			return
		case <-tick.C:
		}
	}
}

// floodRecipients gives one transaction 10,000 recipients, pipelined: the first
// floodMaxRcpt get 250, every further one "452 4.5.3" (RFC 5321 4.5.3.1.10, RFC 3463
// X.5.3 "too many recipients"); the message then goes to the accepted ones and the
// session stays usable.
func floodRecipients(t *testing.T, d *daemonProc) *floodTally {
	const n = 10000
	codes := newFloodTally()
	c, err := floodDial(floodRcptIP, d.smtp)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	before := c.converse("", "EHLO many.example.net", "MAIL FROM:<many@example.net>")
	if want := []string{"220", "250", "250 2.0.0"}; !slices.Equal(before, want) {
		t.Fatalf("greeting, EHLO, MAIL answered %v, want %v", before, want)
	}
	written := make(chan error, 1)
	go func() {
		w := bufio.NewWriter(c)
		for i := range n {
			fmt.Fprintf(w, "RCPT TO:<rcpt-%d@example.org>\r\n", i)
		}
		written <- w.Flush()
	}()
	rcpt := newFloodTally()
	for range n {
		rcpt.add(c.reply())
	}
	if err := <-written; err != nil {
		t.Fatal(err)
	}
	if rcpt.get("250 2.0.0") != floodMaxRcpt || rcpt.get("452 4.5.3") != n-floodMaxRcpt {
		t.Errorf("%d RCPT: %s; want %d×250 2.0.0, %d×452 4.5.3", n, rcpt, floodMaxRcpt, n-floodMaxRcpt)
	}
	for _, k := range []string{"250 2.0.0", "452 4.5.3"} {
		codes.addN("RCPT "+k, rcpt.get(k))
	}
	after := c.converse("DATA", string(floodMessage("recipients"))+".", "NOOP", "QUIT")
	for i, k := range after {
		codes.add([]string{"DATA", "message", "NOOP", "QUIT"}[i] + " " + k)
	}
	if want := []string{"354", "250 2.0.0", "250 2.0.0", "221 2.0.0"}; !slices.Equal(after, want) {
		t.Errorf("after the recipients: DATA, message, NOOP, QUIT answered %v, want %v", after, want)
	}
	return codes
}

// floodEndlessHeader streams endless headers on 40 connections at once (floodScaled), half as one
// header line without end, half as a header section without end. The line is refused
// at max_line_length ("500 5.5.2", then go-smtp's "500 5.4.0" and close); the section at
// max_header_bytes ("552 5.3.4"), and once the stream passes twice max_message_bytes
// the connection is closed ("421 4.4.2"). A normal client delivers meanwhile.
func floodEndlessHeader(t *testing.T, d *daemonProc) *floodTally {
	conns := floodOpenAll(t, floodScaled(40), func(int) (*floodConn, error) { return floodOpenData(floodHeaderIP, d.smtp) })
	return floodAll(t, d, "endless-header", conns, func(i int, c *floodConn) string { return floodEndless(t, c, i%2 == 0) })
}

// floodStreamCap is the most an endless stream writes: twice what the daemon reads.
const floodStreamCap = 4 * floodMaxMessage

// floodEndless streams one endless header after DATA and checks the replies.
func floodEndless(t *testing.T, c *floodConn, line bool) string {
	kind, want := "section", []string{"552 5.3.4", "421 4.4.2"}
	if line {
		kind, want = "line", []string{"500 5.5.2", "500 5.4.0"}
	}
	stop := make(chan struct{})
	var sent atomic.Int64
	go floodStream(c, floodHeaderChunk(line), stop, &sent)
	replies, took := c.replies()
	close(stop)
	if !floodEndsWith(replies, want...) || took > floodDataTimeout+2*time.Second {
		t.Errorf("endless header %s: %v after %v and %d bytes, want %v", kind, replies, took, sent.Load(), want)
	}
	return kind + ": " + strings.Join(replies, ", ")
}

// floodHeaderChunk is 32 KiB of header: with line, part of one line that never ends
// (after the field name in the first chunk); else whole header lines.
func floodHeaderChunk(line bool) []byte {
	var b []byte
	if line {
		b = append(b, "X-Endless: "...)
		for len(b) < 32<<10 {
			b = append(b, 'a')
		}
		return b
	}
	for i := 0; len(b) < 32<<10; i++ {
		b = fmt.Appendf(b, "X-Endless-%d: %s\r\n", i, strings.Repeat("a", 80))
	}
	return b
}

// floodStream writes chunk again and again until stop, a failed write or floodStreamCap
// bytes; past the cap it stays silent, so the daemon ends it by its timeouts.
func floodStream(c net.Conn, chunk []byte, stop <-chan struct{}, sent *atomic.Int64) {
	for sent.Load() < floodStreamCap {
		select {
		case <-stop:
			return
		default:
		}
		n, err := c.Write(chunk)
		sent.Add(int64(n))
		if err != nil {
			return
		}
	}
}

// floodMemory holds as many sessions as the caps leave besides the normal clients' room
// (three addresses' worth, floodScaled), each in the middle of a header section just under
// max_header_bytes, then silent: the most the daemon keeps in memory for mail coming
// in. The read or data timeout cuts them off. Then the daemon's peak resident memory must be
// within the bound, and it must still take mail and answer /healthz.
func floodMemory(t *testing.T, d *daemonProc) *floodTally {
	header := floodHeldHeader()
	ips := []string{"127.0.0.6", "127.0.0.7", "127.0.0.8"}
	conns := floodOpenAll(t, floodScaled(len(ips)*floodPerIP), func(i int) (*floodConn, error) { return floodOpenData(ips[i/floodPerIP], d.smtp) })
	codes := floodAll(t, d, "memory", conns, func(_ int, c *floodConn) string { return floodHold(t, c, header) })
	if rss, limit := floodPeakRSS(t, d), floodRSSLimit(); rss > limit {
		t.Errorf("daemon peak RSS %d MiB, bound %d MiB", rss>>20, limit>>20)
	}
	floodNormal(t, d.smtp, "after", codes)
	hc := http.Client{Timeout: 5 * time.Second}
	resp, err := hc.Get("http://" + d.web + "/healthz")
	if err != nil {
		t.Fatalf("/healthz after the floods: %v", err)
	}
	resp.Body.Close()
	codes.add(fmt.Sprintf("/healthz %d", resp.StatusCode))
	if resp.StatusCode != http.StatusOK {
		t.Errorf("/healthz answered %d", resp.StatusCode)
	}
	return codes
}

// floodHeldHeader is a header section 4 KiB short of max_header_bytes (the default),
// without its end.
func floodHeldHeader() []byte {
	var b []byte
	for i := 0; len(b) < 1<<20-4<<10; i++ {
		b = fmt.Appendf(b, "X-Held-%d: %s\r\n", i, strings.Repeat("h", 80))
	}
	return b
}

// floodHold sends header after DATA, then nothing: the read timeout (2 s of silence) or
// the data timeout, whichever comes first, must end it.
func floodHold(t *testing.T, c *floodConn, header []byte) string {
	if _, err := c.Write(header); err != nil {
		return "write " + err.Error()
	}
	replies, took := c.replies()
	if want := []string{"451 4.3.0", "421 4.4.2"}; !floodEndsWith(replies, want...) || took > floodDataTimeout+time.Second {
		t.Errorf("held header: %v after %v, want %v by the data timeout", replies, took, want)
	}
	return "held: " + strings.Join(replies, ", ")
}

// floodCheckRecorded checks the stopped daemon's database: it holds exactly the normal
// clients' messages (none of the refused ones), the one of the recipient flood with
// floodMaxRcpt recipients.
func floodCheckRecorded(t *testing.T, dir string) {
	t.Helper()
	db := openDaemonDB(t, dir)
	defer db.Close()
	msgs, err := db.Messages(context.Background(), store.MessageFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, m := range msgs {
		got[m.MessageID] = len(m.Rcpt)
	}
	want := map[string]int{}
	for _, name := range []string{"connections", "slowloris", "recipients", "endless-header", "memory", "after"} {
		want["<flood-"+name+"@example.com>"] = 1
	}
	want["<flood-recipients@example.com>"] = floodMaxRcpt
	if len(got) != len(want) || len(msgs) != len(want) {
		t.Errorf("recorded %v, want %v", got, want)
	}
	for id, n := range want {
		if got[id] != n {
			t.Errorf("%s recorded with %d recipients, want %d", id, got[id], n)
		}
	}
}
