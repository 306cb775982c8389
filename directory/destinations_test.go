package directory

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/liaisond/liaisond/internal/testutil"
)

// destConfig is a small directory: two intake addresses (one of them also central, as in
// docs/design.md), three groups, two sending bodies of which one has no liaison manager.
func destConfig(notify bool) Directory {
	var cfg Directory
	cfg.Intake.Addresses = []string{"statements@example.org", "liaison-coordination@example.org"}
	cfg.Routing.Central = "liaison-coordination@example.org"
	cfg.Routing.NotifyCentral = notify
	cfg.Groups = []Group{
		{Name: "CCAMP", Aliases: []string{"IETF CCAMP WG"}, Addresses: []string{"ccamp@example.org", "ccamp-chairs@example.org"},
			ForwardTo: []string{"ccamp-chairs@example.org"}},
		{Name: "TEAS", Aliases: []string{"IETF TEAS WG"}, Addresses: []string{"teas@example.org"},
			ForwardTo: []string{"teas-chairs@example.org", "Teas-Secretary@Example.org"}},
		{Name: "OPSAWG", Addresses: []string{"opsawg@example.org"}, ForwardTo: []string{"opsawg-chairs@example.org"}},
		// A misconfigured group whose forward_to is an intake address: never forwarded to.
		{Name: "LOOPY", Addresses: []string{"loopy@example.org"}, ForwardTo: []string{"statements@example.org"}},
	}
	cfg.SDOs = []SDO{
		{Name: "ITU-T SG15", Aliases: []string{"SG15"}, LiaisonManager: "itu-t-liaison@example.org"},
		{Name: "ETSI ISG F5G", LiaisonManager: "etsi-liaison@example.org"},
		{Name: "MEF"},
	}
	return cfg
}

func destAddrs(ds []Destination) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Address)
	}
	return out
}

func TestDestinationsTable(t *testing.T) {
	tests := []struct {
		name     string
		notify   bool
		in       DestInput
		cas      string
		forwards []string
		notices  []string
		hold     string // a part of the reason
		ignored  string // the Send To left out
	}{
		{name: "central intake: the route_to groups",
			in:  DestInput{DeliveredTo: "statements@example.org", SendTo: "statements@example.org", RouteTo: []string{"CCAMP", "TEAS"}},
			cas: DestCentral, forwards: []string{"ccamp-chairs@example.org", "teas-chairs@example.org", "teas-secretary@example.org"}},
		{name: "central intake without Send To, groups by alias and in any case",
			in:  DestInput{DeliveredTo: "Liaison-Coordination@example.org", RouteTo: []string{"ietf ccamp  wg", "CCAMP"}},
			cas: DestCentral, forwards: []string{"ccamp-chairs@example.org"}},
		{name: "Send To is another body's liaison manager: never a destination, the groups get it",
			in:  DestInput{DeliveredTo: "statements@example.org", SendTo: "ITU-T-Liaison@example.org", RouteTo: []string{"CCAMP"}},
			cas: DestCentral, forwards: []string{"ccamp-chairs@example.org"}, ignored: "itu-t-liaison@example.org"},
		{name: "Send To is another address of our domain that is no group's: never a destination",
			in:  DestInput{DeliveredTo: "statements@example.org", SendTo: "coordination@example.org", RouteTo: []string{"TEAS"}},
			cas: DestCentral, forwards: []string{"teas-chairs@example.org", "teas-secretary@example.org"}, ignored: "coordination@example.org"},
		{name: "Send To is a group's forward_to: only there",
			in:  DestInput{DeliveredTo: "statements@example.org", SendTo: "teas-chairs@example.org", RouteTo: []string{"CCAMP"}},
			cas: DestSendTo, forwards: []string{"teas-chairs@example.org"}},
		{name: "Send To not ours, arrived at an unknown address: held",
			in:  DestInput{DeliveredTo: "someone@example.net", SendTo: "itu-t-liaison@example.org", RouteTo: []string{"CCAMP"}},
			cas: DestHeld, hold: "does not name", ignored: "itu-t-liaison@example.org"},
		{name: "Send To is a group's address: that group's forward_to only",
			in:  DestInput{DeliveredTo: "statements@example.org", SendTo: "teas@example.org", RouteTo: []string{"CCAMP", "TEAS"}},
			cas: DestSendTo, forwards: []string{"teas-chairs@example.org", "teas-secretary@example.org"}},
		{name: "arrived at its Send To: nothing more",
			in:  DestInput{DeliveredTo: "itu-t-liaison@example.org", SendTo: "itu-t-liaison@example.org", RouteTo: []string{"CCAMP"}},
			cas: DestDelivered},
		{name: "Send To found in the message but not in the directory: never mailed",
			in:  DestInput{DeliveredTo: "statements@example.org", SendTo: "someone@evil.example", RouteTo: []string{"CCAMP"}},
			cas: DestCentral, forwards: []string{"ccamp-chairs@example.org"}, ignored: "someone@evil.example"},
		{name: "arrived at the addressed group: no forward",
			in:  DestInput{DeliveredTo: "ccamp@example.org", RouteTo: []string{"CCAMP"}},
			cas: DestDelivered},
		{name: "arrived at the addressed group, record notice to central",
			notify: true, in: DestInput{DeliveredTo: "ccamp@example.org"},
			cas: DestDelivered, notices: []string{"liaison-coordination@example.org"}},
		{name: "arrived at one of two addressed groups: the other gets it",
			in:  DestInput{DeliveredTo: "ccamp-chairs@example.org", RouteTo: []string{"CCAMP", "TEAS"}},
			cas: DestDelivered, forwards: []string{"teas-chairs@example.org", "teas-secretary@example.org"}},
		{name: "misdirected: the right group and the sender's liaison manager",
			in: DestInput{DeliveredTo: "opsawg@example.org", RouteTo: []string{"CCAMP"}, From: []string{"ETSI ISG F5G"},
				Misdirected: true},
			cas: DestMisdirected, forwards: []string{"ccamp-chairs@example.org"}, notices: []string{"etsi-liaison@example.org"}},
		{name: "misdirected, sender known by alias",
			in:  DestInput{DeliveredTo: "opsawg@example.org", RouteTo: []string{"TEAS"}, From: []string{"sg15"}, Misdirected: true},
			cas: DestMisdirected, forwards: []string{"teas-chairs@example.org", "teas-secretary@example.org"},
			notices: []string{"itu-t-liaison@example.org"}},
		{name: "misdirected, sender without liaison manager: central",
			in:  DestInput{DeliveredTo: "opsawg@example.org", RouteTo: []string{"CCAMP"}, From: []string{"MEF", "Nobody"}, Misdirected: true},
			cas: DestMisdirected, forwards: []string{"ccamp-chairs@example.org"}, notices: []string{"liaison-coordination@example.org"}},
		{name: "misdirected to an unknown group",
			in:  DestInput{DeliveredTo: "opsawg@example.org", RouteTo: []string{"Some Other WG"}, Misdirected: true},
			cas: DestHeld, hold: "misdirected to an unknown group"},
		{name: "misdirected with no group at all",
			in:  DestInput{DeliveredTo: "opsawg@example.org", Misdirected: true},
			cas: DestHeld, hold: "unknown group"},
		{name: "no known group at intake",
			in:  DestInput{DeliveredTo: "statements@example.org", RouteTo: []string{"Nowhere WG"}},
			cas: DestHeld, hold: "no known group"},
		{name: "unknown arrival",
			in:  DestInput{RouteTo: []string{"CCAMP"}},
			cas: DestHeld, hold: "does not name"},
		{name: "loop",
			in:  DestInput{DeliveredTo: "statements@example.org", RouteTo: []string{"CCAMP"}, Loop: true},
			cas: DestHeld, hold: "loop"},
		{name: "a forward_to that is an intake address is refused",
			in:  DestInput{DeliveredTo: "statements@example.org", RouteTo: []string{"LOOPY"}},
			cas: DestHeld, hold: "no forward_to"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := NewDestinations(destConfig(tt.notify)).Plan(tt.in)
			if p.Case != tt.cas || !reflect.DeepEqual(destAddrs(p.Forwards), tt.forwards) || !reflect.DeepEqual(destAddrs(p.Notices), tt.notices) {
				t.Fatalf("plan %+v\nwant case %s, forwards %v, notices %v", p, tt.cas, tt.forwards, tt.notices)
			}
			if !strings.Contains(p.Hold, tt.hold) || (tt.hold == "") != (p.Hold == "") {
				t.Fatalf("hold %q, want one with %q", p.Hold, tt.hold)
			}
			if p.IgnoredSendTo != tt.ignored {
				t.Fatalf("ignored Send To %q, want %q", p.IgnoredSendTo, tt.ignored)
			}
			for _, d := range append(p.Forwards, p.Notices...) {
				if !NewDestinations(destConfig(tt.notify)).Allowed(d.Kind, d.Address) {
					t.Errorf("planned a destination that Allowed refuses: %+v", d)
				}
			}
		})
	}
}

func TestDestinationsDetails(t *testing.T) {
	d := NewDestinations(destConfig(false))
	p := d.Plan(DestInput{DeliveredTo: "opsawg@example.org", RouteTo: []string{"CCAMP", "Unknown"}, From: []string{"SG15"}})
	if p.ArrivedGroup != "OPSAWG" || !reflect.DeepEqual(p.Groups, []string{"CCAMP"}) || !reflect.DeepEqual(p.Unknown, []string{"Unknown"}) || !p.Disagrees {
		t.Fatalf("misdirected details %+v", p)
	}
	p = d.Plan(DestInput{DeliveredTo: "statements@example.org", RouteTo: []string{"CCAMP", "LOOPY"}})
	if !reflect.DeepEqual(p.Refused, []string{"statements@example.org"}) || len(p.Forwards) != 1 {
		t.Fatalf("refused intake forward_to: %+v", p)
	}
	checks := []struct {
		kind, addr string
		want       bool
	}{
		{DestForward, "ccamp-chairs@example.org", true},
		{DestForward, "CCAMP-Chairs@Example.org ", true},
		{DestForward, "statements@example.org", false},              // our intake
		{DestNotice, "liaison-coordination@example.org", true},      // central, although intake
		{DestForward, "liaison-coordination@example.org", false},    // but never a forward there
		{DestForward, "ccamp@example.org", false},                   // a group's receiving address
		{DestForward, "someone@evil.example", false},                // not in the directory
		{DestForward, "ccamp-chairs@example.org>\r\nBcc: x", false}, // not a plain address
	}
	for _, c := range checks {
		if got := d.Allowed(c.kind, c.addr); got != c.want {
			t.Errorf("Allowed(%s, %q) = %v, want %v", c.kind, c.addr, got, c.want)
		}
	}
	if got := destAddrs(d.ReminderTargets([]string{"TEAS", "nobody", "IETF CCAMP WG"})); !reflect.DeepEqual(got,
		[]string{"teas-chairs@example.org", "teas-secretary@example.org", "ccamp-chairs@example.org"}) {
		t.Fatalf("reminder targets %v", got)
	}
}

// TestDestinationsCorpus: the routing table on the shared corpus's expected extractions
// and directory.
func TestDestinationsCorpus(t *testing.T) {
	dir := filepath.Join(testutil.SharedDir(t), "corpus")
	var cfg Directory
	if _, err := toml.DecodeFile(filepath.Join(dir, "directory.toml"), &cfg); err != nil {
		t.Fatal(err)
	}
	d := NewDestinations(cfg)
	want := map[string]string{
		"03-itut-sg15-ls-docx-table":        "central ccamp-chairs@example.org teas-chairs@example.org",
		"07-mef-letter-in-body":             "central opsawg-chairs@example.org ippm-chairs@example.org",
		"08-datatracker-new-liaison":        "delivered",
		"15-etsi-f5g-misdirected-to-opsawg": "misdirected ccamp-chairs@example.org notice etsi-liaison@example.org",
		"16-3gpp-ct1-misdirected-to-dnsop":  "misdirected dhc-chairs@example.org notice 3gpp-liaison@example.org",
		"22-bbf-pdf-to-liaison-manager":     "delivered",
	}
	for name, exp := range want {
		raw, err := os.ReadFile(filepath.Join(dir, name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var x struct {
			DeliveredTo *string  `json:"delivered_to"`
			SendTo      *string  `json:"send_to"`
			RouteTo     []string `json:"route_to"`
			From        []string `json:"from"`
			Misdirected bool     `json:"misdirected"`
		}
		if err := json.Unmarshal(raw, &x); err != nil {
			t.Fatal(err)
		}
		p := d.Plan(DestInput{DeliveredTo: destDeref(x.DeliveredTo), SendTo: destDeref(x.SendTo), RouteTo: x.RouteTo, From: x.From,
			Misdirected: x.Misdirected})
		got := strings.Join(append([]string{p.Case}, destAddrs(p.Forwards)...), " ")
		if len(p.Notices) > 0 {
			got += " notice " + strings.Join(destAddrs(p.Notices), " ")
		}
		if got != exp {
			t.Errorf("%s: %s, want %s (%+v)", name, got, exp, p)
		}
	}
}

func destDeref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
