package classify

import "strings"

// Own fixtures, third batch: layouts where labels and values are split differently, forwards
// the mail parser cannot split, an outgoing IETF statement copied to the intake, and more
// automated non-statements.

func init() {
	addCase("3gpp-html-labels-in-paragraphs", func() ([]byte, expect) {
		date := rfcDate(2026, 6, 26, 8, 40, 2)
		html := `<html><body>
<p>Dear TSVWG chairs,</p>
<p>Please find the LS from 3GPP SA2 below.</p>
<p><b>Title:</b></p>
<p>LS on L4S congestion marking at the UPF</p>
<p><b>Response to:</b></p>
<p><b>Source:</b></p>
<p>SA2</p>
<p><b>To:</b></p>
<p>IETF TSVWG</p>
<p><b>Contact Person:</b></p>
<p>Adaeze Okafor, adaeze.okafor@example.com</p>
<p><b>Send any reply LS to:</b></p>
<p>3GPP Liaisons Coordinator, 3gppliaison@example.net</p>
<p><b>1. Overall Description:</b></p>
<p>SA2 is specifying L4S support in the 5G System and would like to confirm the behaviour of the UPF as an L4S-capable node.</p>
<p><b>2. Actions:</b></p>
<p>ACTION: SA2 asks TSVWG to review the assumptions in TS 23.501 clause 5.37 and to reply before 21 August 2026.</p>
<p>Regards,<br>Adaeze Okafor</p>
</body></html>`
		msg := rawMessage(append(envelope("statements@example.org", "adaeze.okafor@example.com", "mail.example.com", "192.0.2.33", date, "Cd9Ef0Gh1Ij2"),
			hdr{"From", addr("Adaeze Okafor", "adaeze.okafor@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "S2-2605501 LS on L4S marking at the UPF"},
			hdr{"Date", date},
			hdr{"Message-ID", "<s2-2605501@example.com>"},
		), textPart(html, "html", "utf-8", "quoted-printable"))
		return msg, expect{IsLiaison: true, Title: sp("LS on L4S congestion marking at the UPF"), From: []string{"3GPP TSG SA WG2"},
			FromContacts: []string{"adaeze.okafor@example.com"}, SendReplyTo: sp("3gppliaison@example.net"), To: []string{"IETF TSVWG"},
			SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-08-21"), OtherIdentifiers: []string{"S2-2605501"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"TSVWG"}}
	})

	addCase("itut-question-as-source", func() ([]byte, expect) {
		date := rfcDate(2026, 6, 29, 12, 12, 2)
		text := `Dear colleagues,

The Q11/15 rapporteur meeting agreed the following liaison statement.

Source:               Q11/15 Rapporteur meeting (virtual, 22-26 June 2026)
Title:                LS on Ethernet OAM for FlexE client services

For action to:        IETF CCAMP WG
For comment to:
For information to:   MEF
Deadline:             18 September 2026

Contact:   Viktor Andersen, Q11/15 Rapporteur, viktor.andersen@example.com

Q11/15 asks CCAMP whether the FlexE client YANG model should reference
the Ethernet OAM model of IEEE 802.1Q.

TSB SG15 Secretariat
`
		msg := rawMessage(append(envelope("statements@example.org", "tsbsg15@example.net", "mx1.example.net", "198.51.100.15", date, "Kl3Mn4Op5Qr6"),
			hdr{"From", addr("TSB SG15", "tsbsg15@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "LS from Q11/15 on Ethernet OAM for FlexE client services"},
			hdr{"Date", date},
			hdr{"Message-ID", "<q11-15-flexe-oam@example.net>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("LS on Ethernet OAM for FlexE client services"), From: []string{"ITU-T SG15"},
			FromContacts: []string{"tsbsg15@example.net", "viktor.andersen@example.com"}, To: []string{"IETF CCAMP WG", "MEF"},
			SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-09-18"),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"CCAMP"}}
	})

	addCase("fwd-quoted-with-markers", func() ([]byte, expect) {
		date := rfcDate(2026, 7, 1, 9, 9, 2)
		quoted := `From: Sun-Hee Park <sunhee.park@example.com>
Date: Tue, 30 Jun 2026 16:20:11 +0900
To: lamps-chairs@example.org
Subject: O-RAN WG11 LS on CRL distribution for O-RAN components

Title:      CRL distribution for O-RAN components
From:       O-RAN Alliance WG11
To:         IETF LAMPS WG
Purpose:    For information
Deadline:   None
Contact:    Sun-Hee Park, WG11 editor, sunhee.park@example.com

WG11 informs LAMPS that its security specification now mandates CRL
distribution points in all O-RAN component certificates.`
		text := "FYI, forwarding for the record.\n\nRuss\n\n> " + strings.ReplaceAll(quoted, "\n", "\n> ") + "\n"
		msg := rawMessage(append(envelope("statements@example.org", "russ.hatch@example.com", "mail.example.com", "192.0.2.66", date, "St7Uv8Wx9Yz0"),
			hdr{"From", addr("Russ Hatch", "russ.hatch@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Fwd: O-RAN WG11 LS on CRL distribution for O-RAN components"},
			hdr{"Date", date},
			hdr{"Message-ID", "<fwd-quoted-wg11@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("CRL distribution for O-RAN components"), From: []string{"O-RAN Alliance WG11"},
			FromContacts: []string{"sunhee.park@example.com"}, To: []string{"IETF LAMPS WG"}, ToContacts: []string{"lamps-chairs@example.org"},
			Purpose: sp("information"), DeliveredTo: sp("statements@example.org"), RouteTo: []string{"LAMPS"}}
	})

	addCase("outlook-fw-starred-header-block", func() ([]byte, expect) {
		date := rfcDate(2026, 7, 2, 15, 0, 2)
		text := `Forwarding to the intake - sent to the MADINAS chairs only.

Carlos

*From:* Rebecca Ostrowski <rebecca.ostrowski@example.com>
*Sent:* Wednesday, July 1, 2026 6:02 PM
*To:* madinas-chairs@example.org
*Subject:* IEEE 802.11 liaison on MAC address randomization in Wi-Fi 8

IEEE 802.11 Working Group

To:       Juan Carlos Zúñiga and Carlos Bernardos, Co-Chairs, IETF MADINAS WG
From:     Rebecca Ostrowski, Chair, IEEE 802.11 WG
Subject:  MAC address randomization in Wi-Fi 8 (IEEE 802.11bn)

Dear Juan Carlos and Carlos,

IEEE 802.11 asks MADINAS to review the identifier handling in the
802.11bn draft and would appreciate comments by 2 October 2026.

Regards,
Rebecca Ostrowski
`
		msg := rawMessage(append(envelope("statements@example.org", "carlos.bernardos@example.com", "mail.example.com", "192.0.2.120", date, "Ab1Bc2Cd3De4"),
			hdr{"From", addr("Carlos Bernardos", "carlos.bernardos@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "FW: IEEE 802.11 liaison on MAC address randomization in Wi-Fi 8"},
			hdr{"Date", date},
			hdr{"Message-ID", "<AS8PR10MB70A1B2C3D4E5F6@AS8PR10MB70A1.eurprd10.example.com>"},
		), multipartPart("alternative", "_000_AS8PR10MB70A1_",
			textPart(text, "plain", "utf-8", "quoted-printable"),
			textPart("<html><body><p>"+strings.ReplaceAll(text, "\n", "<br>")+"</p></body></html>", "html", "utf-8", "quoted-printable")))
		return msg, expect{IsLiaison: true, Title: sp("MAC address randomization in Wi-Fi 8 (IEEE 802.11bn)"), From: []string{"IEEE 802.11 WG"},
			FromContacts: []string{"rebecca.ostrowski@example.com"}, To: []string{"IETF MADINAS WG"}, ToContacts: []string{"madinas-chairs@example.org"},
			Purpose: sp("action"), Deadline: sp("2026-10-02"), DeliveredTo: sp("statements@example.org"), RouteTo: []string{"MADINAS"}}
	})

	addCase("itut-pdf-unlabelled-title-line", func() ([]byte, expect) {
		date := rfcDate(2026, 7, 6, 10, 30, 2)
		p := newPDF()
		p.put(56, p.y, "INTERNATIONAL TELECOMMUNICATION UNION", true, 9)
		p.put(400, p.y, "SG13-LS130", true, 12)
		p.newline(12)
		p.put(56, p.y, "TELECOMMUNICATION STANDARDIZATION SECTOR", true, 9)
		p.newline(20)
		p.line("LIAISON STATEMENT", true)
		p.line("LS on quantum key distribution network management interfaces", true)
		p.newline(6)
		p.kv("Source:", "ITU-T Study Group 13")
		p.kv("For action to:", "IRTF NMRG")
		p.kv("Deadline:", "30 November 2026")
		p.kv("Contact:", "Kwame Mensah, kwame.mensah@example.com")
		p.newline(6)
		p.para("Q16/13 asks NMRG to comment on the management interface requirements for QKD networks in draft Y.QKDN-mi.", 92)
		msg := rawMessage(append(envelope("statements@example.org", "tsbsg13@example.net", "mx1.example.net", "198.51.100.13", date, "Ef5Fg6Gh7Hi8"),
			hdr{"From", addr("TSB SG13", "tsbsg13@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "SG13-LS130"},
			hdr{"Date", date},
			hdr{"Message-ID", "<SG13-LS130.20260706@example.net>"},
		), multipartPart("mixed", "----=_NextPart_000_0130",
			textPart("Please find attached SG13-LS130.\n", "plain", "us-ascii", "7bit"),
			attachPart(p.bytes(), "application/pdf", "SG13-LS130.pdf", false)))
		return msg, expect{IsLiaison: true, Title: sp("LS on quantum key distribution network management interfaces"), From: []string{"ITU-T SG13"},
			FromContacts: []string{"tsbsg13@example.net", "kwame.mensah@example.com"}, To: []string{"IRTF NMRG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2026-11-30"), OtherIdentifiers: []string{"SG13-LS130"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"NMRG"},
			Attachments: []attExp{{"SG13-LS130.pdf", "application/pdf"}}}
	})

	addCase("ietf-outgoing-ls-copied-to-intake", func() ([]byte, expect) {
		date := rfcDate(2026, 7, 8, 17, 45, -4)
		text := `Title:    Reply LS on QoS monitoring for time-sensitive flows
From:     IETF DetNet WG
To:       3GPP TSG RAN WG3
Cc:       3GPP TSG SA WG2
Response to: LS on QoS monitoring for time-sensitive flows (R3-261502)
Purpose:  In response
Contact:  Aiko Tanabe, DetNet co-chair, aiko.tanabe@example.com
          Marcus Ellery, DetNet co-chair, marcus.ellery@example.com

The DetNet WG thanks RAN3 for its LS. The DetNet OAM framework defines a
measurement point at the relay node that corresponds to the gNB
measurement described in your LS.

Aiko Tanabe and Marcus Ellery
DetNet WG chairs
`
		msg := rawMessage(append(envelope("statements@example.org", "detnet-chairs@example.org", "mail.example.org", "192.0.2.3", date, "Ij9Jk0Kl1Lm2"),
			hdr{"From", addr("DetNet WG Chairs", "detnet-chairs@example.org")},
			hdr{"To", "3gppliaison@example.net"},
			hdr{"Cc", "statements@example.org, detnet@example.org"},
			hdr{"Subject", "Reply LS on QoS monitoring for time-sensitive flows"},
			hdr{"Date", date},
			hdr{"Message-ID", "<detnet-reply-r3-261502@example.org>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Reply LS on QoS monitoring for time-sensitive flows"), From: []string{"IETF DetNet WG"},
			FromContacts: []string{"detnet-chairs@example.org", "aiko.tanabe@example.com", "marcus.ellery@example.com"},
			To:           []string{"3GPP TSG RAN WG3"}, SendTo: sp("3gppliaison@example.net"), Purpose: sp("response"),
			InResponseTo: sp("LS on QoS monitoring for time-sensitive flows (R3-261502)"), DeliveredTo: sp("statements@example.org")}
	})

	addCase("neg-list-digest", func() ([]byte, expect) {
		date := rfcDate(2026, 3, 5, 12, 0, -8)
		text := `Send CCAMP mailing list submissions to
	ccamp@example.org

Today's Topics:

   1. New Liaison Statement, "LS on OTN path computation constraints"
      (Liaison Statement Management Tool)
   2. Re: OTN tunnel model (Italo Busi)

----------------------------------------------------------------------

Message: 1
Date: Tue, 24 Feb 2026 08:11:02 -0800
From: Liaison Statement Management Tool <statements@example.org>
Subject: [CCAMP] New Liaison Statement, "LS on OTN path computation
	constraints"

Title: LS on OTN path computation constraints
From: ITU-T-SG-15
To: CCAMP
Purpose: For action
Please reply by 2026-09-30
`
		msg := rawMessage(append(envelope("statements@example.org", "ccamp-bounces@example.org", "mail.example.org", "192.0.2.3", date, "Mn3No4Op5Pq6"),
			hdr{"From", "ccamp-request@example.org"},
			hdr{"To", "ccamp@example.org"},
			hdr{"Cc", "statements@example.org"},
			hdr{"Subject", "CCAMP Digest, Vol 215, Issue 3"},
			hdr{"Date", date},
			hdr{"Message-ID", "<mailman.123.1772323200.4321.ccamp@example.org>"},
			hdr{"List-Id", "Discussion list for the CCAMP working group <ccamp.example.org>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, negative("statements@example.org")
	})

	addCase("neg-manual-reminder", func() ([]byte, expect) {
		date := rfcDate(2026, 9, 10, 9, 0, 2)
		text := `Dear CCAMP chairs,

A gentle reminder that the response to the ITU-T SG15 liaison statement
SG15-LS151, "LS on management of fine-grain OTN (fgOTN) in the IETF TE
topology models", is due on 25 September 2026.

Please let me know whether a reply LS is being prepared.

Best regards,
Hedda Lund
IETF Liaison Manager to ITU-T
`
		msg := rawMessage(append(envelope("statements@example.org", "hedda.lund@example.com", "mail.example.com", "192.0.2.140", date, "Qr7Rs8St9Tu0"),
			hdr{"From", addr("Hedda Lund", "hedda.lund@example.com")},
			hdr{"To", "ccamp-chairs@example.org"},
			hdr{"Cc", "statements@example.org"},
			hdr{"Subject", "Reminder: reply to SG15-LS151 due 25 September"},
			hdr{"Date", date},
			hdr{"Message-ID", "<reminder-sg15-ls151@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, negative("statements@example.org")
	})
}
