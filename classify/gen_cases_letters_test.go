package classify

// Own fixtures: letter-style statements of BBF, MEF and OIF (letter numbers, earlier
// letters referenced, the Datatracker's copies).

func init() {
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
	addCase("bbf-misdirected-to-netconf-chairs", func() ([]byte, expect) {
		date := rfcDate(2026, 6, 17, 11, 0, 1)
		text := `LIAISE-630

Date:     16 June 2026
From:     Broadband Forum Technical Committee
To:       IETF NETMOD WG
Subject:  YANG library usage in TR-181 device data models

Dear NETMOD chairs,

The Broadband Forum requests your guidance on the use of YANG library
for devices that expose both TR-181 and YANG data models, and would
appreciate a reply by 15 August 2026.

Ruth Adeyemi
Broadband Forum Technical Committee Chair

Broadband Forum Reference: LIAISE-630
`
		msg := rawMessage(append(envelope("netconf-chairs@example.org", "bbf-liaisons@example.net", "mail.example.net", "198.51.100.40", date, "Wx7Yz8Ab9Cd0"),
			hdr{"From", addr("Broadband Forum Liaisons", "bbf-liaisons@example.net")},
			hdr{"To", "netconf-chairs@example.org"},
			hdr{"Subject", "BBF LIAISE-630: YANG library usage in TR-181 device data models"},
			hdr{"Date", date},
			hdr{"Message-ID", "<LIAISE-630.20260617@example.net>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("YANG library usage in TR-181 device data models"), From: []string{"BBF"},
			FromContacts: []string{"bbf-liaisons@example.net"}, To: []string{"IETF NETMOD WG"}, Purpose: sp("action"), Deadline: sp("2026-08-15"),
			OtherIdentifiers: []string{"LIAISE-630"}, DeliveredTo: sp("netconf-chairs@example.org"), Misdirected: true, RouteTo: []string{"NETMOD"}}
	})
	addCase("oif-liaison-from-to-labels", func() ([]byte, expect) {
		date := rfcDate(2026, 6, 24, 18, 20, -7)
		text := `Optical Internetworking Forum
Liaison Statement  OIF2026.118.01

Liaison from:        OIF Technical Committee
Liaison to:          IETF CCAMP WG
Subject:             Coherent pluggable module management via YANG
Response requested:  Yes, by 30 Sep 2026

Dear CCAMP chairs,

The OIF Technical Committee has completed its implementation agreement on
the management of coherent pluggable optics and would like CCAMP to review
the mapping to the IETF optical impairment-aware topology model.

Contact: Maximilian Braun, OIF TC Chair, max.braun@example.com

Best regards,
Maximilian Braun
`
		msg := rawMessage(append(envelope("statements@example.org", "max.braun@example.com", "mail.example.com", "192.0.2.216", date, "Uv9Wx0Yz1Ab2"),
			hdr{"From", addr("Maximilian Braun", "max.braun@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "OIF liaison to IETF CCAMP - OIF2026.118.01"},
			hdr{"Date", date},
			hdr{"Message-ID", "<oif-2026-118-01@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Coherent pluggable module management via YANG"), From: []string{"OIF"},
			FromContacts: []string{"max.braun@example.com"}, To: []string{"IETF CCAMP WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2026-09-30"), OtherIdentifiers: []string{"OIF2026.118.01"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"CCAMP"}}
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
}
