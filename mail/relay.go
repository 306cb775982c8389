package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Relay transport security modes (RelayOptions.TLS).
const (
	RelayTLSStartTLS = "starttls" // STARTTLS, required: a relay without it is an error
	RelayTLSImplicit = "implicit" // TLS from the first byte (port 465)
	RelayTLSNone     = "none"     // cleartext; loopback relays only when authenticating
)

// RelayOptions configure the outbound relay (config.RelayConfig).
type RelayOptions struct {
	Host string `toml:"host"`
	Port int    `toml:"port"`
	// TLS is "starttls" (required, not opportunistic), "implicit" (port 465) or "none"
	// (loopback relays only; AUTH is refused without TLS elsewhere).
	TLS string `toml:"tls"`
	// User authenticates with AUTH PLAIN; the password is read from PasswordFile or the
	// environment variable PasswordEnv (exactly one, never the config file) at each
	// connection, so a rotated one is picked up.
	User         string `toml:"user"`
	PasswordFile string `toml:"password_file"`
	PasswordEnv  string `toml:"password_env"`
	// Helo is the EHLO name; "" uses the host name.
	Helo string `toml:"helo"`
	// Timeout bounds the connection, each command and the wait after the message.
	Timeout time.Duration `toml:"timeout"`
	// TLSConfig replaces the default verification of Host against the system roots
	// (tests use a private CA). ServerName is filled in when empty.
	TLSConfig *tls.Config `toml:"-"`
}

// Relay sends messages through one configured SMTP relay, one connection per message.
// It is safe for concurrent use.
type Relay struct {
	opts RelayOptions
	log  *slog.Logger
}

// NewRelay checks the options, including that the password can be read.
func NewRelay(opts RelayOptions, log *slog.Logger) (*Relay, error) {
	switch opts.TLS {
	case RelayTLSStartTLS, RelayTLSImplicit, RelayTLSNone:
	default:
		return nil, fmt.Errorf("relay: tls %q: want %s, %s or %s", opts.TLS, RelayTLSStartTLS, RelayTLSImplicit, RelayTLSNone)
	}
	if opts.Host == "" || opts.Port <= 0 || opts.Timeout <= 0 {
		return nil, errors.New("relay: host, port and timeout are required")
	}
	if opts.User != "" {
		if opts.TLS == RelayTLSNone && !isLoopbackHost(opts.Host) {
			return nil, fmt.Errorf("relay: refusing to send the password for %s in clear to %s: use tls = %q or %q",
				opts.User, opts.Host, RelayTLSStartTLS, RelayTLSImplicit)
		}
		if _, err := opts.password(); err != nil {
			return nil, err
		}
	}
	if opts.Helo == "" {
		opts.Helo = "localhost"
		if h, err := os.Hostname(); err == nil && h != "" {
			opts.Helo = h
		}
	}
	log = log.With("component", "relay", "relay", net.JoinHostPort(opts.Host, strconv.Itoa(opts.Port)))
	if opts.TLS == RelayTLSNone && !isLoopbackHost(opts.Host) {
		log.Warn("relay without TLS to a non-loopback host: forwards cross the network in clear")
	}
	return &Relay{opts: opts, log: log}, nil
}

func (o RelayOptions) password() (string, error) {
	if o.PasswordEnv != "" {
		pw := os.Getenv(o.PasswordEnv)
		if pw == "" {
			return "", fmt.Errorf("relay: environment variable %s is empty", o.PasswordEnv)
		}
		return pw, nil
	}
	b, err := os.ReadFile(o.PasswordFile)
	if err != nil {
		return "", fmt.Errorf("relay: password_file: %w", err)
	}
	pw := strings.TrimRight(string(b), "\r\n")
	if pw == "" {
		return "", fmt.Errorf("relay: password_file %s is empty", o.PasswordFile)
	}
	return pw, nil
}

// RelayError is a failed delivery: the stage it failed at and, when the relay answered,
// its reply. Permanent says whether trying again can help.
type RelayError struct {
	Stage string // connect, tls, hello, auth, mail, rcpt, data
	Code  int    // the SMTP reply code, 0 when the relay did not answer
	Err   error
}

func (e *RelayError) Error() string { return "relay " + e.Stage + ": " + e.Err.Error() }
func (e *RelayError) Unwrap() error { return e.Err }

// Permanent reports whether the relay refused this message for good: a 5xx reply to
// MAIL, RCPT or DATA. A failure to connect, to secure or to authenticate the connection
// is the relay's problem, not the message's, and is temporary however it is answered,
// so that fixing the relay or its password lets every waiting message go.
func (e *RelayError) Permanent() bool {
	switch e.Stage {
	case "mail", "rcpt", "data":
		return e.Code >= 500
	}
	return false
}

// Unreachable reports whether the relay itself could not be used: no connection, no
// TLS, no greeting or no authentication, as opposed to an answer about this message.
func (e *RelayError) Unreachable() bool {
	switch e.Stage {
	case "connect", "tls", "hello", "auth":
		return true
	}
	return false
}

// IsPermanent reports whether err is a RelayError that is permanent.
func IsPermanent(err error) bool {
	var re *RelayError
	return errors.As(err, &re) && re.Permanent()
}

func relayErr(stage string, err error) *RelayError {
	re := &RelayError{Stage: stage, Err: err}
	var se *smtp.SMTPError
	if errors.As(err, &se) {
		re.Code = se.Code
	}
	return re
}

// Send delivers msg (CRLF lines) from the envelope sender to one recipient. It returns
// nil only once the relay has accepted the message (250 after DATA).
func (r *Relay) Send(ctx context.Context, from, to string, msg []byte) error {
	c, stop, err := r.connect(ctx)
	if err != nil {
		return err
	}
	defer stop()
	defer c.Close()
	if err := r.transfer(c, from, to, msg); err != nil {
		if ctx.Err() != nil {
			return &RelayError{Stage: err.Stage, Err: fmt.Errorf("%w (%v)", ctx.Err(), err.Err)}
		}
		return err
	}
	if err := c.Quit(); err != nil {
		// The message is accepted; a QUIT that fails changes nothing.
		r.log.Debug("QUIT failed after delivery", "err", err)
	}
	return nil
}

// connect opens the connection, secures it as configured, says EHLO and authenticates.
// The connection is closed when ctx ends, which ends any command waiting on it.
func (r *Relay) connect(ctx context.Context) (*smtp.Client, func() bool, error) {
	addr := net.JoinHostPort(r.opts.Host, strconv.Itoa(r.opts.Port))
	d := net.Dialer{Timeout: r.opts.Timeout}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, nil, relayErr("connect", err)
	}
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	c, err := r.open(conn)
	if err != nil {
		stop()
		conn.Close()
		return nil, nil, err
	}
	return c, stop, nil
}

func (r *Relay) open(conn net.Conn) (*smtp.Client, error) {
	tlsCfg := r.tlsConfig()
	var c *smtp.Client
	switch r.opts.TLS {
	case RelayTLSImplicit:
		conn = tls.Client(conn, tlsCfg)
		c = smtp.NewClient(conn)
	case RelayTLSStartTLS:
		// go-smtp says EHLO as "localhost" before STARTTLS; our name follows after it.
		var err error
		if c, err = smtp.NewClientStartTLS(conn, tlsCfg); err != nil {
			return nil, relayErr("tls", err)
		}
	default:
		c = smtp.NewClient(conn)
	}
	c.CommandTimeout, c.SubmissionTimeout = r.opts.Timeout, r.opts.Timeout
	if err := c.Hello(r.opts.Helo); err != nil {
		c.Close()
		return nil, relayErr("hello", err)
	}
	if err := r.auth(c); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

func (r *Relay) tlsConfig() *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if r.opts.TLSConfig != nil {
		cfg = r.opts.TLSConfig.Clone()
	}
	if cfg.ServerName == "" {
		cfg.ServerName = r.opts.Host
	}
	return cfg
}

func (r *Relay) auth(c *smtp.Client) error {
	if r.opts.User == "" {
		return nil
	}
	if ok, _ := c.Extension("AUTH"); !ok || !c.SupportsAuth(sasl.Plain) {
		return relayErr("auth", errors.New("the relay does not offer AUTH PLAIN"))
	}
	pw, err := r.opts.password()
	if err != nil {
		return relayErr("auth", err)
	}
	if err := c.Auth(sasl.NewPlainClient("", r.opts.User, pw)); err != nil {
		return relayErr("auth", err)
	}
	return nil
}

func (r *Relay) transfer(c *smtp.Client, from, to string, msg []byte) *RelayError {
	if err := c.Mail(from, nil); err != nil {
		return relayErr("mail", err)
	}
	if err := c.Rcpt(to, nil); err != nil {
		return relayErr("rcpt", err)
	}
	w, err := c.Data()
	if err != nil {
		return relayErr("data", err)
	}
	if _, err := w.Write(msg); err != nil {
		w.Close()
		return relayErr("data", err)
	}
	if err := w.Close(); err != nil {
		return relayErr("data", err)
	}
	return nil
}
