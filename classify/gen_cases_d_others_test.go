package classify

// Own fixtures: ETSI, O-RAN, ISO/IEC JTC 1, W3C, CJK senders, the Datatracker and bodies of
// families the extractor has no rules for.

func init() {
	addCase("etsi-nfv-docx-dashed-date", func() ([]byte, expect) {
		date := rfcDate(2026, 4, 9, 10, 30, 2)
		doc := buildDOCX("ETSI Secretariat",
			wP("ETSI ISG NFV Meeting #55\t\t\tNFV(26)000451", true),
			wP("Sophia Antipolis, 30 March – 2 April 2026", false),
			wP("", false),
			wP("Title:\tLS on routing requirements for ¦cloud-native network functions", true),
			wP("From:\tETSI ISG NFV", false),
			wP("To:\tIETF RTGWG", false),
			wP("Cc:\tETSI ISG MEC", false),
			wP("Response to:\t-", false),
			wP("Purpose:\tFor action", false),
			wP("Deadline:\t31-Aug-2026", false),
			wP("Contact:\tEmre Aydın (NFV IFA Chair), emre.aydin@example.com", false),
			wP("Send any reply to:\tisgnfv-support@example.net", false),
			wP("", false),
			wP("1. Overall description", true),
			wP("ISG NFV is specifying the network connectivity of containerised VNFs across multiple Kubernetes clusters. ISG NFV requests RTGWG's view on the use of BGP-based service routing between clusters.", false),
			wP("2. Actions", true),
			wP("ISG NFV kindly asks IETF RTGWG to comment on the requirements in clause 6 of the attached draft.", false),
			wP("3. Next meetings", true),
			wP("NFV#56, 29 June – 3 July 2026, virtual", false),
		)
		msg := rawMessage(append(envelope("statements@example.org", "emre.aydin@example.com", "mail.example.com", "192.0.2.177", date, "Xx3Yy4Zz5Aa6"),
			hdr{"From", addr("Emre Aydın", "emre.aydin@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "ETSI ISG NFV LS to IETF RTGWG - NFV(26)000451"},
			hdr{"Date", date},
			hdr{"Message-ID", "<nfv-26-000451@example.com>"},
		), multipartPart("mixed", "=_Part_nfv_451_abcdef",
			textPart("Dear RTGWG chairs,\n\nplease find the attached LS from ETSI ISG NFV.\n\nBest regards,\nEmre Aydın\n", "plain", "utf-8", "quoted-printable"),
			attachPart(doc, docxCT, "NFV(26)000451_LS_to_IETF_RTGWG.docx", false)))
		return msg, expect{IsLiaison: true, Title: sp("LS on routing requirements for cloud-native network functions"), From: []string{"ETSI ISG NFV"},
			FromContacts: []string{"emre.aydin@example.com"}, SendReplyTo: sp("isgnfv-support@example.net"), To: []string{"IETF RTGWG"},
			SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-08-31"), OtherIdentifiers: []string{"NFV(26)000451"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"RTGWG"},
			Attachments: []attExp{{"NFV(26)000451_LS_to_IETF_RTGWG.docx", docxCT}}}
	})

	addCase("etsi-cyber-plain-iso-slash", func() ([]byte, expect) {
		date := rfcDate(2026, 4, 15, 9, 5, 2)
		text := `Dear LAMPS chairs,

ETSI TC CYBER approved the liaison statement below by correspondence.

Document:    CYBER(26)014102
Title:       Hybrid key establishment in CMS - request for status
From:        ETSI TC CYBER
To:          IETF LAMPS WG
Cc:          ETSI TC CYBER WG QSC
For:         Action
Deadline:    2026/07/15
Contact:     Maëlle Girard (ETSI Secretariat), maelle.girard@example.com
Send reply to:  cyber-support@example.net

1. Overall description
TC CYBER is updating TR 103 619 on quantum-safe migration and would like to
reference the IETF specifications for hybrid key establishment in CMS.

2. Actions
TC CYBER kindly asks IETF LAMPS WG to indicate the expected publication
date of the related documents.

3. Next meeting
CYBER#42, 16-18 June 2026, Sophia Antipolis.

Best regards,
Maëlle Girard
ETSI Secretariat
`
		msg := rawMessage(append(envelope("statements@example.org", "maelle.girard@example.com", "mail.example.com", "192.0.2.188", date, "Bb7Cc8Dd9Ee0"),
			hdr{"From", addr("Maëlle Girard", "maelle.girard@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "ETSI TC CYBER LS to IETF LAMPS (CYBER(26)014102)"},
			hdr{"Date", date},
			hdr{"Message-ID", "<cyber-26-014102@example.com>"},
		), textPart(text, "plain", "utf-8", "8bit"))
		return msg, expect{IsLiaison: true, Title: sp("Hybrid key establishment in CMS - request for status"), From: []string{"ETSI TC CYBER"},
			FromContacts: []string{"maelle.girard@example.com"}, SendReplyTo: sp("cyber-support@example.net"), To: []string{"IETF LAMPS WG"},
			SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-07-15"), OtherIdentifiers: []string{"CYBER(26)014102"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"LAMPS"}}
	})

	addCase("etsi-smartm2m-html-information", func() ([]byte, expect) {
		date := rfcDate(2026, 4, 23, 11, 45, 2)
		html := `<html><body>
<p>Dear colleagues,</p>
<p>On behalf of ETSI TC SmartM2M I am pleased to send you the liaison statement below.</p>
<table>
<tr><td><b>Title:</b></td><td>SAREF extension for energy flexibility – publication notice</td></tr>
<tr><td><b>From:</b></td><td>ETSI TC SmartM2M</td></tr>
<tr><td><b>To:</b></td><td>IETF ASDF WG, W3C WoT WG</td></tr>
<tr><td><b>Purpose:</b></td><td>For information</td></tr>
<tr><td><b>Deadline:</b></td><td>None</td></tr>
<tr><td><b>Contact:</b></td><td>Henrik Sørensen, henrik.sorensen@example.com</td></tr>
</table>
<p>TC SmartM2M has published TS 103 410-12, the SAREF extension for energy flexibility. The ontology reuses the SDF data model concepts defined by the IETF ASDF WG.</p>
<p>Kind regards,<br>Henrik Sørensen<br>Chair, ETSI TC SmartM2M</p>
</body></html>`
		msg := rawMessage(append(envelope("statements@example.org", "henrik.sorensen@example.com", "mail.example.com", "192.0.2.189", date, "Ff1Gg2Hh3Ii4"),
			hdr{"From", addr("Henrik Sørensen", "henrik.sorensen@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Liaison: SAREF extension for energy flexibility"},
			hdr{"Date", date},
			hdr{"Message-ID", "<smartm2m-saref-20260423@example.com>"},
		), multipartPart("alternative", "b1_smartm2m_5c6d7e8f",
			textPart("Dear colleagues,\n\nOn behalf of ETSI TC SmartM2M I am pleased to send you the liaison statement below.\n\nTitle:     SAREF extension for energy flexibility – publication notice\nFrom:      ETSI TC SmartM2M\nTo:        IETF ASDF WG, W3C WoT WG\nPurpose:   For information\nDeadline:  None\nContact:   Henrik Sørensen, henrik.sorensen@example.com\n\nTC SmartM2M has published TS 103 410-12, the SAREF extension for energy\nflexibility. The ontology reuses the SDF data model concepts defined by\nthe IETF ASDF WG.\n\nKind regards,\nHenrik Sørensen\nChair, ETSI TC SmartM2M\n", "plain", "windows-1252", "quoted-printable"),
			textPart(html, "html", "windows-1252", "quoted-printable")))
		return msg, expect{IsLiaison: true, Title: sp("SAREF extension for energy flexibility – publication notice"), From: []string{"ETSI TC SmartM2M"},
			FromContacts: []string{"henrik.sorensen@example.com"}, To: []string{"IETF ASDF WG", "W3C WoT WG"},
			SendTo: sp("statements@example.org"), Purpose: sp("information"), DeliveredTo: sp("statements@example.org")}
	})

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

	addCase("w3c-prose-action-subject-title", func() ([]byte, expect) {
		date := rfcDate(2026, 4, 17, 19, 3, -4)
		text := `Dear HTTP WG chairs,

I am writing on behalf of the W3C Web Application Security Working Group,
which has been discussing how browsers should treat cookies set on
cross-site subresource requests once third-party cookies are phased out.

The group is considering a proposal under which a cookie attribute would
let a site opt in to a partitioned cookie jar keyed by the top-level site.
We would like to make sure that this does not conflict with the ongoing
revision of the HTTP State Management Mechanism in the IETF HTTP WG.

We would appreciate feedback from the HTTP WG by 30 April 2026, ahead of
our next face-to-face meeting on 11-12 May.

Thank you,

Amara Lindgren
W3C Team Contact, Web Application Security Working Group
amara.lindgren@example.com
`
		msg := rawMessage(append(envelope("statements@example.org", "amara.lindgren@example.com", "mail.example.com", "192.0.2.210", date, "Dd5Ee6Ff7Gg8"),
			hdr{"From", addr("Amara Lindgren", "amara.lindgren@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Cc", "httpbis-chairs@example.org"},
			hdr{"Subject", "[Liaison] Cookie partitioning and the HTTP State Management Mechanism"},
			hdr{"Date", date},
			hdr{"Message-ID", "<w3c-webappsec-cookies-20260417@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Cookie partitioning and the HTTP State Management Mechanism"), From: []string{"W3C WebAppSec WG"},
			FromContacts: []string{"amara.lindgren@example.com"}, To: []string{"IETF HTTPBIS WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2026-04-30"), DeliveredTo: sp("statements@example.org"), RouteTo: []string{"HTTPBIS"}}
	})

	addCase("w3c-wot-prose-information", func() ([]byte, expect) {
		date := rfcDate(2026, 5, 12, 14, 14, 2)
		text := `Dear ASDF WG chairs,

On behalf of the W3C Web of Things Working Group, I would like to let you
know that the Thing Description 2.0 specification has reached Candidate
Recommendation. The specification now includes a mapping to the Semantic
Definition Format developed in the IETF ASDF WG.

This is for your information; no action is needed. Comments are welcome on
our public issue tracker at any time.

Best regards,
Kenji Watanabe
W3C Team Contact, Web of Things Working Group
`
		msg := rawMessage(append(envelope("statements@example.org", "kenji.watanabe@example.com", "mail.example.com", "192.0.2.211", date, "Hh9Ii0Jj1Kk2"),
			hdr{"From", addr("Kenji Watanabe", "kenji.watanabe@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Liaison statement: WoT Thing Description 2.0 Candidate Recommendation"},
			hdr{"Date", date},
			hdr{"Message-ID", "<w3c-wot-td2-cr-20260512@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("WoT Thing Description 2.0 Candidate Recommendation"), From: []string{"W3C WoT WG"},
			FromContacts: []string{"kenji.watanabe@example.com"}, To: []string{"IETF ASDF WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("information"), DeliveredTo: sp("statements@example.org")}
	})

	addCase("ttc-shift-jis-bilingual", func() ([]byte, expect) {
		date := rfcDate(2026, 4, 13, 10, 0, 9)
		text := `IETF NETMOD WG 議長各位

TTC アクセス網専門委員会の鈴木です。
下記のリエゾン文書をお送りします。

------------------------------------------------------------
タイトル（Title）：YANG modules for optical transport equipment inventory
発信元（From）：TTC Access Network Working Group
宛先（To）：IETF NETMOD WG
目的（Purpose）：For action
回答期限（Deadline）：2026年5月29日
文書番号（Reference）：TTC-LS-2026-011
連絡先（Contact）：鈴木 健太 <kenta.suzuki@example.com>
------------------------------------------------------------

１．背景
TTC では光伝送装置のインベントリ管理に IETF の YANG モジュールを
利用することを検討しています。

２．依頼事項
既存のハードウェア管理モジュールの拡張方針についてご意見を
2026年5月29日までにいただけますと幸いです。

鈴木 健太
kenta.suzuki@example.com
`
		msg := rawMessage(append(envelope("statements@example.org", "kenta.suzuki@example.com", "mail.example.com", "192.0.2.220", date, "Ll3Mm4Nn5Oo6"),
			hdr{"From", ew("鈴木 健太", "iso-2022-jp") + " <kenta.suzuki@example.com>"},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", ew("【TTC】リエゾン文書：光伝送装置インベントリの YANG モジュール", "iso-2022-jp")},
			hdr{"Date", date},
			hdr{"Message-ID", "<ttc-ls-2026-011@example.com>"},
		), textPart(text, "plain", "shift_jis", "base64"))
		return msg, expect{IsLiaison: true, Title: sp("YANG modules for optical transport equipment inventory"), From: []string{"TTC"},
			FromContacts: []string{"kenta.suzuki@example.com"}, To: []string{"IETF NETMOD WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2026-05-29"), OtherIdentifiers: []string{"TTC-LS-2026-011"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"NETMOD"}}
	})

	addCase("ccsa-gbk-chinese-labels", func() ([]byte, expect) {
		date := rfcDate(2026, 5, 14, 16, 30, 8)
		text := `尊敬的 IETF DetNet 工作组主席：

您好！中国通信标准化协会（CCSA）TC3 审议通过了如下联络函，请审阅。

标题：Requirements for deterministic networking in industrial wide-area networks
来源：CCSA TC3
致：IETF DetNet WG
目的：For action
回复期限：2026年7月31日
文号：TC3-LS-2026-15
联系人：李明 <ming.li@example.com>

请于 2026年7月31日 前回复。

此致
敬礼！

李明
CCSA TC3 WG2
`
		msg := rawMessage(append(envelope("statements@example.org", "ming.li@example.com", "mail.example.com", "192.0.2.230", date, "Pp7Qq8Rr9Ss0"),
			hdr{"From", ew("李明", "gb2312") + " <ming.li@example.com>"},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", ew("CCSA TC3 联络函：工业广域网确定性网络需求", "gb2312")},
			hdr{"Date", date},
			hdr{"Message-ID", "<ccsa-tc3-ls-2026-15@example.com>"},
		), textPart(text, "plain", "gb2312", "base64"))
		return msg, expect{IsLiaison: true, Title: sp("Requirements for deterministic networking in industrial wide-area networks"), From: []string{"CCSA TC3"},
			FromContacts: []string{"ming.li@example.com"}, To: []string{"IETF DetNet WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2026-07-31"), OtherIdentifiers: []string{"TC3-LS-2026-15"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"DETNET"}}
	})

	addCase("tta-euc-kr-korean", func() ([]byte, expect) {
		date := rfcDate(2026, 5, 18, 9, 10, 9)
		text := `IETF SPRING WG 의장님께,

한국정보통신기술협회(TTA) 네트워크 프로젝트그룹에서 승인한 연락문서를 보내드립니다.

제목 (Title): SRv6 network programming for 5G transport in Korea
발신 (From): TTA
수신 (To): IETF SPRING WG
목적 (Purpose): For action
회신 기한 (Deadline): 2026년 6월 15일
연락처 (Contact): 김지수 <jisoo.kim@example.com>

검토 후 회신 부탁드립니다.

김지수 드림
`
		msg := rawMessage(append(envelope("statements@example.org", "jisoo.kim@example.com", "mail.example.com", "192.0.2.240", date, "Tt1Uu2Vv3Ww4"),
			hdr{"From", ew("김지수", "euc-kr") + " <jisoo.kim@example.com>"},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", ew("TTA 연락문서: SRv6 network programming for 5G transport", "euc-kr")},
			hdr{"Date", date},
			hdr{"Message-ID", "<tta-srv6-20260518@example.com>"},
		), textPart(text, "plain", "euc-kr", "base64"))
		return msg, expect{IsLiaison: true, Title: sp("SRv6 network programming for 5G transport in Korea"), From: []string{"TTA"},
			FromContacts: []string{"jisoo.kim@example.com"}, To: []string{"IETF SPRING WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2026-06-15"), DeliveredTo: sp("statements@example.org"), RouteTo: []string{"SPRING"}}
	})

	addCase("datatracker-3gpp-information", func() ([]byte, expect) {
		date := rfcDate(2026, 5, 20, 6, 2, -7)
		text := `Title: LS on 5GS support for DetNet over MPLS
Submission Date: 2026-05-20
URL of the IETF Web page: https://datatracker.example.org/liaison/2270/

From: 3GPP-TSG-SA-WG2 (Lars Eriksen <lars.eriksen@example.com>)
To: DETNET (Aiko Tanabe <aiko.tanabe@example.com>, Marcus Ellery <marcus.ellery@example.com>)
Cc: 3gppliaison@example.net
Response Contact: 3gppliaison@example.net
Technical Contact: Oyelaran Adebayo <oyelaran.adebayo@example.com>
Purpose: For information

Body: SA2 informs DetNet that the 5G System will support DetNet over MPLS
as a Release 20 work item. No action is requested.

Attachments:

    LS on 5GS support for DetNet over MPLS
    https://datatracker.example.org/documents/LIAISON/liaison-2026-05-20-3gpp-tsgsa-sa2-detnet-attachment-1.docx
`
		msg := rawMessage(append(envelope("detnet@example.org", "wwwrun@example.org", "datatracker.example.org", "192.0.2.200", date, "Xx5Yy6Zz7Aa8"),
			hdr{"From", addr("Liaison Statement Management Tool", "statements@example.org")},
			hdr{"To", addr("Aiko Tanabe", "aiko.tanabe@example.com") + ", " + addr("Marcus Ellery", "marcus.ellery@example.com")},
			hdr{"Cc", "detnet@example.org, 3gppliaison@example.net"},
			hdr{"Subject", "New Liaison Statement, \"LS on 5GS support for DetNet over MPLS\""},
			hdr{"Date", date},
			hdr{"Message-ID", "<177927012201.5511.1234567@datatracker.example.org>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("LS on 5GS support for DetNet over MPLS"), From: []string{"3GPP TSG SA WG2"},
			FromContacts: []string{"lars.eriksen@example.com", "oyelaran.adebayo@example.com", "3gppliaison@example.net"}, SendReplyTo: sp("3gppliaison@example.net"),
			To: []string{"IETF DetNet WG"}, ToContacts: []string{"aiko.tanabe@example.com", "marcus.ellery@example.com"},
			Purpose: sp("information"), DeliveredTo: sp("detnet@example.org"), RouteTo: []string{"DETNET"}}
	})

	addCase("gsma-generic-labels", func() ([]byte, expect) {
		date := rfcDate(2026, 5, 22, 12, 0, 1)
		text := `Dear DNSOP Working Group chairs,

Please find below a liaison from the GSMA Networks Group.

Subject:               Operational guidance for DNS resolvers in IPX networks
From:                  GSMA Networks Group
To:                    IETF DNSOP WG
Action requested:      Review and comment
Response requested by: 31 May 2026
Contact:               Fatima Zahra Benali, Networks Group Chair,
                       fatima.benali@example.com

GSMA has published IR.67 version 25 with guidance on the operation of DNS
resolvers in the inter-operator IPX network. GSMA asks the DNSOP WG to
review section 5 on DNSSEC validation at IPX resolvers and to send any
comments to the contact above.

Kind regards,
Fatima Zahra Benali
`
		msg := rawMessage(append(envelope("statements@example.org", "fatima.benali@example.com", "mail.example.com", "192.0.2.244", date, "Bb9Cc0Dd1Ee2"),
			hdr{"From", addr("Fatima Zahra Benali", "fatima.benali@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "GSMA liaison to IETF DNSOP"},
			hdr{"Date", date},
			hdr{"Message-ID", "<gsma-ng-dnsop-20260522@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Operational guidance for DNS resolvers in IPX networks"), From: []string{"GSMA"},
			FromContacts: []string{"fatima.benali@example.com"}, To: []string{"IETF DNSOP WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2026-05-31"), DeliveredTo: sp("statements@example.org"), RouteTo: []string{"DNSOP"}}
	})

	addCase("atis-letter-unknown-family", func() ([]byte, expect) {
		date := rfcDate(2026, 5, 26, 15, 0, -4)
		text := `Alliance for Telecommunications Industry Solutions

26 May 2026

To:       IETF SIDROPS WG
From:     Alliance for Telecommunications Industry Solutions (ATIS)
Re:       Route origin validation deployment in North American networks

Dear SIDROPS chairs,

ATIS has completed a study of route origin validation deployment among its
member network operators. The report identifies operational issues with
the maintenance of route origin authorizations.

ATIS invites SIDROPS to review the findings and would appreciate any
comments no later than 31 August 2026.

Sincerely,

Thomas Goode
ATIS General Counsel
thomas.goode@example.com
`
		msg := rawMessage(append(envelope("statements@example.org", "thomas.goode@example.com", "mail.example.com", "192.0.2.248", date, "Ff3Gg4Hh5Ii6"),
			hdr{"From", addr("Thomas Goode", "thomas.goode@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "ATIS letter to IETF SIDROPS: route origin validation deployment"},
			hdr{"Date", date},
			hdr{"Message-ID", "<atis-sidrops-20260526@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Route origin validation deployment in North American networks"), From: []string{"ATIS"},
			FromContacts: []string{"thomas.goode@example.com"}, To: []string{"IETF SIDROPS WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2026-08-31"), DeliveredTo: sp("statements@example.org")}
	})
}
