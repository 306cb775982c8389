package directory

import (
	"errors"
	"slices"
	"testing"
)

func testRoles() *Roles {
	var cfg Directory
	cfg.Routing.Central = "liaison-coordination@example.org"
	cfg.Areas = []Area{{Name: "RTG", Directors: []string{"rtg-ad1@example.org", "RTG-AD2@example.org"}},
		{Name: "OPS", Directors: []string{"ops-ad@example.org"}}}
	cfg.Groups = []Group{
		{Name: "CCAMP", Area: "RTG", Chairs: []string{"ccamp-chair@example.org"}, List: "ccamp@example.org"},
		{Name: "OPSAWG", Area: "OPS", Chairs: []string{"opsawg-chair@example.org"}},
		{Name: "NOAREA", Chairs: []string{"noarea-chair@example.org"}},
	}
	cfg.Roles = Officers{IETFChair: "chair@example.org", IABChair: "iab-chair@example.org"}
	cfg.SDOs = []SDO{
		{Name: "ITU-T SG15", SendTo: "tsbsg15@itu.example", LiaisonManager: "itu-t-liaison@example.org"},
		{Name: "MEF", Contacts: []string{"a@mef.example", "b@mef.example"}},
		{Name: "Nowhere Forum"},
	}
	return New(cfg)
}

// TestApprovalRules: each approval rule of draft-iab-rfc4053bis 4.1.
func TestApprovalRules(t *testing.T) {
	r := testRoles()
	for _, tc := range []struct {
		speaker, addr string
		want          bool
	}{
		{"CCAMP", "rtg-ad1@example.org", true}, // a WG: an AD of its area
		{"CCAMP", "rtg-ad2@example.org", true}, // either AD, any case
		{"CCAMP", "ops-ad@example.org", false}, // another area's AD
		{"CCAMP", "ccamp-chair@example.org", false},
		{"CCAMP", "chair@example.org", false},
		{"RTG", "RTG-AD1@example.org", true}, // an area: one of its ADs
		{"RTG", "ops-ad@example.org", false},
		{"IETF", "chair@example.org", true}, // the IETF: the IETF Chair
		{"IETF", "rtg-ad1@example.org", false},
		{"IESG", "chair@example.org", true}, // the IESG: the IETF Chair too
		{"IESG", "iab-chair@example.org", false},
		{"IAB", "iab-chair@example.org", true}, // the IAB: the IAB Chair
		{"IAB", "chair@example.org", false},
		{"NOAREA", "rtg-ad1@example.org", false}, // a group with no area has no approver
		{"Unknown WG", "chair@example.org", false},
	} {
		if got := r.CanApprove(tc.addr, tc.speaker); got != tc.want {
			t.Errorf("CanApprove(%s, %s) = %v, want %v", tc.addr, tc.speaker, got, tc.want)
		}
	}
}

func TestSpeakersFor(t *testing.T) {
	r := testRoles()
	names := func(addr string) []string {
		var out []string
		for _, s := range r.SpeakersFor(addr) {
			out = append(out, s.Name)
		}
		return out
	}
	for _, tc := range []struct {
		addr string
		want []string
	}{
		{"ccamp-chair@example.org", []string{"CCAMP"}},
		{"rtg-ad1@example.org", []string{"RTG", "CCAMP"}},
		{"chair@example.org", []string{"IETF", "IESG"}},
		{"iab-chair@example.org", []string{"IAB"}},
		{"itu-t-liaison@example.org", nil},
		{"someone@example.org", nil},
	} {
		if got := names(tc.addr); !slices.Equal(got, tc.want) {
			t.Errorf("SpeakersFor(%s) = %v, want %v", tc.addr, got, tc.want)
		}
	}
	if !r.IsManager("ITU-T-liaison@example.org") || !r.IsManager("liaison-coordination@example.org") || r.IsManager("ccamp-chair@example.org") {
		t.Error("IsManager")
	}
}

func TestContactsAndDestinations(t *testing.T) {
	r := testRoles()
	if got := r.FromContacts([]string{"CCAMP", "RTG"}); !slices.Equal(got, []string{"ccamp-chair@example.org", "ccamp@example.org", "rtg-ad1@example.org", "rtg-ad2@example.org"}) {
		t.Errorf("FromContacts = %v", got)
	}
	if got := r.SendReplyTo([]string{"MEF", "ITU-T SG15"}); got != "itu-t-liaison@example.org" {
		t.Errorf("SendReplyTo = %q", got)
	}
	if got := r.SendReplyTo([]string{"MEF"}); got != "liaison-coordination@example.org" {
		t.Errorf("SendReplyTo without a liaison manager = %q", got)
	}
	sendTo, contacts, err := r.Destinations([]string{"ITU-T SG15", "MEF"})
	if err != nil || !slices.Equal(sendTo, []string{"tsbsg15@itu.example"}) || !slices.Equal(contacts, []string{"a@mef.example", "b@mef.example"}) {
		t.Errorf("Destinations = %v %v %v", sendTo, contacts, err)
	}
	if _, _, err := r.Destinations([]string{"Nowhere Forum"}); err == nil {
		t.Error("a body with no address got destinations")
	}
	if _, _, err := r.Destinations([]string{"Not A Body"}); !errors.Is(err, ErrUnknown) {
		t.Errorf("unknown body: %v", err)
	}
}
