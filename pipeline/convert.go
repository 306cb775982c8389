package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/liaisond/liaisond/convert"
	"github.com/liaisond/liaisond/store"
)

// PDFConverter makes PDFs of office documents (convert.Office).
type PDFConverter interface {
	Available() error
	ToPDF(ctx context.Context, filename string, data []byte) ([]byte, error)
}

// Converter turns the attachments that want a PDF into one, apart from the message
// workers: it takes every due conversion at once (up to Batch), so that a burst of
// documents shares LibreOffice start-ups, and a slow converter never holds up parsing or
// intake. Without a converter the attachments stay recorded without PDF and are converted
// once one is available (at the next start, or `liaisond reprocess`).
type Converter struct {
	DB          *store.DB
	Office      PDFConverter
	TextLimits  convert.Limits
	Batch       int
	MaxAttempts int
	Retry       func(attempt int) time.Duration
	// Unavailable is how long to wait before looking for the converter again.
	Unavailable time.Duration
	Log         *slog.Logger
	// Outcomes, when set, counts conversions by outcome (done, retry, failed).
	Outcomes *prometheus.CounterVec

	wake wakeup
}

// NewConversionMetric creates the counter of Converter.Outcomes and registers it on reg
// (which may be nil).
func NewConversionMetric(reg prometheus.Registerer) *prometheus.CounterVec {
	return newCounterVec(reg, "liaisond_conversions_total", "PDF conversions of attachments, by outcome.", "outcome")
}

// newCounterVec creates a counter with one label and registers it on reg (may be nil).
func newCounterVec(reg prometheus.Registerer, name, help, label string) *prometheus.CounterVec {
	c := prometheus.NewCounterVec(prometheus.CounterOpts{Name: name, Help: help}, []string{label})
	if reg != nil {
		reg.MustRegister(c)
	}
	return c
}

func (c *Converter) count(outcome string) {
	if c.Outcomes != nil {
		c.Outcomes.WithLabelValues(outcome).Inc()
	}
}

// Wake tells the converter that conversions are waiting.
func (c *Converter) Wake() { c.wake.Signal() }

// Run converts until ctx ends. It reports once when no converter is installed.
func (c *Converter) Run(ctx context.Context, poll time.Duration) {
	warned := false
	drainThenWait(ctx, poll, c.wake.C(), func(ctx context.Context) bool {
		if err := c.Office.Available(); err != nil {
			if !warned {
				c.Log.Warn("no PDF converter: attachments are recorded without PDF and converted when one is available", "err", err)
				warned = true
			}
			sleep(ctx, c.Unavailable)
			return true // look again
		}
		if warned {
			c.Log.Info("PDF converter available again")
			warned = false
		}
		return c.RunOnce(ctx) > 0
	})
}

// RunOnce converts one batch of due conversions and returns how many it took.
func (c *Converter) RunOnce(ctx context.Context) int {
	batch, err := c.DB.ClaimConversions(ctx, c.Batch, c.Retry)
	if err != nil {
		if ctx.Err() == nil {
			c.Log.Error("cannot claim conversions", "err", err)
		}
		return 0
	}
	var wg sync.WaitGroup
	for _, conv := range batch {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.convertOne(ctx, conv)
		}()
	}
	wg.Wait()
	return len(batch)
}

// convertOne converts one attachment and records the outcome. Formats whose text only the
// PDF yields (legacy .doc) get their text from it, and their message is processed again.
func (c *Converter) convertOne(ctx context.Context, conv store.Conversion) {
	log := c.Log.With("message", conv.Message, "attachment", conv.Filename, "attempt", conv.Attempts)
	start := time.Now()
	pdf, err := c.Office.ToPDF(ctx, conv.Filename, conv.Data)
	recordCtx := context.WithoutCancel(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return // shutting down; the claim scheduled a retry
		}
		// A full queue, an unwritable work folder or a full disk is no fault of the
		// document: it is tried again however often.
		final := conv.Attempts >= c.MaxAttempts && !errors.Is(err, convert.ErrBusy) &&
			!errors.Is(err, convert.ErrWorkFolder) && !store.IsStorageFull(err)
		if err := c.DB.FailConversion(recordCtx, conv, err, final); err != nil {
			log.Error("cannot record conversion failure", "err", err)
		}
		log.Warn("PDF conversion failed", "err", err, "final", final)
		c.count(map[bool]string{true: "failed", false: "retry"}[final])
		return
	}
	var text string
	if textFromPDF(conv.Kind) {
		if res, err := convert.Text(ctx, "converted.pdf", "application/pdf", pdf, c.TextLimits); err == nil {
			text = res.Text
		}
	}
	if err := c.DB.FinishConversion(recordCtx, conv, pdf, text); err != nil {
		log.Error("cannot record conversion", "err", err)
		return
	}
	log.Info("converted to PDF", "pdf_bytes", len(pdf), "duration", time.Since(start))
	c.count("done")
	if text != "" {
		if err := c.DB.RequeueMessage(recordCtx, conv.Message, "converter"); err != nil {
			log.Error("cannot requeue message for its new text", "err", err)
		}
	}
}

// PDFTexts converts, right away, the attachments whose text only their PDF yields, and
// records the PDF of each converted one (for `liaisond extract`, which stores nothing).
func PDFTexts(ctx context.Context, office PDFConverter, atts []store.Attachment, lim convert.Limits) []error {
	var errs []error
	for i := range atts {
		a := &atts[i]
		if !convert.NeedsPDF(a.Kind) || office.Available() != nil {
			continue
		}
		pdf, err := office.ToPDF(ctx, a.Filename, a.Data)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", a.Filename, err))
			continue
		}
		sum := sha256.Sum256(pdf)
		a.PDFState, a.PDFSize, a.PDFSHA256 = store.PDFDone, int64(len(pdf)), hex.EncodeToString(sum[:])
		if textFromPDF(a.Kind) {
			if res, err := convert.Text(ctx, "converted.pdf", "application/pdf", pdf, lim); err == nil {
				a.Text, a.TextError = res.Text, ""
			}
		}
	}
	return errs
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// textFromPDF reports whether a kind's text is read from its PDF (convert.Text answers
// ErrNeedsPDF for these legacy binary formats).
func textFromPDF(kind string) bool {
	switch kind {
	case "doc", "xls", "ppt":
		return true
	}
	return false
}
