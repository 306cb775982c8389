package bench

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/liaisond/liaisond/internal/loopback"
)

// RunRounds measures the 4 KB intake rows (1, 16 and 64 connections) in interleaved
// rounds: in each round every row runs against the discarding sink and then against the
// daemon, one after the other, and the daemon's processing of what it received is
// waited for before the next sink run. Each ratio then compares two runs made seconds
// apart under the same load from the rest of the machine; the median over the rounds is
// what a noisy machine can still tell. conns selects the rows (nil: all three).
func (s *Suite) RunRounds(ctx context.Context, rounds int, conns []int) error {
	sinkAddr, err := loopback.FreeAddr()
	if err != nil {
		return err
	}
	sink, err := s.start(ctx, sinkAddr, "bench-sink", "--listen", sinkAddr)
	if err != nil {
		return err
	}
	defer stopChild(sink)
	daemon, smtpAddr, webAddr, err := s.startDaemon(ctx, "rounds", "", true)
	if err != nil {
		return err
	}
	defer stopChild(daemon)

	var scenarios []Scenario
	for _, sc := range Scenarios(s.Quick) {
		if sc.Size == 4<<10 && (len(conns) == 0 || slices.Contains(conns, sc.Conns)) {
			scenarios = append(scenarios, sc)
		}
	}
	ratios := make([][]float64, len(scenarios))
	fmt.Fprintf(s.Out, "| round | conns | messages | durable msg/s | p50 | p99 | discard msg/s | p50 | p99 | durable/discard |\n")
	fmt.Fprintf(s.Out, "|---|---|---|---|---|---|---|---|---|---|\n")
	received := 0
	for round := 1; round <= rounds; round++ {
		for i, sc := range scenarios {
			sinkRes, err := s.measure(ctx, fmt.Sprintf("sink-r%d", round), sinkAddr, sc)
			if err != nil {
				return err
			}
			durable, err := s.measure(ctx, fmt.Sprintf("durable-r%d", round), smtpAddr, sc)
			if err != nil {
				return err
			}
			received += sc.Messages
			// Processing gives way to intake, but it would take CPU from the next sink run.
			if _, err := waitMetrics(ctx, webAddr, 5*time.Minute, func(c map[string]float64) bool {
				return int(c[`liaisond_jobs_total{outcome="done"}`]+c[`liaisond_jobs_total{outcome="failed"}`]) >= received
			}); err != nil {
				return err
			}
			r := durable.PerSec / sinkRes.PerSec
			ratios[i] = append(ratios[i], r)
			fmt.Fprintf(s.Out, "| %d | %d | %d | %.0f | %s | %s | %.0f | %s | %s | %.0f%% |\n", round, sc.Conns, sc.Messages,
				durable.PerSec, ms(durable.P50), ms(durable.P99), sinkRes.PerSec, ms(sinkRes.P50), ms(sinkRes.P99), 100*r)
		}
	}
	fmt.Fprintf(s.Out, "\n| conns | durable/discard, median of %d rounds | min | max |\n|---|---|---|---|\n", rounds)
	for i, sc := range scenarios {
		rs := slices.Sorted(slices.Values(ratios[i]))
		fmt.Fprintf(s.Out, "| %d | %.0f%% | %.0f%% | %.0f%% |\n", sc.Conns, 100*median(rs), 100*rs[0], 100*rs[len(rs)-1])
	}
	return nil
}

// median of sorted values.
func median(sorted []float64) float64 {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}
