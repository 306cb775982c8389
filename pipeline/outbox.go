package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/liaisond/liaisond/directory"
	"github.com/liaisond/liaisond/mail"
	"github.com/liaisond/liaisond/store"
)

// Sender delivers one composed message (*mail.Relay). It returns nil only once the relay
// accepted it; mail.IsPermanent tells a refusal for good from a failure worth retrying.
type Sender interface {
	Send(ctx context.Context, from, to string, msg []byte) error
}

// Outbox sends what the distributor and the reminders planned, from the durable outbox:
// each message is claimed (its next attempt moved forward first), composed afresh from
// the statement, checked once more against the configuration, and handed to the relay.
// Delivery is at least once: a crash between the relay's 250 and our record of it sends
// the same message again, with the same Message-ID. Temporary failures are retried on
// the Retry schedule until GiveUpAfter; a permanent one fails at once. A failed message
// gets an event and is listed for the managers (store.OutboxItems, state failed).
// Without a relay, messages wait in the outbox.
type Outbox struct {
	DB    *store.DB
	Relay Sender // nil: no relay configured
	Dest  *directory.Destinations
	From  string // our sender address
	// PublicURL is the web address of the public record, for the links in the texts.
	PublicURL       string
	Retry           []time.Duration // delays after each failed attempt; the last repeats
	GiveUpAfter     time.Duration
	HourlyBudget    int
	PDFWait         time.Duration
	MaxMessageBytes int64
	// SendTimeout bounds one delivery, composing included.
	SendTimeout time.Duration
	Batch       int
	Log         *slog.Logger
	// Now is the clock for giving up; it must be the store's.
	Now func() time.Time
	// Known says whether the directory names an address: the recipients of outgoing
	// statements (other bodies' addresses, our chairs and lists) are checked against it.
	Known func(addr string) bool

	wake    wakeup
	metrics *outboxMetrics
	relay   relayHealth
}

// relayHealth follows whether the relay can be reached at all (in memory: after a restart
// the first due retry finds out again). While it cannot, waiting messages keep their own
// schedule, and one of them is tried every probe interval, so that the relay's return is
// noticed within that interval even when every message waits hours for its next retry;
// once it answers again, every waiting message is due at once.
type relayHealth struct {
	mu        sync.Mutex
	downSince time.Time // zero: reachable, or not known otherwise
	lastTry   time.Time
}

type outboxMetrics struct {
	outcomes *prometheus.CounterVec // kind, outcome: sent, retry, failed
}

// Register adds the outbox's metrics to reg: outcomes of delivery attempts, and the
// messages in each state (read from the database when scraped).
func (o *Outbox) Register(reg prometheus.Registerer) {
	o.metrics = &outboxMetrics{outcomes: prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "liaisond_outbox_attempts_total", Help: "Delivery attempts of forwards, notices and reminders, by outcome.",
	}, []string{"kind", "outcome"})}
	waiting := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "liaisond_outbox_waiting", Help: "Messages waiting in the outbox (pending).",
	}, func() float64 {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		counts, err := o.DB.OutboxCounts(ctx)
		if err != nil {
			return -1
		}
		return float64(counts[store.OutboxPending])
	})
	reg.MustRegister(o.metrics.outcomes, waiting)
}

func (o *Outbox) count(kind, outcome string) {
	if o.metrics != nil {
		o.metrics.outcomes.WithLabelValues(kind, outcome).Inc()
	}
}

// Wake tells the outbox that messages are waiting.
func (o *Outbox) Wake() { o.wake.Signal() }

// Run sends until ctx ends, looking every poll and when woken. Without a relay it only
// says, once, how many messages wait.
func (o *Outbox) Run(ctx context.Context, poll time.Duration) {
	if o.Relay == nil {
		counts, _ := o.DB.OutboxCounts(ctx)
		o.Log.Warn("no [relay] host configured: forwards, notices and reminders wait in the outbox",
			"waiting", counts[store.OutboxPending])
		<-ctx.Done()
		return
	}
	drainThenWait(ctx, poll, o.wake.C(), func(ctx context.Context) bool { return o.RunOnce(ctx) > 0 })
}

// RunOnce sends one batch of due messages and returns how many it tried.
func (o *Outbox) RunOnce(ctx context.Context) int {
	if o.Relay == nil {
		return 0
	}
	o.probe(ctx)
	items, err := o.DB.ClaimOutbox(ctx, store.OutboxClaim{Max: max(o.Batch, 1), HourlyBudget: o.HourlyBudget,
		PDFWait: o.PDFWait, RetryAfter: o.RetryAfter})
	if err != nil {
		if ctx.Err() == nil {
			o.Log.Error("cannot claim outbox messages", "err", err)
		}
		return 0
	}
	for _, it := range items {
		if ctx.Err() != nil {
			break // the claims scheduled retries
		}
		o.deliver(ctx, it)
	}
	return len(items)
}

// RetryAfter is the delay before attempt+1: the Retry schedule (its last delay
// repeating), with jitter so that messages that failed together do not retry together.
func (o *Outbox) RetryAfter(attempt int) time.Duration {
	if len(o.Retry) == 0 {
		return time.Minute
	}
	d := o.Retry[min(max(attempt, 1), len(o.Retry))-1]
	return d - d/10 + time.Duration(rand.Int64N(int64(d)/5+1))
}

// deliver sends one claimed message and records the outcome.
func (o *Outbox) deliver(ctx context.Context, it store.OutboxItem) {
	log := o.Log.With("outbox", it.ID, "statement", it.Statement, "kind", it.Kind, "to", it.Destination, "attempt", it.Attempts)
	record := context.WithoutCancel(ctx)
	if !o.allowed(it) {
		// The configuration changed since the plan: no open relay, ever.
		o.fail(record, log, it, errors.New("destination is no longer allowed by the configuration"), true)
		return
	}
	sendCtx, cancel := context.WithTimeout(ctx, o.SendTimeout)
	defer cancel()
	msg, dropped, err := o.compose(sendCtx, it)
	if err == nil {
		err = o.Relay.Send(sendCtx, o.From, it.Destination, msg)
	}
	if ctx.Err() == nil {
		o.noteRelay(record, log, err)
	}
	switch {
	case err == nil:
		ev := store.Event{Type: store.OutboxEvent(it.Kind, store.OutboxSent), Detail: map[string]any{"bytes": len(msg)}}
		if len(dropped) > 0 {
			ev.Detail["left_out"] = dropped
		}
		if err := o.DB.OutboxSent(record, it, ev); err != nil {
			log.Error("sent, but cannot record it (it will be sent again, same Message-ID)", "err", err)
		}
		o.count(it.Kind, "sent")
		log.Info("sent", "message_id", it.MessageID)
	case ctx.Err() != nil:
		// Shutting down: the claim already scheduled a retry.
	default:
		final := mail.IsPermanent(err) || o.Now().Sub(it.Since) >= o.GiveUpAfter
		o.fail(record, log, it, err, final)
	}
}

// allowed checks a row's destination against the configuration as it is now, just
// before sending: no open relay, ever.
func (o *Outbox) allowed(it store.OutboxItem) bool {
	if isOutgoingRow(it) || it.Kind == store.OutboxApproval {
		return o.Known != nil && o.Known(it.Destination)
	}
	return o.Dest.Allowed(destKind(it.Kind), it.Destination)
}

// isOutgoingRow reports whether a row is about a statement sent from the IETF: its mail
// to a recipient, or the notice to its chairs that its deadline passed unanswered.
func isOutgoingRow(it store.OutboxItem) bool {
	v, _ := it.Detail["outgoing"].(bool)
	return v
}

// probeInterval is how often an unreachable relay is tried: the first retry delay.
func (o *Outbox) probeInterval() time.Duration {
	if len(o.Retry) == 0 {
		return time.Minute
	}
	return o.Retry[0]
}

// probe makes the waiting message due soonest due now when the relay has been
// unreachable since its last try a probe interval ago.
func (o *Outbox) probe(ctx context.Context) {
	o.relay.mu.Lock()
	due := !o.relay.downSince.IsZero() && o.Now().Sub(o.relay.lastTry) >= o.probeInterval()
	o.relay.mu.Unlock()
	if !due {
		return
	}
	if _, err := o.DB.OutboxDueNow(ctx, true); err != nil && ctx.Err() == nil {
		o.Log.Error("cannot schedule a probe of the relay", "err", err)
	}
}

// noteRelay records what an attempt said about the relay: unreachable (no connection,
// TLS, greeting or login), or answering (it accepted the message or replied about it).
// When an unreachable relay answers again, every waiting message is made due.
func (o *Outbox) noteRelay(ctx context.Context, log *slog.Logger, sendErr error) {
	var re *mail.RelayError
	unreachable := errors.As(sendErr, &re) && re.Unreachable()
	if !unreachable && sendErr != nil && re == nil {
		return // failed before the relay was tried (composing): says nothing about it
	}
	now := o.Now()
	o.relay.mu.Lock()
	downSince := o.relay.downSince
	if unreachable {
		o.relay.lastTry = now
		if downSince.IsZero() {
			o.relay.downSince = now
		}
	} else {
		o.relay.downSince = time.Time{}
	}
	o.relay.mu.Unlock()
	switch {
	case unreachable && downSince.IsZero():
		log.Warn("relay unreachable: waiting messages keep their schedule and one is tried every probe interval",
			"err", sendErr, "probe_interval", o.probeInterval())
	case !unreachable && !downSince.IsZero():
		n, err := o.DB.OutboxDueNow(ctx, false)
		if err != nil {
			log.Error("relay reachable again, but cannot make the waiting messages due", "err", err)
			return
		}
		log.Info("relay reachable again: every waiting message is due now", "down_for", now.Sub(downSince), "messages", n)
		o.Wake()
	}
}

func (o *Outbox) fail(ctx context.Context, log *slog.Logger, it store.OutboxItem, cause error, final bool) {
	if !final {
		if err := o.DB.OutboxRetry(ctx, it, cause); err != nil {
			log.Error("cannot record a failed attempt", "err", err)
		}
		o.count(it.Kind, "retry")
		log.Warn("not sent, will retry", "err", cause, "next_attempt", it.NextAttempt)
		return
	}
	ev := store.Event{Type: store.OutboxEvent(it.Kind, store.OutboxFailed), Detail: map[string]any{"error": cause.Error(),
		"permanent": mail.IsPermanent(cause)}}
	if err := o.DB.OutboxFailed(ctx, it, cause, ev); err != nil {
		log.Error("cannot record a failed message", "err", err)
	}
	o.count(it.Kind, "failed")
	log.Error("not sent, given up: listed for the managers", "err", cause)
}

func destKind(kind string) string {
	if kind == store.OutboxNotice {
		return directory.DestNotice
	}
	return directory.DestForward
}

// compose builds the message of an outbox row from the statement as it is now.
func (o *Outbox) compose(ctx context.Context, it store.OutboxItem) ([]byte, []string, error) {
	if it.Kind == store.OutboxApproval {
		msg, err := o.composeApproval(ctx, it)
		return msg, nil, err
	}
	st, err := o.DB.GetStatement(ctx, it.Statement)
	if err != nil {
		return nil, nil, err
	}
	if isOutgoingRow(it) && it.Kind == store.OutboxForward {
		// The statement's own mail, byte for byte as recorded.
		raw, err := o.DB.Raw(ctx, st.Message)
		return raw, nil, err
	}
	s := summary(st, parseFields(st.Fields), o.PublicURL)
	out := mail.Outgoing{
		From: o.From, To: it.Destination, MessageID: it.MessageID, Date: it.CreatedAt,
		Loop: fmt.Sprintf("%s; statement=%d", it.Kind, it.Statement),
	}
	r := routeOf(it.Detail)
	switch it.Kind {
	case store.OutboxForward:
		out.Subject, out.Text = mail.ForwardSubject(s), mail.ForwardText(s, r)
		out.ReplyTo = mail.ForwardReplyTo(s)
		if err := o.attachStatement(ctx, st, &out); err != nil {
			return nil, nil, err
		}
	case store.OutboxNotice:
		if kind, _ := it.Detail["review"].(string); kind != "" {
			escalated := kind == store.ReviewNoticeEscalated
			out.Subject = mail.ReviewNoticeSubject(s, escalated)
			out.Text = mail.ReviewNoticeText(s, detailStrings(it.Detail, "reasons"), o.reviewURL(st.ID), escalated, detailInt(it.Detail, "waited_days"))
			break
		}
		out.Subject, out.Text = mail.NoticeSubject(s, r), mail.NoticeText(s, r)
	case store.OutboxReminder:
		offset := detailInt(it.Detail, "offset_days")
		out.Subject, out.Text = mail.ReminderSubject(s, offset), mail.ReminderText(s, offset)
		if isOutgoingRow(it) {
			out.Subject, out.Text = mail.UnansweredSubject(s), mail.UnansweredText(s, offset)
		}
	default:
		return nil, nil, fmt.Errorf("outbox kind %q", it.Kind)
	}
	return mail.Compose(out, o.MaxMessageBytes)
}

// composeApproval builds the mail asking an approver to approve an outgoing statement:
// its fields and the link to its page.
func (o *Outbox) composeApproval(ctx context.Context, it store.OutboxItem) ([]byte, error) {
	og, err := o.DB.GetOutgoing(ctx, it.Outgoing)
	if err != nil {
		return nil, err
	}
	s := mail.Summary{ID: og.ID, Title: og.Title, From: og.From, To: og.To, Purpose: og.Purpose, Deadline: og.Deadline}
	if og.InResponseTo != 0 {
		if st, err := o.DB.GetStatement(ctx, og.InResponseTo); err == nil {
			s.InResponseTo = st.Title
		}
	}
	link := ""
	if o.PublicURL != "" {
		link = strings.TrimRight(o.PublicURL, "/") + fmt.Sprintf("/send/%d", og.ID)
	}
	out := mail.Outgoing{From: o.From, To: it.Destination, MessageID: it.MessageID, Date: it.CreatedAt,
		Loop: fmt.Sprintf("approval; outgoing=%d", og.ID), Subject: mail.ApprovalSubject(s), Text: mail.ApprovalText(s, og.Author, link)}
	msg, _, err := mail.Compose(out, o.MaxMessageBytes)
	return msg, err
}

// attachStatement adds the original message and the PDFs made of its attachments.
func (o *Outbox) attachStatement(ctx context.Context, st store.Statement, out *mail.Outgoing) error {
	m, err := o.DB.GetMessage(ctx, st.Message)
	if err != nil {
		return err
	}
	out.References = m.MessageID
	if out.Original, err = o.DB.Raw(ctx, st.Message); err != nil {
		return err
	}
	atts, err := o.DB.Attachments(ctx, st.Message)
	if err != nil {
		return err
	}
	for _, a := range atts {
		out.Taken = append(out.Taken, a.Filename)
	}
	for _, a := range atts {
		if a.PDFState != store.PDFDone || a.PDFSHA256 == "" {
			continue
		}
		pdf, err := o.DB.Blob(ctx, a.PDFSHA256)
		if err != nil {
			return err
		}
		out.Files = append(out.Files, mail.OutFile{Name: mail.PDFName(a.Filename, out.Taken), ContentType: "application/pdf", Data: pdf})
	}
	return nil
}

// routeOf reads back the routing detail the distributor stored with the row.
func routeOf(d map[string]any) mail.Route {
	str := func(k string) string { s, _ := d[k].(string); return s }
	return mail.Route{Case: str("case"), ArrivedAt: str("arrived_at"), ArrivedGroup: str("arrived_group"),
		Group: str("group"), Groups: detailStrings(d, "groups"), ForwardedTo: detailStrings(d, "forwarded_to")}
}

// detailStrings reads back a list of strings stored in a row's JSON detail.
func detailStrings(d map[string]any, k string) []string {
	var out []string
	l, _ := d[k].([]any)
	for _, v := range l {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// reviewURL is the manager's page of a statement, "" without a public URL.
func (o *Outbox) reviewURL(id int64) string {
	if o.PublicURL == "" {
		return ""
	}
	return strings.TrimRight(o.PublicURL, "/") + fmt.Sprintf("/queue/%d", id)
}

func detailInt(d map[string]any, k string) int {
	f, _ := d[k].(float64) // JSON numbers
	return int(f)
}
