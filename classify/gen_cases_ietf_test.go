package classify

// Own fixtures: mail of the IETF's own tools: the Datatracker's statement notices, robot
// distribution mail, and an outgoing IETF statement copied to the intake.

func init() {
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
	addCase("datatracker-reply-in-prose-filed-for-information", func() ([]byte, expect) {
		// The form says "For information" but the body answers an earlier statement by its
		// quoted title: a reply, and the two readings disagree, so a person confirms it.
		date := rfcDate(2026, 6, 3, 8, 40, -7)
		text := `Title: Joint work on the optical transport YANG models
Submission Date: 2026-06-03
URL of the IETF Web page: https://datatracker.example.org/liaison/2281/

From: ITU-T-SG-15 (Malia Fonoti <malia.fonoti@example.com>)
To: CCAMP (Tomasz Wrona <tomasz.wrona@example.com>)
Cc: ccamp@example.org
Response Contact: 
Technical Contact: 
Purpose: For information

Body: Q12/15 thanks the IETF CCAMP working group for the liaison reply titled
"Progress on the optical transport YANG models". Below is our response to the points
of your liaison on model alignment; the schedule will be discussed at the next meeting.

Attachments:

    Joint work on the optical transport YANG models - body text
    https://datatracker.example.org/documents/LIAISON/liaison-2026-06-03-itu-t-sg-15-ccamp-attachment-1.docx
`
		msg := rawMessage(append(envelope("ccamp@example.org", "wwwrun@example.org", "datatracker.example.org", "192.0.2.200", date, "Qr3St4Uv5Wx6"),
			hdr{"From", addr("Liaison Statement Management Tool", "statements@example.org")},
			hdr{"To", addr("Tomasz Wrona", "tomasz.wrona@example.com")},
			hdr{"Cc", "ccamp@example.org"},
			hdr{"Subject", "New Liaison Statement, \"Joint work on the optical transport YANG models\""},
			hdr{"Date", date},
			hdr{"Message-ID", "<178047604101.6612.7654321@datatracker.example.org>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Joint work on the optical transport YANG models"), From: []string{"ITU-T SG15"},
			FromContacts: []string{"malia.fonoti@example.com"},
			To:           []string{"IETF CCAMP WG"}, ToContacts: []string{"tomasz.wrona@example.com"},
			Purpose: sp("response"), InResponseTo: sp("Progress on the optical transport YANG models"), DeliveredTo: sp("ccamp@example.org"), RouteTo: []string{"CCAMP"}}
	})
	addCase("ietf-outgoing-ls-copied-to-intake", func() ([]byte, expect) {
		date := rfcDate(2026, 7, 8, 17, 45, -4)
		text := `Title:    Reply LS on QoS monitoring for time-sensitive flows
From:     IETF DetNet WG
To:       3GPP TSG RAN WG3
Cc:       3GPP TSG SA WG2
Response to: LS on QoS monitoring for time-sensitive flows (R3-261502)
Purpose:  In response
Contact:  Aiko Tanabe, DetNet co-chair, aiko.tanabe@example.com
          Marcus Ellery, DetNet co-chair, marcus.ellery@example.com

The DetNet WG thanks RAN3 for its LS. The DetNet OAM framework defines a
measurement point at the relay node that corresponds to the gNB
measurement described in your LS.

Aiko Tanabe and Marcus Ellery
DetNet WG chairs
`
		msg := rawMessage(append(envelope("statements@example.org", "detnet-chairs@example.org", "mail.example.org", "192.0.2.3", date, "Ij9Jk0Kl1Lm2"),
			hdr{"From", addr("DetNet WG Chairs", "detnet-chairs@example.org")},
			hdr{"To", "3gppliaison@example.net"},
			hdr{"Cc", "statements@example.org, detnet@example.org"},
			hdr{"Subject", "Reply LS on QoS monitoring for time-sensitive flows"},
			hdr{"Date", date},
			hdr{"Message-ID", "<detnet-reply-r3-261502@example.org>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Reply LS on QoS monitoring for time-sensitive flows"), From: []string{"IETF DetNet WG"},
			FromContacts: []string{"detnet-chairs@example.org", "aiko.tanabe@example.com", "marcus.ellery@example.com"},
			To:           []string{"3GPP TSG RAN WG3"}, SendTo: sp("3gppliaison@example.net"), Purpose: sp("response"),
			InResponseTo: sp("LS on QoS monitoring for time-sensitive flows (R3-261502)"), DeliveredTo: sp("statements@example.org")}
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
	addCase("datatracker-needs-approval-comment", func() ([]byte, expect) {
		date := rfcDate(2026, 9, 14, 8, 30, -7)
		text := `Title: LS on OTN network slicing YANG models
Submission Date: 2026-09-14
URL of the IETF Web page: https://datatracker.example.org/liaison/2301/
Please reply by 2026-10-15

From: ITU-T-SG-15 (Marta Kowalska <marta.kowalska@example.com>)
To: TEAS (teas-chairs@example.org)
Cc: tsbsg15@example.net
Response Contact: tsbsg15@example.net
Technical Contact: Marta Kowalska <marta.kowalska@example.com>
Purpose: For comment

Body: Q14/15 invites TEAS to comment on the OTN slicing extensions of the
network slice service model.

Attachments:

    No document has been attached
`
		msg := rawMessage(append(envelope("statements@example.org", "wwwrun@example.org", "datatracker.example.org", "192.0.2.200", date, "Kl7Lm8Mn9No0"),
			hdr{"From", addr("Liaison Statement Management Tool", "statements@example.org")},
			hdr{"To", "teas-chairs@example.org"},
			hdr{"Cc", "statements@example.org"},
			hdr{"Subject", "New Liaison Statement, \"LS on OTN network slicing YANG models\" needs your approval"},
			hdr{"Date", date},
			hdr{"Message-ID", "<178944180001.1122.334455@datatracker.example.org>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("LS on OTN network slicing YANG models"), From: []string{"ITU-T SG15"},
			FromContacts: []string{"marta.kowalska@example.com", "tsbsg15@example.net"}, SendReplyTo: sp("tsbsg15@example.net"),
			To: []string{"IETF TEAS WG"}, ToContacts: []string{"teas-chairs@example.org"}, Purpose: sp("action"), Deadline: sp("2026-10-15"),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"TEAS"}}
	})
}
