package auth

import (
	"strings"

	"github.com/emersion/go-msgauth/authres"
)

// FromAuthResults reads the results a trusted receiving server wrote: the topmost
// Authentication-Results field (RFC 8601) whose authserv-id is one of trusted. Every other
// such field is ignored: a sender can write them too, and the receiving server is expected
// to remove fields carrying its own authserv-id from incoming mail (RFC 8601 5). ok is
// false when no trusted field is there.
func FromAuthResults(raw []byte, trusted []string, limits Limits) (r Report, ok bool) {
	if len(trusted) == 0 {
		return Report{}, false
	}
	if limits.MaxHeaderBytes <= 0 {
		limits.MaxHeaderBytes = DefaultLimits.MaxHeaderBytes
	}
	fields := headerFields(raw, limits.MaxHeaderBytes)
	for _, f := range fields {
		if !f.is("Authentication-Results") {
			continue
		}
		id, results, err := authres.Parse(f.value)
		if err != nil || !isTrusted(id, trusted) {
			continue
		}
		r = Report{Source: "authserv-id:" + strings.ToLower(id), FromDomain: fromDomain(fields)}
		r.SPF = Method{Result: None}
		r.DMARC = Method{Result: None, Domain: r.FromDomain}
		for _, res := range results {
			switch v := res.(type) {
			case *authres.SPFResult:
				d := domainOf(v.From)
				if d == "" {
					d = normalizeDomain(v.From) // smtp.mailfrom may be written as a bare domain
				}
				if d == "" {
					d = normalizeDomain(v.Helo)
				}
				r.SPF = Method{Result: resultValue(v.Value), Domain: d, Reason: v.Reason}
			case *authres.DKIMResult:
				d := normalizeDomain(v.Domain)
				if d == "" {
					d = domainOf(v.Identifier)
				}
				r.Signatures = append(r.Signatures, Method{Result: resultValue(v.Value), Domain: d, Reason: v.Reason})
			case *authres.DMARCResult:
				r.DMARCRecord = true
				r.DMARC = Method{Result: resultValue(v.Value), Domain: r.FromDomain, Reason: v.Reason}
				if from := normalizeDomain(v.From); from != "" && from != r.FromDomain {
					// The server judged another From than the one we read: trust neither.
					r.DMARC = Method{Result: PermError, Domain: r.FromDomain, Reason: "header.from " + from + " is not the From domain"}
				}
				if r.DMARC.Result == None {
					r.DMARCRecord = false // "dmarc=none": the domain publishes no record
				}
			}
		}
		r.SPF.Aligned = r.SPF.Result == Pass && aligned(r.SPF.Domain, r.FromDomain, false)
		r.DKIM = Method{Result: None, Reason: "no signature"}
		for i := range r.Signatures {
			s := &r.Signatures[i]
			s.Aligned = s.Result == Pass && aligned(s.Domain, r.FromDomain, false)
			if i == 0 || rank(*s) > rank(r.DKIM) {
				r.DKIM = *s
			}
		}
		r.settle()
		return r, true
	}
	return Report{}, false
}

func isTrusted(id string, trusted []string) bool {
	for _, t := range trusted {
		if strings.EqualFold(strings.TrimSpace(t), id) {
			return true
		}
	}
	return false
}

// resultValue maps RFC 8601 values onto the ones this package reports ("hardfail", an
// old spelling, is "fail"; anything unknown is "permerror").
func resultValue(v authres.ResultValue) string {
	switch s := strings.ToLower(string(v)); s {
	case Pass, Fail, SoftFail, Neutral, None, TempError, PermError:
		return s
	case "hardfail":
		return Fail
	case "policy":
		return Fail
	}
	return PermError
}
