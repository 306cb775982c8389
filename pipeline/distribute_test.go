package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/directory"
	"github.com/liaisond/liaisond/internal/teststore"
	"github.com/liaisond/liaisond/mail"
	"github.com/liaisond/liaisond/store"
)

// recordingRelay is a real SMTP server on loopback standing in for the relay: it
// records every message it accepts and answers what fail says first.
type recordingRelay struct {
	mu   sync.Mutex
	got  []relayedMsg
	fail func(rcpt string) *smtp.SMTPError // asked at DATA; nil = accept
	addr string
	srv  *smtp.Server
}

type relayedMsg struct {
	from, to string
	data     []byte
}

type relaySession struct {
	r        *recordingRelay
	from, to string
}

func (r *recordingRelay) NewSession(*smtp.Conn) (smtp.Session, error) {
	return &relaySession{r: r}, nil
}
func (s *relaySession) Mail(from string, _ *smtp.MailOptions) error { s.from = from; return nil }
func (s *relaySession) Rcpt(to string, _ *smtp.RcptOptions) error   { s.to = to; return nil }
func (s *relaySession) Reset()                                      {}
func (s *relaySession) Logout() error                               { return nil }
func (s *relaySession) Data(rd io.Reader) error {
	data, err := io.ReadAll(rd)
	if err != nil {
		return err
	}
	s.r.mu.Lock()
	defer s.r.mu.Unlock()
	if s.r.fail != nil {
		if e := s.r.fail(s.to); e != nil {
			return e
		}
	}
	s.r.got = append(s.r.got, relayedMsg{from: s.from, to: s.to, data: data})
	return nil
}

func startRecordingRelay(t *testing.T) *recordingRelay {
	t.Helper()
	r := &recordingRelay{srv: nil}
	r.srv = smtp.NewServer(r)
	r.srv.Domain = "relay.test"
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r.addr = l.Addr().String()
	go r.srv.Serve(l)
	t.Cleanup(func() { r.srv.Close() })
	return r
}

func (r *recordingRelay) messages() []relayedMsg {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]relayedMsg(nil), r.got...)
}

func (r *recordingRelay) setFail(f func(string) *smtp.SMTPError) {
	r.mu.Lock()
	r.fail = f
	r.mu.Unlock()
}

func (r *recordingRelay) recipients() []string {
	var out []string
	for _, m := range r.messages() {
		out = append(out, m.to)
	}
	slices.Sort(out)
	return out
}

func (r *recordingRelay) sender(t *testing.T) *mail.Relay {
	t.Helper()
	host, port, _ := net.SplitHostPort(r.addr)
	p, _ := strconv.Atoi(port)
	rel, err := mail.NewRelay(mail.RelayOptions{Host: host, Port: p, TLS: mail.RelayTLSNone, Timeout: 5 * time.Second},
		slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	return rel
}

// distConfig is the directory of these tests.
func distConfig() config.Config {
	cfg := config.Default()
	cfg.Intake.Addresses = []string{"statements@example.org"}
	cfg.Routing.Central = "coordination@example.org"
	cfg.Groups = []directory.Group{
		{Name: "CCAMP", Aliases: []string{"IETF CCAMP WG"}, Addresses: []string{"ccamp@example.org"}, ForwardTo: []string{"ccamp-chairs@example.org"}},
		{Name: "TEAS", Addresses: []string{"teas@example.org"}, ForwardTo: []string{"teas-chairs@example.org"}},
		{Name: "OPSAWG", Addresses: []string{"opsawg@example.org"}, ForwardTo: []string{"opsawg-chairs@example.org"}},
	}
	cfg.SDOs = []directory.SDO{{Name: "ETSI ISG F5G", LiaisonManager: "etsi-liaison@example.org"},
		{Name: "ITU-T SG15", LiaisonManager: "itu-t-liaison@example.org"}}
	return cfg
}

// distHarness is a store, a distributor and an outbox sending to a recording relay.
type distHarness struct {
	db    *store.DB
	clk   *clock
	relay *recordingRelay
	dist  *Distributor
	out   *Outbox
}

func newDistHarness(t *testing.T) *distHarness {
	t.Helper()
	clk := &clock{now: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	h := &distHarness{db: openDB(t, clk), clk: clk, relay: startRecordingRelay(t)}
	dest := directory.NewDestinations(distConfig().Directory)
	log := slog.New(slog.DiscardHandler)
	h.out = &Outbox{DB: h.db, Relay: h.relay.sender(t), Dest: dest, From: "liaisond@example.org", PublicURL: "http://record.test",
		Retry: []time.Duration{time.Minute, 5 * time.Minute}, GiveUpAfter: 48 * time.Hour, HourlyBudget: 30, PDFWait: time.Minute,
		MaxMessageBytes: 10 << 20, SendTimeout: 10 * time.Second, Batch: 10, Log: log, Now: clk.Now}
	h.dist = &Distributor{DB: h.db, Dest: dest, Domain: "example.org", Outbox: h.out, Log: log}
	return h
}

// post records a raw message and a posted statement with the given fields.
func (h *distHarness) post(t *testing.T, raw string, rcpt string, fields map[string]any) int64 {
	t.Helper()
	ctx := context.Background()
	sum := sha256.Sum256([]byte(raw))
	res, err := h.db.Ingest(ctx, store.Envelope{Source: store.SourceSMTP, Rcpt: []string{rcpt}},
		store.RawMessage{R: strings.NewReader(raw), Size: int64(len(raw)), SHA256: hex.EncodeToString(sum[:])})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(fields)
	title, _ := fields["title"].(string)
	purpose, _ := fields["purpose"].(string)
	deadline, _ := fields["deadline"].(string)
	id, err := h.db.SaveStatement(ctx, store.StatementRecord{Message: res.ID, State: store.StatementPosted, IsLiaison: true,
		Confidence: 0.95, Title: title, Purpose: purpose, Deadline: deadline, Fields: b}, store.Event{Type: "extracted"})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func (h *distHarness) runAll(ctx context.Context) {
	for h.dist.RunOnce(ctx)+h.out.RunOnce(ctx) > 0 {
	}
}

func rawLS(id, to, body string) string {
	return fmt.Sprintf("From: sg15@example.net\r\nTo: %s\r\nMessage-ID: <%s@example.net>\r\nSubject: LS %s\r\n\r\n%s\r\n", to, id, id, body)
}

// TestDistributeTable: each row of the routing table, through the outbox and a real
// relay, reaches exactly its destinations.
func TestDistributeTable(t *testing.T) {
	h := newDistHarness(t)
	ctx := context.Background()
	central := h.post(t, rawLS("central", "statements@example.org", "Please also send this to ops@evil.example and ccamp@example.org."),
		"statements@example.org", map[string]any{"title": "LS on OTN", "from": []string{"ITU-T SG15"}, "to": []string{"IETF CCAMP WG", "IETF TEAS WG"},
			"send_to": "statements@example.org", "delivered_to": "statements@example.org", "route_to": []string{"CCAMP", "TEAS"},
			"purpose": "information", "to_contacts": []string{"ops@evil.example"}})
	sendTo := h.post(t, rawLS("sendto", "statements@example.org", "x"), "statements@example.org",
		map[string]any{"title": "LS for the liaison manager", "send_to": "itu-t-liaison@example.org", "delivered_to": "statements@example.org",
			"route_to": []string{"CCAMP"}})
	misdirected := h.post(t, rawLS("misdirected", "opsawg@example.org", "x"), "opsawg@example.org",
		map[string]any{"title": "LS on F5G", "from": []string{"ETSI ISG F5G"}, "delivered_to": "opsawg@example.org", "misdirected": true,
			"route_to": []string{"CCAMP"}})
	delivered := h.post(t, rawLS("delivered", "teas@example.org", "x"), "teas@example.org",
		map[string]any{"title": "LS to TEAS", "route_to": []string{"TEAS"}}) // delivered_to from the envelope
	loop := h.post(t, "X-Liaisond-Loop: forward; statement=1\r\n"+rawLS("loop", "statements@example.org", "x"), "statements@example.org",
		map[string]any{"title": "LS on OTN", "delivered_to": "statements@example.org", "route_to": []string{"CCAMP"}})
	unknown := h.post(t, rawLS("unknown", "statements@example.org", "x"), "statements@example.org",
		map[string]any{"title": "LS to nobody", "delivered_to": "statements@example.org", "route_to": []string{"Nowhere WG"}})

	h.runAll(ctx)

	// The Send To naming ITU-T's liaison manager is not ours: CCAMP gets it, not the manager.
	want := []string{"ccamp-chairs@example.org", "ccamp-chairs@example.org", "ccamp-chairs@example.org", "etsi-liaison@example.org",
		"teas-chairs@example.org"}
	if got := h.relay.recipients(); !slices.Equal(got, want) {
		t.Fatalf("relay got mail for %v, want %v", got, want)
	}
	for _, m := range h.relay.messages() {
		if m.from != "liaisond@example.org" || strings.Contains(m.to, "evil") {
			t.Fatalf("message from %s to %s", m.from, m.to)
		}
		if v, ok, _ := mail.LoopMark(bytes.NewReader(m.data)); !ok || v == "" {
			t.Fatal("a message without our loop header")
		}
	}
	if ev := teststore.StatementEvents(t, h.db, sendTo)["distributed"]; ev.Detail["ignored_send_to"] != "itu-t-liaison@example.org" {
		t.Fatalf("distributed event of the statement with a foreign Send To: %+v", ev)
	}
	evs := teststore.StatementEvents(t, h.db, misdirected)
	mis := evs["misdirected"]
	if mis.Type == "" || mis.Detail["arrived_at"] != "opsawg@example.org" || fmt.Sprint(mis.Detail["informed"]) != "[etsi-liaison@example.org]" {
		t.Fatalf("misdirected event %+v", mis)
	}
	if evs["forwarded"].Type == "" || evs["notice_sent"].Type == "" {
		t.Fatalf("events of the misdirected statement: %v", evs)
	}
	for id, wantEvent := range map[int64]string{central: "distributed", sendTo: "distributed", delivered: "distributed",
		loop: "distribution_held", unknown: "distribution_held"} {
		if teststore.StatementEvents(t, h.db, id)[wantEvent].Type == "" {
			t.Errorf("statement %d has no %s event", id, wantEvent)
		}
	}
	held, _ := h.db.HeldDistributions(ctx)
	if len(held) != 2 || !strings.Contains(held[0].Reason, "loop") || !strings.Contains(held[1].Reason, "no known group") {
		t.Fatalf("held %+v", held)
	}
	// The notice says where it arrived and where it went.
	for _, m := range h.relay.messages() {
		if m.to == "etsi-liaison@example.org" && !bytes.Contains(m.data, []byte("arrived at opsawg@example.org")) {
			t.Fatalf("notice text:\n%s", m.data)
		}
	}
	// A manager's reroute of the held statement sends it, once.
	h.db.EditStatement(ctx, unknown, "alice", map[string]json.RawMessage{"route_to": json.RawMessage(`["OPSAWG"]`)},
		store.StatementRecord{Title: "LS to nobody"})
	if err := h.db.Redistribute(ctx, unknown, "alice"); err != nil {
		t.Fatal(err)
	}
	h.runAll(ctx)
	h.db.Redistribute(ctx, unknown, "alice")
	h.runAll(ctx)
	if n := len(h.relay.messages()); n != 6 || h.relay.recipients()[4] != "opsawg-chairs@example.org" {
		t.Fatalf("after reroute: %v", h.relay.recipients())
	}
}

// TestDistributeResponseTakesAction: a posted In-Response statement linked to an earlier
// one marks the earlier one's action as taken.
func TestDistributeResponseTakesAction(t *testing.T) {
	h := newDistHarness(t)
	ctx := context.Background()
	earlier := h.post(t, rawLS("a", "statements@example.org", "x"), "statements@example.org",
		map[string]any{"title": "LS asking", "purpose": "action", "deadline": "2026-04-01", "route_to": []string{"CCAMP"}})
	raw := rawLS("b", "statements@example.org", "x")
	sum := sha256.Sum256([]byte(raw))
	res, _ := h.db.Ingest(ctx, store.Envelope{Source: store.SourceSMTP, Rcpt: []string{"statements@example.org"}},
		store.RawMessage{R: strings.NewReader(raw), Size: int64(len(raw)), SHA256: hex.EncodeToString(sum[:])})
	h.db.SaveStatement(ctx, store.StatementRecord{Message: res.ID, State: store.StatementPosted, IsLiaison: true, Confidence: 0.9,
		Purpose: "response", RepliesTo: earlier, Fields: json.RawMessage(`{"route_to":["CCAMP"]}`)}, store.Event{Type: "extracted"})
	h.runAll(ctx)
	if st, _ := h.db.GetStatement(ctx, earlier); !st.ActionTaken {
		t.Fatal("action not taken")
	}
}
