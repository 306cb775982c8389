// Package pipeline owns the workers that take recorded messages through the processing
// stages (parse, convert, classify, route), asynchronously from intake: each job is
// claimed from the store, run with a time limit and under recover, and on failure
// retried with capped exponential backoff and jitter until its last attempt, after which
// it is marked failed for the review queue. A poison message never blocks the others.
//
// It must not speak protocols or parse anything itself: the stages are given to it.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"runtime/debug"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/liaisond/liaisond/store"
)

// Processor runs every stage for one recorded message. It must be idempotent: after a
// crash the same message is processed again. It returns the event that records the
// outcome (its Message field is filled in by the pipeline).
type Processor interface {
	Process(ctx context.Context, message int64) (store.Event, error)
}

// failureRecorder is a Processor that records a message whose last attempt failed.
type failureRecorder interface {
	Failed(ctx context.Context, message int64, cause error) error
}

// ProcessorFunc adapts a function to Processor.
type ProcessorFunc func(ctx context.Context, message int64) (store.Event, error)

// Process calls f.
func (f ProcessorFunc) Process(ctx context.Context, message int64) (store.Event, error) {
	return f(ctx, message)
}

// Config tunes the workers (see config.PipelineConfig for the file keys).
type Config struct {
	Workers            int
	MaxAttempts        int
	RetryInitial       time.Duration
	RetryMax           time.Duration
	StageTimeout       time.Duration
	PollInterval       time.Duration
	ConvertBatch       int
	ConvertMaxAttempts int
}

// Pipeline runs the workers.
type Pipeline struct {
	// IntakeBusy, when set, says that mail is being received; workers then wait (up to
	// half a minute at a time) so that processing never slows receiving, nor adds its
	// memory to a burst of large messages.
	IntakeBusy func() bool

	cfg     Config
	db      *store.DB
	proc    Processor
	log     *slog.Logger
	metrics *metrics
}

type metrics struct {
	done    *prometheus.CounterVec // outcome: done, retry, failed, storage_full
	seconds prometheus.Histogram
	panics  prometheus.Counter
}

// New creates a pipeline; reg may be nil.
func New(cfg Config, db *store.DB, proc Processor, log *slog.Logger, reg prometheus.Registerer) *Pipeline {
	m := &metrics{
		done: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "liaisond_jobs_total", Help: "Processing attempts, by outcome (done, retry, failed, storage_full).",
		}, []string{"outcome"}),
		seconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "liaisond_job_seconds", Help: "Duration of one processing attempt.",
			Buckets: prometheus.ExponentialBuckets(0.001, 3, 12),
		}),
		panics: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "liaisond_pipeline_panics_total", Help: "Panics recovered in processing (should stay 0).",
		}),
	}
	if reg != nil {
		reg.MustRegister(m.done, m.seconds, m.panics)
	}
	return &Pipeline{cfg: cfg, db: db, proc: proc, log: log.With("component", "pipeline"), metrics: m}
}

// Run starts the workers and returns when ctx is cancelled and every worker has finished
// its current job.
func (p *Pipeline) Run(ctx context.Context) {
	var wg sync.WaitGroup
	for i := range p.cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.worker(ctx, p.log.With("worker", i))
		}()
	}
	wg.Wait()
}

func (p *Pipeline) worker(ctx context.Context, log *slog.Logger) {
	// Work until nothing is due, then wait for a commit or the next tick.
	drainThenWait(ctx, p.cfg.PollInterval, p.db.Committed(), func(ctx context.Context) bool {
		return p.giveWayToIntake(ctx) && p.runOne(ctx, log)
	})
}

// giveWayToIntake waits while intake is busy, at most half a minute, so that under a
// steady load processing still advances. It returns false when ctx ended.
func (p *Pipeline) giveWayToIntake(ctx context.Context) bool {
	if p.IntakeBusy == nil {
		return ctx.Err() == nil
	}
	deadline := time.Now().Add(30 * time.Second)
	for p.IntakeBusy() && time.Now().Before(deadline) {
		select {
		case <-ctx.Done():
			return false
		case <-time.After(20 * time.Millisecond):
		}
	}
	return ctx.Err() == nil
}

// RunOnce processes every due job in the calling goroutine and returns how many it ran
// (for the CLI and tests).
func (p *Pipeline) RunOnce(ctx context.Context) int {
	n := 0
	for ctx.Err() == nil && p.runOne(ctx, p.log) {
		n++
	}
	return n
}

// runOne claims and runs one job; false when none was due or the store failed.
func (p *Pipeline) runOne(ctx context.Context, log *slog.Logger) bool {
	job, ok, err := p.db.ClaimJob(ctx, p.cfg.RetryAfter)
	if err != nil {
		if ctx.Err() == nil {
			log.Error("cannot claim a job", "err", err)
		}
		return false
	}
	if !ok {
		return false
	}
	log = log.With("message", job.Message, "attempt", job.Attempts)
	start := time.Now()
	ev, err := p.process(ctx, job.Message)
	p.metrics.seconds.Observe(time.Since(start).Seconds())
	// Record the outcome even when shutting down: the work is done.
	recordCtx := context.WithoutCancel(ctx)
	if err == nil {
		ev.Message = job.Message
		if err := p.db.FinishJob(recordCtx, job, ev); err != nil {
			log.Error("cannot record success", "err", err)
		}
		p.metrics.done.WithLabelValues("done").Inc()
		log.Info("processed", "outcome", outcomeOf(ev), "statement", ev.Statement, "duration", time.Since(start))
		return true
	}
	if ctx.Err() != nil && errors.Is(err, context.Canceled) {
		// Interrupted by shutdown: the claim already scheduled a retry.
		return false
	}
	if store.IsStorageFull(err) {
		// The disk is full, not the message broken: the attempt is not counted, however
		// long it lasts, and this worker pauses until the next commit or tick.
		if err := p.db.DeferJob(recordCtx, job, err, p.cfg.RetryInitial); err != nil {
			log.Error("cannot record the deferral", "err", err)
		}
		p.metrics.done.WithLabelValues("storage_full").Inc()
		log.Warn("processing deferred: local storage is full", "err", err, "retry_in", p.cfg.RetryInitial)
		return false
	}
	final := job.Attempts >= p.cfg.MaxAttempts
	if err := p.db.FailJob(recordCtx, job, err, final); err != nil {
		log.Error("cannot record failure", "err", err)
	}
	if f, ok := p.proc.(failureRecorder); ok && final {
		if err := f.Failed(recordCtx, job.Message, err); err != nil {
			log.Error("cannot record the failed statement", "err", err)
		}
	}
	outcome := "retry"
	if final {
		outcome = "failed"
	}
	p.metrics.done.WithLabelValues(outcome).Inc()
	log.Warn("processing failed", "err", err, "final", final)
	return true
}

// outcomeOf is what the event that ends a job says became of the message: its
// "outcome" (posted, queued, rejected, duplicate), else the event's type.
func outcomeOf(ev store.Event) string {
	if o, ok := ev.Detail["outcome"].(string); ok && o != "" {
		return o
	}
	return ev.Type
}

// process runs the stages with a time limit, turning a panic into an error so that one
// malformed message cannot take the daemon down.
func (p *Pipeline) process(ctx context.Context, message int64) (ev store.Event, err error) {
	ctx, cancel := context.WithTimeout(ctx, p.cfg.StageTimeout)
	defer cancel()
	defer func() {
		if r := recover(); r != nil {
			p.metrics.panics.Inc()
			p.log.Error("panic in processing", "message", message, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			err = fmt.Errorf("internal error while processing: %v", r)
		}
	}()
	return p.proc.Process(ctx, message)
}

// RetryAfter is the delay before attempt+1: doubling from RetryInitial, capped at
// RetryMax, with jitter so that a burst of failures does not retry in lockstep.
func (c Config) RetryAfter(attempt int) time.Duration {
	d := c.RetryInitial
	for i := 1; i < attempt && d < c.RetryMax; i++ {
		d *= 2
	}
	d = min(d, c.RetryMax)
	jitter := time.Duration(rand.Int64N(int64(d)/5 + 1))
	return d - d/10 + jitter
}
