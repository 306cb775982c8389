package classify

import "strings"

// Own fixtures, sixth batch: kinds of error a held-out set showed. A working group's own
// draft reply circulated on its list, calendar invitations and an SDO's meeting invitation
// (not statements); ITU-D-style upper-case labels with a space before the colon; IEEE 802
// and MEF letter numbers of the letter itself; sending-side role addresses on Contact lines
// next to a reply address that is not a contact.

const icsInvite = `BEGIN:VCALENDAR
PRODID:-//Example Corp//Calendar 1.0//EN
VERSION:2.0
METHOD:REQUEST
BEGIN:VEVENT
DTSTART:20261015T140000Z
DTEND:20261015T150000Z
SUMMARY:ITU-T SG15 / IETF CCAMP liaison coordination
LOCATION:https://meet.example.com/j/5550001
ORGANIZER;CN=Deborah Brungard:mailto:deborah.brungard@example.com
ATTENDEE;CN=CCAMP chairs:mailto:ccamp-chairs@example.org
DESCRIPTION:Coordination call on the reply to the ITU-T SG15 LS on OTN YANG.
UID:20261015-ccamp-sg15@example.com
END:VEVENT
END:VCALENDAR
`

func init() {
	addCase("neg-list-draft-reply-ls-below", func() ([]byte, expect) {
		date := rfcDate(2026, 10, 6, 9, 15, 1)
		text := `Hi all,

Please find below a draft reply to the LS from ITU-T SG15 on OTN YANG
alignment. Comments by Friday 9 October, please; after that the chairs will
ask the IAB liaison manager to send it.

Daniele

-----
Title:     Reply LS on alignment of OTN YANG models
From:      IETF CCAMP WG
To:        ITU-T Study Group 15
Response to: SG15-LS061
Purpose:   For information
Deadline:  N/A
Contacts:  ccamp-chairs@example.org

Body:
CCAMP thanks SG15 for its LS. CCAMP has adopted the OTN topology model and
will keep SG15 informed of its progress.
`
		msg := rawMessage(append(envelope("ccamp@example.org", "ccamp-bounces@example.org", "mail.example.org", "192.0.2.3", date, "Ka1Kb2Kc3Kd4"),
			hdr{"From", addr("Daniele Ceccarelli", "daniele.ceccarelli@example.com")},
			hdr{"To", "ccamp@example.org"},
			hdr{"Subject", "[CCAMP] Reply to SG15 on OTN YANG alignment - comments by Friday"},
			hdr{"Date", date},
			hdr{"Message-ID", "<ccamp-draft-reply-sg15@example.com>"},
			hdr{"List-Id", "Common Control and Measurement Plane <ccamp.example.org>"},
			hdr{"Precedence", "list"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, negative("ccamp@example.org")
	})

	addCase("neg-list-proposed-response-attached", func() ([]byte, expect) {
		date := rfcDate(2026, 11, 2, 16, 40, -5)
		text := `Folks,

Attached is the proposed response to the O-RAN WG4 liaison on fronthaul
timing. We would like to send it before the end of the month, so please
send comments to the list by 13 November.

Title: Response to O-RAN Alliance WG4 on fronthaul timing YANG
From: IETF TEAS WG
To: O-RAN Alliance WG4
Purpose: For action
Deadline: 31 January 2027

Thanks,
Lou
`
		draft := buildDOCX("Lou Berger",
			wP("Title:\tResponse to O-RAN Alliance WG4 on fronthaul timing YANG", true),
			wP("From:\tIETF TEAS WG", false),
			wP("To:\tO-RAN Alliance WG4", false),
			wP("Purpose:\tFor action", false),
			wP("Deadline:\t31 January 2027", false),
			wP("TEAS asks WG4 to review the timing attributes of the slice model.", false),
		)
		msg := rawMessage(append(envelope("teas@example.org", "teas-bounces@example.org", "mail.example.org", "192.0.2.3", date, "Le5Lf6Lg7Lh8"),
			hdr{"From", addr("Lou Berger", "lou.berger@example.com")},
			hdr{"To", "teas@example.org"},
			hdr{"Subject", "[Teas] Response to O-RAN WG4 liaison on fronthaul timing for review"},
			hdr{"Date", date},
			hdr{"Message-ID", "<teas-oran-response-review@example.com>"},
			hdr{"List-Id", "Traffic Engineering Architecture and Signaling <teas.example.org>"},
		), multipartPart("mixed", "=_teas_draft",
			textPart(text, "plain", "us-ascii", "7bit"),
			attachPart(draft, docxCT, "response-to-oran-wg4-v1.docx", false)))
		return msg, negative("teas@example.org")
	})

	addCase("neg-calendar-invitation-text-calendar", func() ([]byte, expect) {
		date := rfcDate(2026, 10, 1, 12, 5, 0)
		text := `Deborah Brungard has invited you to an event.

ITU-T SG15 / IETF CCAMP liaison coordination
When: Thursday 15 October 2026 14:00 - 15:00 (UTC)
Where: https://meet.example.com/j/5550001
Join by phone: +1 555 0100, PIN 5550001

Coordination call on the reply to the ITU-T SG15 LS on OTN YANG (SG15-LS061).
Deadline for the reply: 30 October 2026.
`
		msg := rawMessage(append(envelope("ccamp-chairs@example.org", "calendar-notification@example.com", "mail.example.com", "192.0.2.44", date, "Mi9Mj0Mk1Ml2"),
			hdr{"From", addr("Deborah Brungard", "deborah.brungard@example.com")},
			hdr{"To", "ccamp-chairs@example.org"},
			hdr{"Subject", "Invitation: ITU-T SG15 / IETF CCAMP liaison coordination @ Thu 15 Oct 2026 14:00 - 15:00 (UTC)"},
			hdr{"Date", date},
			hdr{"Message-ID", "<invite-ccamp-sg15@example.com>"},
		), multipartPart("alternative", "=_cal_1",
			textPart(text, "plain", "utf-8", "7bit"),
			textPart(icsInvite, "calendar", "utf-8", "7bit")))
		return msg, negative("ccamp-chairs@example.org")
	})

	addCase("neg-updated-invitation-ics-attachment", func() ([]byte, expect) {
		date := rfcDate(2026, 10, 8, 8, 0, 2)
		text := `This event has been changed.

Liaison statement review: 3GPP SA2 LS on URSP and DNS (S2-2604411)
When (changed): Tuesday 20 October 2026 13:00 - 14:00 CEST
Where: Teams meeting
Join the meeting: https://teams.example.com/l/meetup-join/19-abc

Organizer: Magnus Westerlund
`
		msg := rawMessage(append(envelope("dnsop-chairs@example.org", "magnus.westerlund@example.com", "mail.example.com", "192.0.2.45", date, "Nm3Nn4No5Np6"),
			hdr{"From", addr("Magnus Westerlund", "magnus.westerlund@example.com")},
			hdr{"To", "dnsop-chairs@example.org"},
			hdr{"Subject", "Updated invitation: Liaison statement review: 3GPP SA2 LS on URSP and DNS"},
			hdr{"Date", date},
			hdr{"Message-ID", "<updated-invite-sa2-ls@example.com>"},
		), multipartPart("mixed", "=_cal_2",
			textPart(text, "plain", "utf-8", "7bit"),
			attachPart([]byte(toCRLF(icsInvite)), "application/ics", "invite.ics", false)))
		return msg, expect{DeliveredTo: sp("dnsop-chairs@example.org"), Attachments: []attExp{{"invite.ics", "application/ics"}}}
	})

	addCase("neg-3gpp-tsg-meeting-invitation", func() ([]byte, expect) {
		date := rfcDate(2026, 9, 1, 10, 0, 2)
		text := `3GPP TSG SA Meeting #114                                    SP-261001
Sophia Antipolis, France, 7 - 10 December 2026

Title:        Invitation to TSG SA meeting #114
Source:       TSG SA Chair
Agenda item:  1

Dear delegates,

On behalf of ETSI MCC, we are pleased to invite you to 3GPP TSG SA meeting
#114, hosted by ETSI.

Dates:        7 - 10 December 2026
Venue:        ETSI, 650 Route des Lucioles, Sophia Antipolis
Hotel:        a block of rooms is held until 6 November 2026
Registration: please register by 27 November 2026 on the 3GPP portal
Tdoc submission deadline: 30 November 2026, 23:59 UTC

Documents for the meeting will be numbered SP-261xxx.

MCC
`
		msg := rawMessage(append(envelope("statements@example.org", "mcc@example.net", "mx.example.net", "198.51.100.30", date, "Oq7Or8Os9Ot0"),
			hdr{"From", addr("3GPP MCC", "mcc@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Invitation to TSG SA meeting #114 (SP-261001)"},
			hdr{"Date", date},
			hdr{"Message-ID", "<SP-261001@example.net>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, negative("statements@example.org")
	})

	addCase("neg-etsi-meeting-announcement", func() ([]byte, expect) {
		date := rfcDate(2026, 9, 15, 11, 30, 2)
		text := `ETSI TC CYBER

Meeting announcement and invitation: CYBER#43

Dates:      25 - 27 January 2027
Venue:      ETSI premises, Sophia Antipolis, and remote participation
Registration deadline: 11 January 2027
Contribution deadline: 18 January 2027
Hotel information and the draft agenda, CYBER(27)000001, are on the portal.

Liaison partners, including the IETF, are welcome to attend as observers.

ETSI Secretariat
`
		msg := rawMessage(append(envelope("statements@example.org", "cyber-support@example.net", "mx.example.net", "198.51.100.31", date, "Pu1Pv2Pw3Px4"),
			hdr{"From", addr("ETSI TC CYBER Secretariat", "cyber-support@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "ETSI TC CYBER#43 meeting invitation"},
			hdr{"Date", date},
			hdr{"Message-ID", "<cyber43-invitation@example.net>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, negative("statements@example.org")
	})

	addCase("itud-upper-labels-space-colon-and", func() ([]byte, expect) {
		date := rfcDate(2026, 10, 20, 9, 0, 2)
		text := `INTERNATIONAL TELECOMMUNICATION UNION
TELECOMMUNICATION DEVELOPMENT SECTOR
STUDY GROUPS

QUESTIONS :  Q4/2
SOURCE :     ITU-D Study Group 2
SUBJECT :    Liaison statement on network resilience metrics for
             developing countries
FOR :        Action
DEADLINE :   15 January 2027
TO :         IETF IPPM WG and IETF OPSAWG
CONTACT :    Amina Diallo, Rapporteur Q4/2, amina.diallo@example.com

ITU-D Study Group 2 Question 4/2 is collecting resilience metrics and asks
IPPM and OPSAWG for pointers to relevant IETF work.
`
		msg := rawMessage(append(envelope("statements@example.org", "bdtsg2@example.net", "mx1.example.net", "198.51.100.22", date, "Qy5Qz6Ra7Rb8"),
			hdr{"From", addr("BDT SG2 Secretariat", "bdtsg2@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "ITU-D SG2 liaison to IETF"},
			hdr{"Date", date},
			hdr{"Message-ID", "<itud-sg2-ls-ippm@example.net>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Liaison statement on network resilience metrics for developing countries"), From: []string{"ITU-D SG2"},
			FromContacts: []string{"bdtsg2@example.net", "amina.diallo@example.com"}, To: []string{"IETF IPPM WG", "IETF OPSAWG"},
			SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2027-01-15"),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"IPPM", "OPSAWG"}}
	})

	addCase("itud-upper-labels-docx-amp-semicolon", func() ([]byte, expect) {
		date := rfcDate(2026, 11, 3, 14, 0, 1)
		doc := buildDOCX("BDT",
			wP("INTERNATIONAL TELECOMMUNICATION UNION", true),
			wP("TELECOMMUNICATION DEVELOPMENT SECTOR", false),
			wP("QUESTIONS :\tQ3/1", false),
			wP("SOURCE :\tITU-D Study Group 1", false),
			wP("SUBJECT :\tLS on certificate automation for e-government services", true),
			wP("FOR :\tInformation", false),
			wP("DEADLINE :\tN/A", false),
			wP("TO :\tIETF LAMPS WG & IETF ACME WG; ITU-T Study Group 17", false),
			wP("CONTACT :\tKofi Mensah, kofi.mensah@example.com", false),
			wP("ITU-D Study Group 1 informs the addressees of its case library on certificate automation.", false),
		)
		msg := rawMessage(append(envelope("statements@example.org", "bdtsg1@example.net", "mx1.example.net", "198.51.100.21", date, "Rc9Rd0Re1Rf2"),
			hdr{"From", addr("BDT SG1 Secretariat", "bdtsg1@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Liaison from ITU-D SG1"},
			hdr{"Date", date},
			hdr{"Message-ID", "<itud-sg1-ls-lamps@example.net>"},
		), multipartPart("mixed", "=_itud_sg1",
			textPart("Dear colleagues,\n\nplease find attached a liaison statement from ITU-D Study Group 1.\n\nBDT\n", "plain", "us-ascii", "7bit"),
			attachPart(doc, docxCT, "SG1-LS-certificates.docx", false)))
		return msg, expect{IsLiaison: true, Title: sp("LS on certificate automation for e-government services"), From: []string{"ITU-D SG1"},
			FromContacts: []string{"bdtsg1@example.net", "kofi.mensah@example.com"}, To: []string{"IETF LAMPS WG", "IETF ACME WG", "ITU-T SG17"},
			SendTo: sp("statements@example.org"), Purpose: sp("information"),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"LAMPS", "ACME"},
			Attachments: []attExp{{"SG1-LS-certificates.docx", docxCT}}}
	})

	addCase("ieee-80211-dcn-in-document-line", func() ([]byte, expect) {
		date := rfcDate(2026, 7, 21, 18, 0, -7)
		text := `Document: IEEE 802.11-26/0871r0

To:       IETF MADINAS WG
From:     Dorothy Stanley, Chair, IEEE 802.11 Working Group
Subject:  Randomized and changing MAC addresses in IEEE 802.11bh
Date:     21 July 2026

Dear MADINAS chairs,

IEEE 802.11bh (see our earlier document 11-26/0655r1) is now in sponsor
ballot; we would welcome your comments by September 30, 2026.

Regards,
Dorothy Stanley
Chair, IEEE 802.11 Working Group
dorothy.stanley@example.com
`
		msg := rawMessage(append(envelope("statements@example.org", "dorothy.stanley@example.com", "mail.example.com", "192.0.2.131", date, "Sg3Sh4Si5Sj6"),
			hdr{"From", addr("Dorothy Stanley", "dorothy.stanley@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "IEEE 802.11 liaison to IETF MADINAS"},
			hdr{"Date", date},
			hdr{"Message-ID", "<80211-madinas-0871@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Randomized and changing MAC addresses in IEEE 802.11bh"), From: []string{"IEEE 802.11 WG"},
			FromContacts: []string{"dorothy.stanley@example.com"}, To: []string{"IETF MADINAS WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2026-09-30"), OtherIdentifiers: []string{"11-26/0871r0"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"MADINAS"}}
	})

	addCase("ieee-80211-dcn-file-name", func() ([]byte, expect) {
		date := rfcDate(2026, 8, 4, 17, 30, -7)
		pdf := newPDF()
		pdf.line("IEEE P802.11 Wireless LANs", true).newline(6)
		pdf.kv("To:", "IETF DNSOP WG").kv("From:", "IEEE 802.11 Working Group").kv("Subject:", "DNS discovery for 802.11 network access").newline(6)
		pdf.para("IEEE 802.11 informs DNSOP of its work on DNS server discovery before association. This letter is for information.", 90)
		pdf.line("Robert Stacey, Chair, IEEE 802.11 Working Group, robert.stacey@example.com", false)
		msg := rawMessage(append(envelope("statements@example.org", "robert.stacey@example.com", "mail.example.com", "192.0.2.132", date, "Tk7Tl8Tm9Tn0"),
			hdr{"From", addr("Robert Stacey", "robert.stacey@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Liaison from IEEE 802.11 to IETF DNSOP"},
			hdr{"Date", date},
			hdr{"Message-ID", "<80211-dnsop-liaison@example.com>"},
		), multipartPart("mixed", "=_80211_dnsop",
			textPart("Dear DNSOP chairs,\n\nplease find the IEEE 802.11 liaison attached (DCN 11-26/0902r1).\n\nRobert\n", "plain", "us-ascii", "7bit"),
			attachPart(pdf.bytes(), "application/pdf", "11-26-0902-01-0000-liaison-to-ietf-dnsop.pdf", false)))
		return msg, expect{IsLiaison: true, Title: sp("DNS discovery for 802.11 network access"), From: []string{"IEEE 802.11 WG"},
			FromContacts: []string{"robert.stacey@example.com"}, To: []string{"IETF DNSOP WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("information"), OtherIdentifiers: []string{"11-26/0902r1"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"DNSOP"},
			Attachments: []attExp{{"11-26-0902-01-0000-liaison-to-ietf-dnsop.pdf", "application/pdf"}}}
	})

	addCase("mef-reference-label-and-earlier-letter", func() ([]byte, expect) {
		date := rfcDate(2026, 10, 12, 15, 0, -4)
		text := `MEF Reference: L00431

To:      IETF OPSAWG
From:    MEF Technical Committee
Subject: SD-WAN service YANG model alignment

Dear OPSAWG chairs,

Further to our letter L00312, MEF has published its
SD-WAN service YANG model. MEF would welcome OPSAWG's review of the
alignment table (see also L00259) by December 15, 2026.

Sincerely,
Pascal Menezes
MEF CTO
`
		msg := rawMessage(append(envelope("statements@example.org", "pascal.menezes@example.com", "mail.example.com", "192.0.2.78", date, "Uo1Up2Uq3Ur4"),
			hdr{"From", addr("Pascal Menezes", "pascal.menezes@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "MEF liaison to IETF OPSAWG on SD-WAN YANG"},
			hdr{"Date", date},
			hdr{"Message-ID", "<mef-opsawg-sdwan@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("SD-WAN service YANG model alignment"), From: []string{"MEF"},
			FromContacts: []string{"pascal.menezes@example.com"}, To: []string{"IETF OPSAWG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2026-12-15"), OtherIdentifiers: []string{"L00431"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"OPSAWG"}}
	})

	addCase("mef-datatracker-attachment-title", func() ([]byte, expect) {
		date := rfcDate(2026, 11, 9, 13, 20, -8)
		text := `Title: Carrier Ethernet performance monitoring YANG
Submission Date: 2026-11-09
URL of the IETF Web page: https://datatracker.example.org/liaison/2355/

From: MEF (Stan Hubbard <stan.hubbard@example.com>)
To: NETMOD (netmod-chairs@example.org)
Reponse Contact: mef-liaisons@example.net
Technical Contact: Stan Hubbard <stan.hubbard@example.com>
Purpose: For information

Body: MEF informs NETMOD of its Carrier Ethernet performance monitoring YANG
model. This letter follows our earlier letter L00398.

Attachments:

    MEF L00447 Carrier Ethernet PM YANG
    https://datatracker.example.org/documents/LIAISON/liaison-2026-11-09-mef-netmod-attachment-1.pdf
`
		msg := rawMessage(append(envelope("statements@example.org", "wwwrun@example.org", "datatracker.example.org", "192.0.2.200", date, "Vs5Vt6Vu7Vv8"),
			hdr{"From", addr("Liaison Statement Management Tool", "statements@example.org")},
			hdr{"To", "netmod-chairs@example.org"},
			hdr{"Subject", "New Liaison Statement, \"Carrier Ethernet performance monitoring YANG\""},
			hdr{"Date", date},
			hdr{"Message-ID", "<178950000001.2233.445566@datatracker.example.org>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Carrier Ethernet performance monitoring YANG"), From: []string{"MEF"},
			FromContacts: []string{"stan.hubbard@example.com"}, SendReplyTo: sp("mef-liaisons@example.net"),
			To: []string{"IETF NETMOD WG"}, ToContacts: []string{"netmod-chairs@example.org"}, Purpose: sp("information"),
			OtherIdentifiers: []string{"L00447"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"NETMOD"}}
	})

	addCase("oran-docx-contact-role-address", func() ([]byte, expect) {
		date := rfcDate(2026, 9, 29, 8, 45, 2)
		doc := buildDOCX("O-RAN",
			wP("O-RAN Alliance Liaison Statement", true),
			wTbl([][]string{
				{"Title:", "LS on fronthaul synchronisation YANG augmentations"},
				{"From:", "O-RAN Alliance WG4"},
				{"To:", "IETF NETMOD WG"},
				{"Purpose:", "For action"},
				{"Deadline:", "30 November 2026"},
				{"Contact:", "Hiroshi Tanaka, hiroshi.tanaka@example.com; WG4 chairs, wg4-chairs@example.net"},
				{"Response Contact:", "oran-liaison-office@example.net"},
			}),
			wP("WG4 asks NETMOD to review the augmentations in the attached model.", false),
		)
		msg := rawMessage(append(envelope("statements@example.org", "hiroshi.tanaka@example.com", "mail.example.com", "192.0.2.140", date, "Ww9Wx0Wy1Wz2"),
			hdr{"From", addr("Hiroshi Tanaka", "hiroshi.tanaka@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "O-RAN WG4 LS to IETF NETMOD"},
			hdr{"Date", date},
			hdr{"Message-ID", "<oran-wg4-netmod-sync@example.com>"},
		), multipartPart("mixed", "=_oran_wg4",
			textPart("Dear NETMOD chairs,\n\nplease find attached an LS from O-RAN WG4.\n\nHiroshi\n", "plain", "us-ascii", "7bit"),
			attachPart(doc, docxCT, "ORAN-WG4-LS-NETMOD-sync.docx", false)))
		return msg, expect{IsLiaison: true, Title: sp("LS on fronthaul synchronisation YANG augmentations"), From: []string{"O-RAN Alliance WG4"},
			FromContacts: []string{"hiroshi.tanaka@example.com", "wg4-chairs@example.net"}, SendReplyTo: sp("oran-liaison-office@example.net"),
			To: []string{"IETF NETMOD WG"}, SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-11-30"),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"NETMOD"},
			Attachments: []attExp{{"ORAN-WG4-LS-NETMOD-sync.docx", docxCT}}}
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

	addCase("itud-upper-labels-docx-table-commas", func() ([]byte, expect) {
		date := rfcDate(2026, 12, 1, 9, 30, 1)
		doc := buildDOCX("BDT",
			wP("INTERNATIONAL TELECOMMUNICATION UNION", true),
			wP("ITU-D Study Groups", false),
			wTbl([][]string{
				{"QUESTIONS :", "Q1/2"},
				{"SOURCE :", "ITU-D Study Group 2"},
				{"SUBJECT :", "Liaison statement on deterministic services for smart grids"},
				{"FOR :", "Comment"},
				{"DEADLINE :", "28 February 2027"},
				{"TO :", "IETF DetNet WG, IETF TSVWG and IETF BMWG"},
				{"CONTACT :", "Lucas Pereira, Rapporteur Q1/2, lucas.pereira@example.com"},
			}),
			wP("ITU-D Question 1/2 invites comments on its draft report on deterministic services.", false),
		)
		msg := rawMessage(append(envelope("statements@example.org", "bdtsg2@example.net", "mx1.example.net", "198.51.100.22", date, "Yb7Yc8Yd9Ye0"),
			hdr{"From", addr("BDT SG2 Secretariat", "bdtsg2@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "LS from ITU-D SG2 Q1/2 to IETF DetNet, TSVWG and BMWG"},
			hdr{"Date", date},
			hdr{"Message-ID", "<itud-sg2-ls-detnet@example.net>"},
		), multipartPart("mixed", "=_itud_sg2",
			textPart("Dear colleagues,\n\nplease find attached a liaison statement from ITU-D Study Group 2.\n\nBDT\n", "plain", "us-ascii", "7bit"),
			attachPart(doc, docxCT, "D22-SG2-LS-0042.docx", false)))
		return msg, expect{IsLiaison: true, Title: sp("Liaison statement on deterministic services for smart grids"), From: []string{"ITU-D SG2"},
			FromContacts: []string{"bdtsg2@example.net", "lucas.pereira@example.com"}, To: []string{"IETF DetNet WG", "IETF TSVWG", "IETF BMWG"},
			SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2027-02-28"),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"DETNET", "TSVWG", "BMWG"},
			Attachments: []attExp{{"D22-SG2-LS-0042.docx", docxCT}}}
	})

	addCase("itud-upper-labels-pdf-ampersand", func() ([]byte, expect) {
		date := rfcDate(2026, 12, 8, 11, 0, 1)
		pdf := newPDF()
		pdf.line("INTERNATIONAL TELECOMMUNICATION UNION", true).line("TELECOMMUNICATION DEVELOPMENT BUREAU", false).newline(6)
		pdf.kv("SOURCE :", "ITU-D Study Group 1").kv("SUBJECT :", "LS on IPv6 deployment indicators").kv("FOR :", "Information").
			kv("DEADLINE :", "None").kv("TO :", "IETF OPSAWG & IAB").kv("CONTACT :", "Mariam Haidari, mariam.haidari@example.com").newline(6)
		pdf.para("ITU-D Study Group 1 shares its IPv6 deployment indicators for information.", 90)
		msg := rawMessage(append(envelope("statements@example.org", "bdtsg1@example.net", "mx1.example.net", "198.51.100.21", date, "Zf1Zg2Zh3Zi4"),
			hdr{"From", addr("BDT SG1 Secretariat", "bdtsg1@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Liaison statement from ITU-D SG1 to the IETF"},
			hdr{"Date", date},
			hdr{"Message-ID", "<itud-sg1-ls-ipv6@example.net>"},
		), multipartPart("mixed", "=_itud_sg1_pdf",
			textPart("Dear colleagues,\n\nplease find the attached liaison statement.\n\nBDT\n", "plain", "us-ascii", "7bit"),
			attachPart(pdf.bytes(), "application/pdf", "SG1-LS-IPv6.pdf", false)))
		return msg, expect{IsLiaison: true, Title: sp("LS on IPv6 deployment indicators"), From: []string{"ITU-D SG1"},
			FromContacts: []string{"bdtsg1@example.net", "mariam.haidari@example.com"}, To: []string{"IETF OPSAWG", "IAB"},
			SendTo: sp("statements@example.org"), Purpose: sp("information"),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"OPSAWG", "IAB"},
			Attachments: []attExp{{"SG1-LS-IPv6.pdf", "application/pdf"}}}
	})

	addCase("ieee-8021-dcn-label-line", func() ([]byte, expect) {
		date := rfcDate(2026, 9, 10, 16, 0, -7)
		text := `DCN: 1-26/0044r1

To:       IETF DetNet WG
From:     Glenn Parsons, Chair, IEEE 802.1 Working Group
Subject:  TSN profile alignment with DetNet over IP

Dear DetNet chairs,

IEEE 802.1 would like to inform DetNet of the approval of the TSN profile
for service provider networks. This letter is for your information.

Regards,
Glenn Parsons
Chair, IEEE 802.1 Working Group
glenn.parsons@example.com
`
		msg := rawMessage(append(envelope("statements@example.org", "glenn.parsons@example.com", "mail.example.com", "192.0.2.133", date, "Aj5Ak6Al7Am8"),
			hdr{"From", addr("Glenn Parsons", "glenn.parsons@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "IEEE 802.1 liaison to IETF DetNet"},
			hdr{"Date", date},
			hdr{"Message-ID", "<8021-detnet-0044@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("TSN profile alignment with DetNet over IP"), From: []string{"IEEE 802.1 WG"},
			FromContacts: []string{"glenn.parsons@example.com"}, To: []string{"IETF DetNet WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("information"), OtherIdentifiers: []string{"1-26/0044r1"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"DETNET"}}
	})

	addCase("mef-our-ref-with-earlier-letter", func() ([]byte, expect) {
		date := rfcDate(2026, 12, 2, 14, 30, -5)
		text := `Our ref.: L00452

To:      IETF SPRING WG
From:    MEF Technical Committee
Subject: SRv6 for Carrier Ethernet backhaul

Dear SPRING chairs,

This letter follows up on MEF letter L00405 (see also L00388). MEF is
starting a project on SRv6-based backhaul and asks SPRING for comments on
the attached outline by February 26, 2027.

Sincerely,
Raghu Ranganathan
MEF Technical Committee Chair
raghu.ranganathan@example.com
`
		msg := rawMessage(append(envelope("statements@example.org", "raghu.ranganathan@example.com", "mail.example.com", "192.0.2.79", date, "Bn9Bo0Bp1Bq2"),
			hdr{"From", addr("Raghu Ranganathan", "raghu.ranganathan@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "MEF liaison to IETF SPRING"},
			hdr{"Date", date},
			hdr{"Message-ID", "<mef-spring-srv6@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("SRv6 for Carrier Ethernet backhaul"), From: []string{"MEF"},
			FromContacts: []string{"raghu.ranganathan@example.com"}, To: []string{"IETF SPRING WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2027-02-26"), OtherIdentifiers: []string{"L00452"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"SPRING"}}
	})

	addCase("itud-nbsp-colon-value-next-line", func() ([]byte, expect) {
		date := rfcDate(2026, 12, 14, 10, 0, 1)
		// Word writes a no-break space before the colon (French typography)
		text := strings.ReplaceAll(`INTERNATIONAL TELECOMMUNICATION UNION

QUESTIONS\u00a0: Q5/2
SOURCE\u00a0: ITU-D Study Group 2
SUBJECT\u00a0:
Liaison statement on emergency telecommunications and public
warning over IP
FOR\u00a0: Action
DEADLINE\u00a0: 31 March 2027
TO\u00a0: IETF OPSAWG and IPPM; ITU-T Study Group 13
CONTACT\u00a0: Nadia Rahman, Rapporteur Q5/2, nadia.rahman@example.com

Question 5/2 asks the addressees for pointers to their work on public warning
over IP networks.
`, `\u00a0`, "\u00a0")
		msg := rawMessage(append(envelope("statements@example.org", "bdtsg2@example.net", "mx1.example.net", "198.51.100.22", date, "Cr3Cs4Ct5Cu6"),
			hdr{"From", addr("BDT SG2 Secretariat", "bdtsg2@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "ITU-D SG2 Q5/2: liaison statement to IETF and ITU-T SG13"},
			hdr{"Date", date},
			hdr{"Message-ID", "<itud-sg2-ls-warning@example.net>"},
		), textPart(text, "plain", "utf-8", "quoted-printable"))
		return msg, expect{IsLiaison: true, Title: sp("Liaison statement on emergency telecommunications and public warning over IP"), From: []string{"ITU-D SG2"},
			FromContacts: []string{"bdtsg2@example.net", "nadia.rahman@example.com"}, To: []string{"IETF OPSAWG", "IETF IPPM WG", "ITU-T SG13"},
			SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2027-03-31"),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"OPSAWG", "IPPM"}}
	})

	addCase("itud-html-table-to-wrapped", func() ([]byte, expect) {
		date := rfcDate(2026, 12, 16, 13, 0, 1)
		html := `<html><body><p class="MsoNormal">Dear colleagues,</p>
<p class="MsoNormal">The liaison statement below is sent on behalf of ITU-D Study Group 1.</p>
<table>
<tr><td><b>QUESTIONS :</b></td><td>Q2/1</td></tr>
<tr><td><b>SOURCE :</b></td><td>ITU-D Study Group 1</td></tr>
<tr><td><b>SUBJECT :</b></td><td>Broadband measurement methods for rural connectivity</td></tr>
<tr><td><b>FOR :</b></td><td>Information</td></tr>
<tr><td><b>TO :</b></td><td>IETF IPPM WG, IETF BMWG<br>and Broadband Forum</td></tr>
<tr><td><b>CONTACT :</b></td><td>Kwame Asante, kwame.asante@example.com</td></tr>
</table>
<p class="MsoNormal">Question 2/1 shares its report on rural broadband measurement.</p>
<p class="MsoNormal">BDT SG1 Secretariat</p></body></html>`
		msg := rawMessage(append(envelope("statements@example.org", "bdtsg1@example.net", "mx1.example.net", "198.51.100.21", date, "Dv7Dw8Dx9Dy0"),
			hdr{"From", addr("BDT SG1 Secretariat", "bdtsg1@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Liaison statement from ITU-D Study Group 1"},
			hdr{"Date", date},
			hdr{"Message-ID", "<itud-sg1-ls-rural@example.net>"},
		), textPart(html, "html", "utf-8", "quoted-printable"))
		return msg, expect{IsLiaison: true, Title: sp("Broadband measurement methods for rural connectivity"), From: []string{"ITU-D SG1"},
			FromContacts: []string{"bdtsg1@example.net", "kwame.asante@example.com"}, To: []string{"IETF IPPM WG", "IETF BMWG", "BBF"},
			SendTo: sp("statements@example.org"), Purpose: sp("information"),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"IPPM", "BMWG"}}
	})

	addCase("neg-list-tag-text-we-propose-to-send", func() ([]byte, expect) {
		date := rfcDate(2026, 11, 16, 7, 30, 0)
		text := `All,

below is the text we propose to send in reply to the Broadband Forum
liaison LIAISE-640. Please send any comments by 20 November.

Title:    Reply to BBF on packet loss metrics for fixed wireless access
From:     IETF IPPM WG
To:       Broadband Forum Technical Committee
Response to: LIAISE-640
Purpose:  For information
Deadline: N/A

IPPM thanks BBF for its liaison and points to RFC 7680 and RFC 9341.

Marcus (IPPM co-chair)
`
		msg := rawMessage(append(envelope("ippm@example.org", "marcus.ihlar@example.com", "mail.example.com", "192.0.2.171", date, "Ez1Fa2Fb3Fc4"),
			hdr{"From", addr("Marcus Ihlar", "marcus.ihlar@example.com")},
			hdr{"To", "ippm@example.org"},
			hdr{"Subject", "[ippm] Reply to BBF LIAISE-640 on packet loss metrics"},
			hdr{"Date", date},
			hdr{"Message-ID", "<ippm-reply-bbf-640@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, negative("ippm@example.org")
	})

	addCase("itut-ls-workshop-invitation-is-statement", func() ([]byte, expect) {
		date := rfcDate(2027, 1, 11, 9, 0, 1)
		text := `Source:               ITU-T Study Group 13
Title:                Invitation to the ITU-T workshop on network digital twins

For information to:   IETF OPSAWG

Deadline:             -

Contact:   Li Wei, SG13 Vice-chair, li.wei@example.com

SG13 invites OPSAWG participants to its workshop on network digital twins.
Dates: 10 - 11 March 2027. Venue: ITU headquarters, Geneva, with remote
participation. Registration is free and open until 1 March 2027; a hotel
list is on the workshop page.

TSB SG13 Secretariat
`
		msg := rawMessage(append(envelope("statements@example.org", "tsbsg13@example.net", "mx1.example.net", "198.51.100.13", date, "Gd5Ge6Gf7Gg8"),
			hdr{"From", addr("TSB SG13 Secretariat", "tsbsg13@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "SG13-LS201: Invitation to the ITU-T workshop on network digital twins"},
			hdr{"Date", date},
			hdr{"Message-ID", "<SG13-LS201@example.net>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Invitation to the ITU-T workshop on network digital twins"), From: []string{"ITU-T SG13"},
			FromContacts: []string{"tsbsg13@example.net", "li.wei@example.com"}, To: []string{"IETF OPSAWG"},
			SendTo: sp("statements@example.org"), Purpose: sp("information"), OtherIdentifiers: []string{"SG13-LS201"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"OPSAWG"}}
	})

	addCase("etsi-docx-wg-chairs-row-reponse-contact", func() ([]byte, expect) {
		date := rfcDate(2027, 1, 19, 15, 10, 1)
		doc := buildDOCX("ETSI",
			wP("ETSI ISG F5G", true),
			wTbl([][]string{
				{"Title:", "LS on fibre-to-the-room management interfaces"},
				{"From:", "ETSI ISG F5G"},
				{"To:", "IETF OPSAWG"},
				{"Purpose:", "For action"},
				{"Deadline:", "15/03/2027"},
				{"Contact:", "Sofia Marin, sofia.marin@example.com"},
				{"WG chairs:", "f5g-wg-chairs@example.net"},
				{"Reponse Contact:", "isgsupport@example.net"},
			}),
			wP("ISG F5G asks OPSAWG whether its YANG models could manage fibre-to-the-room devices.", false),
		)
		msg := rawMessage(append(envelope("statements@example.org", "sofia.marin@example.com", "mail.example.com", "192.0.2.181", date, "Hh9Hi0Hj1Hk2"),
			hdr{"From", addr("Sofia Marin", "sofia.marin@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "ETSI ISG F5G LS to IETF OPSAWG"},
			hdr{"Date", date},
			hdr{"Message-ID", "<f5g-opsawg-fttr@example.com>"},
		), multipartPart("mixed", "=_f5g_fttr",
			textPart("Dear OPSAWG chairs,\n\nplease find attached an LS from ETSI ISG F5G.\n\nSofia\n", "plain", "us-ascii", "7bit"),
			attachPart(doc, docxCT, "F5G(27)000012_LS_to_IETF_OPSAWG.docx", false)))
		return msg, expect{IsLiaison: true, Title: sp("LS on fibre-to-the-room management interfaces"), From: []string{"ETSI ISG F5G"},
			FromContacts: []string{"sofia.marin@example.com", "f5g-wg-chairs@example.net"}, SendReplyTo: sp("isgsupport@example.net"),
			To: []string{"IETF OPSAWG"}, SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2027-03-15"),
			OtherIdentifiers: []string{"F5G(27)000012"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"OPSAWG"},
			Attachments: []attExp{{"F5G(27)000012_LS_to_IETF_OPSAWG.docx", docxCT}}}
	})

	addCase("mef-datatracker-body-this-letter", func() ([]byte, expect) {
		date := rfcDate(2027, 1, 25, 12, 0, -8)
		text := `Title: Service OAM for SD-WAN overlays
Submission Date: 2027-01-25
URL of the IETF Web page: https://datatracker.example.org/liaison/2390/
Please reply by 2027-03-31

From: MEF (Stan Hubbard <stan.hubbard@example.com>)
To: BMWG (bmwg-chairs@example.org)
Reponse Contact: mef-liaisons@example.net
Technical Contact: Stan Hubbard <stan.hubbard@example.com>
Purpose: For action

Body: This letter (MEF reference L00468) asks BMWG to comment on the OAM
test cases. It follows our letter L00431 and the BMWG reply to it.

Attachments:

    No document has been attached
`
		msg := rawMessage(append(envelope("statements@example.org", "wwwrun@example.org", "datatracker.example.org", "192.0.2.200", date, "Il3Im4In5Io6"),
			hdr{"From", addr("Liaison Statement Management Tool", "statements@example.org")},
			hdr{"To", "bmwg-chairs@example.org"},
			hdr{"Subject", "New Liaison Statement, \"Service OAM for SD-WAN overlays\""},
			hdr{"Date", date},
			hdr{"Message-ID", "<178960000001.3344.556677@datatracker.example.org>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Service OAM for SD-WAN overlays"), From: []string{"MEF"},
			FromContacts: []string{"stan.hubbard@example.com"}, SendReplyTo: sp("mef-liaisons@example.net"),
			To: []string{"IETF BMWG"}, ToContacts: []string{"bmwg-chairs@example.org"}, Purpose: sp("action"), Deadline: sp("2027-03-31"),
			OtherIdentifiers: []string{"L00468"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"BMWG"}}
	})

	addCase("neg-draft-reply-to-list-address", func() ([]byte, expect) {
		date := rfcDate(2027, 1, 28, 17, 0, 1)
		text := `Dear OPSAWG,

The chairs drafted the reply below to the ETSI ISG F5G LS on fibre-to-the-room
management. Comments welcome until 5 February; we then ask the IESG to send it.

Title:     Reply LS on fibre-to-the-room management interfaces
From:      IETF OPSAWG
To:        ETSI ISG F5G
Purpose:   For information
Deadline:  None

OPSAWG thanks ISG F5G for its LS and points to the existing device models.

Henk
`
		msg := rawMessage(append(envelope("opsawg@example.org", "henk.birkholz@example.com", "mail.example.com", "192.0.2.191", date, "Jp7Jq8Jr9Js0"),
			hdr{"From", addr("Henk Birkholz", "henk.birkholz@example.com")},
			hdr{"To", "opsawg@example.org"},
			hdr{"Subject", "Reply to ETSI F5G on FTTR management - text for comments"},
			hdr{"Date", date},
			hdr{"Message-ID", "<opsawg-f5g-reply-text@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, negative("opsawg@example.org")
	})

	addCase("neg-3gpp-ran2-invitation-docx", func() ([]byte, expect) {
		date := rfcDate(2027, 1, 5, 9, 0, 1)
		doc := buildDOCX("MCC",
			wP("3GPP TSG-RAN WG2 Meeting #137\t\t\tR2-2700001", true),
			wP("Athens, Greece, 22 - 26 February 2027", false),
			wP("Title:\tInvitation to 3GPP TSG RAN WG2 meeting #137", true),
			wP("Source:\tRAN2 Chair, MCC", false),
			wP("Dates:\t22 - 26 February 2027", false),
			wP("Venue:\tAthens conference centre; the host offers a hotel block until 20 January 2027.", false),
			wP("Registration:\topen on the 3GPP portal until 15 February 2027; visa letters on request.", false),
			wP("Tdoc submission deadline:\t12 February 2027.", false),
		)
		msg := rawMessage(append(envelope("statements@example.org", "mcc@example.net", "mx.example.net", "198.51.100.30", date, "Kt1Ku2Kv3Kw4"),
			hdr{"From", addr("3GPP MCC", "mcc@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "R2-2700001: RAN2#137 invitation"},
			hdr{"Date", date},
			hdr{"Message-ID", "<R2-2700001@example.net>"},
		), multipartPart("mixed", "=_ran2_inv",
			textPart("Dear all,\n\nplease find attached the invitation to RAN2#137.\n\nMCC\n", "plain", "us-ascii", "7bit"),
			attachPart(doc, docxCT, "R2-2700001.docx", false)))
		return msg, expect{DeliveredTo: sp("statements@example.org"), Attachments: []attExp{{"R2-2700001.docx", docxCT}}}
	})
}
