package classify

import "strings"

// Own fixtures, second batch: other wordings and layouts of the same families, and more
// non-statements that look like statements.

func init() {
	addCase("3gpp-sa4-starred-labels", func() ([]byte, expect) {
		date := rfcDate(2026, 6, 3, 10, 10, 2)
		text := `Dear AVTCORE chairs,

SA4 agreed the LS below at SA4#136. The Word file is S4-261288 on the 3GPP
server.

Best regards,
Gwen Morgan
SA4 Secretary

*Title:* LS on RTP header extensions for XR split rendering
*Response to:* -
*Release:* Rel-20
*Work Item:* XRSR
*Source:* SA WG4
*To:* IETF AVTCORE WG
*Cc:* SA WG2
*Contact Person:* Gwen Morgan, gwen.morgan@example.com
*Send any reply LS to:* 3GPP Liaisons Coordinator, 3gppliaison@example.net

*1. Overall Description*
SA4 is specifying split rendering for XR, where pose information and
rendered frames are carried over RTP. SA4 plans to define two RTP header
extensions and wants to avoid overlap with work in AVTCORE.

*2. Actions*
To IETF AVTCORE WG:
ACTION: SA4 kindly requests AVTCORE to comment on the proposed header
extensions. SA4 would be grateful for feedback by 9 October 2026.

*3. Date of next TSG SA WG4 meetings*
SA4#137: 17-21 August 2026, Dallas
SA4#138: 9-13 November 2026, Kobe
`
		msg := rawMessage(append(envelope("statements@example.org", "gwen.morgan@example.com", "mail.example.com", "192.0.2.18", date, "Ab3Cd4Ef5Gh6"),
			hdr{"From", addr("Gwen Morgan", "gwen.morgan@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "S4-261288 LS to IETF AVTCORE on RTP header extensions for XR"},
			hdr{"Date", date},
			hdr{"Message-ID", "<sa4-261288@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("LS on RTP header extensions for XR split rendering"), From: []string{"3GPP TSG SA WG4"},
			FromContacts: []string{"gwen.morgan@example.com"}, SendReplyTo: sp("3gppliaison@example.net"), To: []string{"IETF AVTCORE WG"},
			SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-10-09"), OtherIdentifiers: []string{"S4-261288"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"AVTCORE"}}
	})

	addCase("itut-sg2-reply-prose-quoted-title", func() ([]byte, expect) {
		date := rfcDate(2026, 6, 5, 14, 30, 2)
		text := `Dear colleagues,

Please find below liaison statement SG2-LS031 from ITU-T Study Group 2.

TSB SG2 Secretariat

Source:        ITU-T Study Group 2
Title:         Reply LS to IETF DNSOP WG on E.164-derived names in service
               discovery

LIAISON STATEMENT

For action to:
For comment to:
For information to:    IETF DNSOP WG
Approval:              Agreed to at Study Group 2 meeting (Geneva, 3 June 2026)
Deadline:              N/A

Contact:   Mireille Tchamba         E-mail: mireille.tchamba@example.com
           Cameroon

This LS replies to the IETF DNSOP WG liaison statement "Use of E.164-derived
names in service discovery" of 12 March 2026. Q1/2 agrees that such names
should be placed under a delegated zone and will update its draft
accordingly.
`
		msg := rawMessage(append(envelope("statements@example.org", "tsbsg2@example.net", "mx1.example.net", "198.51.100.2", date, "Ij7Kl8Mn9Op0"),
			hdr{"From", addr("TSB SG2 Secretariat", "tsbsg2@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "SG2-LS031 reply to IETF DNSOP"},
			hdr{"Date", date},
			hdr{"Message-ID", "<SG2-LS031.20260605@example.net>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Reply LS to IETF DNSOP WG on E.164-derived names in service discovery"), From: []string{"ITU-T SG2"},
			FromContacts: []string{"tsbsg2@example.net", "mireille.tchamba@example.com"}, To: []string{"IETF DNSOP WG"},
			SendTo: sp("statements@example.org"), Purpose: sp("response"), InResponseTo: sp("Use of E.164-derived names in service discovery"),
			OtherIdentifiers: []string{"SG2-LS031"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"DNSOP"}}
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

	addCase("jtc1-sc6-docx-comm-with-date", func() ([]byte, expect) {
		date := rfcDate(2026, 6, 11, 7, 0, 9)
		doc := buildDOCX("SC 6 Secretariat",
			wP("ISO/IEC JTC 1/SC 6 N17944", true),
			wP("", false),
			wTbl([][]string{
				{"**Document type:", "Liaison statement"},
				{"**Title:", "Review of draft ISO/IEC 21558-5 on future network security"},
				{"**Source:", "ISO/IEC JTC 1/SC 6/WG 7"},
				{"**To:", "IETF IPsecME WG"},
				{"**Status:", "For review and comment"},
				{"**Date of document:", "2026-06-09"},
				{"**Expected action:", "COMM"},
				{"**Action due date:", "15 January 2027"},
				{"**Email of secretary:", "sc6-secretariat@example.net"},
			}),
			wP("WG 7 invites IPsecME to review the security requirements of the draft.", false),
		)
		msg := rawMessage(append(envelope("statements@example.org", "sc6-secretariat@example.net", "mail.example.net", "198.51.100.6", date, "Gh9Ij0Kl1Mn2"),
			hdr{"From", addr("ISO/IEC JTC 1/SC 6 Secretariat", "sc6-secretariat@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "SC 6 N17944 for IETF IPsecME"},
			hdr{"Date", date},
			hdr{"Message-ID", "<sc6-n17944@example.net>"},
		), multipartPart("mixed", "=_Part_sc6_17944",
			textPart("Please find attached SC 6 N17944.\n", "plain", "us-ascii", "7bit"),
			attachPart(doc, docxCT, "JTC1-SC6_N17944.docx", false)))
		return msg, expect{IsLiaison: true, Title: sp("Review of draft ISO/IEC 21558-5 on future network security"), From: []string{"ISO/IEC JTC 1/SC 6/WG 7"},
			FromContacts: []string{"sc6-secretariat@example.net"}, To: []string{"IETF IPsecME WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2027-01-15"), OtherIdentifiers: []string{"N17944"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"IPSECME"},
			Attachments: []attExp{{"JTC1-SC6_N17944.docx", docxCT}}}
	})

	addCase("itut-tsag-plain-to-iab", func() ([]byte, expect) {
		date := rfcDate(2026, 6, 15, 16, 45, 2)
		text := `Dear IAB Chair,

Please find below liaison statement TSAG-LS17 from ITU-T TSAG.

TSB

Source:               ITU-T TSAG
Title:                LS on the ITU-T work programme on quantum-safe networks

LIAISON STATEMENT

For action to:        -
For comment to:       -
For information to:   IAB
Approval:             TSAG meeting (Geneva, 9-12 June 2026)
Deadline:             None

Contact:              Nadia Rahman, TSAG Vice-Chairman, nadia.rahman@example.com

TSAG informs the IAB of the establishment of a coordination activity on
quantum-safe networks across ITU-T study groups.
`
		msg := rawMessage(append(envelope("statements@example.org", "tsbtsag@example.net", "mx1.example.net", "198.51.100.9", date, "Op3Qr4St5Uv6"),
			hdr{"From", addr("TSB TSAG", "tsbtsag@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "TSAG-LS17 to IAB"},
			hdr{"Date", date},
			hdr{"Message-ID", "<TSAG-LS17.20260615@example.net>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("LS on the ITU-T work programme on quantum-safe networks"), From: []string{"ITU-T TSAG"},
			FromContacts: []string{"tsbtsag@example.net", "nadia.rahman@example.com"}, To: []string{"IAB"}, SendTo: sp("statements@example.org"),
			Purpose: sp("information"), OtherIdentifiers: []string{"TSAG-LS17"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"IAB"}}
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

	addCase("3gpp-double-inline-forward", func() ([]byte, expect) {
		date := rfcDate(2026, 6, 19, 8, 15, 2)
		text := `Adding the intake, as discussed.

-- Paula

---------- Forwarded message ---------
From: Janos Farkas <janos.farkas@example.com>
Date: Thu, 18 Jun 2026 at 21:03
Subject: Fwd: LS on DetNet PREOF support in the 5GS user plane
To: Paula Brandt <paula.brandt@example.com>


Paula, this was sent to the DetNet chairs only. Can you record it?

Janos

---------- Forwarded message ---------
From: Lars Eriksen <lars.eriksen@example.com>
Date: Wed, 17 Jun 2026 at 10:40
Subject: LS on DetNet PREOF support in the 5GS user plane
To: <detnet-chairs@example.org>


Dear DetNet chairs,

Please find below LS S2-2605120 from SA WG2.

3GPP TSG SA WG2 Meeting #175                                 S2-2605120
Maastricht, NL, 8 - 12 June 2026

Title:          LS on DetNet PREOF support in the 5GS user plane
Response to:
Source:         SA WG2
To:             IETF DetNet WG
Contact Person:
Name:           Oyelaran Adebayo
E-mail Address: oyelaran.adebayo@example.com
Send any reply LS to:   3GPP Liaisons Coordinator, mailto:3gppliaison@example.net

2. Actions:
To IETF DetNet WG
ACTION: SA2 asks DetNet whether packet replication and elimination may be
performed in the UPF. SA2 would appreciate a reply by 2026-07-10.
`
		msg := rawMessage(append(envelope("statements@example.org", "paula.brandt@example.com", "mail.example.com", "203.0.113.20", date, "Ef1Gh2Ij3Kl4"),
			hdr{"From", addr("Paula Brandt", "paula.brandt@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Fwd: Fwd: LS on DetNet PREOF support in the 5GS user plane"},
			hdr{"Date", date},
			hdr{"Message-ID", "<CAH8p2bZ91x+Qq7@mail.example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("LS on DetNet PREOF support in the 5GS user plane"), From: []string{"3GPP TSG SA WG2"},
			FromContacts: []string{"lars.eriksen@example.com", "oyelaran.adebayo@example.com"}, SendReplyTo: sp("3gppliaison@example.net"),
			To: []string{"IETF DetNet WG"}, ToContacts: []string{"detnet-chairs@example.org"}, Purpose: sp("action"), Deadline: sp("2026-07-10"),
			OtherIdentifiers: []string{"S2-2605120"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"DETNET"}}
	})

	addCase("w3c-webpayments-no-liaison-word", func() ([]byte, expect) {
		date := rfcDate(2026, 6, 22, 13, 0, -4)
		text := `Dear HTTPBIS chairs,

On behalf of the W3C Web Payments Working Group, I would like to bring to
your attention our plan to rely on HTTP Message Signatures for payment
request integrity in the Secure Payment Confirmation specification.

We would appreciate your review of the profile in section 4 by 15 July
2026, in particular of the covered components we require.

With thanks,
Ivan Petrov
W3C Web Payments Working Group Chair
ivan.petrov@example.com
`
		msg := rawMessage(append(envelope("statements@example.org", "ivan.petrov@example.com", "mail.example.com", "192.0.2.214", date, "Mn5Op6Qr7St8"),
			hdr{"From", addr("Ivan Petrov", "ivan.petrov@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "HTTP Message Signatures in Secure Payment Confirmation"},
			hdr{"Date", date},
			hdr{"Message-ID", "<w3c-webpayments-sigs-20260622@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("HTTP Message Signatures in Secure Payment Confirmation"), From: []string{"W3C Web Payments WG"},
			FromContacts: []string{"ivan.petrov@example.com"}, To: []string{"IETF HTTPBIS WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2026-07-15"), DeliveredTo: sp("statements@example.org"), RouteTo: []string{"HTTPBIS"}}
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

	addCase("neg-question-about-ls", func() ([]byte, expect) {
		date := rfcDate(2026, 3, 3, 12, 0, 1)
		text := `Hello,

Did the intake receive the 3GPP LS S2-2603456 on RAW paths? It is not
listed on the liaison pages yet, and the RAW WG would like to discuss it
at the next interim.

Could you check?

Thanks,
Eve
`
		msg := rawMessage(append(envelope("statements@example.org", "eve.schooler@example.com", "mail.example.com", "192.0.2.77", date, "Cd3Ef4Gh5Ij6"),
			hdr{"From", addr("Eve Schooler", "eve.schooler@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Question about LS S2-2603456"},
			hdr{"Date", date},
			hdr{"Message-ID", "<question-s2-2603456@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, negative("statements@example.org")
	})

	addCase("neg-plain-bounce-mailer-daemon", func() ([]byte, expect) {
		date := rfcDate(2026, 4, 9, 10, 31, 0)
		text := `This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  old-rtgwg-chair@example.com
    host mx.example.com [198.51.100.7]
    SMTP error from remote mail server after RCPT TO:<old-rtgwg-chair@example.com>:
    550 5.1.1 No such user

------ This is a copy of the message, including all the headers. ------

From: IETF Liaison Statements <statements@example.org>
To: old-rtgwg-chair@example.com
Subject: Liaison statement: LS on routing requirements for cloud-native network functions

Title:      LS on routing requirements for cloud-native network functions
From:       ETSI ISG NFV
To:         IETF RTGWG
Purpose:    For action
Deadline:   31-Aug-2026
`
		msg := rawMessage(append(envelope("statements@example.org", "", "mx.example.org", "192.0.2.1", date, "Kl7Mn8Op9Qr0"),
			hdr{"From", addr("Mail Delivery System", "Mailer-Daemon@mx.example.org")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Mail delivery failed: returning message to sender"},
			hdr{"Date", date},
			hdr{"Message-ID", "<E1wXyZ-000123-AB@mx.example.org>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, negative("statements@example.org")
	})

	addCase("neg-vendor-newsletter", func() ([]byte, expect) {
		date := rfcDate(2026, 3, 12, 6, 0, 0)
		text := `Standards Watch - March 2026

This month in standards liaison activity:

* 3GPP SA2 sent a liaison statement to the IETF DetNet WG on RAW paths.
* ITU-T Study Group 15 agreed new work on fine-grain OTN.
* IEEE 802.1 started a project on TSN configuration.
* The BBF published TR-470 Issue 2.

Read the full analysis on our portal. Subscribers get 20% discount on our
standards tracking service until 31 March 2026.

You receive this newsletter because you subscribed at our website.
Unsubscribe: https://news.example.com/unsubscribe
`
		msg := rawMessage(append(envelope("statements@example.org", "bounces@news.example.com", "news.example.com", "203.0.113.50", date, "St1Uv2Wx3Yz4"),
			hdr{"From", addr("Standards Watch", "newsletter@news.example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Standards Watch: liaison highlights of March 2026"},
			hdr{"Date", date},
			hdr{"Message-ID", "<sw-2026-03@news.example.com>"},
			hdr{"List-Unsubscribe", "<https://news.example.com/unsubscribe>"},
			hdr{"Precedence", "bulk"},
		), multipartPart("alternative", "sw_2026_03",
			textPart(text, "plain", "utf-8", "7bit"),
			textPart("<html><body>"+strings.ReplaceAll(text, "\n", "<br>")+"</body></html>", "html", "utf-8", "quoted-printable")))
		return msg, negative("statements@example.org")
	})

	addCase("neg-reply-asking-word-version", func() ([]byte, expect) {
		date := rfcDate(2026, 5, 28, 9, 5, 2)
		text := `Dear TSB,

Thank you for SG2-LS027. Could you please also send the Word version of
the statement? The datatracker upload requires it.

Best regards,
Karina Wojcik
IETF liaison support

On 26 May 2026, at 14:02, TSB SG2 Secretariat <tsbsg2@example.net> wrote:
> Source:        ITU-T Study Group 2
> Title:         LS on numbering resources for IoT device identification
> For action to:         IETF DNSOP WG
> Deadline:              31 October 2026
`
		msg := rawMessage(append(envelope("statements@example.org", "karina.wojcik@example.com", "mail.example.com", "192.0.2.150", date, "Ab5Cd6Ef7Gh8"),
			hdr{"From", addr("Karina Wojcik", "karina.wojcik@example.com")},
			hdr{"To", "tsbsg2@example.net"},
			hdr{"Cc", "statements@example.org"},
			hdr{"Subject", "Re: SG2-LS027: LS on numbering resources for IoT device identification"},
			hdr{"Date", date},
			hdr{"Message-ID", "<reply-sg2-ls027@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, negative("statements@example.org")
	})
}
