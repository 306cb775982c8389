package mail

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/netip"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/liaisond/liaisond/store"
)

// IMAP transport security modes (IMAPConfig.TLS).
const (
	IMAPTLSImplicit = "implicit" // TLS from the first byte (port 993)
	IMAPTLSStartTLS = "starttls" // plain connection upgraded with STARTTLS (port 143)
	IMAPTLSNone     = "none"     // cleartext; only sensible on loopback
)

// IMAPConfig configures the polling of one mailbox (one [[imap]] section).
type IMAPConfig struct {
	// Host and Port of the IMAP server (993 is implicit TLS; STARTTLS and plain
	// connections usually need port 143).
	Host string `toml:"host"`
	Port int    `toml:"port"`
	// TLS is "implicit", "starttls" or "none" (warned about unless the host is loopback).
	TLS string `toml:"tls"`
	// CAFile is a PEM file of extra CAs to trust, for servers with a private certificate.
	CAFile string `toml:"ca_file"`
	// User logs in; the password comes from PasswordFile or from the environment variable
	// named by PasswordEnv (exactly one of the two), never from the config file itself.
	User         string `toml:"user"`
	PasswordFile string `toml:"password_file"`
	PasswordEnv  string `toml:"password_env"`
	// Mailbox is polled; recorded messages are marked \Seen and, when MoveTo is set,
	// moved there (created if missing). Nothing is ever deleted: without MOVE, a move is
	// COPY plus UID EXPUNGE of that one message, or just COPY without UIDPLUS.
	Mailbox string `toml:"mailbox"`
	MoveTo  string `toml:"move_to"`
	// Address is the intake address this mailbox stands for, recorded as the envelope
	// recipient ("" records none).
	Address string `toml:"address"`
	// PollInterval is the wait between polls when IDLE is off or unsupported, and the
	// first retry delay of a message that failed.
	PollInterval time.Duration `toml:"poll_interval"`
	// Idle uses IMAP IDLE (RFC 2177) when the server has it, so new mail is seen at once.
	Idle bool `toml:"idle"`
	// CommandTimeout bounds every command; for a message body it is the longest time
	// without any bytes arriving.
	CommandTimeout time.Duration `toml:"command_timeout"`
	// MaxBackoff caps the delay between reconnection attempts.
	MaxBackoff time.Duration `toml:"max_backoff"`
	// MaxMessageBytes: larger messages are not fetched; they get a "rejected" event and
	// are left in the mailbox, flagged $LiaisondSkipped.
	MaxMessageBytes int64 `toml:"max_message_bytes"`
	// MaxHeaderBytes caps the header section, as for SMTP.
	MaxHeaderBytes int `toml:"max_header_bytes"`
	// MaxPerPoll bounds the messages handled before the next search.
	MaxPerPoll int `toml:"max_per_poll"`
	// MaxAttempts is how often a message is tried before it gets a "failed" event and is
	// skipped, so that one poisoned message cannot block the mailbox.
	MaxAttempts int `toml:"max_attempts"`
	// DebugTranscript logs the IMAP exchange at debug level (LOGIN left out).
	DebugTranscript bool `toml:"debug_transcript"`
}

// DefaultIMAPConfig returns the settings used for whatever a [[imap]] section omits.
func DefaultIMAPConfig() IMAPConfig {
	return IMAPConfig{
		Port:            993,
		TLS:             IMAPTLSImplicit,
		Mailbox:         "INBOX",
		PollInterval:    time.Minute,
		Idle:            true,
		CommandTimeout:  time.Minute,
		MaxBackoff:      10 * time.Minute,
		MaxMessageBytes: 32 << 20,
		MaxHeaderBytes:  1 << 20,
		MaxPerPoll:      100,
		MaxAttempts:     5,
	}
}

// Validate reports the first setting that cannot work.
func (c IMAPConfig) Validate() error {
	switch {
	case c.Host == "" || c.User == "":
		return errors.New("imap: host and user are required")
	case c.Port <= 0 || c.Port > 65535:
		return fmt.Errorf("imap: port %d out of range", c.Port)
	case c.TLS != IMAPTLSImplicit && c.TLS != IMAPTLSStartTLS && c.TLS != IMAPTLSNone:
		return fmt.Errorf("imap: tls must be %q, %q or %q, not %q", IMAPTLSImplicit, IMAPTLSStartTLS, IMAPTLSNone, c.TLS)
	case (c.PasswordFile == "") == (c.PasswordEnv == ""):
		return errors.New("imap: exactly one of password_file and password_env is required")
	case c.Mailbox == "" || c.MoveTo == c.Mailbox:
		return errors.New("imap: mailbox is required and move_to must differ from it")
	case c.PollInterval <= 0 || c.CommandTimeout <= 0 || c.MaxBackoff <= 0:
		return errors.New("imap: poll_interval, command_timeout and max_backoff must be positive")
	case c.MaxMessageBytes <= 0 || c.MaxHeaderBytes <= 0 || c.MaxPerPoll <= 0 || c.MaxAttempts <= 0:
		return errors.New("imap: max_message_bytes, max_header_bytes, max_per_poll and max_attempts must be positive")
	}
	return nil
}

// Key names the mailbox in the store, the logs and the metrics: user@host:port/mailbox.
func (c IMAPConfig) Key() string {
	return c.User + "@" + net.JoinHostPort(c.Host, strconv.Itoa(c.Port)) + "/" + c.Mailbox
}

// password reads the secret afresh on each connection, so a rotated file is picked up.
func (c IMAPConfig) password() (string, error) {
	if c.PasswordEnv != "" {
		pw, ok := os.LookupEnv(c.PasswordEnv)
		if !ok || pw == "" {
			return "", fmt.Errorf("imap: environment variable %s is empty", c.PasswordEnv)
		}
		return pw, nil
	}
	b, err := os.ReadFile(c.PasswordFile)
	if err != nil {
		return "", fmt.Errorf("imap: password_file: %w", err)
	}
	pw := strings.TrimRight(string(b), "\r\n")
	if pw == "" {
		return "", fmt.Errorf("imap: password_file %s is empty", c.PasswordFile)
	}
	return pw, nil
}

func (c IMAPConfig) tlsConfig() (*tls.Config, error) {
	cfg := &tls.Config{ServerName: c.Host, MinVersion: tls.VersionTLS12}
	if c.CAFile == "" {
		return cfg, nil
	}
	pem, err := os.ReadFile(c.CAFile)
	if err != nil {
		return nil, fmt.Errorf("imap: ca_file: %w", err)
	}
	pool, err := x509.SystemCertPool()
	if err != nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("imap: ca_file %s holds no PEM certificate", c.CAFile)
	}
	cfg.RootCAs = pool
	return cfg, nil
}

func isLoopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.IsLoopback()
}

// IMAPStateStore keeps how far each mailbox has been recorded; *store.DB implements it.
type IMAPStateStore interface {
	IMAPState(ctx context.Context, mailbox string) (store.IMAPState, error)
	SetIMAPState(ctx context.Context, mailbox string, s store.IMAPState) error
}

// skipKeyword flags, on the server, a message that was given up on (too large, or failed
// MaxAttempts times), so that people see it and a rescan after a UIDVALIDITY change does
// not fetch it again.
const skipKeyword imap.Flag = "$LiaisondSkipped"

// idleRefresh is how long one IDLE lasts before a fresh poll: RFC 2177 asks clients to
// re-issue IDLE at least every 29 minutes, and the poll is a safety net for lost
// notifications. Without IDLE, a connection waiting longer sends NOOP at this interval.
const idleRefresh = 25 * time.Minute

// IMAPPoller records the messages of one mailbox. A message is marked \Seen (and moved)
// only after Ingest has made it durable, and the saved last UID never passes a message
// that is neither recorded nor given up on (with an event), so a crash at any point
// leads at worst to a re-fetch, which the store links as a duplicate.
type IMAPPoller struct {
	cfg     IMAPConfig
	key     string
	ing     Ingester
	spool   *Spooler
	st      IMAPStateStore
	metrics *Metrics
	log     *slog.Logger
	tls     *tls.Config

	// Tunables that tests shorten.
	minBackoff  time.Duration
	idleRefresh time.Duration

	// Progress above the saved last UID, kept across reconnections and reset when
	// UIDVALIDITY changes. Only Run's goroutine touches it.
	validity uint32
	last     imap.UID
	finished map[imap.UID]bool          // recorded and marked, rejected, or given up
	recorded map[imap.UID]bool          // recorded but not yet marked \Seen/moved
	pending  map[imap.UID]*imapAttempts // failed, to be retried
	warned   map[string]bool            // one-time warnings already logged
}

type imapAttempts struct {
	failures int
	next     time.Time
}

// NewIMAPPoller checks the configuration (including that the password can be read) and
// prepares a poller; Run polls.
func NewIMAPPoller(cfg IMAPConfig, ing Ingester, spool *Spooler, st IMAPStateStore, m *Metrics, logger *slog.Logger) (*IMAPPoller, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if _, err := cfg.password(); err != nil {
		return nil, err
	}
	tlsCfg, err := cfg.tlsConfig()
	if err != nil {
		return nil, err
	}
	p := &IMAPPoller{
		cfg: cfg, key: cfg.Key(), ing: ing, spool: spool, st: st, metrics: m, tls: tlsCfg,
		log:         logger.With("imap", cfg.Key()),
		minBackoff:  time.Second,
		idleRefresh: idleRefresh,
		warned:      map[string]bool{},
	}
	p.resetProgress(0, 0)
	if cfg.TLS == IMAPTLSNone && !isLoopbackHost(cfg.Host) {
		p.log.Warn("IMAP without TLS to a non-loopback host: the password and mail cross the network in clear")
	}
	return p, nil
}

func (p *IMAPPoller) resetProgress(validity uint32, last imap.UID) {
	p.validity, p.last = validity, last
	p.finished = map[imap.UID]bool{}
	p.recorded = map[imap.UID]bool{}
	p.pending = map[imap.UID]*imapAttempts{}
}

// Run polls until ctx is cancelled, reconnecting after any failure with capped
// exponential backoff and full jitter; it returns nil once ctx is cancelled. Cancelling
// closes the connection, so a blocked IDLE or read returns at once; a message already
// recorded is still marked first.
func (p *IMAPPoller) Run(ctx context.Context) error {
	bo := backoff{min: p.minBackoff, max: p.cfg.MaxBackoff}
	for cid := uint64(1); ; cid++ {
		log := p.log.With("cid", cid)
		err := p.session(ctx, log, bo.reset)
		if ctx.Err() != nil {
			return nil
		}
		p.metrics.IMAPErrors.WithLabelValues(p.key).Inc()
		d := bo.next()
		log.Warn("IMAP session failed; reconnecting", "err", err, "retry_in", d.Round(time.Millisecond))
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
	}
}

// session is one connection: log in, select, then poll and wait until something fails.
func (p *IMAPPoller) session(ctx context.Context, log *slog.Logger, polled func()) error {
	cn, err := p.connect(ctx, log)
	if err != nil {
		return err
	}
	defer cn.close()
	if err := p.selectMailbox(ctx, cn); err != nil {
		return err
	}
	for {
		more, err := p.poll(ctx, cn)
		if err != nil {
			return err
		}
		p.metrics.IMAPPolls.WithLabelValues(p.key).Inc()
		polled()
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if more {
			continue
		}
		if err := p.wait(ctx, cn); err != nil {
			return err
		}
	}
}

// selectMailbox selects the mailbox and reconciles its UIDVALIDITY with the saved state.
func (p *IMAPPoller) selectMailbox(ctx context.Context, cn *imapConn) error {
	var sel *imap.SelectData
	err := cn.do(ctx, func() (err error) {
		sel, err = cn.c.Select(p.cfg.Mailbox, nil).Wait()
		return err
	})
	if err != nil {
		return fmt.Errorf("select %s: %w", p.cfg.Mailbox, err)
	}
	if sel.UIDValidity == 0 {
		return fmt.Errorf("select %s: server reported no UIDVALIDITY", p.cfg.Mailbox)
	}
	if err := cn.do(ctx, func() error { cn.caps = cn.c.Caps(); return nil }); err != nil {
		return err
	}
	saved, err := p.st.IMAPState(ctx, p.key)
	if err != nil {
		return fmt.Errorf("load IMAP state: %w", err)
	}
	if saved.UIDValidity == sel.UIDValidity {
		if p.validity != sel.UIDValidity || imap.UID(saved.LastUID) != p.last {
			p.resetProgress(saved.UIDValidity, imap.UID(saved.LastUID))
		}
		return nil
	}
	// Every UID we knew is meaningless now: start over. Messages recorded before come
	// back as duplicates, which the store links instead of storing twice.
	if saved.UIDValidity != 0 {
		cn.log.Warn("UIDVALIDITY changed; rescanning the mailbox", "old", saved.UIDValidity, "new", sel.UIDValidity)
	}
	p.resetProgress(sel.UIDValidity, 0)
	if err := p.st.SetIMAPState(ctx, p.key, store.IMAPState{UIDValidity: sel.UIDValidity}); err != nil {
		return fmt.Errorf("save IMAP state: %w", err)
	}
	return nil
}

// poll records what arrived since the last UID, at most MaxPerPoll messages; more says
// that further messages are waiting.
func (p *IMAPPoller) poll(ctx context.Context, cn *imapConn) (more bool, err error) {
	all, truncated, err := p.search(ctx, cn)
	if err != nil {
		return false, err
	}
	if !truncated {
		p.forgetVanished(all)
	}
	var due []imap.UID
	now := time.Now()
	for _, uid := range all {
		if a := p.pending[uid]; !p.finished[uid] && (a == nil || !now.Before(a.next)) {
			due = append(due, uid)
		}
	}
	more = truncated || len(due) > p.cfg.MaxPerPoll
	due = due[:min(len(due), p.cfg.MaxPerPoll)]
	if len(due) == 0 {
		return more, nil
	}
	sizes, err := p.fetchSizes(ctx, cn, due)
	if err != nil {
		return false, err
	}
	for _, uid := range due {
		if ctx.Err() != nil {
			return false, ctx.Err()
		}
		size, known := sizes[uid]
		err := p.handle(ctx, cn, uid, size, known)
		if aerr := p.advance(ctx, all); aerr != nil {
			return false, errors.Join(err, aerr)
		}
		if err != nil {
			return false, err
		}
	}
	return more, nil
}

// search returns, in ascending order, the UIDs above the last one recorded, enough of
// them to pick MaxPerPoll that still need work.
func (p *IMAPPoller) search(ctx context.Context, cn *imapConn) ([]imap.UID, bool, error) {
	criteria := &imap.SearchCriteria{
		UID:     []imap.UIDSet{{imap.UIDRange{Start: p.last + 1, Stop: 0}}},
		NotFlag: []imap.Flag{skipKeyword},
	}
	var data *imap.SearchData
	err := cn.do(ctx, func() (err error) {
		data, err = cn.c.UIDSearch(criteria, nil).Wait()
		return err
	})
	if err != nil {
		return nil, false, fmt.Errorf("uid search: %w", err)
	}
	set, _ := data.All.(imap.UIDSet)
	// "N:*" always matches the highest UID even when it is below N (RFC 3501 6.4.8), so
	// uidsAfter drops what is not above the last UID.
	uids, truncated := uidsAfter(set, p.last, p.cfg.MaxPerPoll+len(p.finished)+len(p.pending))
	return uids, truncated, nil
}

// uidsAfter lists in ascending order at most n UIDs of set that are above after. It
// walks the ranges instead of expanding the set, since a server may answer with a range
// as large as the UID space.
func uidsAfter(set imap.UIDSet, after imap.UID, n int) ([]imap.UID, bool) {
	var out []imap.UID
	truncated := false
	for _, r := range set {
		lo, hi := uint64(r.Start), uint64(r.Stop)
		if hi == 0 { // "*" has no place in a search result; keep the number we were given
			hi = lo
		}
		if lo > hi {
			lo, hi = hi, lo
		}
		lo = max(lo, uint64(after)+1)
		for u, taken := lo, 0; u <= hi; u, taken = u+1, taken+1 {
			if taken == n {
				truncated = true
				break
			}
			out = append(out, imap.UID(u))
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if len(out) > n {
		out, truncated = out[:n], true
	}
	return out, truncated
}

// forgetVanished drops retry bookkeeping for messages that are no longer in the mailbox
// (moved or deleted by someone else), so they do not keep waking the poller.
func (p *IMAPPoller) forgetVanished(all []imap.UID) {
	for uid := range p.pending {
		if _, found := slices.BinarySearch(all, uid); !found {
			delete(p.pending, uid)
		}
	}
}

// fetchSizes asks for the size of each message, so that oversized ones are never
// downloaded.
func (p *IMAPPoller) fetchSizes(ctx context.Context, cn *imapConn, uids []imap.UID) (map[imap.UID]int64, error) {
	sizes := make(map[imap.UID]int64, len(uids))
	err := cn.do(ctx, func() error {
		cmd := cn.c.Fetch(imap.UIDSetNum(uids...), &imap.FetchOptions{UID: true, RFC822Size: true})
		for msg := cmd.Next(); msg != nil; msg = cmd.Next() {
			var uid imap.UID
			var size int64 = -1
			for item := msg.Next(); item != nil; item = msg.Next() {
				switch item := item.(type) {
				case imapclient.FetchItemDataUID:
					uid = item.UID
				case imapclient.FetchItemDataRFC822Size:
					size = item.Size
				}
			}
			if uid != 0 && size >= 0 {
				sizes[uid] = size
			}
		}
		return cmd.Close()
	})
	if err != nil {
		return nil, fmt.Errorf("fetch sizes: %w", err)
	}
	return sizes, nil
}

// handle brings one message to a final state: recorded and marked, rejected, given up,
// or left for a retry. It returns an error only when the connection is no longer usable.
func (p *IMAPPoller) handle(ctx context.Context, cn *imapConn, uid imap.UID, size int64, sizeKnown bool) error {
	log := cn.log.With("uid", uid)
	if !p.recorded[uid] {
		if sizeKnown && size > p.cfg.MaxMessageBytes {
			return p.reject(ctx, cn, log, uid, "size", size)
		}
		msgid, err := p.record(ctx, cn, uid)
		var tl tooLargeError
		switch {
		case errors.As(err, &tl):
			return errors.Join(p.reject(ctx, cn, log, uid, "size", tl.size), err)
		case errors.Is(err, ErrHeaderTooLarge):
			return p.reject(ctx, cn, log, uid, "header_size", size)
		case err != nil && ctx.Err() != nil:
			return ctx.Err() // shutting down: not the message's fault
		case errors.Is(err, ErrSpool) || store.IsStorageFull(err):
			// Our own disk failed or is full (the spool file or the database), not the
			// message: it is tried again, however often, as an SMTP sender retries after
			// 451. Giving it up would leave it for a person.
			p.metrics.IMAPErrors.WithLabelValues(p.key).Inc()
			a := p.retryLater(uid)
			log.Error("cannot store the message locally; will retry", "err", err, "retry_in", time.Until(a.next).Round(time.Millisecond))
			return nil
		case err != nil:
			ferr := p.fail(ctx, cn, log, uid, err)
			if errors.As(err, new(connFailure)) {
				return errors.Join(ferr, err)
			}
			return ferr
		}
		log = log.With("message_id", msgid)
		p.recorded[uid] = true
	}
	if err := p.markRecorded(ctx, cn, log, uid); err != nil {
		return err
	}
	delete(p.recorded, uid)
	p.finished[uid] = true
	return nil
}

// tooLargeError: the body turned out larger than the limit (the server understated its
// size).
type tooLargeError struct{ size int64 }

func (e tooLargeError) Error() string {
	return fmt.Sprintf("message of %d bytes, larger than max_message_bytes", e.size)
}

// connFailure wraps an error after which the connection cannot be used any more.
type connFailure struct{ err error }

func (e connFailure) Error() string { return e.err.Error() }
func (e connFailure) Unwrap() error { return e.err }

// asConnFailure wraps err unless it is the server refusing a command (NO or BAD), which
// leaves the connection usable.
func asConnFailure(err error) error {
	var imapErr *imap.Error
	if err == nil || errors.As(err, &imapErr) {
		return err
	}
	return connFailure{err}
}

// record fetches one message into a spool and ingests it; it returns the Message-ID.
func (p *IMAPPoller) record(ctx context.Context, cn *imapConn, uid imap.UID) (string, error) {
	sp, err := p.spool.Create(SpoolLimits{MaxBytes: p.cfg.MaxMessageBytes, MaxHeaderBytes: p.cfg.MaxHeaderBytes})
	if err != nil {
		return "", err
	}
	defer sp.Remove()
	if err := p.fetchBody(ctx, cn, uid, sp); err != nil {
		return "", err
	}
	raw, err := sp.Finish()
	if err != nil {
		return "", err
	}
	env := store.Envelope{
		Source:     store.SourceIMAP,
		Origin:     p.key + "/uid" + strconv.FormatUint(uint64(uid), 10),
		ReceivedAt: time.Now(),
	}
	if p.cfg.Address != "" {
		env.Rcpt = []string{p.cfg.Address}
	}
	res, err := p.ing.Ingest(ctx, env, raw)
	if err != nil {
		return "", fmt.Errorf("ingest: %w", err)
	}
	p.metrics.Received.WithLabelValues(store.SourceIMAP).Inc()
	p.metrics.Bytes.WithLabelValues(store.SourceIMAP).Add(float64(raw.Size))
	cn.log.Info("message recorded", "uid", uid, "id", res.ID, "duplicate_of", res.DuplicateOf,
		"size", raw.Size, "message_id", raw.MessageID)
	return raw.MessageID, nil
}

// fetchBody streams BODY.PEEK[] (which leaves \Seen alone until the message is
// recorded) into the spool. The command timeout restarts whenever bytes arrive, so a
// large message on a slow link is fine but a stalled one is not.
func (p *IMAPPoller) fetchBody(ctx context.Context, cn *imapConn, uid imap.UID, sp *Spool) error {
	g := cn.watch(ctx)
	cmd := cn.c.Fetch(imap.UIDSetNum(uid), &imap.FetchOptions{
		UID:         true,
		BodySection: []*imap.FetchItemBodySection{{Peek: true}},
	})
	got := false
	var spoolErr error
	for msg := cmd.Next(); msg != nil; msg = cmd.Next() {
		for item := msg.Next(); item != nil; item = msg.Next() {
			body, ok := item.(imapclient.FetchItemDataBodySection)
			if !ok || body.Literal == nil {
				continue
			}
			var dst io.ReaderFrom = sp
			if got {
				dst = io.Discard.(io.ReaderFrom) // a second copy, from a confused server
			}
			dstErr, broken := p.readLiteral(cn, g, body.Literal, dst)
			if broken != nil {
				// imapclient's reader goes on after a failed literal read, and Close
				// would read the literal again, racing with it: abandon the command.
				// The connection is closed, so the reader ends on its own.
				if gerr := g.stop(); gerr != nil {
					return connFailure{gerr}
				}
				return connFailure{broken}
			}
			if !got {
				got, spoolErr = true, dstErr
			}
		}
	}
	err := cmd.Close()
	if gerr := g.stop(); gerr != nil {
		return connFailure{gerr}
	}
	switch {
	case spoolErr != nil:
		return spoolErr
	case err != nil:
		return fmt.Errorf("fetch body: %w", asConnFailure(err))
	case !got:
		return errors.New("fetch body: server returned no body")
	}
	return nil
}

// readLiteral copies a message literal into dst, always to its end (even after dst
// fails) so that imapclient never has to skip it. dstErr is dst's error; broken says
// the connection is unusable: it failed, ended early, or was closed here because the
// message is larger than the limit (the server understated its size).
func (p *IMAPPoller) readLiteral(cn *imapConn, g *watchdog, lit imap.LiteralReader, dst io.ReaderFrom) (dstErr, broken error) {
	if lit.Size() > p.cfg.MaxMessageBytes {
		// Refuse the bytes by closing, then read until that shows, which releases
		// imapclient's reader; only what it had buffered is read.
		cn.raw.Close()
		io.Copy(io.Discard, lit)
		err := tooLargeError{lit.Size()}
		return err, err
	}
	var n int64
	var readErr error
	r := readerFunc(func(b []byte) (int, error) {
		g.kick()
		m, err := lit.Read(b)
		n += int64(m)
		if err != nil && err != io.EOF {
			readErr = err
		}
		return m, err
	})
	_, dstErr = dst.ReadFrom(r)
	if dstErr != nil && readErr == nil {
		io.Copy(io.Discard, r) // the rest, at most MaxMessageBytes
	}
	switch {
	case readErr != nil:
		return dstErr, readErr
	case n != lit.Size():
		cn.raw.Close()
		return dstErr, fmt.Errorf("connection ended inside a message (%d of %d bytes)", n, lit.Size())
	}
	return dstErr, nil
}

// markRecorded sets \Seen and, when configured, moves the message. It runs even while
// shutting down, since the message is already recorded; each command keeps its timeout.
// A refusal by the server is logged and the message counts as done: it is recorded, and
// retrying would not change the answer.
func (p *IMAPPoller) markRecorded(ctx context.Context, cn *imapConn, log *slog.Logger, uid imap.UID) error {
	ctx = context.WithoutCancel(ctx)
	set := imap.UIDSetNum(uid)
	err := cn.do(ctx, func() error {
		return cn.c.Store(set, &imap.StoreFlags{Op: imap.StoreFlagsAdd, Silent: true, Flags: []imap.Flag{imap.FlagSeen}}, nil).Close()
	})
	if err := p.refused(log, "cannot mark the message \\Seen", err); err != nil {
		return err
	}
	if p.cfg.MoveTo == "" {
		return nil
	}
	return p.refused(log, "cannot move the message to "+p.cfg.MoveTo, p.move(ctx, cn, log, set))
}

// refused logs a command that the server refused and swallows it; other errors mean
// the connection failed and are returned.
func (p *IMAPPoller) refused(log *slog.Logger, what string, err error) error {
	var imapErr *imap.Error
	if errors.As(err, &imapErr) {
		p.metrics.IMAPErrors.WithLabelValues(p.key).Inc()
		log.Error(what, "err", err)
		return nil
	}
	return err
}

// move moves a recorded message with MOVE (RFC 6851). Without MOVE it copies, then
// removes the original only by UID EXPUNGE (UIDPLUS): a plain EXPUNGE would also remove
// every other message someone had flagged \Deleted. Without either the original stays,
// marked \Seen.
func (p *IMAPPoller) move(ctx context.Context, cn *imapConn, log *slog.Logger, set imap.UIDSet) error {
	if cn.caps.Has(imap.CapMove) {
		return p.tryCreate(ctx, cn, func() error {
			_, err := cn.c.Move(set, p.cfg.MoveTo).Wait()
			return err
		})
	}
	err := p.tryCreate(ctx, cn, func() error {
		_, err := cn.c.Copy(set, p.cfg.MoveTo).Wait()
		return err
	})
	if err != nil {
		return err
	}
	if !cn.caps.Has(imap.CapUIDPlus) {
		p.warnOnce(log, "no_uidplus", "server has neither MOVE nor UIDPLUS: recorded messages are copied to move_to and stay in the mailbox, marked \\Seen")
		return nil
	}
	return cn.do(ctx, func() error {
		err := cn.c.Store(set, &imap.StoreFlags{Op: imap.StoreFlagsAdd, Silent: true, Flags: []imap.Flag{imap.FlagDeleted}}, nil).Close()
		if err != nil {
			return err
		}
		return cn.c.UIDExpunge(set).Close()
	})
}

// tryCreate runs a MOVE or COPY and, when the server says the target does not exist
// (TRYCREATE), creates it and tries once more.
func (p *IMAPPoller) tryCreate(ctx context.Context, cn *imapConn, op func() error) error {
	err := cn.do(ctx, op)
	var imapErr *imap.Error
	if !errors.As(err, &imapErr) || imapErr.Code != imap.ResponseCodeTryCreate {
		return err
	}
	err = cn.do(ctx, func() error { return cn.c.Create(p.cfg.MoveTo, nil).Wait() })
	if errors.As(err, &imapErr) && imapErr.Code == imap.ResponseCodeAlreadyExists {
		err = nil
	}
	if err != nil {
		return err
	}
	cn.log.Info("created folder", "folder", p.cfg.MoveTo)
	return cn.do(ctx, op)
}

// reject records that a message will not be fetched (too large, or its header is) and
// flags it so it is not considered again.
func (p *IMAPPoller) reject(ctx context.Context, cn *imapConn, log *slog.Logger, uid imap.UID, reason string, size int64) error {
	ev := store.Event{Type: store.EventRejected, Detail: map[string]any{
		"source": store.SourceIMAP, "origin": p.origin(uid), "reason": reason, "bytes": size,
		"max_message_bytes": p.cfg.MaxMessageBytes, "max_header_bytes": p.cfg.MaxHeaderBytes}}
	if err := p.ing.AddEvent(context.WithoutCancel(ctx), ev); err != nil {
		// Without the event nobody would know; try again later instead of skipping.
		log.Error("cannot record a rejection; will retry", "err", err)
		p.retryLater(uid)
		return nil
	}
	p.metrics.Rejected.WithLabelValues(reason).Inc()
	log.Warn("message skipped", "reason", reason, "bytes", size, "limit", p.cfg.MaxMessageBytes)
	return p.skip(ctx, cn, log, uid)
}

// fail counts a failed attempt. After MaxAttempts the message is given up on with a
// "failed" event, so it can no longer hold back the messages after it.
func (p *IMAPPoller) fail(ctx context.Context, cn *imapConn, log *slog.Logger, uid imap.UID, cause error) error {
	p.metrics.IMAPErrors.WithLabelValues(p.key).Inc()
	a := p.retryLater(uid)
	if a.failures < p.cfg.MaxAttempts {
		log.Warn("message not recorded; will retry", "err", cause, "attempt", a.failures, "retry_in", time.Until(a.next).Round(time.Millisecond))
		return nil
	}
	ev := store.Event{Type: store.EventFailed, Detail: map[string]any{
		"source": store.SourceIMAP, "origin": p.origin(uid), "error": cause.Error(), "attempts": a.failures}}
	if err := p.ing.AddEvent(context.WithoutCancel(ctx), ev); err != nil {
		log.Error("cannot record a failure; will retry the message", "err", err)
		return nil
	}
	log.Error("giving up on the message; it stays in the mailbox", "err", cause, "attempts", a.failures)
	delete(p.pending, uid)
	return p.skip(ctx, cn, log, uid)
}

// retryLater schedules another attempt, doubling the delay from PollInterval up to
// MaxBackoff.
func (p *IMAPPoller) retryLater(uid imap.UID) *imapAttempts {
	a := p.pending[uid]
	if a == nil {
		a = &imapAttempts{}
		p.pending[uid] = a
	}
	a.failures++
	delay := p.cfg.PollInterval << min(a.failures-1, 20)
	if delay <= 0 || delay > p.cfg.MaxBackoff {
		delay = p.cfg.MaxBackoff
	}
	a.next = time.Now().Add(delay)
	return a
}

// skip marks a message as done without recording it, flagging it on the server when
// the mailbox allows keywords.
func (p *IMAPPoller) skip(ctx context.Context, cn *imapConn, log *slog.Logger, uid imap.UID) error {
	p.finished[uid] = true
	mbox := cn.c.Mailbox()
	if mbox == nil || !slices.Contains(mbox.PermanentFlags, imap.FlagWildcard) {
		return nil
	}
	err := cn.do(context.WithoutCancel(ctx), func() error {
		return cn.c.Store(imap.UIDSetNum(uid), &imap.StoreFlags{Op: imap.StoreFlagsAdd, Silent: true, Flags: []imap.Flag{skipKeyword}}, nil).Close()
	})
	return p.refused(log, "cannot flag the skipped message", err)
}

// advance saves the last UID up to which every message is done. UIDs missing from the
// search result no longer exist (or are flagged skipped), so they do not hold it back.
func (p *IMAPPoller) advance(ctx context.Context, all []imap.UID) error {
	last := p.last
	for _, uid := range all {
		if uid <= p.last {
			continue
		}
		if !p.finished[uid] {
			break
		}
		last = uid
	}
	if last == p.last {
		return nil
	}
	st := store.IMAPState{UIDValidity: p.validity, LastUID: uint32(last)}
	if err := p.st.SetIMAPState(context.WithoutCancel(ctx), p.key, st); err != nil {
		return fmt.Errorf("save IMAP state: %w", err)
	}
	p.last = last
	for _, m := range []map[imap.UID]bool{p.finished, p.recorded} {
		for uid := range m {
			if uid <= last {
				delete(m, uid)
			}
		}
	}
	for uid := range p.pending {
		if uid <= last {
			delete(p.pending, uid)
		}
	}
	return nil
}

func (p *IMAPPoller) origin(uid imap.UID) string {
	return p.key + "/uid" + strconv.FormatUint(uint64(uid), 10)
}

func (p *IMAPPoller) warnOnce(log *slog.Logger, key, msg string) {
	if !p.warned[key] {
		p.warned[key] = true
		log.Warn(msg)
	}
}

// wait blocks until new mail may be there: an EXISTS during IDLE, the IDLE refresh, the
// poll interval without IDLE, or the next retry of a failed message.
func (p *IMAPPoller) wait(ctx context.Context, cn *imapConn) error {
	idle := p.cfg.Idle && cn.caps.Has(imap.CapIdle)
	d := p.cfg.PollInterval
	if idle {
		d = p.idleRefresh
	}
	for _, a := range p.pending {
		d = min(d, time.Until(a.next))
	}
	d = max(d, 0)
	if idle {
		return cn.idle(ctx, d)
	}
	return cn.sleep(ctx, d, p.idleRefresh)
}

// connect dials, secures the connection, waits for the greeting and logs in, all within
// the command timeout.
func (p *IMAPPoller) connect(ctx context.Context, log *slog.Logger) (*imapConn, error) {
	addr := net.JoinHostPort(p.cfg.Host, strconv.Itoa(p.cfg.Port))
	dctx, cancel := context.WithTimeout(ctx, p.cfg.CommandTimeout)
	defer cancel()
	raw, err := (&net.Dialer{}).DialContext(dctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	cn := &imapConn{raw: raw, timeout: p.cfg.CommandTimeout, log: log, newMail: make(chan struct{}, 1)}
	opts := &imapclient.Options{
		UnilateralDataHandler: &imapclient.UnilateralDataHandler{Mailbox: cn.onMailbox},
	}
	if p.cfg.DebugTranscript {
		// The transcript holds whole messages and, during LOGIN, the password, so it is
		// only written when asked for, and paused while LOGIN is sent.
		cn.transcript = &transcript{log: log}
		opts.DebugWriter = cn.transcript
	}
	if err := p.secure(ctx, cn, opts); err != nil {
		raw.Close()
		return nil, err
	}
	if err := p.login(ctx, cn); err != nil {
		cn.close()
		return nil, err
	}
	log.Debug("logged in", "addr", addr, "tls", p.cfg.TLS)
	return cn, nil
}

// secure sets up cn.c according to the TLS mode and waits for the greeting.
func (p *IMAPPoller) secure(ctx context.Context, cn *imapConn, opts *imapclient.Options) error {
	cn.transcript.enable(true)
	switch p.cfg.TLS {
	case IMAPTLSImplicit:
		cfg := p.tls.Clone()
		cfg.NextProtos = []string{"imap"}
		tc := tls.Client(cn.raw, cfg)
		if err := cn.do(ctx, func() error { return tc.HandshakeContext(ctx) }); err != nil {
			return fmt.Errorf("TLS handshake: %w", err)
		}
		cn.c = imapclient.New(tc, opts)
	case IMAPTLSStartTLS:
		opts.TLSConfig = p.tls
		err := cn.do(ctx, func() (err error) {
			cn.c, err = imapclient.NewStartTLS(cn.raw, opts)
			return err
		})
		if err != nil {
			return fmt.Errorf("STARTTLS: %w", err)
		}
	default:
		cn.c = imapclient.New(cn.raw, opts)
	}
	if err := cn.do(ctx, cn.c.WaitGreeting); err != nil {
		return fmt.Errorf("greeting: %w", err)
	}
	return nil
}

func (p *IMAPPoller) login(ctx context.Context, cn *imapConn) error {
	pw, err := p.cfg.password()
	if err != nil {
		return err
	}
	err = cn.do(ctx, func() error {
		cn.transcript.enable(false)
		cmd := cn.c.Login(p.cfg.User, pw) // returns once the command is written
		cn.transcript.enable(true)
		return cmd.Wait()
	})
	if err != nil {
		return fmt.Errorf("login as %s: %w", p.cfg.User, err)
	}
	return nil
}

// imapConn is one client connection. Every command runs under a watchdog that closes
// the underlying connection on timeout or cancellation: imapclient has no per-command
// deadline of its own, and closing is the one thing that unblocks all of its calls.
type imapConn struct {
	c          *imapclient.Client
	raw        net.Conn
	caps       imap.CapSet
	timeout    time.Duration
	log        *slog.Logger
	newMail    chan struct{}
	transcript *transcript
}

// onMailbox is imapclient's handler for unsolicited mailbox data; EXISTS means new mail.
// It must not block: it runs on the client's reader.
func (cn *imapConn) onMailbox(d *imapclient.UnilateralDataMailbox) {
	if d.NumMessages != nil {
		select {
		case cn.newMail <- struct{}{}:
		default:
		}
	}
}

// close drops the connection without LOGOUT: sessions end on failure or shutdown, and
// imapclient's Close could wait on a reader stuck in a half-read response.
func (cn *imapConn) close() { cn.raw.Close() }

// do runs one command under the watchdog.
func (cn *imapConn) do(ctx context.Context, f func() error) error {
	g := cn.watch(ctx)
	err := f()
	if gerr := g.stop(); gerr != nil {
		return gerr
	}
	return err
}

// watch starts a watchdog: the connection is closed when ctx ends or when the command
// timeout passes without a kick.
func (cn *imapConn) watch(ctx context.Context) *watchdog {
	g := &watchdog{timeout: cn.timeout, ctx: ctx}
	closeConn := func(why int32) {
		if g.fired.CompareAndSwap(0, why) {
			cn.raw.Close()
		}
	}
	g.timer = time.AfterFunc(cn.timeout, func() { closeConn(firedTimeout) })
	g.stopCtx = context.AfterFunc(ctx, func() { closeConn(firedCancel) })
	return g
}

const (
	firedTimeout = 1 + iota
	firedCancel
)

type watchdog struct {
	timeout time.Duration
	ctx     context.Context
	timer   *time.Timer
	stopCtx func() bool
	fired   atomic.Int32
}

// kick restarts the timeout after progress.
func (g *watchdog) kick() { g.timer.Reset(g.timeout) }

// stop disarms the watchdog and says whether it had closed the connection.
func (g *watchdog) stop() error {
	g.timer.Stop()
	g.stopCtx()
	switch g.fired.Load() {
	case firedTimeout:
		return fmt.Errorf("imap: no answer within %v; connection closed", g.timeout)
	case firedCancel:
		return g.ctx.Err()
	}
	return nil
}

// idle waits in IDLE for at most d. An EXISTS that arrived during the last poll counts
// too, so mail delivered between the search and the IDLE is not missed.
func (cn *imapConn) idle(ctx context.Context, d time.Duration) error {
	select {
	case <-cn.newMail:
		return nil
	default:
	}
	if d == 0 {
		return nil
	}
	var cmd *imapclient.IdleCommand
	if err := cn.do(ctx, func() (err error) { cmd, err = cn.c.Idle(); return err }); err != nil {
		return fmt.Errorf("idle: %w", err)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-cn.newMail:
	case <-t.C:
	case <-ctx.Done():
		cn.raw.Close() // unblocks the client; the session ends
		return ctx.Err()
	case <-cn.c.Closed():
		return errors.New("idle: connection closed by the server")
	}
	return cn.do(ctx, func() error {
		if err := cmd.Close(); err != nil {
			return err
		}
		return cmd.Wait()
	})
}

// sleep waits d without IDLE, sending NOOP every keepalive so that the server does not
// log us out for inactivity (RFC 9051 5.4: at least 30 minutes).
func (cn *imapConn) sleep(ctx context.Context, d, keepalive time.Duration) error {
	for d > 0 {
		step := min(d, keepalive)
		t := time.NewTimer(step)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
		if d -= step; d > 0 {
			if err := cn.do(ctx, func() error { return cn.c.Noop().Wait() }); err != nil {
				return fmt.Errorf("noop: %w", err)
			}
		}
	}
	return nil
}

// backoff is capped exponential backoff with full jitter.
type backoff struct {
	min, max time.Duration
	n        int
}

func (b *backoff) next() time.Duration {
	d := b.min << min(b.n, 30)
	if d <= 0 || d > b.max {
		d = b.max
	} else {
		b.n++
	}
	return time.Duration(rand.Int64N(int64(d))) + 1
}

func (b *backoff) reset() { b.n = 0 }

// transcript writes the IMAP exchange to the log at debug level, one line per record,
// cut at 512 bytes. It can be paused, which login does while the password is sent.
type transcript struct {
	log *slog.Logger
	on  atomic.Bool
	mu  sync.Mutex
	buf []byte
}

func (t *transcript) enable(on bool) {
	if t != nil {
		t.on.Store(on)
	}
}

func (t *transcript) Write(b []byte) (int, error) {
	if !t.on.Load() {
		return len(b), nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, b...)
	for {
		i := bytes.IndexByte(t.buf, '\n')
		if i < 0 && len(t.buf) < 4096 {
			break
		}
		if i < 0 {
			i = len(t.buf) - 1
		}
		line := bytes.TrimRight(t.buf[:i+1], "\r\n")
		t.log.Debug("imap transcript", "line", string(line[:min(len(line), 512)]))
		t.buf = t.buf[i+1:]
	}
	if len(t.buf) == 0 {
		t.buf = nil
	}
	return len(b), nil
}
