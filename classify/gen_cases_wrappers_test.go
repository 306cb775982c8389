package classify

// Own fixtures: what wraps a statement. A working group list that forwards a statement
// (the list's sender, "[list]" tag and footer are not the statement's; the forwarded header
// block is), a draft reply circulated for comment (not a statement sent to the IETF), and
// one mail carrying two statements (the first is extracted, the other named, and the whole
// left to a person). Layouts as described in docs/liaison-formats.md section 14.

func init() {
	list := func(name, tag string) []hdr {
		return []hdr{{"List-Id", "Discussion list of " + name + " <" + tag + ".example.org>"},
			{"List-Unsubscribe", "<https://lists.example.org/mailman/options/" + tag + ">"},
			{"Precedence", "list"}}
	}
	footer := func(tag string) string {
		return "\n_______________________________________________\n" + tag + " mailing list\n" + tag + "@example.org\nhttps://lists.example.org/mailman/listinfo/" + tag + "\n"
	}

	// ---- a list forward ---------------------------------------------------------------
	addRuleCase("fwd-list-inline-statement-header", []string{"is_liaison", "title", "from", "to", "from_contacts", "to_contacts", "send_to"}, func() ([]byte, expect) {
		date := rfcDate(2018, 2, 5, 9, 30, 1)
		note := "Dear all,\n\nFYI, the LS below was received from ITU-T SG15.\n\nDeborah\n\n" +
			"---------- Forwarded message ---------\nFrom: TSB SG15 <tsbsg15@itu.example>\nDate: Fri, 2 Feb 2018 at 16:20\n" +
			"Subject: LS on OTN beyond 100G\nTo: <statements@example.org>\n\n" +
			"Source:    ITU-T Study Group 15\nTitle:     LS on OTN beyond 100G\nFor action to:  IETF CCAMP WG\nDeadline:  30 April 2018\n" +
			"Contact:   Ana Silva  E-mail: ana.silva@example.com\n\nSG15 asks CCAMP to review the OTN beyond 100G models.\n" + footer("ccamp")
		msg := coverMail{fromName: "Deborah Brandt", fromAddr: "deborah.brandt@example.com", to: "ccamp@example.org",
			subject: "[CCAMP] Fwd: LS on OTN beyond 100G", note: note, date: date, extra: list("CCAMP", "ccamp")}.bytes()
		return msg, expect{IsLiaison: true, Title: sp("LS on OTN beyond 100G"), From: []string{"ITU-T SG15"},
			FromContacts: []string{"tsbsg15@itu.example", "ana.silva@example.com"}, To: []string{"IETF CCAMP WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2018-04-30"), DeliveredTo: sp("ccamp@example.org"), RouteTo: []string{"CCAMP"}}
	})
	addRuleCase("fwd-list-rfc822-statement", []string{"is_liaison", "title", "from", "to", "from_contacts", "to_contacts", "send_to"}, func() ([]byte, expect) {
		date := rfcDate(2018, 3, 12, 11, 0, 0)
		inner := rawMessage([]hdr{{"From", addr("3GPP Liaisons", "3gppliaison@example.net")}, {"To", "statements@example.org"},
			{"Subject", "LS on URSP rules for DNS"}, {"Date", rfcDate(2018, 3, 9, 10, 0, 1)}, {"Message-ID", "<C1-181234@example.net>"}},
			textPart("Title:         LS on URSP rules for DNS\nSource:        CT WG1\nTo:            IETF ADD WG\n"+
				"Contact Person:\nName:          Ines Moreau\nE-mail:        ines.moreau@example.com\n\n1. Overall Description:\nCT1 informs the ADD WG of its URSP rules.\n", "plain", "us-ascii", "7bit"))
		msg := coverMail{fromName: "Tommy Jensen via Add", fromAddr: "add-bounces@example.org", to: "add@example.org",
			subject: "[Add] FW: LS on URSP rules for DNS", note: "Forwarding for the WG's information.\n" + footer("add"), date: date,
			extra: list("ADD", "add"), atts: []part{rfc822Part(inner, "")}}.bytes()
		return msg, expect{IsLiaison: true, Title: sp("LS on URSP rules for DNS"), From: []string{"3GPP TSG CT WG1"},
			FromContacts: []string{"3gppliaison@example.net", "ines.moreau@example.com"}, To: []string{"IETF ADD WG"},
			SendTo: sp("statements@example.org"), Purpose: sp("information"), DeliveredTo: sp("add@example.org")}
	})
	addRuleCase("fwd-list-outlook-header-block", []string{"is_liaison", "title", "from", "to", "from_contacts", "to_contacts", "send_to"}, func() ([]byte, expect) {
		date := rfcDate(2017, 11, 20, 15, 45, -5)
		note := "Passing this on to the list.\n\nFrom: BBF Liaisons [mailto:liaisons@bbf.example]\nSent: Monday, November 20, 2017 10:12 AM\n" +
			"To: statements@example.org\nSubject: LIAISE-350 Update on YANG module publication\n\n" +
			"Broadband Forum Reference: LIAISE-350\nTitle: Update on YANG module publication\nFrom: Broadband Forum Technical Committee\n" +
			"To: IETF NETMOD WG\nPurpose: For information\n\nThe Broadband Forum has published its YANG modules.\n" + footer("netmod")
		msg := coverMail{fromName: "Kent Lowe", fromAddr: "kent.lowe@example.com", to: "netmod@example.org",
			subject: "[netmod] FW: LIAISE-350 Update on YANG module publication", note: note, date: date, extra: list("NETMOD", "netmod")}.bytes()
		return msg, expect{IsLiaison: true, Title: sp("Update on YANG module publication"), From: []string{"BBF"},
			FromContacts: []string{"liaisons@bbf.example"}, To: []string{"NETMOD"}, SendTo: sp("statements@example.org"),
			Purpose: sp("information"), OtherIdentifiers: []string{"LIAISE-350"}, DeliveredTo: sp("netmod@example.org"), RouteTo: []string{"NETMOD"}}
	})

	// ---- a draft circulated for comment -------------------------------------------------
	draft := func(name, fromName, fromAddr, to, subject, note string, extra []hdr, atts ...part) {
		addRuleCase(name, []string{"is_liaison"}, func() ([]byte, expect) {
			msg := coverMail{fromName: fromName, fromAddr: fromAddr, to: to, subject: subject, note: note,
				date: rfcDate(2017, 8, 21, 8, 0, 2), extra: extra, atts: atts}.bytes()
			return msg, negative(to)
		})
	}
	draft("3gpp-draft-reply-placeholder", "Miguel Sanz", "miguel.sanz@example.com", "dmm@example.org", "[DMM] draft reply LS from SA2 for early comments",
		"Hi all,\n\nSA2 will discuss the attached draft reply next week; comments from DMM participants are welcome.\n\nMiguel\n"+footer("dmm"),
		list("DMM", "dmm"), pdfAtt("S2-17xxxx_draft_reply_LS.pdf", []string{
			"3GPP TSG SA WG2 Meeting #123\tS2-17xxxx",
			"Ljubljana, Slovenia, 23 – 27 October 2017",
			"Title:\t[DRAFT] Reply LS on distributed mobility anchors",
			"Response to:\tLS from IETF DMM",
			"Source:\tSA WG2",
			"To:\tIETF DMM WG",
			"1. Overall Description:",
			"SA2 thanks the IETF DMM WG for its LS.",
		}))
	draft("itut-draft-ls-banner", "Ana Silva", "ana.silva@example.com", "ccamp@example.org", "Draft LS to CCAMP for review",
		"Dear CCAMP participants,\n\nQ14/15 is preparing the LS below; comments before the meeting are welcome.\n\n"+
			"DRAFT LIAISON STATEMENT\nSource:  ITU-T Study Group 15 (Q14/15)\nTitle:   LS on OTN topology models\nFor action to:  IETF CCAMP WG\n"+
			"Deadline:  [to be agreed]\n\nSG15 asks CCAMP to review the models.\n"+footer("ccamp"), list("CCAMP", "ccamp"))
	draft("3gpp-draft-sp-placeholder-direct", "Rui Almeida", "rui.almeida@example.com", "statements@example.org", "Draft: LS on network exposure",
		"Please find below the draft LS for your early review; the final LS will follow after the plenary.\n\n"+
			"3GPP TSG SA Meeting #77\tSP-170XXX\nTitle:  LS on network exposure\nSource:  TSG SA\nTo:  IETF OPSAWG\n\n1. Overall Description:\nTSG SA informs OPSAWG of its exposure framework.\n", nil)

	// ---- two statements in one mail -----------------------------------------------------
	two := func(name, subject string, a, b part, names [2]string, exp expect) {
		addRuleCase(name, []string{"is_liaison", "title", "warn:carries 2 statements"}, func() ([]byte, expect) {
			msg := coverMail{fromName: "TSB SG15", fromAddr: "tsbsg15@itu.example", subject: subject,
				note: "Please find attached two liaison statements.\n", date: rfcDate(2018, 7, 9, 9, 0, 2), atts: []part{a, b}}.bytes()
			exp.IsLiaison, exp.SendTo, exp.DeliveredTo = true, sp("statements@example.org"), sp("statements@example.org")
			exp.Attachments = []attExp{{names[0], "application/pdf"}, {names[1], "application/pdf"}}
			return msg, exp
		})
	}
	ls := func(num, title, to string) []string {
		return []string{"INTERNATIONAL TELECOMMUNICATION UNION\t" + num, "TELECOMMUNICATION STANDARDIZATION SECTOR", "STUDY PERIOD 2017-2020",
			"Source:\tITU-T Study Group 15", "Title:\t" + title, "LIAISON STATEMENT", "For information to:\t" + to,
			"Contact:\tAna Silva\tE-mail: ana.silva@example.com", "SG15 informs " + to + " of its progress."}
	}
	two("itut-two-statements-two-pdfs", "Two LSs from SG15",
		pdfAtt("SG15-LS101.pdf", ls("SG15-LS101", "LS on OTN beyond 100G", "IETF CCAMP WG")),
		pdfAtt("SG15-LS102.pdf", ls("SG15-LS102", "LS on packet timing", "IETF TICTOC WG")),
		[2]string{"SG15-LS101.pdf", "SG15-LS102.pdf"},
		expect{Title: sp("LS on OTN beyond 100G"), From: []string{"ITU-T SG15"}, FromContacts: []string{"tsbsg15@itu.example", "ana.silva@example.com"},
			To: []string{"IETF CCAMP WG"}, Purpose: sp("information"), OtherIdentifiers: []string{"SG15-LS101", "SG15-LS102"}, RouteTo: []string{"CCAMP"}})
	two("itut-two-statements-reply-and-new", "LSs from SG15 meeting",
		pdfAtt("SG15-LS110.pdf", append(ls("SG15-LS110", "Reply LS on flexible Ethernet", "IETF CCAMP WG"), "Response to:\tLS from CCAMP on FlexE")),
		pdfAtt("SG15-LS111.pdf", ls("SG15-LS111", "LS on Ethernet OAM", "IETF CCAMP WG")),
		[2]string{"SG15-LS110.pdf", "SG15-LS111.pdf"},
		expect{Title: sp("Reply LS on flexible Ethernet"), From: []string{"ITU-T SG15"}, FromContacts: []string{"tsbsg15@itu.example", "ana.silva@example.com"},
			To: []string{"IETF CCAMP WG"}, Purpose: sp("response"), InResponseTo: sp("LS from CCAMP on FlexE"), OtherIdentifiers: []string{"SG15-LS110", "SG15-LS111"}, RouteTo: []string{"CCAMP"}})
	two("itut-two-statements-same-group", "SG15 liaison statements",
		pdfAtt("LS-a.pdf", ls("SG15-LS120", "LS on OTN YANG", "IETF CCAMP WG")),
		pdfAtt("LS-b.pdf", ls("SG15-LS121", "LS on WSON YANG", "IETF CCAMP WG")),
		[2]string{"LS-a.pdf", "LS-b.pdf"},
		expect{Title: sp("LS on OTN YANG"), From: []string{"ITU-T SG15"}, FromContacts: []string{"tsbsg15@itu.example", "ana.silva@example.com"},
			To: []string{"IETF CCAMP WG"}, Purpose: sp("information"), OtherIdentifiers: []string{"SG15-LS120", "SG15-LS121"}, RouteTo: []string{"CCAMP"}})
}
