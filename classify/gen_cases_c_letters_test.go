package classify

// Own fixtures: letter-style statements (IEEE 802, BBF, MEF).

func init() {
	addCase("ieee-8023-letter-body", func() ([]byte, expect) {
		date := rfcDate(2026, 3, 19, 18, 2, -5)
		text := `IEEE 802.3 Ethernet Working Group
Liaison letter

19 March 2026

To:       Al Rahimov and Lena Voss, Co-chairs, IETF BMWG
From:     Arvind Rao, Chair, IEEE 802.3 Ethernet Working Group
Subject:  Benchmarking of multi-gigabit automotive Ethernet PHYs

Dear Al and Lena,

The IEEE 802.3 Working Group is developing IEEE P802.3dm, which specifies
asymmetric multi-gigabit Ethernet PHYs for automotive camera links. Several
participants have asked whether the benchmarking methodologies published by
BMWG could be applied to measure frame loss and latency across such links.

We would appreciate receiving your comments by 15 September 2026, in
particular on whether the RFC 2544 methodology needs an extension for
asymmetric links. Our next plenary session is 9-14 November 2026 in
Bangkok, where any reply would be discussed.

Sincerely,

Arvind Rao
Chair, IEEE 802.3 Ethernet Working Group

CC: Dana Keller, Chair, IEEE 802 LAN/MAN Standards Committee
    George Adeyemi, Chair, IEEE P802.3dm Task Force
`
		msg := rawMessage(append(envelope("statements@example.org", "arvind.rao@example.com", "mail.example.com", "192.0.2.83", date, "Ij4KlM5nOp6Q"),
			hdr{"From", addr("Arvind Rao", "arvind.rao@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Cc", "bmwg-chairs@example.org"},
			hdr{"Subject", "IEEE 802.3 liaison to IETF BMWG regarding benchmarking of automotive Ethernet PHYs"},
			hdr{"Date", date},
			hdr{"Message-ID", "<1a2b3c4d5e6f.8023@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Benchmarking of multi-gigabit automotive Ethernet PHYs"), From: []string{"IEEE 802.3 WG"},
			FromContacts: []string{"arvind.rao@example.com"},
			To:           []string{"IETF BMWG"}, SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-09-15"),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"BMWG"}}
	})

	addCase("ieee-80211-pdf-information", func() ([]byte, expect) {
		date := rfcDate(2026, 3, 24, 21, 40, -7)
		p := newPDF()
		p.line("IEEE 802.11 Working Group", true)
		p.line("of the IEEE 802 LAN/MAN Standards Committee", false)
		p.newline(8)
		p.line("20 March 2026", false)
		p.newline(8)
		p.kv("To:", "Juan Carlos Zúñiga <jc.zuniga@example.com>, Co-Chair, IETF MADINAS WG")
		p.put(170, p.y, "Carlos Bernardos <carlos.bernardos@example.com>, Co-Chair, IETF MADINAS WG", false, 10)
		p.newline(13.5)
		p.kv("From:", "Rebecca Ostrowski <rebecca.ostrowski@example.com>, Chair, IEEE 802.11 WG")
		p.kv("Subject:", "Status of randomized and changing MAC address work in IEEE 802.11")
		p.newline(8)
		p.line("Dear Juan Carlos and Carlos,", false)
		p.para("IEEE 802.11 would like to inform the MADINAS WG that the amendment on randomized and changing MAC addresses has completed its initial sponsor ballot. The amendment defines how a station may negotiate the use of a device identifier with an access point it trusts.", 92)
		p.para("This letter is provided for your information. No response is required. Our next meeting will be held 12-17 July 2026 in Montreal.", 92)
		p.line("Regards,", false)
		p.newline(8)
		p.line("Rebecca Ostrowski", false)
		p.line("Chair, IEEE 802.11 Working Group", false)
		msg := rawMessage(append(envelope("statements@example.org", "rebecca.ostrowski@example.com", "mail.example.com", "192.0.2.111", date, "Rs7TuV8wXy9Z"),
			hdr{"From", addr("Rebecca Ostrowski", "rebecca.ostrowski@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Liaison from IEEE 802.11 to IETF MADINAS"},
			hdr{"Date", date},
			hdr{"Message-ID", "<0f1e2d3c4b5a.80211@example.com>"},
		), multipartPart("mixed", "=_Part_8021_1a2b3c4d5e6f",
			textPart("Hello,\n\nAttached is a liaison letter from IEEE 802.11 to the IETF MADINAS WG.\n\nRebecca\n", "plain", "us-ascii", "7bit"),
			attachPart(p.bytes(), "application/pdf", "11-26-0412-00-0000-liaison-to-ietf-madinas.pdf", false)))
		return msg, expect{IsLiaison: true, Title: sp("Status of randomized and changing MAC address work in IEEE 802.11"), From: []string{"IEEE 802.11 WG"},
			FromContacts: []string{"rebecca.ostrowski@example.com"}, To: []string{"IETF MADINAS WG"},
			ToContacts: []string{"jc.zuniga@example.com", "carlos.bernardos@example.com"}, SendTo: sp("statements@example.org"), Purpose: sp("information"),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"MADINAS"},
			// the IEEE file name encodes the letter's own document number, 11-26/0412r0
			OtherIdentifiers: []string{"11-26/0412r0"},
			Attachments:      []attExp{{"11-26-0412-00-0000-liaison-to-ietf-madinas.pdf", "application/pdf"}}}
	})

	addCase("ieee-8021-outlook-fw-from-chair", func() ([]byte, expect) {
		date := rfcDate(2026, 2, 13, 8, 50, 1)
		text := `Please record this one - it was sent only to the DetNet chairs.

Thanks,
Aiko (DetNet co-chair)

________________________________
From: Gunnar Lindqvist <gunnar.lindqvist@example.com>
Sent: Thursday, February 12, 2026 9:14 AM
To: detnet-chairs@example.org
Cc: Priya Raghunathan (IEEE 802.1 TSN TG Chair) <priya.raghunathan@example.com>
Subject: IEEE 802.1 liaison: TSN configuration and DetNet controller plane

Dear DetNet chairs,

IEEE 802.1 Working Group
of the IEEE 802 LAN/MAN Standards Committee

To:       Aiko Tanabe and Marcus Ellery, Co-Chairs, IETF DetNet WG
From:     Gunnar Lindqvist, Chair, IEEE 802.1 WG
Subject:  TSN configuration and the DetNet controller plane

Dear Colleagues,

The IEEE 802.1 Working Group has started project P802.1Qdy on YANG and
MIB support for the centralized configuration of TSN streams. We request
your review of the interface between a TSN centralized network
configuration entity and a DetNet controller, and would welcome comments
by 30 April 2026.

Sincerely,
Gunnar Lindqvist
Chair, IEEE 802.1 Working Group
`
		msg := rawMessage(append(envelope("statements@example.org", "aiko.tanabe@example.com", "mail.example.com", "192.0.2.41", date, "Ab9Cd8Ef7Gh6"),
			hdr{"From", addr("Aiko Tanabe", "aiko.tanabe@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "FW: IEEE 802.1 liaison: TSN configuration and DetNet controller plane"},
			hdr{"Date", date},
			hdr{"Message-ID", "<TY3PR01MB99A0B1C2D3E4F5@TY3PR01MB99A0.jpnprd01.example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("TSN configuration and the DetNet controller plane"), From: []string{"IEEE 802.1 WG"},
			FromContacts: []string{"gunnar.lindqvist@example.com", "priya.raghunathan@example.com"}, To: []string{"IETF DetNet WG"},
			ToContacts: []string{"detnet-chairs@example.org"}, Purpose: sp("action"), Deadline: sp("2026-04-30"),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"DETNET"}}
	})

	addCase("ieee-80215-letter-us-date", func() ([]byte, expect) {
		date := rfcDate(2026, 4, 1, 15, 30, -4)
		text := `Dear Chairs of the IETF 6LO WG,

IEEE 802.15 Working Group for Wireless Specialty Networks
Liaison Statement

Date:     1 April 2026
To:       IETF 6LO WG
From:     IEEE 802.15 WG
Subject:  IPv6 header compression over IEEE 802.15.4ab ultra-wideband links

IEEE 802.15 is completing the 802.15.4ab amendment, which introduces new
ultra-wideband PHY modes with larger frame sizes. We request that the 6LO
WG review whether the existing 6LoWPAN adaptation layer needs any update
for these frame sizes. Please respond by October 1, 2026 so that the
answer can be taken into account before the sponsor ballot.

Regards,

Hiroshi Nakamura
Chair, IEEE 802.15 WG
hiroshi.nakamura@example.com
`
		msg := rawMessage(append(envelope("statements@example.org", "hiroshi.nakamura@example.com", "mail.example.com", "192.0.2.152", date, "Kl1Mn2Op3Qr4"),
			hdr{"From", addr("Hiroshi Nakamura", "hiroshi.nakamura@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "IEEE 802.15 liaison statement to IETF 6LO"},
			hdr{"Date", date},
			hdr{"Message-ID", "<80215-6lo-20260401@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("IPv6 header compression over IEEE 802.15.4ab ultra-wideband links"), From: []string{"IEEE 802.15 WG"},
			FromContacts: []string{"hiroshi.nakamura@example.com"}, To: []string{"IETF 6LO WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2026-10-01"), DeliveredTo: sp("statements@example.org")}
	})

	addCase("bbf-docx-liaise-slashed", func() ([]byte, expect) {
		date := rfcDate(2026, 3, 13, 12, 30, 0)
		doc := buildDOCX("Broadband Forum",
			wP("Broadband Forum", true),
			wP("Liaison Statement", true),
			wP("LIAISE-601", true),
			wP("", false),
			wP("Date:\t12 March 2026", false),
			wP("To:\tIETF NETCONF WG", false),
			wP("From:\tBroadband Forum Technical Committee", false),
			wP("Subject:\tNETCONF call home for ¦managed residential gateways", false),
			wP("", false),
			wP("Dear NETCONF WG co-chairs,", false),
			wP("The Broadband Forum is developing TR-512, which specifies the management of residential gateways with NETCONF and YANG. Several members deploy gateways behind carrier-grade NAT and rely on NETCONF call home.", false),
			wP("BBF would appreciate the NETCONF WG's view on whether the call home mechanism may be used over QUIC, and kindly requests a response by 31/07/2026.", false),
			wP("Sincerely,", false),
			wP("Ruth Adeyemi", false),
			wP("Broadband Forum Technical Committee Chair", false),
			wP("", false),
			wP("Contacts:", true),
			wP("Ruth Adeyemi, Broadband Forum Technical Committee Chair, ruth.adeyemi@example.com", false),
			wP("Ludovic Fenwick, Liaisons at Broadband Forum, bbf-liaisons@example.net", false),
			wP("Karina Wojcik, IETF Liaison Manager to BBF, bbf-liaison@example.org", false),
			wP("", false),
			wP("Date of Upcoming Broadband Forum Meetings:", true),
			wP("7 - 11 September 2026\tQ3 Meeting, Lisbon", false),
			wP("Broadband Forum Reference: LIAISE-601", false),
		)
		msg := rawMessage(append(envelope("statements@example.org", "bbf-liaisons@example.net", "mail.example.net", "198.51.100.40", date, "Bb6Ff0Aa1Cc2"),
			hdr{"From", addr("Broadband Forum Liaisons", "bbf-liaisons@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Broadband Forum liaison LIAISE-601 to IETF NETCONF WG"},
			hdr{"Date", date},
			hdr{"Message-ID", "<LIAISE-601.20260313@example.net>"},
		), multipartPart("mixed", "=_Part_bbf_601_0a1b2c3d",
			textPart("Dear colleagues,\n\nPlease find attached liaison LIAISE-601 from the Broadband Forum.\n\nLudovic Fenwick\nLiaisons at Broadband Forum\n", "plain", "us-ascii", "7bit"),
			attachPart(doc, docxCT, "LIAISE-601-NETCONFcallhome.docx", false)))
		return msg, expect{IsLiaison: true, Title: sp("NETCONF call home for managed residential gateways"), From: []string{"BBF"},
			FromContacts: []string{"bbf-liaisons@example.net", "ruth.adeyemi@example.com"}, To: []string{"IETF NETCONF WG"},
			ToContacts: []string{"bbf-liaison@example.org"}, SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-07-31"),
			OtherIdentifiers: []string{"LIAISE-601"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"NETCONF"},
			Attachments: []attExp{{"LIAISE-601-NETCONFcallhome.docx", docxCT}}}
	})

	addCase("bbf-body-information", func() ([]byte, expect) {
		date := rfcDate(2026, 4, 3, 9, 12, 1)
		text := `LIAISE-610

Date:     2 April 2026
From:     Broadband Forum
To:       IETF OPSAWG
Subject:  Publication of TR-470 Issue 2: 5G wireless wireline convergence
          architecture

Dear OPSAWG chairs,

The Broadband Forum is pleased to inform you that TR-470 Issue 2 has been
published. It updates the architecture for the convergence of fixed access
with the 5G core and references several IETF attachment circuit models.

This liaison is for information only. We look forward to continued
cooperation.

Best regards,

Ruth Adeyemi
Broadband Forum Technical Committee Chair
ruth.adeyemi@example.com

Date of Upcoming Broadband Forum Meetings:
7 - 11 September 2026     Q3 Meeting, Lisbon
30 November - 4 December 2026   Q4 Meeting, virtual

Broadband Forum Reference: LIAISE-610
`
		msg := rawMessage(append(envelope("statements@example.org", "bbf-liaisons@example.net", "mail.example.net", "198.51.100.40", date, "Dd3Ee4Ff5Gg6"),
			hdr{"From", addr("Broadband Forum Liaisons", "bbf-liaisons@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "BBF liaison LIAISE-610 (for information)"},
			hdr{"Date", date},
			hdr{"Message-ID", "<LIAISE-610.20260403@example.net>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Publication of TR-470 Issue 2: 5G wireless wireline convergence architecture"), From: []string{"BBF"},
			FromContacts: []string{"bbf-liaisons@example.net", "ruth.adeyemi@example.com"}, To: []string{"IETF OPSAWG"},
			SendTo: sp("statements@example.org"), Purpose: sp("information"),
			OtherIdentifiers: []string{"LIAISE-610"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"OPSAWG"}}
	})

	addCase("bbf-pdf-response-quoted-title", func() ([]byte, expect) {
		date := rfcDate(2026, 4, 10, 14, 0, 1)
		p := newPDF()
		p.line("Broadband Forum", true)
		p.line("Liaison Statement", true)
		p.line("LIAISE-615", true)
		p.newline(8)
		p.kv("Date:", "9 April 2026")
		p.kv("To:", "IETF NETMOD WG")
		p.kv("From:", "Broadband Forum Technical Committee")
		p.kv("Subject:", "Response on YANG module versioning guidance")
		p.newline(8)
		p.line("Dear NETMOD co-chairs,", false)
		p.para(`Thank you for your liaison statement "YANG module versioning guidance for SDO-published modules" of 3 February 2026. In response to your liaison, the Broadband Forum confirms that its YANG modules will adopt the revision label scheme starting with the next issue of TR-383.`, 92)
		p.para("No further action is requested from NETMOD at this time.", 92)
		p.line("Sincerely,", false)
		p.line("Ruth Adeyemi", false)
		p.line("Broadband Forum Technical Committee Chair", false)
		p.newline(8)
		p.line("Contacts:", true)
		p.line("Ruth Adeyemi, Broadband Forum Technical Committee Chair, ruth.adeyemi@example.com", false)
		p.line("Broadband Forum Reference: LIAISE-615", false)
		msg := rawMessage(append(envelope("statements@example.org", "bbf-liaisons@example.net", "mail.example.net", "198.51.100.40", date, "Hh7Ii8Jj9Kk0"),
			hdr{"From", addr("Broadband Forum Liaisons", "bbf-liaisons@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "LIAISE-615"},
			hdr{"Date", date},
			hdr{"Message-ID", "<LIAISE-615.20260410@example.net>"},
		), multipartPart("mixed", "=_Part_bbf_615_9f8e7d6c",
			textPart("Please find attached BBF liaison LIAISE-615 to IETF NETMOD WG.\n", "plain", "us-ascii", "7bit"),
			attachPart(p.bytes(), "application/pdf", "LIAISE-615-NETMODversioning.pdf", false)))
		return msg, expect{IsLiaison: true, Title: sp("Response on YANG module versioning guidance"), From: []string{"BBF"},
			FromContacts: []string{"bbf-liaisons@example.net", "ruth.adeyemi@example.com"}, To: []string{"IETF NETMOD WG"},
			SendTo: sp("statements@example.org"), Purpose: sp("response"), InResponseTo: sp("YANG module versioning guidance for SDO-published modules"),
			OtherIdentifiers: []string{"LIAISE-615"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"NETMOD"},
			Attachments: []attExp{{"LIAISE-615-NETMODversioning.pdf", "application/pdf"}}}
	})

	addCase("bbf-misdirected-to-opsawg-list", func() ([]byte, expect) {
		date := rfcDate(2026, 4, 16, 10, 20, 1)
		text := `LIAISE-620

Date:     15 April 2026
From:     Broadband Forum Technical Committee
To:       IETF IPPM WG
Subject:  Responsiveness metrics for access network testing

Dear IPPM chairs,

BBF is adding a responsiveness test to TR-143 and would like to reuse the
IPPM responsiveness metric. BBF asks IPPM whether the metric definition is
stable enough to be referenced, and would appreciate an answer before
1 June 2026.

Please send any response to bbf-liaisons@example.net.

Ruth Adeyemi
Broadband Forum Technical Committee Chair

Broadband Forum Reference: LIAISE-620
`
		msg := rawMessage(append(envelope("opsawg@example.org", "bbf-liaisons@example.net", "mail.example.net", "198.51.100.40", date, "Ll1Mm2Nn3Oo4"),
			hdr{"From", addr("Broadband Forum Liaisons", "bbf-liaisons@example.net")},
			hdr{"To", "opsawg@example.org"},
			hdr{"Subject", "BBF LIAISE-620 on responsiveness metrics"},
			hdr{"Date", date},
			hdr{"Message-ID", "<LIAISE-620.20260416@example.net>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Responsiveness metrics for access network testing"), From: []string{"BBF"},
			FromContacts: []string{"bbf-liaisons@example.net"}, SendReplyTo: sp("bbf-liaisons@example.net"), To: []string{"IETF IPPM WG"},
			Purpose: sp("action"), Deadline: sp("2026-06-01"), OtherIdentifiers: []string{"LIAISE-620"},
			DeliveredTo: sp("opsawg@example.org"), Misdirected: true, RouteTo: []string{"IPPM"}}
	})

	addCase("mef-letter-ordinal-deadline", func() ([]byte, expect) {
		date := rfcDate(2026, 4, 7, 17, 5, -7)
		text := `MEF Reference: L00361
Date: 6 April 2026

To:      IETF OPSAWG
From:    MEF Technical Committee
Subject: Lifecycle Service Orchestration APIs and IETF service models

Dear Joe Clarke and Henk Birkholz:

Further to our letter L00340, MEF has approved MEF 70.1 and is now
developing the next revision of its LSO Sonata APIs. MEF kindly requests
OPSAWG to review the mapping between the MEF service attributes and the
IETF L2VPN service model in Appendix C of the draft, and to send comments
by June 15th, 2026.

MEF meets next on July 20-23, 2026 in Dublin, Ireland.

Sincerely,

Delphine Arsenault
Chair, MEF Technical Committee
delphine.arsenault@example.com
`
		msg := rawMessage(append(envelope("statements@example.org", "delphine.arsenault@example.com", "mail.example.com", "192.0.2.77", date, "Pp5Qq6Rr7Ss8"),
			hdr{"From", addr("Delphine Arsenault", "delphine.arsenault@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Cc", "opsawg-chairs@example.org"},
			hdr{"Subject", "MEF liaison L00361 to IETF OPSAWG"},
			hdr{"Date", date},
			hdr{"Message-ID", "<mef-L00361-20260407@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Lifecycle Service Orchestration APIs and IETF service models"), From: []string{"MEF"},
			FromContacts: []string{"delphine.arsenault@example.com"}, To: []string{"IETF OPSAWG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2026-06-15"), OtherIdentifiers: []string{"L00361"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"OPSAWG"}}
	})

	addCase("mef-pdf-information", func() ([]byte, expect) {
		date := rfcDate(2026, 4, 21, 16, 0, -4)
		p := newPDF()
		p.line("MEF", true)
		p.line("Liaison Letter", true)
		p.newline(6)
		p.kv("MEF Reference:", "L00366")
		p.kv("Date:", "20 April 2026")
		p.kv("To:", "IETF IPPM WG")
		p.kv("From:", "MEF Forum")
		p.kv("Subject:", "Publication of MEF 10.5 service performance attributes")
		p.newline(6)
		p.line("Dear IPPM chairs,", false)
		p.para("MEF is pleased to share that MEF 10.5 has been published. The standard aligns the definition of one-way packet delay with the IPPM metrics registry. This letter is for your information; no action is requested.", 92)
		p.para("The MEF Technical Committee meets next in Atlanta on October 26-29, 2026.", 92)
		p.line("Sincerely,", false)
		p.line("Delphine Arsenault, Chair, MEF Technical Committee", false)
		msg := rawMessage(append(envelope("statements@example.org", "delphine.arsenault@example.com", "mail.example.com", "192.0.2.77", date, "Tt9Uu0Vv1Ww2"),
			hdr{"From", addr("Delphine Arsenault", "delphine.arsenault@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "MEF liaison L00366"},
			hdr{"Date", date},
			hdr{"Message-ID", "<mef-L00366-20260421@example.com>"},
		), multipartPart("mixed", "=_Part_mef_366_0f0e0d",
			textPart("Dear colleagues,\n\nAttached please find MEF liaison letter L00366.\n\nDelphine\n", "plain", "us-ascii", "7bit"),
			attachPart(p.bytes(), "application/pdf", "MEF_L00366_to_IETF_IPPM.pdf", false)))
		return msg, expect{IsLiaison: true, Title: sp("Publication of MEF 10.5 service performance attributes"), From: []string{"MEF"},
			FromContacts: []string{"delphine.arsenault@example.com"}, To: []string{"IETF IPPM WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("information"), OtherIdentifiers: []string{"L00366"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"IPPM"},
			Attachments: []attExp{{"MEF_L00366_to_IETF_IPPM.pdf", "application/pdf"}}}
	})
}
