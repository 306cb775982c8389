package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/liaisond/liaisond/classify"
	"github.com/liaisond/liaisond/directory"
	"github.com/liaisond/liaisond/mail"
	"github.com/liaisond/liaisond/outgoing"
	"github.com/liaisond/liaisond/store"
)

// Waker is told that work is waiting (the Outbox's Wake).
type Waker interface{ Wake() }

// Distributor plans the distribution of posted statements, apart from the message
// workers: for each posted statement not yet planned it applies the routing table
// (directory.Destinations) and records the outbox rows, the events and the mark that it
// is planned in one durable transaction, so that a crash can neither lose nor double a
// plan. A manager's approval (state posted) or reroute (store.Redistribute) makes a
// statement due again; destinations already planned are not sent twice.
type Distributor struct {
	DB   *store.DB
	Dest *directory.Destinations
	// Domain names our Message-IDs: the domain of the relay's from address.
	Domain string
	Outbox Waker // may be nil
	Log    *slog.Logger
	// Outgoing plans the delivery of statements sent from the IETF; nil holds them.
	Outgoing *outgoing.Service

	wake wakeup
}

// Wake tells the distributor that a statement was posted.
func (d *Distributor) Wake() { d.wake.Signal() }

// Run plans distributions until ctx ends, looking every poll and when woken.
func (d *Distributor) Run(ctx context.Context, poll time.Duration) {
	drainThenWait(ctx, poll, d.wake.C(), func(ctx context.Context) bool { return d.RunOnce(ctx) > 0 })
}

// RunOnce plans the statements waiting and returns how many it planned.
func (d *Distributor) RunOnce(ctx context.Context) int {
	todo, err := d.DB.StatementsToDistribute(ctx, 50)
	if err != nil {
		if ctx.Err() == nil {
			d.Log.Error("cannot list statements to distribute", "err", err)
		}
		return 0
	}
	n := 0
	for _, st := range todo {
		if ctx.Err() != nil {
			break
		}
		planned, err := d.distribute(ctx, st)
		if err != nil {
			// Left as it is: the next round tries again.
			d.Log.Error("cannot plan distribution", "statement", st.ID, "err", err)
			continue
		}
		if planned {
			n++
		}
	}
	if n > 0 && d.Outbox != nil {
		d.Outbox.Wake()
	}
	return n
}

// distribute plans one statement and records the plan.
func (d *Distributor) distribute(ctx context.Context, st store.Statement) (bool, error) {
	if st.Direction == store.DirectionOutgoing {
		return d.distributeOutgoing(ctx, st)
	}
	f := parseFields(st.Fields)
	in, err := d.input(ctx, st, f)
	if err != nil {
		return false, err
	}
	plan := d.Dest.Plan(in)
	dist := store.Distribution{Events: distributionEvents(plan)}
	if plan.Hold != "" {
		dist.Hold = plan.Hold
	}
	for _, dst := range append(plan.Forwards, plan.Notices...) {
		dist.Items = append(dist.Items, store.NewOutbox{
			Kind: dst.Kind, Destination: dst.Address, MessageID: messageID(d.Domain, st.ID, dst.Kind, "", dst.Address),
			Detail: itemDetail(plan, dst),
		})
	}
	if st.RepliesTo != 0 && st.Purpose == "response" {
		dist.Answers = st.RepliesTo
	}
	ok, err := d.DB.RecordDistribution(context.WithoutCancel(ctx), st.ID, dist)
	if err == nil && ok {
		d.Log.Info("distribution planned", "statement", st.ID, "case", plan.Case, "forwards", len(plan.Forwards),
			"notices", len(plan.Notices), "hold", plan.Hold)
	}
	return ok, err
}

// input gathers what the routing table reads: the recorded fields, the envelope
// recipient when the fields do not say where it arrived, and our loop header.
func (d *Distributor) input(ctx context.Context, st store.Statement, f classify.Metadata) (directory.DestInput, error) {
	in := directory.DestInput{DeliveredTo: deref(f.DeliveredTo), SendTo: deref(f.SendTo), RouteTo: f.RouteTo, From: f.From,
		Misdirected: f.Misdirected}
	if in.DeliveredTo == "" {
		m, err := d.DB.GetMessage(ctx, st.Message)
		if err != nil {
			return in, err
		}
		if len(m.Rcpt) == 1 {
			in.DeliveredTo = m.Rcpt[0]
		}
	}
	loop, err := loopMarked(ctx, d.DB, st.Message)
	if err != nil {
		return in, fmt.Errorf("read the header of message %d: %w", st.Message, err)
	}
	in.Loop = loop
	return in, nil
}

// loopMarked reports whether the raw message carries our loop header, reading only its
// header from the store.
func loopMarked(ctx context.Context, db *store.DB, message int64) (bool, error) {
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(db.WriteRaw(ctx, message, pw)) }()
	_, ok, err := mail.LoopMark(pr)
	pr.CloseWithError(io.ErrClosedPipe) // the writer stops at its next chunk
	return ok, err
}

// distributionEvents are the record-log entries of a plan: "distributed" or
// "distribution_held", and for a misdirected statement "misdirected" with where it
// arrived and where it went.
func distributionEvents(p directory.DestPlan) []store.Event {
	detail := map[string]any{"case": p.Case}
	put := func(k string, v any, present bool) {
		if present {
			detail[k] = v
		}
	}
	put("arrived_at", p.ArrivedAt, p.ArrivedAt != "")
	put("arrived_group", p.ArrivedGroup, p.ArrivedGroup != "")
	put("groups", p.Groups, len(p.Groups) > 0)
	put("forwards", destAddresses(p.Forwards), len(p.Forwards) > 0)
	put("notices", destAddresses(p.Notices), len(p.Notices) > 0)
	put("unknown_groups", p.Unknown, len(p.Unknown) > 0)
	put("refused", p.Refused, len(p.Refused) > 0)
	put("extractor_disagrees", true, p.Disagrees)
	put("ignored_send_to", p.IgnoredSendTo, p.IgnoredSendTo != "")
	if p.Hold != "" {
		detail["reason"] = p.Hold
		return []store.Event{{Type: store.EventDistributionHeld, Detail: detail}}
	}
	evs := []store.Event{{Type: store.EventDistributed, Detail: detail}}
	if p.Case == directory.DestMisdirected {
		evs = append(evs, store.Event{Type: store.EventMisdirected, Detail: map[string]any{
			"arrived_at": p.ArrivedAt, "arrived_group": p.ArrivedGroup, "addressed_to": p.Groups,
			"forwarded_to": destAddresses(p.Forwards), "informed": destAddresses(p.Notices),
		}})
	}
	return evs
}

// itemDetail is what composing the message needs to say why it comes.
func itemDetail(p directory.DestPlan, dst directory.Destination) map[string]any {
	return map[string]any{
		"case": p.Case, "group": dst.Group, "groups": p.Groups, "arrived_at": p.ArrivedAt,
		"arrived_group": p.ArrivedGroup, "forwarded_to": destAddresses(p.Forwards),
	}
}

func destAddresses(ds []directory.Destination) []string {
	out := make([]string, 0, len(ds))
	for _, d := range ds {
		out = append(out, d.Address)
	}
	return out
}

// messageID is the stable Message-ID of one outgoing message: the same statement, kind,
// slot and destination always give the same one, so a resend after a crash is
// recognisable as the same message.
func messageID(domain string, statement int64, kind, slot, dest string) string {
	sum := sha256.Sum256([]byte(strings.ToLower(dest)))
	parts := []string{"liaisond", fmt.Sprintf("s%d", statement), kind}
	if slot != "" {
		parts = append(parts, slot)
	}
	parts = append(parts, hex.EncodeToString(sum[:6]))
	return "<" + strings.Join(parts, ".") + "@" + domain + ">"
}

// parseFields reads the contract fields of a statement record that distribution reads,
// leniently: encoding/json leaves a field of an unexpected shape (a manager's edit, an
// older extractor) empty and goes on with the others.
func parseFields(raw json.RawMessage) classify.Metadata {
	var f classify.Metadata
	json.Unmarshal(raw, &f)
	return f
}

// summary is what outgoing texts say about a statement: the promoted columns (as a
// manager edited them) over the fields.
func summary(st store.Statement, f classify.Metadata, publicURL string) mail.Summary {
	s := mail.Summary{
		ID: st.ID, Title: firstNonEmpty(st.Title, deref(f.Title)), From: f.From, To: f.To,
		Purpose: firstNonEmpty(st.Purpose, deref(f.Purpose)), Deadline: firstNonEmpty(st.Deadline, deref(f.Deadline)),
		FromContacts: f.FromContacts, SendReplyTo: deref(f.SendReplyTo), ToContacts: f.ToContacts, SendTo: deref(f.SendTo),
		OtherIdentifiers: f.OtherIdentifiers, InResponseTo: deref(f.InResponseTo),
	}
	if len(st.From) > 0 {
		s.From = st.From
	}
	if len(st.To) > 0 {
		s.To = st.To
	}
	if publicURL != "" {
		s.RecordURL = strings.TrimRight(publicURL, "/") + fmt.Sprintf("/s/%d", st.ID)
	}
	return s
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
