package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/convert"
	"github.com/liaisond/liaisond/directory"
	"github.com/liaisond/liaisond/mail"
	"github.com/liaisond/liaisond/outgoing"
	"github.com/liaisond/liaisond/pipeline"
	"github.com/liaisond/liaisond/review"
	"github.com/liaisond/liaisond/store"
	"github.com/liaisond/liaisond/web"
)

// daemon is every long-running part of `liaisond serve`, assembled from the config.
type daemon struct {
	cfg       config.Config
	log       *slog.Logger
	registry  *prometheus.Registry
	metrics   *mail.Metrics
	db        *store.DB
	spool     *mail.Spooler
	smtp      []*mail.SMTPServer
	imap      []*mail.IMAPPoller
	pipeline  *pipeline.Pipeline
	converter *pipeline.Converter
	office    *convert.Office
	web       *web.Server
	// Distribution: plans for posted statements, the outbox sender, deadline reminders.
	distributor *pipeline.Distributor
	outbox      *pipeline.Outbox
	reminders   *pipeline.Reminders
	notices     *pipeline.ReviewNotices
	// stopping is set when shutdown begins: /readyz then answers 503 at once, so that a
	// load balancer stops sending while sessions drain.
	stopping atomic.Bool
	sender   *pipeline.OutgoingSender // records approved outgoing statements' mail
	domain   string                   // of our Message-IDs
}

// unindexedGauge reports the messages recorded but not yet indexed (job and event to
// come): under a burst indexing follows intake, and this shows how far behind it is.
func unindexedGauge(db *store.DB) prometheus.Collector {
	return prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "liaisond_unindexed_messages", Help: "Messages recorded whose job and event are still to be written.",
	}, func() float64 {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		n, err := db.Unindexed(ctx)
		if err != nil {
			return -1
		}
		return float64(n)
	})
}

// assemble opens the database and builds every component; nothing listens yet.
func assemble(ctx context.Context, cfg config.Config, log *slog.Logger) (*daemon, error) {
	d := &daemon{cfg: cfg, log: log, registry: prometheus.NewRegistry()}
	d.registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	d.metrics = mail.NewMetrics(d.registry)
	opts := storeOptions(cfg.Store, log.With("component", "store"))
	opts.OnCommit = d.metrics.ObserveCommit
	opts.PreallocateLog = true
	db, err := store.Open(ctx, cfg.DatabasePath(), opts)
	if err != nil {
		return nil, err
	}
	d.db = db
	d.registry.MustRegister(unindexedGauge(db), review.NewCollector(db))
	if d.spool, err = mail.NewSpooler(cfg.SpoolDir()); err != nil {
		db.Close()
		return nil, err
	}
	if err := d.assembleIntake(); err != nil {
		db.Close()
		return nil, err
	}
	for _, box := range cfg.IMAP {
		p, err := mail.NewIMAPPoller(box, db, d.spool, db, d.metrics, log)
		if err != nil {
			db.Close()
			return nil, err
		}
		d.imap = append(d.imap, p)
	}
	if err := d.assembleDistribution(); err != nil {
		db.Close()
		return nil, err
	}
	d.office = convert.NewOffice(cfg.LibreOffice, log.With("component", "libreoffice"))
	d.pipeline, d.converter = newPipeline(cfg, db, d.office, log, d.registry, d.distributor.Wake)
	d.sender = &pipeline.OutgoingSender{DB: db, Out: outgoingService(cfg, db), Office: d.office,
		Importer: mail.NewImporter(db, d.spool, cfg.SMTP.MaxMessageBytes, cfg.SMTP.MaxHeaderBytes),
		From:     cfg.Relay.From, Domain: d.domain, PublicURL: cfg.Web.PublicURL, TextLimits: cfg.Convert,
		Log: log.With("component", "outgoing")}
	d.pipeline.IntakeBusy = d.intakeBusy
	if cfg.Web.Listen != "" || cfg.Web.OpsListen != "" {
		d.web = web.New(cfg, db, d.registry, map[string]web.ReadyFunc{"shutdown": d.notStopping}, log)
	}
	return d, nil
}

// newPipeline builds the message workers and the PDF converter that serve and reprocess
// share; posted (may be nil) is told when a statement is posted.
func newPipeline(cfg config.Config, db *store.DB, office *convert.Office, log *slog.Logger, reg prometheus.Registerer,
	posted func()) (*pipeline.Pipeline, *pipeline.Converter) {
	pc := pipeline.Config(cfg.Pipeline)
	conv := &pipeline.Converter{
		DB: db, Office: office, TextLimits: cfg.Convert, Batch: cfg.Pipeline.ConvertBatch,
		MaxAttempts: cfg.Pipeline.ConvertMaxAttempts, Retry: pc.RetryAfter,
		Unavailable: 5 * time.Minute, Log: log.With("component", "converter"),
		Outcomes: pipeline.NewConversionMetric(reg),
	}
	stages := &pipeline.Stages{DB: db, ParseLimits: cfg.Parse, TextLimits: cfg.Convert,
		Classifier: pipeline.NewClassifier(cfg), Auth: pipeline.NewAuthenticator(cfg.Auth), Outgoing: outgoingService(cfg, db),
		PDFQueued: conv.Wake, Posted: posted, Recorded: pipeline.NewStatementMetric(reg)}
	return pipeline.New(pc, db, stages, log, reg), conv
}

// notStopping is a readiness check: an error once shutdown has begun.
func (d *daemon) notStopping(context.Context) error {
	if d.stopping.Load() {
		return errors.New("shutting down")
	}
	return nil
}

// outgoingService is the outgoing statements' service over the directory's roles.
func outgoingService(cfg config.Config, db *store.DB) *outgoing.Service {
	return outgoing.New(cfg, db)
}

// intakeBusy reports whether any listener is receiving mail right now.
func (d *daemon) intakeBusy() bool {
	for _, s := range d.smtp {
		if s.Busy() {
			return true
		}
	}
	return false
}

func (d *daemon) assembleIntake() error {
	policy := mail.NewRcptPolicy(d.cfg.AcceptedRecipients())
	for _, w := range d.cfg.Warnings() {
		d.log.Warn("config: " + w)
	}
	for _, l := range []struct {
		cfg  mail.SMTPConfig
		lmtp bool
	}{{d.cfg.SMTP, false}, {d.cfg.LMTP, true}} {
		if l.cfg.Listen == "" {
			continue
		}
		srv, err := mail.NewSMTPServer(l.cfg, l.lmtp, d.db, d.spool, policy, d.metrics, d.log)
		if err != nil {
			return err
		}
		d.smtp = append(d.smtp, srv)
	}
	return nil
}

// assembleDistribution builds what sends posted statements on: the distributor (routing
// table → outbox), the outbox sender (relay; none configured keeps messages waiting) and
// the reminder scheduler. All three share one view of the directory.
func (d *daemon) assembleDistribution() error {
	cfg, log := d.cfg, d.log
	dest := directory.NewDestinations(cfg.Directory)
	domain := cfg.Relay.From[strings.LastIndexByte(cfg.Relay.From, '@')+1:]
	d.domain = domain
	out := outgoingService(cfg, d.db)
	d.outbox = &pipeline.Outbox{
		DB: d.db, Dest: dest, From: cfg.Relay.From, PublicURL: cfg.Web.PublicURL, Retry: cfg.Relay.Retry,
		GiveUpAfter: cfg.Relay.GiveUpAfter, HourlyBudget: cfg.Relay.HourlyBudget, PDFWait: cfg.Routing.PDFWait,
		MaxMessageBytes: cfg.Relay.MaxMessageBytes, SendTimeout: 5 * cfg.Relay.Timeout, Batch: 20,
		Log: log.With("component", "outbox"), Now: time.Now, Known: out.Roles.Known,
	}
	if cfg.Relay.Host != "" {
		relay, err := mail.NewRelay(cfg.Relay.RelayOptions, log)
		if err != nil {
			return err
		}
		d.outbox.Relay = relay
	}
	d.outbox.Register(d.registry)
	d.distributor = &pipeline.Distributor{DB: d.db, Dest: dest, Domain: domain, Outbox: d.outbox,
		Log: log.With("component", "distributor"), Outgoing: out}
	d.reminders = &pipeline.Reminders{DB: d.db, Dest: dest, Before: cfg.Reminders.Before, After: cfg.Reminders.After,
		Domain: domain, Outbox: d.outbox, Now: time.Now, Log: log.With("component", "reminders"), Chairs: out.Roles.Chairs}
	d.notices = pipeline.NewReviewNotices(cfg, d.db, domain, d.outbox, log.With("component", "review-notices"))
	return nil
}

// run starts every component, waits for ctx to end, then shuts down in stages: stop
// accepting and drain sessions, stop pollers and workers after their current item, close
// the database last.
func (d *daemon) run(ctx context.Context) error {
	if err := d.listen(); err != nil {
		// A busy port or socket: the listeners already open close again, and the error
		// (one line naming the address) is what the command prints.
		d.stopping.Store(true)
		d.shutdownIntake()
		d.office.Close()
		d.db.Close()
		return err
	}
	workCtx, stopWork := context.WithCancel(context.WithoutCancel(ctx))
	var wg sync.WaitGroup
	background := []func(){
		func() { d.pipeline.Run(workCtx) },
		func() { d.converter.Run(workCtx, d.cfg.Pipeline.PollInterval) },
		func() { d.distributor.Run(workCtx, d.cfg.Pipeline.PollInterval) },
		func() { d.outbox.Run(workCtx, d.cfg.Pipeline.PollInterval) },
		func() { d.reminders.Run(workCtx, d.cfg.Reminders.Interval) },
		func() { d.notices.Run(workCtx, d.cfg.Pipeline.PollInterval) },
		func() { d.sender.Run(workCtx, d.cfg.Pipeline.PollInterval) },
	}
	for _, p := range d.imap {
		background = append(background, func() { p.Run(workCtx) })
	}
	for _, f := range background {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f()
		}()
	}
	sdNotify("READY=1")
	d.log.Info("liaisond ready", "data", d.cfg.DataDir)

	<-ctx.Done()
	d.stopping.Store(true)
	sdNotify("STOPPING=1")
	d.log.Info("shutting down: draining sessions")
	d.shutdownIntake()
	if d.web != nil {
		d.web.Shutdown(context.Background())
	}
	stopWork()
	wg.Wait()
	d.office.Close()
	err := d.db.Close()
	d.log.Info("stopped")
	return err
}

// listen opens every listener: SMTP, LMTP, web.
func (d *daemon) listen() error {
	for _, s := range d.smtp {
		if err := s.Start(); err != nil {
			return err
		}
	}
	if d.web != nil {
		return d.web.Start()
	}
	return nil
}

func (d *daemon) shutdownIntake() {
	var wg sync.WaitGroup
	for _, s := range d.smtp {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.Shutdown(context.Background())
		}()
	}
	wg.Wait()
}

// defaultGCPercent is the daemon's GOGC unless the environment sets one. Its live heap
// stays at tens of megabytes (messages are spooled and stored in chunks), so collecting
// at 5x rather than 2x of it costs little memory and about a tenth of the CPU per
// received message (measured with liaisond bench).
const defaultGCPercent = 400

// defaultMemoryLimit is the daemon's GOMEMLIMIT unless the environment sets one: a soft
// limit at which the collector works harder, so that the 5x slack of defaultGCPercent
// never turns a burst of large messages or downloads (a live heap of a hundred megabytes
// or more) into half a gigabyte of RSS. Below it nothing changes.
const defaultMemoryLimit = 256 << 20

func setGC(log *slog.Logger) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(defaultGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	// SetMemoryLimit with a negative value only reads the limit.
	log.Debug("garbage collector", "GOGC", os.Getenv("GOGC"), "memory_limit", debug.SetMemoryLimit(-1))
}

func runServe(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: serve takes no arguments", errUsage)
	}
	cfg, err := env.loadConfig()
	if err != nil {
		return err
	}
	log := newLogger(cfg.Log, env.stderr)
	setGC(log)
	d, err := assemble(ctx, cfg, log)
	if err != nil {
		return err
	}
	// A second signal while draining stops at once; the first one ends ctx.
	go func() {
		<-ctx.Done()
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
		<-sig
		log.Error("second signal: exiting without draining")
		os.Exit(1)
	}()
	if err := d.run(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}
