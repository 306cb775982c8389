package classify

// Own fixtures: O-RAN Alliance statements.

func init() {
	addCase("oran-wg11-body-end-of-month", func() ([]byte, expect) {
		date := rfcDate(2026, 4, 28, 7, 55, 2)
		text := `Dear LAMPS chairs,

Please find below a liaison statement from the O-RAN ALLIANCE Security
Work Group (WG11), endorsed by the O-RAN SDFG on 21 April 2026.

Title:      Certificate profiles for O-RAN management interfaces
From:       O-RAN Alliance WG11 (Security Work Group)
To:         IETF LAMPS WG
Cc:         O-RAN Alliance WG10
Purpose:    For action
Deadline:   End of July 2026
Reference:  O-RAN.WG11.LS-2026-012
Contact:    Dmitri Volkov, WG11 co-chair, dmitri.volkov@example.com
            Sun-Hee Park, WG11 editor, sunhee.park@example.com
Send any reply LS to: oran-wg11-chairs@example.net

1. Overall description
WG11 is specifying certificate profiles for the O1 and Open Fronthaul
management plane. WG11 asks LAMPS whether the profile for devices with
long-lived manufacturer certificates is consistent with RFC 5280 practice.

2. Next meetings
O-RAN WG11 plenary: 15-19 June 2026, Berlin.

Best regards,
Dmitri Volkov
`
		msg := rawMessage(append(envelope("statements@example.org", "dmitri.volkov@example.com", "mail.example.com", "192.0.2.201", date, "Jj5Kk6Ll7Mm8"),
			hdr{"From", addr("Dmitri Volkov", "dmitri.volkov@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "O-RAN WG11 LS on certificate profiles (O-RAN.WG11.LS-2026-012)"},
			hdr{"Date", date},
			hdr{"Message-ID", "<oran-wg11-ls-2026-012@example.com>"},
		), textPart(text, "plain", "utf-8", "base64"))
		return msg, expect{IsLiaison: true, Title: sp("Certificate profiles for O-RAN management interfaces"), From: []string{"O-RAN Alliance WG11"},
			FromContacts: []string{"dmitri.volkov@example.com", "sunhee.park@example.com"}, SendReplyTo: sp("oran-wg11-chairs@example.net"),
			To: []string{"IETF LAMPS WG"}, SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-07-31"),
			OtherIdentifiers: []string{"O-RAN.WG11.LS-2026-012"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"LAMPS"}}
	})
	addCase("oran-wg9-rfc822-forward-pdf", func() ([]byte, expect) {
		date := rfcDate(2026, 5, 4, 9, 30, 2)
		idate := rfcDate(2026, 4, 30, 18, 10, 2)
		p := newPDF()
		p.line("O-RAN ALLIANCE", true)
		p.line("Liaison Statement O-RAN.WG9.LS-2026-004", true)
		p.newline(6)
		p.kv("Title:", "Transport network slicing for the O-RAN xHaul")
		p.kv("From:", "O-RAN Alliance WG9")
		p.kv("To:", "IETF TEAS WG")
		p.kv("Purpose:", "For information")
		p.kv("Deadline:", "-")
		p.kv("Contact:", "Lucía Herrera, lucia.herrera@example.com")
		p.newline(6)
		p.para("WG9 has published the xHaul transport slicing specification, which maps O-RAN slice types to IETF network slice services. WG9 shares it with TEAS for information.", 92)
		inner := rawMessage([]hdr{
			{"From", addr("Lucía Herrera", "lucia.herrera@example.com")},
			{"To", "teas-chairs@example.org"},
			{"Subject", "O-RAN WG9 LS: transport network slicing for xHaul"},
			{"Date", idate},
			{"Message-ID", "<oran-wg9-ls-2026-004@example.com>"},
		}, multipartPart("mixed", "=_inner_wg9_a1b2",
			textPart("Dear TEAS chairs,\n\nplease find attached a liaison statement from O-RAN WG9 for your\ninformation.\n\nBest regards,\nLucía Herrera\nO-RAN WG9 co-chair\n", "plain", "utf-8", "quoted-printable"),
			attachPart(p.bytes(), "application/pdf", "O-RAN.WG9.LS-2026-004.pdf", false)))
		msg := rawMessage(append(envelope("statements@example.org", "vishnu.pavan@example.com", "mail.example.com", "192.0.2.55", date, "Nn9Oo0Pp1Qq2"),
			hdr{"From", addr("Vishnu Pavan", "vishnu.pavan@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Fwd: O-RAN WG9 LS: transport network slicing for xHaul"},
			hdr{"Date", date},
			hdr{"Message-ID", "<teas-chair-fwd-20260504@example.com>"},
		), multipartPart("mixed", "------------0A1B2C3D4E5F6A7B8C9D0E1F",
			textPart("Sent to the TEAS chairs only; forwarding to the liaison intake.\n\nVishnu (TEAS co-chair)\n", "plain", "us-ascii", "7bit"),
			rfc822Part(inner, "O-RAN WG9 LS.eml")))
		return msg, expect{IsLiaison: true, Title: sp("Transport network slicing for the O-RAN xHaul"), From: []string{"O-RAN Alliance WG9"},
			FromContacts: []string{"lucia.herrera@example.com"}, To: []string{"IETF TEAS WG"}, ToContacts: []string{"teas-chairs@example.org"},
			Purpose: sp("information"), OtherIdentifiers: []string{"O-RAN.WG9.LS-2026-004"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"TEAS"},
			Attachments: []attExp{{"O-RAN.WG9.LS-2026-004.pdf", "application/pdf"}}}
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
}
