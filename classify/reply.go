package classify

import (
	"strings"

	"github.com/liaisond/liaisond/message"
)

// replyKeys returns the keys by which the store can link a statement to the earlier one it
// answers, most specific first, each prefixed by its kind:
//
//	"msgid:<id@host>"   In-Reply-To and References of the message (and of a forwarded original)
//	"doc:S2-2512345"    document numbers named in in_response_to
//	"title:ls on ..."   the earlier title (in_response_to, or a reply title's subject), normalised
//
// The store indexes the same kinds for every statement it records (selfKeys) and links on
// the first match. Non-statements and statements that are not responses yield only their
// message ids (a reply LS does not always say it is one).
func replyKeys(x *Extraction, m *message.Message) []string {
	var keys []string
	seen := map[string]bool{}
	add := func(k string) {
		if k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	for msg := m; msg != nil; {
		for _, id := range msg.InReplyTo {
			add("msgid:" + strings.ToLower(id))
		}
		for i := len(msg.References) - 1; i >= 0; i-- {
			add("msgid:" + strings.ToLower(msg.References[i]))
		}
		if len(msg.Nested) == 1 && msg.Report == nil {
			msg = msg.Nested[0]
		} else {
			msg = nil
		}
	}
	if x == nil {
		return keys
	}
	irt := deref(x.InResponseTo)
	for _, d := range findDocNums(irt) {
		add("doc:" + strings.ToUpper(strings.ReplaceAll(normID(d), " ", "")))
	}
	if t := titleKey(irt); t != "" && !isOnlyDocNumber(irt) {
		add("title:" + t)
	}
	if deref(x.Purpose) == PurposeResponse {
		if mm := reReplyTitle.FindStringSubmatch(deref(x.Title)); mm != nil {
			v := strings.TrimSpace(mm[1])
			if strings.HasPrefix(strings.ToLower(v), "on ") {
				add("title:" + titleKey("LS "+v))
			}
			add("title:" + titleKey(strings.TrimPrefix(strings.TrimPrefix(v, "on "), "to ")))
		}
	}
	return keys
}

// selfKeys returns the keys under which a recorded statement can be found by a later reply
// (see replyKeys): its Message-ID, its own document numbers and its title.
func selfKeys(x *Extraction, m *message.Message) []string {
	var keys []string
	seen := map[string]bool{}
	add := func(k string) {
		if k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	if m != nil && m.MessageID != "" {
		add("msgid:" + strings.ToLower(m.MessageID))
	}
	if m != nil {
		for _, n := range m.Nested {
			if n.MessageID != "" {
				add("msgid:" + strings.ToLower(n.MessageID))
			}
		}
	}
	if x == nil {
		return keys
	}
	for _, id := range x.OtherIdentifiers {
		add("doc:" + strings.ToUpper(strings.ReplaceAll(id, " ", "")))
	}
	if t := titleKey(deref(x.Title)); t != "" {
		add("title:" + t)
		if strings.HasPrefix(t, "ls on ") {
			add("title:" + strings.TrimPrefix(t, "ls on "))
		}
	}
	return keys
}

// titleKey normalises a title for matching: lower case, letters and digits, single spaces.
func titleKey(t string) string {
	t = strings.ToLower(cleanTitle(t))
	f := strings.FieldsFunc(t, notAlnum)
	if len(f) < 2 {
		return ""
	}
	return strings.Join(f, " ")
}
