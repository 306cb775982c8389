package classify

// Own fixtures: messages at the intake that are not statements.

func init() {
	addCase("neg-list-reply-quoting-3gpp", func() ([]byte, expect) {
		date := rfcDate(2026, 3, 5, 9, 12, 1)
		text := `Thanks Paula.

I think the RAN3 measurement point maps well onto the DetNet OAM
framework; we could answer with a short reply LS. Volunteers to draft?

Balázs

On Wed, Mar 4, 2026 at 11:02 AM Paula Brandt <paula.brandt@example.com> wrote:
> 3GPP TSG RAN WG3 Meeting #131                        R3-261502
>
> Title:          LS on QoS monitoring for time-sensitive flows
> Source:         RAN3
> To:             IETF DetNet WG
> Cc:             SA WG2, RAN WG2
> Contact Person:
> Name:           Yui Tanaka
> E-mail Address: yui.tanaka@example.com
> Send any reply LS to: 3GPP Liaisons Coordinator, mailto:3gppliaison@example.net
>
> ACTION: RAN3 kindly asks IETF DetNet WG to comment on the alignment and
> to respond by 26 June 2026.
>
_______________________________________________
detnet mailing list -- detnet@example.org
To unsubscribe send an email to detnet-leave@example.org
`
		msg := rawMessage(append(envelope("statements@example.org", "detnet-bounces@example.org", "mail.example.org", "192.0.2.3", date, "Zz3Aa4Bb5Cc6"),
			hdr{"From", addr("Balázs Tóth", "balazs.toth@example.com")},
			hdr{"To", "detnet@example.org"},
			hdr{"Cc", "statements@example.org"},
			hdr{"Subject", "Re: [DetNet] Fwd: LS on QoS monitoring for time-sensitive flows (R3-261502)"},
			hdr{"Date", date},
			hdr{"Message-ID", "<CAJ9x7q0Rt2Lm4@mail.example.com>"},
			hdr{"In-Reply-To", "<CAH8p2bLq7x+Wm3Q@mail.example.com>"},
			hdr{"List-Id", "DetNet discussions <detnet.example.org>"},
			hdr{"List-Unsubscribe", "<mailto:detnet-leave@example.org>"},
		), textPart(text, "plain", "utf-8", "quoted-printable"))
		return msg, negative("statements@example.org")
	})

	addCase("neg-outlook-toppost-reply-with-ls", func() ([]byte, expect) {
		date := rfcDate(2026, 5, 5, 10, 30, 2)
		text := `Vishnu, all,

I agree that WG9's mapping looks reasonable. I would suggest that TEAS
sends a short thank-you; no technical reply is needed.

Regards,
Lou

From: Vishnu Pavan <vishnu.pavan@example.com>
Sent: Monday, May 4, 2026 9:30 AM
To: teas@example.org
Cc: statements@example.org
Subject: [Teas] O-RAN WG9 LS: transport network slicing for xHaul

Title:    Transport network slicing for the O-RAN xHaul
From:     O-RAN Alliance WG9
To:       IETF TEAS WG
Purpose:  For information
Deadline: -
Contact:  Lucía Herrera, lucia.herrera@example.com

WG9 has published the xHaul transport slicing specification, which maps
O-RAN slice types to IETF network slice services.
`
		msg := rawMessage(append(envelope("statements@example.org", "teas-bounces@example.org", "mail.example.org", "192.0.2.3", date, "Dd7Ee8Ff9Gg0"),
			hdr{"From", addr("Lou Bergmann", "lou.bergmann@example.com")},
			hdr{"To", "teas@example.org"},
			hdr{"Cc", "statements@example.org"},
			hdr{"Subject", "RE: [Teas] O-RAN WG9 LS: transport network slicing for xHaul"},
			hdr{"Date", date},
			hdr{"Message-ID", "<BL0PR11MB3F2A1B0C9D8E7F6A5B4C@BL0PR11MB3F2A.namprd11.example.com>"},
			hdr{"List-Id", "Traffic Engineering Architecture and Signaling <teas.example.org>"},
		), textPart(text, "plain", "utf-8", "quoted-printable"))
		return msg, negative("statements@example.org")
	})

	addCase("neg-reminder-two-weeks", func() ([]byte, expect) {
		date := rfcDate(2026, 6, 12, 0, 5, -7)
		text := `Hello,

This is an automatic reminder: the action requested by the liaison
statement below is due in two weeks.

Title: LS on QoS monitoring for time-sensitive flows
From: 3GPP-TSG-RAN-WG3
To: DETNET
Deadline: 2026-06-26
URL: https://datatracker.example.org/liaison/2262/

Please record a response, or mark the action as taken, on the page above.

--
The liaison statement tool
`
		msg := rawMessage(append(envelope("statements@example.org", "wwwrun@example.org", "datatracker.example.org", "192.0.2.200", date, "Hh1Ii2Jj3Kk4"),
			hdr{"From", addr("Liaison Statement Management Tool", "statements@example.org")},
			hdr{"To", "detnet-chairs@example.org"},
			hdr{"Cc", "statements@example.org"},
			hdr{"Subject", "[Liaison deadline in two weeks] LS on QoS monitoring for time-sensitive flows"},
			hdr{"Date", date},
			hdr{"Message-ID", "<178123590301.2233.445566@datatracker.example.org>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, negative("statements@example.org")
	})

	addCase("neg-out-of-date", func() ([]byte, expect) {
		date := rfcDate(2026, 5, 1, 0, 5, -7)
		text := `The deadline of the liaison statement below has passed and no response
has been recorded.

Title: LS on network slicing for IMT-2030 transport networks
From: ITU-T-SG-13
To: TEAS
Deadline: 2026-04-30
URL: https://datatracker.example.org/liaison/2240/
`
		msg := rawMessage(append(envelope("statements@example.org", "wwwrun@example.org", "datatracker.example.org", "192.0.2.200", date, "Ll5Mm6Nn7Oo8"),
			hdr{"From", addr("Liaison Statement Management Tool", "statements@example.org")},
			hdr{"To", "teas-chairs@example.org"},
			hdr{"Cc", "statements@example.org"},
			hdr{"Subject", "[Liaison OUT OF DATE] LS on network slicing for IMT-2030 transport networks"},
			hdr{"Date", date},
			hdr{"Message-ID", "<177759390301.9911.223344@datatracker.example.org>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, negative("statements@example.org")
	})

	addCase("neg-receipt-thanks-reply", func() ([]byte, expect) {
		date := rfcDate(2026, 3, 30, 15, 20, 2)
		text := `Dear TSB SG16 Secretariat,

Many thanks for liaison statement SG16-LS078, "LS on RTP payload format for
immersive video (V3C)". We confirm receipt: it has been posted on the IETF
liaison pages and forwarded to the AVTCORE chairs, who will coordinate a
response before the deadline of 1 July 2026.

Best regards,
Hedda Lund
IETF Liaison Manager to ITU-T

> Please find attached an outgoing liaison statement from ITU-T Study Group 16.
`
		msg := rawMessage(append(envelope("statements@example.org", "hedda.lund@example.com", "mail.example.com", "192.0.2.140", date, "Pp9Qq0Rr1Ss2"),
			hdr{"From", addr("Hedda Lund", "hedda.lund@example.com")},
			hdr{"To", addr("ITU-T SG16 Secretariat", "tsbsg16@example.net")},
			hdr{"Cc", "statements@example.org, avtcore-chairs@example.org"},
			hdr{"Subject", "RE: LS/o SG16-LS078 to IETF AVTCORE WG: RTP payload format for V3C"},
			hdr{"Date", date},
			hdr{"Message-ID", "<AM0PR07MB55AA66BB77CC88DD@AM0PR07MB55AA.eurprd07.example.com>"},
			hdr{"In-Reply-To", "<SG16-LS078.20260327120001@example.net>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, negative("statements@example.org")
	})

	addCase("neg-ooo-german-autosubmitted", func() ([]byte, expect) {
		date := rfcDate(2026, 3, 2, 9, 42, 1)
		text := `Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 13. März 2026
nicht im Büro und habe nur eingeschränkten Zugriff auf meine E-Mails.

Thank you for your message. I am out of the office until 13 March 2026
with limited access to email. For urgent liaison matters please contact
the TSVWG co-chair.

Mit freundlichen Grüßen
Jens Hoffmann
`
		msg := rawMessage(append(envelope("statements@example.org", "jens.hoffmann@example.com", "mail.example.com", "192.0.2.160", date, "Tt3Uu4Vv5Ww6"),
			hdr{"From", addr("Jens Hoffmann", "jens.hoffmann@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Automatische Antwort: R1-2603311 LS on L4S support for XR traffic in NR"},
			hdr{"Date", date},
			hdr{"Message-ID", "<auto-20260302094201.jh@example.com>"},
			hdr{"Auto-Submitted", "auto-replied"},
			hdr{"X-Auto-Response-Suppress", "All"},
		), textPart(text, "plain", "utf-8", "quoted-printable"))
		return msg, negative("statements@example.org")
	})

	addCase("neg-ooo-no-header", func() ([]byte, expect) {
		date := rfcDate(2026, 4, 7, 17, 6, -7)
		text := `I am currently out of the office on annual leave and will respond to your
message on my return on 20 April 2026. For OPSAWG liaison matters, please
contact my co-chair.

Joe
`
		msg := rawMessage(append(envelope("statements@example.org", "joe.clarke@example.com", "mail.example.com", "192.0.2.161", date, "Xx7Yy8Zz9Aa0"),
			hdr{"From", addr("Joe Clarke", "joe.clarke@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Out of Office: MEF liaison L00361 to IETF OPSAWG"},
			hdr{"Date", date},
			hdr{"Message-ID", "<ooo-20260407170607.jc@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, negative("statements@example.org")
	})

	addCase("neg-cfp-workshop-spam", func() ([]byte, expect) {
		date := rfcDate(2026, 2, 18, 3, 33, 8)
		text := `CALL FOR PAPERS - 2nd International Workshop on Standards Liaison and
Interoperability (SLI 2026), co-located with a major networking conference

Dear colleague,

We invite submissions on the coordination between standards bodies such as
3GPP, ITU-T Study Group 13, IEEE 802.1, ETSI, O-RAN and the IETF, including
liaison statements, joint work items and interoperability testing.

Important dates:
  Paper submission deadline: 15 June 2026
  Notification of acceptance: 31 July 2026
  Camera-ready deadline: 21 August 2026
  Workshop: 12-13 October 2026

Please submit your paper via the conference system. Accepted papers will be
indexed in major digital libraries. Early-bird registration discount until
1 September 2026.

To unsubscribe from this list, click here.
`
		msg := rawMessage(append(envelope("statements@example.org", "bounce-2211@example.com", "mailer.example.com", "203.0.113.99", date, "Bb1Cc2Dd3Ee4"),
			hdr{"From", addr("SLI 2026 Workshop Chairs", "sli2026@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "CFP: Workshop on Standards Liaison and Interoperability - deadline 15 June 2026"},
			hdr{"Date", date},
			hdr{"Message-ID", "<cfp-sli2026-0218@example.com>"},
			hdr{"Precedence", "bulk"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, negative("statements@example.org")
	})

	addCase("neg-bounce-dsn-with-docx", func() ([]byte, expect) {
		date := rfcDate(2026, 3, 17, 6, 1, 1)
		doc := buildDOCX("TSB",
			wP("Title:\tLS on SRv6 compression for metro networks", false),
			wP("Source:\tITU-T Study Group 13", false),
			wP("For action to:\tIETF SPRING WG", false),
			wP("Deadline:\t30 June 2026", false),
		)
		returned := rawMessage([]hdr{
			{"From", addr("IETF Liaison Statements", "statements@example.org")},
			{"To", "former-spring-chair@example.com"},
			{"Subject", "Liaison statement: LS on SRv6 compression for metro networks"},
			{"Date", rfcDate(2026, 3, 17, 6, 0, 1)},
			{"Message-ID", "<fwd-sg13-srv6@example.org>"},
		}, multipartPart("mixed", "=_ret_1234",
			textPart("A liaison statement was received at statements@example.org and is\nforwarded to you as a contact of the addressed group.\n", "plain", "us-ascii", "7bit"),
			attachPart(doc, docxCT, "SG13-LS120.docx", false)))
		report := multipartParams("report", "6A1B2C3D4E.1773727261/mx.example.org", "; report-type=delivery-status",
			textPart("This is the mail system at host mx.example.org.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients. It's attached below.\n\n<former-spring-chair@example.com>: host mx.example.com[198.51.100.7] said:\n    550 5.1.1 User unknown (in reply to RCPT TO command)\n", "plain", "us-ascii", "7bit"),
			part{hdrs: []hdr{{"Content-Description", "Delivery report"}, {"Content-Type", "message/delivery-status"}},
				body: []byte(toCRLF("Reporting-MTA: dns; mx.example.org\nArrival-Date: " + date + "\n\nFinal-Recipient: rfc822; former-spring-chair@example.com\nAction: failed\nStatus: 5.1.1\n"))},
			rfc822Part(returned, ""),
		)
		msg := rawMessage(append(envelope("statements@example.org", "", "mx.example.org", "192.0.2.1", date, "Ff5Gg6Hh7Ii8"),
			hdr{"From", addr("Mail Delivery System", "MAILER-DAEMON@mx.example.org")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Undelivered Mail Returned to Sender"},
			hdr{"Date", date},
			hdr{"Message-ID", "<20260317060101.6A1B2C3D4E@mx.example.org>"},
			hdr{"Auto-Submitted", "auto-replied"},
		), report)
		return msg, negative("statements@example.org")
	})

	addCase("neg-list-discussion-no-quote", func() ([]byte, expect) {
		date := rfcDate(2026, 4, 22, 12, 40, 2)
		text := `Hi all,

Regarding the ITU-T SG15 liaison statement on fine-grain OTN (SG15-LS151),
I think we should reply that the TE topology augmentation work is already
planned. Should we discuss it at the interim on 5 May, or can the chairs
draft a reply LS on the list?

Also note the deadline is 25 September 2026.

Daniele
_______________________________________________
CCAMP mailing list -- ccamp@example.org
`
		msg := rawMessage(append(envelope("statements@example.org", "ccamp-bounces@example.org", "mail.example.org", "192.0.2.3", date, "Jj9Kk0Ll1Mm2"),
			hdr{"From", addr("Daniele Ceccarelli", "daniele.ceccarelli@example.com")},
			hdr{"To", "ccamp@example.org"},
			hdr{"Cc", "statements@example.org"},
			hdr{"Subject", "Re: [CCAMP] ITU-T SG15 LS on fgOTN management"},
			hdr{"Date", date},
			hdr{"Message-ID", "<CAB7w3z1Qp9Xy2@mail.example.com>"},
			hdr{"List-Id", "Discussion list for the CCAMP working group <ccamp.example.org>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, negative("statements@example.org")
	})

	addCase("neg-read-receipt", func() ([]byte, expect) {
		date := rfcDate(2026, 4, 9, 9, 0, 2)
		report := multipartParams("report", "----=_MDN_8899", "; report-type=disposition-notification",
			textPart("Your message\n\n  To: statements@example.org\n  Subject: ETSI ISG NFV LS to IETF RTGWG - NFV(26)000451\n\nwas read on 09/04/2026 09:00.\n", "plain", "us-ascii", "7bit"),
			part{hdrs: []hdr{{"Content-Type", "message/disposition-notification"}},
				body: []byte(toCRLF("Reporting-UA: mail.example.org\nFinal-Recipient: rfc822;statements@example.org\nOriginal-Message-ID: <nfv-26-000451@example.com>\nDisposition: manual-action/MDN-sent-manually; displayed\n"))},
		)
		msg := rawMessage(append(envelope("statements@example.org", "", "mail.example.org", "192.0.2.4", date, "Nn3Oo4Pp5Qq6"),
			hdr{"From", addr("Liaison Intake", "statements@example.org")},
			hdr{"To", addr("Emre Aydın", "emre.aydin@example.com")},
			hdr{"Subject", "Read: ETSI ISG NFV LS to IETF RTGWG - NFV(26)000451"},
			hdr{"Date", date},
			hdr{"Message-ID", "<mdn-nfv-26-000451@example.org>"},
		), report)
		return msg, negative("statements@example.org")
	})

	addCase("neg-interim-meeting-announcement", func() ([]byte, expect) {
		date := rfcDate(2026, 4, 1, 16, 0, -7)
		text := `The Deterministic Networking (DetNet) WG will hold a virtual interim
meeting on 14 April 2026 from 14:00 to 16:00 UTC.

Agenda:
  1. Administrivia
  2. Discussion of the 3GPP SA2 liaison statement on RAW paths in 5GS
     (S2-2603456) and whether a reply is needed
  3. DetNet OAM: progress on the YANG model
  4. AOB

Meeting link: https://meetings.example.org/interim-2026-detnet-02
Agenda and slides: https://datatracker.example.org/meeting/interim-2026-detnet-02/

Aiko and Marcus
DetNet chairs
`
		msg := rawMessage(append(envelope("statements@example.org", "iesg-secretary@example.org", "mail.example.org", "192.0.2.3", date, "Rr7Ss8Tt9Uu0"),
			hdr{"From", addr("IESG Secretary", "iesg-secretary@example.org")},
			hdr{"To", "IETF-Announce <ietf-announce@example.org>"},
			hdr{"Cc", "detnet@example.org, statements@example.org"},
			hdr{"Subject", "Deterministic Networking (detnet) WG Virtual Meeting: 2026-04-14"},
			hdr{"Date", date},
			hdr{"Message-ID", "<177508080001.3344.556677@datatracker.example.org>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, negative("statements@example.org")
	})
}
