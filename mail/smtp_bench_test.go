package mail

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/liaisond/liaisond/bench"
	"github.com/liaisond/liaisond/store"
)

// BenchmarkSMTPIntake measures durable intake of 4 KB messages over 1, 16 and 64
// connections through the real listener and store, without the rest of the daemon (see
// `liaisond bench` for the whole daemon against a discarding server). The Sink rows are
// the discarding server in the same process: the ceiling to compare with.
func BenchmarkSMTPIntake(b *testing.B) {
	for _, conns := range []int{1, 16, 64} {
		b.Run(fmt.Sprintf("conns=%d", conns), func(b *testing.B) {
			ti := startIntakeOn(b, store.Options{PreallocateLog: true}, false, nil, func(c *SMTPConfig) { c.MaxConnectionsPerIP = 100; c.MaxMessagesPerIPPerMinute = 0 })
			benchmarkLoad(b, ti.addr(), conns)
		})
	}
	for _, conns := range []int{1, 16, 64} {
		b.Run(fmt.Sprintf("sink-conns=%d", conns), func(b *testing.B) {
			sink, err := bench.StartSink("127.0.0.1:0", 64<<20, "")
			if err != nil {
				b.Fatal(err)
			}
			defer sink.Close()
			benchmarkLoad(b, sink.Addr(), conns)
		})
	}
	// The floor of a durable answer: each message written and flushed before its 250.
	b.Run("floor-conns=1", func(b *testing.B) {
		sink, err := bench.StartSink("127.0.0.1:0", 64<<20, filepath.Join(b.TempDir(), "floor"))
		if err != nil {
			b.Fatal(err)
		}
		defer sink.Close()
		benchmarkLoad(b, sink.Addr(), 1)
	})
}

func benchmarkLoad(b *testing.B, addr string, conns int) {
	b.SetBytes(4 << 10)
	b.ResetTimer()
	r := bench.Run(context.Background(), "b", bench.Load{Addr: addr, Conns: conns, Messages: b.N, Size: 4 << 10, Timeout: 5 * time.Minute})
	if r.Sent != b.N {
		b.Fatalf("%d of %d sent: %s", r.Sent, b.N, r.FirstErr)
	}
	b.ReportMetric(r.PerSec, "msgs/s")
}
