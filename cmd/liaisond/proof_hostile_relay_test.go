package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net"
	netmail "net/mail"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/internal/hostile"
	"github.com/liaisond/liaisond/internal/smtpsend"
	"github.com/liaisond/liaisond/internal/teststore"
	"github.com/liaisond/liaisond/mail"
	"github.com/liaisond/liaisond/message"
	"github.com/liaisond/liaisond/store"
)

// rcptLog is the relay of the injection proof: it serves the test relay's sessions (which
// keep each message with the last recipient of its transaction) and logs every RCPT TO,
// since an injected recipient would be an extra one.
type rcptLog struct {
	relay *testRelay
	mu    sync.Mutex
	rcpts []string
}

type rcptLogSession struct {
	smtp.Session
	log *rcptLog
}

func (l *rcptLog) NewSession(c *smtp.Conn) (smtp.Session, error) {
	s, err := l.relay.NewSession(c)
	return &rcptLogSession{Session: s, log: l}, err
}

func (s *rcptLogSession) Rcpt(to string, o *smtp.RcptOptions) error {
	s.log.mu.Lock()
	s.log.rcpts = append(s.log.rcpts, to)
	s.log.mu.Unlock()
	return s.Session.Rcpt(to, o)
}

func (l *rcptLog) all() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Sorted(slices.Values(l.rcpts))
}

// start listens on the relay's reserved port.
func (l *rcptLog) start(t *testing.T) {
	t.Helper()
	ln, err := net.Listen("tcp", l.relay.addr)
	if err != nil {
		t.Fatal(err)
	}
	srv := smtp.NewServer(l)
	srv.Domain = "relay.test"
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
}

// attacker addresses: none may ever receive mail.
const (
	evil      = "attacker@evil.example"
	evilCc    = "attacker-cc@evil.example"
	evilReply = "attacker-reply@evil.example"
)

// seededCase is a statement recorded straight in the database.
type seededCase struct {
	raw    string
	rcpt   string
	fields map[string]any
	file   string // an attachment with a PDF, named so ("": none)
	mailed bool   // the directory sends something for it
}

// seededInjections are posted statements recorded before the daemon starts, with line
// breaks and header lines in the fields that reach the forwards' and notices' headers (a
// manager's edit could put them there; intake strips them): the title (Subject), the
// sending body (notice text, sender's liaison manager), a Send To, an attachment name (the
// name of its PDF in the forward).
func seededInjections() []seededCase {
	inject := "\r\nBcc: " + evil + "\r\nCc: " + evilCc
	return []seededCase{
		{lsMail("inject-title", "statements@example.org", "For CCAMP."), "statements@example.org",
			map[string]any{"title": "LS on injection" + inject, "from": []string{"ITU-T SG15" + inject},
				"delivered_to": "statements@example.org", "route_to": []string{"CCAMP"}, "send_reply_to": evilReply,
				"to_contacts": []string{evil}, "from_contacts": []string{evilCc}}, "LS45" + inject + "\r\n.docx", true},
		{lsMail("inject-misdirected", "opsawg@example.org", "For the IETF CCAMP WG."), "opsawg@example.org",
			map[string]any{"title": "LS\rBcc: " + evil + "\nTo: " + evilCc, "from": []string{"ETSI ISG F5G"},
				"delivered_to": "opsawg@example.org", "misdirected": true, "route_to": []string{"CCAMP"}}, "", true},
		{lsMail("inject-separators", "statements@example.org", "For TEAS."), "statements@example.org",
			map[string]any{"title": "LS\u2028Bcc: " + evil + "\u0085To: " + evilCc + "\x00", "from": []string{"MEF\u2029Bcc: " + evil},
				"delivered_to": "statements@example.org", "route_to": []string{"TEAS"}}, "", true},
		{lsMail("inject-sendto", "statements@example.org", "Send To: "+evil), "statements@example.org",
			map[string]any{"title": "LS with a hostile Send To", "send_to": "itu-t-liaison@example.org" + inject,
				"delivered_to": "statements@example.org", "route_to": []string{"DNSOP"}}, "", false},
		{lsMail("evil-sendto", "statements@example.org", "Send To: "+evil), "statements@example.org",
			map[string]any{"title": "LS whose Send To is the attacker", "send_to": evil,
				"delivered_to": "statements@example.org", "route_to": []string{"DNSOP"}}, "", false},
	}
}

// seedPDF records an attachment of a seeded message with its PDF made, as the converter
// would have.
func seedPDF(t *testing.T, db *store.DB, message int64, name string) {
	t.Helper()
	ctx := context.Background()
	data := []byte("PK fake docx " + name)
	a := store.Attachment{Filename: name, DeclaredType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
		Kind: "docx", Size: int64(len(data)), SHA256: sha256Hex(data), Data: data}
	if err := db.SaveAttachments(ctx, message, []store.Attachment{a}, func(string) bool { return true }); err != nil {
		t.Fatal(err)
	}
	convs, err := db.ClaimConversions(ctx, 10, func(int) time.Duration { return time.Hour })
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range convs {
		if err := db.FinishConversion(ctx, c, hostile.PagesPDF(hostile.Helvetica, "BT /F1 10 Tf 56 700 Td (LS) Tj ET"), "LS"); err != nil {
			t.Fatal(err)
		}
	}
}

// intakeCase is a statement sent over SMTP to rcpt.
type intakeCase struct {
	rcpt   string
	mail   proofMail
	mailed bool // the directory sends something for it
}

// intakeInjections are statements sent over SMTP: encoded words that decode to line breaks
// in the Subject, the sender's name and a file name; a Reply-To and Cc of the attacker;
// bodies and a DOCX full of addresses with the labels the extractor reads (Send any reply
// to, Cc, Contact); a misdirected one (a notice goes out too); one whose Send To is the
// attacker (held); and one whose forged loop header is folded over 200000 lines (held,
// quickly).
func intakeInjections() []intakeCase {
	addresses := "Please reply to " + evil + " and copy " + evilCc + ".\r\n" +
		"Send any reply LS to: " + evilReply + "\r\nCc: " + evilCc + ", boss@evil.example\r\nContact: Mallory <mallory@evil.example>\r\n" +
		"Forward this letter to everyone@evil.example, list@evil.example; chairs@evil.example.\r\n"
	docx := hostile.Docx("<w:p><w:r><w:t>Send any reply LS to: docx-reply@evil.example</w:t></w:r></w:p>" +
		"<w:p><w:r><w:t>Contact: docx-contact@evil.example, Bcc: docx-bcc@evil.example</w:t></w:r></w:p>")
	return []intakeCase{
		{"statements@example.org", proofMail{id: "encoded-words",
			from:    "=?utf-8?q?Delphine=0D=0ABcc:_" + evil + "?= <delphine.arsenault@example.com>",
			subject: "=?utf-8?q?MEF_letter=0D=0ABcc:_" + evil + "=0D=0A?= =?utf-8?b?" + base64.StdEncoding.EncodeToString([]byte("\r\nTo: "+evilCc)) + "?=",
			header: "Reply-To: " + evilReply + "\r\nCc: " + evilCc + "\r\n" +
				"X-Subject-Note: =?utf-8?q?x=0D=0ABcc:_" + evil + "?=\r\n",
			text:  "Title: LS on telemetry =?utf-8?q?export=0D=0ABcc:_" + evil + "?=\r\n\r\n" + addresses,
			parts: []string{rfc2231Part("LS\r\nBcc: "+evil+"\r\n.docx", docx)}}, true},
		{"statements@example.org", proofMail{id: "body-addresses", text: addresses, parts: []string{rfc2231Part("LS-addresses.docx", docx)}}, true},
		{"opsawg@example.org", proofMail{id: "misdirected-addresses", text: addresses}, true},
		// A Send To outside the directory holds the statement for a manager (docs/design.md).
		{"statements@example.org", proofMail{id: "sendto-in-body", text: "Send To: " + evil + "\r\n" + addresses}, false},
		{"statements@example.org", proofMail{id: "loop-flood",
			header: message.LoopHeader + ": forward; statement=1\r\n" + strings.Repeat(" a\r\n", 200000)}, false},
	}
}

// TestProofHostileRelay runs the daemon with its relay on loopback and the corpus
// directory, and statements whose fields, header fields, file names and bodies try to add
// recipients or header fields. docs/design.md: "Forwards go only to addresses that the
// configuration names. Addresses found in a message are data to record and suggestions
// for a reviewer, never a destination." So the relay receives mail only for the
// directory's forward_to and liaison managers and [routing] central, one RCPT per message,
// never for an address of the input, and no relayed message carries a field that compose
// does not write.
func TestProofHostileRelay(t *testing.T) {
	start := time.Now()
	dir := t.TempDir()
	relay := newTestRelay(t)
	rl := &rcptLog{relay: relay}
	rl.start(t)
	cfgPath, smtpAddr, webAddr := distributionConfig(t, dir, relay)
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	allowed := destinations(cfg)
	seeded, intake := seededInjections(), intakeInjections()
	inputs := seedInjections(t, dir, seeded)

	d := startDaemon(t, cfgPath, smtpAddr, webAddr)
	for _, c := range intake {
		raw := c.mail.bytes()
		inputs = append(inputs, string(raw))
		if err := smtpsend.DialAndSend(smtpAddr, "sender@example.net", []string{c.rcpt}, raw); err != nil {
			t.Fatalf("%s: %v", c.mail.id, err)
		}
	}
	db := openDaemonDB(t, dir)
	defer db.Close()
	sts := waitForStatements(t, db, len(seeded)+len(intake), d)
	for _, st := range sts {
		approveIfNeeded(t, cfgPath, st)
	}
	waitDistributed(t, db, d, sts)
	time.Sleep(time.Second) // anything more would have arrived by now
	d.mustBeUp(t)

	msgs := relay.messages()   // distribution
	all := relay.allMessages() // and review notices to liaison managers
	rcpts := rl.all()
	if len(rcpts) != len(all) {
		t.Errorf("%d RCPT TO for %d messages: %v", len(rcpts), len(all), rcpts)
	}
	inInput := inputAddresses(inputs, allowed)
	toInput, notAllowed := 0, 0
	for _, r := range rcpts {
		if inInput[strings.ToLower(r)] {
			toInput++
			t.Errorf("mail to %s, an address found in the input", r)
		}
		if !allowed[strings.ToLower(r)] {
			notAllowed++
			t.Errorf("mail to %s, which the configuration does not name", r)
		}
	}
	injected := 0
	for _, m := range all {
		injected += injectedHeaders(t, m)
	}
	mailed := checkMailedStatements(t, db, sts, msgs, seeded, intake)
	t.Logf("PROOF hostile: relay: %d statements with injections and addresses (%d recorded directly, %d over SMTP), %d input addresses "+
		"outside the directory, %d messages relayed to %d RCPT TO (%v), %d statements mailed as the directory says, "+
		"injected headers found = %d, mails to body addresses = %d, mails outside the directory = %d, daemon restarts 0, %s",
		len(sts), len(seeded), len(intake), len(inInput), len(all), len(rcpts), slices.Compact(rcpts), mailed,
		injected, toInput, notAllowed, time.Since(start).Round(time.Millisecond))
}

// seedInjections records the seeded cases before the daemon starts and returns their
// inputs (raw message and fields) for the address scan.
func seedInjections(t *testing.T, dir string, cases []seededCase) []string {
	t.Helper()
	db := openDaemonDB(t, dir)
	defer db.Close()
	var inputs []string
	for _, c := range cases {
		id := seedPosted(t, db, c.raw, c.rcpt, c.fields)
		if c.file != "" {
			st, err := db.GetStatement(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			seedPDF(t, db, st.Message, c.file)
		}
		inputs = append(inputs, c.raw, fmt.Sprint(c.fields), c.file)
	}
	return inputs
}

// destinations are the addresses the configuration names as destinations: the groups'
// forward_to, the sending bodies' liaison managers and [routing] central.
func destinations(cfg config.Config) map[string]bool {
	out := map[string]bool{strings.ToLower(cfg.Routing.Central): true}
	for _, g := range cfg.Groups {
		for _, a := range g.ForwardTo {
			out[strings.ToLower(a)] = true
		}
	}
	for _, s := range cfg.SDOs {
		out[strings.ToLower(s.LiaisonManager)] = true
	}
	return out
}

var addressRE = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)

// inputAddresses are the addresses written anywhere in the inputs that are not
// destinations of the configuration.
func inputAddresses(inputs []string, allowed map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, in := range inputs {
		for _, a := range addressRE.FindAllString(in, -1) {
			if a = strings.ToLower(a); !allowed[a] {
				out[a] = true
			}
		}
	}
	return out
}

// waitDistributed waits until every statement has been planned ("distributed" or
// "distribution_held") and the outbox holds nothing pending.
func waitDistributed(t *testing.T, db *store.DB, d *daemonProc, sts []store.Statement) {
	t.Helper()
	deadline := time.Now().Add(40 * time.Second)
	for {
		planned := 0
		for _, st := range sts {
			evs := teststore.StatementEvents(t, db, st.ID)
			if evs["distributed"].Type != "" || evs["distribution_held"].Type != "" {
				planned++
			}
		}
		counts, err := db.OutboxCounts(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if planned == len(sts) && counts[store.OutboxPending] == 0 {
			return
		}
		if time.Now().After(deadline) {
			d.kill(t)
			t.Fatalf("%d of %d statements planned, outbox %v:\n%s", planned, len(sts), counts, d.stderr.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// composeFields are the header fields compose writes at the top of a message, and
// partFields those of its parts.
var (
	composeFields = []string{"From", "To", "Reply-To", "Date", "Subject", "Message-Id", "References", "Auto-Submitted",
		"X-Auto-Response-Suppress", "X-Liaisond-Loop", "Mime-Version", "Content-Type"}
	partFields = []string{"Content-Type", "Content-Disposition", "Content-Transfer-Encoding"}
)

// injectedHeaders counts what an attacker could have added to a relayed message: a field
// compose does not write or a repeated one, a To other than the RCPT, a Subject or file
// name holding a line break, a field other than the content fields in a part (the
// attached original is one part: its own header is its content, not ours).
func injectedHeaders(t *testing.T, m relayedMail) int {
	t.Helper()
	msg, err := netmail.ReadMessage(bytes.NewReader(m.data))
	if err != nil {
		t.Errorf("message to %s: %v", m.to, err)
		return 1
	}
	n := 0
	bad := func(format string, args ...any) {
		n++
		t.Errorf("message to %s: "+format, append([]any{m.to}, args...)...)
	}
	for k, vs := range msg.Header {
		if !slices.Contains(composeFields, k) || len(vs) != 1 {
			bad("field %s: %q", k, vs)
		}
	}
	if to, err := netmail.ParseAddress(msg.Header.Get("To")); err != nil || !strings.EqualFold(to.Address, m.to) {
		bad("To %q is not the RCPT", msg.Header.Get("To"))
	}
	if reply := msg.Header.Get("Reply-To"); reply != "" {
		// Where answers go: data from the statement, so only bare addresses.
		list, err := netmail.ParseAddressList(reply)
		if err != nil {
			bad("Reply-To %q: %v", reply, err)
		}
		for _, a := range list {
			if a.Name != "" || strings.ContainsAny(a.Address, "\r\n<>,;") {
				bad("Reply-To address %q", a)
			}
		}
	}
	if subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject")); err != nil || strings.ContainsAny(subject, "\r\n") {
		bad("Subject %q (%v)", subject, err)
	}
	_, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		return n + 1
	}
	parts := multipart.NewReader(msg.Body, params["boundary"])
	for range 100 {
		p, err := parts.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			bad("parts: %v", err)
			break
		}
		for k, vs := range p.Header {
			if !slices.Contains(partFields, k) || len(vs) != 1 {
				bad("part field %s: %q", k, vs)
			}
		}
		if _, dp, err := mime.ParseMediaType(p.Header.Get("Content-Disposition")); err == nil && strings.ContainsAny(dp["filename"], "\r\n") {
			bad("file name %q", dp["filename"])
		}
	}
	return n
}

// checkMailedStatements checks that each case the directory distributes was mailed (so
// the proof is not vacuous) and that the loop-flood one was held; it returns how many
// statements were mailed.
func checkMailedStatements(t *testing.T, db *store.DB, sts []store.Statement, msgs []relayedMail, seeded []seededCase, intake []intakeCase) int {
	t.Helper()
	per := map[int64]int{}
	for _, m := range msgs {
		v, _, _ := mail.LoopMark(bytes.NewReader(m.data))
		var id int64
		if _, after, ok := strings.Cut(v, "statement="); ok {
			fmt.Sscan(after, &id)
		}
		per[id]++
	}
	want := map[string]bool{} // by Message-ID
	for _, c := range seeded {
		if m := regexp.MustCompile(`Message-ID: (<[^>]+>)`).FindStringSubmatch(c.raw); m != nil {
			want[m[1]] = c.mailed
		}
	}
	for _, c := range intake {
		want["<"+c.mail.id+"@example.com>"] = c.mailed
	}
	mailed := 0
	for _, st := range sts {
		m, err := db.GetMessage(context.Background(), st.Message)
		if err != nil {
			t.Fatal(err)
		}
		if per[st.ID] > 0 {
			mailed++
		}
		if want[m.MessageID] && per[st.ID] == 0 {
			t.Errorf("statement %d (%s) was not mailed: %v", st.ID, m.MessageID, teststore.StatementEvents(t, db, st.ID))
		}
		if m.MessageID == "<loop-flood@example.com>" && teststore.StatementEvents(t, db, st.ID)["distribution_held"].Type == "" {
			t.Errorf("the loop-flood statement was not held: %v", teststore.StatementEvents(t, db, st.ID))
		}
	}
	return mailed
}
