package classify

// Own fixtures: forwarding containers (Apple, Thunderbird, nested message/rfc822 with a
// DOCX inside), a statement whose only text is in an attachment of a bare mail, and
// statements inside zip archives (3GPP sends SP-170768.zip holding the document).

func init() {
	addCase("container-apple-forward-itu", func() ([]byte, expect) {
		date := rfcDate(2026, 5, 27, 20, 15, 2)
		text := `Hi,

Passing this on for the record.

Jan

Begin forwarded message:

From: TSB SG2 Secretariat <tsbsg2@example.net>
Subject: SG2-LS027: LS on numbering resources for IoT device identification
Date: 26 May 2026 at 14:02:11 CEST
To: dnsop-chairs@example.org

Dear DNSOP chairs,

Please find below liaison statement SG2-LS027 from ITU-T Study Group 2.

Source:        ITU-T Study Group 2
Title:         LS on numbering resources for IoT device identification

For action to:         IETF DNSOP WG
For information to:    IAB
Deadline:              31 October 2026

Contact:   Pierre Lemaire        E-mail: pierre.lemaire@example.com
           France

Q1/2 kindly asks IETF DNSOP WG to comment on the proposed use of E.212
derived names for IoT device identification in the DNS.

Best regards,
TSB SG2 Secretariat
`
		msg := rawMessage(append(envelope("statements@example.org", "jan.dvorak@example.com", "mail.example.com", "192.0.2.19", date, "Jj7Kk8Ll9Mm0"),
			hdr{"From", addr("Jan Dvorak", "jan.dvorak@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Fwd: SG2-LS027: LS on numbering resources for IoT device identification"},
			hdr{"Date", date},
			hdr{"Message-ID", "<A1B2C3D4-E5F6-7890-ABCD-EF0123456789@example.com>"},
		), textPart(text, "plain", "utf-8", "quoted-printable"))
		return msg, expect{IsLiaison: true, Title: sp("LS on numbering resources for IoT device identification"), From: []string{"ITU-T SG2"},
			FromContacts: []string{"tsbsg2@example.net", "pierre.lemaire@example.com"}, To: []string{"IETF DNSOP WG", "IAB"},
			ToContacts: []string{"dnsop-chairs@example.org"}, Purpose: sp("action"), Deadline: sp("2026-10-31"),
			OtherIdentifiers: []string{"SG2-LS027"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"DNSOP", "IAB"}}
	})
	addCase("container-thunderbird-forward-bbf", func() ([]byte, expect) {
		date := rfcDate(2026, 5, 28, 8, 0, 2)
		text := `Forwarding the BBF letter below, received on the IPPM list by mistake.

-------- Forwarded Message --------
Subject: 	BBF liaison LIAISE-625: Wi-Fi latency test methods
Date: 	Wed, 27 May 2026 16:40:22 +0100
From: 	Broadband Forum Liaisons <bbf-liaisons@example.net>
To: 	ippm@example.org

LIAISE-625

Date:     27 May 2026
From:     Broadband Forum Technical Committee
To:       IETF IPPM WG
Subject:  Wi-Fi latency test methods in TR-398 Issue 4

Dear IPPM chairs,

BBF would like to inform IPPM that TR-398 Issue 4 adds latency test methods
for Wi-Fi access points. We would welcome your review of the test cases in
section 7 and would appreciate comments by 30 September 2026.

Ruth Adeyemi
Broadband Forum Technical Committee Chair

Broadband Forum Reference: LIAISE-625
`
		msg := rawMessage(append(envelope("statements@example.org", "tommy.pauly@example.com", "mail.example.com", "192.0.2.23", date, "Nn1Oo2Pp3Qq4"),
			hdr{"From", addr("Tomas Paulsen", "tommy.pauly@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Fwd: BBF liaison LIAISE-625: Wi-Fi latency test methods"},
			hdr{"Date", date},
			hdr{"Message-ID", "<3f4e5d6c-7b8a-9012-3456-7890abcdef12@example.com>"},
			hdr{"User-Agent", "Mozilla Thunderbird"},
		), textPart(text, "plain", "utf-8", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Wi-Fi latency test methods in TR-398 Issue 4"), From: []string{"BBF"},
			FromContacts: []string{"bbf-liaisons@example.net"}, To: []string{"IETF IPPM WG"}, ToContacts: []string{"ippm@example.org"},
			Purpose: sp("action"), Deadline: sp("2026-09-30"), OtherIdentifiers: []string{"LIAISE-625"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"IPPM"}}
	})
	addCase("container-rfc822-nested-docx-etsi", func() ([]byte, expect) {
		date := rfcDate(2026, 6, 1, 9, 45, 2)
		idate := rfcDate(2026, 5, 29, 17, 30, 2)
		doc := buildDOCX("ETSI",
			wP("ETSI ISG F5G Meeting #34\t\t\tF5G(26)034008", true),
			wP("", false),
			wTbl([][]string{
				{"**Title:", "LS on deterministic transport for fixed industrial access"},
				{"**From:", "ETSI ISG F5G"},
				{"**To:", "IETF DetNet WG"},
				{"**Response to:", ""},
				{"**Purpose:", "For action"},
				{"**Deadline:", "2026-09-15"},
				{"**Contact:", "Jörg Wendling (ISG F5G Chair), joerg.wendling@example.com"},
				{"**Send any reply to:", "isgf5g-support@example.net"},
			}),
			wP("ISG F5G asks DetNet whether the bounded latency model can be applied to passive optical networks with dynamic bandwidth assignment.", false),
		)
		inner := rawMessage([]hdr{
			{"From", addr("Jörg Wendling", "joerg.wendling@example.com")},
			{"To", "statements@example.org"},
			{"Subject", "ETSI ISG F5G LS to IETF DetNet WG (F5G(26)034008)"},
			{"Date", idate},
			{"Message-ID", "<f5g-26-034008@example.com>"},
		}, multipartPart("mixed", "=_inner_f5g_34008",
			textPart("Dear colleagues,\n\nplease find attached an LS from ETSI ISG F5G to the IETF DetNet WG.\n\nJörg Wendling\nChair, ETSI ISG F5G\n", "plain", "utf-8", "8bit"),
			attachPart(doc, docxCT, "F5G(26)034008_LS_DetNet.docx", false)))
		msg := rawMessage(append(envelope("statements@example.org", "etsi-liaison@example.org", "mail.example.org", "192.0.2.2", date, "Rr5Ss6Tt7Uu8"),
			hdr{"From", addr("IETF liaison manager to ETSI", "etsi-liaison@example.org")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Fwd: ETSI ISG F5G LS to IETF DetNet WG (F5G(26)034008)"},
			hdr{"Date", date},
			hdr{"Message-ID", "<etsi-lm-fwd-20260601@example.org>"},
		), multipartPart("mixed", "------------B1C2D3E4F5A6B7C8D9E0F1A2",
			textPart("The original bounced from the intake because of a size limit; resending it\nas an attachment.\n", "plain", "us-ascii", "7bit"),
			rfc822Part(inner, "")))
		return msg, expect{IsLiaison: true, Title: sp("LS on deterministic transport for fixed industrial access"), From: []string{"ETSI ISG F5G"},
			FromContacts: []string{"joerg.wendling@example.com"}, SendReplyTo: sp("isgf5g-support@example.net"), To: []string{"IETF DetNet WG"},
			SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-09-15"), OtherIdentifiers: []string{"F5G(26)034008"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"DETNET"},
			Attachments: []attExp{{"F5G(26)034008_LS_DetNet.docx", docxCT}}}
	})
	addCase("container-pdf-only-bare-mail", func() ([]byte, expect) {
		date := rfcDate(2026, 6, 2, 11, 0, 2)
		p := newPDF()
		p.put(56, p.y, "INTERNATIONAL TELECOMMUNICATION UNION", true, 9)
		p.put(400, p.y, "SG11-LS052", true, 12)
		p.newline(12)
		p.put(56, p.y, "TELECOMMUNICATION STANDARDIZATION SECTOR", true, 9)
		p.newline(12)
		p.put(56, p.y, "STUDY PERIOD 2025-2028", true, 9)
		p.newline(20)
		p.kv2("Question(s):", "15/11", "Meeting, date:", "Geneva, 20-29 May 2026")
		p.kv("Source:", "ITU-T Study Group 11")
		p.kv("Title:", "LS on testing methodology for SIP-based emergency services over IPv6")
		p.line("LIAISON STATEMENT", true)
		p.kv("For action to:", "")
		p.kv("For information to:", "IETF BMWG")
		p.kv("Approval:", "Q15/11 meeting (Geneva, 29 May 2026)")
		p.kv("Deadline:", "")
		p.put(56, p.y, "Contact:", true, 10)
		p.put(170, p.y, "Thandiwe Nkosi", false, 10)
		p.put(340, p.y, "E-mail: thandiwe.nkosi@example.com", false, 10)
		p.newline(20)
		p.para("Q15/11 informs IETF BMWG of its new work item on test specifications for emergency calling over IPv6 networks.", 92)
		msg := rawMessage(append(envelope("statements@example.org", "tsbsg11@example.net", "mx1.example.net", "198.51.100.11", date, "Vv9Ww0Xx1Yy2"),
			hdr{"From", addr("TSB SG11", "tsbsg11@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "SG11-LS052"},
			hdr{"Date", date},
			hdr{"Message-ID", "<SG11-LS052.20260602@example.net>"},
		), multipartPart("mixed", "----=_NextPart_000_0052",
			attachPart(p.bytes(), "application/pdf", "SG11-LS052.pdf", false)))
		return msg, expect{IsLiaison: true, Title: sp("LS on testing methodology for SIP-based emergency services over IPv6"), From: []string{"ITU-T SG11"},
			FromContacts: []string{"tsbsg11@example.net", "thandiwe.nkosi@example.com"}, To: []string{"IETF BMWG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("information"), OtherIdentifiers: []string{"SG11-LS052"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"BMWG"},
			Attachments: []attExp{{"SG11-LS052.pdf", "application/pdf"}}}
	})
	addCase("container-3gpp-zip-holding-docx", func() ([]byte, expect) {
		date := rfcDate(2026, 6, 15, 10, 5, 1)
		doc := buildDOCX("Ines Moreau",
			wTbl([][]string{
				{"**3GPP TSG SA Meeting #112", "**SP-260455"},
				{"Prague, Czech Republic, 9 – 12 June 2026", ""},
			}),
			wP("", false),
			wTbl([][]string{
				{"**Title:", "LS on DNS-based discovery of edge application servers"},
				{"**Response to:", ""},
				{"**Release:", "Rel-20"},
				{"**Source:", "TSG SA"},
				{"**To:", "IETF DNSOP WG"},
				{"**Cc:", "TSG CT"},
				{"**Contact Person:", ""},
				{"**Name:", "Ines Moreau"},
				{"**E-mail:", "ines.moreau@example.com"},
				{"**Send any reply LS to:", gppReply},
			}),
			wP("1. Overall Description:", true),
			wP("TSG SA has agreed a study on discovering edge application servers through DNS and would like the IETF DNSOP WG to comment on the use of DNR in this setting.", false),
			wP("2. Actions:", true),
			wP("To IETF DNSOP WG", true),
			wP("ACTION:\tTSG SA asks IETF DNSOP WG to provide feedback by 30 September 2026.", false),
			wP("3. Date of Next TSG SA Meetings:", true),
			wP("TSG SA Meeting #113\t8th – 11th September 2026\tSeoul, KR", false),
		)
		archive := buildZip([2]string{"SP-260455.docx", string(doc)})
		msg := rawMessage(append(envelope("statements@example.org", "3gppliaison@example.net", "mail.example.net", "198.51.100.31", date, "Zz1Yy2Xx3Ww4"),
			hdr{"From", addr("3GPP Liaisons", "3gppliaison@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "SP-260455"},
			hdr{"Date", date},
			hdr{"Message-ID", "<SP-260455.20260615@example.net>"},
		), multipartPart("mixed", "----=_Part_260455",
			textPart("Please find the attached document.\n", "plain", "us-ascii", "7bit"),
			attachPart(archive, "application/x-zip-compressed", "SP-260455.zip", false)))
		return msg, expect{IsLiaison: true, Title: sp("LS on DNS-based discovery of edge application servers"), From: []string{"3GPP TSG SA"},
			FromContacts: []string{"3gppliaison@example.net", "ines.moreau@example.com"}, SendReplyTo: sp("3gppliaison@example.net"),
			To: []string{"IETF DNSOP WG"}, SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-09-30"),
			OtherIdentifiers: []string{"SP-260455"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"DNSOP"},
			Attachments: []attExp{{"SP-260455.zip", "application/x-zip-compressed"}, {"SP-260455.docx", docxCT}}}
	})
}
