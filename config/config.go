// Package config owns the liaisond configuration file: one TOML document, its embedded
// defaults that apply when no file is given, the checks across sections, and printing it.
//
// Who declares a section: the package that reads it, unless that package imports config.
// So message [parse], convert [convert] and [libreoffice], mail [smtp], [lmtp], [[imap]]
// and the relay client's keys of [relay], directory [intake], [[group]], [[sdo]], [[area]],
// [roles] and [routing], and store [store] declare their sections as their own options
// types with toml keys, and config embeds them unchanged; such a package never imports
// config, so parsing, extraction and storage stay free of it. The sections read by parts
// that import config or combine several sections ([log], [web], [pipeline], [reminders],
// [extract], [auth], [review], and the outbox's keys of [relay]) are declared here, and
// cmd/liaisond hands them on as they are.
//
// It only reads, checks and prints settings. It must not open listeners, files other than
// the config itself, or the database.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/liaisond/liaisond/convert"
	"github.com/liaisond/liaisond/directory"
	"github.com/liaisond/liaisond/mail"
	"github.com/liaisond/liaisond/message"
	"github.com/liaisond/liaisond/store"
)

// Config is the whole configuration. Section and key names are a contract (docs/design.md):
// keys may be added, never renamed.
type Config struct {
	// DataDir holds the database and the spool.
	DataDir string `toml:"data_dir"`

	Log         LogConfig            `toml:"log"`
	SMTP        mail.SMTPConfig      `toml:"smtp"`
	LMTP        mail.SMTPConfig      `toml:"lmtp"`
	IMAP        []mail.IMAPConfig    `toml:"imap"` // each entry over DefaultIMAPConfig
	Web         WebConfig            `toml:"web"`
	Pipeline    PipelineConfig       `toml:"pipeline"`
	Store       store.Tuning         `toml:"store"`
	Parse       message.ParseLimits  `toml:"parse"`
	Convert     convert.Limits       `toml:"convert"`
	LibreOffice convert.OfficeConfig `toml:"libreoffice"`
	Relay       RelayConfig          `toml:"relay"`
	Reminders   RemindersConfig      `toml:"reminders"`
	Extract     ExtractConfig        `toml:"extract"`
	Auth        AuthConfig           `toml:"auth"`
	Review      ReviewConfig         `toml:"review"`
	// The directory: [intake], [[group]], [[sdo]], [[area]], [roles], [routing].
	directory.Directory
}

// LogConfig chooses how logs are written (to standard error).
type LogConfig struct {
	Level  string `toml:"level"`  // debug, info, warn, error
	Format string `toml:"format"` // text or json
}

// WebConfig is the HTTP listener: public record, review queue, health and metrics.
type WebConfig struct {
	Listen string `toml:"listen"` // "" disables the web listener
	// OpsListen is a second listener with /metrics, /healthz and /readyz and nothing
	// else, without login (for Prometheus; usually on loopback). "" = none: /metrics is
	// then shown only to logged-in liaison managers on the main listener.
	OpsListen       string        `toml:"ops_listen"`
	PublicURL       string        `toml:"public_url"`
	ReadTimeout     time.Duration `toml:"read_timeout"`
	WriteTimeout    time.Duration `toml:"write_timeout"`
	ShutdownTimeout time.Duration `toml:"shutdown_timeout"`
	// SessionLifetime is how long a liaison manager stays logged in.
	SessionLifetime time.Duration `toml:"session_lifetime"`
	// LoginFailuresPerUser and LoginFailuresPerIP are the failed logins allowed within
	// LoginWindow, for one name and from one address; more get 429 until the window passes.
	LoginFailuresPerUser int           `toml:"login_failures_per_user"`
	LoginFailuresPerIP   int           `toml:"login_failures_per_ip"`
	LoginWindow          time.Duration `toml:"login_window"`
	// PageSize is how many statements a page of the public list shows.
	PageSize int `toml:"page_size"`
}

// PipelineConfig sets the workers that process recorded messages.
type PipelineConfig struct {
	Workers      int           `toml:"workers"`
	MaxAttempts  int           `toml:"max_attempts"`  // then the message goes to the review queue
	RetryInitial time.Duration `toml:"retry_initial"` // first retry delay, doubled each time
	RetryMax     time.Duration `toml:"retry_max"`
	StageTimeout time.Duration `toml:"stage_timeout"` // one attempt at one message
	PollInterval time.Duration `toml:"poll_interval"` // how often idle workers look for due jobs
	// ConvertBatch is how many PDF conversions are handed to LibreOffice together.
	ConvertBatch int `toml:"convert_batch"`
	// ConvertMaxAttempts: then the attachment keeps no PDF and the failure is an event.
	ConvertMaxAttempts int `toml:"convert_max_attempts"`
}

// RelayConfig is the outbound SMTP relay for forwards, notices and reminders; Host ""
// keeps them in the outbox until one is configured.
type RelayConfig struct {
	// The relay client's own options (mail declares them): host, port, tls, user,
	// password_file, password_env, helo, timeout.
	mail.RelayOptions
	// From is the sender of everything liaisond mails (header and envelope); its domain
	// names our Message-IDs.
	From string `toml:"from"`
	// HourlyBudget caps the messages sent to one destination in any hour; more wait.
	HourlyBudget int `toml:"hourly_budget"`
	// Retry lists the delays between attempts after a temporary failure (4xx, no
	// connection); the last one repeats. Each gets up to 20% jitter.
	Retry []time.Duration `toml:"retry"`
	// GiveUpAfter ends the retries of a message: it then fails, as a 5xx does at once,
	// with an event and an entry for the managers.
	GiveUpAfter time.Duration `toml:"give_up_after"`
	// MaxMessageBytes caps a composed message: past it the PDFs, then the original, are
	// left out (the public record has them).
	MaxMessageBytes int64 `toml:"max_message_bytes"`
}

// RemindersConfig sets the deadline reminders of For-Action statements, sent to the
// addressed groups until a response is recorded. A deadline is the end of its day,
// Anywhere on Earth (UTC-12); a reminder N days before goes out when that day begins.
type RemindersConfig struct {
	Before []int `toml:"before"` // days before the deadline; [] = none
	After  []int `toml:"after"`  // days after it, at most two; [] = none
	// Interval is how often the scheduler looks for due reminders.
	Interval time.Duration `toml:"interval"`
}

// ExtractConfig tunes the decision between posting and review.
type ExtractConfig struct {
	PostThreshold float64 `toml:"post_threshold"`
}

// AuthConfig says how senders are authenticated (SPF, DKIM, DMARC) and what an
// unauthenticated claim means.
type AuthConfig struct {
	// Resolver is the DNS server asked, "host:port"; "" is the system's resolver.
	Resolver string `toml:"resolver"`
	// TrustedAuthservIDs names the Authentication-Results fields trusted on mail that
	// arrives over LMTP or IMAP (written by our own MTA); every other such field is ignored.
	TrustedAuthservIDs []string `toml:"trusted_authserv_ids"`
	// Timeout bounds the DNS work for one message; MaxSignatures the DKIM signatures checked.
	Timeout       time.Duration `toml:"timeout"`
	MaxSignatures int           `toml:"max_signatures"`
	// QueueUnknownSenders holds for review statements whose sending body is not in the
	// directory (by default they are posted as before: the draft wants statements
	// accepted from anyone).
	QueueUnknownSenders bool `toml:"queue_unknown_senders"`
}

// ReviewConfig tunes the review queue.
type ReviewConfig struct {
	// EscalateAfter: a statement still queued this long is escalated once to [routing]
	// central.
	EscalateAfter time.Duration `toml:"escalate_after"`
}

// Default returns the embedded defaults: everything on loopback, data in
// ./liaisond-data, every recipient accepted, no relay.
func Default() Config {
	lmtp := mail.DefaultSMTPConfig("")
	lmtp.MaxConnectionsPerIP = 100 // one local MTA opens many connections
	return Config{
		DataDir: "./liaisond-data",
		Log:     LogConfig{Level: "info", Format: "text"},
		SMTP:    mail.DefaultSMTPConfig("127.0.0.1:2525"),
		LMTP:    lmtp,
		Web: WebConfig{
			Listen: "127.0.0.1:8080", PublicURL: "http://127.0.0.1:8080",
			ReadTimeout: 30 * time.Second, WriteTimeout: time.Minute, ShutdownTimeout: 10 * time.Second,
			SessionLifetime: 12 * time.Hour, LoginFailuresPerUser: 5, LoginFailuresPerIP: 20,
			LoginWindow: 15 * time.Minute, PageSize: 25,
		},
		Pipeline: PipelineConfig{
			Workers: 2, MaxAttempts: 8, RetryInitial: time.Minute, RetryMax: 6 * time.Hour,
			StageTimeout: 5 * time.Minute, PollInterval: 2 * time.Second,
			ConvertBatch: 50, ConvertMaxAttempts: 5,
		},
		Store: store.Tuning{
			MaxBatch: 64, MaxBatchBytes: 64 << 20, GroupWait: 2 * time.Millisecond, ChunkBytes: 256 << 10,
			IndexIdle: 5 * time.Millisecond, IndexLag: 10 * time.Second, BusyTimeout: 10 * time.Second,
			Sync: store.SyncFdatasync,
		},
		Parse:       message.DefaultParseLimits(),
		Convert:     convert.DefaultLimits(),
		LibreOffice: convert.DefaultOfficeConfig(),
		Relay: RelayConfig{
			RelayOptions: mail.RelayOptions{Port: 587, TLS: RelayTLSStartTLS, Timeout: time.Minute},
			From:         "liaisond@localhost", HourlyBudget: 30,
			Retry:       []time.Duration{time.Minute, 5 * time.Minute, 30 * time.Minute, 2 * time.Hour},
			GiveUpAfter: 48 * time.Hour, MaxMessageBytes: 25 << 20,
		},
		Reminders: RemindersConfig{Before: []int{14, 7, 3, 1, 0}, After: []int{1, 7}, Interval: 10 * time.Minute},
		Extract:   ExtractConfig{PostThreshold: 0.85},
		Auth:      AuthConfig{TrustedAuthservIDs: []string{}, Timeout: 20 * time.Second, MaxSignatures: 5},
		Review:    ReviewConfig{EscalateAfter: 7 * 24 * time.Hour},
		Directory: directory.Directory{Routing: directory.Routing{PDFWait: 15 * time.Minute}},
	}
}

// Load reads a config file over the defaults. Unknown keys are errors: a misspelt limit
// must not silently fall back to its default. An empty path returns the defaults.
func Load(path string) (Config, error) {
	cfg := Default()
	if path == "" {
		return cfg, cfg.Validate()
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return cfg, fmt.Errorf("config: %w", err)
	}
	if err := cfg.decode(data); err != nil {
		return cfg, fmt.Errorf("config %s: %w", path, err)
	}
	if err := cfg.Validate(); err != nil {
		return cfg, fmt.Errorf("config %s: %w", path, err)
	}
	return cfg, nil
}

func (c *Config) decode(data []byte) error {
	md, err := toml.Decode(string(data), c)
	if err != nil {
		return err
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		keys := make([]string, len(undecoded))
		for i, k := range undecoded {
			keys[i] = k.String()
		}
		return fmt.Errorf("unknown keys: %s", strings.Join(keys, ", "))
	}
	return c.decodeIMAP(data)
}

// decodeIMAP decodes the [[imap]] entries again, each over DefaultIMAPConfig: the plain
// decode gives every key a mailbox leaves out its zero value instead of its default.
func (c *Config) decodeIMAP(data []byte) error {
	var file struct {
		IMAP []toml.Primitive `toml:"imap"`
	}
	md, err := toml.Decode(string(data), &file)
	if err != nil {
		return err
	}
	c.IMAP = nil
	for _, p := range file.IMAP {
		box := mail.DefaultIMAPConfig()
		if err := md.PrimitiveDecode(p, &box); err != nil {
			return fmt.Errorf("[[imap]]: %w", err)
		}
		c.IMAP = append(c.IMAP, box)
	}
	return nil
}

// Validate reports every setting that cannot work, joined.
func (c Config) Validate() error {
	var errs []error
	add := func(section string, err error) {
		if err != nil {
			errs = append(errs, fmt.Errorf("[%s] %w", section, err))
		}
	}
	if c.DataDir == "" {
		errs = append(errs, errors.New("data_dir must be set"))
	}
	switch c.Log.Level {
	case "debug", "info", "warn", "error":
	default:
		add("log", fmt.Errorf("level %q: want debug, info, warn or error", c.Log.Level))
	}
	if c.Log.Format != "text" && c.Log.Format != "json" {
		add("log", fmt.Errorf("format %q: want text or json", c.Log.Format))
	}
	add("smtp", c.SMTP.Validate())
	add("lmtp", c.LMTP.Validate())
	for i, box := range c.IMAP {
		add(fmt.Sprintf("imap %d", i+1), box.Validate())
	}
	if c.Pipeline.Workers < 1 || c.Pipeline.MaxAttempts < 1 || c.Pipeline.ConvertBatch < 1 || c.Pipeline.ConvertMaxAttempts < 1 || c.Pipeline.RetryInitial <= 0 ||
		c.Pipeline.RetryMax < c.Pipeline.RetryInitial || c.Pipeline.StageTimeout <= 0 || c.Pipeline.PollInterval <= 0 {
		add("pipeline", errors.New("workers and max_attempts must be at least 1, durations positive, retry_max >= retry_initial"))
	}
	if st := c.Store; st.MaxBatch < 1 || st.MaxBatchBytes < 1 || st.GroupWait < 0 || st.ChunkBytes < 4096 ||
		st.IndexIdle <= 0 || st.IndexLag <= 0 || st.BusyTimeout <= 0 {
		add("store", errors.New("max_batch and max_batch_bytes at least 1, chunk_bytes at least 4096, group_wait not negative, other durations positive"))
	}
	if err := store.CheckSync(c.Store.Sync); err != nil {
		add("store", err)
	}
	if c.Web.OpsListen != "" && c.Web.OpsListen == c.Web.Listen {
		add("web", errors.New("ops_listen must differ from listen"))
	}
	if c.Web.SessionLifetime <= 0 || c.Web.LoginWindow <= 0 || c.Web.LoginFailuresPerUser < 1 ||
		c.Web.LoginFailuresPerIP < 1 || c.Web.PageSize < 1 || c.Web.PageSize > 500 {
		add("web", errors.New("session_lifetime and login_window must be positive, login_failures_* at least 1, page_size 1..500"))
	}
	if c.Extract.PostThreshold < 0 || c.Extract.PostThreshold > 1 {
		add("extract", fmt.Errorf("post_threshold %v: want 0..1", c.Extract.PostThreshold))
	}
	add("auth", c.Auth.validate())
	if c.Review.EscalateAfter <= 0 {
		add("review", fmt.Errorf("escalate_after %v: want a positive duration", c.Review.EscalateAfter))
	}
	add("relay", c.Relay.validate())
	add("routing", c.Routing.Validate())
	add("reminders", c.Reminders.validate())
	add("directory", c.Directory.Validate())
	return errors.Join(errs...)
}

func (a AuthConfig) validate() error {
	if a.Resolver != "" {
		if _, _, err := net.SplitHostPort(a.Resolver); err != nil {
			return fmt.Errorf("resolver %q: want host:port", a.Resolver)
		}
	}
	if a.Timeout <= 0 || a.MaxSignatures < 1 {
		return errors.New("timeout must be positive and max_signatures at least 1")
	}
	for _, id := range a.TrustedAuthservIDs {
		if strings.TrimSpace(id) == "" || strings.ContainsAny(id, " \t;") {
			return fmt.Errorf("trusted_authserv_ids: %q is not an authserv-id", id)
		}
	}
	return nil
}

// Warnings lists settings that work but are probably not meant: `config check` prints
// them and serve logs them.
func (c Config) Warnings() []string {
	var out []string
	if len(c.AcceptedRecipients()) == 0 {
		out = append(out, "no [intake] or [[group]] addresses: mail for every recipient is accepted")
	}
	for _, a := range c.Intake.Addresses {
		if c.Routing.Central != "" && strings.EqualFold(strings.TrimSpace(a), c.Routing.Central) {
			out = append(out, fmt.Sprintf("[routing] central %s is also an [intake] address: "+
				"notices sent there come back as statements and are recorded as loops", c.Routing.Central))
		}
	}
	return out
}

// Relay transport security modes (RelayConfig.TLS), as package mail knows them.
const (
	RelayTLSStartTLS = mail.RelayTLSStartTLS
	RelayTLSImplicit = mail.RelayTLSImplicit
	RelayTLSNone     = mail.RelayTLSNone
)

func (r RelayConfig) validate() error {
	switch {
	case r.TLS != RelayTLSStartTLS && r.TLS != RelayTLSImplicit && r.TLS != RelayTLSNone:
		return fmt.Errorf("tls must be %q, %q or %q, not %q", RelayTLSStartTLS, RelayTLSImplicit, RelayTLSNone, r.TLS)
	case r.Port <= 0 || r.Port > 65535:
		return fmt.Errorf("port %d out of range", r.Port)
	case !directory.PlainAddress(r.From):
		return fmt.Errorf("from %q is not an address", r.From)
	case r.User != "" && (r.PasswordFile == "") == (r.PasswordEnv == ""):
		return errors.New("with user, exactly one of password_file and password_env is required")
	case r.TLS == RelayTLSNone && r.Host != "" && !loopbackHost(r.Host):
		// Forwards carry whole statements, and a password if one is set: in clear only
		// to a relay on this machine.
		return fmt.Errorf("tls = %q is for a relay on loopback only, not %s: use %q or %q", RelayTLSNone, r.Host,
			RelayTLSStartTLS, RelayTLSImplicit)
	case r.Timeout <= 0 || r.GiveUpAfter <= 0 || r.HourlyBudget < 1 || r.MaxMessageBytes < 1<<20:
		return errors.New("timeout and give_up_after must be positive, hourly_budget at least 1, max_message_bytes at least 1 MiB")
	case len(r.Retry) == 0:
		return errors.New("retry needs at least one delay")
	}
	for _, d := range r.Retry {
		if d <= 0 {
			return fmt.Errorf("retry delay %v is not positive", d)
		}
	}
	return nil
}

func (r RemindersConfig) validate() error {
	if len(r.After) > 2 {
		return fmt.Errorf("after lists %d offsets; at most two reminders follow a deadline", len(r.After))
	}
	for _, d := range append(append([]int{}, r.Before...), r.After...) {
		if d < 0 || d > 366 {
			return fmt.Errorf("offset %d: want days from 0 to 366", d)
		}
	}
	if r.Interval <= 0 {
		return errors.New("interval must be positive")
	}
	return nil
}

func loopbackHost(host string) bool {
	ip := net.ParseIP(host)
	return host == "localhost" || (ip != nil && ip.IsLoopback())
}

// DatabasePath is the SQLite file inside the data folder.
func (c Config) DatabasePath() string { return filepath.Join(c.DataDir, "liaisond.db") }

// SpoolDir holds messages while they are being received.
func (c Config) SpoolDir() string { return filepath.Join(c.DataDir, "spool") }

// TOML prints the effective settings in the file format.
func (c Config) TOML() (string, error) {
	var b bytes.Buffer
	err := toml.NewEncoder(&b).Encode(c)
	return b.String(), err
}
