package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/liaisond/liaisond/internal/smtpsend"
	"github.com/liaisond/liaisond/internal/teststore"
	"github.com/liaisond/liaisond/internal/testutil"
	"github.com/liaisond/liaisond/mail"
	"github.com/liaisond/liaisond/pipeline"
	"github.com/liaisond/liaisond/store"
)

// testRelay is the relay of the end-to-end tests: a go-smtp server on 127.0.0.1 that
// records every message it accepts, and can refuse, stop and start again on its port.
type testRelay struct {
	addr string
	mu   sync.Mutex
	got  []relayedMail
	fail func(rcpt string, attempt int) *smtp.SMTPError
	seen map[string]int // DATA attempts per recipient
	srv  *smtp.Server
}

type relayedMail struct {
	to   string
	data []byte
}

type testRelaySession struct {
	r  *testRelay
	to string
}

func (r *testRelay) NewSession(*smtp.Conn) (smtp.Session, error) { return &testRelaySession{r: r}, nil }
func (s *testRelaySession) Mail(string, *smtp.MailOptions) error { return nil }
func (s *testRelaySession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.to = to
	return nil
}
func (s *testRelaySession) Reset()        {}
func (s *testRelaySession) Logout() error { return nil }
func (s *testRelaySession) Data(rd io.Reader) error {
	data, err := io.ReadAll(rd)
	if err != nil {
		return err
	}
	s.r.mu.Lock()
	defer s.r.mu.Unlock()
	s.r.seen[s.to]++
	if s.r.fail != nil {
		if e := s.r.fail(s.to, s.r.seen[s.to]); e != nil {
			return e
		}
	}
	s.r.got = append(s.r.got, relayedMail{to: s.to, data: data})
	return nil
}

// newTestRelay reserves a loopback port; start listens on it.
func newTestRelay(t *testing.T) *testRelay {
	r := &testRelay{addr: freePort(t), seen: map[string]int{}}
	t.Cleanup(r.stop)
	return r
}

func (r *testRelay) start(t *testing.T) {
	t.Helper()
	l, err := net.Listen("tcp", r.addr)
	if err != nil {
		t.Fatal(err)
	}
	srv := smtp.NewServer(r)
	srv.Domain = "relay.test"
	r.mu.Lock()
	r.srv = srv
	r.mu.Unlock()
	go srv.Serve(l)
}

func (r *testRelay) stop() {
	r.mu.Lock()
	srv := r.srv
	r.srv = nil
	r.mu.Unlock()
	if srv != nil {
		srv.Close()
	}
}

// allMessages is every message the relay accepted.
func (r *testRelay) allMessages() []relayedMail {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]relayedMail(nil), r.got...)
}

// messages is what distribution sent: every message but review notices, which go or not
// depending on whether a manager acted before the notice was sent.
func (r *testRelay) messages() []relayedMail {
	var out []relayedMail
	for _, m := range r.allMessages() {
		if !bytes.Contains(m.data, []byte(".notice.review-")) {
			out = append(out, m)
		}
	}
	return out
}

func (r *testRelay) recipients() []string {
	var out []string
	for _, m := range r.messages() {
		out = append(out, m.to)
	}
	slices.Sort(out)
	return out
}

// waitFor waits until the relay holds n messages.
func (r *testRelay) waitFor(t *testing.T, n int, d *daemonProc) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for len(r.messages()) < n {
		if time.Now().After(deadline) {
			d.kill(t) // before reading its log, which it writes while it runs
			t.Fatalf("relay got %d messages (%v), want %d; daemon log:\n%s", len(r.messages()), r.recipients(), n, d.stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// distributionConfig is the daemon config of these tests: the corpus directory, central
// = an intake address (as in docs/design.md), the relay on loopback with quick retries.
func distributionConfig(t *testing.T, dir string, relay *testRelay) (path, smtpAddr, webAddr string) {
	t.Helper()
	return writeConfig(t, dir, distributionKeys(t, relay, ""))
}

// distributionKeys is the config text after [pipeline] of distributionConfig; relayKeys
// are added to its [relay] section.
func distributionKeys(t *testing.T, relay *testRelay, relayKeys string) string {
	t.Helper()
	directory, err := os.ReadFile(filepath.Join(testutil.SharedDir(t), "corpus", "directory.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return relaySection(relay, "give_up_after = \"1h\"\n"+relayKeys) + fmt.Sprintf(`[routing]
central = "liaison-coordination@example.org"
pdf_wait = "2s"
[libreoffice]
binary = "/nonexistent/soffice"
%s`, directory)
}

// relaySection is the [relay] section of the end-to-end tests: the test relay in the
// clear on loopback, quick retries, and extra keys (each line ending in a newline).
func relaySection(relay *testRelay, extra string) string {
	host, port, _ := net.SplitHostPort(relay.addr)
	return fmt.Sprintf(`[relay]
host = %q
port = %s
tls = "none"
from = "liaisond@example.org"
timeout = "5s"
retry = ["300ms"]
%s`, host, port, extra)
}

// seedPosted records a message and a posted statement with the given fields straight in
// the database, before the daemon starts, with its processing job done: the daemon
// distributes it without needing the extractor.
func seedPosted(t *testing.T, db *store.DB, raw, rcpt string, fields map[string]any) int64 {
	t.Helper()
	ctx := context.Background()
	sum := sha256.Sum256([]byte(raw))
	var messageID string
	if _, rest, ok := strings.Cut(raw, "Message-ID: "); ok {
		messageID, _, _ = strings.Cut(rest, "\r\n")
	}
	res, err := db.Ingest(ctx, store.Envelope{Source: store.SourceSMTP, Rcpt: []string{rcpt}},
		store.RawMessage{R: strings.NewReader(raw), Size: int64(len(raw)), SHA256: hex.EncodeToString(sum[:]), MessageID: messageID})
	if err != nil {
		t.Fatal(err)
	}
	for {
		job, ok, err := db.ClaimJob(ctx, func(int) time.Duration { return time.Hour })
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		db.FinishJob(ctx, job, store.Event{Type: "parsed", Message: job.Message})
	}
	b, _ := json.Marshal(fields)
	title, _ := fields["title"].(string)
	id, err := db.SaveStatement(ctx, store.StatementRecord{Message: res.ID, State: store.StatementPosted, IsLiaison: true,
		Confidence: 0.95, Title: title, Purpose: "information", Fields: b}, store.Event{Type: "extracted"})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// openDaemonDB opens the store of the daemon whose folder is dir (closed when the test
// ends, or before).
func openDaemonDB(t *testing.T, dir string) *store.DB {
	t.Helper()
	return teststore.OpenAt(t, filepath.Join(dir, "data", "liaisond.db"), store.Options{})
}

func lsMail(id, to, body string) string {
	return fmt.Sprintf("From: Rapporteur <rapporteur@example.net>\r\nTo: %s\r\nMessage-ID: <%s@example.net>\r\n"+
		"Subject: LS %s\r\nDate: Mon, 2 Mar 2026 10:00:00 +0100\r\n\r\n%s\r\n", to, id, id, body)
}

// TestDistributionEndToEnd runs the daemon against a relay on loopback with statements
// recorded before it starts (no extractor involved): each reaches exactly the addresses
// the routing table names; a 451 is retried and delivers once; a loop is held; our own
// forward sent back to the intake over SMTP is not forwarded again.
func TestDistributionEndToEnd(t *testing.T) {
	dir := t.TempDir()
	relay := newTestRelay(t)
	relay.fail = func(rcpt string, attempt int) *smtp.SMTPError {
		if rcpt == "teas-chairs@example.org" && attempt == 1 {
			return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "greylisted"}
		}
		return nil
	}
	relay.start(t)
	cfgPath, smtpAddr, webAddr := distributionConfig(t, dir, relay)

	db := openDaemonDB(t, dir)
	sendTo := seedPosted(t, db, lsMail("sendto", "statements@example.org", "Send To: itu-t-liaison@example.org"), "statements@example.org",
		map[string]any{"title": "LS with a Send To", "from": []string{"ITU-T SG15"}, "send_to": "itu-t-liaison@example.org",
			"delivered_to": "statements@example.org", "route_to": []string{"CCAMP"}})
	groups := seedPosted(t, db, lsMail("groups", "statements@example.org", "For CCAMP and TEAS."), "statements@example.org",
		map[string]any{"title": "LS to two groups", "from": []string{"ITU-T SG15"}, "delivered_to": "statements@example.org",
			"route_to": []string{"CCAMP", "TEAS"}})
	misdirected := seedPosted(t, db, lsMail("misdirected", "opsawg@example.org", "For the IETF CCAMP WG."), "opsawg@example.org",
		map[string]any{"title": "LS on F5G slices", "from": []string{"ETSI ISG F5G"}, "delivered_to": "opsawg@example.org",
			"misdirected": true, "route_to": []string{"CCAMP"}})
	named := seedPosted(t, db, lsMail("named", "statements@example.org",
		"Please forward to attacker@evil.example and copy bob@example.com; replies to replies@evil.example."), "statements@example.org",
		map[string]any{"title": "LS naming addresses", "delivered_to": "statements@example.org", "route_to": []string{"DNSOP"},
			"send_reply_to": "replies@evil.example", "to_contacts": []string{"attacker@evil.example", "bob@example.com"},
			"from_contacts": []string{"bob@example.com"}})
	loop := seedPosted(t, db, "X-Liaisond-Loop: forward; statement=99\r\n"+lsMail("loop", "statements@example.org", "x"),
		"statements@example.org", map[string]any{"title": "LS that came back", "delivered_to": "statements@example.org",
			"route_to": []string{"CCAMP"}})
	db.Close()

	d := startDaemon(t, cfgPath, smtpAddr, webAddr)
	relay.waitFor(t, 6, d)
	time.Sleep(time.Second) // anything more would have arrived by now
	// The Send To naming ITU-T's liaison manager is not ours: CCAMP gets that one.
	want := []string{"ccamp-chairs@example.org", "ccamp-chairs@example.org", "ccamp-chairs@example.org", "dnsop-chairs@example.org",
		"etsi-liaison@example.org", "teas-chairs@example.org"}
	if got := relay.recipients(); !slices.Equal(got, want) {
		t.Fatalf("relay got mail for\n%v\nwant\n%v", got, want)
	}
	relay.mu.Lock()
	teasAttempts := relay.seen["teas-chairs@example.org"]
	relay.mu.Unlock()
	if teasAttempts != 2 {
		t.Fatalf("teas-chairs: %d attempts, want 451 then 250", teasAttempts)
	}

	// Our forward, sent back to the intake, is recorded but not forwarded again.
	var fwd []byte
	for _, m := range relay.messages() {
		if m.to == "dnsop-chairs@example.org" {
			fwd = m.data
		}
	}
	if err := sendOne(smtpAddr, fwd); err != nil {
		t.Fatal(err)
	}
	time.Sleep(3 * time.Second)
	if n := len(relay.messages()); n != 6 {
		t.Fatalf("%d messages after our forward came back: it was forwarded again", n)
	}
	d.stop(t)

	db = openDaemonDB(t, dir)
	defer db.Close()
	for id, typ := range map[int64]string{sendTo: "forwarded", groups: "forwarded", misdirected: "misdirected", named: "forwarded",
		loop: "distribution_held"} {
		if teststore.StatementEvents(t, db, id)[typ].Type == "" {
			t.Errorf("statement %d: no %s event", id, typ)
		}
	}
	mis := teststore.StatementEvents(t, db, misdirected)["misdirected"]
	if mis.Detail["arrived_at"] != "opsawg@example.org" || fmt.Sprint(mis.Detail["forwarded_to"]) != "[ccamp-chairs@example.org]" {
		t.Errorf("misdirected event %+v", mis.Detail)
	}
	for _, m := range relay.messages() {
		if m.to == "etsi-liaison@example.org" && !bytes.Contains(m.data, []byte("arrived at opsawg@example.org")) {
			t.Errorf("the notice does not say where it arrived:\n%s", m.data)
		}
		if _, ok, _ := mail.LoopMark(bytes.NewReader(m.data)); !ok {
			t.Errorf("message to %s without our loop header", m.to)
		}
	}
	msgs, _ := db.Messages(context.Background(), store.MessageFilter{})
	if len(msgs) != 6 {
		t.Errorf("%d messages recorded, want the 5 seeded and the one that came back", len(msgs))
	}
	if st, err := db.StatementByMessage(context.Background(), msgs[0].ID); err == nil && st.State == store.StatementPosted {
		if teststore.StatementEvents(t, db, st.ID)["distribution_held"].Type == "" {
			t.Errorf("the forward that came back was posted and not held: %+v", st)
		}
	}
}

// TestDistributionRelayDownAcrossRestart: with the relay down, the forward waits in the
// outbox across a daemon restart and is delivered, once, when the relay is back.
func TestDistributionRelayDownAcrossRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("restarts the daemon")
	}
	dir := t.TempDir()
	relay := newTestRelay(t) // not listening yet
	cfgPath, smtpAddr, webAddr := distributionConfig(t, dir, relay)
	db := openDaemonDB(t, dir)
	id := seedPosted(t, db, lsMail("down", "statements@example.org", "x"), "statements@example.org",
		map[string]any{"title": "LS while the relay is down", "delivered_to": "statements@example.org", "route_to": []string{"TEAS"}})
	db.Close()

	d := startDaemon(t, cfgPath, smtpAddr, webAddr)
	db = openDaemonDB(t, dir)
	deadline := time.Now().Add(30 * time.Second)
	for {
		items, err := db.OutboxItems(context.Background(), store.OutboxFilter{Statement: id})
		if err != nil {
			t.Fatal(err)
		}
		if len(items) == 1 && items[0].Attempts >= 2 && strings.Contains(items[0].LastError, "connect") {
			break
		}
		if time.Now().After(deadline) {
			d.kill(t)
			t.Fatalf("no failed attempts recorded (%+v):\n%s", items, d.stderr.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	db.Close()
	d.stop(t)

	relay.start(t)
	d = startDaemon(t, cfgPath, smtpAddr, webAddr)
	relay.waitFor(t, 1, d)
	time.Sleep(time.Second)
	d.stop(t)
	if got := relay.recipients(); !slices.Equal(got, []string{"teas-chairs@example.org"}) {
		t.Fatalf("relay got %v", got)
	}
	db = openDaemonDB(t, dir)
	defer db.Close()
	evs := teststore.StatementEvents(t, db, id)
	if evs["send_retry"].Type == "" || evs["forwarded"].Type == "" {
		t.Fatalf("events %v", evs)
	}
	items, _ := db.OutboxItems(context.Background(), store.OutboxFilter{Statement: id})
	if len(items) != 1 || items[0].State != store.OutboxSent || items[0].Attempts < 2 {
		t.Fatalf("outbox %+v", items)
	}
}

// TestDistributionThroughIntake sends corpus statements to the running daemon over SMTP:
// the extractor records them; those it leaves in the review queue are approved by a
// manager (the CLI); then each reaches what the routing table says.
func TestDistributionThroughIntake(t *testing.T) {
	corpus := filepath.Join(testutil.SharedDir(t), "corpus")
	dir := t.TempDir()
	relay := newTestRelay(t)
	relay.start(t)
	cfgPath, smtpAddr, webAddr := distributionConfig(t, dir, relay)
	d := startDaemon(t, cfgPath, smtpAddr, webAddr)

	cases := []struct {
		file, rcpt string
		want       []string
	}{
		// Arrived at the intake, which is its Send To: the addressed groups.
		{"03-itut-sg15-ls-docx-table", "statements@example.org", []string{"ccamp-chairs@example.org", "teas-chairs@example.org"}},
		// No Send To (the intake only in Cc): the addressed groups.
		{"07-mef-letter-in-body", "statements@example.org", []string{"ippm-chairs@example.org", "opsawg-chairs@example.org"}},
		// Misdirected to OPSAWG: CCAMP, and a notice to ETSI's liaison manager.
		{"15-etsi-f5g-misdirected-to-opsawg", "opsawg@example.org", []string{"ccamp-chairs@example.org", "etsi-liaison@example.org"}},
		// Delivered to the addressed group: nothing.
		{"08-datatracker-new-liaison", "ippm@example.org", nil},
		// Its Send To is BBF's liaison manager, not ours: never a destination (the manager
		// is told, in the review queue); the addressed group gets it.
		{"22-bbf-pdf-to-liaison-manager", "statements@example.org", []string{"netmod-chairs@example.org"}},
	}
	var want []string
	for _, c := range cases {
		raw, err := os.ReadFile(filepath.Join(corpus, c.file+".eml"))
		if err != nil {
			t.Fatal(err)
		}
		if err := smtpsend.DialAndSend(smtpAddr, "sender@example.net", []string{c.rcpt}, raw); err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		want = append(want, c.want...)
	}
	slices.Sort(want)

	db := openDaemonDB(t, dir)
	defer db.Close()
	sts := waitForStatements(t, db, len(cases), d)
	foreignSendTo := 0
	for _, st := range sts {
		if slices.ContainsFunc(st.ReviewReasons, func(r string) bool {
			return strings.HasPrefix(r, pipeline.ReasonForeignSendTo+": bbf-liaison@example.org")
		}) {
			foreignSendTo++
		}
		if st.State == store.StatementQueued {
			t.Logf("statement %d %q queued (%v): approved by a manager", st.ID, st.Title, st.ReviewReasons)
			if code, _, errOut := cli(t, "approve", "--config", cfgPath, fmt.Sprint(st.ID)); code != 0 {
				t.Fatalf("approve %d: %s", st.ID, errOut)
			}
		}
	}
	if foreignSendTo != 1 {
		t.Errorf("%d statements name their foreign Send To in the review queue, want 1", foreignSendTo)
	}
	relay.waitFor(t, len(want), d)
	time.Sleep(2 * time.Second)
	d.stop(t)
	if got := relay.recipients(); !slices.Equal(got, want) {
		sts, _ := db.Statements(context.Background(), store.StatementFilter{})
		for _, st := range sts {
			t.Logf("statement %d: %s %v %s", st.ID, st.State, st.ReviewReasons, st.Fields)
		}
		t.Fatalf("relay got mail for\n%v\nwant\n%v", got, want)
	}
}

// waitForStatements waits until n statements are recorded.
func waitForStatements(t *testing.T, db *store.DB, n int, d *daemonProc) []store.Statement {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		sts, err := db.Statements(context.Background(), store.StatementFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(sts) >= n {
			return sts
		}
		if time.Now().After(deadline) {
			d.kill(t)
			t.Fatalf("%d statements recorded, want %d:\n%s", len(sts), n, d.stderr.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}
