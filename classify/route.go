package classify

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Routing: route_to lists the directory groups among the addressed bodies; a statement is
// misdirected when it was delivered to the address of a group other than every group it is
// addressed to (and not to a central intake address). A misdirected statement keeps its own
// To; its delivery address is dropped from to_contacts.

func (e *extractor) route() {
	x := e.x
	var route []string
	inTo := map[*dirEntry]bool{}
	for _, r := range e.toRefs {
		if r.Entry != nil && r.Entry.IsGroup && !inTo[r.Entry] {
			inTo[r.Entry] = true
			route = append(route, r.Entry.Name)
		}
	}
	x.RouteTo = route
	toEv := e.ev["to"]
	e.setEv("route_to", Evidence{Confidence: toEv.Confidence, Source: "the directory groups among To", Raw: strings.Join(route, ", ")})

	dt := deref(x.DeliveredTo)
	g := e.dir.groupByAddr(dt)
	switch {
	case dt == "":
		e.setEv("misdirected", Evidence{Confidence: 0.6, Source: "no delivery address known"})
	case e.dir.IsIntake(dt):
		e.setEv("misdirected", Evidence{Confidence: 0.97, Source: "delivered to a central intake address", Raw: dt})
	case g == nil:
		e.setEv("misdirected", Evidence{Confidence: 0.9, Source: "delivery address is not a group's", Raw: dt})
	case len(e.toRefs) == 0:
		e.setEv("misdirected", Evidence{Confidence: 0.3, Source: "delivered to " + g.Name + "; the addressed bodies are unknown", Raw: dt})
	case inTo[g]:
		e.setEv("misdirected", Evidence{Confidence: min(0.95, toEv.Confidence+0.05), Source: "delivered to " + g.Name + ", an addressed group", Raw: dt})
	default:
		x.Misdirected = true
		conf := toEv.Confidence
		e.setEv("misdirected", Evidence{Confidence: conf, Source: "delivered to " + g.Name + ", not an addressed group", Raw: dt})
		e.warn("misdirected: delivered to %s (%s), addressed to %s", dt, g.Name, strings.Join(x.To, ", "))
		// the misdelivery address is not a contact of the addressed side
		var keep []string
		for _, a := range x.ToContacts {
			if a != dt {
				keep = append(keep, a)
			}
		}
		x.ToContacts = keep
	}
}

// fieldWeights are how much each field counts in the overall confidence: the core fields
// fully, the addresses half.
var fieldWeights = map[string]float64{
	FieldIsLiaison: 1, FieldTitle: 1, FieldFrom: 1, FieldTo: 1, FieldPurpose: 1, FieldDeadline: 1, FieldMisdirected: 1,
	FieldFromContacts: 0.5, FieldToContacts: 0.5, FieldSendReplyTo: 0.5, FieldSendTo: 0.5,
}

// effectiveConfidence is a field's confidence as it bounds the whole: a secondary field
// counts only half as much against the minimum.
func effectiveConfidence(field string, c float64) (float64, bool) {
	w, ok := fieldWeights[field]
	return 1 - w*(1-c), ok
}

// overallConfidence is the weakest of the fields that matter for posting: the is-liaison
// decision and the core fields, the addresses at half weight. A statement is as sure as
// its least sure field, so the threshold holds back exactly the statements with a doubtful
// field, and UnsureReasons names them.
func (e *extractor) overallConfidence() float64 {
	lo := 1.0
	for _, f := range fieldNames {
		if eff, ok := effectiveConfidence(f, e.ev[f].Confidence); ok {
			lo = min(lo, eff)
		}
	}
	return round2(clamp01(lo))
}

// unsureSuffix follows the field name in a review reason about one field; settleSep
// comes before what settles it.
const (
	unsureSuffix = " unsure ("
	settleSep    = " — "
)

// UnsureReasons says which fields keep the extraction below threshold (the overall
// confidence is below it exactly when one of them is), least sure first, each with its
// evidence and what would settle it: "deadline unsure (0.55): found in body (prose):
// 'reply by ...' — confirm or correct the date". These are the review reasons a
// manager reads first; SplitReason finds the field again.
func (x *Extraction) UnsureReasons(threshold float64) []string {
	type unsure struct {
		field string
		eff   float64
	}
	var list []unsure
	for _, f := range fieldNames {
		if eff, ok := effectiveConfidence(f, x.Evidence[f].Confidence); ok && eff < threshold {
			list = append(list, unsure{f, eff})
		}
	}
	slices.SortStableFunc(list, func(a, b unsure) int { return cmp.Compare(a.eff, b.eff) })
	out := make([]string, 0, len(list))
	for _, u := range list {
		ev := x.Evidence[u.field]
		if r := []rune(ev.Raw); len(r) > 80 {
			ev.Raw = string(r[:80]) + "…"
		}
		out = append(out, fmt.Sprintf("%s%s%.2f): %s%s%s", u.field, unsureSuffix, ev.Confidence, ev.Describe(), settleSep, x.settle(u.field)))
	}
	return out
}

// SplitReason returns the field a review reason of UnsureReasons is about and what
// settles it; field is "" for other reasons.
func SplitReason(reason string) (field, settle string) {
	f, _, ok := strings.Cut(reason, unsureSuffix)
	if !ok || !slices.Contains(fieldNames, f) {
		return "", ""
	}
	if i := strings.LastIndex(reason, settleSep); i >= 0 {
		settle = reason[i+len(settleSep):]
	}
	return f, settle
}

// settle says what a manager does to settle an unsure field.
func (x *Extraction) settle(field string) string {
	switch field {
	case "is_liaison":
		return "approve if it is a liaison statement, reject if not"
	case "title":
		return "confirm or correct the title"
	case "from", "to":
		return "confirm or correct the " + field + " bodies"
	case "purpose":
		return "confirm or correct: for information, for action, or in response"
	case "deadline":
		if x.Deadline == nil {
			return "set the reply date if the letter asks for one, or leave it empty"
		}
		return "confirm the date, or correct or clear it"
	case "misdirected":
		return "confirm the groups it goes to, or reroute it"
	}
	return "confirm or correct the address"
}
