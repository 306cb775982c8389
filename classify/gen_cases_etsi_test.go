package classify

// Own fixtures: ETSI statements (ISG and TC documents, replies quoted Outlook-style).

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
	addCase("etsi-mec-html-response", func() ([]byte, expect) {
		date := rfcDate(2026, 6, 10, 9, 25, 2)
		html := `<html><body>
<p>Dear DNSOP chairs,</p>
<p>ETSI ISG MEC has approved the following reply.</p>
<table>
<tr><td>Title:</td><td>Reply to IETF DNSOP on DNS-based discovery of edge application servers</td></tr>
<tr><td>From:</td><td>ETSI ISG MEC</td></tr>
<tr><td>To:</td><td>IETF DNSOP WG</td></tr>
<tr><td>Response to:</td><td>IETF DNSOP LS "Edge application server discovery" (April 2026)</td></tr>
<tr><td>Purpose:</td><td>In response</td></tr>
<tr><td>Contact:</td><td>Sakura Ito, sakura.ito@example.com</td></tr>
</table>
<p>ISG MEC confirms that its DNS-based discovery uses service binding records as described in your LS and has no further requirements at this time.</p>
<p>Regards,<br>Sakura Ito<br>ETSI ISG MEC Vice-Chair</p>
</body></html>`
		msg := rawMessage(append(envelope("statements@example.org", "sakura.ito@example.com", "mail.example.com", "192.0.2.191", date, "Yz5Ab6Cd7Ef8"),
			hdr{"From", addr("Sakura Ito", "sakura.ito@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "ETSI MEC reply to IETF DNSOP"},
			hdr{"Date", date},
			hdr{"Message-ID", "<mec-reply-dnsop-20260610@example.com>"},
		), textPart(html, "html", "utf-8", "quoted-printable"))
		return msg, expect{IsLiaison: true, Title: sp("Reply to IETF DNSOP on DNS-based discovery of edge application servers"), From: []string{"ETSI ISG MEC"},
			FromContacts: []string{"sakura.ito@example.com"}, To: []string{"IETF DNSOP WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("response"), InResponseTo: sp(`IETF DNSOP LS "Edge application server discovery" (April 2026)`),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"DNSOP"}}
	})
	addCase("etsi-reply-ls-outlook-quote-below", func() ([]byte, expect) {
		date := rfcDate(2026, 7, 10, 11, 5, 2)
		text := `Dear IPsecME chairs,

Please find below the reply of ETSI TC CYBER to your liaison statement.

Document:    CYBER(26)016120
Title:       Reply LS on hybrid key exchange negotiation in IKEv2
From:        ETSI TC CYBER
To:          IETF IPsecME WG
For:         Information
Response to: IETF IPsecME LS "Hybrid key exchange negotiation" (May 2026)
Contact:     Maëlle Girard (ETSI Secretariat), maelle.girard@example.com

TC CYBER thanks IPsecME for the clarification and has aligned TR 103 823
with the negotiation order described in your LS.

Kind regards,
Maëlle Girard

From: IPsecME WG Chairs <ipsecme-chairs@example.org>
Sent: Friday, May 15, 2026 4:12 PM
To: cyber-support@example.net
Subject: IETF IPsecME LS: Hybrid key exchange negotiation

Title:     Hybrid key exchange negotiation
From:      IETF IPsecME WG
To:        ETSI TC CYBER
Purpose:   For action
Deadline:  2026-07-31
Contact:   Tero Kivinen, tero.kivinen@example.com

IPsecME asks TC CYBER to confirm the intended negotiation order.
`
		msg := rawMessage(append(envelope("statements@example.org", "maelle.girard@example.com", "mail.example.com", "192.0.2.188", date, "Uv1Vw2Wx3Xy4"),
			hdr{"From", addr("Maëlle Girard", "maelle.girard@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Cc", "ipsecme-chairs@example.org"},
			hdr{"Subject", "RE: IETF IPsecME LS: Hybrid key exchange negotiation"},
			hdr{"Date", date},
			hdr{"Message-ID", "<cyber-26-016120@example.com>"},
		), textPart(text, "plain", "utf-8", "quoted-printable"))
		return msg, expect{IsLiaison: true, Title: sp("Reply LS on hybrid key exchange negotiation in IKEv2"), From: []string{"ETSI TC CYBER"},
			FromContacts: []string{"maelle.girard@example.com"}, To: []string{"IETF IPsecME WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("response"), InResponseTo: sp(`IETF IPsecME LS "Hybrid key exchange negotiation" (May 2026)`),
			OtherIdentifiers: []string{"CYBER(26)016120"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"IPSECME"}}
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
}
