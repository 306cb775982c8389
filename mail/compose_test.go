package mail

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	gomessage "github.com/emersion/go-message"
	gomail "github.com/emersion/go-message/mail"
	"github.com/liaisond/liaisond/message"
)

var testSummary = Summary{
	ID: 7, Title: "LS on OTN\r\nBcc: victim@example.net", From: []string{"ITU-T SG15"}, To: []string{"IETF CCAMP WG"},
	Purpose: "action", Deadline: "2026-03-31", FromContacts: []string{"rapporteur@example.net"},
	SendReplyTo: "tsbsg15@example.net", SendTo: "statements@example.org", OtherIdentifiers: []string{"SG15-LS45"},
	RecordURL: "http://127.0.0.1:8080/s/7",
}

const testOriginal = "From: sg15@example.net\r\nTo: statements@example.org\r\nMessage-ID: <orig@example.net>\r\n" +
	"Subject: LS on OTN\r\n\r\nPlease forward to ccamp@example.org and evil@example.com.\r\n"

func testOutgoing() Outgoing {
	s := testSummary
	return Outgoing{
		From: "liaisond@example.org", To: "ccamp-chairs@example.org", MessageID: "<liaisond.s7.forward.ab12@example.org>",
		Date: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC), Subject: ForwardSubject(s), References: "<orig@example.net>",
		Loop: "forward; statement=7", Text: ForwardText(s, Route{Case: "central", Group: "CCAMP"}),
		Files:    []OutFile{{Name: "../LS45.pdf", ContentType: "application/pdf", Data: []byte("%PDF-1.4 fake")}},
		Original: []byte(testOriginal),
	}
}

// parts reads a composed message back with go-message: its header and each part's
// header and decoded body.
func parts(t *testing.T, msg []byte) (gomail.Header, []gomessage.Header, [][]byte) {
	t.Helper()
	mr, err := gomail.CreateReader(bytes.NewReader(msg))
	if err != nil {
		t.Fatal(err)
	}
	var hs []gomessage.Header
	var bodies [][]byte
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(p.Body)
		var h gomessage.Header
		switch ph := p.Header.(type) {
		case *gomail.InlineHeader:
			h = ph.Header
		case *gomail.AttachmentHeader:
			h = ph.Header
		}
		hs, bodies = append(hs, h), append(bodies, body)
	}
	return mr.Header, hs, bodies
}

func TestComposeForward(t *testing.T) {
	msg, dropped, err := Compose(testOutgoing(), 0)
	if err != nil || dropped != nil {
		t.Fatal(err, dropped)
	}
	h, hs, bodies := parts(t, msg)
	subject, _ := h.Subject()
	id, _ := h.MessageID()
	refs, _ := h.MsgIDList("References")
	for got, want := range map[string]string{
		subject: "Liaison statement: LS on OTN Bcc: victim@example.net", id: "liaisond.s7.forward.ab12@example.org",
		h.Get("Auto-Submitted"): "auto-generated", h.Get(message.LoopHeader): "forward; statement=7", h.Get("To"): "<ccamp-chairs@example.org>",
		h.Get("From"): `"liaisond" <liaisond@example.org>`, strings.Join(refs, " "): "orig@example.net",
	} {
		if got != want {
			t.Errorf("header: got %q, want %q", got, want)
		}
	}
	if h.Has("Bcc") {
		t.Fatal("a title made a Bcc header")
	}
	if len(hs) != 3 {
		t.Fatalf("%d parts, want text, PDF, original", len(hs))
	}
	text := string(bodies[0])
	for _, want := range []string{"forwards it to you for CCAMP", "From:               ITU-T SG15", "For action",
		"2026-03-31, end of day Anywhere on Earth (UTC-12), that is 2026-04-01 11:59 UTC", "http://127.0.0.1:8080/s/7",
		"Send replies to:    tsbsg15@example.net"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	if _, p, _ := hs[1].ContentDisposition(); p["filename"] != "LS45.pdf" || string(bodies[1]) != "%PDF-1.4 fake" {
		t.Errorf("PDF part %v %q", p, bodies[1])
	}
	if ct, _, _ := hs[2].ContentType(); ct != "message/rfc822" || hs[2].Get("Content-Transfer-Encoding") != "7bit" {
		t.Errorf("original part %s %s", ct, hs[2].Get("Content-Transfer-Encoding"))
	}
	if string(bodies[2]) != testOriginal {
		t.Errorf("original changed:\n%q", bodies[2])
	}
	if !bytes.Contains(msg, []byte(testOriginal)) {
		t.Error("the original is not byte for byte in the message")
	}
}

// TestComposeEightBitOriginal: an original that is not 7bit-clean travels base64 encoded
// and comes out unchanged.
func TestComposeEightBitOriginal(t *testing.T) {
	o := testOutgoing()
	o.Original = append([]byte("Subject: caf\xe9\r\n\r\n"), bytes.Repeat([]byte("x"), 1200)...)
	msg, _, err := Compose(o, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, hs, bodies := parts(t, msg)
	if hs[2].Get("Content-Transfer-Encoding") != "base64" || !bytes.Equal(bodies[2], o.Original) {
		t.Fatalf("8-bit original: %s, equal %v", hs[2].Get("Content-Transfer-Encoding"), bytes.Equal(bodies[2], o.Original))
	}
	for _, line := range strings.Split(string(msg), "\r\n") {
		if len(line) > 998 {
			t.Fatal("a line longer than 998 bytes")
		}
	}
}

func TestComposeFitsUnderLimit(t *testing.T) {
	o := testOutgoing()
	o.Files[0].Data = bytes.Repeat([]byte("p"), 200<<10)
	o.Original = bytes.Repeat([]byte("o"), 100<<10)
	msg, dropped, err := Compose(o, 150<<10)
	if err != nil || len(msg) > 150<<10 || strings.Join(dropped, ",") != "../LS45.pdf" {
		t.Fatalf("first fit: %d bytes, dropped %v, %v", len(msg), dropped, err)
	}
	msg, dropped, err = Compose(o, 20<<10)
	if err != nil || len(msg) > 20<<10 || len(dropped) != 2 {
		t.Fatalf("second fit: %d bytes, dropped %v, %v", len(msg), dropped, err)
	}
	_, hs, bodies := parts(t, msg)
	if len(hs) != 1 || !strings.Contains(string(bodies[0]), "Left out to keep this message small enough") {
		t.Fatalf("parts %d, text %s", len(hs), bodies[0])
	}
}

func TestComposeRefusesBadAddresses(t *testing.T) {
	for _, mutate := range []func(*Outgoing){
		func(o *Outgoing) { o.To = "a@example.org>\r\nBcc: b@example.org" },
		func(o *Outgoing) { o.From = "nobody" },
		func(o *Outgoing) { o.MessageID = "<a b@c>" },
	} {
		o := testOutgoing()
		mutate(&o)
		if _, _, err := Compose(o, 0); err == nil {
			t.Errorf("composed %+v", o)
		}
	}
	o := testOutgoing()
	o.References = "<bad\r\nX: y>"
	msg, _, err := Compose(o, 0)
	if err != nil || bytes.Contains(msg, []byte("References")) {
		t.Fatalf("a malformed original Message-ID was used: %v", err)
	}
}

func TestLoopMark(t *testing.T) {
	msg, _, _ := Compose(testOutgoing(), 0)
	if v, ok, err := LoopMark(bytes.NewReader(msg)); !ok || err != nil || v != "forward; statement=7" {
		t.Fatalf("our own message not recognised: %q %v %v", v, ok, err)
	}
	if _, ok, err := LoopMark(strings.NewReader(testOriginal)); ok || err != nil {
		t.Fatalf("a foreign message taken for ours: %v %v", ok, err)
	}
	// A malformed line elsewhere in the header does not hide the mark; case and folding
	// do not matter.
	if v, ok, _ := LoopMark(strings.NewReader("Subject: x\r\nnot a header line\r\nx-liaisond-loop: notice;\r\n statement=3\r\n\r\nbody")); !ok || v != "notice; statement=3" {
		t.Fatalf("mark in a malformed header: %q %v", v, ok)
	}
	// Only the top-level header counts: our forward attached by a person is not a loop.
	if _, ok, _ := LoopMark(strings.NewReader("Subject: fwd\r\n\r\n" + string(msg))); ok {
		t.Fatal("a nested loop header counted")
	}
}

func TestNoticeAndReminderTexts(t *testing.T) {
	r := Route{Case: "misdirected", ArrivedAt: "opsawg@example.org", ArrivedGroup: "OPSAWG", Groups: []string{"CCAMP"},
		ForwardedTo: []string{"ccamp-chairs@example.org"}}
	text := NoticeText(testSummary, r)
	for _, want := range []string{"arrived at opsawg@example.org, the address of OPSAWG", "addressed to CCAMP",
		"forwarded it to CCAMP (ccamp-chairs@example.org)", "let the sender know"} {
		if !strings.Contains(text, want) {
			t.Errorf("notice lacks %q:\n%s", want, text)
		}
	}
	if s := NoticeSubject(testSummary, r); !strings.HasPrefix(s, "Misdirected liaison statement: LS on OTN") {
		t.Errorf("notice subject %q", s)
	}
	for offset, want := range map[int]string{-14: "due in 14 days", -1: "due tomorrow", 0: "due today", 1: "overdue by 1 day", 7: "overdue by 7 days"} {
		if s := ReminderSubject(testSummary, offset); !strings.HasPrefix(s, "Reminder: "+want+": LS on OTN") {
			t.Errorf("offset %d: subject %q", offset, s)
		}
	}
}

// TestComposeReplyTo: a forward's Reply-To is the statement's Send Reply To, else its
// From-Contacts; only plain addresses are written, so no value can add a header field.
func TestComposeReplyTo(t *testing.T) {
	tests := []struct {
		name    string
		summary Summary
		want    []string
	}{
		{"send reply to", Summary{SendReplyTo: "tsbsg15@example.net", FromContacts: []string{"rapporteur@example.net"}},
			[]string{"tsbsg15@example.net"}},
		{"from contacts", Summary{FromContacts: []string{"rapporteur@example.net", "chair@example.net"}},
			[]string{"rapporteur@example.net", "chair@example.net"}},
		{"a hostile send reply to falls back", Summary{SendReplyTo: "a@example.net\r\nBcc: victim@example.net",
			FromContacts: []string{"rapporteur@example.net", "x@y>\r\nCc: victim@example.net", "Name <n@example.net>"}},
			[]string{"rapporteur@example.net"}},
		{"none", Summary{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := testOutgoing()
			o.ReplyTo = ForwardReplyTo(tt.summary)
			msg, _, err := Compose(o, 0)
			if err != nil {
				t.Fatal(err)
			}
			h, _, _ := parts(t, msg)
			list, err := h.AddressList("Reply-To")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, a := range list {
				got = append(got, a.Address)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") || h.Has("Bcc") || h.Has("Cc") {
				t.Fatalf("Reply-To %v, want %v (Bcc %v, Cc %v)", got, tt.want, h.Has("Bcc"), h.Has("Cc"))
			}
		})
	}
	o := testOutgoing()
	for i := range 3 * maxReplyTo {
		o.ReplyTo = append(o.ReplyTo, strings.Repeat("a", i+1)+"@example.net")
	}
	msg, _, _ := Compose(o, 0)
	h, _, _ := parts(t, msg)
	if list, _ := h.AddressList("Reply-To"); len(list) != maxReplyTo {
		t.Fatalf("%d Reply-To addresses, want at most %d", len(list), maxReplyTo)
	}
}

// TestComposeFileNamesUnique: no two files of one message share a name: not our PDFs,
// not a PDF and a file of the original, not a file and the original itself.
func TestComposeFileNamesUnique(t *testing.T) {
	o := testOutgoing()
	pdf := func(name string) OutFile {
		return OutFile{Name: name, ContentType: "application/pdf", Data: []byte("%PDF")}
	}
	o.Files = []OutFile{pdf("X.pdf"), pdf("x.PDF"), pdf("original.eml"), pdf("dir/X.pdf")}
	o.Taken = []string{"X.pdf"}
	msg, _, err := Compose(o, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, hs, _ := parts(t, msg)
	var names []string
	for _, h := range hs[1:] {
		_, p, _ := h.ContentDisposition()
		names = append(names, p["filename"])
	}
	want := "X (2).pdf|x (3).PDF|original (2).eml|X (4).pdf|original.eml"
	if strings.Join(names, "|") != want {
		t.Fatalf("file names %q, want %q", names, want)
	}
}
