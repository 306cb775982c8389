package mail

import (
	"context"
	"testing"
	"time"

	"github.com/liaisond/liaisond/bench"
)

// BenchmarkSMTPIntake16 measures durable intake of 4 KB messages over 16 connections
// through the real listener and store, without the rest of the daemon (see
// `liaisond bench` for the whole daemon against a discarding server).
func BenchmarkSMTPIntake16(b *testing.B) {
	ti := startIntake(b, false, nil, func(c *SMTPConfig) { c.MaxConnectionsPerIP = 100; c.MaxMessagesPerIPPerMinute = 0 })
	b.SetBytes(4 << 10)
	b.ResetTimer()
	r := bench.Run(context.Background(), "b", bench.Load{Addr: ti.addr(), Conns: 16, Messages: b.N, Size: 4 << 10, Timeout: 5 * time.Minute})
	if r.Sent != b.N {
		b.Fatalf("%d of %d sent: %s", r.Sent, b.N, r.FirstErr)
	}
	b.ReportMetric(r.PerSec, "msgs/s")
}
