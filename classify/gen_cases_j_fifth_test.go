package classify

// Own fixtures, fifth batch: more date forms (no year, compact), notification variants,
// statements delivered through a list, a statement document next to another document, and
// Exchange-style automatic mail.

func init() {
	addCase("ieee-8023-compact-date-subject", func() ([]byte, expect) {
		date := rfcDate(2026, 11, 12, 20, 10, -8)
		text := `IEEE 802.3 Ethernet Working Group

12 November 2026

To:       IETF TSVWG
From:     Arvind Rao, Chair, IEEE 802.3 Working Group
Subject:  Congestion signalling for Ethernet time-aware traffic shaping

Dear TSVWG chairs,

IEEE 802.3 is studying how L4S congestion signals could be carried across
Ethernet segments that use time-aware shaping. We request your comments on
the attached study group report by January 15, 2027.

Sincerely,
Arvind Rao
Chair, IEEE 802.3 Working Group
arvind.rao@example.com
`
		msg := rawMessage(append(envelope("statements@example.org", "arvind.rao@example.com", "mail.example.com", "192.0.2.83", date, "Gh3Hi4Ij5Jk6"),
			hdr{"From", addr("Arvind Rao", "arvind.rao@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "IEEE 802.3 liaison to IETF TSVWG 12NOV2026"},
			hdr{"Date", date},
			hdr{"Message-ID", "<8023-tsvwg-12nov2026@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Congestion signalling for Ethernet time-aware traffic shaping"), From: []string{"IEEE 802.3 WG"},
			FromContacts: []string{"arvind.rao@example.com"}, To: []string{"IETF TSVWG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2027-01-15"), DeliveredTo: sp("statements@example.org"), RouteTo: []string{"TSVWG"}}
	})

	addCase("datatracker-needs-approval-comment", func() ([]byte, expect) {
		date := rfcDate(2026, 9, 14, 8, 30, -7)
		text := `Title: LS on OTN network slicing YANG models
Submission Date: 2026-09-14
URL of the IETF Web page: https://datatracker.example.org/liaison/2301/
Please reply by 2026-10-15

From: ITU-T-SG-15 (Marta Kowalska <marta.kowalska@example.com>)
To: TEAS (teas-chairs@example.org)
Cc: tsbsg15@example.net
Response Contact: tsbsg15@example.net
Technical Contact: Marta Kowalska <marta.kowalska@example.com>
Purpose: For comment

Body: Q14/15 invites TEAS to comment on the OTN slicing extensions of the
network slice service model.

Attachments:

    No document has been attached
`
		msg := rawMessage(append(envelope("statements@example.org", "wwwrun@example.org", "datatracker.example.org", "192.0.2.200", date, "Kl7Lm8Mn9No0"),
			hdr{"From", addr("Liaison Statement Management Tool", "statements@example.org")},
			hdr{"To", "teas-chairs@example.org"},
			hdr{"Cc", "statements@example.org"},
			hdr{"Subject", "New Liaison Statement, \"LS on OTN network slicing YANG models\" needs your approval"},
			hdr{"Date", date},
			hdr{"Message-ID", "<178944180001.1122.334455@datatracker.example.org>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("LS on OTN network slicing YANG models"), From: []string{"ITU-T SG15"},
			FromContacts: []string{"marta.kowalska@example.com", "tsbsg15@example.net"}, SendReplyTo: sp("tsbsg15@example.net"),
			To: []string{"IETF TEAS WG"}, ToContacts: []string{"teas-chairs@example.org"}, Purpose: sp("action"), Deadline: sp("2026-10-15"),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"TEAS"}}
	})

	addCase("mef-number-only-in-subject", func() ([]byte, expect) {
		date := rfcDate(2026, 8, 3, 16, 20, -4)
		text := `To:      IETF BMWG
From:    MEF Technical Committee
Subject: Benchmarking of SD-WAN edge devices

Dear BMWG chairs:

MEF has published MEF 118 on SD-WAN service attributes and is starting a
project on performance test methods for SD-WAN edge devices. MEF would
appreciate BMWG's views on reusing RFC 2544 and RFC 8239 test procedures
no later than September 30, 2026.

MEF meets next on October 19-22, 2026 in Lisbon.

Sincerely,
Delphine Arsenault
Chair, MEF Technical Committee
`
		msg := rawMessage(append(envelope("statements@example.org", "delphine.arsenault@example.com", "mail.example.com", "192.0.2.77", date, "Op1Pq2Qr3Rs4"),
			hdr{"From", addr("Delphine Arsenault", "delphine.arsenault@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "MEF liaison letter L00372"},
			hdr{"Date", date},
			hdr{"Message-ID", "<mef-L00372@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Benchmarking of SD-WAN edge devices"), From: []string{"MEF"},
			FromContacts: []string{"delphine.arsenault@example.com"}, To: []string{"IETF BMWG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2026-09-30"), OtherIdentifiers: []string{"L00372"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"BMWG"}}
	})

	addCase("itut-deadline-without-year", func() ([]byte, expect) {
		date := rfcDate(2026, 11, 20, 10, 0, 1)
		text := `Dear colleagues,

Please find below liaison statement SG17-LS118.

Source:               ITU-T Study Group 17
Title:                LS on EST-based enrolment for constrained devices

For action to:        IETF LAMPS WG
For information to:   IETF ACME WG
Deadline:             February 15th

Contact:   Jonas Weber, Q11/17 Rapporteur, jonas.weber@example.com

Q11/17 asks LAMPS whether the constrained EST profile will be revised.

TSB SG17 Secretariat
`
		msg := rawMessage(append(envelope("statements@example.org", "tsbsg17@example.net", "mx1.example.net", "198.51.100.17", date, "St5Tu6Uv7Vw8"),
			hdr{"From", addr("TSB SG17 Secretariat", "tsbsg17@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "SG17-LS118 to IETF LAMPS"},
			hdr{"Date", date},
			hdr{"Message-ID", "<SG17-LS118@example.net>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("LS on EST-based enrolment for constrained devices"), From: []string{"ITU-T SG17"},
			FromContacts: []string{"tsbsg17@example.net", "jonas.weber@example.com"}, To: []string{"IETF LAMPS WG", "IETF ACME WG"},
			SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2027-02-15"), OtherIdentifiers: []string{"SG17-LS118"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"LAMPS", "ACME"}}
	})

	addCase("bbf-misdirected-via-list", func() ([]byte, expect) {
		date := rfcDate(2026, 8, 20, 9, 40, 1)
		text := `LIAISE-640

Date:     19 August 2026
From:     Broadband Forum Technical Committee
To:       IETF IPPM WG
Subject:  Packet loss metrics for fixed wireless access

Dear IPPM chairs,

BBF would like to inform IPPM of its new project on packet loss metrics for
fixed wireless access. This liaison is for information.

Ruth Adeyemi
Broadband Forum Technical Committee Chair

Broadband Forum Reference: LIAISE-640
_______________________________________________
OPSAWG mailing list -- opsawg@example.org
`
		msg := rawMessage(append(envelope("opsawg@example.org", "opsawg-bounces@example.org", "mail.example.org", "192.0.2.3", date, "Wx9Xy0Yz1Za2"),
			hdr{"From", addr("Broadband Forum Liaisons", "bbf-liaisons@example.net")},
			hdr{"To", "opsawg@example.org"},
			hdr{"Subject", "[OPSAWG] BBF LIAISE-640: Packet loss metrics for fixed wireless access"},
			hdr{"Date", date},
			hdr{"Message-ID", "<LIAISE-640@example.net>"},
			hdr{"List-Id", "Operations and Management Area Working Group <opsawg.example.org>"},
			hdr{"Precedence", "list"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Packet loss metrics for fixed wireless access"), From: []string{"BBF"},
			FromContacts: []string{"bbf-liaisons@example.net"}, To: []string{"IETF IPPM WG"}, Purpose: sp("information"),
			OtherIdentifiers: []string{"LIAISE-640"}, DeliveredTo: sp("opsawg@example.org"), Misdirected: true, RouteTo: []string{"IPPM"}}
	})

	addCase("3gpp-ls-docx-and-cr-docx", func() ([]byte, expect) {
		date := rfcDate(2026, 9, 2, 7, 50, 2)
		ls := buildDOCX("MCC",
			wP("3GPP TSG CT WG4 Meeting #136\t\t\tC4-263311", true),
			wP("", false),
			wP("Title:\tLS on Diameter-to-HTTP interworking for roaming", true),
			wP("Response to:\t", false),
			wP("Source:\tCT4", false),
			wP("To:\tIETF HTTPBIS WG", false),
			wP("Contact Person:", false),
			wP("Name:\tKeoni Kahale", false),
			wP("E-mail Address:\tkeoni.kahale@example.com", false),
			wP("Send any reply LS to:\t"+gppReply, false),
			wP("Attachments:\tC4-263290", false),
			wP("2. Actions:", true),
			wP("ACTION:\tCT4 asks HTTPBIS to review the interworking function described in the attached CR and to reply by 16 October 2026.", false),
		)
		cr := buildDOCX("MCC",
			wP("3GPP TSG-CT WG4 Meeting #136\t\t\tC4-263290", true),
			wP("CHANGE REQUEST", true),
			wTbl([][]string{
				{"**Title:", "Interworking function for Diameter roaming interfaces"},
				{"**Source to WG:", "Nokia, Ericsson"},
				{"**Source to TSG:", "CT4"},
				{"**Work item code:", "DHI"},
				{"**Date:", "2026-08-27"},
				{"**Category:", "B"},
				{"**Release:", "Rel-20"},
			}),
			wP("Reason for change: the interworking function must map Diameter result codes to HTTP status codes.", false),
		)
		msg := rawMessage(append(envelope("statements@example.org", "annika.lehtonen@example.com", "mail.example.com", "192.0.2.90", date, "Ab3Bc4Cd5De6"),
			hdr{"From", addr("Annika Lehtonen", "annika.lehtonen@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "LS C4-263311 to IETF HTTPBIS (with CR C4-263290)"},
			hdr{"Date", date},
			hdr{"Message-ID", "<c4-263311@example.com>"},
		), multipartPart("mixed", "=_Part_c4_263311",
			textPart("Dear HTTPBIS chairs,\n\nattached are LS C4-263311 and the CR it refers to.\n\nAnnika\n", "plain", "us-ascii", "7bit"),
			attachPart(cr, docxCT, "C4-263290.docx", false),
			attachPart(ls, docxCT, "C4-263311.docx", false)))
		return msg, expect{IsLiaison: true, Title: sp("LS on Diameter-to-HTTP interworking for roaming"), From: []string{"3GPP TSG CT WG4"},
			FromContacts: []string{"annika.lehtonen@example.com", "keoni.kahale@example.com"}, SendReplyTo: sp("3gppliaison@example.net"),
			To: []string{"IETF HTTPBIS WG"}, SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-10-16"),
			OtherIdentifiers: []string{"C4-263311"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"HTTPBIS"},
			Attachments: []attExp{{"C4-263290.docx", docxCT}, {"C4-263311.docx", docxCT}}}
	})

	addCase("w3c-prose-response-quoted", func() ([]byte, expect) {
		date := rfcDate(2026, 9, 8, 15, 15, -4)
		text := `Dear OAuth WG chairs,

On behalf of the W3C Web Application Security Working Group, and in
response to your liaison statement "Browser-based OAuth clients and
partitioned storage" of 2 July 2026, I would like to confirm that the
group does not plan to change the storage access rules for OAuth
redirect flows. The relevant discussion is summarised in our issue
tracker.

Best regards,
Amara Lindgren
W3C Team Contact, Web Application Security Working Group
amara.lindgren@example.com
`
		msg := rawMessage(append(envelope("statements@example.org", "amara.lindgren@example.com", "mail.example.com", "192.0.2.210", date, "Ef7Fg8Gh9Hi0"),
			hdr{"From", addr("Amara Lindgren", "amara.lindgren@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Cc", "oauth-chairs@example.org"},
			hdr{"Subject", "Liaison: Response on browser-based OAuth clients and partitioned storage"},
			hdr{"Date", date},
			hdr{"Message-ID", "<w3c-webappsec-oauth-reply@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Response on browser-based OAuth clients and partitioned storage"), From: []string{"W3C WebAppSec WG"},
			FromContacts: []string{"amara.lindgren@example.com"}, To: []string{"IETF OAuth WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("response"), InResponseTo: sp("Browser-based OAuth clients and partitioned storage"),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"OAUTH"}}
	})

	addCase("neg-exchange-ooo-html", func() ([]byte, expect) {
		date := rfcDate(2026, 9, 2, 7, 51, 2)
		html := `<html><body><p>Hello,</p><p>I am away from the office until Monday 14 September 2026 and will not be checking email. Your message regarding the liaison statement will be handled on my return.</p><p>Kind regards,<br>Joe</p></body></html>`
		msg := rawMessage(append(envelope("statements@example.org", "joe.clarke@example.com", "mail.example.com", "192.0.2.161", date, "Ij1Jk2Kl3Lm4"),
			hdr{"From", addr("Joe Clarke", "joe.clarke@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Automatic reply: LS C4-263311 to IETF HTTPBIS (with CR C4-263290)"},
			hdr{"Date", date},
			hdr{"Message-ID", "<ooo-joe-20260902@example.com>"},
			hdr{"X-Auto-Response-Suppress", "All"},
		), textPart(html, "html", "utf-8", "quoted-printable"))
		return msg, negative("statements@example.org")
	})

	addCase("neg-exchange-ndr", func() ([]byte, expect) {
		date := rfcDate(2026, 9, 2, 7, 52, 2)
		returned := rawMessage([]hdr{
			{"From", addr("IETF Liaison Statements", "statements@example.org")},
			{"To", "gone@example.com"},
			{"Subject", "LS C4-263311 to IETF HTTPBIS"},
			{"Date", date},
		}, textPart("Title: LS on Diameter-to-HTTP interworking for roaming\nSource: CT4\nTo: IETF HTTPBIS WG\n", "plain", "us-ascii", "7bit"))
		report := multipartParams("report", "ndr_boundary_77", "; report-type=delivery-status",
			textPart("Delivery has failed to these recipients or groups:\n\ngone@example.com\nThe email address you entered couldn't be found.\n", "plain", "us-ascii", "7bit"),
			part{hdrs: []hdr{{"Content-Type", "message/delivery-status"}}, body: []byte(toCRLF("Reporting-MTA: dns;mail.example.org\n\nFinal-Recipient: rfc822;gone@example.com\nAction: failed\nStatus: 5.1.10\n"))},
			rfc822Part(returned, ""),
		)
		msg := rawMessage(append(envelope("statements@example.org", "", "mail.example.org", "192.0.2.4", date, "Mn5No6Op7Pq8"),
			hdr{"From", addr("Microsoft Outlook", "postmaster@example.org")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Undeliverable: LS C4-263311 to IETF HTTPBIS"},
			hdr{"Date", date},
			hdr{"Message-ID", "<ndr-c4-263311@example.org>"},
		), report)
		return msg, negative("statements@example.org")
	})
}
