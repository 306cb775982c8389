package classify

import (
	"strings"
	"testing"
)

func TestKeyOf(t *testing.T) {
	tests := []struct {
		label string
		want  fkey
	}{
		{"Title", kTitle}, {"TITLE", kTitle}, {"**Title**", kTitle}, {"SUBJECT ", kTitle}, {"LS title", kTitle},
		{"Source", kFrom}, {"SOURCE", kFrom}, {"From", kFrom}, {"Liaison from", kFrom},
		{"To", kTo}, {"Liaison to", kTo}, {"Addressee(s)", kTo},
		{"For action to", kActionTo}, {"For Action To", kActionTo}, {"For comment to", kCommentTo}, {"For information to", kInfoTo},
		{"Cc", kCc}, {"CC", kCc},
		{"Purpose", kPurpose}, {"For", kPurpose}, {"Expected action", kPurpose}, {"Action requested", kPurpose},
		{"Deadline", kDeadline}, {"Action due date", kDeadline}, {"Reply by", kDeadline}, {"Response requested by", kDeadline},
		{"回答期限（Deadline）", kDeadline}, {"回复期限", kDeadline}, {"회신 기한 (Deadline)", kDeadline},
		{"Contact Person", kContact}, {"Contact(s)", kContact}, {"E-mail Address", kContact}, {"Email of secretary", kContact},
		{"Response Contact", kRespContact}, {"Reponse Contact", kRespContact},
		{"Send any reply LS to", kReplyTo}, {"Send reply to", kReplyTo}, {"回答送付先（Send reply to）", kReplyTo},
		{"Send To", kSendTo},
		{"Response to", kResponseTo}, {"Referenced liaison", kResponseTo},
		{"Broadband Forum Reference", kRef}, {"MEF Reference", kRef}, {"Document", kRef}, {"文号（Reference）", kRef},
		{"Submission Date", kDate}, {"Meeting, date", kMeeting}, {"Release", kMeta}, {"Question(s)", kMeta},
	}
	for _, tt := range tests {
		if got, _ := keyOf(tt.label); got != tt.want {
			t.Errorf("keyOf(%q) = %q, want %q", tt.label, got, tt.want)
		}
	}
	if _, known := keyOf("Publication of TR-470 Issue 2"); known {
		t.Error("a title fragment was taken for a label")
	}
}

func fieldMap(text string) map[fkey]string {
	bi := parseBlock(strings.Split(text, "\n"))
	out := map[fkey]string{}
	for _, f := range bi.fields {
		if _, dup := out[f.key]; !dup {
			out[f.key] = f.value
		}
	}
	return out
}

func TestParseBlockLayouts(t *testing.T) {
	tests := []struct {
		name string
		text string
		want map[fkey]string
	}{
		{"3GPP plain text, wrapped title, empty Response to", `3GPP TSG SA WG2 Meeting #172                                        S2-2601187
Title:          LS on deterministic flow identification for DetNet over
                the 5G System user plane
Response to:
Release:        Rel-20
Source:         SA WG2
To:             IETF DetNet WG`, map[fkey]string{
			kTitle: "LS on deterministic flow identification for DetNet over\nthe 5G System user plane", kResponseTo: "",
			kFrom: "SA WG2", kTo: "IETF DetNet WG"}},
		{"ITU-T table rows, two pairs per row", "Question(s):\t12/15, 14/15\tMeeting, date:\tGeneva, 9-20 February 2026\n" +
			"Source:\tITU-T Study Group 15\nFor action to:\tIETF CCAMP WG\nFor information to:\tIETF TEAS WG, MEF\nDeadline:\t30 September 2026\n" +
			"Contact:\tLucía Ferrandis OptiNet Labs Spain\tTel: +34 91 555 0142 E-mail: lucia.ferrandis@example.com",
			map[fkey]string{kMeeting: "Geneva, 9-20 February 2026", kFrom: "ITU-T Study Group 15", kActionTo: "IETF CCAMP WG",
				kInfoTo: "IETF TEAS WG, MEF", kDeadline: "30 September 2026",
				kContact: "Lucía Ferrandis OptiNet Labs Spain Tel: +34 91 555 0142 E-mail: lucia.ferrandis@example.com"}},
		{"PDF lines: unindented title continuation", "Title:\tLS on intent-based management interfaces for\ncomputing-aware networks\nLIAISON STATEMENT\nFor action to:\tIETF OPSAWG",
			map[fkey]string{kTitle: "LS on intent-based management interfaces for\ncomputing-aware networks", kActionTo: "IETF OPSAWG"}},
		{"plain two columns with spaces", "Question(s):   6/17              Meeting, date:   Geneva, 20-29 January 2026\nContact:   Farida Nurmagambetova       Tel: +7 727 555 0164\n           Rapporteur Q6/17            E-mail: farida@example.com",
			map[fkey]string{kMeeting: "Geneva, 20-29 January 2026", kContact: "Farida Nurmagambetova Tel: +7 727 555 0164\nRapporteur Q6/17 E-mail: farida@example.com"}},
		{"ITU-D upper case with space before colon", "SOURCE :     ITU-D Study Group 2\nSUBJECT :    Network management practices for rural broadband access\n             networks\nDEADLINE :   Reply by mid-June 2026",
			map[fkey]string{kFrom: "ITU-D Study Group 2", kTitle: "Network management practices for rural broadband access\nnetworks", kDeadline: "Reply by mid-June 2026"}},
		{"bilingual full-width labels", "回答期限（Deadline）：2026年3月31日\n文書番号（Reference）：TTC-LS-2026-004\n連絡先（Contact）：佐伯 美咲 <misaki.saeki@example.com>",
			map[fkey]string{kDeadline: "2026年3月31日", kRef: "TTC-LS-2026-004", kContact: "佐伯 美咲 <misaki.saeki@example.com>"}},
		{"colon inside a value is not a label", "Subject:  Publication of TR-470 Issue 2: 5G wireless wireline convergence\n          architecture",
			map[fkey]string{kTitle: "Publication of TR-470 Issue 2: 5G wireless wireline convergence\narchitecture"}},
		{"PDF title wrapped before an acronym", "Title:\tLS on alignment of the stream identification functions and DetNet YANG\nModels\nLIAISON STATEMENT",
			map[fkey]string{kTitle: "LS on alignment of the stream identification functions and DetNet YANG\nModels"}},
		{"short title, then another line", "Title:\tLS on OTN\nQuestion 14/15 would like to inform you of its progress.",
			map[fkey]string{kTitle: "LS on OTN"}},
		{"markdown bold", "*Title:* LS on RTP header extensions\n**To:** IETF AVTCORE WG",
			map[fkey]string{kTitle: "LS on RTP header extensions", kTo: "IETF AVTCORE WG"}},
		{"contact list without indentation", "Contacts:\nRuth Adeyemi, Broadband Forum Technical Committee Chair,\n  ruth.adeyemi@example.com\nKarina Wojcik, IETF Liaison Manager to BBF, bbf-liaison@example.org\n\nDate of Upcoming Meetings:",
			map[fkey]string{kContact: "Ruth Adeyemi, Broadband Forum Technical Committee Chair,\nruth.adeyemi@example.com\nKarina Wojcik, IETF Liaison Manager to BBF, bbf-liaison@example.org"}},
		{"a URL is not a label", "https://www.example.net/md/T25-SG15\nTitle: X", map[fkey]string{kTitle: "X"}},
	}
	for _, tt := range tests {
		got := fieldMap(tt.text)
		for k, v := range tt.want {
			if got[k] != v {
				t.Errorf("%s: field %s = %q, want %q", tt.name, k, got[k], v)
			}
		}
	}
}

func TestHeadingsAndDecoySections(t *testing.T) {
	for _, h := range []string{"1. Overall Description:", "2 Actions", "3. Date of Next TSG-SA WG2 Meetings:", "LIAISON STATEMENT", "２．依頼事項", "一、背景"} {
		if !isHeading(h) {
			t.Errorf("isHeading(%q) = false", h)
		}
	}
	for _, h := range []string{"12 November 2025)", "                12 November 2025)", "Title: X", "SA2#173 13 - 17 April 2026", "IETF DetNet WG"} {
		if isHeading(h) {
			t.Errorf("isHeading(%q) = true", h)
		}
	}
	lines := strings.Split("2. Actions:\nACTION: reply by 8 May 2026.\n3. Date of Next TSG-SA WG2 Meetings:\nSA2#173     13 - 17 April 2026      Jeju, KR", "\n")
	bi := parseBlock(lines)
	if bi.decoy[1] || !bi.decoy[3] {
		t.Errorf("decoy = %v, want only the meeting lines", bi.decoy)
	}
}
