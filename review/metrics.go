package review

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/liaisond/liaisond/store"
)

// Collector gives the review queue and the statements as gauges read from the database
// at scrape time (one grouped count and one MIN over the statements_state index), so
// they agree with the record after a restart and after every manager action.
type Collector struct {
	db                    *store.DB
	now                   func() time.Time
	states, queue, oldest *prometheus.Desc
}

// NewCollector returns the collector over db; register it wherever metrics are served.
func NewCollector(db *store.DB) *Collector {
	return &Collector{db: db, now: time.Now,
		states: prometheus.NewDesc("liaisond_statements", "Statements in the record, by state (queued, posted, rejected, failed).",
			[]string{"state"}, nil),
		queue: prometheus.NewDesc("liaisond_review_queue_size", "Statements waiting for a liaison manager (state queued).", nil, nil),
		oldest: prometheus.NewDesc("liaisond_review_queue_oldest_age_seconds",
			"Age of the oldest queued statement (since it was received); 0 when the queue is empty.", nil, nil),
	}
}

// Describe implements prometheus.Collector.
func (c *Collector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.states
	ch <- c.queue
	ch <- c.oldest
}

// Collect implements prometheus.Collector. When the database does not answer within
// two seconds the gauges are left out of the scrape rather than reported wrong.
func (c *Collector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	counts, oldest, err := c.db.StatementCounts(ctx)
	if err != nil {
		return
	}
	for _, s := range []string{store.StatementQueued, store.StatementPosted, store.StatementRejected, store.StatementFailed} {
		ch <- prometheus.MustNewConstMetric(c.states, prometheus.GaugeValue, float64(counts[s]), s)
	}
	ch <- prometheus.MustNewConstMetric(c.queue, prometheus.GaugeValue, float64(counts[store.StatementQueued]))
	age := 0.0
	if !oldest.IsZero() {
		age = max(0, c.now().Sub(oldest).Seconds())
	}
	ch <- prometheus.MustNewConstMetric(c.oldest, prometheus.GaugeValue, age)
}
