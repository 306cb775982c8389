package auth

import (
	"bytes"
	"context"
	"errors"
	"net"
	"strings"
	"time"

	"blitiri.com.ar/go/spf"
	"github.com/emersion/go-msgauth/dkim"
	"github.com/emersion/go-msgauth/dmarc"
)

// Envelope is what the SMTP session recorded about the message's arrival.
type Envelope struct {
	ClientIP net.IP // the connecting address
	Helo     string // HELO/EHLO name
	MailFrom string // MAIL FROM address, "" for the null sender
}

// Limits bound the work one message can cause.
type Limits struct {
	Timeout        time.Duration // the whole check of one message, DNS included
	MaxSignatures  int           // DKIM signatures verified; the rest are ignored
	MaxHeaderBytes int           // header section read for From and signature tags
}

// DefaultLimits are the limits used where the configuration names none.
var DefaultLimits = Limits{Timeout: 20 * time.Second, MaxSignatures: 5, MaxHeaderBytes: 1 << 20}

// Checker evaluates SPF, DKIM and DMARC against one DNS resolver.
type Checker struct {
	resolver *net.Resolver
	limits   Limits
}

// NewResolver returns a resolver that asks server ("host:port") over UDP, falling back to
// TCP for truncated answers; server "" is the system's resolver.
func NewResolver(server string) *net.Resolver {
	if server == "" {
		return net.DefaultResolver
	}
	return &net.Resolver{
		PreferGo: true,
		Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, network, server)
		},
	}
}

// NewChecker returns a Checker asking resolver, within limits (zero fields take
// DefaultLimits).
func NewChecker(resolver *net.Resolver, limits Limits) *Checker {
	if limits.Timeout <= 0 {
		limits.Timeout = DefaultLimits.Timeout
	}
	if limits.MaxSignatures <= 0 {
		limits.MaxSignatures = DefaultLimits.MaxSignatures
	}
	if limits.MaxHeaderBytes <= 0 {
		limits.MaxHeaderBytes = DefaultLimits.MaxHeaderBytes
	}
	if resolver == nil {
		resolver = net.DefaultResolver
	}
	return &Checker{resolver: resolver, limits: limits}
}

// Check evaluates SPF for the envelope, every DKIM signature (up to the limit) and DMARC for
// the From domain of raw, the message as received. It never fails: what could not be
// decided is a temperror or permerror in the Report, and Report.Retry says whether asking
// again later may change the outcome.
func (c *Checker) Check(ctx context.Context, env Envelope, raw []byte) Report {
	ctx, cancel := context.WithTimeout(ctx, c.limits.Timeout)
	defer cancel()

	fields := headerFields(raw, c.limits.MaxHeaderBytes)
	r := Report{Source: SourceChecked, FromDomain: fromDomain(fields)}
	r.SPF = c.checkSPF(ctx, env)
	r.Signatures = c.checkDKIM(ctx, fields, raw)
	c.checkDMARC(ctx, &r)
	r.settle()
	return r
}

func (c *Checker) checkSPF(ctx context.Context, env Envelope) Method {
	domain := domainOf(env.MailFrom)
	sender := env.MailFrom
	if domain == "" {
		// The null sender: SPF checks the HELO identity (RFC 7208 2.3).
		domain = normalizeDomain(env.Helo)
		sender = "postmaster@" + domain
	}
	m := Method{Domain: domain}
	if env.ClientIP == nil || domain == "" {
		m.Result, m.Reason = None, "no client address or sender domain"
		return m
	}
	res, err := spf.CheckHostWithSender(env.ClientIP, normalizeDomain(env.Helo), sender,
		spf.WithContext(ctx), spf.WithResolver(c.resolver))
	m.Result = string(res)
	if err != nil && res != spf.Pass {
		m.Reason = shortReason(err)
	}
	return m
}

func (c *Checker) checkDKIM(ctx context.Context, fields []field, raw []byte) []Method {
	// The selector is not part of the library's verification; read it from the fields, in
	// the same order the verifier takes them.
	var selectors []string
	for _, f := range fields {
		if f.is("DKIM-Signature") {
			selectors = append(selectors, signatureTags(f.value)["s"])
		}
	}
	if len(selectors) == 0 {
		return nil
	}
	verifs, err := dkim.VerifyWithOptions(bytes.NewReader(raw), &dkim.VerifyOptions{
		LookupTXT:        func(name string) ([]string, error) { return c.resolver.LookupTXT(ctx, name) },
		MaxVerifications: c.limits.MaxSignatures,
	})
	if err != nil && !errors.Is(err, dkim.ErrTooManySignatures) {
		return []Method{{Result: PermError, Reason: shortReason(err)}}
	}
	methods := make([]Method, 0, len(verifs))
	for i, v := range verifs {
		m := Method{Result: Pass, Domain: normalizeDomain(v.Domain)}
		if i < len(selectors) {
			m.Selector = selectors[i]
		}
		switch {
		case v.Err == nil:
		case dkim.IsTempFail(v.Err):
			m.Result, m.Reason = TempError, shortReason(v.Err)
		case dkim.IsPermFail(v.Err):
			m.Result, m.Reason = PermError, shortReason(v.Err)
		default:
			m.Result, m.Reason = Fail, shortReason(v.Err)
		}
		methods = append(methods, m)
	}
	if errors.Is(err, dkim.ErrTooManySignatures) && len(methods) > 0 {
		methods[len(methods)-1].Reason = strings.TrimPrefix(methods[len(methods)-1].Reason+"; ", "; ") +
			"more signatures than the limit; the rest were not checked"
	}
	return methods
}

// checkDMARC looks up the From domain's policy (or its organisational domain's), marks
// which SPF and DKIM results are aligned, and sets the DMARC result and the best DKIM result.
func (c *Checker) checkDMARC(ctx context.Context, r *Report) {
	r.DMARC = Method{Domain: r.FromDomain, Result: None}
	strictSPF, strictDKIM := false, false
	if r.FromDomain == "" {
		r.DMARC.Reason = "no single From address"
	} else {
		rec, err := c.lookupDMARC(ctx, r.FromDomain)
		switch {
		case err == nil:
			r.DMARCRecord = true
			strictSPF = rec.SPFAlignment == dmarc.AlignmentStrict
			strictDKIM = rec.DKIMAlignment == dmarc.AlignmentStrict
		case errors.Is(err, dmarc.ErrNoPolicy):
			r.DMARC.Reason = "no DMARC record"
		case dmarc.IsTempFail(err):
			r.DMARC.Result, r.DMARC.Reason = TempError, shortReason(err)
		default:
			r.DMARC.Result, r.DMARC.Reason = PermError, shortReason(err)
		}
	}
	r.SPF.Aligned = r.SPF.Result == Pass && aligned(r.SPF.Domain, r.FromDomain, strictSPF)
	best := -1
	for i := range r.Signatures {
		s := &r.Signatures[i]
		s.Aligned = s.Result == Pass && aligned(s.Domain, r.FromDomain, strictDKIM)
		if best < 0 || rank(*s) > rank(r.Signatures[best]) {
			best = i
		}
	}
	if best >= 0 {
		r.DKIM = r.Signatures[best]
	} else {
		r.DKIM = Method{Result: None, Reason: "no signature"}
	}
	if r.DMARCRecord {
		if r.SPF.Aligned || r.DKIM.Aligned {
			r.DMARC.Result = Pass
		} else {
			r.DMARC.Result, r.DMARC.Reason = Fail, "no aligned SPF or DKIM pass"
		}
	}
}

// rank orders DKIM results for the summary: an aligned pass, any pass, a temporary error
// (worth retrying), then the rest.
func rank(m Method) int {
	switch {
	case m.Result == Pass && m.Aligned:
		return 3
	case m.Result == Pass:
		return 2
	case m.Result == TempError:
		return 1
	}
	return 0
}

func (c *Checker) lookupDMARC(ctx context.Context, domain string) (*dmarc.Record, error) {
	opts := &dmarc.LookupOptions{LookupTXT: func(name string) ([]string, error) { return c.resolver.LookupTXT(ctx, name) }}
	rec, err := dmarc.LookupWithOptions(domain, opts)
	if errors.Is(err, dmarc.ErrNoPolicy) {
		if org := orgDomain(domain); org != domain {
			return dmarc.LookupWithOptions(org, opts)
		}
	}
	return rec, err
}

// shortReason keeps an error's text to one bounded line: it is recorded and shown.
func shortReason(err error) string {
	s := strings.Join(strings.Fields(err.Error()), " ")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}
