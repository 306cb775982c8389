package classify

// Own fixtures, fourth batch: replies that quote earlier mail Outlook-style, robot mail, and a
// draft statement discussed on a list.

func init() {
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

	addCase("robot-distribution-auto-generated", func() ([]byte, expect) {
		date := rfcDate(2026, 7, 13, 2, 0, 2)
		text := `This liaison statement is distributed automatically by the 3GPP liaison
system. Please do not reply to this message.

3GPP TSG CT WG1 Meeting #160                                    C1-264470
Vienna, Austria, 6 - 10 July 2026

Title:          LS on DNS over QUIC support in the UE
Response to:
Source:         CT1
To:             IETF DNSOP WG
Cc:             SA WG3

Contact Person:
Name:           Beatriz Salgueiro
E-mail Address: beatriz.salgueiro@example.com

Send any reply LS to:   3GPP Liaisons Coordinator, mailto:3gppliaison@example.net

2. Actions:
To IETF DNSOP WG
ACTION: CT1 asks DNSOP whether DNS over QUIC resolvers may be discovered
with the existing DNR options. A reply by 30 September 2026 would be
appreciated.
`
		msg := rawMessage(append(envelope("statements@example.org", "noreply-ls@example.net", "lsrobot.example.net", "198.51.100.3", date, "Yz5Za6Ab7Bc8"),
			hdr{"From", addr("3GPP Liaison Statements", "noreply-ls@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "[3GPP LS] C1-264470 LS on DNS over QUIC support in the UE"},
			hdr{"Date", date},
			hdr{"Message-ID", "<ls-robot-c1-264470@example.net>"},
			hdr{"Auto-Submitted", "auto-generated"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("LS on DNS over QUIC support in the UE"), From: []string{"3GPP TSG CT WG1"},
			FromContacts: []string{"beatriz.salgueiro@example.com"}, SendReplyTo: sp("3gppliaison@example.net"), To: []string{"IETF DNSOP WG"},
			SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-09-30"), OtherIdentifiers: []string{"C1-264470"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"DNSOP"}}
	})

	addCase("neg-draft-reply-ls-on-list", func() ([]byte, expect) {
		date := rfcDate(2026, 9, 1, 13, 30, 2)
		text := `Hi all,

Below is a draft reply LS to ITU-T SG15 on fgOTN management. Please send
comments to the list by 11 September; we plan to send it on 15 September.

Title:     Reply LS on management of fine-grain OTN (fgOTN)
From:      IETF CCAMP WG
To:        ITU-T SG15
Purpose:   In response
Response to: SG15-LS151
Contact:   Daniele Ceccarelli, daniele.ceccarelli@example.com

CCAMP thanks Q14/15 for its LS and plans to extend the TE topology models
in a new Internet-Draft.

Daniele
_______________________________________________
CCAMP mailing list -- ccamp@example.org
`
		msg := rawMessage(append(envelope("statements@example.org", "ccamp-bounces@example.org", "mail.example.org", "192.0.2.3", date, "Cd9De0Ef1Fg2"),
			hdr{"From", addr("Daniele Ceccarelli", "daniele.ceccarelli@example.com")},
			hdr{"To", "ccamp@example.org"},
			hdr{"Cc", "statements@example.org"},
			hdr{"Subject", "[CCAMP] Draft reply LS to ITU-T SG15 on fgOTN management - comments by 11 September"},
			hdr{"Date", date},
			hdr{"Message-ID", "<draft-reply-sg15-ls151@example.com>"},
			hdr{"List-Id", "Discussion list for the CCAMP working group <ccamp.example.org>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, negative("statements@example.org")
	})
}
