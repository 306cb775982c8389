package directory

import (
	"sort"
)

// Destinations decides where a posted statement goes, from the directory only: every
// address it returns is one the configuration names (a group's forward_to, an SDO's
// liaison manager, [routing] central), never one found in the message, and never one of
// our own [intake] addresses. Build it once with NewDestinations; it is read-only.
//
// The routing table (Plan):
//
//	loop: the message carries our own loop header        → nothing (held)
//	arrived at group X's address, addressed to X          → no forward (other addressed
//	                                                        groups get theirs); record
//	                                                        notice to central if notify_central
//	arrived at group X's address, addressed to Y only      → misdirected: Y's forward_to, and
//	                                                        a notice to the sending body's
//	                                                        liaison manager, else central
//	arrived at group X's address, addressed to no known group → nothing (held)
//	Send To is a group's address or forward_to            → only there: a group address
//	                                                        means that group's forward_to;
//	                                                        none when it arrived there
//	Send To is not ours (another body's liaison manager,  → never a destination: recorded
//	central, an address the directory does not name)        (ignored_send_to), the review
//	                                                        queue says so, and the rows
//	                                                        below decide
//	arrived at an intake address (Send To is us)           → forward_to of each route_to group
//	anything else (unknown arrival, no known group)        → nothing (held)
type Destinations struct {
	intake   map[string]bool
	groups   []*destGroup
	byName   map[string]*destGroup // destKey of a group's name and aliases
	byAddr   map[string]*destGroup // a group's addresses (where mail for it arrives)
	byFwd    map[string]*destGroup // a group's forward_to
	managers map[string]string     // destKey of an SDO's name and aliases → its liaison manager
	known    map[string]bool       // every address a message may go to
	central  string
	notify   bool
}

type destGroup struct {
	name      string
	forwardTo []string
}

// Cases of a plan, as recorded in the "distributed" event.
const (
	DestCentral     = "central"     // arrived at intake: the route_to groups
	DestSendTo      = "send_to"     // Send To names another directory address
	DestDelivered   = "delivered"   // already delivered where it belongs
	DestMisdirected = "misdirected" // arrived at the wrong group
	DestHeld        = "held"        // nothing sent; a manager decides
)

// Kinds of destination.
const (
	DestForward = "forward" // the statement itself
	DestNotice  = "notice"  // a short notice about it
)

// DestInput is what the plan of one statement reads: its recorded fields and whether its
// raw message carries our loop header.
type DestInput struct {
	DeliveredTo string   // where it arrived (delivered_to)
	SendTo      string   // its Send To (send_to)
	RouteTo     []string // group names (route_to)
	From        []string // sending bodies (from)
	Misdirected bool     // the extractor's opinion (misdirected); the table decides
	Loop        bool     // the raw message carries our loop header
}

// Destination is one address a message goes to.
type Destination struct {
	Address string `json:"address"`
	Kind    string `json:"kind"`            // DestForward or DestNotice
	Group   string `json:"group,omitempty"` // the group a forward is for
}

// DestPlan is the decision for one statement.
type DestPlan struct {
	Case         string        `json:"case"`
	Forwards     []Destination `json:"forwards,omitempty"`
	Notices      []Destination `json:"notices,omitempty"`
	Hold         string        `json:"hold,omitempty"`          // why nothing is sent (Case DestHeld)
	ArrivedAt    string        `json:"arrived_at,omitempty"`    // delivered_to
	ArrivedGroup string        `json:"arrived_group,omitempty"` // the group whose address that is
	Groups       []string      `json:"groups,omitempty"`        // the groups forwarded to
	Unknown      []string      `json:"unknown_groups,omitempty"`
	// Refused lists configured forward_to addresses left out because they are our own
	// intake addresses.
	Refused []string `json:"refused,omitempty"`
	// Disagrees is set when the extractor's misdirected flag differs from the table's
	// reading of the directory (the table wins; the event says so).
	Disagrees bool `json:"extractor_disagrees,omitempty"`
	// IgnoredSendTo is a Send To that is not ours, left out of the plan.
	IgnoredSendTo string `json:"ignored_send_to,omitempty"`
}

// NewDestinations builds the routing table's view of the configuration.
func NewDestinations(cfg Directory) *Destinations {
	d := &Destinations{
		intake: map[string]bool{}, byName: map[string]*destGroup{}, byAddr: map[string]*destGroup{},
		byFwd: map[string]*destGroup{}, managers: map[string]string{}, known: map[string]bool{},
		central: envelopeAddr(cfg.Routing.Central), notify: cfg.Routing.NotifyCentral,
	}
	for _, a := range cfg.Intake.Addresses {
		d.intake[envelopeAddr(a)] = true
	}
	for _, g := range cfg.Groups {
		d.addGroup(g)
	}
	for _, s := range cfg.SDOs {
		m := envelopeAddr(s.LiaisonManager)
		if m == "" {
			continue
		}
		d.known[m] = true
		for _, n := range append([]string{s.Name}, s.Aliases...) {
			if _, dup := d.managers[NameKey(n)]; !dup {
				d.managers[NameKey(n)] = m
			}
		}
	}
	if d.central != "" {
		d.known[d.central] = true
	}
	return d
}

func (d *Destinations) addGroup(g Group) {
	e := &destGroup{name: g.Name}
	for _, a := range g.ForwardTo {
		if a = envelopeAddr(a); a != "" {
			e.forwardTo = append(e.forwardTo, a)
			d.known[a] = true
			destSetOnce(d.byFwd, a, e)
		}
	}
	for _, a := range g.Addresses {
		destSetOnce(d.byAddr, envelopeAddr(a), e)
	}
	for _, n := range append([]string{g.Name}, g.Aliases...) {
		destSetOnce(d.byName, NameKey(n), e)
	}
	d.groups = append(d.groups, e)
}

func destSetOnce(m map[string]*destGroup, k string, e *destGroup) {
	if _, dup := m[k]; !dup && k != "" {
		m[k] = e
	}
}

// Plan applies the routing table to one statement.
func (d *Destinations) Plan(in DestInput) DestPlan {
	p := DestPlan{ArrivedAt: envelopeAddr(in.DeliveredTo)}
	if in.Loop {
		return p.held("loop: the message is one liaisond sent (it carries our loop header)")
	}
	targets, unknown := d.groupsNamed(in.RouteTo)
	p.Unknown = unknown
	if x := d.byAddr[p.ArrivedAt]; x != nil {
		p.ArrivedGroup = x.name
		return d.planArrivedAtGroup(p, x, targets, in)
	}
	sendTo := envelopeAddr(in.SendTo)
	if d.ForeignSendTo(in.SendTo, p.ArrivedAt) {
		// A statement cannot send itself on to another body, nor to an address of ours
		// that is no group's: only the directory's own routing applies.
		p.IgnoredSendTo, sendTo = sendTo, ""
	}
	if sendTo != "" && !d.intake[sendTo] {
		return d.planSendTo(p, sendTo)
	}
	if d.intake[p.ArrivedAt] || d.intake[sendTo] {
		return d.planCentral(p, targets)
	}
	return p.held("it arrived at an address the directory does not name (" + destOrNone(p.ArrivedAt) + ")")
}

// planArrivedAtGroup: it arrived at group x's own address.
func (d *Destinations) planArrivedAtGroup(p DestPlan, x *destGroup, targets []*destGroup, in DestInput) DestPlan {
	if len(targets) == 0 && len(in.RouteTo) == 0 && !in.Misdirected {
		targets = []*destGroup{x} // nothing says otherwise: it is for the group it reached
	}
	if len(targets) == 0 {
		return p.held("misdirected to an unknown group: route_to names no group of the directory")
	}
	others := destWithout(targets, x)
	if len(others) < len(targets) {
		// Addressed (also) to x, which has it: the other addressed groups still need theirs.
		p.Case = DestDelivered
		p.Disagrees = in.Misdirected
		d.addForwards(&p, others)
		if d.notify && d.central != "" {
			p.Notices = append(p.Notices, Destination{Address: d.central, Kind: DestNotice})
		}
		return p
	}
	p.Case = DestMisdirected
	p.Disagrees = !in.Misdirected
	d.addForwards(&p, targets)
	if len(p.Forwards) == 0 {
		return p.held("misdirected, and the addressed groups have no forward_to")
	}
	for _, m := range d.informed(in.From) {
		p.Notices = append(p.Notices, Destination{Address: m, Kind: DestNotice})
	}
	return p
}

// ForeignSendTo reports whether a Send To names an address that is not ours to send to:
// neither one of our intake addresses nor a group's address or forward_to (an SDO's
// liaison manager, central, any other address). Such a Send To is recorded and shown to
// the manager, never used as a destination. The address the statement arrived at is
// not foreign: it has the statement already, and nothing is sent there.
func (d *Destinations) ForeignSendTo(sendTo, arrivedAt string) bool {
	a := envelopeAddr(sendTo)
	if a == "" || a == envelopeAddr(arrivedAt) {
		return false
	}
	return !d.intake[a] && d.byAddr[a] == nil && d.byFwd[a] == nil
}

// planSendTo: the statement names a group's address as its Send To. The sender chose
// that group; it gets the statement, and only it.
func (d *Destinations) planSendTo(p DestPlan, sendTo string) DestPlan {
	p.Case = DestSendTo
	if sendTo == p.ArrivedAt {
		p.Case = DestDelivered // it arrived at its Send To, which has it
		return p
	}
	if g := d.byAddr[sendTo]; g != nil {
		d.addForwards(&p, []*destGroup{g})
		if len(p.Forwards) == 0 {
			return p.held("Send To is group " + g.name + "'s address, and the group has no forward_to")
		}
		return p
	}
	g := d.byFwd[sendTo]
	p.Forwards = []Destination{{Address: sendTo, Kind: DestForward, Group: g.name}}
	p.Groups = []string{g.name}
	return p
}

// planCentral: it arrived at one of our intake addresses: the addressed groups get it.
func (d *Destinations) planCentral(p DestPlan, targets []*destGroup) DestPlan {
	p.Case = DestCentral
	if len(targets) == 0 {
		return p.held("no known group: route_to names no group of the directory")
	}
	d.addForwards(&p, targets)
	if len(p.Forwards) == 0 {
		return p.held("the addressed groups have no forward_to")
	}
	return p
}

func (p DestPlan) held(reason string) DestPlan {
	p.Case, p.Hold, p.Forwards, p.Notices, p.Groups = DestHeld, reason, nil, nil, nil
	return p
}

// addForwards adds the forward_to of each group once, in order, leaving out our own
// intake addresses (a forward there would come straight back).
func (d *Destinations) addForwards(p *DestPlan, groups []*destGroup) {
	seen := map[string]bool{}
	for _, f := range p.Forwards {
		seen[f.Address] = true
	}
	for _, g := range groups {
		p.Groups = append(p.Groups, g.name)
		for _, a := range g.forwardTo {
			switch {
			case seen[a]:
			case d.intake[a]:
				p.Refused = append(p.Refused, a)
			default:
				p.Forwards = append(p.Forwards, Destination{Address: a, Kind: DestForward, Group: g.name})
			}
			seen[a] = true
		}
	}
}

// informed returns who hears about a misdirected statement: the liaison managers of its
// sending bodies, else central, else nobody.
func (d *Destinations) informed(from []string) []string {
	set := map[string]bool{}
	for _, f := range from {
		if m := d.managers[NameKey(f)]; m != "" {
			set[m] = true
		}
	}
	if len(set) == 0 && d.central != "" {
		set[d.central] = true
	}
	out := make([]string, 0, len(set))
	for m := range set {
		out = append(out, m)
	}
	sort.Strings(out)
	return out
}

// groupsNamed maps route_to names (names or aliases) to groups, once each, in order.
func (d *Destinations) groupsNamed(names []string) (groups []*destGroup, unknown []string) {
	seen := map[*destGroup]bool{}
	for _, n := range names {
		g := d.byName[NameKey(n)]
		switch {
		case g == nil:
			unknown = append(unknown, n)
		case !seen[g]:
			seen[g] = true
			groups = append(groups, g)
		}
	}
	return groups, unknown
}

// ReminderTargets returns the forward_to of the groups in routeTo: who is reminded of a
// deadline.
func (d *Destinations) ReminderTargets(routeTo []string) []Destination {
	groups, _ := d.groupsNamed(routeTo)
	var p DestPlan
	d.addForwards(&p, groups)
	return p.Forwards
}

// Allowed reports whether a message of the given kind may go to addr under the current
// configuration: checked again just before sending, so that a destination removed from
// the configuration since the plan is not mailed. Forwards and reminders never go to an
// intake address; notices may go to central even when it is one.
func (d *Destinations) Allowed(kind, addr string) bool {
	a := envelopeAddr(addr)
	if a == "" || !d.known[a] {
		return false
	}
	return kind == DestNotice || !d.intake[a]
}

// IsIntake reports whether addr is one of our central intake addresses.
func (d *Destinations) IsIntake(addr string) bool { return d.intake[envelopeAddr(addr)] }

func destWithout(groups []*destGroup, x *destGroup) []*destGroup {
	var out []*destGroup
	for _, g := range groups {
		if g != x {
			out = append(out, g)
		}
	}
	return out
}

func destOrNone(s string) string {
	if s == "" {
		return "none recorded"
	}
	return s
}
