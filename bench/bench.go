// Package bench owns load generation for liaisond's benchmarks: a bounded SMTP load (a
// fixed number of messages over a fixed number of connections, with a time limit) and
// the discarding go-smtp server that serves as the ceiling of what SMTP costs on this
// machine without storage, and, synced, as the floor of what a durable answer costs.
//
// It talks only to loopback listeners it is given. It must not be imported by the daemon.
package bench

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/liaisond/liaisond/internal/prealloc"
	"github.com/liaisond/liaisond/internal/smtpsend"
)

// Load is one measured run.
type Load struct {
	Addr     string        // SMTP listener
	Conns    int           // concurrent connections, each sending messages one after another
	Messages int           // total messages (bounded count)
	Size     int           // bytes per message
	Timeout  time.Duration // bound on the whole run
	// Build, when set, makes message n (1-based) instead of Message's filler text.
	Build func(n int) []byte
}

// Result is what a Load measured.
type Result struct {
	Load
	Sent     int // answered 250
	Failed   int
	Elapsed  time.Duration
	PerSec   float64
	P50, P99 time.Duration // time from MAIL FROM to the reply after DATA
	FirstErr string
}

// Message builds a message of about size bytes with a unique Message-ID, CRLF lines.
func Message(tag string, n, size int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: Rapporteur <rapporteur@example.com>\r\nTo: statements@example.org\r\n")
	fmt.Fprintf(&b, "Subject: LS on load %s %d\r\nMessage-ID: <%s-%d@bench.example.com>\r\n\r\n", tag, n, tag, n)
	line := []byte("Liaison statement body text, seventy-odd characters of ordinary prose.\r\n")
	for b.Len()+len(line) < size {
		b.Write(line)
	}
	return b.Bytes()
}

// Run sends l.Messages messages over l.Conns connections and measures the rate.
func Run(ctx context.Context, tag string, l Load) Result {
	ctx, cancel := context.WithTimeout(ctx, l.Timeout)
	defer cancel()
	var next atomic.Int64
	var mu sync.Mutex
	var latencies []time.Duration
	res := Result{Load: l}
	start := time.Now()
	var wg sync.WaitGroup
	for range l.Conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lat, sent, failed, err := sender(ctx, tag, l, &next)
			mu.Lock()
			defer mu.Unlock()
			latencies = append(latencies, lat...)
			res.Sent += sent
			res.Failed += failed
			if err != nil && res.FirstErr == "" {
				res.FirstErr = err.Error()
			}
		}()
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	res.PerSec = float64(res.Sent) / res.Elapsed.Seconds()
	res.P50, res.P99 = percentile(latencies, 50), percentile(latencies, 99)
	return res
}

// sender is one connection: it takes message numbers until all are taken.
func sender(ctx context.Context, tag string, l Load, next *atomic.Int64) (lat []time.Duration, sent, failed int, err error) {
	conn, err := (&net.Dialer{Timeout: 10 * time.Second}).DialContext(ctx, "tcp", l.Addr)
	if err != nil {
		return nil, 0, 0, err
	}
	c := smtp.NewClient(conn)
	defer c.Close()
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	if err := c.Hello("bench.example.com"); err != nil {
		return nil, 0, 0, err
	}
	for ctx.Err() == nil {
		n := int(next.Add(1))
		if n > l.Messages {
			break
		}
		msg := l.message(tag, n)
		t0 := time.Now()
		if err = smtpsend.Send(c, "rapporteur@example.com", []string{"statements@example.org"}, msg); err != nil {
			failed++
			var se *smtp.SMTPError
			if !errors.As(err, &se) {
				return lat, sent, failed, err // the connection is gone
			}
			continue
		}
		lat = append(lat, time.Since(t0))
		sent++
	}
	c.Quit()
	return lat, sent, failed, nil
}

func (l Load) message(tag string, n int) []byte {
	if l.Build != nil {
		return l.Build(n)
	}
	return Message(tag, n, l.Size)
}

func percentile(d []time.Duration, p int) time.Duration {
	if len(d) == 0 {
		return 0
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	return d[min(len(d)-1, len(d)*p/100)]
}

// Sink is a go-smtp server that reads every message and throws it away: the cost of SMTP
// alone, the ceiling for durable intake. A synced sink (StartSink with syncTo) also
// writes each message to a file and flushes it before its 250: the floor of a durable
// server on this disk.
type Sink struct {
	srv *smtp.Server
	l   net.Listener
	log *syncedLog
}

// StartSink listens on addr. With syncTo, every message is written to that file and
// made durable before it is answered (syncedLog); maxBytes must then be set.
func StartSink(addr string, maxBytes int64, syncTo string) (*Sink, error) {
	s := &Sink{}
	if syncTo != "" {
		if maxBytes <= 0 {
			return nil, errors.New("synced sink: a message size limit is needed")
		}
		var err error
		if s.log, err = openSyncedLog(syncTo, max(syncedLogBytes, maxBytes)); err != nil {
			return nil, err
		}
	}
	s.srv = smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		return sinkSession{log: s.log}, nil
	}))
	s.srv.Domain = "sink.example.org"
	s.srv.MaxMessageBytes = maxBytes
	s.srv.MaxRecipients = 100
	s.srv.ReadTimeout = time.Minute
	s.srv.WriteTimeout = time.Minute
	l, err := net.Listen("tcp", addr)
	if err != nil {
		s.log.close()
		return nil, err
	}
	s.l = l
	go s.srv.Serve(l)
	return s, nil
}

// Addr is the bound address.
func (s *Sink) Addr() string { return s.l.Addr().String() }

// Close stops the sink. A message still being written then gets an error, not a 250.
func (s *Sink) Close() error {
	err := s.srv.Close()
	s.log.close()
	return err
}

type sinkSession struct {
	log *syncedLog // nil: discard
}

func (sinkSession) Reset()                               {}
func (sinkSession) Logout() error                        { return nil }
func (sinkSession) Mail(string, *smtp.MailOptions) error { return nil }
func (sinkSession) Rcpt(string, *smtp.RcptOptions) error { return nil }
func (s sinkSession) Data(r io.Reader) error {
	if s.log == nil {
		_, err := io.Copy(io.Discard, r)
		return err
	}
	msg, err := io.ReadAll(r) // go-smtp refuses what passes MaxMessageBytes
	if err != nil {
		return err
	}
	return s.log.append(msg)
}

// syncedLog is what any durable server must at least do for a message before its 250:
// write it, in one call, and flush it to the disk (fdatasync), one message after the
// other. The file is preallocated and reused from its start once full, so every write
// overwrites written blocks, as liaisond's preallocated write-ahead log does.
type syncedLog struct {
	mu   sync.Mutex
	f    *os.File // nil once closed
	size int64
	off  int64
}

// syncedLogBytes is the least size of the synced sink's file; it is as large as the
// largest message when that is larger.
const syncedLogBytes = 64 << 20

var errSinkClosed = errors.New("synced sink closed")

func openSyncedLog(path string, size int64) (*syncedLog, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return nil, err
	}
	if err := prealloc.Fill(f, size); err != nil {
		f.Close()
		return nil, fmt.Errorf("synced sink: %w", err)
	}
	return &syncedLog{f: f, size: size}, nil
}

func (l *syncedLog) append(msg []byte) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return errSinkClosed
	}
	if l.off+int64(len(msg)) > l.size {
		l.off = 0
	}
	if _, err := l.f.WriteAt(msg, l.off); err != nil {
		return err
	}
	l.off += int64(len(msg))
	return syscall.Fdatasync(int(l.f.Fd()))
}

func (l *syncedLog) close() {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f != nil {
		l.f.Close()
		l.f = nil
	}
}

// ResetPeakRSS starts a new peak for PeakRSS (Linux clear_refs), so that each row of a
// table reports its own peak.
func ResetPeakRSS(pid int) error {
	return os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", pid), []byte("5"), 0)
}

// PeakRSS returns the peak resident set size of a process (VmHWM), in bytes.
func PeakRSS(pid int) (int64, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb * 1024, err
		}
	}
	return 0, errors.New("VmHWM not found")
}
