package classify

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/liaisond/liaisond/internal/testutil"
	"github.com/liaisond/liaisond/mail"
)

// Template rules: general rules learnt from the layouts of real statements (see
// docs/liaison-formats.md), each with cases written here from the layout's description,
// never copied from a document.

// extractDoc extracts a statement whose text is its one attachment (as convert gives a Word
// table: cells joined by TAB; or PDF lines), sent with a bare cover mail.
func extractDoc(t *testing.T, text string) *Extraction {
	t.Helper()
	raw := "From: TSB <tsb@itu.example>\r\nTo: statements@example.org\r\nSubject: LS\r\n" +
		"Date: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <t@itu.example>\r\n\r\nPlease find the attached LS.\r\n"
	m, err := mail.ParseBytes([]byte(raw), mail.ParseLimits{})
	if err != nil {
		t.Fatal(err)
	}
	m.Attachments = []*mail.Attachment{{Path: "2", Filename: "LS.docx", ContentType: docxCT}}
	return extract(Input{Message: m, Attachments: []AttachmentText{{Text: text, Kind: "docx"}}, Rcpt: "statements@example.org"},
		loadDirectory(t, filepath.Join(testutil.SharedDir(t), "corpus")))
}

// ituHeader is the top of an ITU-T statement as a Word table converts: the organisation
// block beside the document numbers, the question and meeting row, source and title.
func ituHeader(right, source, title string) string {
	return "INTERNATIONAL TELECOMMUNICATION UNION\t" + right + "\nTELECOMMUNICATION STANDARDIZATION SECTOR\nSTUDY PERIOD 2025-2028\tOriginal: English\n" +
		"Question(s):\t14/15\tMeeting, date:\tGeneva, 9-20 February 2026\nSource:\t" + source + "\nTitle:\t" + title + "\n"
}

type templateCase struct {
	name string
	text string
	want map[string]string // field → value; "" is null; "*" is any non-null value
}

func runTemplateCases(t *testing.T, cases []templateCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := extractDoc(t, c.text)
			if !x.IsLiaison {
				t.Fatalf("not a statement: %s", x.Evidence["is_liaison"].Raw)
			}
			got := map[string]*string{"title": x.Title, "purpose": x.Purpose, "deadline": x.Deadline, "in_response_to": x.InResponseTo,
				"to": strp(strings.Join(x.To, ", ")), "from": strp(strings.Join(x.From, ", "))}
			for f, w := range c.want {
				g := deref(got[f])
				if g != w && !(w == "*" && g != "") {
					t.Errorf("%s = %q, want %q (%s)", f, g, w, x.Evidence[f].Source)
				}
			}
		})
	}
}

// (a) ITU-T header lines that give the document's own reference ("Ref.: TD 1187
// (PLEN/15)", a TD number on its own line) say nothing about an earlier statement.
func TestTemplateITUReferenceLines(t *testing.T) {
	runTemplateCases(t, []templateCase{
		{"Ref.: with the TD number", ituHeader("SG15-LS160", "ITU-T Study Group 15", "LS on YANG models for optical transport") +
			"Ref.:\tTD 1187 (PLEN/15)\nLIAISON STATEMENT\nFor action to:\tIETF CCAMP WG\nFor comment to:\t-\nFor information to:\t-\n" +
			"Approval:\tAgreed to at SG15 meeting, 20 February 2026\nDeadline:\t30 June 2026\nContact:\tAna Silva\tE-mail: ana.silva@example.com\n" +
			"SG15 asks CCAMP to review the attached models.",
			map[string]string{"in_response_to": "", "purpose": "action", "deadline": "2026-06-30"}},
		{"Ref. without a colon-space, working party TD", ituHeader("", "ITU-T Study Group 13", "LS on computing-aware networking") +
			"Ref.:TD 245 Rev.1 (WP3/13)\nLIAISON STATEMENT\nFor action to:\t-\nFor information to:\tIETF OPSAWG\nDeadline:\t-\n" +
			"Contact:\tLi Wei\tE-mail: li.wei@example.com\nSG13 informs OPSAWG of its new work item.",
			map[string]string{"in_response_to": "", "purpose": "information", "deadline": ""}},
		{"TD line alone and a TD number in the corner", "INTERNATIONAL TELECOMMUNICATION UNION\tTD\nTELECOMMUNICATION STANDARDIZATION SECTOR\tSG2-TD245\n" +
			"STUDY PERIOD 2025-2028\nSource:\tITU-T Study Group 2\nTitle:\tLS on numbering resources for IoT\nLIAISON STATEMENT\n" +
			"For action to:\tIETF DNSOP WG\nDeadline:\t31 October 2026\nContact:\tPierre Lemaire\tE-mail: pierre.lemaire@example.com\nSG2 asks DNSOP to comment.",
			map[string]string{"in_response_to": "", "purpose": "action", "deadline": "2026-10-31"}},
		{"an answer still names the statement it answers", ituHeader("SG15-LS161", "ITU-T Study Group 15", "Reply LS on OTN YANG alignment") +
			"Ref.:\tTD 1190 (PLEN/15)\nLIAISON STATEMENT\nFor action to:\t-\nFor information to:\tIETF CCAMP WG\n" +
			"Response to:\tLS from IETF CCAMP on OTN topology (12 January 2026)\nDeadline:\t-\nContact:\tAna Silva\tE-mail: ana.silva@example.com\n" +
			"SG15 thanks CCAMP for its LS.",
			map[string]string{"in_response_to": "LS from IETF CCAMP on OTN topology (12 January 2026)", "purpose": "response"}},
		{"a letter's Ref.: naming the letter it answers stays a response", "Ref.:\tYour LS SG15-LS45 of 2 February 2026\n" +
			"From:\tBroadband Forum Technical Committee\nTo:\tIETF CCAMP WG\nSubject:\tOTN access models\n\nDear CCAMP chairs,\n" +
			"BBF thanks CCAMP for its liaison statement and would like to share its progress.\n",
			map[string]string{"in_response_to": "Your LS SG15-LS45 of 2 February 2026"}},
	})
}

// (b) The ITU-T template gives the purpose per recipient ("For action to:", "For comment
// to:", "For information to:", "-" for none): the purpose towards the IETF is that of the
// line naming the IETF or one of its groups, whatever the other lines ask of others.
func TestTemplatePurposePerRecipient(t *testing.T) {
	rows := func(action, comment, info, deadline string) string {
		return ituHeader("SG13-LS140", "ITU-T Study Group 13", "LS on network slicing management") + "LIAISON STATEMENT\n" +
			"For action to:\t" + action + "\nFor comment to:\t" + comment + "\nFor information to:\t" + info + "\n" +
			"Approval:\tAgreed to at SG13 meeting, 20 February 2026\nDeadline:\t" + deadline + "\n" +
			"Contact:\tLi Wei\tE-mail: li.wei@example.com\nSG13 has progressed its work on slicing.\n"
	}
	runTemplateCases(t, []templateCase{
		{"the IETF for information, another body for action", rows("3GPP TSG SA WG5", "-", "IETF TEAS WG", "30 June 2026"),
			map[string]string{"purpose": "information"}},
		{"the IETF for action, another body for information", rows("IETF TEAS WG", "-", "IEEE 802.1", "30 June 2026"),
			map[string]string{"purpose": "action", "deadline": "2026-06-30"}},
		{"the IETF for comment with a deadline, another body for action", rows("ETSI ISG NFV", "IETF OPSAWG", "-", "15 May 2026"),
			map[string]string{"purpose": "action", "deadline": "2026-05-15"}},
		{"the IETF for comment without a deadline", rows("ETSI ISG NFV", "IETF OPSAWG", "-", "-"),
			map[string]string{"purpose": "information", "deadline": ""}},
		{"the IAB for action", rows("IAB", "-", "IETF TEAS WG", "n/a"), map[string]string{"purpose": "action"}},
		{"an IRTF group for information", rows("3GPP TSG CT WG4", "-", "IRTF NMRG", "30 June 2026"), map[string]string{"purpose": "information"}},
		{"a group named without IETF, for information", rows("GSMA", "-", "TEAS WG, CCAMP WG", "30 June 2026"), map[string]string{"purpose": "information"}},
		{"no line names the IETF: the first purpose", rows("GSMA", "-", "ETSI ISG NFV", "30 June 2026"), map[string]string{"purpose": "action"}},
	})
}
