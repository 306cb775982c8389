package classify

import (
	"strings"
	"testing"

	"github.com/liaisond/liaisond/message"
)

func TestCleanSubject(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Liaison: Storage partitioning and shared HTTP cache keys", "Storage partitioning and shared HTTP cache keys"},
		{"Re: [CCAMP] Fwd: LS on OTN path computation", "LS on OTN path computation"},
		{"FW: AW: [teas] Liaison statement: Slicing for xHaul", "Slicing for xHaul"},
		{`New Liaison Statement, "Passive latency measurement in mobile backhaul networks"`, "Passive latency measurement in mobile backhaul networks"},
		{`New Liaison Statement, "X Y Z" needs your approval`, "X Y Z"},
		{"[C1-260815] LS on DHCPv6 option for PDU session network instance name", "LS on DHCPv6 option for PDU session network instance name"},
		{"SG17-LS042: LS on certificate issuance challenge types", "LS on certificate issuance challenge types"},
		{"LS on deterministic flow identification (S2-2601187)", "LS on deterministic flow identification"},
		{"ETSI TC CYBER LS to IETF IPsecME – CYBER(26)012034", "ETSI TC CYBER LS to IETF IPsecME"},
		{"[Liaison] Cookie partitioning", "Cookie partitioning"},
		{"Liaison statement from W3C WebAppSec WG: Cookie partitioning", "Cookie partitioning"},
		{"【TTC】リエゾン文書送付", "リエゾン文書送付"},
	}
	for _, tt := range tests {
		if got := cleanSubject(tt.in); got != tt.want {
			t.Errorf("cleanSubject(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"LS on X over\nthe 5G System", "LS on X over the 5G System"},
		{`"Quoted title"`, "Quoted title"},
		{"**Bold title**", "Bold title"},
		{"LS on Y (S2-2601187)", "LS on Y"},
	}
	for _, tt := range tests {
		if got := cleanTitle(tt.in); got != tt.want {
			t.Errorf("cleanTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPurposeOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"For action", PurposeAction}, {"Action", PurposeAction}, {"ACT", PurposeAction},
		{"For information", PurposeInformation}, {"INFO", PurposeInformation}, {"Information", PurposeInformation},
		{"In response", PurposeResponse}, {"In Response", PurposeResponse}, {"Reply", PurposeResponse},
		{"For comment", "comment"}, {"COMM", "comment"}, {"For review and comment", "comment"},
		{"IETF OPSAWG for action; others for information", PurposeAction},
		{"", ""}, {"Approved", ""},
	}
	for _, tt := range tests {
		if got := purposeOf(tt.in); got != tt.want {
			t.Errorf("purposeOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFindDocNums(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"3GPP TSG SA WG2 Meeting #172    S2-2601187", []string{"S2-2601187"}},
		{"Tdocs R1-2508303, C4-2601422 and SP-260123r1", []string{"R1-2508303", "C4-2601422", "SP-260123r1"}},
		{"SG15-LS123 TD 1187 (PLEN/15)", []string{"SG15-LS123", "TD 1187 (PLEN/15)"}},
		{"LIAISE-439-IPPMWGonDraft", []string{"LIAISE-439"}},
		{"Document: CYBER(26)012034", []string{"CYBER(26)012034"}},
		{"Reference: O-RAN.WG4.LS-2026-003", []string{"O-RAN.WG4.LS-2026-003"}},
		{"TTC-LS-2026-004_遠隔管理モデル", []string{"TTC-LS-2026-004"}},
		{"ISO/IEC JTC 1/SC 27 N23456", []string{"ISO/IEC JTC 1/SC 27 N23456"}},
		{"SC 27 N23610 liaison statement", []string{"SC 27 N23610"}},
		{"ISO/IEC JTC 1 N 17890", []string{"ISO/IEC JTC 1 N 17890"}},
		{"MEF liaison letter L00347", []string{"L00347"}},
		{"WT-498, MEF 10.4, RFC 5280, S2-2601187x, L0034", nil},
	}
	for _, tt := range tests {
		got := findDocNums(tt.in)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("findDocNums(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, in := range []string{"ISO/IEC JTC 1/SC 27 N23456", "SC 27/WG 5 N23456", "ISO/IEC JTC 1 N 23456"} {
		if got := normID(in); got != "N23456" {
			t.Errorf("normID(%q) = %q", in, got)
		}
	}
}

// extractRaw parses a message written with LF line ends and extracts it against the test
// directory.
func extractRaw(t *testing.T, raw string) *Extraction {
	t.Helper()
	m, err := message.ParseBytes([]byte(strings.ReplaceAll(raw, "\n", "\r\n")), message.ParseLimits{})
	if err != nil {
		t.Fatal(err)
	}
	return extract(Input{Message: m}, testDirectory())
}

func TestSignals(t *testing.T) {
	const statement = `Title:    LS on a topic for the IETF
Source:   ITU-T Study Group 15
To:       IETF CCAMP WG
Purpose:  For action
Deadline: 30 September 2026
Contact:  A Person, a.person@example.com
`
	tests := []struct {
		name   string
		raw    string
		want   bool
		minCon float64 // the certainty of the decision at least
	}{
		{"statement", "From: TSB <tsbsg15@example.net>\nTo: statements@example.org\nSubject: LS on a topic\n\n" + statement, true, 0.8},
		{"auto-reply", "From: X <x@example.com>\nTo: statements@example.org\nSubject: Automatic reply: LS on a topic\nAuto-Submitted: auto-replied\n\nI am out of the office.\n\n" + statement, false, 0.9},
		{"reminder", "From: Liaison Statement Management Tool <statements@example.org>\nTo: ccamp-chairs@example.org\nSubject: [Liaison deadline tomorrow] LS on a topic\n\n" + statement, false, 0.9},
		{"receipt", "From: LM <lm@example.com>\nTo: tsbsg15@example.net\nSubject: Receipt of LS on a topic\n\nThis message acknowledges receipt of your liaison statement.\n", false, 0.8},
		{"list reply quoting", "From: Y <y@example.com>\nTo: ccamp@example.org\nSubject: Re: [CCAMP] LS on a topic\nList-Id: <ccamp.example.org>\n\nI think we should reply.\n\nOn Tue, X wrote:\n> " + strings.ReplaceAll(strings.TrimSpace(statement), "\n", "\n> ") + "\n", false, 0.8},
		{"forwarded statement", "From: Chair <chair@example.com>\nTo: statements@example.org\nSubject: Fwd: LS on a topic\n\nFYI\n\n---------- Forwarded message ---------\nFrom: TSB <tsbsg15@example.net>\nDate: Mon, 2 Mar 2026 at 10:15\nSubject: LS on a topic\nTo: <ccamp-chairs@example.org>\n\n" + statement, true, 0.8},
		{"spam", "From: CFP <cfp@example.com>\nTo: statements@example.org\nSubject: Call for papers: liaison workshop\n\nPaper submission deadline: 1 May 2026. Camera-ready: 1 June 2026. Unsubscribe here.\n", false, 0.8},
		{"ooo german", "From: X <x@example.com>\nTo: statements@example.org\nSubject: Abwesenheitsnotiz: LS on a topic\n\nIch bin nicht im Büro.\n", false, 0.8},
		{"empty", "From: A <a@example.com>\nTo: statements@example.org\nSubject: hello\n\nhi\n", false, 0.6},
	}
	for _, tt := range tests {
		x := extractRaw(t, tt.raw)
		ev := x.Evidence["is_liaison"]
		if x.IsLiaison != tt.want || ev.Confidence < tt.minCon {
			t.Errorf("%s: is_liaison %v (certainty %.2f), want %v (≥ %.2f): %s", tt.name, x.IsLiaison, ev.Confidence, tt.want, tt.minCon, ev.Raw)
		}
	}
}

func TestAddressSides(t *testing.T) {
	x := extractRaw(t, `From: TSB SG15 <tsbsg15@example.net>
To: statements@example.org, ccamp-chairs@example.org
Cc: "Ann Chair (SG15 chair)" <ann@example.com>, teas-chairs@example.org, unknown@example.com
Subject: LS on a topic

Title:    LS on a topic
Source:   ITU-T Study Group 15
To:       IETF CCAMP WG
Contact:  Bo Person, bo@example.com
Contacts:
Karina Wojcik, IETF Liaison Manager to ITU-T, itu-t-liaison@example.org
Send any reply LS to: replies@example.net
`)
	check := func(name string, got []string, want ...string) {
		t.Helper()
		if !sameSet(got, want, strings.ToLower) {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	check("from_contacts", x.FromContacts, "tsbsg15@example.net", "ann@example.com", "bo@example.com")
	check("to_contacts", x.ToContacts, "ccamp-chairs@example.org", "itu-t-liaison@example.org")
	if deref(x.SendReplyTo) != "replies@example.net" || deref(x.SendTo) != "statements@example.org" {
		t.Errorf("send_reply_to %q, send_to %q", deref(x.SendReplyTo), deref(x.SendTo))
	}
}

func TestMisdirected(t *testing.T) {
	base := "From: X <x@example.net>\nTo: %s\nDelivered-To: %s\nSubject: LS on a topic\n\nTitle: LS on a topic\nSource: ITU-T SG15\nTo: IETF CCAMP WG\nPurpose: For information\nContact: x@example.net\n"
	tests := []struct {
		rcpt string
		want bool
	}{
		{"statements@example.org", false},
		{"ccamp@example.org", false},
		{"dnsop@example.org", true},
		{"someone@example.com", false},
	}
	for _, tt := range tests {
		raw := strings.ReplaceAll(strings.ReplaceAll(base, "To: %s", "To: "+tt.rcpt), "Delivered-To: %s", "Delivered-To: "+tt.rcpt)
		x := extractRaw(t, raw)
		if x.Misdirected != tt.want {
			t.Errorf("delivered to %s: misdirected %v, want %v", tt.rcpt, x.Misdirected, tt.want)
		}
		if tt.want && len(x.ToContacts) != 0 {
			t.Errorf("misdirected: the delivery address stays in to_contacts: %q", x.ToContacts)
		}
	}
	// the envelope recipient wins over the headers
	m, _ := message.ParseBytes([]byte(strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(base, "To: %s", "To: dnsop@example.org"), "Delivered-To: %s", "Delivered-To: dnsop@example.org"), "\n", "\r\n")), message.ParseLimits{})
	x := Extract(Input{Message: m, Rcpt: "statements@example.org"}, testDirectory())
	if x.Misdirected || deref(x.DeliveredTo) != "statements@example.org" {
		t.Errorf("with rcpt: delivered_to %q misdirected %v", deref(x.DeliveredTo), x.Misdirected)
	}
}

func TestReplyKeys(t *testing.T) {
	m := &message.Message{InReplyTo: []string{"<A@x>"}, References: []string{"<B@x>", "<A@x>"}, MessageID: "<C@x>"}
	x := &Extraction{Metadata: Metadata{Purpose: strp(PurposeResponse), Title: strp("Reply LS on certificate profiles"), InResponseTo: strp("LS on certificate profiles (S3-2512345)")}}
	got := replyKeys(x, m)
	want := []string{"msgid:<a@x>", "msgid:<b@x>", "doc:S3-2512345", "title:ls on certificate profiles", "title:certificate profiles"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("ReplyKeys = %q\nwant %q", got, want)
	}
	self := selfKeys(&Extraction{Metadata: Metadata{Title: strp("LS on certificate profiles"), OtherIdentifiers: []string{"S3-2512345"}}}, m)
	joined := "|" + strings.Join(self, "|") + "|"
	for _, k := range []string{"msgid:<c@x>", "doc:S3-2512345", "title:ls on certificate profiles"} {
		if !strings.Contains(joined, "|"+k+"|") {
			t.Errorf("SelfKeys = %q, missing %q", self, k)
		}
	}
}

func TestPurposeProse(t *testing.T) {
	tests := []struct{ text, want string }{
		{"SG15 would like to ask IETF CCAMP WG to review the model.", PurposeAction},
		{"IETF DetNet WG is kindly requested to provide feedback.", PurposeAction},
		{"Your feedback would be appreciated.", PurposeAction},
		{"This LS is sent for information only.", PurposeInformation},
		{"No reply is needed.", PurposeInformation},
		{"This is a reply to the LS from IETF CCAMP on OTN models.", PurposeResponse},
		{"In reply to your liaison statement of 3 May, we confirm the plan.", PurposeResponse},
		{"Q14/15 thanks CCAMP for the liaison response titled \"OTN models\"; it raises no new points.", PurposeResponse},
		{"Below is our response to some of the points of your LS on OTN models.", PurposeResponse},
		{"We look forward to your response to our liaison on OTN models.", PurposeAction},
	}
	for _, tt := range tests {
		x := extractRaw(t, "From: X <x@example.net>\nTo: statements@example.org\nSubject: Liaison statement from ITU-T SG15\n\nDear CCAMP chairs,\n\nOn behalf of ITU-T Study Group 15: "+tt.text+"\n")
		if got := deref(x.Purpose); got != tt.want {
			t.Errorf("%q: purpose %q, want %q (%s)", tt.text, got, tt.want, x.Evidence["purpose"].Source)
		}
	}
}
