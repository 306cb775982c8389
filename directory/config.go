package directory

import (
	"errors"
	"fmt"
	netmail "net/mail"
	"sort"
	"strings"
	"time"
)

// Directory is the directory as the configuration file gives it: the sections [intake],
// [[group]], [[sdo]], [[area]], [roles] and [routing]. Package config embeds it; Roles,
// Destinations and classify's extraction index are built from it.
type Directory struct {
	Intake  Intake   `toml:"intake"`
	Groups  []Group  `toml:"group"`
	SDOs    []SDO    `toml:"sdo"`
	Areas   []Area   `toml:"area"`
	Roles   Officers `toml:"roles"`
	Routing Routing  `toml:"routing"`
}

// Routing ([routing]) says how posted statements are distributed, and who hears about
// misdirected mail.
type Routing struct {
	// Central is told about misdirected mail when the sending body has no liaison
	// manager, and about statements delivered straight to their group (NotifyCentral).
	Central       string `toml:"central"`
	NotifyCentral bool   `toml:"notify_central"`
	// PDFWait is how long a forward waits for the PDF conversions of its attachments
	// before it goes without them.
	PDFWait time.Duration `toml:"pdf_wait"`
}

// Intake ([intake]) names the central Send-To addresses liaisond receives at.
type Intake struct {
	Addresses []string `toml:"addresses"`
}

// Group ([[group]]) is a body on the receiving side.
type Group struct {
	Name      string   `toml:"name"`
	Aliases   []string `toml:"aliases"`
	Addresses []string `toml:"addresses"`
	ForwardTo []string `toml:"forward_to"`
	// Area is the [[area]] the group belongs to: its directors approve the group's
	// outgoing statements. Chairs compose them; chairs and List are their From-Contacts.
	Area   string   `toml:"area"`
	Chairs []string `toml:"chairs"`
	List   string   `toml:"list"`
}

// Area ([[area]]) is an IETF area and its directors, who approve its groups' outgoing statements
// and the area's own.
type Area struct {
	Name      string   `toml:"name"`
	Directors []string `toml:"directors"`
}

// Officers ([roles]) name who approve statements sent from the IETF as a whole, the IESG and
// the IAB.
type Officers struct {
	IETFChair string `toml:"ietf_chair"`
	IABChair  string `toml:"iab_chair"`
}

// SDO ([[sdo]]) is a sending body and its liaison manager.
type SDO struct {
	Name           string   `toml:"name"`
	Aliases        []string `toml:"aliases"`
	LiaisonManager string   `toml:"liaison_manager"`
	// Domains its statements come from: a statement claiming this body is posted without a
	// person only when the message is authenticated as one of them (DMARC, or an aligned
	// DKIM or SPF pass where the domain publishes no DMARC record).
	Domains []string `toml:"domains"`
	// Addresses, optionally, that also send for it from other domains (a rapporteur's own
	// mailbox): authenticated as the address's domain and From exactly that address.
	Addresses []string `toml:"addresses"`
	// SendTo is its central address for incoming statements ("Send To"), if it has one;
	// otherwise statements to it go to its Contacts.
	SendTo   string   `toml:"send_to"`
	Contacts []string `toml:"contacts"`
}

// Validate checks that names are unique and addresses look like addresses.
func (c Directory) Validate() error {
	seen := map[string]bool{}
	for _, g := range c.Groups {
		if g.Name == "" {
			return errors.New("a [[group]] has no name")
		}
		if seen[NameKey(g.Name)] {
			return fmt.Errorf("group %q is listed twice", g.Name)
		}
		seen[NameKey(g.Name)] = true
		if err := looseAddresses(fmt.Sprintf("group %q", g.Name), append(append([]string{}, g.Addresses...), g.ForwardTo...)); err != nil {
			return err
		}
	}
	for _, s := range c.SDOs {
		if s.Name == "" {
			return errors.New("an [[sdo]] has no name")
		}
		for _, d := range s.Domains {
			if strings.ContainsAny(d, "@ \t") || !strings.Contains(strings.Trim(d, "."), ".") {
				return fmt.Errorf("sdo %q: domain %q is not a domain name", s.Name, d)
			}
		}
		if err := looseAddresses(fmt.Sprintf("sdo %q", s.Name), s.Addresses); err != nil {
			return err
		}
	}
	for _, a := range c.Intake.Addresses {
		if !strings.Contains(a, "@") {
			return fmt.Errorf("intake address %q is not an address", a)
		}
	}
	return c.validateRoles()
}

// looseAddresses checks only for an "@": the directory's older sections have always
// accepted any address form (roles are checked strictly, by addresses).
func looseAddresses(where string, addrs []string) error {
	for _, a := range addrs {
		if !strings.Contains(a, "@") {
			return fmt.Errorf("%s: %q is not an address", where, a)
		}
	}
	return nil
}

// validateRoles checks the roles of outgoing statements: areas named once, groups in an
// area that exists, and every role an address.
func (c Directory) validateRoles() error {
	areas := map[string]bool{}
	for _, a := range c.Areas {
		if a.Name == "" {
			return errors.New("an [[area]] has no name")
		}
		if areas[NameKey(a.Name)] {
			return fmt.Errorf("area %q is listed twice", a.Name)
		}
		areas[NameKey(a.Name)] = true
		if err := addresses("area "+a.Name+" directors", a.Directors...); err != nil {
			return err
		}
	}
	for _, g := range c.Groups {
		if g.Area != "" && !areas[NameKey(g.Area)] {
			return fmt.Errorf("group %q: area %q is not an [[area]]", g.Name, g.Area)
		}
		if err := addresses("group "+g.Name+" chairs", g.Chairs...); err != nil {
			return err
		}
		if err := addresses("group "+g.Name+" list", given(g.List)...); err != nil {
			return err
		}
	}
	for _, s := range c.SDOs {
		if err := addresses("sdo "+s.Name+" send_to and contacts", append(given(s.SendTo), s.Contacts...)...); err != nil {
			return err
		}
	}
	return addresses("[roles]", given(c.Roles.IETFChair, c.Roles.IABChair)...)
}

func addresses(where string, addrs ...string) error {
	for _, a := range addrs {
		if _, err := netmail.ParseAddress(a); err != nil || strings.ContainsAny(a, "<> ,") {
			return fmt.Errorf("%s: %q is not an address", where, a)
		}
	}
	return nil
}

func given(s ...string) []string {
	var out []string
	for _, v := range s {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

// Validate checks the [routing] addresses and wait.
func (r Routing) Validate() error {
	if r.Central != "" && !PlainAddress(r.Central) {
		return fmt.Errorf("central %q is not an address", r.Central)
	}
	if r.PDFWait < 0 {
		return errors.New("pdf_wait must not be negative")
	}
	return nil
}

// AcceptedRecipients lists the addresses mail is accepted for: the intake addresses and
// every group address. None means every recipient is accepted.
func (c Directory) AcceptedRecipients() []string {
	set := map[string]bool{}
	for _, a := range c.Intake.Addresses {
		set[strings.ToLower(a)] = true
	}
	for _, g := range c.Groups {
		for _, a := range g.Addresses {
			set[strings.ToLower(a)] = true
		}
	}
	out := make([]string, 0, len(set))
	for a := range set {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}
