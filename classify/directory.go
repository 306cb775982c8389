package classify

import (
	"strings"

	"github.com/liaisond/liaisond/directory"
)

// Directory is the configured directory in the form extraction needs: group and SDO names
// by normalised key, group addresses, the central intake addresses. Build it once with
// NewDirectory and share it; it is read-only.
type Directory struct {
	intake   map[string]bool
	entries  []*dirEntry
	byKey    map[string]*dirEntry // groupKey of a name or alias
	byCore   map[string]*dirEntry // ietfCore of a group's name or alias
	byAddr   map[string]*dirEntry // group addresses and forward_to
	managers map[string]*dirEntry // SDO liaison managers (receiving-side role addresses)
	home     map[string]bool      // domains of the intake and group addresses
	aliases  []aliasRef           // names and aliases usable in prose search, longest first
}

// dirEntry is a [[group]] (receiving side) or an [[sdo]] (sending side).
type dirEntry struct {
	Name    string // the config name: route_to uses it for groups, from/to for SDOs
	Canon   string // the string written in from/to: a group's first alias, an SDO's name
	IsGroup bool
	Aliases []string
}

type aliasRef struct {
	text  string
	entry *dirEntry
}

// NewDirectory builds a Directory from the configuration's [intake], [[group]] and [[sdo]]
// sections.
func NewDirectory(cfg directory.Directory) *Directory {
	d := &Directory{
		intake: map[string]bool{}, byKey: map[string]*dirEntry{}, byCore: map[string]*dirEntry{},
		byAddr: map[string]*dirEntry{}, managers: map[string]*dirEntry{}, home: map[string]bool{},
	}
	for _, a := range cfg.Intake.Addresses {
		a = strings.ToLower(strings.TrimSpace(a))
		d.intake[a] = true
		d.addHome(a)
	}
	// Groups first: on a key shared by a group and an SDO, the receiving-side group wins.
	for _, g := range cfg.Groups {
		e := &dirEntry{Name: g.Name, Canon: g.Name, IsGroup: true, Aliases: g.Aliases}
		if len(g.Aliases) > 0 {
			e.Canon = g.Aliases[0]
		}
		d.add(e, append([]string{g.Name}, g.Aliases...))
		for _, a := range append(append([]string{}, g.Addresses...), g.ForwardTo...) {
			a = strings.ToLower(strings.TrimSpace(a))
			if _, dup := d.byAddr[a]; !dup {
				d.byAddr[a] = e
			}
			d.addHome(a)
		}
	}
	for _, s := range cfg.SDOs {
		e := &dirEntry{Name: s.Name, Canon: s.Name, Aliases: s.Aliases}
		d.add(e, append([]string{s.Name}, s.Aliases...))
		if m := strings.ToLower(strings.TrimSpace(s.LiaisonManager)); m != "" {
			d.managers[m] = e
		}
	}
	sortAliases(d.aliases)
	return d
}

func (d *Directory) add(e *dirEntry, names []string) {
	d.entries = append(d.entries, e)
	for _, n := range names {
		k := groupKey(n)
		if k == "" {
			continue
		}
		if _, dup := d.byKey[k]; !dup {
			d.byKey[k] = e
		}
		if e.IsGroup {
			if c := ietfCore(k); c != "" {
				if _, dup := d.byCore[c]; !dup {
					d.byCore[c] = e
				}
			}
		}
		if usableInProse(n) {
			d.aliases = append(d.aliases, aliasRef{text: n, entry: e})
		}
	}
}

func (d *Directory) addHome(addr string) {
	if i := strings.LastIndexByte(addr, '@'); i >= 0 {
		d.home[addr[i+1:]] = true
	}
}

// usableInProse reports whether a name is specific enough to be searched for in running
// text: short aliases such as "S2" or "C1" are not.
func usableInProse(n string) bool {
	n = strings.TrimSpace(n)
	if len(n) < 3 {
		return false
	}
	if len(n) == 3 && strings.ToUpper(n) != n {
		return false
	}
	// "R2", "SA2", "CT1" style aliases only mean something in a label value.
	if len(n) <= 4 && strings.ContainsAny(n, "0123456789") {
		return false
	}
	return true
}

func sortAliases(a []aliasRef) {
	// insertion sort by length, longest first, stable (deterministic for equal lengths)
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && len(a[j].text) > len(a[j-1].text); j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// IsIntake reports whether addr is a configured central intake address.
func (d *Directory) IsIntake(addr string) bool {
	return d != nil && d.intake[strings.ToLower(addr)]
}

// GroupOfAddress returns the name of the group whose address addr is, or "".
func (d *Directory) GroupOfAddress(addr string) string {
	if e := d.groupByAddr(addr); e != nil {
		return e.Name
	}
	return ""
}

func (d *Directory) groupByAddr(addr string) *dirEntry {
	if d == nil {
		return nil
	}
	return d.byAddr[strings.ToLower(addr)]
}

// isManager reports whether addr is the liaison manager role address of an SDO (an
// IETF-side address).
func (d *Directory) isManager(addr string) bool {
	return d != nil && d.managers[strings.ToLower(addr)] != nil
}

// isHome reports whether addr is in a domain of the receiving side (the domains of the
// configured intake and group addresses).
func (d *Directory) isHome(addr string) bool {
	if d == nil {
		return false
	}
	i := strings.LastIndexByte(addr, '@')
	return i >= 0 && d.home[strings.ToLower(addr[i+1:])]
}

// receivingAddress reports whether the directory knows addr as an address of the receiving
// side: intake, a group's address, a liaison manager.
func (d *Directory) receivingAddress(addr string) bool {
	return d.IsIntake(addr) || d.groupByAddr(addr) != nil || d.isManager(addr)
}

// lookup finds a directory entry by name or alias, with IETF-style variants ("DNSOP",
// "IETF DNSOP", "DNSOP WG" are one group).
func (d *Directory) lookup(s string) *dirEntry {
	if d == nil {
		return nil
	}
	k := groupKey(s)
	if k == "" {
		return nil
	}
	if e := d.byKey[k]; e != nil {
		return e
	}
	if c := ietfCore(k); c != "" {
		if e := d.byCore[c]; e != nil {
			return e
		}
	}
	return nil
}
