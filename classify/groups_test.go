package classify

import (
	"testing"

	"github.com/liaisond/liaisond/directory"
)

func testDirectory() *Directory {
	return NewDirectory(directory.Directory{
		Intake: directory.Intake{Addresses: []string{"statements@example.org", "liaison-coordination@example.org"}},
		Groups: []directory.Group{
			{Name: "CCAMP", Aliases: []string{"IETF CCAMP WG", "CCAMP", "Common Control and Measurement Plane"}, Addresses: []string{"ccamp@example.org", "ccamp-chairs@example.org"}},
			{Name: "DNSOP", Aliases: []string{"IETF DNSOP WG", "DNSOP WG"}, Addresses: []string{"dnsop@example.org", "dnsop-chairs@example.org"}},
			{Name: "OPSAWG", Aliases: []string{"IETF OPSAWG", "OPSAWG", "Operations and Management Area Working Group"}, Addresses: []string{"opsawg@example.org"}},
			{Name: "NMRG", Aliases: []string{"IRTF NMRG", "NMRG"}, Addresses: []string{"nmrg@example.org"}},
			{Name: "IAB", Aliases: []string{"IAB", "Internet Architecture Board"}, Addresses: []string{"iab@example.org"}},
		},
		SDOs: []directory.SDO{
			{Name: "ITU-T SG15", Aliases: []string{"ITU-T Study Group 15", "Study Group 15", "ITU-T-SG-15", "SG15"}, LiaisonManager: "itu-t-liaison@example.org"},
			{Name: "3GPP TSG SA WG2", Aliases: []string{"SA WG2", "SA2", "S2", "TSG SA WG2"}, LiaisonManager: "3gpp-liaison@example.org"},
			{Name: "BBF", Aliases: []string{"Broadband Forum", "Broadband Forum Technical Committee"}, LiaisonManager: "bbf-liaison@example.org"},
		},
	})
}

func TestResolveGroup(t *testing.T) {
	d := testDirectory()
	tests := []struct {
		in, hint, want string
	}{
		// directory names and aliases, with IETF-style variants
		{"Study Group 15", "", "ITU-T SG15"},
		{"ITU-T Study Group 15", "", "ITU-T SG15"},
		{"ITU-T-SG-15", "", "ITU-T SG15"},
		{"itu-t sg 15", "", "ITU-T SG15"},
		{"Q14/15", "", "ITU-T SG15"},
		{"WP3/15", "", "ITU-T SG15"},
		{"TSB SG15 Secretariat", "", "ITU-T SG15"},
		{"SA2", "", "3GPP TSG SA WG2"},
		{"SA WG2", "", "3GPP TSG SA WG2"},
		{"3GPP SA2", "", "3GPP TSG SA WG2"},
		{"TSG-SA WG2", "", "3GPP TSG SA WG2"},
		{"3GPP-TSG-SA-WG2", "", "3GPP TSG SA WG2"},
		{"S2", "3gpp", "3GPP TSG SA WG2"},
		{"Broadband Forum Technical Committee", "", "BBF"},
		{"The Broadband Forum", "", "BBF"},
		{"BBF", "", "BBF"},
		{"IETF CCAMP WG", "", "IETF CCAMP WG"},
		{"CCAMP WG", "", "IETF CCAMP WG"},
		{"ccamp", "", "IETF CCAMP WG"},
		{"IETF CCAMP Working Group", "", "IETF CCAMP WG"},
		{"CCAMP chairs", "", "IETF CCAMP WG"},
		{"DNSOP", "", "IETF DNSOP WG"},
		{"IETF DNSOP", "", "IETF DNSOP WG"},
		{"OPSA WG", "", "IETF OPSAWG"},
		{"Operations and Management Area Working Group", "", "IETF OPSAWG"},
		{"NMRG", "", "IRTF NMRG"},
		{"Internet Architecture Board", "", "IAB"},
		// built-in naming, bodies not in the directory
		{"ITU-T Study Group 16", "", "ITU-T SG16"},
		{"SG 13", "", "ITU-T SG13"},
		{"ITU-D Study Group 2", "", "ITU-D SG2"},
		{"ITU-R WP 5D", "", "ITU-R WP 5D"},
		{"TSAG", "", "ITU-T TSAG"},
		{"RAN1", "", "3GPP TSG RAN WG1"},
		{"CT WG3", "", "3GPP TSG CT WG3"},
		{"3GPP TSG RAN WG1", "", "3GPP TSG RAN WG1"},
		{"TSG CT", "", "3GPP TSG CT"},
		{"SA plenary", "", "3GPP TSG SA"},
		{"R1", "3gpp", "3GPP TSG RAN WG1"},
		{"IEEE 802.1 Working Group", "", "IEEE 802.1 WG"},
		{"IEEE 802.3 Ethernet Working Group", "", "IEEE 802.3 WG"},
		{"IEEE P802.11", "", "IEEE 802.11 WG"},
		{"MEF Forum", "", "MEF"},
		{"O-RAN Alliance WG4", "", "O-RAN Alliance WG4"},
		{"O-RAN WG11", "", "O-RAN Alliance WG11"},
		{"O-RAN Alliance Working Group 9", "", "O-RAN Alliance WG9"},
		{"ETSI TC CYBER", "", "ETSI TC CYBER"},
		{"ETSI Technical Committee CYBER", "", "ETSI TC CYBER"},
		{"ISG F5G", "", "ETSI ISG F5G"},
		{"ETSI ISG NFV", "", "ETSI ISG NFV"},
		{"ISO/IEC JTC 1/SC 27/WG 5", "", "ISO/IEC JTC 1/SC 27/WG 5"},
		{"ISO/IEC JTC1/SC27/WG5", "", "ISO/IEC JTC 1/SC 27/WG 5"},
		{"JTC 1/SC 6", "", "ISO/IEC JTC 1/SC 6"},
		{"SC 27/WG 5", "jtc1", "ISO/IEC JTC 1/SC 27/WG 5"},
		{"IETF SIDROPS WG", "", "IETF SIDROPS WG"},
		{"IETF 6LO Working Group", "", "IETF 6LO WG"},
		{"IRTF PANRG", "", "IRTF PANRG"},
		{"IESG", "", "IESG"},
		{"W3C Web Application Security Working Group", "", "W3C Web Application Security WG"},
		{"OIF Technical Committee", "", "OIF"},
		{"O-RAN Alliance WG4 (Open Fronthaul Interfaces Workgroup)", "", "O-RAN Alliance WG4"},
		{"Alliance for Telecommunications Industry Solutions (ATIS)", "", "ATIS"},
	}
	for _, tt := range tests {
		r, ok := d.resolveGroup(tt.in, family(tt.hint))
		if !ok || r.Canon != tt.want {
			t.Errorf("resolveGroup(%q) = %q, %v; want %q", tt.in, r.Canon, ok, tt.want)
		}
	}
	for _, in := range []string{"Jane Doe", "Co-Chairs", "S2", "MEF 10.4", "", "-"} {
		if r, ok := d.resolveGroup(in, famUnknown); ok && in != "S2" {
			t.Errorf("resolveGroup(%q) = %q, want no body", in, r.Canon)
		} else if in == "S2" && ok && r.Canon != "3GPP TSG SA WG2" {
			t.Errorf("resolveGroup(S2) = %q", r.Canon)
		}
	}
}

func TestSameGroup(t *testing.T) {
	d := testDirectory()
	same := [][2]string{
		{"CCAMP", "IETF CCAMP WG"},
		{"Study Group 15", "SG15"},
		{"ITU-T SG 15", "ITU-T Study Group 15"},
		{"3GPP TSG SA WG2", "S2"},
		{"IEEE 802.1 Working Group", "IEEE 802.1 WG"},
		{"ETSI TC SmartM2M", "ETSI TC SMARTM2M"},
	}
	for _, p := range same {
		if !d.SameGroup(p[0], p[1]) {
			t.Errorf("SameGroup(%q, %q) = false", p[0], p[1])
		}
	}
	if d.SameGroup("IETF CCAMP WG", "IETF DNSOP WG") || d.SameGroup("IEEE 802.1 WG", "IEEE 802.11 WG") {
		t.Error("different bodies compare equal")
	}
}

func TestParseBodies(t *testing.T) {
	d := testDirectory()
	tests := []struct {
		in   string
		want []string
	}{
		{"IETF CCAMP WG, IETF DNSOP WG", []string{"IETF CCAMP WG", "IETF DNSOP WG"}},
		{"IAB, IETF CCAMP WG and IEEE 802.1 WG", []string{"IAB", "IETF CCAMP WG", "IEEE 802.1 WG"}},
		{"IPPM (Kofi Mensah <kofi.mensah@example.com>, ippm-chairs@example.org)", []string{"IETF IPPM WG"}},
		{"Aiko Tanabe <aiko@example.com>, Co-Chair, IETF DetNet WG\nMarcus Ellery <m@example.com>, Co-Chair, IETF DetNet WG", []string{"IETF DetNet WG"}},
		{"Sanna Virtanen and Lucas Ferreira, Co-Chairs, IETF MADINAS WG", []string{"IETF MADINAS WG"}},
		{"Rebecca Ostrowski <r@example.com>, Chair, IEEE 802.11\nWG", []string{"IEEE 802.11 WG"}},
		{"RAN2, RAN3", []string{"3GPP TSG RAN WG2", "3GPP TSG RAN WG3"}},
		{"IETF OPSAWG for action; others for information", []string{"IETF OPSAWG"}},
		{"-", nil},
		{"None", nil},
		{"GSMA Networks Group", []string{"GSMA Networks Group"}},
		{"IETF OPSAWG, IRTF NMRG, IETF\nCCAMP WG", []string{"IETF OPSAWG", "IRTF NMRG", "IETF CCAMP WG"}},
		{"IETF DNSOP WG\nIAB", []string{"IETF DNSOP WG", "IAB"}},
	}
	for _, tt := range tests {
		hint := famUnknown
		if tt.in[0] == 'I' && tt.in[1] == 'P' {
			hint = famDatatracker
		}
		got := canons(d.parseBodies(tt.in, hint))
		if len(got) != len(tt.want) {
			t.Errorf("parseBodies(%q) = %q, want %q", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if !d.SameGroup(got[i], tt.want[i]) {
				t.Errorf("parseBodies(%q) = %q, want %q", tt.in, got, tt.want)
				break
			}
		}
	}
}

func TestFindMentions(t *testing.T) {
	d := testDirectory()
	text := "On behalf of the W3C Web Application Security Working Group, we inform the IETF HTTP WG and CCAMP; see MEF 10.4 and the IETF participants."
	var got []string
	for _, m := range d.findMentions(text, famUnknown) {
		got = append(got, m.ref.Canon)
	}
	want := []string{"W3C Web Application Security WG", "IETF HTTP WG", "IETF CCAMP WG"}
	if len(got) != len(want) {
		t.Fatalf("findMentions = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("findMentions[%d] = %q, want %q", i, got[i], want[i])
		}
	}
}
