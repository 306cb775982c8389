package pipeline

import (
	"context"
	"slices"
	"testing"

	"github.com/liaisond/liaisond/auth"
	"github.com/liaisond/liaisond/classify"
	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/directory"
	"github.com/liaisond/liaisond/message"
	"github.com/liaisond/liaisond/store"
)

// TestAuthenticatorSources: over LMTP and IMAP only a trusted receiving server's
// Authentication-Results count (a field under another authserv-id is the sender's);
// imported files have nothing to go on.
func TestAuthenticatorSources(t *testing.T) {
	a := NewAuthenticator(config.AuthConfig{Resolver: "127.0.0.1:9", TrustedAuthservIDs: []string{"mx.ietf.example"},
		Timeout: 1e9, MaxSignatures: 5})
	trusted := "Authentication-Results: mx.ietf.example; dkim=pass header.d=itu.example; dmarc=pass header.from=itu.example\r\n"
	forged := "Authentication-Results: mx.itu.example; dkim=pass header.d=itu.example; dmarc=pass header.from=itu.example\r\n"
	msg := "From: a@itu.example\r\nSubject: LS\r\n\r\nbody\r\n"
	for _, tc := range []struct {
		source, fields, verified, from string
	}{
		{store.SourceLMTP, trusted, "itu.example", "authserv-id:mx.ietf.example"},
		{store.SourceIMAP, trusted, "itu.example", "authserv-id:mx.ietf.example"},
		{store.SourceLMTP, forged, "", auth.SourceNone},
		{store.SourceIMAP, forged + trusted, "itu.example", "authserv-id:mx.ietf.example"},
		{store.SourceFile, trusted, "", auth.SourceNone},
	} {
		r := a.report(context.Background(), store.Envelope{Source: tc.source}, []byte(tc.fields+msg))
		if r.VerifiedAs != tc.verified || r.Source != tc.from {
			t.Errorf("%s with %q: verified %q from %q, want %q from %q", tc.source, tc.fields, r.VerifiedAs, r.Source, tc.verified, tc.from)
		}
	}
}

// TestAuthReasons: a claimed body with domains needs the message authenticated as one of
// them (or as one of its addresses, From exactly that address); bodies without domains
// are not checked; bodies not in the directory wait only when configured so; a DNS
// failure on an unverified claim asks for a retry.
func TestAuthReasons(t *testing.T) {
	cfg := config.Default()
	cfg.SDOs = []directory.SDO{
		{Name: "ITU-T SG15", Domains: []string{"itu.example"}, Addresses: []string{"rapporteur@mail.example"}},
		{Name: "MEF"},
	}
	c := NewClassifier(cfg)
	verified := func(d string) auth.Report { return auth.Report{VerifiedAs: d} }
	for _, tc := range []struct {
		name    string
		from    []string
		sender  string
		rep     auth.Report
		unknown bool
		reasons []string
		retry   bool
	}{
		{"verified as its domain", []string{"ITU-T SG15"}, "a@itu.example", verified("itu.example"), false, nil, false},
		{"verified as a subdomain", []string{"ITU-T SG15"}, "a@mx.itu.example", verified("mx.itu.example"), false, nil, false},
		{"verified as another domain", []string{"ITU-T SG15"}, "a@evil.example", verified("evil.example"), false, []string{"not verified as ITU-T SG15"}, false},
		{"not verified", []string{"ITU-T SG15"}, "a@itu.example", auth.Report{}, false, []string{"not verified as ITU-T SG15"}, false},
		{"DNS failed", []string{"ITU-T SG15"}, "a@itu.example", auth.Report{Retry: true}, false, []string{"not verified as ITU-T SG15"}, true},
		{"its listed address, verified", []string{"ITU-T SG15"}, "rapporteur@mail.example", verified("mail.example"), false, nil, false},
		{"another address of that domain", []string{"ITU-T SG15"}, "someone@mail.example", verified("mail.example"), false, []string{"not verified as ITU-T SG15"}, false},
		{"a body without domains", []string{"MEF"}, "a@anywhere.example", auth.Report{}, false, nil, false},
		{"joint, one unverified", []string{"MEF", "ITU-T SG15"}, "a@mef.example", verified("mef.example"), false, []string{"not verified as ITU-T SG15"}, false},
		{"unknown body", []string{"Some Forum"}, "a@forum.example", auth.Report{}, false, nil, false},
		{"unknown body, queued by config", []string{"Some Forum"}, "a@forum.example", auth.Report{}, true, []string{ReasonUnknownSender}, false},
		{"no body at all, queued by config", nil, "a@forum.example", auth.Report{}, true, []string{ReasonUnknownSender}, false},
	} {
		c.QueueUnknownSenders = tc.unknown
		msg := &message.Message{From: []message.Address{{Address: tc.sender}}}
		reasons, retry := c.authReasons(msg, &classify.Extraction{IsLiaison: true, Metadata: classify.Metadata{From: tc.from}}, tc.rep)
		if !slices.Equal(reasons, tc.reasons) || retry != tc.retry {
			t.Errorf("%s: %q retry %v, want %q %v", tc.name, reasons, retry, tc.reasons, tc.retry)
		}
	}
}
