package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/liaisond/liaisond/classify"
	"github.com/liaisond/liaisond/message"
	"github.com/liaisond/liaisond/outgoing"
	"github.com/liaisond/liaisond/store"
)

// recordOutgoing records the mail of outgoing statement out as its statement: posted,
// direction outgoing, with the fields as approved (never extracted from the mail), then
// indexed so that answers find it by its Message-ID, title and search.
func (s *Stages) recordOutgoing(ctx context.Context, message, out int64, msg *message.Message) (int64, error) {
	o, err := s.DB.GetOutgoing(ctx, out)
	if err != nil {
		return 0, err
	}
	stored, err := s.DB.Attachments(ctx, message)
	if err != nil {
		return 0, err
	}
	rcpt, err := s.Outgoing.Recipients(ctx, o)
	if err != nil {
		return 0, err
	}
	str := func(v string) *string {
		if v == "" {
			return nil
		}
		return &v
	}
	md := classify.Metadata{Title: str(o.Title), From: o.From, FromContacts: s.Outgoing.Roles.FromContacts(o.From),
		SendReplyTo: str(rcpt.ReplyTo), To: o.To, ToContacts: []string{}, SendTo: str(strings.Join(rcpt.To, ", ")),
		Purpose: str(o.Purpose), Deadline: str(o.Deadline), OtherIdentifiers: []string{}, RouteTo: []string{}}
	if o.InResponseTo != 0 {
		if st, err := s.DB.GetStatement(ctx, o.InResponseTo); err == nil {
			md.InResponseTo = str(st.Title)
		}
	}
	x := &classify.Extraction{IsLiaison: true, Confidence: 1, Metadata: md, Evidence: map[string]classify.Evidence{}}
	x.SetKeys(msg)
	rec := store.StatementRecord{Message: message, State: store.StatementPosted, Direction: store.DirectionOutgoing,
		IsLiaison: true, Confidence: 1, Title: o.Title, Purpose: o.Purpose, Deadline: o.Deadline, From: o.From, To: o.To,
		RepliesTo: o.InResponseTo}
	if rec.Fields, rec.Evidence, err = splitExtraction(x); err != nil {
		return 0, err
	}
	stmt, err := s.DB.SaveStatement(ctx, rec, store.Event{Type: store.StatementPosted,
		Detail: map[string]any{"direction": store.DirectionOutgoing, "outgoing": o.ID, "author": o.Author}})
	if err != nil {
		return 0, err
	}
	if err := s.index(ctx, stmt, x, msg, stored); err != nil {
		return 0, err
	}
	if s.Posted != nil {
		s.Posted()
	}
	return stmt, nil
}

// distributeOutgoing plans the delivery of an outgoing statement's mail, as recorded, to
// each of its recipients (worked out again from the directory, as when it was composed).
// A response marks the statement it answers as acted on.
func (d *Distributor) distributeOutgoing(ctx context.Context, st store.Statement) (bool, error) {
	dist := store.Distribution{}
	var rcpt outgoing.Recipients
	o, err := d.outgoingOf(ctx, st)
	if err == nil {
		rcpt, err = d.Outgoing.Recipients(ctx, o)
	}
	if err != nil {
		dist.Hold = "outgoing statement: " + err.Error()
		dist.Events = []store.Event{{Type: store.EventDistributionHeld, Detail: map[string]any{"case": "outgoing", "reason": dist.Hold}}}
	} else {
		for _, r := range []struct {
			role  string
			addrs []string
		}{{"to", rcpt.To}, {"cc", rcpt.Cc}} {
			for _, a := range r.addrs {
				dist.Items = append(dist.Items, store.NewOutbox{Kind: store.OutboxForward, Destination: a,
					MessageID: messageID(d.Domain, st.ID, "outgoing", "", a), Detail: map[string]any{"outgoing": true, "role": r.role}})
			}
		}
		dist.Events = []store.Event{{Type: store.EventDistributed, Detail: map[string]any{"case": "outgoing", "to": rcpt.To, "cc": rcpt.Cc}}}
		if st.RepliesTo != 0 && st.Purpose == "response" {
			dist.Answers = st.RepliesTo
		}
	}
	ok, err := d.DB.RecordDistribution(context.WithoutCancel(ctx), st.ID, dist)
	if err == nil && ok {
		d.Log.Info("distribution planned", "statement", st.ID, "case", "outgoing", "to", len(rcpt.To), "cc", len(rcpt.Cc), "hold", dist.Hold)
	}
	return ok, err
}

// outgoingOf is the outgoing statement whose mail st was recorded from.
func (d *Distributor) outgoingOf(ctx context.Context, st store.Statement) (store.Outgoing, error) {
	if d.Outgoing == nil {
		return store.Outgoing{}, errors.New("no outgoing service configured")
	}
	m, err := d.DB.GetMessage(ctx, st.Message)
	if err != nil {
		return store.Outgoing{}, err
	}
	id, ok := outgoing.FromOrigin(m.Origin)
	if !ok {
		return store.Outgoing{}, fmt.Errorf("message %d is not the mail of an outgoing statement", st.Message)
	}
	return d.DB.GetOutgoing(ctx, id)
}
