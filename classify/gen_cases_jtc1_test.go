package classify

// Own fixtures: ISO/IEC JTC 1 communications (SC 6, SC 27, SC 42).

func init() {
	addCase("jtc1-sc6-cover-act", func() ([]byte, expect) {
		date := rfcDate(2026, 4, 2, 6, 40, 9)
		text := `ISO/IEC JTC 1/SC 6 N17890

ISO/IEC JTC 1/SC 6
Telecommunications and information exchange between systems

Document type:       Liaison Organization Contribution
Title:               Future network transport protocols - request for
                     IETF input
Source:              ISO/IEC JTC 1/SC 6/WG 7
Status:              For action
To:                  IETF TSVWG
Date of document:    2026-03-30
Expected action:     ACT
Action due date:     2026-06-30
Email of secretary:  sc6-secretariat@example.net

Dear chairs of the IETF TSVWG,

ISO/IEC JTC 1/SC 6/WG 7 is progressing ISO/IEC 21558-4 on transport
protocols for future networks and would welcome TSVWG's input on
congestion control requirements by the action due date.

Convenor: Seo-yeon Lim, seoyeon.lim@example.com
`
		msg := rawMessage(append(envelope("statements@example.org", "sc6-secretariat@example.net", "mail.example.net", "198.51.100.6", date, "Rr3Ss4Tt5Uu6"),
			hdr{"From", addr("ISO/IEC JTC 1/SC 6 Secretariat", "sc6-secretariat@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "ISO/IEC JTC 1/SC 6 N17890 - liaison to IETF TSVWG"},
			hdr{"Date", date},
			hdr{"Message-ID", "<sc6-n17890@example.net>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Future network transport protocols - request for IETF input"), From: []string{"ISO/IEC JTC 1/SC 6/WG 7"},
			FromContacts: []string{"sc6-secretariat@example.net", "seoyeon.lim@example.com"}, To: []string{"IETF TSVWG"},
			SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-06-30"), OtherIdentifiers: []string{"N17890"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"TSVWG"}}
	})
	addCase("jtc1-sc27-info-no-date", func() ([]byte, expect) {
		date := rfcDate(2026, 5, 6, 8, 0, 2)
		text := `ISO/IEC JTC 1/SC 27 N23610

Document type:       Liaison statement
Title:               Publication of ISO/IEC 27566-1 age assurance framework
Source:              ISO/IEC JTC 1/SC 27/WG 5
To:                  IETF OAuth WG
Date of document:    2026-05-04
Expected action:     INFO
Email of secretary:  sc27-secretariat@example.net

WG 5 informs the IETF OAuth WG that ISO/IEC 27566-1 has been published.
The framework refers to token-based attribute presentation.
`
		msg := rawMessage(append(envelope("statements@example.org", "sc27-secretariat@example.net", "mail.example.net", "198.51.100.27", date, "Vv7Ww8Xx9Yy0"),
			hdr{"From", addr("ISO/IEC JTC 1/SC 27 Secretariat", "sc27-secretariat@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "SC 27 N23610 liaison statement (for information)"},
			hdr{"Date", date},
			hdr{"Message-ID", "<sc27-n23610@example.net>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Publication of ISO/IEC 27566-1 age assurance framework"), From: []string{"ISO/IEC JTC 1/SC 27/WG 5"},
			FromContacts: []string{"sc27-secretariat@example.net"}, To: []string{"IETF OAuth WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("information"), OtherIdentifiers: []string{"N23610"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"OAUTH"}}
	})
	addCase("jtc1-sc42-pdf-comm-no-date", func() ([]byte, expect) {
		date := rfcDate(2026, 5, 8, 13, 20, 2)
		p := newPDF()
		p.line("ISO/IEC JTC 1/SC 42 N4512", true)
		p.newline(6)
		p.line("ISO/IEC JTC 1/SC 42", true)
		p.line("Artificial intelligence", false)
		p.newline(6)
		p.kv("Document type:", "Liaison statement")
		p.kv("Title:", "AI system transparency and network management")
		p.kv("Source:", "ISO/IEC JTC 1/SC 42")
		p.kv("To:", "IRTF NMRG")
		p.kv("Date of document:", "2026-05-05")
		p.kv("Expected action:", "COMM")
		p.kv("Email of secretary:", "sc42-secretariat@example.net")
		p.newline(6)
		p.para("SC 42 has started a project on transparency taxonomies for AI systems and invites NMRG to comment on its applicability to AI-based network management.", 92)
		msg := rawMessage(append(envelope("statements@example.org", "sc42-secretariat@example.net", "mail.example.net", "198.51.100.42", date, "Zz1Aa2Bb3Cc4"),
			hdr{"From", addr("ISO/IEC JTC 1/SC 42 Secretariat", "sc42-secretariat@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "ISO/IEC JTC 1/SC 42 N4512"},
			hdr{"Date", date},
			hdr{"Message-ID", "<sc42-n4512@example.net>"},
		), multipartPart("mixed", "=_Part_sc42_4512",
			textPart("Please find attached document SC 42 N4512.\n\nSC 42 Secretariat\n", "plain", "us-ascii", "7bit"),
			attachPart(p.bytes(), "application/pdf", "SC42_N4512.pdf", false)))
		return msg, expect{IsLiaison: true, Title: sp("AI system transparency and network management"), From: []string{"ISO/IEC JTC 1/SC 42"},
			FromContacts: []string{"sc42-secretariat@example.net"}, To: []string{"IRTF NMRG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("information"), OtherIdentifiers: []string{"N4512"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"NMRG"},
			Attachments: []attExp{{"SC42_N4512.pdf", "application/pdf"}}}
	})
	addCase("jtc1-sc6-docx-comm-with-date", func() ([]byte, expect) {
		date := rfcDate(2026, 6, 11, 7, 0, 9)
		doc := buildDOCX("SC 6 Secretariat",
			wP("ISO/IEC JTC 1/SC 6 N17944", true),
			wP("", false),
			wTbl([][]string{
				{"**Document type:", "Liaison statement"},
				{"**Title:", "Review of draft ISO/IEC 21558-5 on future network security"},
				{"**Source:", "ISO/IEC JTC 1/SC 6/WG 7"},
				{"**To:", "IETF IPsecME WG"},
				{"**Status:", "For review and comment"},
				{"**Date of document:", "2026-06-09"},
				{"**Expected action:", "COMM"},
				{"**Action due date:", "15 January 2027"},
				{"**Email of secretary:", "sc6-secretariat@example.net"},
			}),
			wP("WG 7 invites IPsecME to review the security requirements of the draft.", false),
		)
		msg := rawMessage(append(envelope("statements@example.org", "sc6-secretariat@example.net", "mail.example.net", "198.51.100.6", date, "Gh9Ij0Kl1Mn2"),
			hdr{"From", addr("ISO/IEC JTC 1/SC 6 Secretariat", "sc6-secretariat@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "SC 6 N17944 for IETF IPsecME"},
			hdr{"Date", date},
			hdr{"Message-ID", "<sc6-n17944@example.net>"},
		), multipartPart("mixed", "=_Part_sc6_17944",
			textPart("Please find attached SC 6 N17944.\n", "plain", "us-ascii", "7bit"),
			attachPart(doc, docxCT, "JTC1-SC6_N17944.docx", false)))
		return msg, expect{IsLiaison: true, Title: sp("Review of draft ISO/IEC 21558-5 on future network security"), From: []string{"ISO/IEC JTC 1/SC 6/WG 7"},
			FromContacts: []string{"sc6-secretariat@example.net"}, To: []string{"IETF IPsecME WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2027-01-15"), OtherIdentifiers: []string{"N17944"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"IPSECME"},
			Attachments: []attExp{{"JTC1-SC6_N17944.docx", docxCT}}}
	})
}
