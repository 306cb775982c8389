package mail

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the intake's Prometheus metrics. Labels are low-cardinality by design:
// source, protocol and a fixed set of reasons; never addresses or message ids.
type Metrics struct {
	Received      *prometheus.CounterVec   // source
	Bytes         *prometheus.CounterVec   // source
	Rejected      *prometheus.CounterVec   // reason
	Sessions      *prometheus.GaugeVec     // protocol
	CommitSeconds prometheus.Histogram     // one group commit
	CommitBatch   prometheus.Histogram     // messages per group commit
	IMAPErrors    *prometheus.CounterVec   // mailbox (configured, so few)
	IMAPPolls     *prometheus.CounterVec   // mailbox
	Panics        prometheus.Counter       // recovered panics in sessions
	spoolSeconds  *prometheus.HistogramVec // protocol: DATA received to 250
}

// NewMetrics creates the intake metrics and registers them with reg (nil: unregistered,
// as in tests).
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		Received: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "liaisond_messages_received_total", Help: "Messages recorded, by source.",
		}, []string{"source"}),
		Bytes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "liaisond_received_bytes_total", Help: "Bytes of messages recorded, by source.",
		}, []string{"source"}),
		Rejected: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "liaisond_rejections_total", Help: "Connections, recipients and messages refused, by reason.",
		}, []string{"reason"}),
		Sessions: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "liaisond_open_sessions", Help: "Open SMTP/LMTP connections.",
		}, []string{"protocol"}),
		CommitSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "liaisond_commit_seconds", Help: "Duration of one durable group commit.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 14),
		}),
		CommitBatch: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "liaisond_commit_batch_messages", Help: "Messages carried by one group commit.",
			Buckets: prometheus.ExponentialBuckets(1, 2, 8),
		}),
		IMAPErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "liaisond_imap_poll_errors_total", Help: "Failed IMAP connections or polls, by configured mailbox.",
		}, []string{"mailbox"}),
		IMAPPolls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "liaisond_imap_polls_total", Help: "IMAP polls completed, by configured mailbox.",
		}, []string{"mailbox"}),
		Panics: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "liaisond_intake_panics_total", Help: "Panics recovered in intake sessions (should stay 0).",
		}),
		spoolSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "liaisond_data_seconds", Help: "Time from the end of DATA to the durable reply.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 14),
		}, []string{"protocol"}),
	}
	if reg != nil {
		reg.MustRegister(m.Received, m.Bytes, m.Rejected, m.Sessions, m.CommitSeconds, m.CommitBatch,
			m.IMAPErrors, m.IMAPPolls, m.Panics, m.spoolSeconds)
	}
	return m
}

// ObserveCommit is the store's commit hook.
func (m *Metrics) ObserveCommit(d time.Duration, messages int) {
	m.CommitSeconds.Observe(d.Seconds())
	m.CommitBatch.Observe(float64(messages))
}
