package classify

import (
	"strings"
	"testing"
)

// Unit tables of the helpers behind the real-layout rules (docs/extraction-rules.md, "Rules
// for layouts of real statements"); the rules themselves are held by TestRealLayoutRules.

func TestLayoutRuleHelpers(t *testing.T) {
	var d *Directory // the built-in naming rules alone
	bodies := func(v string) string { return strings.Join(canons(d.parseBodies(v, famUnknown)), ", ") }
	for _, c := range []struct{ in, want string }{
		{"ITU-T Study Groups 13 and 15", "ITU-T SG13, ITU-T SG15"},
		{"ITU-R Working Party 8A (on behalf of WP 8A and WP 8F)", "ITU-R WP 8A, ITU-R WP 8F"},
		{"Chairman, Telecommunication Development Advisory Group (TDAG)", "ITU-D TDAG"},
		{"Document 5D/TEMP/311", ""},
		{"Annex 3 to Document 4B/95", ""},
		{"TD 1045 Rev.1 (PLEN/13)", ""},
		{"Chair, 802.11 Working Group", "IEEE 802.11 WG"},
		{"Rapporteur Group for Question 1/2 of ITU-D Study Group 2", "ITU-D SG2"},
		{"Working Party 5D", "ITU-R WP 5D"},
		{"Radiocommunication Study Group 5", "ITU-R SG5"},
	} {
		if got := bodies(c.in); got != c.want {
			t.Errorf("parseBodies(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, c := range []struct {
		c, p string
		want bool
	}{
		{"ITU-R WP 5A", "ITU-R SG5", true}, {"ITU-R WP 5A", "ITU-R SG6", false}, {"IEEE 802.11 WG", "IEEE 802", true},
		{"IEEE 802.11 WG", "IEEE 802.15 WG", false}, {"3GPP TSG SA WG2", "3GPP TSG SA", true}, {"3GPP TSG SA", "3GPP TSG SA WG2", false},
	} {
		if got := subgroupOf(c.c, c.p); got != c.want {
			t.Errorf("subgroupOf(%q, %q) = %v", c.c, c.p, got)
		}
	}
	if got := splitFlatHeaders("To: IETF From: ITU-T SG15 Cc: MEF For Action Subject: LS on X\nprose: not split here at all, fine"); got !=
		"To: IETF\nFrom: ITU-T SG15\nCc: MEF\nPurpose: For Action\nSubject: LS on X\nprose: not split here at all, fine" {
		t.Errorf("splitFlatHeaders: %q", got)
	}
	if got := strings.Join(runningHeaderIDs(strings.Split("a\n- 2 -\nCOM 15 – LS 123 – E\nb\n- 3 -\nCOM 15 – LS 123 – E\nS2-171234\n", "\n")), ","); got != "COM 15-LS 123-E" {
		t.Errorf("runningHeaderIDs: %q", got)
	}
	if got := stripListFooter("text\n\n_______________________________________________\nccamp mailing list\nccamp@example.org\nhttps://x/listinfo/ccamp\n"); got != "text\n\n" {
		t.Errorf("stripListFooter: %q", got)
	}
	for in, want := range map[string]bool{"[DRAFT] Reply LS on X": true, "Draft LS on X": true, "LS on draft-ietf-foo": false, "Drafting rules": false} {
		if reDraftTitle.MatchString(in) != want {
			t.Errorf("reDraftTitle(%q) != %v", in, want)
		}
	}
}
