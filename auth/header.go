package auth

import (
	"bytes"
	"net/mail"
	"strings"
)

// field is one header field of the message's top-level header section, unfolded.
type field struct {
	name  string // as written
	value string // unfolded, without the leading space
}

// headerFields reads the top-level header section of raw, at most limit bytes of it: the
// fields in order, continuation lines joined. A header section longer than limit is read
// up to the limit: what follows is not looked at.
func headerFields(raw []byte, limit int) []field {
	if limit > 0 && len(raw) > limit {
		raw = raw[:limit]
	}
	var fields []field
	for len(raw) > 0 {
		line, rest, _ := bytes.Cut(raw, []byte("\n"))
		raw = rest
		line = bytes.TrimSuffix(line, []byte("\r"))
		if len(line) == 0 {
			break // end of the header section
		}
		if line[0] == ' ' || line[0] == '\t' {
			if n := len(fields); n > 0 {
				fields[n-1].value += " " + strings.TrimSpace(string(line))
			}
			continue
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok || !validFieldName(name) {
			continue // not a field (RFC 5322 2.2: printable ASCII but ':'); nothing a signer names
		}
		fields = append(fields, field{name: string(name), value: strings.TrimSpace(string(value))})
	}
	return fields
}

func validFieldName(name []byte) bool {
	for _, c := range name {
		if c < 33 || c > 126 {
			return false
		}
	}
	return len(name) > 0
}

func (f field) is(name string) bool { return strings.EqualFold(f.name, name) }

// fromDomain is the domain of the message's single From address; "" when there is no From,
// several From fields or addresses (RFC 7489 6.6.1 leaves those unauthenticated), or no
// readable address.
func fromDomain(fields []field) string {
	var values []string
	for _, f := range fields {
		if f.is("From") {
			values = append(values, f.value)
		}
	}
	if len(values) != 1 {
		return ""
	}
	addrs, err := mail.ParseAddressList(values[0])
	if err != nil || len(addrs) != 1 {
		return ""
	}
	return domainOf(addrs[0].Address)
}

// signatureTags reads the tags of a DKIM-Signature value (RFC 6376 3.2: "tag=value" pairs
// separated by ";", whitespace ignored around them). Malformed pairs are skipped; the
// verifier judges the signature itself.
func signatureTags(value string) map[string]string {
	tags := map[string]string{}
	for _, pair := range strings.Split(value, ";") {
		name, val, ok := strings.Cut(pair, "=")
		name = strings.TrimSpace(name)
		if !ok || name == "" {
			continue
		}
		if _, dup := tags[name]; !dup {
			tags[name] = strings.Join(strings.Fields(val), "")
		}
	}
	return tags
}
