package mail

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/liaisond/liaisond/internal/teststore"
	"github.com/liaisond/liaisond/internal/testutil"
	"github.com/liaisond/liaisond/store"
)

// Deadlines for waits; generous because the test machine is shared. imapWaitPrompt is
// for what IDLE must deliver without a poll (the poll interval is an hour there).
const (
	imapWait       = 10 * time.Second
	imapWaitPrompt = 5 * time.Second
)

const (
	imapTestUser     = "statements"
	imapTestPassword = "Pa55-imap-s3cret"
	imapTestRcpt     = "statements@example.org"
)

var (
	imapCapsRev2 = imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapIMAP4rev2: {}}
	imapCapsRev1 = imap.CapSet{imap.CapIMAP4rev1: {}} // no MOVE, no UIDPLUS
)

// memIMAP is go-imap's in-memory server on 127.0.0.1, with a listener that can drop
// every open connection.
type memIMAP struct {
	imapTarget
	user *imapmemserver.User
	ln   *imapTrackingListener
}

// startMemIMAP starts the server; tlsMode "implicit" wraps the listener in TLS, and
// cert (when set) also enables STARTTLS.
// startMemIMAPWith starts a plain IMAP4rev2 server whose INBOX holds a small message
// for each id, in order (UIDs 1, 2, ...).
func startMemIMAPWith(t testing.TB, ids ...string) *memIMAP {
	t.Helper()
	srv := startMemIMAP(t, imapCapsRev2, "", nil)
	for _, id := range ids {
		srv.append(t, "INBOX", imapMessage(id, 100))
	}
	return srv
}

func startMemIMAP(t testing.TB, caps imap.CapSet, tlsMode string, cert *tls.Certificate) *memIMAP {
	t.Helper()
	mem := imapmemserver.New()
	user := imapmemserver.NewUser(imapTestUser, imapTestPassword)
	if err := user.Create("INBOX", nil); err != nil {
		t.Fatal(err)
	}
	mem.AddUser(user)
	opts := &imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return mem.NewSession(), nil, nil
		},
		Caps:         caps,
		InsecureAuth: true,
		Logger:       log.New(io.Discard, "", 0),
	}
	var tlsCfg *tls.Config
	if cert != nil {
		tlsCfg = &tls.Config{Certificates: []tls.Certificate{*cert}}
		opts.TLSConfig = tlsCfg
	}
	srv := imapserver.New(opts)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln := &imapTrackingListener{Listener: l}
	target := imapTarget{addr: l.Addr().String()}
	var serveLn net.Listener = ln
	if tlsMode == IMAPTLSImplicit {
		serveLn = tls.NewListener(ln, tlsCfg)
		target.implicitTLS = &tls.Config{InsecureSkipVerify: true} // the test's own client
	}
	go srv.Serve(serveLn)
	t.Cleanup(func() { srv.Close() })
	return &memIMAP{imapTarget: target, user: user, ln: ln}
}

// imapTrackingListener remembers accepted connections, so a test can drop them, and
// counts the IDLE commands the server has accepted. The in-memory server only reports
// changes that happen after IDLE has begun (Dovecot also reports those queued before),
// so tests deliver mail meant for IDLE only once the poller is idling.
type imapTrackingListener struct {
	net.Listener
	idles atomic.Int32
	mu    sync.Mutex
	conns []net.Conn
}

func (l *imapTrackingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	l.conns = append(l.conns, c)
	l.mu.Unlock()
	return &idleSpyConn{Conn: c, idles: &l.idles}, nil
}

// dropAll closes every connection accepted so far, as a server restart would.
func (l *imapTrackingListener) dropAll() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, c := range l.conns {
		c.Close()
	}
	l.conns = nil
}

// idleSpyConn counts the server's "+ idling" continuations (imapserver's IDLE reply).
type idleSpyConn struct {
	net.Conn
	idles *atomic.Int32
}

func (c *idleSpyConn) Write(p []byte) (int, error) {
	if bytes.Contains(p, []byte("+ idling")) {
		c.idles.Add(1)
	}
	return c.Conn.Write(p)
}

// waitIdle waits until the server has accepted more than n IDLE commands in total.
func (srv *memIMAP) waitIdle(t testing.TB, n int32) {
	t.Helper()
	imapWaitFor(t, imapWait, "the poller to IDLE", func() bool { return srv.ln.idles.Load() > n })
}

// imapEnv is what a poller records into: a real SQLite store and spool in a temp dir.
type imapEnv struct {
	db       *store.DB
	spool    *Spooler
	passFile string
}

func newIMAPEnv(t testing.TB) *imapEnv {
	t.Helper()
	dir := t.TempDir()
	db := teststore.OpenAt(t, filepath.Join(dir, "liaisond.db"), store.Options{})
	spool, err := NewSpooler(filepath.Join(dir, "spool"))
	if err != nil {
		t.Fatal(err)
	}
	passFile := filepath.Join(dir, "imap.pass")
	if err := os.WriteFile(passFile, []byte(imapTestPassword+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return &imapEnv{db: db, spool: spool, passFile: passFile}
}

// config is a poller configuration for addr with test-sized intervals.
func (e *imapEnv) config(t testing.TB, addr string) IMAPConfig {
	t.Helper()
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultIMAPConfig()
	cfg.Host = host
	cfg.Port, _ = strconv.Atoi(port)
	cfg.TLS = IMAPTLSNone
	cfg.User = imapTestUser
	cfg.PasswordFile = e.passFile
	cfg.Address = imapTestRcpt
	cfg.PollInterval = 50 * time.Millisecond
	cfg.CommandTimeout = 5 * time.Second
	cfg.MaxBackoff = 200 * time.Millisecond
	return cfg
}

type imapRunningPoller struct {
	p       *IMAPPoller
	metrics *Metrics
	stop    func()
}

// start runs a poller until stop (or the end of the test); stop fails the test if Run
// does not return promptly.
func (e *imapEnv) start(t testing.TB, cfg IMAPConfig, ing Ingester, logger *slog.Logger) *imapRunningPoller {
	t.Helper()
	if ing == nil {
		ing = e.db
	}
	if logger == nil {
		logger = slog.New(slog.NewTextHandler(t.Output(), nil))
	}
	m := NewMetrics(nil)
	p, err := NewIMAPPoller(cfg, ing, e.spool, e.db, m, logger)
	if err != nil {
		t.Fatal(err)
	}
	p.minBackoff = 10 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx) }()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Run returned %v", err)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("Run did not return within 5s of cancel")
			}
		})
	}
	t.Cleanup(stop)
	return &imapRunningPoller{p: p, metrics: m, stop: stop}
}

func (rp *imapRunningPoller) polls() float64 {
	return imapCounter(rp.metrics.IMAPPolls.WithLabelValues(rp.p.key))
}

func (rp *imapRunningPoller) errors() float64 {
	return imapCounter(rp.metrics.IMAPErrors.WithLabelValues(rp.p.key))
}

func imapCounter(c prometheus.Counter) float64 {
	var m dto.Metric
	if err := c.Write(&m); err != nil {
		return -1
	}
	return m.GetCounter().GetValue()
}

// imapWaitFor polls cond every 10ms until it holds or the deadline passes.
func imapWaitFor(t testing.TB, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", d, what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// imapMessage is a test message with CRLF lines, 8-bit text and a bare LF, which the
// IMAP path must keep byte for byte.
func imapMessage(id string, bodyBytes int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: Rapporteur <rapporteur@example.com>\r\nTo: %s\r\n", imapTestRcpt)
	fmt.Fprintf(&b, "Subject: LS on %s\r\nMessage-ID: <%s@example.com>\r\n", id, id)
	b.WriteString("Content-Type: text/plain; charset=utf-8\r\n\r\n")
	b.WriteString("Réponse attendue avant la réunion.\r\nbare LF follows\nend\r\n")
	for b.Len() < bodyBytes {
		b.WriteString("Liaison statement body text.\r\n")
	}
	return b.Bytes()
}

func imapMsgID(id string) string { return "<" + id + "@example.com>" }

// imapTarget is a server the tests deliver to and inspect, as the test user.
type imapTarget struct {
	addr        string
	implicitTLS *tls.Config // nil: plaintext (loopback only)
}

func (tg imapTarget) client(t testing.TB) *imapclient.Client {
	t.Helper()
	var c *imapclient.Client
	var err error
	if tg.implicitTLS != nil {
		c, err = imapclient.DialTLS(tg.addr, &imapclient.Options{TLSConfig: tg.implicitTLS})
	} else {
		c, err = imapclient.DialInsecure(tg.addr, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	if err := c.Login(imapTestUser, imapTestPassword).Wait(); err != nil {
		t.Fatal(err)
	}
	return c
}

// append delivers raw to mailbox with APPEND and returns its UID.
func (tg imapTarget) append(t testing.TB, mailbox string, raw []byte, flags ...imap.Flag) imap.UID {
	t.Helper()
	c := tg.client(t)
	defer c.Logout()
	cmd := c.Append(mailbox, int64(len(raw)), &imap.AppendOptions{Flags: flags})
	if _, err := cmd.Write(raw); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := cmd.Wait()
	if err != nil {
		t.Fatal(err)
	}
	return data.UID
}

// flags returns the flags of every message in mailbox by UID (nil when the mailbox does
// not exist), and the mailbox's UIDVALIDITY.
func (tg imapTarget) flags(t testing.TB, mailbox string) (map[imap.UID][]imap.Flag, uint32) {
	t.Helper()
	c := tg.client(t)
	defer c.Logout()
	sel, err := c.Select(mailbox, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		return nil, 0
	}
	out := map[imap.UID][]imap.Flag{}
	if sel.NumMessages == 0 {
		return out, sel.UIDValidity
	}
	cmd := c.Fetch(imap.SeqSet{imap.SeqRange{Start: 1, Stop: 0}}, &imap.FetchOptions{UID: true, Flags: true})
	bufs, err := cmd.Collect() // flags only: small
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bufs {
		out[b.UID] = b.Flags
	}
	return out, sel.UIDValidity
}

// imapHasFlag compares case-insensitively, as IMAP does (servers may lower-case keywords).
func imapHasFlag(flags []imap.Flag, f imap.Flag) bool {
	return slices.ContainsFunc(flags, func(g imap.Flag) bool { return strings.EqualFold(string(g), string(f)) })
}

// imapRecorded returns the stored messages, oldest first.
func imapRecorded(t testing.TB, db *store.DB) []store.Message {
	t.Helper()
	msgs, err := db.Messages(context.Background(), store.MessageFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(msgs)
	return msgs
}

func imapCountRecorded(t testing.TB, db *store.DB) int { return len(imapRecorded(t, db)) }

func imapEvents(t testing.TB, db *store.DB, typ string) []store.Event {
	t.Helper()
	evs, err := db.Events(context.Background(), store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []store.Event
	for _, e := range evs {
		if e.Type == typ {
			out = append(out, e)
		}
	}
	return out
}

func imapState(t testing.TB, db *store.DB, key string) store.IMAPState {
	t.Helper()
	s, err := db.IMAPState(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestIMAPRecordsMarksSeenAndMoves(t *testing.T) {
	srv := startMemIMAP(t, imapCapsRev2, "", nil)
	m1, m2 := imapMessage("m1", 2000), imapMessage("m2", 100)
	srv.append(t, "INBOX", m1)
	srv.append(t, "INBOX", m2)

	env := newIMAPEnv(t)
	cfg := env.config(t, srv.addr)
	cfg.MoveTo = "Processed" // does not exist yet: created on TRYCREATE
	rp := env.start(t, cfg, nil, nil)

	imapWaitFor(t, imapWait, "two messages recorded", func() bool { return imapCountRecorded(t, env.db) == 2 })
	imapWaitFor(t, imapWait, "INBOX emptied", func() bool {
		inbox, _ := srv.flags(t, "INBOX")
		return len(inbox) == 0
	})
	moved, _ := srv.flags(t, "Processed")
	if len(moved) != 2 {
		t.Fatalf("Processed holds %d messages, want 2", len(moved))
	}
	for uid, flags := range moved {
		if !imapHasFlag(flags, imap.FlagSeen) {
			t.Errorf("moved message %d lacks \\Seen: %v", uid, flags)
		}
	}
	want := map[string][]byte{imapMsgID("m1"): m1, imapMsgID("m2"): m2}
	for i, m := range imapRecorded(t, env.db) {
		raw, err := env.db.Raw(context.Background(), m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(raw, want[m.MessageID]) {
			t.Errorf("message %s not byte-exact (%d bytes, want %d)", m.MessageID, len(raw), len(want[m.MessageID]))
		}
		wantOrigin := cfg.Key() + "/uid" + strconv.Itoa(i+1)
		if m.Source != store.SourceIMAP || m.Origin != wantOrigin || !slices.Equal(m.Rcpt, []string{imapTestRcpt}) || m.DuplicateOf != 0 {
			t.Errorf("message %d: source %q origin %q rcpt %v dup %d; want imap, %q, [%s], 0",
				m.ID, m.Source, m.Origin, m.Rcpt, m.DuplicateOf, wantOrigin, imapTestRcpt)
		}
	}
	// The last UID is saved once the message is marked, just after the move.
	imapWaitFor(t, imapWait, "state saved", func() bool { return imapState(t, env.db, cfg.Key()).LastUID == 2 })
	rp.stop()

	// A restart picks up where it left off: only the new message is recorded.
	m3 := imapMessage("m3", 100)
	srv.append(t, "INBOX", m3)
	env.start(t, cfg, nil, nil)
	imapWaitFor(t, imapWait, "third message recorded", func() bool { return imapCountRecorded(t, env.db) >= 3 })
	imapWaitFor(t, imapWait, "third message moved", func() bool {
		moved, _ := srv.flags(t, "Processed")
		return len(moved) == 3
	})
	if msgs := imapRecorded(t, env.db); len(msgs) != 3 || msgs[2].MessageID != imapMsgID("m3") {
		t.Fatalf("after restart: %d messages recorded, want 3 ending with m3", len(msgs))
	}
}

func TestIMAPSeenOnlyRestartDoesNotReRecord(t *testing.T) {
	srv := startMemIMAPWith(t, "s1", "s2")
	env := newIMAPEnv(t)
	cfg := env.config(t, srv.addr)
	rp := env.start(t, cfg, nil, nil)
	imapWaitFor(t, imapWait, "both messages \\Seen", func() bool {
		inbox, _ := srv.flags(t, "INBOX")
		return len(inbox) == 2 && imapHasFlag(inbox[1], imap.FlagSeen) && imapHasFlag(inbox[2], imap.FlagSeen)
	})
	rp.stop()
	if n := imapCountRecorded(t, env.db); n != 2 {
		t.Fatalf("%d messages recorded, want 2", n)
	}

	// After the restart the search is "UID 3:*", which still matches UID 2 (the highest);
	// it must not be recorded again. The poll counter moves only once a poll is complete.
	rp = env.start(t, cfg, nil, nil)
	imapWaitFor(t, imapWait, "a full poll after restart", func() bool { return rp.polls() >= 1 })
	if n := imapCountRecorded(t, env.db); n != 2 {
		t.Fatalf("after restart %d messages recorded, want still 2", n)
	}
	if inbox, _ := srv.flags(t, "INBOX"); len(inbox) != 2 {
		t.Fatalf("INBOX holds %d messages; nothing may be deleted", len(inbox))
	}
}

func TestIMAPUIDValidityChangeRescans(t *testing.T) {
	srv := startMemIMAP(t, imapCapsRev2, "", nil)
	ids := []string{"v1", "v2"}
	for _, id := range ids {
		srv.append(t, "INBOX", imapMessage(id, 100))
	}
	env := newIMAPEnv(t)
	cfg := env.config(t, srv.addr)
	cfg.MaxPerPoll = 2
	rp := env.start(t, cfg, nil, nil)
	imapWaitFor(t, imapWait, "two messages recorded", func() bool { return imapCountRecorded(t, env.db) == 2 })
	imapWaitFor(t, imapWait, "state saved", func() bool { return imapState(t, env.db, cfg.Key()).LastUID == 2 })
	rp.stop()
	oldValidity := imapState(t, env.db, cfg.Key()).UIDValidity

	// Recreating the mailbox gives it a new UIDVALIDITY and renumbers from 1.
	if err := srv.user.Delete("INBOX"); err != nil {
		t.Fatal(err)
	}
	if err := srv.user.Create("INBOX", nil); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"v1", "v2", "v3", "v4", "v5"} {
		srv.append(t, "INBOX", imapMessage(id, 100))
	}
	env.start(t, cfg, nil, nil)
	imapWaitFor(t, imapWait, "rescan recorded", func() bool { return imapCountRecorded(t, env.db) == 2+5 })
	imapWaitFor(t, imapWait, "state saved", func() bool { return imapState(t, env.db, cfg.Key()).LastUID == 5 })

	st := imapState(t, env.db, cfg.Key())
	if st.UIDValidity == oldValidity {
		t.Fatalf("UIDVALIDITY not updated: %+v", st)
	}
	byID := map[string][]store.Message{}
	for _, m := range imapRecorded(t, env.db) {
		byID[m.MessageID] = append(byID[m.MessageID], m)
	}
	for _, id := range ids {
		rows := byID[imapMsgID(id)]
		if len(rows) != 2 || rows[0].DuplicateOf != 0 || rows[1].DuplicateOf != rows[0].ID {
			t.Errorf("%s: want an original and a linked duplicate, got %+v", id, rows)
		}
	}
	for _, id := range []string{"v3", "v4", "v5"} {
		if rows := byID[imapMsgID(id)]; len(rows) != 1 || rows[0].DuplicateOf != 0 {
			t.Errorf("%s: want one original, got %+v", id, rows)
		}
	}
	if evs := imapEvents(t, env.db, "imap_uidvalidity"); len(evs) != 1 {
		t.Errorf("got %d imap_uidvalidity events, want 1", len(evs))
	}
}

func TestIMAPIdlePicksUpNewMailPromptly(t *testing.T) {
	srv := startMemIMAP(t, imapCapsRev2, "", nil)
	env := newIMAPEnv(t)
	cfg := env.config(t, srv.addr)
	cfg.PollInterval = time.Hour // only IDLE can bring the message in time
	cfg.MoveTo = "Processed"
	env.start(t, cfg, nil, nil)
	srv.waitIdle(t, 0)

	start := time.Now()
	srv.append(t, "INBOX", imapMessage("idle1", 100))
	imapWaitFor(t, imapWaitPrompt, "message recorded via IDLE", func() bool { return imapCountRecorded(t, env.db) == 1 })
	t.Logf("recorded %v after APPEND", time.Since(start).Round(time.Millisecond))
	srv.waitIdle(t, 1)
	srv.append(t, "INBOX", imapMessage("idle2", 100))
	imapWaitFor(t, imapWaitPrompt, "second message recorded via IDLE", func() bool { return imapCountRecorded(t, env.db) == 2 })
}

// Without MOVE the poller copies; without UIDPLUS too it must leave the original in
// place rather than EXPUNGE, which would also remove another client's \Deleted mail.
func TestIMAPMoveFallbacksNeverExpungeOthers(t *testing.T) {
	for _, tc := range []struct {
		name         string
		caps         imap.CapSet
		originalGoes bool
	}{
		{"copy+uid-expunge", imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapUIDPlus: {}}, true},
		{"copy-only", imapCapsRev1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := startMemIMAP(t, tc.caps, "", nil)
			other := srv.append(t, "INBOX", imapMessage("someone-elses", 100), imap.FlagDeleted)
			_, validity := srv.flags(t, "INBOX")
			env := newIMAPEnv(t)
			cfg := env.config(t, srv.addr)
			cfg.Idle = false
			cfg.MoveTo = "Processed"
			// The \Deleted message is not ours to process: start after it.
			if err := env.db.SetIMAPState(context.Background(), cfg.Key(), store.IMAPState{UIDValidity: validity, LastUID: uint32(other)}); err != nil {
				t.Fatal(err)
			}
			ours := srv.append(t, "INBOX", imapMessage("ours", 100))
			env.start(t, cfg, nil, nil)

			imapWaitFor(t, imapWait, "message copied", func() bool {
				moved, _ := srv.flags(t, "Processed")
				return len(moved) == 1
			})
			imapWaitFor(t, imapWait, "state saved", func() bool { return imapState(t, env.db, cfg.Key()).LastUID == uint32(ours) })
			inbox, _ := srv.flags(t, "INBOX")
			if _, ok := inbox[other]; !ok {
				t.Fatal("another client's \\Deleted message was expunged")
			}
			if _, ok := inbox[ours]; ok == tc.originalGoes {
				t.Fatalf("original still in INBOX: %v, want %v", ok, !tc.originalGoes)
			}
			if !tc.originalGoes && !imapHasFlag(inbox[ours], imap.FlagSeen) {
				t.Fatalf("original left in INBOX without \\Seen: %v", inbox[ours])
			}
			if n := imapCountRecorded(t, env.db); n != 1 {
				t.Fatalf("%d messages recorded, want 1", n)
			}
		})
	}
}

// imapFlakyIngester fails Ingest for one Message-ID, the first `fail` times (or always when
// fail is negative), with err (default: an injected failure).
type imapFlakyIngester struct {
	Ingester
	msgid string
	fail  int32
	err   error
	calls atomic.Int32
}

func (f *imapFlakyIngester) Ingest(ctx context.Context, env store.Envelope, raw store.RawMessage) (store.IngestResult, error) {
	if raw.MessageID == f.msgid {
		if n := f.calls.Add(1); f.fail < 0 || n <= f.fail {
			if f.err != nil {
				return store.IngestResult{}, f.err
			}
			return store.IngestResult{}, errors.New("injected storage failure")
		}
	}
	return f.Ingester.Ingest(ctx, env, raw)
}

func TestIMAPIngestFailureDoesNotBlockAndIsRetried(t *testing.T) {
	srv := startMemIMAPWith(t, "f1", "f2", "f3")
	env := newIMAPEnv(t)
	cfg := env.config(t, srv.addr)
	flaky := &imapFlakyIngester{Ingester: env.db, msgid: imapMsgID("f2"), fail: 2}
	rp := env.start(t, cfg, flaky, nil)

	imapWaitFor(t, imapWait, "all three recorded", func() bool { return imapCountRecorded(t, env.db) == 3 })
	imapWaitFor(t, imapWait, "state past all three", func() bool { return imapState(t, env.db, cfg.Key()).LastUID == 3 })
	msgs := imapRecorded(t, env.db)
	if got := []string{msgs[0].MessageID, msgs[1].MessageID, msgs[2].MessageID}; !slices.Equal(got, []string{imapMsgID("f1"), imapMsgID("f3"), imapMsgID("f2")}) {
		t.Errorf("recording order %v: f3 should not wait for f2", got)
	}
	if n := flaky.calls.Load(); n != 3 {
		t.Errorf("f2 ingested %d times, want 3 (two failures, one success)", n)
	}
	inbox, _ := srv.flags(t, "INBOX")
	for uid := imap.UID(1); uid <= 3; uid++ {
		if !imapHasFlag(inbox[uid], imap.FlagSeen) {
			t.Errorf("UID %d not \\Seen", uid)
		}
	}
	if rp.errors() < 2 {
		t.Errorf("IMAP error counter %v, want at least the 2 failures", rp.errors())
	}
}

func TestIMAPPoisonMessageIsGivenUp(t *testing.T) {
	srv := startMemIMAPWith(t, "p1", "p2", "p3")
	env := newIMAPEnv(t)
	cfg := env.config(t, srv.addr)
	cfg.MaxAttempts = 2
	flaky := &imapFlakyIngester{Ingester: env.db, msgid: imapMsgID("p2"), fail: -1}
	rp := env.start(t, cfg, flaky, nil)

	imapWaitFor(t, imapWait, "state past the poisoned message", func() bool { return imapState(t, env.db, cfg.Key()).LastUID == 3 })
	if n := imapCountRecorded(t, env.db); n != 2 {
		t.Fatalf("%d messages recorded, want 2", n)
	}
	failed := imapEvents(t, env.db, store.EventFailed)
	if len(failed) != 1 || failed[0].Detail["origin"] != cfg.Key()+"/uid2" {
		t.Fatalf("failed events %+v, want one for uid2", failed)
	}
	inbox, _ := srv.flags(t, "INBOX")
	if imapHasFlag(inbox[2], imap.FlagSeen) || !imapHasFlag(inbox[2], skipKeyword) {
		t.Fatalf("poisoned message flags %v: want %s and not \\Seen", inbox[2], skipKeyword)
	}
	rp.stop()

	// After a restart it is not tried again.
	calls := flaky.calls.Load()
	rp = env.start(t, cfg, flaky, nil)
	imapWaitFor(t, imapWait, "a full poll", func() bool { return rp.polls() >= 1 })
	if flaky.calls.Load() != calls {
		t.Fatal("poisoned message fetched again after restart")
	}
}

// TestIMAPDatabaseFullNeverGivesUp: a message the database cannot take because the disk
// is full (SQLITE_FULL) is tried more often than max_attempts but never given up, as an
// SMTP sender retries after 451; it is recorded once there is room. It used to count as
// the message's failure and be flagged $LiaisondSkipped after max_attempts.
func TestIMAPDatabaseFullNeverGivesUp(t *testing.T) {
	srv := startMemIMAPWith(t, "d1", "d2")
	env := newIMAPEnv(t)
	cfg := env.config(t, srv.addr)
	cfg.MaxAttempts, cfg.MaxBackoff = 2, 40*time.Millisecond
	full := &imapFlakyIngester{Ingester: env.db, msgid: imapMsgID("d1"), fail: 3 * int32(cfg.MaxAttempts), err: testutil.SQLiteFullError(t)}
	env.start(t, cfg, full, nil)

	imapWaitFor(t, imapWait, "both recorded", func() bool { return imapState(t, env.db, cfg.Key()).LastUID == 2 })
	if n := full.calls.Load(); n != full.fail+1 {
		t.Errorf("d1 ingested %d times, want %d (every full-disk failure retried, then recorded)", n, full.fail+1)
	}
	inbox, _ := srv.flags(t, "INBOX")
	if failed := imapEvents(t, env.db, store.EventFailed); len(failed) != 0 || imapHasFlag(inbox[1], skipKeyword) ||
		!imapHasFlag(inbox[1], imap.FlagSeen) || imapCountRecorded(t, env.db) != 2 {
		t.Fatalf("given up on while the database was full: failed events %v, flags %v", failed, inbox[1])
	}
}

func TestIMAPOversizeMessageRejectedAndSkipped(t *testing.T) {
	srv := startMemIMAP(t, imapCapsRev2, "", nil)
	srv.append(t, "INBOX", imapMessage("big", 5000))
	srv.append(t, "INBOX", imapMessage("small", 100))
	env := newIMAPEnv(t)
	cfg := env.config(t, srv.addr)
	cfg.MaxMessageBytes = 2000
	cfg.MoveTo = "Processed"
	rp := env.start(t, cfg, nil, nil)

	imapWaitFor(t, imapWait, "state past both", func() bool { return imapState(t, env.db, cfg.Key()).LastUID == 2 })
	if msgs := imapRecorded(t, env.db); len(msgs) != 1 || msgs[0].MessageID != imapMsgID("small") {
		t.Fatalf("recorded %+v, want only the small message", msgs)
	}
	rejected := imapEvents(t, env.db, store.EventRejected)
	if len(rejected) != 1 || rejected[0].Detail["reason"] != "size" || rejected[0].Detail["origin"] != cfg.Key()+"/uid1" {
		t.Fatalf("rejected events %+v, want one size rejection of uid1", rejected)
	}
	inbox, _ := srv.flags(t, "INBOX")
	if len(inbox) != 1 || imapHasFlag(inbox[1], imap.FlagSeen) || !imapHasFlag(inbox[1], skipKeyword) {
		t.Fatalf("INBOX %v: want only the big message, flagged %s, not \\Seen", inbox, skipKeyword)
	}
	rp.stop()

	rp = env.start(t, cfg, nil, nil)
	imapWaitFor(t, imapWait, "a full poll", func() bool { return rp.polls() >= 1 })
	if n := len(imapEvents(t, env.db, store.EventRejected)); n != 1 {
		t.Fatalf("%d rejected events after restart, want still 1", n)
	}
}

func TestIMAPReconnectsAfterServerDrop(t *testing.T) {
	srv := startMemIMAP(t, imapCapsRev2, "", nil)
	env := newIMAPEnv(t)
	cfg := env.config(t, srv.addr)
	cfg.PollInterval = time.Hour
	rp := env.start(t, cfg, nil, nil)
	srv.waitIdle(t, 0)

	srv.ln.dropAll()
	imapWaitFor(t, imapWait, "the drop noticed", func() bool { return rp.errors() >= 1 })
	srv.waitIdle(t, 1) // idling again on a new connection
	srv.append(t, "INBOX", imapMessage("after-drop", 100))
	imapWaitFor(t, imapWait, "message recorded after reconnecting", func() bool { return imapCountRecorded(t, env.db) == 1 })
}

func TestIMAPTLSModes(t *testing.T) {
	certFile, _, cert := testutil.SelfSignedCert(t, t.TempDir())
	for _, mode := range []string{IMAPTLSImplicit, IMAPTLSStartTLS} {
		t.Run(mode, func(t *testing.T) {
			srv := startMemIMAP(t, imapCapsRev2, mode, &cert)
			srv.append(t, "INBOX", imapMessage("tls-"+mode, 100)) // plaintext LOGIN is fine for the test client
			env := newIMAPEnv(t)

			// Without the CA the certificate is refused and nothing is fetched.
			cfg := env.config(t, srv.addr)
			cfg.TLS = mode
			rp := env.start(t, cfg, nil, nil)
			imapWaitFor(t, imapWait, "refused certificate", func() bool { return rp.errors() >= 1 })
			rp.stop()
			if n := imapCountRecorded(t, env.db); n != 0 {
				t.Fatalf("recorded %d messages over an unverified connection", n)
			}

			cfg.CAFile = certFile
			env.start(t, cfg, nil, nil)
			imapWaitFor(t, imapWait, "message recorded over TLS", func() bool { return imapCountRecorded(t, env.db) == 1 })
		})
	}
}

func TestIMAPTranscriptNeverLogsPassword(t *testing.T) {
	srv := startMemIMAP(t, imapCapsRev2, "", nil)
	srv.append(t, "INBOX", imapMessage("t1", 100))
	env := newIMAPEnv(t)
	cfg := env.config(t, srv.addr)
	cfg.DebugTranscript = true
	var logs testutil.LockedBuffer
	rp := env.start(t, cfg, nil, slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	imapWaitFor(t, imapWait, "message recorded", func() bool { return imapCountRecorded(t, env.db) == 1 })
	rp.stop()
	out := logs.String()
	if strings.Contains(out, imapTestPassword) {
		t.Fatal("the password appears in the log")
	}
	if !strings.Contains(out, "UID SEARCH") || !strings.Contains(out, "imap transcript") {
		t.Fatalf("transcript missing from the debug log:\n%s", out)
	}
}

func TestIMAPConfig(t *testing.T) {
	if err := DefaultIMAPConfig().Validate(); err == nil {
		t.Fatal("defaults without host and user validate")
	}
	good := DefaultIMAPConfig()
	good.Host, good.User, good.PasswordEnv = "imap.example.org", "statements", "LIAISOND_TEST_IMAP_PW"
	if err := good.Validate(); err != nil {
		t.Fatalf("good config: %v", err)
	}
	if got := good.Key(); got != "statements@imap.example.org:993/INBOX" {
		t.Errorf("Key() = %q", got)
	}
	for name, mutate := range map[string]func(*IMAPConfig){
		"no host":        func(c *IMAPConfig) { c.Host = "" },
		"bad port":       func(c *IMAPConfig) { c.Port = 70000 },
		"bad tls":        func(c *IMAPConfig) { c.TLS = "ssl" },
		"two passwords":  func(c *IMAPConfig) { c.PasswordFile = "/x" },
		"no password":    func(c *IMAPConfig) { c.PasswordEnv = "" },
		"move to self":   func(c *IMAPConfig) { c.MoveTo = "INBOX" },
		"zero timeout":   func(c *IMAPConfig) { c.CommandTimeout = 0 },
		"zero max bytes": func(c *IMAPConfig) { c.MaxMessageBytes = 0 },
		"zero per poll":  func(c *IMAPConfig) { c.MaxPerPoll = 0 },
	} {
		c := good
		mutate(&c)
		if c.Validate() == nil {
			t.Errorf("%s: validated", name)
		}
	}

	env := newIMAPEnv(t)
	m, discard := NewMetrics(nil), slog.New(slog.DiscardHandler)
	if _, err := NewIMAPPoller(good, env.db, env.spool, env.db, m, discard); err == nil {
		t.Error("poller created although the password variable is unset")
	}
	t.Setenv("LIAISOND_TEST_IMAP_PW", "from-env")
	if pw, err := good.password(); err != nil || pw != "from-env" {
		t.Errorf("password from env = %q, %v", pw, err)
	}
	fromFile := good
	fromFile.PasswordEnv, fromFile.PasswordFile = "", env.passFile
	if pw, err := fromFile.password(); err != nil || pw != imapTestPassword {
		t.Errorf("password from file = %q, %v", pw, err)
	}
	withCA := good
	withCA.CAFile = env.passFile // not PEM
	if _, err := NewIMAPPoller(withCA, env.db, env.spool, env.db, m, discard); err == nil {
		t.Error("poller created with a ca_file that holds no certificate")
	}
}

func TestIMAPUIDsAfter(t *testing.T) {
	for _, tc := range []struct {
		set       imap.UIDSet
		after     imap.UID
		n         int
		want      []imap.UID
		truncated bool
	}{
		{imap.UIDSetNum(5), 7, 10, nil, false}, // "8:*" matching the highest, UID 5
		{imap.UIDSet{{Start: 1, Stop: 4}, {Start: 9, Stop: 9}}, 2, 10, []imap.UID{3, 4, 9}, false},
		{imap.UIDSet{{Start: 1, Stop: 4294967295}}, 0, 3, []imap.UID{1, 2, 3}, true},
		{imap.UIDSet{{Start: 9, Stop: 7}, {Start: 8, Stop: 8}}, 0, 10, []imap.UID{7, 8, 9}, false},
		{imap.UIDSet{{Start: 4294967295, Stop: 4294967295}}, 4294967294, 10, []imap.UID{4294967295}, false},
		{imap.UIDSet{{Start: 3, Stop: 0}}, 0, 10, []imap.UID{3}, false},
	} {
		got, truncated := uidsAfter(tc.set, tc.after, tc.n)
		if !slices.Equal(got, tc.want) || truncated != tc.truncated {
			t.Errorf("uidsAfter(%v, %d, %d) = %v, %v; want %v, %v", tc.set, tc.after, tc.n, got, truncated, tc.want, tc.truncated)
		}
	}
}

func TestIMAPBackoffCappedWithJitter(t *testing.T) {
	b := backoff{min: 10 * time.Millisecond, max: 80 * time.Millisecond}
	for i := range 20 {
		d := b.next()
		limit := min(10*time.Millisecond<<i, 80*time.Millisecond)
		if d <= 0 || d > limit {
			t.Fatalf("attempt %d: %v outside (0, %v]", i, d, limit)
		}
	}
	b.reset()
	if d := b.next(); d > 10*time.Millisecond {
		t.Fatalf("after reset: %v", d)
	}
}

// Behaviours of scriptedIMAP once it has answered enough for a poll.
const (
	scriptSilent     = iota // never even greets
	scriptStallBody         // stops in the middle of the message body
	scriptCutBody           // closes the connection in the middle of the body
	scriptUnderstate        // says RFC822.SIZE 100, then sends a 5000-byte body
)

// scriptedIMAP is a server with one message (UID 1) that misbehaves as told.
func scriptedIMAP(t testing.TB, script int) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go serveScriptedIMAP(c, script)
		}
	}()
	return l.Addr().String()
}

func serveScriptedIMAP(c net.Conn, script int) {
	defer c.Close()
	if script == scriptSilent {
		io.Copy(io.Discard, c) // until the client gives up
		return
	}
	io.WriteString(c, "* OK [CAPABILITY IMAP4rev1] scripted test server\r\n")
	lines := bufio.NewScanner(c)
	for lines.Scan() {
		tag, cmd, _ := strings.Cut(strings.TrimSuffix(lines.Text(), "\r"), " ")
		up := strings.ToUpper(cmd)
		var reply string
		switch {
		case strings.HasPrefix(up, "CAPABILITY"):
			reply = "* CAPABILITY IMAP4rev1\r\n" + tag + " OK done\r\n"
		case strings.HasPrefix(up, "LOGIN"):
			reply = tag + " OK [CAPABILITY IMAP4rev1] logged in\r\n"
		case strings.HasPrefix(up, "SELECT"):
			reply = "* 1 EXISTS\r\n* OK [UIDVALIDITY 7] ok\r\n* OK [PERMANENTFLAGS ()] ok\r\n" + tag + " OK [READ-WRITE] selected\r\n"
		case strings.HasPrefix(up, "UID SEARCH"):
			reply = "* SEARCH 1\r\n" + tag + " OK done\r\n"
		case strings.HasPrefix(up, "UID FETCH") && strings.Contains(up, "RFC822.SIZE"):
			reply = "* 1 FETCH (UID 1 RFC822.SIZE 100)\r\n" + tag + " OK done\r\n"
		case strings.HasPrefix(up, "UID FETCH") && script == scriptUnderstate:
			reply = "* 1 FETCH (UID 1 BODY[] {5000}\r\n" + strings.Repeat("x", 5000) + ")\r\n" + tag + " OK done\r\n"
		case strings.HasPrefix(up, "UID FETCH"):
			io.WriteString(c, "* 1 FETCH (UID 1 BODY[] {1000}\r\nFrom: a@example.com\r\n")
			if script == scriptStallBody {
				io.Copy(io.Discard, c) // and nothing more
			}
			return
		case strings.HasPrefix(up, "NOOP"):
			reply = tag + " OK done\r\n"
		default:
			reply = tag + " BAD not in this script\r\n"
		}
		io.WriteString(c, reply)
	}
}

func TestIMAPCommandTimeouts(t *testing.T) {
	t.Run("no greeting", func(t *testing.T) {
		env := newIMAPEnv(t)
		cfg := env.config(t, scriptedIMAP(t, scriptSilent))
		cfg.CommandTimeout = 100 * time.Millisecond
		var logs testutil.LockedBuffer
		rp := env.start(t, cfg, nil, slog.New(slog.NewTextHandler(&logs, nil)))
		imapWaitFor(t, imapWaitPrompt, "two timed-out connections", func() bool { return rp.errors() >= 2 })
		rp.stop()
		if !strings.Contains(logs.String(), "no answer within 100ms") {
			t.Fatalf("timeout not reported:\n%s", logs.String())
		}
	})
	t.Run("body stalls", func(t *testing.T) {
		// Each stalled fetch counts as a failed attempt; after MaxAttempts the message is
		// given up on, so it cannot hold the mailbox.
		env := newIMAPEnv(t)
		cfg := env.config(t, scriptedIMAP(t, scriptStallBody))
		cfg.CommandTimeout = 150 * time.Millisecond
		cfg.MaxAttempts = 2
		cfg.PollInterval = 10 * time.Millisecond
		env.start(t, cfg, nil, nil)
		imapWaitFor(t, imapWait, "stalled message given up", func() bool { return imapState(t, env.db, cfg.Key()).LastUID == 1 })
		failed := imapEvents(t, env.db, store.EventFailed)
		if len(failed) != 1 || !strings.Contains(fmt.Sprint(failed[0].Detail["error"]), "no answer within") {
			t.Fatalf("failed events %+v, want one timeout", failed)
		}
		if n := imapCountRecorded(t, env.db); n != 0 {
			t.Fatalf("%d messages recorded from a truncated body", n)
		}
	})
}

// A server that breaks off or lies about a message must neither block the mailbox nor
// get a truncated or oversized message recorded.
func TestIMAPMisbehavingServer(t *testing.T) {
	t.Run("body cut off", func(t *testing.T) {
		env := newIMAPEnv(t)
		cfg := env.config(t, scriptedIMAP(t, scriptCutBody))
		cfg.MaxAttempts = 2
		cfg.PollInterval = 10 * time.Millisecond
		env.start(t, cfg, nil, nil)
		imapWaitFor(t, imapWait, "message given up", func() bool { return imapState(t, env.db, cfg.Key()).LastUID == 1 })
		failed := imapEvents(t, env.db, store.EventFailed)
		if len(failed) != 1 || !strings.Contains(fmt.Sprint(failed[0].Detail["error"]), "inside a message") {
			t.Fatalf("failed events %+v, want one for the cut-off body", failed)
		}
		if n := imapCountRecorded(t, env.db); n != 0 {
			t.Fatalf("%d messages recorded from a truncated body", n)
		}
	})
	t.Run("size understated", func(t *testing.T) {
		env := newIMAPEnv(t)
		cfg := env.config(t, scriptedIMAP(t, scriptUnderstate))
		cfg.MaxMessageBytes = 1000
		env.start(t, cfg, nil, nil)
		imapWaitFor(t, imapWait, "message rejected", func() bool { return imapState(t, env.db, cfg.Key()).LastUID == 1 })
		rejected := imapEvents(t, env.db, store.EventRejected)
		if len(rejected) != 1 || rejected[0].Detail["reason"] != "size" {
			t.Fatalf("rejected events %+v, want one size rejection", rejected)
		}
		if n := imapCountRecorded(t, env.db); n != 0 {
			t.Fatalf("%d messages recorded over the limit", n)
		}
	})
}
