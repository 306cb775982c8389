package classify

import "strings"

// Own fixtures that are not statements: automatic and bulk mail (out-of-office replies,
// bounces, read receipts, deadline notices, digests, newsletters, calls for papers).

func init() {
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
	addCase("neg-list-digest", func() ([]byte, expect) {
		date := rfcDate(2026, 3, 5, 12, 0, -8)
		text := `Send CCAMP mailing list submissions to
	ccamp@example.org

Today's Topics:

   1. New Liaison Statement, "LS on OTN path computation constraints"
      (Liaison Statement Management Tool)
   2. Re: OTN tunnel model (Italo Busi)

----------------------------------------------------------------------

Message: 1
Date: Tue, 24 Feb 2026 08:11:02 -0800
From: Liaison Statement Management Tool <statements@example.org>
Subject: [CCAMP] New Liaison Statement, "LS on OTN path computation
	constraints"

Title: LS on OTN path computation constraints
From: ITU-T-SG-15
To: CCAMP
Purpose: For action
Please reply by 2026-09-30
`
		msg := rawMessage(append(envelope("statements@example.org", "ccamp-bounces@example.org", "mail.example.org", "192.0.2.3", date, "Mn3No4Op5Pq6"),
			hdr{"From", "ccamp-request@example.org"},
			hdr{"To", "ccamp@example.org"},
			hdr{"Cc", "statements@example.org"},
			hdr{"Subject", "CCAMP Digest, Vol 215, Issue 3"},
			hdr{"Date", date},
			hdr{"Message-ID", "<mailman.123.1772323200.4321.ccamp@example.org>"},
			hdr{"List-Id", "Discussion list for the CCAMP working group <ccamp.example.org>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, negative("statements@example.org")
	})
	addCase("neg-exchange-ooo-html", func() ([]byte, expect) {
		date := rfcDate(2026, 9, 2, 7, 51, 2)
		html := `<html><body><p>Hello,</p><p>I am away from the office until Monday 14 September 2026 and will not be checking email. Your message regarding the liaison statement will be handled on my return.</p><p>Kind regards,<br>Joe</p></body></html>`
		msg := rawMessage(append(envelope("statements@example.org", "joe.clarke@example.com", "mail.example.com", "192.0.2.161", date, "Ij1Jk2Kl3Lm4"),
			hdr{"From", addr("Joe Clarke", "joe.clarke@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Automatic reply: LS C4-263311 to IETF HTTPBIS (with CR C4-263290)"},
			hdr{"Date", date},
			hdr{"Message-ID", "<ooo-joe-20260902@example.com>"},
			hdr{"X-Auto-Response-Suppress", "All"},
		), textPart(html, "html", "utf-8", "quoted-printable"))
		return msg, negative("statements@example.org")
	})
	addCase("neg-exchange-ndr", func() ([]byte, expect) {
		date := rfcDate(2026, 9, 2, 7, 52, 2)
		returned := rawMessage([]hdr{
			{"From", addr("IETF Liaison Statements", "statements@example.org")},
			{"To", "gone@example.com"},
			{"Subject", "LS C4-263311 to IETF HTTPBIS"},
			{"Date", date},
		}, textPart("Title: LS on Diameter-to-HTTP interworking for roaming\nSource: CT4\nTo: IETF HTTPBIS WG\n", "plain", "us-ascii", "7bit"))
		report := multipartParams("report", "ndr_boundary_77", "; report-type=delivery-status",
			textPart("Delivery has failed to these recipients or groups:\n\ngone@example.com\nThe email address you entered couldn't be found.\n", "plain", "us-ascii", "7bit"),
			part{hdrs: []hdr{{"Content-Type", "message/delivery-status"}}, body: []byte(toCRLF("Reporting-MTA: dns;mail.example.org\n\nFinal-Recipient: rfc822;gone@example.com\nAction: failed\nStatus: 5.1.10\n"))},
			rfc822Part(returned, ""),
		)
		msg := rawMessage(append(envelope("statements@example.org", "", "mail.example.org", "192.0.2.4", date, "Mn5No6Op7Pq8"),
			hdr{"From", addr("Microsoft Outlook", "postmaster@example.org")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Undeliverable: LS C4-263311 to IETF HTTPBIS"},
			hdr{"Date", date},
			hdr{"Message-ID", "<ndr-c4-263311@example.org>"},
		), report)
		return msg, negative("statements@example.org")
	})
}
