package mail

import (
	"bytes"
	"context"
	"io"
	"net"
	"os"
	"regexp"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"github.com/liaisond/liaisond/store"
)

// cuttingProxy forwards loopback connections to an IMAP server unchanged, except that
// it cuts a connection (closes both sides) once the server has sent a given number of
// bytes of a message literal of at least minLiteral bytes: each entry of cutAt is used
// for one cut, in order.
type cuttingProxy struct {
	target     string
	minLiteral int
	ln         net.Listener

	mu       sync.Mutex
	cutAt    []int // literal bytes let through before each cut still to make
	made     []int // the cuts made: bytes of the literal the client got
	cutTimes []time.Time
	accepted []time.Time
	conns    atomic.Int32
	open     []net.Conn
}

// literalStart finds the start of a FETCH body literal: BODY[] {size} and its CRLF.
var literalStart = regexp.MustCompile(`BODY\[\] \{(\d+)\}\r\n`)

func startCuttingProxy(t *testing.T, target string, minLiteral int, cutAt ...int) *cuttingProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &cuttingProxy{target: target, minLiteral: minLiteral, ln: ln, cutAt: cutAt}
	go p.accept()
	t.Cleanup(p.close)
	return p
}

func (p *cuttingProxy) addr() string { return p.ln.Addr().String() }

func (p *cuttingProxy) accept() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		s, err := net.Dial("tcp", p.target)
		if err != nil {
			c.Close()
			continue
		}
		p.conns.Add(1)
		p.mu.Lock()
		p.open, p.accepted = append(p.open, c, s), append(p.accepted, time.Now())
		p.mu.Unlock()
		go func() {
			io.Copy(s, c) // commands go through untouched
			s.Close()
		}()
		go func() {
			p.downstream(c, s)
			c.Close()
			s.Close()
		}()
	}
}

// downstream copies the server's bytes to the client. When a large enough literal
// starts and a cut is left, it lets through that cut's number of literal bytes and stops.
func (p *cuttingProxy) downstream(c, s net.Conn) {
	var seen []byte // this connection's server bytes, to find a literal split across reads
	written, cut := 0, -1
	buf := make([]byte, 32<<10)
	for {
		n, err := s.Read(buf)
		seen = append(seen, buf[:n]...)
		if cut < 0 {
			cut = p.armCut(seen, max(0, len(seen)-n-64))
		}
		end := len(seen)
		if cut >= 0 {
			end = min(end, cut)
		}
		if _, werr := c.Write(seen[written:end]); werr != nil {
			return
		}
		written = end
		if cut >= 0 && written == cut {
			p.mu.Lock()
			p.cutTimes = append(p.cutTimes, time.Now())
			p.mu.Unlock()
			return
		}
		if err != nil {
			return
		}
	}
}

// armCut looks for a literal start in seen[from:]; when the literal is large and a cut is
// left, it takes that cut and returns the offset in seen at which to stop, else -1.
func (p *cuttingProxy) armCut(seen []byte, from int) int {
	m := literalStart.FindSubmatchIndex(seen[from:])
	if m == nil {
		return -1
	}
	size, _ := strconv.Atoi(string(seen[from+m[2] : from+m[3]]))
	p.mu.Lock()
	defer p.mu.Unlock()
	if size < p.minLiteral || len(p.cutAt) == 0 {
		return -1
	}
	after := min(p.cutAt[0], size-1)
	p.cutAt, p.made = p.cutAt[1:], append(p.made, after)
	return from + m[1] + after
}

func (p *cuttingProxy) cuts() []int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]int(nil), p.made...)
}

// reconnectDelays is, for each cut, how long the client took to connect again.
func (p *cuttingProxy) reconnectDelays() []time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []time.Duration
	for i, cut := range p.cutTimes {
		if i+1 < len(p.accepted) {
			out = append(out, p.accepted[i+1].Sub(cut).Round(time.Millisecond))
		}
	}
	return out
}

func (p *cuttingProxy) close() {
	p.ln.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.open {
		c.Close()
	}
}

// TestProofIMAPCutMidFetch puts a proxy between the poller and go-imap's in-memory server
// that cuts the connection twice in the middle of the FETCH of a 300 KiB message (once
// while it is spooled in memory, once after it went to a spool file). The poller must
// reconnect with backoff, record the message exactly once and byte-exact, mark it \Seen
// only then, record the messages around it, leave no spool file and no partial record.
func TestProofIMAPCutMidFetch(t *testing.T) {
	start := time.Now()
	srv := startMemIMAP(t, imapCapsRev2, "", nil)
	msgs := map[string][]byte{
		imapMsgID("cut-before"): imapMessage("cut-before", 500),
		imapMsgID("cut-big"):    imapMessage("cut-big", 300<<10),
		imapMsgID("cut-after"):  imapMessage("cut-after", 500),
	}
	for _, id := range []string{"cut-before", "cut-big", "cut-after"} {
		srv.append(t, "INBOX", msgs[imapMsgID(id)])
	}
	proxy := startCuttingProxy(t, srv.addr, 64<<10, 100_000, 280_000)
	env := newIMAPEnv(t)
	cfg := env.config(t, proxy.addr())
	rp := env.start(t, cfg, nil, nil)
	imapWaitFor(t, 20*time.Second, "three messages recorded and \\Seen", func() bool {
		inbox, _ := srv.flags(t, "INBOX")
		seen := 0
		for _, f := range inbox {
			if imapHasFlag(f, imap.FlagSeen) {
				seen++
			}
		}
		return imapCountRecorded(t, env.db) >= 3 && seen == 3
	})
	imapWaitFor(t, imapWait, "the last UID saved", func() bool { return imapState(t, env.db, cfg.Key()).LastUID == 3 })
	rp.stop()

	recorded := imapRecorded(t, env.db)
	perID := map[string]int{}
	for _, m := range recorded {
		perID[m.MessageID]++
		raw, err := env.db.Raw(context.Background(), m.ID)
		if err != nil || !bytes.Equal(raw, msgs[m.MessageID]) {
			t.Errorf("%s: recorded %d bytes, not byte-exact (%v)", m.MessageID, len(raw), err)
		}
	}
	spoolLeft, _ := os.ReadDir(env.spool.dir)
	failed, rejected := imapEvents(t, env.db, store.EventFailed), imapEvents(t, env.db, store.EventRejected)
	t.Logf("PROOF fault: IMAP connection cut mid-FETCH of a %d-byte message after %v literal bytes: %d reconnections after %v (max_backoff %v), %d poll errors (a cut counts for the message and for the session), "+
		"%d messages recorded (%v per Message-ID), all byte-exact and \\Seen, %d failed/%d rejected events, %d spool files left; took %s",
		len(msgs[imapMsgID("cut-big")]), proxy.cuts(), proxy.conns.Load()-1, proxy.reconnectDelays(), cfg.MaxBackoff, int(rp.errors()), len(recorded), perID,
		len(failed), len(rejected), len(spoolLeft), time.Since(start).Round(10*time.Millisecond))
	for _, d := range proxy.reconnectDelays() {
		if d > cfg.MaxBackoff+time.Second {
			t.Errorf("reconnected %v after a cut, want within max_backoff %v", d, cfg.MaxBackoff)
		}
	}
	if len(proxy.cuts()) != 2 || proxy.conns.Load() != 3 {
		t.Fatalf("cuts %v, %d connections: want two cuts, each followed by one reconnection", proxy.cuts(), proxy.conns.Load())
	}
	if len(recorded) != 3 || len(perID) != 3 || len(failed)+len(rejected) != 0 || len(spoolLeft) != 0 {
		t.Fatalf("recorded %v; %d failed, %d rejected events; %d spool files left", perID, len(failed), len(rejected), len(spoolLeft))
	}
}
