package pipeline

import (
	"bytes"
	"context"
	"maps"
	"net"
	netmail "net/mail"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/store"
)

// sendAttempt is one delivery the outbox tried: when (fake time), what, and the outcome.
type sendAttempt struct {
	at        time.Time
	key       string // destination and Message-ID
	delivered bool
}

// attemptLog is a Sender that notes every attempt on the fake clock before passing it
// to the real relay client.
type attemptLog struct {
	next     Sender
	clk      *clock
	attempts []sendAttempt
}

func (a *attemptLog) Send(ctx context.Context, from, to string, msg []byte) error {
	err := a.next.Send(ctx, from, to, msg)
	a.attempts = append(a.attempts, sendAttempt{at: a.clk.Now(), key: to + " " + messageIDOf(msg), delivered: err == nil})
	return err
}

func messageIDOf(msg []byte) string {
	m, err := netmail.ReadMessage(bytes.NewReader(msg))
	if err != nil {
		return ""
	}
	return m.Header.Get("Message-Id")
}

// byKey groups the attempt times per outgoing message.
func (a *attemptLog) byKey() map[string][]time.Time {
	out := map[string][]time.Time{}
	for _, at := range a.attempts {
		out[at.key] = append(out[at.key], at.at)
	}
	return out
}

// unreachable closes the relay's listener: connections are refused, as when the relay
// host is down. reachable listens again on the same port.
func (r *recordingRelay) unreachable() { r.srv.Close() }

func (r *recordingRelay) reachable(t *testing.T) {
	t.Helper()
	l, err := net.Listen("tcp", r.addr)
	if err != nil {
		t.Fatalf("relay cannot listen again on %s: %v", r.addr, err)
	}
	r.srv = smtp.NewServer(r)
	r.srv.Domain = "relay.test"
	go r.srv.Serve(l)
}

// advance runs the distributor and the outbox as the daemon's loop would over d of fake
// time: at every poll (at most poll apart) and at the moment each retry falls due, so
// that the attempt times are exactly what the outbox scheduled. It stops early once done
// holds (done may be nil). Bounded: at most 10,000 rounds.
func (h *distHarness) advance(t *testing.T, ctx context.Context, d, poll time.Duration, done func() bool) {
	t.Helper()
	end := h.clk.Now().Add(d)
	for range 10000 {
		h.runAll(ctx)
		if done != nil && done() {
			return
		}
		now := h.clk.Now()
		if !now.Before(end) {
			return
		}
		next := end
		for _, at := range []time.Time{now.Add(poll), nextDue(t, h.db)} {
			if at.After(now) && at.Before(next) {
				next = at
			}
		}
		h.clk.Add(next.Sub(now))
	}
	t.Fatal("fake time did not reach its end in 10,000 rounds")
}

// nextDue is the earliest next attempt of a pending outgoing message (zero for none).
func nextDue(t *testing.T, db *store.DB) time.Time {
	t.Helper()
	items, err := db.OutboxItems(context.Background(), store.OutboxFilter{State: store.OutboxPending})
	if err != nil {
		t.Fatal(err)
	}
	var next time.Time
	for _, it := range items {
		if next.IsZero() || it.NextAttempt.Before(next) {
			next = it.NextAttempt
		}
	}
	return next
}

// TestProofRelayDownAnHour: with the shipped [relay] retry schedule and give_up_after,
// the relay answers 451 for half an hour of fake time, then refuses connections for
// another half hour. While it answers, the outbox retries on its schedule; while it
// cannot be reached, one waiting message is tried a minute (the first retry delay), not
// more; it gives nothing up, and within two minutes of the relay's return every forward
// and notice is delivered, exactly once (before, they waited for their next retry, up to
// two hours). One destination the relay goes on refusing is retried on its schedule and
// given up at give_up_after, not before.
func TestProofRelayDownAnHour(t *testing.T) {
	wall := time.Now()
	ctx := context.Background()
	h := newDistHarness(t)
	shipped := config.Default().Relay
	h.out.Retry, h.out.GiveUpAfter = shipped.Retry, shipped.GiveUpAfter
	log := &attemptLog{next: h.out.Relay, clk: h.clk}
	h.out.Relay = log
	const refusedForGood = "opsawg-chairs@example.org"
	h.post(t, rawLS("down-central", "statements@example.org", "x"), "statements@example.org", map[string]any{"title": "LS on OTN",
		"delivered_to": "statements@example.org", "route_to": []string{"CCAMP", "TEAS"}})
	h.post(t, rawLS("down-misdirected", "opsawg@example.org", "x"), "opsawg@example.org", map[string]any{"title": "LS on F5G",
		"from": []string{"ETSI ISG F5G"}, "delivered_to": "opsawg@example.org", "misdirected": true, "route_to": []string{"CCAMP"}})
	h.post(t, rawLS("down-opsawg", "statements@example.org", "x"), "statements@example.org", map[string]any{"title": "LS to OPSAWG",
		"delivered_to": "statements@example.org", "route_to": []string{"OPSAWG"}})
	down := h.clk.Now()
	const poll = time.Minute // the daemon polls every pipeline poll_interval (seconds)

	h.relay.setFail(tempFailure) // every DATA answered 451
	h.advance(t, ctx, 30*time.Minute, poll, nil)
	answering := len(log.attempts)
	refused := h.clk.Now()
	h.relay.unreachable()
	h.advance(t, ctx, 30*time.Minute, poll, nil)
	unreachable := len(log.attempts) - answering
	states := outboxStates(t, h.db)
	// Answering: each message at 0, 1m and 6m (±10 %), the next at 36m. Unreachable:
	// those five at 36m, then one probe a minute until the hour is over.
	if states[store.OutboxPending] != 5 || len(h.relay.messages()) != 0 || answering != 5*3 || unreachable > 5+30 {
		t.Fatalf("after an hour down: states %v, %d delivered, %d attempts while the relay answered 451, %d while unreachable; "+
			"want 5 pending, none given up, 15 attempts, then at most 35", states, len(h.relay.messages()), answering, unreachable)
	}

	back := h.clk.Now()
	h.relay.reachable(t)
	h.relay.setFail(func(rcpt string) *smtp.SMTPError {
		if rcpt == refusedForGood {
			return tempFailure(rcpt)
		}
		return nil
	})
	allButOne := func() bool { return outboxStates(t, h.db)[store.OutboxSent] == 4 }
	h.advance(t, ctx, 6*time.Hour, poll, allButOne)
	delivered := h.clk.Now()
	// On to the give-up, and past it: nothing may be sent again.
	h.advance(t, ctx, shipped.GiveUpAfter+2*time.Hour-h.clk.Now().Sub(down), 15*time.Minute, nil)

	// The schedule holds while the relay answers; the probes and the flush on its return
	// come between.
	schedule := checkSchedule(t, log.byKey(), shipped.Retry, func(prev, next time.Time) bool {
		return !next.Before(refused) && !prev.After(delivered)
	})
	failed, err := h.db.OutboxItems(ctx, store.OutboxFilter{State: store.OutboxFailed})
	if err != nil {
		t.Fatal(err)
	}
	gaveUpAttempts, gaveUpAt := log.attemptsTo(refusedForGood)
	perKey := map[string]int{}
	for _, m := range h.relay.messages() {
		perKey[m.to+" "+messageIDOf(m.data)]++
	}
	t.Logf("PROOF fault: relay down 1 h of fake time (451 for 30 min, connection refused for 30 min), retry %v, give_up_after %v: "+
		"%d attempts at 5 messages while it answered 451 (on schedule: gaps %s), %d while it could not be reached "+
		"(one probe a minute), 0 given up; back at 1h, the %d deliverable delivered %s later, each exactly once (%v); "+
		"the destination refused for good given up at its attempt %d, %s after the outage began (give_up_after %v); took %s",
		shipped.Retry, shipped.GiveUpAfter, answering, schedule, unreachable, len(perKey), delivered.Sub(back).Round(time.Second),
		sortedCounts(perKey), gaveUpAttempts, gaveUpAt.Sub(down).Round(time.Minute),
		shipped.GiveUpAfter, time.Since(wall).Round(10*time.Millisecond))
	if len(perKey) != 4 || slices.ContainsFunc(mapValues(perKey), func(n int) bool { return n != 1 }) {
		t.Fatalf("deliveries per message %v, want 4 messages each delivered once", perKey)
	}
	if delivered.Sub(back) > 2*poll {
		t.Fatalf("delivered %s after the relay was back, want within %s (a probe interval and a poll)", delivered.Sub(back), 2*poll)
	}
	if len(failed) != 1 || failed[0].Destination != refusedForGood || gaveUpAt.Sub(failed[0].Since) < shipped.GiveUpAfter {
		t.Fatalf("failed %+v, want only %s, given up no earlier than give_up_after", failed, refusedForGood)
	}
}

// checkSchedule checks that every gap between two attempts at one message is the retry
// delay for that attempt, with its ±10 % jitter, except the gaps skip names, and
// describes the checked gaps of the first message.
func checkSchedule(t *testing.T, byKey map[string][]time.Time, retry []time.Duration, skip func(prev, next time.Time) bool) string {
	t.Helper()
	gaps := map[string][]string{}
	for key, times := range byKey {
		for i := 1; i < len(times); i++ {
			if skip(times[i-1], times[i]) {
				continue
			}
			want := retry[min(i, len(retry))-1]
			gap := times[i].Sub(times[i-1])
			if gap < want-want/10 || gap > want+want/10 {
				t.Errorf("%s: attempt %d came %v after the one before, want %v ±10%%", key, i+1, gap, want)
			}
			gaps[key] = append(gaps[key], gap.Round(time.Second).String())
		}
	}
	keys := slices.Sorted(maps.Keys(gaps))
	if len(keys) == 0 {
		return ""
	}
	return strings.Join(gaps[keys[0]], ", ")
}

// attemptsTo counts the attempts at messages to dest and returns when the last was.
func (a *attemptLog) attemptsTo(dest string) (int, time.Time) {
	n, last := 0, time.Time{}
	for _, at := range a.attempts {
		if strings.HasPrefix(at.key, dest+" ") {
			n, last = n+1, at.at
		}
	}
	return n, last
}

func sortedCounts(m map[string]int) []int {
	v := mapValues(m)
	slices.Sort(v)
	return v
}

func mapValues(m map[string]int) []int {
	var out []int
	for _, n := range m {
		out = append(out, n)
	}
	return out
}
