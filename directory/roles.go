package directory

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// The speakers above groups and areas.
const (
	IETF = "IETF"
	IESG = "IESG"
	IAB  = "IAB"
)

// Speaker is a group, an area, the IETF, the IESG or the IAB: something an outgoing
// statement is from.
type Speaker struct {
	Name      string   // as the statement's From says it
	Kind      string   // group, area, ietf, iesg, iab
	Composers []string // who may write for it
	Approvers []string // who approves what it sends (one of them)
	Contacts  []string // its From-Contacts: chairs (or directors, chairs) and list
	Chairs    []string // who leads it: a group's chairs, an area's directors, the Chair
}

// Speaker kinds.
const (
	KindGroup = "group"
	KindArea  = "area"
	KindIETF  = "ietf"
	KindIESG  = "iesg"
	KindIAB   = "iab"
)

// Body is a body statements are sent to, with where they go.
type Body struct {
	Name           string
	SendTo         string   // its central address, "" when it has none
	Contacts       []string // its To-Contacts
	LiaisonManager string   // the IETF's liaison manager to it, "" when none
}

// Roles is the directory's roles, built once from the configuration; read-only.
type Roles struct {
	speakers []Speaker
	byName   map[string]int
	bodies   map[string]Body
	managers map[string]bool // liaison managers and the central address: they see everything
	central  string
	known    map[string]bool // every address the configuration names
}

// ErrUnknown is returned for a name the directory does not hold.
var ErrUnknown = errors.New("not in the directory")

// New builds the roles from the configuration's [[group]], [[area]], [[sdo]], [roles] and
// [routing] central.
func New(cfg Directory) *Roles {
	r := &Roles{byName: map[string]int{}, bodies: map[string]Body{}, managers: map[string]bool{},
		central: addrKey(cfg.Routing.Central), known: map[string]bool{}}
	r.know(cfg.Intake.Addresses...)
	r.know(cfg.Routing.Central, cfg.Roles.IETFChair, cfg.Roles.IABChair)
	for _, g := range cfg.Groups {
		r.know(g.Addresses...)
		r.know(g.ForwardTo...)
		r.know(g.Chairs...)
		r.know(g.List)
	}
	for _, a := range cfg.Areas {
		r.know(a.Directors...)
	}
	for _, s := range cfg.SDOs {
		r.know(s.LiaisonManager, s.SendTo)
		r.know(s.Contacts...)
	}
	directors := map[string][]string{}
	for _, a := range cfg.Areas {
		directors[NameKey(a.Name)] = addrKeys(a.Directors)
		r.add(Speaker{Name: a.Name, Kind: KindArea, Composers: addrKeys(a.Directors), Approvers: addrKeys(a.Directors),
			Contacts: addrKeys(a.Directors), Chairs: addrKeys(a.Directors)})
	}
	for _, g := range cfg.Groups {
		ads := directors[NameKey(g.Area)]
		r.add(Speaker{Name: g.Name, Kind: KindGroup, Composers: union(addrKeys(g.Chairs), ads), Approvers: ads,
			Contacts: union(addrKeys(g.Chairs), addrKeys(nonEmpty(g.List))), Chairs: addrKeys(g.Chairs)})
	}
	ietfChair, iabChair := addrKeys(nonEmpty(cfg.Roles.IETFChair)), addrKeys(nonEmpty(cfg.Roles.IABChair))
	r.add(Speaker{Name: IETF, Kind: KindIETF, Composers: ietfChair, Approvers: ietfChair, Contacts: ietfChair, Chairs: ietfChair})
	r.add(Speaker{Name: IESG, Kind: KindIESG, Composers: ietfChair, Approvers: ietfChair, Contacts: ietfChair, Chairs: ietfChair})
	r.add(Speaker{Name: IAB, Kind: KindIAB, Composers: iabChair, Approvers: iabChair, Contacts: iabChair, Chairs: iabChair})
	for _, s := range cfg.SDOs {
		b := Body{Name: s.Name, SendTo: addrKey(s.SendTo), Contacts: addrKeys(s.Contacts), LiaisonManager: addrKey(s.LiaisonManager)}
		r.bodies[NameKey(s.Name)] = b
		if b.LiaisonManager != "" {
			r.managers[b.LiaisonManager] = true
		}
	}
	if r.central != "" {
		r.managers[r.central] = true
	}
	return r
}

func (r *Roles) add(s Speaker) {
	if _, dup := r.byName[NameKey(s.Name)]; dup {
		return // a group named like an area or "IETF": the first one stands
	}
	r.byName[NameKey(s.Name)] = len(r.speakers)
	r.speakers = append(r.speakers, s)
}

func (r *Roles) know(addrs ...string) {
	for _, a := range addrKeys(addrs) {
		r.known[a] = true
	}
}

// Known reports whether the configuration names addr anywhere: only such addresses are
// ever mailed.
func (r *Roles) Known(addr string) bool { return r.known[addrKey(addr)] }

// Speaker returns the speaker of that name.
func (r *Roles) Speaker(name string) (Speaker, error) {
	i, ok := r.byName[NameKey(name)]
	if !ok {
		return Speaker{}, fmt.Errorf("%q: %w", name, ErrUnknown)
	}
	return r.speakers[i], nil
}

// SpeakersFor lists, in directory order, what addr may compose statements for: the groups
// it chairs, the areas it directs and their groups, the IETF and IESG for the IETF Chair,
// the IAB for the IAB Chair.
func (r *Roles) SpeakersFor(addr string) []Speaker {
	var out []Speaker
	for _, s := range r.speakers {
		if slices.Contains(s.Composers, addrKey(addr)) {
			out = append(out, s)
		}
	}
	return out
}

// CanApprove reports whether addr approves statements from the speaker named.
func (r *Roles) CanApprove(addr, speaker string) bool {
	s, err := r.Speaker(speaker)
	return err == nil && slices.Contains(s.Approvers, addrKey(addr))
}

// IsManager reports whether addr is a liaison manager or the central address: they see
// every statement, outgoing ones included.
func (r *Roles) IsManager(addr string) bool { return r.managers[addrKey(addr)] }

// IsApprover reports whether addr approves anything at all.
func (r *Roles) IsApprover(addr string) bool {
	for _, s := range r.speakers {
		if slices.Contains(s.Approvers, addrKey(addr)) {
			return true
		}
	}
	return false
}

// Body returns the body of that name.
func (r *Roles) Body(name string) (Body, error) {
	b, ok := r.bodies[NameKey(name)]
	if !ok {
		return Body{}, fmt.Errorf("%q: %w", name, ErrUnknown)
	}
	return b, nil
}

// Bodies lists the bodies statements can be sent to: those with a Send To or contacts.
func (r *Roles) Bodies() []Body {
	var out []Body
	for _, b := range r.bodies {
		if b.SendTo != "" || len(b.Contacts) > 0 {
			out = append(out, b)
		}
	}
	slices.SortFunc(out, func(a, b Body) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// FromContacts are the From-Contacts of a statement from these speakers: their chairs (or
// directors) and lists, each once.
func (r *Roles) FromContacts(speakers []string) []string {
	var out []string
	for _, n := range speakers {
		if s, err := r.Speaker(n); err == nil {
			out = union(out, s.Contacts)
		}
	}
	return out
}

// Chairs are who lead these speakers, each once: told when a statement they sent is not
// answered by its deadline.
func (r *Roles) Chairs(speakers []string) []string {
	var out []string
	for _, n := range speakers {
		if s, err := r.Speaker(n); err == nil {
			out = union(out, s.Chairs)
		}
	}
	return out
}

// Central is the central liaison address ([routing] central), "" when none.
func (r *Roles) Central() string { return r.central }

// SendReplyTo is where the receiving bodies should answer: the IETF's liaison manager to
// the first body that has one, else the central liaison address.
func (r *Roles) SendReplyTo(to []string) string {
	for _, n := range to {
		if b, err := r.Body(n); err == nil && b.LiaisonManager != "" {
			return b.LiaisonManager
		}
	}
	return r.central
}

// Destinations are the addresses a statement to these bodies is mailed to: each body's
// Send To when it has one, else its contacts. A body the directory does not hold, or that
// has no address, is an error naming it: nothing is ever sent to an address the directory
// does not name.
func (r *Roles) Destinations(to []string) (sendTo, toContacts []string, err error) {
	var errs []error
	for _, n := range to {
		b, e := r.Body(n)
		switch {
		case e != nil:
			errs = append(errs, e)
		case b.SendTo != "":
			sendTo = union(sendTo, []string{b.SendTo})
		case len(b.Contacts) > 0:
			toContacts = union(toContacts, b.Contacts)
		default:
			errs = append(errs, fmt.Errorf("%q has no Send To and no contacts in the directory", n))
		}
	}
	return sendTo, toContacts, errors.Join(errs...)
}

// addrKeys are the addresses of l as the directory compares them, leaving out empty ones.
func addrKeys(l []string) []string {
	out := make([]string, 0, len(l))
	for _, s := range l {
		if s = addrKey(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func nonEmpty(s ...string) []string {
	var out []string
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			out = append(out, v)
		}
	}
	return out
}

// union appends to a the elements of b it does not hold yet.
func union(a, b []string) []string {
	for _, s := range b {
		if !slices.Contains(a, s) {
			a = append(a, s)
		}
	}
	return a
}
