package classify

// Own fixtures that are not statements: people writing about statements (list replies
// quoting one, questions, thanks, reminders written by hand, a group's own draft reply
// circulated on its list).

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
	addCase("neg-manual-reminder", func() ([]byte, expect) {
		date := rfcDate(2026, 9, 10, 9, 0, 2)
		text := `Dear CCAMP chairs,

A gentle reminder that the response to the ITU-T SG15 liaison statement
SG15-LS151, "LS on management of fine-grain OTN (fgOTN) in the IETF TE
topology models", is due on 25 September 2026.

Please let me know whether a reply LS is being prepared.

Best regards,
Hedda Lund
IETF Liaison Manager to ITU-T
`
		msg := rawMessage(append(envelope("statements@example.org", "hedda.lund@example.com", "mail.example.com", "192.0.2.140", date, "Qr7Rs8St9Tu0"),
			hdr{"From", addr("Hedda Lund", "hedda.lund@example.com")},
			hdr{"To", "ccamp-chairs@example.org"},
			hdr{"Cc", "statements@example.org"},
			hdr{"Subject", "Reminder: reply to SG15-LS151 due 25 September"},
			hdr{"Date", date},
			hdr{"Message-ID", "<reminder-sg15-ls151@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, negative("statements@example.org")
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
	addCase("neg-list-draft-reply-ls-below", func() ([]byte, expect) {
		date := rfcDate(2026, 10, 6, 9, 15, 1)
		text := `Hi all,

Please find below a draft reply to the LS from ITU-T SG15 on OTN YANG
alignment. Comments by Friday 9 October, please; after that the chairs will
ask the IAB liaison manager to send it.

Daniele

-----
Title:     Reply LS on alignment of OTN YANG models
From:      IETF CCAMP WG
To:        ITU-T Study Group 15
Response to: SG15-LS061
Purpose:   For information
Deadline:  N/A
Contacts:  ccamp-chairs@example.org

Body:
CCAMP thanks SG15 for its LS. CCAMP has adopted the OTN topology model and
will keep SG15 informed of its progress.
`
		msg := rawMessage(append(envelope("ccamp@example.org", "ccamp-bounces@example.org", "mail.example.org", "192.0.2.3", date, "Ka1Kb2Kc3Kd4"),
			hdr{"From", addr("Daniele Ceccarelli", "daniele.ceccarelli@example.com")},
			hdr{"To", "ccamp@example.org"},
			hdr{"Subject", "[CCAMP] Reply to SG15 on OTN YANG alignment - comments by Friday"},
			hdr{"Date", date},
			hdr{"Message-ID", "<ccamp-draft-reply-sg15@example.com>"},
			hdr{"List-Id", "Common Control and Measurement Plane <ccamp.example.org>"},
			hdr{"Precedence", "list"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, negative("ccamp@example.org")
	})
	addCase("neg-list-proposed-response-attached", func() ([]byte, expect) {
		date := rfcDate(2026, 11, 2, 16, 40, -5)
		text := `Folks,

Attached is the proposed response to the O-RAN WG4 liaison on fronthaul
timing. We would like to send it before the end of the month, so please
send comments to the list by 13 November.

Title: Response to O-RAN Alliance WG4 on fronthaul timing YANG
From: IETF TEAS WG
To: O-RAN Alliance WG4
Purpose: For action
Deadline: 31 January 2027

Thanks,
Lou
`
		draft := buildDOCX("Lou Berger",
			wP("Title:\tResponse to O-RAN Alliance WG4 on fronthaul timing YANG", true),
			wP("From:\tIETF TEAS WG", false),
			wP("To:\tO-RAN Alliance WG4", false),
			wP("Purpose:\tFor action", false),
			wP("Deadline:\t31 January 2027", false),
			wP("TEAS asks WG4 to review the timing attributes of the slice model.", false),
		)
		msg := rawMessage(append(envelope("teas@example.org", "teas-bounces@example.org", "mail.example.org", "192.0.2.3", date, "Le5Lf6Lg7Lh8"),
			hdr{"From", addr("Lou Berger", "lou.berger@example.com")},
			hdr{"To", "teas@example.org"},
			hdr{"Subject", "[Teas] Response to O-RAN WG4 liaison on fronthaul timing for review"},
			hdr{"Date", date},
			hdr{"Message-ID", "<teas-oran-response-review@example.com>"},
			hdr{"List-Id", "Traffic Engineering Architecture and Signaling <teas.example.org>"},
		), multipartPart("mixed", "=_teas_draft",
			textPart(text, "plain", "us-ascii", "7bit"),
			attachPart(draft, docxCT, "response-to-oran-wg4-v1.docx", false)))
		return msg, negative("teas@example.org")
	})
	addCase("neg-list-tag-text-we-propose-to-send", func() ([]byte, expect) {
		date := rfcDate(2026, 11, 16, 7, 30, 0)
		text := `All,

below is the text we propose to send in reply to the Broadband Forum
liaison LIAISE-640. Please send any comments by 20 November.

Title:    Reply to BBF on packet loss metrics for fixed wireless access
From:     IETF IPPM WG
To:       Broadband Forum Technical Committee
Response to: LIAISE-640
Purpose:  For information
Deadline: N/A

IPPM thanks BBF for its liaison and points to RFC 7680 and RFC 9341.

Marcus (IPPM co-chair)
`
		msg := rawMessage(append(envelope("ippm@example.org", "marcus.ihlar@example.com", "mail.example.com", "192.0.2.171", date, "Ez1Fa2Fb3Fc4"),
			hdr{"From", addr("Marcus Ihlar", "marcus.ihlar@example.com")},
			hdr{"To", "ippm@example.org"},
			hdr{"Subject", "[ippm] Reply to BBF LIAISE-640 on packet loss metrics"},
			hdr{"Date", date},
			hdr{"Message-ID", "<ippm-reply-bbf-640@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, negative("ippm@example.org")
	})
	addCase("neg-draft-reply-to-list-address", func() ([]byte, expect) {
		date := rfcDate(2027, 1, 28, 17, 0, 1)
		text := `Dear OPSAWG,

The chairs drafted the reply below to the ETSI ISG F5G LS on fibre-to-the-room
management. Comments welcome until 5 February; we then ask the IESG to send it.

Title:     Reply LS on fibre-to-the-room management interfaces
From:      IETF OPSAWG
To:        ETSI ISG F5G
Purpose:   For information
Deadline:  None

OPSAWG thanks ISG F5G for its LS and points to the existing device models.

Henk
`
		msg := rawMessage(append(envelope("opsawg@example.org", "henk.birkholz@example.com", "mail.example.com", "192.0.2.191", date, "Jp7Jq8Jr9Js0"),
			hdr{"From", addr("Henk Birkholz", "henk.birkholz@example.com")},
			hdr{"To", "opsawg@example.org"},
			hdr{"Subject", "Reply to ETSI F5G on FTTR management - text for comments"},
			hdr{"Date", date},
			hdr{"Message-ID", "<opsawg-f5g-reply-text@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, negative("opsawg@example.org")
	})
}
