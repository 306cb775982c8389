package classify

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/liaisond/liaisond/internal/testutil"
	"github.com/liaisond/liaisond/message"
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
	m, err := message.ParseBytes([]byte(raw), message.ParseLimits{})
	if err != nil {
		t.Fatal(err)
	}
	m.Attachments = []*message.Attachment{{Path: "2", Filename: "LS.docx", ContentType: docxCT}}
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
	want map[string]string // field → value ("" is null), or "signals" → part of the is_liaison summary
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
				if f == "signals" {
					if !strings.Contains(x.Evidence["is_liaison"].Raw, w) {
						t.Errorf("signals %q lack %q", x.Evidence["is_liaison"].Raw, w)
					}
					continue
				}
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
		{"Ref.: with a study group's TD name", ituHeader("SG2-LS031", "ITU-T Study Group 2", "LS on numbering resources for IoT") +
			"Ref.:\tSG2-TD245\nLIAISON STATEMENT\nFor information to:\tIETF DNSOP WG\nContact:\tPierre Lemaire\tE-mail: pierre.lemaire@example.com\nSG2 informs DNSOP.",
			map[string]string{"in_response_to": "", "purpose": "information"}},
		{"Ref.: naming another body's document stays a response", "Title:\tReply LS on DNS resolver discovery\nRef.:\tC4-2601422\n" +
			"From:\tIETF DNSOP WG\nTo:\t3GPP TSG CT WG4\nContact:\tdnsop-chairs@example.org\nDNSOP thanks CT4 for its LS.",
			map[string]string{"in_response_to": "C4-2601422"}},
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

// (c) Dates that are not deadlines: the approval line ("Approval: Agreed to at SG2 meeting,
// 24 July 2017"), meeting dates, next-meeting tables, document and template version dates.
// A deadline needs a deadline cue (a Deadline-like label, "reply by", "feedback before")
// or stays null.
func TestTemplateDatesThatAreNotDeadlines(t *testing.T) {
	itu := func(rows string) string {
		return ituHeader("SG2-LS031", "ITU-T Study Group 2", "LS on numbering resources for IoT") + "LIAISON STATEMENT\n" + rows +
			"Contact:\tPierre Lemaire\tE-mail: pierre.lemaire@example.com\n"
	}
	gpp := func(tail string) string {
		return "3GPP TSG SA WG2 Meeting #172\tS2-2601187\nGoa, India, 9 - 13 March 2026\n\nTitle:\tLS on DNS for edge computing\n" +
			"Response to:\t-\nRelease:\tRel-20\nSource:\tSA WG2\nTo:\tIETF DNSOP WG\nContact Person:\t\nName:\tAsha Rao\nE-mail:\tasha.rao@example.com\n\n" +
			"1. Overall Description:\nSA2 has agreed a study on DNS-based discovery of edge servers.\n" + tail
	}
	runTemplateCases(t, []templateCase{
		{"approval with a meeting date, deadline -", itu("For action to:\t-\nFor comment to:\tIETF DNSOP WG\nFor information to:\t-\n" +
			"Approval:\tAgreed to at SG2 meeting, 24 July 2017\nDeadline:\t-\nSG2 would like DNSOP to comment.\n"),
			map[string]string{"deadline": "", "purpose": "information"}},
		{"approval and meeting dates, no deadline row", itu("For information to:\tIETF DNSOP WG\n" +
			"Approval:\tAgreed to at SG2 meeting (Geneva, 20 February 2026)\nSG2 informs DNSOP of its work.\n"),
			map[string]string{"deadline": "", "purpose": "information"}},
		{"3GPP next-meeting table", gpp("2. Actions:\nTo IETF DNSOP WG\nACTION:\tSA2 asks DNSOP to comment on the study.\n\n" +
			"3. Date of Next TSG SA WG2 Meetings:\nSA2#173\t13 - 17 April 2026\tJeju, KR\nSA2#174\t18 - 22 May 2026\tFukuoka, JP\n"),
			map[string]string{"deadline": "", "purpose": "action"}},
		{"3GPP next-meeting table and a cued reply date", gpp("2. Actions:\nTo IETF DNSOP WG\nACTION:\tSA2 asks DNSOP to reply by 30 June 2026.\n\n" +
			"3. Date of Next TSG SA WG2 Meetings:\nSA2#173\t13 - 17 April 2026\tJeju, KR\n"),
			map[string]string{"deadline": "2026-06-30", "purpose": "action"}},
		{"template version date in the footer", itu("For action to:\tIETF DNSOP WG\nDeadline:\t-\nSG2 asks DNSOP to comment.\n" +
			"ITU-T liaison statement template, version 2.1 (15 March 2019)\n"),
			map[string]string{"deadline": ""}},
		{"template version date as a label", "Template version:\t2019-03-15\n" + itu("For information to:\tIETF DNSOP WG\nSG2 informs DNSOP.\n"),
			map[string]string{"deadline": ""}},
		{"document date label", itu("Date:\t15 March 2026\nFor information to:\tIETF DNSOP WG\nSG2 informs DNSOP of its progress.\n"),
			map[string]string{"deadline": ""}},
		{"next meeting in prose", itu("For information to:\tIETF DNSOP WG\nSG2 will continue this work at its next meeting (Geneva, 14-25 September 2026) " +
			"and will keep DNSOP informed.\n"),
			map[string]string{"deadline": ""}},
		{"for action, approval date, no deadline row", itu("For action to:\tIETF DNSOP WG\nApproval:\tAgreed to at SG2 meeting, 20 February 2026\n" +
			"SG2 asks DNSOP to comment on the draft Recommendation before it is finalised.\n"),
			map[string]string{"deadline": "", "purpose": "action"}},
		{"for action, a meeting in prose without a cue", itu("For action to:\tIETF DNSOP WG\nDeadline:\t-\n" +
			"SG2 asks DNSOP to comment. The draft will be considered for consent at the SG2 meeting of 14-25 September 2026.\n"),
			map[string]string{"deadline": "", "purpose": "action"}},
		{"version line of an ETSI template", "ETSI template for liaison statements, v2.2 (2020-01-15)\nTitle:\tLS on network slicing\nFrom:\tETSI ISG NFV\n" +
			"To:\tIETF TEAS WG\nPurpose:\tFor information\nContact:\tJan Kowal, jan.kowal@example.com\nISG NFV informs TEAS of its new report.\n",
			map[string]string{"deadline": "", "purpose": "information"}},
		{"empty Deadline row before the approval row", itu("For action to:\tIETF DNSOP WG\nDeadline:\t\nApproval:\tAgreed to at SG2 meeting, 24 July 2017\n" +
			"SG2 asks DNSOP to comment.\n"),
			map[string]string{"deadline": ""}},
		{"next meeting as a label", itu("For action to:\tIETF DNSOP WG\nDeadline:\t-\nNext meeting:\tGeneva, 14-25 September 2026\n" +
			"Date of next SG2 meeting:\t14 September 2026\nSG2 asks DNSOP to comment.\n"),
			map[string]string{"deadline": ""}},
		{"approval on its own line in a PDF", "INTERNATIONAL TELECOMMUNICATION UNION\nSG2-LS031\nSource: ITU-T Study Group 2\n" +
			"Title: LS on numbering resources for IoT\nLIAISON STATEMENT\nFor action to: IETF DNSOP WG\nApproval:\n" +
			"Agreed to at SG2 meeting, 24 July 2017\nDeadline:\n-\nContact: Pierre Lemaire E-mail: pierre.lemaire@example.com\nSG2 asks DNSOP to comment.",
			map[string]string{"deadline": "", "purpose": "action"}},
		{"a Deadline row with a date is the deadline", itu("For action to:\tIETF DNSOP WG\nApproval:\tAgreed to at SG2 meeting, 20 February 2026\n" +
			"Deadline:\t31 October 2026\nSG2 asks DNSOP to comment.\n"),
			map[string]string{"deadline": "2026-10-31", "purpose": "action"}},
	})
}

// (d) Label quirks: an asterisk on the label ("Title:*", "*Deadline:"), a value glued to
// its label ("Deadline:n/a"), a banner spaced out by small capitals ("L IA ISON
// S TATEMENT"), TAB-separated rows with empty values ("For comment to:<TAB>"), and "-",
// "–", "n/a", "N/A", "none" as empty values.
func TestTemplateLabelQuirks(t *testing.T) {
	runTemplateCases(t, []templateCase{
		{"asterisks after the colon", "Title:*\tLS on packet clock profiles\nSource:*\tITU-T Study Group 15\nFor action to:*\tIETF TICTOC WG\n" +
			"Deadline:*\t1 September 2026\nContact:\tAna Silva E-mail: ana.silva@example.com\nSG15 asks TICTOC to comment.",
			map[string]string{"title": "LS on packet clock profiles", "from": "ITU-T SG15", "to": "IETF TICTOC WG", "purpose": "action", "deadline": "2026-09-01"}},
		{"asterisks before the label", "*Title:\tLS on packet clock profiles\n*Source:\tITU-T Study Group 15\n*For information to:\tIETF TICTOC WG\n" +
			"*Deadline:\tn/a\nContact:\tAna Silva E-mail: ana.silva@example.com\nSG15 informs TICTOC.",
			map[string]string{"title": "LS on packet clock profiles", "purpose": "information", "deadline": ""}},
		{"values glued to their labels", "Title:LS on packet clock profiles\nSource:ITU-T Study Group 15\nFor action to:IETF TICTOC WG\n" +
			"Deadline:n/a\nContact:Ana Silva E-mail: ana.silva@example.com\nSG15 asks TICTOC to comment.",
			map[string]string{"title": "LS on packet clock profiles", "from": "ITU-T SG15", "purpose": "action", "deadline": ""}},
		{"glued deadline with a date", "Title:LS on packet clock profiles\nSource:ITU-T Study Group 15\nFor action to:IETF TICTOC WG\n" +
			"Deadline:30 June 2026\nContact:Ana Silva E-mail: ana.silva@example.com\nSG15 asks TICTOC to comment.",
			map[string]string{"deadline": "2026-06-30"}},
		{"banner spaced out by small capitals", "I NTERNATIONAL T ELECOMMUNICATION U NION\nL IA ISON S TATEMENT\n" +
			"Source:\tITU-T Study Group 13\nTitle:\tComputing-aware networking requirements\nFor information to:\tIETF CATS WG\n" +
			"Contact:\tLi Wei\tE-mail: li.wei@example.com\nSG13 has agreed a new work item on computing-aware networking.",
			map[string]string{"title": "Computing-aware networking requirements", "purpose": "information",
				"signals": "full label block +4.0, liaison/LS in the subject +1.5, LIAISON STATEMENT heading +1.0, liaison wording in the text +1.0"}},
		{"TAB rows with empty values", "Source:\tITU-T Study Group 13\nTitle:\tLS on computing-aware networking\nLIAISON STATEMENT\n" +
			"For action to:\t\nFor comment to:\t\nFor information to:\tIETF CATS WG\nApproval:\tSG13 meeting, 15 July 2026\nDeadline:\t\n" +
			"Contact:\tLi Wei\tE-mail: li.wei@example.com\nSG13 informs CATS of its new work item.",
			map[string]string{"title": "LS on computing-aware networking", "to": "IETF CATS WG", "purpose": "information", "deadline": ""}},
		{"dashes and n/a as empty", "Source:\tITU-T Study Group 13\nTitle:\tLS on computing-aware networking\nLIAISON STATEMENT\n" +
			"For action to:\t–\nFor comment to:\tN/A\nFor information to:\tIETF CATS WG\nResponse to:\t-\nDeadline:\tnone\n" +
			"Contact:\tLi Wei\tE-mail: li.wei@example.com\nSG13 informs CATS of its new work item.",
			map[string]string{"to": "IETF CATS WG", "purpose": "information", "deadline": "", "in_response_to": ""}},
		{"empty TAB value, next label not taken as the value", "Title:\tLS on computing-aware networking\nSource:\tITU-T Study Group 13\n" +
			"Response to:\t\nFor action to:\tIETF CATS WG\nDeadline:\t\nContact:\tLi Wei\tE-mail: li.wei@example.com\nSG13 asks CATS to comment.",
			map[string]string{"in_response_to": "", "purpose": "action", "deadline": ""}},
	})
}

func TestUnspaceBanners(t *testing.T) {
	tests := []struct{ in, want string }{
		{"L IA ISON S TATEMENT", "LIAISON STATEMENT"},
		{"  L I A I S O N   S T A T E M E N T  ", "LIAISON STATEMENT"},
		{"x\nI NTERNATIONAL T ELECOMMUNICATION U NION\ny", "x\nINTERNATIONAL TELECOMMUNICATION UNION\ny"},
		{"O UTGOING L IAISON S TATEMENT\r", "OUTGOING LIAISON STATEMENT"},
		// left alone: already spelt, not a banner, not capitals only
		{"LIAISON STATEMENT", "LIAISON STATEMENT"},
		{"A B C D E F G H I J", "A B C D E F G H I J"},
		{"L ia ison S tatement", "L ia ison S tatement"},
		{"SA2 TO IETF DNSOP", "SA2 TO IETF DNSOP"},
	}
	for _, tt := range tests {
		if got := unspaceBanners(tt.in); got != tt.want {
			t.Errorf("unspaceBanners(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
