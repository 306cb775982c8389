package review

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
)

// JSONText is v as compact JSON without HTML escaping: a Message-ID reads "<a@b>", not
// "\u003ca@b\u003e" (pages escape for HTML themselves).
func JSONText(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return ""
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// DetailText writes an event's detail as key=value pairs in key order, values as
// JSONText: the record log of `liaisond log` and of the log page.
func DetailText(d map[string]any) string {
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(k + "=" + JSONText(d[k]))
	}
	return b.String()
}
