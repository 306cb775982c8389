package classify

// Own fixtures: IEEE 802 liaison letters (letters in the body, PDFs, DCN numbers).

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
	addCase("ieee-8021-docx-letter-dash-month", func() ([]byte, expect) {
		date := rfcDate(2026, 6, 8, 23, 0, -7)
		doc := buildDOCX("IEEE 802.1",
			wP("IEEE 802.1 Working Group", true),
			wP("of the IEEE 802 LAN/MAN Standards Committee", false),
			wP("", false),
			wP("5 June 2026", false),
			wP("", false),
			wP("To:\tJanos Farkas and Lou Berger, Co-Chairs, IETF DetNet WG", false),
			wP("From:\tGunnar Lindqvist, Chair, IEEE 802.1 Working Group", false),
			wP("Subject:\tTSN–DetNet interworking for ¦multi-domain time synchronization", false),
			wP("", false),
			wP("Dear Janos and Lou,", false),
			wP("The IEEE 802.1 Working Group has approved a new project on time synchronization across TSN and DetNet domains. We would value the DetNet WG’s input on the requirements in the attached draft PAR. Please provide comments by 17-Nov-2026.", false),
			wP("Sincerely,", false),
			wP("Gunnar Lindqvist", false),
			wP("Chair, IEEE 802.1 Working Group, gunnar.lindqvist@example.com", false),
			wP("", false),
			wP("CC:\tPriya Raghunathan, Chair, IEEE 802.1 TSN Task Group, priya.raghunathan@example.com", false),
			wP("\tJanet Ho, Secretary, IEEE 802.1 Working Group, janet.ho@example.com", false),
		)
		msg := rawMessage(append(envelope("statements@example.org", "gunnar.lindqvist@example.com", "mail.example.com", "192.0.2.42", date, "Qr1St2Uv3Wx4"),
			hdr{"From", addr("Gunnar Lindqvist", "gunnar.lindqvist@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Liaison from IEEE 802.1 to IETF DetNet (time synchronization)"},
			hdr{"Date", date},
			hdr{"Message-ID", "<8021-detnet-sync-20260608@example.com>"},
		), multipartPart("mixed", "=_Part_8021_sync",
			textPart("Please see the attached liaison letter.\n\nGunnar\n", "plain", "us-ascii", "7bit"),
			attachPart(doc, docxCT, "liaison-8021-detnet-2606.docx", false)))
		return msg, expect{IsLiaison: true, Title: sp("TSN–DetNet interworking for multi-domain time synchronization"), From: []string{"IEEE 802.1 WG"},
			FromContacts: []string{"gunnar.lindqvist@example.com", "priya.raghunathan@example.com", "janet.ho@example.com"},
			To:           []string{"IETF DetNet WG"}, SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-11-17"),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"DETNET"},
			Attachments: []attExp{{"liaison-8021-detnet-2606.docx", docxCT}}}
	})
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
}
