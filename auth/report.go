package auth

import (
	"strings"

	"golang.org/x/net/publicsuffix"
)

// Result values, as RFC 8601 names them. "policy" is not produced here.
const (
	Pass      = "pass"
	Fail      = "fail"
	SoftFail  = "softfail"
	Neutral   = "neutral"
	None      = "none"
	TempError = "temperror"
	PermError = "permerror"
)

// Method is the outcome of one check: SPF for the envelope sender, one DKIM signature, or
// DMARC for the From domain.
type Method struct {
	Result   string `json:"result"`
	Domain   string `json:"domain,omitempty"`   // SPF: MAIL FROM (or HELO) domain; DKIM: d=; DMARC: From domain
	Selector string `json:"selector,omitempty"` // DKIM only
	Aligned  bool   `json:"aligned"`            // the domain is aligned with the From domain (RFC 7489 3.1)
	Reason   string `json:"reason,omitempty"`   // why, when it did not pass
}

// Report is what is known of who sent one message.
type Report struct {
	// Source says where the results come from: "checked" (evaluated here from the SMTP
	// envelope), "authserv-id:<id>" (a trusted Authentication-Results field), or "none"
	// (nothing to go on: an import, or a relay whose results we do not trust).
	Source     string   `json:"source"`
	FromDomain string   `json:"from_domain,omitempty"` // the RFC 5322 From domain, lower case
	SPF        Method   `json:"spf"`
	DKIM       Method   `json:"dkim"`                 // the best signature: aligned pass, then any pass, then the first
	Signatures []Method `json:"signatures,omitempty"` // every signature checked
	DMARC      Method   `json:"dmarc"`
	// DMARCRecord is true when the From domain (or its organisational domain) publishes a
	// DMARC record; without one, an aligned DKIM or SPF pass stands in for DMARC.
	DMARCRecord bool `json:"dmarc_record"`
	// VerifiedAs is the From domain when the message is authenticated as it (see
	// Authenticated), else "".
	VerifiedAs string `json:"verified_as"`
	// Retry is true when a DNS failure (temperror) left the message unverified: check again
	// later instead of deciding on it.
	Retry bool `json:"retry,omitempty"`
}

// Source values of a Report.
const (
	SourceChecked = "checked"
	SourceNone    = "none"
)

// settle derives VerifiedAs and Retry from the individual results: the message is
// authenticated as its From domain when DMARC passes, or, where the domain publishes no
// DMARC record, when DKIM or SPF passes for a domain aligned with it.
func (r *Report) settle() {
	r.VerifiedAs = ""
	if r.FromDomain == "" {
		r.Retry = false
		return
	}
	switch {
	case r.DMARC.Result == Pass:
		r.VerifiedAs = r.FromDomain
	case !r.DMARCRecord && r.DMARC.Result != TempError &&
		((r.DKIM.Result == Pass && r.DKIM.Aligned) || (r.SPF.Result == Pass && r.SPF.Aligned)):
		r.VerifiedAs = r.FromDomain
	}
	r.Retry = r.VerifiedAs == "" &&
		(r.SPF.Result == TempError || r.DMARC.Result == TempError || anyTemp(r.Signatures))
}

func anyTemp(ms []Method) bool {
	for _, m := range ms {
		if m.Result == TempError {
			return true
		}
	}
	return false
}

// AuthenticatedAs reports whether the message is authenticated as one of domains: its
// verified From domain is one of them or a subdomain of one.
func (r Report) AuthenticatedAs(domains []string) bool {
	if r.VerifiedAs == "" {
		return false
	}
	for _, d := range domains {
		if d = normalizeDomain(d); d != "" && (r.VerifiedAs == d || strings.HasSuffix(r.VerifiedAs, "."+d)) {
			return true
		}
	}
	return false
}

// aligned reports relaxed alignment (RFC 7489 3.1): the same organisational domain, or,
// strict, the same domain.
func aligned(a, b string, strict bool) bool {
	a, b = normalizeDomain(a), normalizeDomain(b)
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	if strict {
		return false
	}
	return orgDomain(a) == orgDomain(b)
}

// orgDomain is the organisational domain (RFC 7489 3.2): the public suffix plus one label.
func orgDomain(d string) string {
	org, err := publicsuffix.EffectiveTLDPlusOne(d)
	if err != nil {
		return d
	}
	return org
}

func normalizeDomain(d string) string {
	return strings.TrimSuffix(strings.ToLower(strings.TrimSpace(d)), ".")
}

// domainOf is the domain part of an address, lower case; "" when there is none.
func domainOf(addr string) string {
	addr = strings.Trim(strings.TrimSpace(addr), "<>")
	at := strings.LastIndexByte(addr, '@')
	if at < 0 {
		return ""
	}
	return normalizeDomain(addr[at+1:])
}
