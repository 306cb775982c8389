package mail

import (
	"net"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// limitListener caps concurrent connections globally and per remote IP. go-smtp has no
// such limits. A connection over a cap gets "421" at once and is closed, which tells a
// well-behaved MTA to come back later.
type limitListener struct {
	net.Listener
	maxTotal int
	maxPerIP int
	reply    string // the 421 line, CRLF-terminated
	onReject func(reason string)
	open     prometheus.Gauge

	mu    sync.Mutex
	total int
	perIP map[string]int
	conns map[*trackedConn]struct{}
}

func newLimitListener(l net.Listener, maxTotal, maxPerIP int, domain string, open prometheus.Gauge, onReject func(string)) *limitListener {
	return &limitListener{
		Listener: l,
		maxTotal: maxTotal,
		maxPerIP: maxPerIP,
		reply:    "421 4.7.0 " + domain + " Too many connections, try again later\r\n",
		onReject: onReject,
		open:     open,
		perIP:    map[string]int{},
		conns:    map[*trackedConn]struct{}{},
	}
}

func (l *limitListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		ip := remoteIP(c.RemoteAddr())
		if reason := l.acquire(ip); reason != "" {
			l.refuse(c, reason)
			continue
		}
		tc := &trackedConn{Conn: c}
		tc.release = func() { l.release(ip, tc) }
		l.mu.Lock()
		l.conns[tc] = struct{}{}
		l.mu.Unlock()
		l.open.Inc()
		return tc, nil
	}
}

// drainAll asks every open connection to close at its next idle moment.
func (l *limitListener) drainAll() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for c := range l.conns {
		c.drain()
	}
}

// acquire reserves a slot for ip, or says which cap is full.
func (l *limitListener) acquire(ip string) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.maxTotal > 0 && l.total >= l.maxTotal {
		return "connections"
	}
	if l.maxPerIP > 0 && l.perIP[ip] >= l.maxPerIP {
		return "connections_per_ip"
	}
	l.total++
	l.perIP[ip]++
	return ""
}

func (l *limitListener) release(ip string, c *trackedConn) {
	l.open.Dec()
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.conns, c)
	l.total--
	if l.perIP[ip]--; l.perIP[ip] <= 0 {
		delete(l.perIP, ip)
	}
}

func (l *limitListener) refuse(c net.Conn, reason string) {
	if l.onReject != nil {
		l.onReject(reason)
	}
	// The reply is best effort and must not stall Accept: write from a goroutine with a
	// short deadline.
	go func() {
		c.SetWriteDeadline(time.Now().Add(5 * time.Second))
		c.Write([]byte(l.reply))
		c.Close()
	}()
}

// trackedConn gives its slot back once, when closed; it lets the session shorten read
// deadlines during a drain, and it enforces the limits on receiving a message that
// go-smtp's deadlines cannot (see Read).
type trackedConn struct {
	net.Conn
	release  func()
	once     sync.Once
	draining atomic.Bool
	inData   atomic.Bool
	// msg bounds the message being received, from the session's Data until go-smtp
	// reads the next command (so also the rest of a refused message, which go-smtp
	// reads and throws away); nil between messages. msgLeft is how many more bytes it
	// may take.
	msg     atomic.Pointer[messageLimits]
	msgLeft atomic.Int64
	// readErr is the timeout that ended the conversation. Only the goroutine that reads
	// the connection (go-smtp's) touches it.
	readErr error
}

// messageLimits bound the transfer of one message.
type messageLimits struct {
	idle time.Duration // the longest silence
	end  time.Time     // when the whole transfer must be over
}

// deadline is for the next read: after the longest silence, but never past the end.
func (m *messageLimits) deadline() time.Time {
	if d := time.Now().Add(m.idle); d.Before(m.end) {
		return d
	}
	return m.end
}

func (c *trackedConn) Close() error {
	c.once.Do(c.release)
	return c.Conn.Close()
}

// startMessage puts the transfer of a message under lim, and at most maxBytes bytes.
func (c *trackedConn) startMessage(lim messageLimits, maxBytes int64) {
	c.msgLeft.Store(maxBytes)
	c.msg.Store(&lim)
}

// Read enforces what go-smtp's deadlines cannot, as it sets one per command line and
// none while a message is read:
//   - during a message, each read gets a fresh idle deadline, never past the end of the
//     whole transfer, so a slow sender keeps its transfer while a silent one is cut off;
//   - the message's bytes count against its budget; past it the connection counts as
//     timed out, so that an endless stream is not read and thrown away forever;
//   - once a read has timed out, every later one fails at once: go-smtp then answers
//     what it was doing, says 421 and closes, instead of reading what follows a cut-off
//     message as commands (a desync that lets content smuggle an envelope) or serving
//     every fragment of a trickled command line (bufio hands it over as a line).
func (c *trackedConn) Read(p []byte) (int, error) {
	if c.readErr != nil {
		return 0, c.readErr
	}
	if m := c.msg.Load(); m != nil {
		if c.msgLeft.Load() <= 0 {
			c.readErr = os.ErrDeadlineExceeded
			return 0, c.readErr
		}
		c.Conn.SetReadDeadline(m.deadline())
	}
	n, err := c.Conn.Read(p)
	c.msgLeft.Add(-int64(n))
	if ne, ok := err.(net.Error); ok && ne.Timeout() {
		c.readErr = err
	}
	return n, err
}

// SetReadDeadline is how go-smtp arms its idle timer before each command, so a message
// being received is over. While the server drains, a connection that is not receiving a
// message gets a deadline in the past instead, so it is answered 421 and closed.
func (c *trackedConn) SetReadDeadline(t time.Time) error {
	c.msg.Store(nil)
	if c.draining.Load() && !c.inData.Load() {
		t = time.Now()
	}
	return c.Conn.SetReadDeadline(t)
}

// drain asks the connection to close at its next idle moment.
func (c *trackedConn) drain() {
	c.draining.Store(true)
	if !c.inData.Load() {
		c.Conn.SetReadDeadline(time.Now())
	}
}

func remoteIP(a net.Addr) string {
	switch a := a.(type) {
	case *net.TCPAddr:
		return a.IP.String()
	case nil:
		return ""
	default:
		if host, _, err := net.SplitHostPort(a.String()); err == nil {
			return host
		}
		return a.String() // unix sockets: one "address" for all
	}
}

// rateLimiter allows each key a number of events per window, counting in fixed windows.
// Memory stays bounded: keys from past windows are dropped when a window turns over.
type rateLimiter struct {
	limit  int
	window time.Duration
	now    func() time.Time

	mu     sync.Mutex
	start  time.Time
	counts map[string]int
}

func newRateLimiter(limit int, window time.Duration, now func() time.Time) *rateLimiter {
	return &rateLimiter{limit: limit, window: window, now: now, counts: map[string]int{}}
}

// allow counts one event for key and says whether it is within the limit.
func (r *rateLimiter) allow(key string) bool {
	if r == nil || r.limit <= 0 {
		return true
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.now()
	if now.Sub(r.start) >= r.window {
		r.start = now
		clear(r.counts)
	}
	if r.counts[key] >= r.limit {
		return false
	}
	r.counts[key]++
	return true
}
