package main

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/internal/hostile"
	"github.com/liaisond/liaisond/internal/testutil"
	"github.com/liaisond/liaisond/message"
	"github.com/liaisond/liaisond/store"
)

// The hostile-content proof (issue 7): a real daemon is sent, over SMTP, the hostile
// inputs of the parser's and the converter's unit tables (internal/hostile), attachment
// names that try to leave the data folder, fields that try to inject headers into
// forwards, and bodies full of addresses. Each test ends with one "PROOF hostile:" line.

// hostileLimits is appended to writeConfig's [pipeline] section: a failed attempt is
// retried within a second and the second failure is final, so every message reaches its
// final state within the test. The converter's limits are those of its own hostile test
// (zip bombs, slow and huge PDFs must meet a limit, not the machine's), with a 2 s time
// limit.
const hostileLimits = `max_attempts = 2
retry_initial = "500ms"
retry_max = "1s"
stage_timeout = "30s"
[convert]
max_entry_bytes = 4194304
max_expanded_bytes = 8388608
timeout = "2s"
pdf_memory_bytes = 268435456
`

// hostileConfig keeps LibreOffice out: its conversions do not decide a message's state
// (TestProofHostileLibreOffice runs it).
const hostileConfig = hostileLimits + `[libreoffice]
binary = "/nonexistent/soffice"
`

// hostileSent is one message of the proof and what became of it.
type hostileSent struct {
	name string
	raw  []byte
	file string // the attachment's name, for the converter's cases
	data []byte // the attachment
	want int    // the SMTP reply the README promises
	code int    // the reply received
}

// hostileMessages builds one message per case of both tables, the parser's messages as
// they are, each converter file as the attachment of a short message naming it, and the
// prose floods.
func hostileMessages(t *testing.T) []hostileSent {
	t.Helper()
	var out []hostileSent
	for _, c := range hostile.Messages() {
		out = append(out, hostileSent{name: "message: " + c.Name, raw: c.Raw()})
	}
	testdata := os.DirFS(filepath.Join(testutil.ModuleRoot(t), "convert", "testdata"))
	for _, c := range hostile.Files(testdata) {
		data, err := c.Data()
		if err != nil {
			t.Fatal(err)
		}
		raw := hostile.Message("Content-Type: multipart/mixed; boundary=mix\r\n",
			"--mix\r\nContent-Type: text/plain\r\n\r\nHostile file: "+c.Name+"\r\n"+hostile.Base64Part(c.File, data)+"--mix--\r\n")
		out = append(out, hostileSent{name: "file: " + c.Name, raw: raw, file: c.File, data: data})
	}
	out = append(out, proseFloods()...)
	for i := range out {
		out[i].want = smtpVerdict(out[i].raw)
	}
	return out
}

// proseFloods are bodies that made extraction quadratic, found by this proof (the
// regression tests are classify's TestProse* and TestDropOverlapsMany): one paragraph of
// very many lines, and a date cue repeated without a sentence end. Each is about the
// 1 MiB that extraction reads; a tenth of that under the race detector, which makes
// extraction some fifteen times slower (the full size would only meet the stage timeout).
func proseFloods() []hostileSent {
	n := 300000
	if raceEnabled {
		n /= 10
	}
	return []hostileSent{
		{name: fmt.Sprintf("prose: %d one-letter lines in one paragraph", n), raw: hostile.Message("", strings.Repeat("a\r\n", n))},
		{name: fmt.Sprintf("prose: %d lines repeating a cued date, no sentence end", n/10),
			raw: hostile.Message("", strings.Repeat("please reply by 31 March 2026\r\n", n/10))},
	}
}

// smtpVerdict is the reply the README's limits table promises for raw under the test
// config: 500 (and the connection closed) for a line over max_line_length, which go-smtp
// meets before the header section reaches max_header_bytes; 552 for a header section over
// max_header_bytes; else 250.
func smtpVerdict(raw []byte) int {
	lim := config.Default().SMTP
	longest := 0
	for line := range bytes.SplitSeq(raw, []byte("\r\n")) {
		longest = max(longest, len(line))
	}
	header, _, _ := bytes.Cut(raw, []byte("\r\n\r\n"))
	switch {
	case longest > lim.MaxLineLength:
		return 500
	case len(header) > lim.MaxHeaderBytes:
		return 552
	}
	return 250
}

// answeredAsDocumented reports whether the reply is the documented one. The daemon answers
// a line over the limit with 500 and closes the connection at once ("500, connection
// closed" in the README); a client still writing the rest of a 1 MiB line usually meets
// the closed connection before it can read the 500 (code 0), so the daemon's "rejected"
// event, checked separately, is the proof of the 500.
func answeredAsDocumented(s hostileSent) bool {
	return s.code == s.want || s.want == 500 && s.code == 0
}

// received is what the daemon records for raw: the client ends a message that does not
// end with a line break with one.
func received(raw []byte) []byte {
	if bytes.HasSuffix(raw, []byte("\r\n")) {
		return raw
	}
	return append(slices.Clip(raw), '\r', '\n')
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// TestProofHostileSMTP sends every hostile message and file through SMTP to one daemon:
// each is answered 250, or the documented 5xx for a line or header over the limits (with
// a "rejected" event); the daemon stays up throughout; every recorded message reaches done
// or failed, byte-exact, with the parser's problems and the unreadable files in its
// record, and every file kept byte-exact.
func TestProofHostileSMTP(t *testing.T) {
	start := time.Now()
	dir := t.TempDir()
	cfgPath, smtpAddr, webAddr := writeConfig(t, dir, hostileConfig)
	d := startDaemon(t, cfgPath, smtpAddr, webAddr)
	pid := d.cmd.Process.Pid
	sent := hostileMessages(t)
	for i := range sent {
		// One connection each: the 500 for a long line closes the connection.
		sent[i].code = replyCode(sendOne(smtpAddr, sent[i].raw))
		if !answeredAsDocumented(sent[i]) {
			t.Errorf("%s: answered %d, want %d", sent[i].name, sent[i].code, sent[i].want)
		}
		d.mustBeUp(t)
	}
	sentTook := time.Since(start)

	db := openDaemonDB(t, dir)
	defer db.Close()
	msgs := waitFinal(t, db, d, sent)
	st := checkHostileRecords(t, db, sent, msgs)
	st.refusedEvents = rejectedEvents(t, db)
	if st.refusedEvents != st.refused {
		t.Errorf("%d messages refused, %d rejected events with code 500 and reason line_length", st.refused, st.refusedEvents)
	}
	d.mustBeUp(t) // the process started above, never restarted: it answered after every message
	t.Logf("PROOF hostile: SMTP: %d cases sent (%d parser messages, %d converter files, %d prose floods), %d answered 250, %d refused as documented (500 line too long), "+
		"%d rejected events, %d final states (%d done, %d failed), %d with parser problems recorded, %d unreadable files recorded, "+
		"%d raw messages and %d files byte-exact, daemon restarts 0 (pid %d up and /healthz ok), sent in %s, total %s",
		len(sent), len(hostile.Messages()), len(sent)-len(hostile.Messages())-len(proseFloods()), len(proseFloods()), st.accepted, st.refused, st.refusedEvents,
		st.done+st.failed, st.done, st.failed, st.withProblems, st.unreadable, st.rawExact, st.filesExact, pid,
		sentTook.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
}

// waitFinal waits until every accepted message is done or failed and returns them by
// content hash.
func waitFinal(t *testing.T, db *store.DB, d *daemonProc, sent []hostileSent) map[string]store.Message {
	t.Helper()
	want := 0
	for _, s := range sent {
		if s.code == 250 {
			want++
		}
	}
	wait := 45 * time.Second
	if raceEnabled {
		wait *= 4
	}
	deadline := time.Now().Add(wait)
	for {
		msgs, err := db.Messages(context.Background(), store.MessageFilter{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		bySHA, final, states := map[string]store.Message{}, 0, map[string]int{}
		for _, m := range msgs {
			bySHA[m.SHA256] = m
			states[m.State]++
			if m.State == store.StateDone || m.State == store.StateFailed {
				final++
			}
		}
		if final == want && len(msgs) == want {
			return bySHA
		}
		if time.Now().After(deadline) {
			d.kill(t)
			t.Fatalf("%d of %d messages final (%v):\n%s", final, want, states, d.stderr.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// hostileStats counts the outcomes for the PROOF line.
type hostileStats struct {
	accepted, refused, refusedEvents, done, failed int
	withProblems, unreadable, rawExact, filesExact int
}

// checkHostileRecords checks the record of every accepted message against what was sent.
func checkHostileRecords(t *testing.T, db *store.DB, sent []hostileSent, msgs map[string]store.Message) hostileStats {
	t.Helper()
	var st hostileStats
	for _, s := range sent {
		if s.code != 250 {
			st.refused++
			continue
		}
		st.accepted++
		raw := received(s.raw)
		m, ok := msgs[sha256Hex(raw)]
		if !ok {
			t.Errorf("%s: answered 250 but not recorded", s.name)
			continue
		}
		if got, err := db.Raw(context.Background(), m.ID); err != nil || !bytes.Equal(got, raw) {
			t.Errorf("%s: raw message not byte-exact (%v)", s.name, err)
		} else {
			st.rawExact++
		}
		switch m.State {
		case store.StateFailed:
			st.failed++
			if m.Error == "" {
				t.Errorf("%s: failed without an error", s.name)
			}
			t.Logf("%s: failed: %s", s.name, m.Error)
			continue
		case store.StateDone:
			st.done++
		}
		parsed := parsedEvent(t, db, m.ID)
		if parsed == nil {
			t.Errorf("%s: done without a parsed event", s.name)
			continue
		}
		if checkProblems(t, s, parsed) {
			st.withProblems++
		}
		if s.file != "" {
			exact, unreadable := checkFile(t, db, s, m.ID, parsed)
			st.filesExact += exact
			st.unreadable += unreadable
		}
	}
	return st
}

// parsedEvent returns the detail of a message's "parsed" event.
func parsedEvent(t *testing.T, db *store.DB, message int64) map[string]any {
	t.Helper()
	evs, err := db.Events(context.Background(), store.EventFilter{Message: message})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		if e.Type == "parsed" {
			if e.Detail == nil {
				return map[string]any{}
			}
			return e.Detail
		}
	}
	return nil
}

// checkProblems checks that the record names every problem the parser finds in the
// message under the daemon's limits (the record must not lose what the parser says), and
// reports whether there were any.
func checkProblems(t *testing.T, s hostileSent, parsed map[string]any) bool {
	t.Helper()
	m, _ := message.ParseBytes(received(s.raw), config.Default().Parse)
	recorded := strings.Join(detailStrings(parsed["problems"]), "\n")
	for _, p := range m.Problems {
		if !strings.Contains(recorded, p.String()) {
			t.Errorf("%s: problem %q not in the record (%q)", s.name, p, recorded)
		}
	}
	return len(m.Problems) > 0
}

// checkFile checks a converter case's attachment: kept byte-exact (row and blob), and
// either read or recorded as unreadable with the converter's error class, both on the
// attachment and in the parsed event.
func checkFile(t *testing.T, db *store.DB, s hostileSent, message int64, parsed map[string]any) (exact, unreadable int) {
	t.Helper()
	atts, err := db.Attachments(context.Background(), message)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(atts, func(a store.Attachment) bool { return a.Filename == s.file })
	if i < 0 {
		t.Errorf("%s: attachment %s not recorded (%d attachments)", s.name, s.file, len(atts))
		return 0, 0
	}
	a := atts[i]
	if blob, err := db.Blob(context.Background(), a.SHA256); err != nil || a.SHA256 != sha256Hex(s.data) || !bytes.Equal(blob, s.data) {
		t.Errorf("%s: attachment not kept byte-exact (%v)", s.name, err)
	} else {
		exact = 1
	}
	switch {
	case a.TextError != "":
		if !knownTextError(a.TextError) {
			t.Errorf("%s: unclear error %q", s.name, a.TextError)
		}
		if !slices.Contains(detailStrings(parsed["unreadable"]), a.Filename+": "+a.TextError) {
			t.Errorf("%s: the parsed event does not name the unreadable file: %v", s.name, parsed["unreadable"])
		}
		t.Logf("%s: unreadable: %s", s.name, a.TextError)
		return exact, 1
	case a.Text == "":
		t.Errorf("%s: neither text nor an error recorded", s.name)
	default:
		t.Logf("%s: %d characters of text", s.name, len(a.Text))
	}
	return exact, 0
}

// knownTextError reports whether a recorded error names one of the converter's error
// classes, which say what kind of damage it was.
func knownTextError(s string) bool {
	for _, class := range []string{"limit exceeded", "malformed file", "encrypted file", "unsupported attachment type"} {
		if strings.Contains(s, class) {
			return true
		}
	}
	return false
}

// detailStrings reads a list of strings back from an event's JSON detail.
func detailStrings(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, e := range l {
		out = append(out, fmt.Sprint(e))
	}
	return out
}

// rejectedEvents counts the intake's "rejected" events for lines over the limit (a
// statement's state change to rejected has the same type, without a code).
func rejectedEvents(t *testing.T, db *store.DB) int {
	t.Helper()
	evs, err := db.Events(context.Background(), store.EventFilter{Limit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range evs {
		if e.Type == store.EventRejected && fmt.Sprint(e.Detail["code"]) == "500" && e.Detail["reason"] == "line_length" {
			n++
		}
	}
	return n
}

// proofMail is a liaison statement in the shape of the corpus's MEF letter, addressed to
// IETF CCAMP, with whatever header lines, text and MIME parts a case adds.
type proofMail struct {
	id      string // Message-ID local part; also names the statement
	from    string // the From field ("": the MEF chair)
	subject string // the Subject field ("": "MEF liaison letter <id>")
	header  string // extra header lines, each ending in CRLF
	text    string // extra lines of the letter, CRLF line ends
	parts   []string
}

func (m proofMail) bytes() []byte {
	from, subject := cmp.Or(m.from, "Delphine Arsenault <delphine.arsenault@example.com>"), cmp.Or(m.subject, "MEF liaison letter "+m.id)
	var b strings.Builder
	fmt.Fprintf(&b, "From: %s\r\nTo: statements@example.org\r\nSubject: %s\r\nDate: Thu, 29 Jan 2026 11:40:02 -0800\r\n"+
		"Message-ID: <%s@example.com>\r\n%sMIME-Version: 1.0\r\n", from, subject, m.id, m.header)
	letter := "MEF Reference: " + m.id + "\r\nDate: 28 January 2026\r\n\r\nTo:      IETF CCAMP WG\r\nFrom:    MEF Technical Committee\r\n" +
		"Subject: Performance telemetry export, case " + m.id + "\r\n\r\nDear CCAMP chairs,\r\n\r\n" +
		"MEF has started a new project on service performance telemetry export.\r\n\r\n" + m.text +
		"\r\nThis letter is for your information; no action is requested at this time.\r\n\r\nSincerely,\r\n\r\n" +
		"Delphine Arsenault\r\nChair, MEF Technical Committee\r\ndelphine.arsenault@example.com\r\n"
	if len(m.parts) == 0 {
		b.WriteString("Content-Type: text/plain; charset=utf-8\r\n\r\n" + letter)
		return []byte(b.String())
	}
	b.WriteString("Content-Type: multipart/mixed; boundary=mix\r\n\r\n--mix\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + letter)
	for _, p := range m.parts {
		b.WriteString(p)
	}
	b.WriteString("--mix--\r\n")
	return []byte(b.String())
}

// rfc2231Part is a part whose file name is given as RFC 2231 continuations of
// percent-encoded UTF-8, so that any byte (CR, LF, NUL, separators) and any length can
// be carried on short header lines.
func rfc2231Part(name string, data []byte) string {
	var chunks []string
	var cur strings.Builder
	for i := 0; i < len(name); i++ {
		c := name[i]
		tok := string(c)
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
			tok = fmt.Sprintf("%%%02X", c)
		}
		if cur.Len()+len(tok) > 60 {
			chunks, cur = append(chunks, cur.String()), strings.Builder{}
		}
		cur.WriteString(tok)
	}
	chunks = append(chunks, cur.String())
	var b strings.Builder
	b.WriteString("--mix\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment")
	for i, c := range chunks {
		charset := ""
		if i == 0 {
			charset = "utf-8''"
		}
		fmt.Fprintf(&b, ";\r\n filename*%d*=%s%s", i, charset, c)
	}
	b.WriteString("\r\nContent-Transfer-Encoding: base64\r\n\r\n" + hostile.Wrap76(base64.StdEncoding.EncodeToString(data)) + "\r\n")
	return b.String()
}

// approveIfNeeded posts a statement the extractor left for review, as a manager would
// (the CLI), so that the public pages and distribution see it.
func approveIfNeeded(t *testing.T, cfgPath string, st store.Statement) {
	t.Helper()
	if st.State == store.StatementPosted {
		return
	}
	if code, _, errOut := cli(t, "approve", "--config", cfgPath, fmt.Sprint(st.ID)); code != 0 {
		t.Fatalf("approve %d (%s, %v): %s", st.ID, st.State, st.ReviewReasons, errOut)
	}
}

// TestProofHostileLibreOffice sends the converter's hostile office files (zip bombs,
// billion laughs, deep XML and RTF, truncated files) to a daemon with real LibreOffice,
// which runs isolated under its kill timer: every PDF conversion ends, made or failed
// with its error, and the daemon stays up.
func TestProofHostileLibreOffice(t *testing.T) {
	start := time.Now()
	soffice := testutil.NeedCommand(t, "soffice")
	dir := t.TempDir()
	cfgPath, smtpAddr, webAddr := writeConfig(t, dir, "convert_max_attempts = 2\n"+hostileLimits+
		fmt.Sprintf("[libreoffice]\nbinary = %q\ntimeout = \"30s\"\n", soffice))
	d := startDaemon(t, cfgPath, smtpAddr, webAddr)
	// The control: a sound document must be converted, or the failures prove nothing.
	control, err := os.ReadFile(filepath.Join(testutil.ModuleRoot(t), "convert", "testdata", "ls-sample.docx"))
	if err != nil {
		t.Fatal(err)
	}
	controlMail := hostile.Message("Content-Type: multipart/mixed; boundary=mix\r\n",
		"--mix\r\nContent-Type: text/plain\r\n\r\nA sound document\r\n"+hostile.Base64Part("control.docx", control)+"--mix--\r\n")
	var sent []hostileSent
	for _, s := range append([]hostileSent{{name: "control", raw: controlMail, file: "control.docx", data: control}}, hostileMessages(t)...) {
		if s.file != "" && !strings.HasSuffix(s.file, ".pdf") {
			if s.code = replyCode(sendOne(smtpAddr, s.raw)); s.code != 250 {
				t.Fatalf("%s: answered %d", s.name, s.code)
			}
			sent = append(sent, s)
		}
	}
	db := openDaemonDB(t, dir)
	defer db.Close()
	msgs := waitFinal(t, db, d, sent)
	states, pdfs := waitConversions(t, db, d, msgs)
	if !pdfs["control.docx"] {
		t.Error("the control document was not converted: LibreOffice does not work here, the failures prove nothing")
	}
	d.mustBeUp(t)
	t.Logf("PROOF hostile: LibreOffice: %d hostile office files and a control sent, PDF conversions ended: %v (the control converted), none pending, daemon restarts 0, %s",
		len(sent)-1, states, time.Since(start).Round(time.Millisecond))
}

// waitConversions waits until no attachment of msgs waits for its PDF, checks that each
// failed one says why, and returns the count per PDF state and the names converted.
func waitConversions(t *testing.T, db *store.DB, d *daemonProc, msgs map[string]store.Message) (map[string]int, map[string]bool) {
	t.Helper()
	wait := 50 * time.Second
	if raceEnabled {
		wait *= 4
	}
	deadline := time.Now().Add(wait)
	for {
		states, converted := map[string]int{}, map[string]bool{}
		var failed []store.Attachment
		for _, m := range msgs {
			atts, err := db.Attachments(context.Background(), m.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range atts {
				states[a.PDFState]++
				converted[a.Filename] = a.PDFState == store.PDFDone
				if a.PDFState == store.PDFFailed {
					failed = append(failed, a)
				}
			}
		}
		if states[store.PDFPending] == 0 {
			for _, a := range failed {
				if a.PDFError == "" {
					t.Errorf("%s: PDF failed without an error", a.Filename)
				}
				t.Logf("%s: no PDF: %s", a.Filename, a.PDFError)
			}
			return states, converted
		}
		if time.Now().After(deadline) {
			d.kill(t)
			t.Fatalf("PDF conversions still pending: %v\n%s", states, d.stderr.String())
		}
		time.Sleep(500 * time.Millisecond)
	}
}
