package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"
)

// WALBurst is a measured burst of statements: how large the daemon's write-ahead log
// got while it received and processed them, and how large it was a minute after the
// burst's end.
type WALBurst struct {
	Statements, Conns int
	Intake, Drain     time.Duration
	PeakWAL           int64 // during intake and processing
	AfterMinute       int64 // a minute after the last message was accepted
	Database          int64
}

// RunWALBurst sends n statements over 8 connections to a fresh daemon, follows its
// write-ahead log (every 50 ms) until a minute after the burst, and prints a table.
func (s *Suite) RunWALBurst(ctx context.Context, n int) (WALBurst, error) {
	row := WALBurst{Statements: n, Conns: 8}
	daemon, smtpAddr, webAddr, err := s.startDaemon(ctx, "wal", pipelineDirectory+"[libreoffice]\nbinary = \"/nonexistent/soffice\"\n", true)
	if err != nil {
		return row, err
	}
	defer stopChild(daemon)
	db := filepath.Join(s.Dir, "wal", "data", "liaisond.db")
	var peak atomic.Int64
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for {
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
			}
			if size := fileSize(db + "-wal"); size > peak.Load() {
				peak.Store(size)
			}
		}
	}()
	start := time.Now()
	load := Load{Addr: smtpAddr, Conns: row.Conns, Messages: n, Timeout: 30 * time.Minute,
		Build: func(i int) []byte { return Statement("wal", i, false) }}
	if res := Run(ctx, "wal", load); res.Sent != n {
		return row, fmt.Errorf("%d of %d sent (%s)", res.Sent, n, res.FirstErr)
	}
	row.Intake = time.Since(start)
	burstEnd := time.Now()
	done := func(c map[string]float64) bool {
		return int(c[`liaisond_jobs_total{outcome="done"}`]+c[`liaisond_jobs_total{outcome="failed"}`]) >= n
	}
	if _, err := waitMetrics(ctx, webAddr, 60*time.Minute, done); err != nil {
		return row, err
	}
	row.Drain = time.Since(start)
	select {
	case <-time.After(time.Until(burstEnd.Add(time.Minute))):
	case <-ctx.Done():
		return row, ctx.Err()
	}
	row.AfterMinute, row.PeakWAL, row.Database = fileSize(db+"-wal"), peak.Load(), fileSize(db)
	fmt.Fprintf(s.Out, "| statements | conns | intake | drained after | peak WAL | WAL a minute after the burst | database |\n")
	fmt.Fprintf(s.Out, "|---|---|---|---|---|---|---|\n")
	fmt.Fprintf(s.Out, "| %d | %d | %.1f s | %.1f s | %s | %s | %s |\n", n, row.Conns, row.Intake.Seconds(),
		row.Drain.Seconds(), mb(row.PeakWAL), mb(row.AfterMinute), mb(row.Database))
	return row, nil
}

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}
