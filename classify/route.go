package classify

import (
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
	e.setEv("route_to", Evidence{Confidence: toEv.Confidence, Source: "directory groups among to", Raw: strings.Join(route, ", ")})

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

// overallConfidence is the weighted minimum over the is-liaison decision and the core
// fields: the weakest core field bounds the whole, softened a little by the others.
func (e *extractor) overallConfidence() float64 {
	weights := map[string]float64{
		"is_liaison": 1, "title": 1, "from": 1, "to": 1, "purpose": 1, "deadline": 1, "misdirected": 1,
		"from_contacts": 0.5, "to_contacts": 0.5, "send_reply_to": 0.5, "send_to": 0.5,
	}
	lo, sum, wsum := 1.0, 0.0, 0.0
	for _, f := range fieldNames {
		w, ok := weights[f]
		if !ok {
			continue
		}
		c := e.ev[f].Confidence
		// a secondary field counts only half as much against the minimum
		eff := 1 - w*(1-c)
		lo = min(lo, eff)
		sum += w * c
		wsum += w
	}
	return round2(clamp01(0.8*lo + 0.2*sum/wsum))
}
