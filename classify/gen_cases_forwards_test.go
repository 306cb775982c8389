package classify

import "strings"

// Own fixtures: forwards the mail parser cannot split: quoted with markers, Outlook's
// starred header block, contact role lines in an inline forward.

func init() {
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
	addCase("inline-forward-contact-role-lines", func() ([]byte, expect) {
		date := rfcDate(2026, 10, 27, 10, 10, 1)
		text := `FYI, this came to me directly.

Rob

---------- Forwarded message ---------
From: BBF Liaisons <bbf-liaisons@example.net>
Date: Mon, 26 Oct 2026 at 16:02
Subject: Broadband Forum liaison on access network telemetry
To: Rob Wilton <rob.wilton@example.com>

Title:    Access network telemetry collection
From:     Broadband Forum Technical Committee
To:       IETF OPSAWG
Purpose:  For information
Contact:  Helen Wu <helen.wu@example.com>
Contact:  BBF Operations and Network Management WA directors <onm-directors@example.net>
Send any reply to: bbf-liaison-replies@example.net

BBF informs OPSAWG of its telemetry collection project.
`
		msg := rawMessage(append(envelope("statements@example.org", "rob.wilton@example.com", "mail.example.com", "192.0.2.150", date, "Xa3Xb4Xc5Xd6"),
			hdr{"From", addr("Rob Wilton", "rob.wilton@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Fwd: Broadband Forum liaison on access network telemetry"},
			hdr{"Date", date},
			hdr{"Message-ID", "<fwd-bbf-telemetry@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Access network telemetry collection"), From: []string{"BBF"},
			FromContacts: []string{"bbf-liaisons@example.net", "helen.wu@example.com", "onm-directors@example.net"},
			SendReplyTo:  sp("bbf-liaison-replies@example.net"), To: []string{"IETF OPSAWG"}, ToContacts: []string{"rob.wilton@example.com"},
			Purpose: sp("information"), DeliveredTo: sp("statements@example.org"), RouteTo: []string{"OPSAWG"}}
	})
}
