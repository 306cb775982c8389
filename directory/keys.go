package directory

import "strings"

// The directory's one way of comparing what it holds, used by every index built from it
// (Roles, Destinations, and those of the pipeline and the web).

// NameKey compares names of groups, areas and bodies: case and spacing do not matter.
func NameKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// addrKey compares addresses: trimmed, lower case.
func addrKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// envelopeAddr is addrKey of a configured or recorded address when it is a bare addr-spec,
// safe in an envelope and a header, and "" otherwise: only such an address is a
// destination.
func envelopeAddr(s string) string {
	if s = addrKey(s); !PlainAddress(s) {
		return ""
	}
	return s
}

// PlainAddress reports whether s is a bare addr-spec (local@domain), safe to use as an
// envelope address and in a header.
func PlainAddress(s string) bool {
	at := strings.LastIndexByte(s, '@')
	return at > 0 && at < len(s)-1 && !strings.ContainsAny(s, " \t\r\n<>,;:\"()[]\\")
}
