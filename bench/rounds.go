package bench

import (
	"context"
	"fmt"
	"path/filepath"
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
//
// The 1-connection row also runs against the synced sink (the floor: each message
// written and flushed before its 250, see syncedLog), between the discarding sink and
// the daemon. A lone sender waits for one flush a message whatever the server, so
// floor/discard is what the disk allows, and durable/floor how close liaisond comes to it.
func (s *Suite) RunRounds(ctx context.Context, rounds int, conns []int) error {
	addrs, err := loopback.FreeAddrs(2)
	if err != nil {
		return err
	}
	sinkAddr, floorAddr := addrs[0], addrs[1]
	sink, err := s.start(ctx, sinkAddr, "bench-sink", "--listen", sinkAddr)
	if err != nil {
		return err
	}
	defer stopChild(sink)
	var scenarios []Scenario
	for _, sc := range Scenarios(s.Quick) {
		if sc.Size == 4<<10 && (len(conns) == 0 || slices.Contains(conns, sc.Conns)) {
			scenarios = append(scenarios, sc)
		}
	}
	if slices.ContainsFunc(scenarios, func(sc Scenario) bool { return sc.Conns == 1 }) {
		floor, err := s.start(ctx, floorAddr, "bench-sink", "--listen", floorAddr, "--sync", filepath.Join(s.Dir, "floor.log"))
		if err != nil {
			return err
		}
		defer stopChild(floor)
	}
	daemon, smtpAddr, webAddr, err := s.startDaemon(ctx, "rounds", "", true)
	if err != nil {
		return err
	}
	defer stopChild(daemon)
	ratios := make([][]float64, len(scenarios))
	var floorRatios, ofFloor []float64 // floor/discard and durable/floor, 1-connection row
	fmt.Fprintf(s.Out, "| round | conns | messages | durable msg/s | p50 | p99 | discard msg/s | p50 | p99 | durable/discard | floor msg/s | p50 | durable/floor |\n")
	fmt.Fprintf(s.Out, "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	received := 0
	for round := 1; round <= rounds; round++ {
		for i, sc := range scenarios {
			sinkRes, err := s.measure(ctx, fmt.Sprintf("sink-r%d", round), sinkAddr, sc)
			if err != nil {
				return err
			}
			var floorRes Result
			if sc.Conns == 1 {
				if floorRes, err = s.measure(ctx, fmt.Sprintf("floor-r%d", round), floorAddr, sc); err != nil {
					return err
				}
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
			floorCols := "| | |"
			if floorRes.Sent > 0 {
				floorRatios = append(floorRatios, floorRes.PerSec/sinkRes.PerSec)
				ofFloor = append(ofFloor, durable.PerSec/floorRes.PerSec)
				floorCols = fmt.Sprintf("%.0f | %s | %.0f%% |", floorRes.PerSec, ms(floorRes.P50), 100*durable.PerSec/floorRes.PerSec)
			}
			fmt.Fprintf(s.Out, "| %d | %d | %d | %.0f | %s | %s | %.0f | %s | %s | %.0f%% | %s\n", round, sc.Conns, sc.Messages,
				durable.PerSec, ms(durable.P50), ms(durable.P99), sinkRes.PerSec, ms(sinkRes.P50), ms(sinkRes.P99), 100*r, floorCols)
		}
	}
	fmt.Fprintf(s.Out, "\n| conns | durable/discard, median of %d rounds | min | max |\n|---|---|---|---|\n", rounds)
	for i, sc := range scenarios {
		rs := slices.Sorted(slices.Values(ratios[i]))
		fmt.Fprintf(s.Out, "| %d | %.0f%% | %.0f%% | %.0f%% |\n", sc.Conns, 100*median(rs), 100*rs[0], 100*rs[len(rs)-1])
	}
	if len(floorRatios) > 0 {
		fs, of := slices.Sorted(slices.Values(floorRatios)), slices.Sorted(slices.Values(ofFloor))
		fmt.Fprintf(s.Out, "\n1 connection, median of %d rounds: floor/discard %.0f%% (%.0f–%.0f%%), durable/floor %.0f%% (%.0f–%.0f%%)\n",
			rounds, 100*median(fs), 100*fs[0], 100*fs[len(fs)-1], 100*median(of), 100*of[0], 100*of[len(of)-1])
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
