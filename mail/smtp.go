package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/netip"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/liaisond/liaisond/store"
)

// SMTPConfig configures one SMTP or LMTP listener. Every limit has a default (see
// DefaultSMTPConfig); zero values in a config file mean "no limit" only where noted.
type SMTPConfig struct {
	// Listen is host:port, or "unix:/path" for LMTP on a socket; "" disables the listener.
	Listen string `toml:"listen"`
	// Domain is the name in the greeting.
	Domain string `toml:"domain"`
	// TLSCert and TLSKey enable STARTTLS (PEM files).
	TLSCert string `toml:"tls_cert"`
	TLSKey  string `toml:"tls_key"`
	// MaxMessageBytes is advertised with SIZE; larger messages get 552.
	MaxMessageBytes int64 `toml:"max_message_bytes"`
	// MaxRecipients per message; more get 452.
	MaxRecipients int `toml:"max_recipients"`
	// MaxHeaderBytes caps the header section; larger gets 552.
	MaxHeaderBytes int `toml:"max_header_bytes"`
	// MaxLineLength caps command and message lines (RFC 5321 says 1000; we allow more).
	MaxLineLength int `toml:"max_line_length"`
	// MaxReceived is how many Received fields a message may carry before it is refused
	// as looping (554).
	MaxReceived int `toml:"max_received_headers"`
	// ReadTimeout is the idle time allowed while waiting for a command or message bytes.
	ReadTimeout time.Duration `toml:"read_timeout"`
	// WriteTimeout bounds each reply.
	WriteTimeout time.Duration `toml:"write_timeout"`
	// DataTimeout bounds the whole transfer of one message.
	DataTimeout time.Duration `toml:"data_timeout"`
	// MaxConnections and MaxConnectionsPerIP cap concurrent connections (421 when over).
	MaxConnections      int `toml:"max_connections"`
	MaxConnectionsPerIP int `toml:"max_connections_per_ip"`
	// MaxMessagesPerIPPerMinute caps messages from one address (451 when over; 0: none).
	MaxMessagesPerIPPerMinute int `toml:"max_messages_per_ip_per_minute"`
	// RateLimitExempt lists networks (CIDR) not subject to the per-IP message rate, such
	// as the local MTA that relays everything.
	RateLimitExempt []string `toml:"rate_limit_exempt"`
	// ShutdownTimeout is how long a drain waits for messages in transfer.
	ShutdownTimeout time.Duration `toml:"shutdown_timeout"`
}

// DefaultSMTPConfig returns the limits used when the config file says nothing.
func DefaultSMTPConfig(listen string) SMTPConfig {
	return SMTPConfig{
		Listen:                    listen,
		Domain:                    "localhost",
		MaxMessageBytes:           32 << 20,
		MaxRecipients:             100,
		MaxHeaderBytes:            1 << 20,
		MaxLineLength:             4096,
		MaxReceived:               50,
		ReadTimeout:               5 * time.Minute,
		WriteTimeout:              time.Minute,
		DataTimeout:               15 * time.Minute,
		MaxConnections:            200,
		MaxConnectionsPerIP:       20,
		MaxMessagesPerIPPerMinute: 120,
		RateLimitExempt:           []string{"127.0.0.0/8", "::1/128"},
		ShutdownTimeout:           30 * time.Second,
	}
}

// Validate reports the first setting that cannot work.
func (c SMTPConfig) Validate() error {
	if c.Listen == "" {
		return nil
	}
	if (c.TLSCert == "") != (c.TLSKey == "") {
		return errors.New("tls_cert and tls_key must be given together")
	}
	if c.MaxMessageBytes <= 0 || c.MaxRecipients <= 0 || c.MaxHeaderBytes <= 0 || c.MaxLineLength < 1000 {
		return errors.New("max_message_bytes, max_recipients and max_header_bytes must be positive, max_line_length at least 1000")
	}
	if c.ReadTimeout <= 0 || c.WriteTimeout <= 0 || c.DataTimeout <= 0 {
		return errors.New("read_timeout, write_timeout and data_timeout must be positive")
	}
	if _, err := c.exemptPrefixes(); err != nil {
		return err
	}
	return nil
}

func (c SMTPConfig) exemptPrefixes() ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, s := range c.RateLimitExempt {
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return nil, fmt.Errorf("rate_limit_exempt: %w", err)
		}
		out = append(out, p)
	}
	return out, nil
}

// Ingester records a spooled message durably. *store.DB is the implementation; the
// interface keeps sessions testable and says exactly what they need. Ingest must return
// nil only once the message is durable: the session then answers 250.
type Ingester interface {
	Ingest(ctx context.Context, env store.Envelope, raw store.RawMessage) (store.IngestResult, error)
	AddEvent(ctx context.Context, e store.Event) error
}

// RcptPolicy decides which recipients are accepted. An empty policy accepts everyone.
type RcptPolicy struct {
	accept map[string]bool
}

// NewRcptPolicy accepts exactly the given addresses (case-insensitive); with none it
// accepts every recipient.
func NewRcptPolicy(addresses []string) RcptPolicy {
	p := RcptPolicy{}
	for _, a := range addresses {
		if p.accept == nil {
			p.accept = map[string]bool{}
		}
		p.accept[strings.ToLower(strings.TrimSpace(a))] = true
	}
	return p
}

// AcceptsAll reports whether the policy is open (no addresses configured).
func (p RcptPolicy) AcceptsAll() bool { return len(p.accept) == 0 }

// Accepts reports whether mail to addr is taken.
func (p RcptPolicy) Accepts(addr string) bool {
	return p.AcceptsAll() || p.accept[strings.ToLower(addr)]
}

// SMTPServer is one SMTP or LMTP listener with its sessions.
type SMTPServer struct {
	cfg     SMTPConfig
	lmtp    bool
	proto   string
	ing     Ingester
	spool   *Spooler
	policy  RcptPolicy
	metrics *Metrics
	log     *slog.Logger
	rate    *rateLimiter
	exempt  []netip.Prefix

	srv      *smtp.Server
	listener *limitListener
	nextID   atomic.Uint64
	// transfers counts messages being received; lastDone is when one last finished
	// (UnixNano). Busy reads them so that processing can give way to intake.
	transfers atomic.Int64
	lastDone  atomic.Int64
}

// Busy reports whether messages are being received, or were a moment ago: background
// processing then waits, so that a burst of mail is recorded at full speed.
func (s *SMTPServer) Busy() bool {
	return s.transfers.Load() > 0 || time.Since(time.Unix(0, s.lastDone.Load())) < 100*time.Millisecond
}

// NewSMTPServer prepares a listener; Start opens it.
func NewSMTPServer(cfg SMTPConfig, lmtp bool, ing Ingester, spool *Spooler, policy RcptPolicy, m *Metrics, logger *slog.Logger) (*SMTPServer, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	exempt, _ := cfg.exemptPrefixes()
	proto := "smtp"
	if lmtp {
		proto = "lmtp"
	}
	s := &SMTPServer{
		cfg: cfg, lmtp: lmtp, proto: proto, ing: ing, spool: spool, policy: policy, metrics: m,
		log:    logger.With("listener", proto),
		rate:   newRateLimiter(cfg.MaxMessagesPerIPPerMinute, time.Minute, time.Now),
		exempt: exempt,
	}
	srv := smtp.NewServer(smtp.BackendFunc(s.newSession))
	srv.LMTP = lmtp
	srv.Domain = cfg.Domain
	srv.MaxMessageBytes = cfg.MaxMessageBytes
	srv.MaxRecipients = cfg.MaxRecipients
	srv.MaxLineLength = cfg.MaxLineLength
	srv.ReadTimeout = cfg.ReadTimeout
	srv.WriteTimeout = cfg.WriteTimeout
	srv.EnableSMTPUTF8 = true
	srv.ErrorLog = log.New(slogWriter{s.log}, "", 0)
	if cfg.TLSCert != "" {
		cert, err := tls.LoadX509KeyPair(cfg.TLSCert, cfg.TLSKey)
		if err != nil {
			return nil, fmt.Errorf("%s: load TLS certificate: %w", proto, err)
		}
		srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	s.srv = srv
	return s, nil
}

// Start opens the listener and serves in the background.
func (s *SMTPServer) Start() error {
	network, addr := "tcp", s.cfg.Listen
	if path, ok := strings.CutPrefix(addr, "unix:"); ok {
		network, addr = "unix", path
		if err := removeStaleSocket(path); err != nil {
			return fmt.Errorf("%s: listen on %s: %w", s.proto, s.cfg.Listen, err)
		}
	}
	l, err := net.Listen(network, addr)
	if err != nil {
		return fmt.Errorf("%s: listen on %s: %w", s.proto, s.cfg.Listen, err)
	}
	if network == "unix" {
		os.Chmod(addr, 0o660)
	}
	s.listener = newLimitListener(l, s.cfg.MaxConnections, s.cfg.MaxConnectionsPerIP, s.cfg.Domain,
		s.metrics.Sessions.WithLabelValues(s.proto),
		func(reason string) { s.metrics.Rejected.WithLabelValues(reason).Inc() })
	s.log.Info("listening", "addr", l.Addr().String())
	go func() {
		if err := s.srv.Serve(s.listener); err != nil && !errors.Is(err, smtp.ErrServerClosed) {
			s.log.Error("serve stopped", "err", err)
		}
	}()
	return nil
}

// removeStaleSocket removes a unix socket left by an earlier run. A socket that still
// answers belongs to a running daemon: taking it over would cut that daemon off from its
// MTA, so that is an error, as a busy TCP port is. Anything but a socket is left alone.
func removeStaleSocket(path string) error {
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return err
	case fi.Mode().Type() != os.ModeSocket:
		return fmt.Errorf("%s exists and is not a socket", path)
	}
	if c, err := net.DialTimeout("unix", path, time.Second); err == nil {
		c.Close()
		return fmt.Errorf("socket %s is in use by another process", path)
	}
	return os.Remove(path)
}

// Addr is the address the listener is bound to (useful with port 0).
func (s *SMTPServer) Addr() net.Addr { return s.listener.Addr() }

// Shutdown stops accepting, lets every message in transfer finish (its sender gets its
// reply), answers idle connections 421, and after the timeout closes whatever is left.
// A listener that never started has nothing to drain.
func (s *SMTPServer) Shutdown(ctx context.Context) error {
	if s.listener == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, s.cfg.ShutdownTimeout)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- s.srv.Shutdown(ctx) }()
	s.listener.drainAll()
	err := <-done
	if err != nil {
		s.log.Warn("drain timed out, closing remaining connections", "err", err)
		s.srv.Close()
	}
	return err
}

// newSession is called by go-smtp at HELO/EHLO/LHLO (and again after STARTTLS).
func (s *SMTPServer) newSession(c *smtp.Conn) (smtp.Session, error) {
	netConn := c.Conn()
	if t, ok := netConn.(*tls.Conn); ok {
		netConn = t.NetConn()
	}
	tc, _ := netConn.(*trackedConn)
	remote := c.Conn().RemoteAddr().String()
	sess := &session{
		srv:    s,
		conn:   tc,
		remote: remote,
		ip:     remoteIP(c.Conn().RemoteAddr()),
		helo:   c.Hostname(),
		log:    s.log.With("cid", s.nextID.Add(1), "remote", remote),
	}
	return sess, nil
}

// session is one SMTP/LMTP conversation. Its methods never return plain errors: go-smtp
// would turn them into a permanent 554 with our error text (see smtpError).
type session struct {
	srv    *SMTPServer
	conn   *trackedConn
	remote string
	ip     string
	helo   string
	log    *slog.Logger

	from string
	rcpt []string
}

func (s *session) Reset() {
	s.from = ""
	s.rcpt = nil
}

func (s *session) Logout() error { return nil }

func (s *session) Mail(from string, opts *smtp.MailOptions) error {
	if opts != nil && opts.Size > s.srv.cfg.MaxMessageBytes {
		s.reject("size")
		return smtp.ErrDataTooLarge
	}
	if !s.rateExempt() && !s.srv.rate.allow(s.ip) {
		s.reject("rate")
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 7, 1},
			Message: "Too many messages from your address, try again later"}
	}
	s.from = from
	return nil
}

func (s *session) rateExempt() bool {
	addr, err := netip.ParseAddr(s.ip)
	if err != nil {
		return true // unix socket: the local MTA
	}
	for _, p := range s.srv.exempt {
		if p.Contains(addr.Unmap()) {
			return true
		}
	}
	return false
}

func (s *session) Rcpt(to string, opts *smtp.RcptOptions) error {
	if !s.srv.policy.Accepts(to) {
		s.reject("unknown_recipient")
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1},
			Message: "No such recipient here"}
	}
	s.rcpt = append(s.rcpt, to)
	return nil
}

// Data spools the message, commits it, and only then lets go-smtp answer 250. In LMTP
// mode the one outcome is reported for every recipient: the message is stored once.
func (s *session) Data(r io.Reader) (err error) {
	start := time.Now()
	defer func() {
		if p := recover(); p != nil {
			s.srv.metrics.Panics.Inc()
			s.log.Error("panic while receiving a message", "panic", fmt.Sprint(p))
			err = tempFailure("internal error")
		}
	}()
	s.srv.transfers.Add(1)
	defer func() {
		s.srv.transfers.Add(-1)
		s.srv.lastDone.Store(time.Now().UnixNano())
	}()
	if s.conn != nil {
		s.conn.inData.Store(true)
		defer s.endData()
		// Twice the size limit: room for dot-stuffing (at most a third more) in a message
		// within it, and for the rest of one that is refused to be read to its end, so
		// that its sender hears why; an endless stream is cut off there.
		s.conn.startMessage(messageLimits{idle: s.srv.cfg.ReadTimeout, end: start.Add(s.srv.cfg.DataTimeout)},
			2*s.srv.cfg.MaxMessageBytes)
	}
	sp, err := s.srv.spool.Create(SpoolLimits{
		MaxHeaderBytes: s.srv.cfg.MaxHeaderBytes,
		MaxReceived:    s.srv.cfg.MaxReceived,
		RejectBareLF:   true,
	})
	if err != nil {
		s.log.Error("cannot spool", "err", err)
		s.reject("spool")
		return tempFailure("local storage problem")
	}
	defer sp.Remove()
	if _, err := sp.ReadFrom(r); err != nil {
		return s.dataError(sp, err)
	}
	raw, err := sp.Finish()
	if err != nil {
		return s.dataError(sp, err)
	}
	env := store.Envelope{
		Source: store.SourceSMTP, RemoteAddr: s.remote, Helo: s.helo,
		MailFrom: s.from, Rcpt: s.rcpt, ReceivedAt: time.Now(), AnswerAtCommit: true,
	}
	if s.srv.lmtp {
		env.Source = store.SourceLMTP
	}
	res, err := s.srv.ing.Ingest(context.Background(), env, raw)
	if err != nil {
		s.log.Error("commit failed; asking the sender to retry", "err", err, "size", raw.Size)
		s.reject("storage")
		return tempFailure("local storage problem")
	}
	s.srv.metrics.Received.WithLabelValues(env.Source).Inc()
	s.srv.metrics.Bytes.WithLabelValues(env.Source).Add(float64(raw.Size))
	s.srv.metrics.spoolSeconds.WithLabelValues(s.srv.proto).Observe(time.Since(start).Seconds())
	s.log.Info("message recorded", "id", res.ID, "size", raw.Size,
		"message_id", raw.MessageID, "rcpts", len(s.rcpt))
	return nil
}

func (s *session) endData() {
	s.conn.inData.Store(false)
	if s.conn.draining.Load() {
		s.conn.Conn.SetReadDeadline(time.Now())
	}
}

type readerFunc func([]byte) (int, error)

func (f readerFunc) Read(p []byte) (int, error) { return f(p) }

// dataError maps a failure while receiving a message to the reply and records the
// rejection in the log: it reached DATA, so an admin may need to know.
func (s *session) dataError(sp *Spool, err error) error {
	var reply *smtp.SMTPError
	reason := "other"
	switch {
	case errors.Is(err, smtp.ErrDataTooLarge):
		reason, reply = "size", smtp.ErrDataTooLarge
	case errors.Is(err, ErrBareLF):
		reason, reply = "bare_lf", &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 5, 2},
			Message: "Bare LF line endings are not accepted; use CRLF (RFC 5321 section 2.3.8)"}
	case errors.Is(err, ErrHeaderTooLarge):
		reason, reply = "header_size", &smtp.SMTPError{Code: 552, EnhancedCode: smtp.EnhancedCode{5, 3, 4},
			Message: "Message header too large"}
	case errors.Is(err, ErrTooManyHops):
		reason, reply = "loop", &smtp.SMTPError{Code: 554, EnhancedCode: smtp.EnhancedCode{5, 4, 6},
			Message: "Too many Received headers: mail loop"}
	case errors.Is(err, smtp.ErrTooLongLine):
		reason, reply = "line_length", &smtp.SMTPError{Code: 500, EnhancedCode: smtp.EnhancedCode{5, 5, 2},
			Message: "Line too long"}
	case errors.Is(err, ErrSpool):
		reason, reply = "spool", tempFailure("local storage problem")
	default:
		// A dropped connection or a timeout: the client hears nothing or retries.
		reason, reply = "transfer", tempFailure("transfer failed")
	}
	s.reject(reason)
	s.log.Warn("message refused", "reason", reason, "err", err, "bytes", sp.Size())
	ev := store.Event{Type: store.EventRejected, Detail: map[string]any{
		"reason": reason, "code": reply.Code, "remote": s.remote, "mail_from": s.from,
		"rcpt": s.rcpt, "bytes": sp.Size(), "source": s.srv.proto}}
	if err := s.srv.ing.AddEvent(context.Background(), ev); err != nil {
		s.log.Error("cannot record rejection", "err", err)
	}
	return reply
}

func (s *session) reject(reason string) {
	s.srv.metrics.Rejected.WithLabelValues(reason).Inc()
}

// tempFailure is the reply for every internal problem: 451, so the sending MTA keeps the
// message and retries. Our error text never reaches the client.
func tempFailure(what string) *smtp.SMTPError {
	return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0},
		Message: "Temporary " + what + ", please try again later"}
}

// slogWriter adapts go-smtp's log.Logger output to slog.
type slogWriter struct{ log *slog.Logger }

func (w slogWriter) Write(p []byte) (int, error) {
	w.log.Warn(strings.TrimSpace(string(p)))
	return len(p), nil
}
