package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-msgauth/dkim"

	"github.com/liaisond/liaisond/auth"
	"github.com/liaisond/liaisond/internal/dnstest"
	"github.com/liaisond/liaisond/internal/smtpsend"
	"github.com/liaisond/liaisond/store"
)

// authDirectory is the directory of TestSenderAuthentication: ITU-T SG15 sends from
// itu.example, and CCAMP receives.
const authDirectory = `[intake]
addresses = ["statements@example.org"]
[[group]]
name = "CCAMP"
aliases = ["IETF CCAMP WG", "Common Control and Measurement Plane"]
addresses = ["ccamp@example.org"]
forward_to = ["ccamp-chairs@example.org"]
[[sdo]]
name = "ITU-T SG15"
aliases = ["ITU-T Study Group 15", "SG15"]
liaison_manager = "itu-t-liaison@example.org"
domains = ["itu.example"]
`

// authStatement is a For-Action statement of ITU-T SG15 to CCAMP, which the extractor
// reads with confidence above the posting threshold.
func authStatement(from, id, title string) string {
	return "From: ITU-T SG15 <" + from + ">\r\n" +
		"To: statements@example.org\r\n" +
		"Subject: " + title + "\r\n" +
		"Message-ID: <" + id + ">\r\n" +
		"Date: Mon, 07 Dec 2026 10:00:00 +0000\r\n" +
		"\r\n" +
		"LIAISON STATEMENT\r\n\r\n" +
		"Title: " + title + "\r\n" +
		"From: ITU-T SG15\r\n" +
		"To: IETF CCAMP WG\r\n" +
		"For: Action\r\n" +
		"Deadline: 31 March 2027\r\n" +
		"Contact: Rapporteur <" + from + ">\r\n\r\n" +
		"ITU-T Study Group 15 asks the IETF CCAMP WG to review the deprecation of MPLS-TP OAM\r\n" +
		"tools and to reply by the deadline above.\r\n"
}

// TestSenderAuthentication runs the daemon with a real DNS server on loopback serving SPF,
// DKIM and DMARC records and sends statements over real SMTP: a statement that claims a
// body of the directory is posted and forwarded only when the message is authenticated as
// that body's domain; otherwise it is queued with the reason, nothing is forwarded, and
// the body's liaison manager is told once.
func TestSenderAuthentication(t *testing.T) {
	dns := dnstest.Start(t)
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"itu.example", "slow.itu.example"} {
		dns.TXT("sel._domainkey."+d, "v=DKIM1; k=ed25519; p="+base64.StdEncoding.EncodeToString(key.Public().(ed25519.PublicKey)))
	}
	dns.TXT("itu.example", "v=spf1 ip4:192.0.2.0/24 -all") // its own servers: loopback fails
	dns.TXT("_dmarc.itu.example", "v=DMARC1; p=reject")
	dns.TXT("lists.example", "v=spf1 ip4:127.0.0.0/8 -all")
	dns.TXT("evil-attacker.example", "v=spf1 ip4:127.0.0.1 -all")
	dns.Silent("slow.itu.example", true)
	sign := func(domain, msg string) []byte {
		var out bytes.Buffer
		if err := dkim.Sign(&out, strings.NewReader(msg), &dkim.SignOptions{Domain: domain, Selector: "sel", Signer: key}); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	var hundred strings.Builder
	for i := range 100 {
		fmt.Fprintf(&hundred, "DKIM-Signature: v=1; a=rsa-sha256; d=itu.example; s=s%d; h=from; bh=AAAA; b=AAAA\r\n", i)
	}

	dir := t.TempDir()
	relay := newTestRelay(t)
	relay.start(t)
	cfgPath, smtpAddr, webAddr := writeConfig(t, dir, "retry_initial = \"1s\"\nretry_max = \"2s\"\n"+relaySection(relay, "")+fmt.Sprintf(`[routing]
central = "liaison-coordination@example.org"
pdf_wait = "1s"
[libreoffice]
binary = "/nonexistent/soffice"
[auth]
resolver = %q
trusted_authserv_ids = ["mx.ietf.example"]
timeout = "1s"
%s`, dns.Addr, authDirectory))
	d := startDaemon(t, cfgPath, smtpAddr, webAddr)

	cases := []struct {
		name, mailFrom string
		raw            []byte
		posted         bool
		verifiedAs     string
	}{
		{"signed by its domain", "tsbsg15@itu.example",
			sign("itu.example", authStatement("tsbsg15@itu.example", "signed@itu.example", "LS on signed OAM")), true, "itu.example"},
		{"forged: sent from the attacker's domain", "tsbsg15@evil-attacker.example",
			[]byte(authStatement("tsbsg15@evil-attacker.example", "forged@evil-attacker.example", "LS on urgent deprecation of MPLS-TP OAM")), false, "evil-attacker.example"},
		{"forwarded by a list: SPF fails for itu.example, DKIM survives", "owner@lists.example",
			sign("itu.example", authStatement("tsbsg15@itu.example", "forwarded@itu.example", "LS on forwarded OAM")), true, "itu.example"},
		{"spoofed From with forged Authentication-Results (even our own authserv-id)", "tsbsg15@itu.example",
			[]byte("Authentication-Results: mx.ietf.example; spf=pass smtp.mailfrom=itu.example; dkim=pass header.d=itu.example; dmarc=pass header.from=itu.example\r\n" +
				authStatement("tsbsg15@itu.example", "spoofed@itu.example", "LS on spoofed OAM")), false, ""},
		{"a hundred forged signatures", "tsbsg15@itu.example",
			[]byte(hundred.String() + authStatement("tsbsg15@itu.example", "hundred@itu.example", "LS on signed-a-hundred-times OAM")), false, ""},
	}
	for _, c := range cases {
		if err := smtpsend.DialAndSend(smtpAddr, c.mailFrom, []string{"statements@example.org"}, c.raw); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
	}

	db := openDaemonDB(t, dir)
	defer db.Close()
	sts := waitForStatements(t, db, len(cases), d)
	byTitle := map[string]store.Statement{}
	for _, st := range sts {
		byTitle[st.Title] = st
	}
	for _, c := range cases {
		title := strings.TrimPrefix(strings.SplitN(string(c.raw[bytes.Index(c.raw, []byte("Subject: ")):]), "\r\n", 2)[0], "Subject: ")
		st, ok := byTitle[title]
		if !ok {
			t.Errorf("%s: no statement titled %q", c.name, title)
			continue
		}
		if posted := st.State == store.StatementPosted; posted != c.posted {
			t.Errorf("%s: state %s %v, want posted=%v", c.name, st.State, st.ReviewReasons, c.posted)
		}
		if !c.posted && !hasReason(st.ReviewReasons, "not verified as ITU-T SG15") {
			t.Errorf("%s: reasons %v, want \"not verified as ITU-T SG15\"", c.name, st.ReviewReasons)
		}
		a, err := db.Auth(context.Background(), st.Message)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var r auth.Report
		json.Unmarshal(a.Report, &r)
		if r.VerifiedAs != c.verifiedAs || a.VerifiedAs != c.verifiedAs || r.Source != auth.SourceChecked {
			t.Errorf("%s: verified as %q (%s), want %q: %+v", c.name, r.VerifiedAs, r.Source, c.verifiedAs, r)
		}
		if c.name == "a hundred forged signatures" && len(r.Signatures) != 5 {
			t.Errorf("%s: %d signatures checked, want the limit of 5", c.name, len(r.Signatures))
		}
	}

	// DNS does not answer for the sender's domain: the claim is not decided on, the
	// message waits (its job retried), intake goes on; once DNS answers, it is posted.
	slow := sign("slow.itu.example", authStatement("tsbsg15@slow.itu.example", "slow@slow.itu.example", "LS on slowly resolved OAM"))
	if err := sendOneFrom(smtpAddr, "tsbsg15@slow.itu.example", slow); err != nil {
		t.Fatal(err)
	}
	time.Sleep(4 * time.Second) // the check times out (1 s) and is retried at least once
	if n := len(statementsTitled(t, db, "LS on slowly resolved OAM")); n != 0 {
		t.Fatalf("a statement was recorded while DNS was down")
	}
	if err := sendOne(smtpAddr, []byte(lsMail("during-dns-outage", "statements@example.org", "Title: unrelated"))); err != nil {
		t.Fatalf("intake while DNS is down: %v", err)
	}
	dns.Silent("slow.itu.example", false)
	deadline := time.Now().Add(30 * time.Second)
	for {
		if sts := statementsTitled(t, db, "LS on slowly resolved OAM"); len(sts) == 1 && sts[0].State == store.StatementPosted {
			break
		}
		if time.Now().After(deadline) {
			d.kill(t)
			t.Fatalf("the statement held for DNS was not posted once DNS answered:\n%s", d.stderr.String())
		}
		time.Sleep(100 * time.Millisecond)
	}

	// Three forwards to CCAMP (signed, forwarded, slow), three notices to ITU-T's liaison
	// manager (forged, spoofed, hundred), one to central for the unrelated message of no
	// known body, nothing else.
	relay.waitFor(t, 3, d)
	for deadline := time.Now().Add(30 * time.Second); len(relay.allMessages()) < 7 && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(time.Second)
	d.stop(t)
	var forwards, notices, central int
	for _, m := range relay.allMessages() {
		switch {
		case m.to == "ccamp-chairs@example.org" && bytes.Contains(m.data, []byte("Subject: ")) && !bytes.Contains(m.data, []byte("Waiting for review")):
			forwards++
		case m.to == "itu-t-liaison@example.org" && bytes.Contains(m.data, []byte("Subject: Waiting for review")) &&
			bytes.Contains(m.data, []byte("not verified as ITU-T SG15")) && bytes.Contains(m.data, []byte("/queue/")):
			notices++
		case m.to == "liaison-coordination@example.org" && bytes.Contains(m.data, []byte("Subject: Waiting for review")):
			central++
		default:
			t.Errorf("unexpected mail to %s:\n%.600s", m.to, m.data)
		}
	}
	// show --json carries the results and the verified domain; show prints them.
	forged := statementsTitled(t, db, "LS on urgent deprecation of MPLS-TP OAM")[0]
	code, out, errOut := cli(t, "show", "--config", cfgPath, "--json", fmt.Sprint(forged.ID))
	var shown struct {
		Auth       auth.Report `json:"auth"`
		VerifiedAs *string     `json:"verified_as"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &shown) != nil {
		t.Fatalf("show --json: %d %s %s", code, out, errOut)
	}
	if shown.VerifiedAs == nil || *shown.VerifiedAs != "evil-attacker.example" || shown.Auth.SPF.Result != auth.Pass ||
		shown.Auth.DMARC.Domain != "evil-attacker.example" || shown.Auth.DKIM.Result != auth.None {
		t.Errorf("show --json: %s", out)
	}
	if _, out, _ := cli(t, "show", "--config", cfgPath, fmt.Sprint(forged.ID)); !strings.Contains(out, "Verified as:       evil-attacker.example") ||
		!strings.Contains(out, "spf=pass dkim=none dmarc=none (checked)") {
		t.Errorf("show:\n%s", out)
	}
	if forwards != 3 || notices != 3 || central != 1 {
		t.Errorf("%d forwards to CCAMP, %d review notices to ITU-T, %d to central, want 3, 3, 1 (relay: %v)", forwards, notices, central, relay.recipients())
	}
}

func hasReason(reasons []string, want string) bool {
	for _, r := range reasons {
		if strings.Contains(r, want) {
			return true
		}
	}
	return false
}

func statementsTitled(t *testing.T, db *store.DB, title string) []store.Statement {
	t.Helper()
	sts, err := db.Statements(context.Background(), store.StatementFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []store.Statement
	for _, st := range sts {
		if st.Title == title {
			out = append(out, st)
		}
	}
	return out
}

func sendOneFrom(addr, from string, raw []byte) error {
	return smtpsend.DialAndSend(addr, from, []string{"statements@example.org"}, raw)
}
