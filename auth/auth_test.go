package auth

import (
	"bytes"
	"context"
	"crypto"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-msgauth/dkim"

	"github.com/liaisond/liaisond/internal/dnstest"
)

// The example of RFC 8463 appendix A: one message signed with Ed25519 (selector brisbane)
// and with RSA (selector test), and the two public keys of A.2.
const (
	rfc8463Ed25519Key = "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
	rfc8463RSAKey     = "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB"
	rfc8463Message    = "DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;\r\n" +
		" d=football.example.com; i=@football.example.com;\r\n" +
		" q=dns/txt; s=brisbane; t=1528637909; h=from : to :\r\n" +
		" subject : date : message-id : from : subject : date;\r\n" +
		" bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;\r\n" +
		" b=/gCrinpcQOoIfuHNQIbq4pgh9kyIK3AQUdt9OdqQehSwhEIug4D11Bus\r\n" +
		" Fa3bT3FY5OsU7ZbnKELq+eXdp1Q1Dw==\r\n" +
		"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\r\n" +
		" d=football.example.com; i=@football.example.com;\r\n" +
		" q=dns/txt; s=test; t=1528637909; h=from : to : subject :\r\n" +
		" date : message-id : from : subject : date;\r\n" +
		" bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;\r\n" +
		" b=F45dVWDfMbQDGHJFlXUNB2HKfbCeLRyhDXgFpEL8GwpsRe0IeIixNTe3\r\n" +
		" DhCVlUrSjV4BwcVcOF6+FF3Zo9Rpo1tFOeS9mPYQTnGdaSGsgeefOsk2Jz\r\n" +
		" dA+L10TeYt9BgDfQNZtKdN1WO//KgIqXP7OdEFE4LjFYNcUxZQ4FADY+8=\r\n" +
		"From: Joe SixPack <joe@football.example.com>\r\n" +
		"To: Suzie Q <suzie@shopping.example.net>\r\n" +
		"Subject: Is dinner ready?\r\n" +
		"Date: Fri, 11 Jul 2003 21:00:37 -0700 (PDT)\r\n" +
		"Message-ID: <20030712040037.46341.5F8J@football.example.com>\r\n" +
		"\r\n" +
		"Hi.\r\n" +
		"\r\n" +
		"We lost the game.  Are you hungry yet?\r\n" +
		"\r\n" +
		"Joe.\r\n"
)

var loopbackIP = net.ParseIP("127.0.0.1")

func newChecker(t *testing.T, dns *dnstest.Server, limits Limits) *Checker {
	t.Helper()
	if limits.Timeout == 0 {
		limits.Timeout = 5 * time.Second
	}
	return NewChecker(NewResolver(dns.Addr), limits)
}

func TestRFC8463Example(t *testing.T) {
	dns := dnstest.Start(t)
	dns.TXT("brisbane._domainkey.football.example.com", rfc8463Ed25519Key)
	dns.TXT("test._domainkey.football.example.com", rfc8463RSAKey)
	c := newChecker(t, dns, Limits{})
	env := Envelope{ClientIP: loopbackIP, Helo: "mail.football.example.com", MailFrom: "joe@football.example.com"}

	r := c.Check(context.Background(), env, []byte(rfc8463Message))
	if len(r.Signatures) != 2 {
		t.Fatalf("signatures = %+v, want 2", r.Signatures)
	}
	for i, want := range []string{"brisbane", "test"} {
		s := r.Signatures[i]
		if s.Result != Pass || s.Domain != "football.example.com" || s.Selector != want || !s.Aligned {
			t.Errorf("signature %d = %+v, want an aligned pass for football.example.com, selector %s", i, s, want)
		}
	}
	// No SPF and no DMARC record: the aligned DKIM pass authenticates the From domain.
	if r.SPF.Result != None || r.DMARC.Result != None || r.DMARCRecord {
		t.Errorf("spf %+v dmarc %+v record %v, want none, none, false", r.SPF, r.DMARC, r.DMARCRecord)
	}
	if r.VerifiedAs != "football.example.com" || r.Retry {
		t.Errorf("verified_as %q retry %v, want football.example.com", r.VerifiedAs, r.Retry)
	}

	// With a DMARC record, DMARC passes through the aligned signatures.
	dns.TXT("_dmarc.football.example.com", "v=DMARC1; p=reject")
	r = c.Check(context.Background(), env, []byte(rfc8463Message))
	if r.DMARC.Result != Pass || !r.DMARCRecord || r.VerifiedAs != "football.example.com" {
		t.Errorf("with DMARC: %+v verified %q, want pass", r.DMARC, r.VerifiedAs)
	}

	// One changed body byte breaks both signatures, and with them the claim.
	tampered := strings.Replace(rfc8463Message, "hungry", "Hungry", 1)
	r = c.Check(context.Background(), env, []byte(tampered))
	if r.DKIM.Result != Fail || r.DMARC.Result != Fail || r.VerifiedAs != "" {
		t.Errorf("tampered: dkim %+v dmarc %+v verified %q, want fail, fail, none", r.DKIM, r.DMARC, r.VerifiedAs)
	}
}

// sdoDomain plays a standards body whose statements come from its own domain.
const sdoDomain = "itu.example"

type signer struct {
	selector string
	key      crypto.Signer
}

func newSigners(t *testing.T, dns *dnstest.Server, domain string) []signer {
	t.Helper()
	_, edKey, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	rsaPub, err := x509.MarshalPKIXPublicKey(&rsaKey.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	dns.TXT("ed._domainkey."+domain, "v=DKIM1; k=ed25519; p="+base64.StdEncoding.EncodeToString(edKey.Public().(ed25519.PublicKey)))
	dns.TXT("rsa._domainkey."+domain, "v=DKIM1; k=rsa; p="+base64.StdEncoding.EncodeToString(rsaPub))
	return []signer{{"ed", edKey}, {"rsa", rsaKey}}
}

func sign(t *testing.T, domain string, s signer, msg string) string {
	t.Helper()
	var out bytes.Buffer
	err := dkim.Sign(&out, strings.NewReader(msg), &dkim.SignOptions{Domain: domain, Selector: s.selector, Signer: s.key})
	if err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func statement(from string) string {
	return "From: ITU-T SG15 <" + from + ">\r\n" +
		"To: statements@ietf.example\r\n" +
		"Subject: LS on MPLS-TP OAM\r\n" +
		"Message-ID: <ls45@" + domainOf(from) + ">\r\n" +
		"Date: Mon, 07 Dec 2026 10:00:00 +0000\r\n" +
		"\r\n" +
		"Title: LS on MPLS-TP OAM\r\nFor action.\r\n"
}

func TestCheck(t *testing.T) {
	dns := dnstest.Start(t)
	signers := newSigners(t, dns, sdoDomain)
	dns.TXT(sdoDomain, "v=spf1 ip4:192.0.2.0/24 -all") // its own servers, not loopback
	dns.TXT("_dmarc."+sdoDomain, "v=DMARC1; p=reject")
	dns.TXT("lists.example", "v=spf1 ip4:127.0.0.0/8 -all") // a forwarder on loopback
	dns.TXT("evil-attacker.example", "v=spf1 ip4:127.0.0.1 -all")
	dns.TXT("slow.example", "v=spf1 -all")
	dns.Silent("slow.example", true)
	dns.ServFail("broken.example", true)
	c := newChecker(t, dns, Limits{Timeout: 2 * time.Second})

	signed := sign(t, sdoDomain, signers[0], statement("tsbsg15@"+sdoDomain))
	signedRSA := sign(t, sdoDomain, signers[1], statement("tsbsg15@"+sdoDomain))
	tests := []struct {
		name       string
		env        Envelope
		msg        string
		verifiedAs string
		retry      bool
		spf, dkim  string
		dmarc      string
	}{
		{"Ed25519-signed from its own domain, SPF fails (sent from loopback)",
			Envelope{loopbackIP, "mx.itu.example", "tsbsg15@" + sdoDomain}, signed, sdoDomain, false, Fail, Pass, Pass},
		{"RSA-signed",
			Envelope{loopbackIP, "mx.itu.example", "tsbsg15@" + sdoDomain}, signedRSA, sdoDomain, false, Fail, Pass, Pass},
		{"forwarded by a list: SPF passes for the list only, DKIM survives",
			Envelope{loopbackIP, "lists.example", "owner@lists.example"}, signed, sdoDomain, false, Pass, Pass, Pass},
		{"forged: From claims the body, sent from the attacker's domain",
			Envelope{loopbackIP, "evil-attacker.example", "tsbsg15@evil-attacker.example"}, statement("tsbsg15@" + sdoDomain), "", false, Pass, None, Fail},
		{"the attacker's own domain: verified as that, which is not the body's",
			Envelope{loopbackIP, "evil-attacker.example", "tsbsg15@evil-attacker.example"}, statement("tsbsg15@evil-attacker.example"), "evil-attacker.example", false, Pass, None, None},
		{"signed, then changed on the way",
			Envelope{loopbackIP, "lists.example", "owner@lists.example"}, strings.Replace(signed, "For action.", "For information.", 1), "", false, Pass, Fail, Fail},
		{"DNS times out for the sender's domain",
			Envelope{loopbackIP, "slow.example", "a@slow.example"}, statement("a@slow.example"), "", true, TempError, None, TempError},
		{"DNS answers SERVFAIL",
			Envelope{loopbackIP, "broken.example", "a@broken.example"}, statement("a@broken.example"), "", true, TempError, None, TempError},
		{"no envelope (imported): nothing to check SPF on",
			Envelope{}, statement("a@nowhere.example"), "", false, None, None, None},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := c.Check(context.Background(), tc.env, []byte(tc.msg))
			if r.VerifiedAs != tc.verifiedAs || r.Retry != tc.retry {
				t.Errorf("verified_as %q retry %v, want %q %v (report %+v)", r.VerifiedAs, r.Retry, tc.verifiedAs, tc.retry, r)
			}
			if r.SPF.Result != tc.spf || r.DKIM.Result != tc.dkim || r.DMARC.Result != tc.dmarc {
				t.Errorf("spf %s dkim %s dmarc %s, want %s %s %s (report %+v)", r.SPF.Result, r.DKIM.Result, r.DMARC.Result, tc.spf, tc.dkim, tc.dmarc, r)
			}
			if r.AuthenticatedAs([]string{sdoDomain}) != (tc.verifiedAs == sdoDomain) {
				t.Errorf("AuthenticatedAs(%s) = %v", sdoDomain, !(tc.verifiedAs == sdoDomain))
			}
		})
	}
}

// Hostile signatures: each gives a clear result within the limits.
func TestCheckHostileSignatures(t *testing.T) {
	dns := dnstest.Start(t)
	signers := newSigners(t, dns, sdoDomain)
	c := newChecker(t, dns, Limits{Timeout: 5 * time.Second, MaxSignatures: 5})
	env := Envelope{loopbackIP, "mx.itu.example", "tsbsg15@" + sdoDomain}
	msg := statement("tsbsg15@" + sdoDomain)
	good := sign(t, sdoDomain, signers[0], msg)

	var hundred strings.Builder
	for i := range 100 {
		fmt.Fprintf(&hundred, "DKIM-Signature: v=1; a=rsa-sha256; d=d%d.example; s=s; h=from; bh=AAAA; b=AAAA\r\n", i)
	}
	tests := []struct {
		name, msg  string
		signatures int
		result     string
		reason     string
	}{
		{"malformed signature", "DKIM-Signature: this is not a tag list\r\n" + msg, 1, PermError, ""},
		{"a signature with a 1 MB b= tag", "DKIM-Signature: v=1; a=rsa-sha256; d=" + sdoDomain + "; s=rsa; h=from; bh=AAAA; b=" + strings.Repeat("A", 1<<20) + "\r\n" + msg, 1, PermError, ""},
		{"a hundred signatures: only the limit is checked", hundred.String() + msg, 5, PermError, "limit"},
		{"a hundred forged signatures and one good one after them", hundred.String() + good, 5, PermError, "limit"},
		{"an unknown algorithm", "DKIM-Signature: v=1; a=rsa-md5; d=" + sdoDomain + "; s=rsa; h=from; bh=AAAA; b=AAAA\r\n" + msg, 1, PermError, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			r := c.Check(context.Background(), env, []byte(tc.msg))
			if len(r.Signatures) != tc.signatures {
				t.Fatalf("%d signatures reported, want %d: %+v", len(r.Signatures), tc.signatures, r.Signatures)
			}
			if r.DKIM.Result != tc.result && !(tc.result == PermError && r.DKIM.Result == Fail) {
				t.Errorf("dkim %+v, want %s", r.DKIM, tc.result)
			}
			if r.VerifiedAs != "" {
				t.Errorf("verified as %q", r.VerifiedAs)
			}
			if tc.reason != "" && !strings.Contains(r.Signatures[len(r.Signatures)-1].Reason, tc.reason) {
				t.Errorf("last reason %q, want it to mention %q", r.Signatures[len(r.Signatures)-1].Reason, tc.reason)
			}
			if d := time.Since(start); d > 4*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func TestFromAuthResults(t *testing.T) {
	body := statement("tsbsg15@" + sdoDomain)
	trusted := []string{"mx.ietf.example"}
	tests := []struct {
		name       string
		fields     string
		ok         bool
		verifiedAs string
		source     string
	}{
		{"trusted DMARC pass",
			"Authentication-Results: mx.ietf.example; spf=pass smtp.mailfrom=tsbsg15@itu.example; dkim=pass header.d=itu.example; dmarc=pass header.from=itu.example\r\n",
			true, sdoDomain, "authserv-id:mx.ietf.example"},
		{"trusted, DKIM pass without a DMARC verdict",
			"Authentication-Results: mx.ietf.example; dkim=pass header.d=itu.example\r\n",
			true, sdoDomain, "authserv-id:mx.ietf.example"},
		{"trusted DMARC fail",
			"Authentication-Results: mx.ietf.example; spf=fail smtp.mailfrom=x@evil.example; dkim=none; dmarc=fail header.from=itu.example\r\n",
			true, "", "authserv-id:mx.ietf.example"},
		{"forged by the sender under another authserv-id",
			"Authentication-Results: mx.itu.example; dkim=pass header.d=itu.example; dmarc=pass header.from=itu.example\r\n",
			false, "", ""},
		{"the topmost trusted field counts, a lower one is the sender's",
			"Authentication-Results: mx.ietf.example; dkim=none; dmarc=fail header.from=itu.example\r\n" +
				"Authentication-Results: mx.ietf.example; dkim=pass header.d=itu.example; dmarc=pass header.from=itu.example\r\n",
			true, "", "authserv-id:mx.ietf.example"},
		{"a DMARC verdict on another From is not trusted",
			"Authentication-Results: mx.ietf.example; dmarc=pass header.from=other.example\r\n",
			true, "", "authserv-id:mx.ietf.example"},
		{"DKIM pass for an unaligned domain",
			"Authentication-Results: mx.ietf.example; dkim=pass header.d=lists.example\r\n",
			true, "", "authserv-id:mx.ietf.example"},
		{"folded and upper case",
			"Authentication-Results: MX.IETF.EXAMPLE;\r\n\tdmarc=pass\r\n header.from=itu.example\r\n",
			true, sdoDomain, "authserv-id:mx.ietf.example"},
		{"unparseable", "Authentication-Results: ;;;=\r\n", false, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, ok := FromAuthResults([]byte(tc.fields+body), trusted, Limits{})
			if ok != tc.ok || r.VerifiedAs != tc.verifiedAs || r.Source != tc.source {
				t.Errorf("ok %v verified %q source %q, want %v %q %q (%+v)", ok, r.VerifiedAs, r.Source, tc.ok, tc.verifiedAs, tc.source, r)
			}
		})
	}
	if _, ok := FromAuthResults([]byte("Authentication-Results: mx.ietf.example; dmarc=pass header.from=itu.example\r\n"+body), nil, Limits{}); ok {
		t.Error("with no trusted authserv-id, a field was trusted")
	}
}

func TestAuthenticatedAs(t *testing.T) {
	r := Report{VerifiedAs: "mail.itu.example"}
	for _, tc := range []struct {
		domains []string
		want    bool
	}{
		{[]string{"itu.example"}, true},
		{[]string{"ITU.example."}, true},
		{[]string{"mail.itu.example"}, true},
		{[]string{"tu.example"}, false},
		{[]string{"other.example", ""}, false},
		{nil, false},
	} {
		if got := r.AuthenticatedAs(tc.domains); got != tc.want {
			t.Errorf("AuthenticatedAs(%q) = %v, want %v", tc.domains, got, tc.want)
		}
	}
	if (Report{}).AuthenticatedAs([]string{"itu.example"}) {
		t.Error("an unverified report authenticated")
	}
}

func TestFromDomain(t *testing.T) {
	for _, tc := range []struct{ header, want string }{
		{"From: A <a@Itu.Example>\r\n\r\n", "itu.example"},
		{"From: a@x.example, b@y.example\r\n\r\n", ""},
		{"From: a@x.example\r\nFrom: b@x.example\r\n\r\n", ""},
		{"Subject: none\r\n\r\n", ""},
		{"From: =?utf-8?q?J=C3=B6rg?= <j@x.example>\r\n\r\n", "x.example"},
		{"From: A\r\n <a@folded.example>\r\n\r\n", "folded.example"},
		{"Subject: x\r\n\r\nFrom: body@x.example\r\n", ""},
	} {
		if got := fromDomain(headerFields([]byte(tc.header), 1<<20)); got != tc.want {
			t.Errorf("fromDomain(%q) = %q, want %q", tc.header, got, tc.want)
		}
	}
}
