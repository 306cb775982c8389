package classify

// Own fixtures that are not statements: meeting announcements and calendar invitations,
// an SDO's meeting invitation among them.

const icsInvite = `BEGIN:VCALENDAR
PRODID:-//Example Corp//Calendar 1.0//EN
VERSION:2.0
METHOD:REQUEST
BEGIN:VEVENT
DTSTART:20261015T140000Z
DTEND:20261015T150000Z
SUMMARY:ITU-T SG15 / IETF CCAMP liaison coordination
LOCATION:https://meet.example.com/j/5550001
ORGANIZER;CN=Deborah Brungard:mailto:deborah.brungard@example.com
ATTENDEE;CN=CCAMP chairs:mailto:ccamp-chairs@example.org
DESCRIPTION:Coordination call on the reply to the ITU-T SG15 LS on OTN YANG.
UID:20261015-ccamp-sg15@example.com
END:VEVENT
END:VCALENDAR
`

func init() {
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
	addCase("neg-calendar-invitation-text-calendar", func() ([]byte, expect) {
		date := rfcDate(2026, 10, 1, 12, 5, 0)
		text := `Deborah Brungard has invited you to an event.

ITU-T SG15 / IETF CCAMP liaison coordination
When: Thursday 15 October 2026 14:00 - 15:00 (UTC)
Where: https://meet.example.com/j/5550001
Join by phone: +1 555 0100, PIN 5550001

Coordination call on the reply to the ITU-T SG15 LS on OTN YANG (SG15-LS061).
Deadline for the reply: 30 October 2026.
`
		msg := rawMessage(append(envelope("ccamp-chairs@example.org", "calendar-notification@example.com", "mail.example.com", "192.0.2.44", date, "Mi9Mj0Mk1Ml2"),
			hdr{"From", addr("Deborah Brungard", "deborah.brungard@example.com")},
			hdr{"To", "ccamp-chairs@example.org"},
			hdr{"Subject", "Invitation: ITU-T SG15 / IETF CCAMP liaison coordination @ Thu 15 Oct 2026 14:00 - 15:00 (UTC)"},
			hdr{"Date", date},
			hdr{"Message-ID", "<invite-ccamp-sg15@example.com>"},
		), multipartPart("alternative", "=_cal_1",
			textPart(text, "plain", "utf-8", "7bit"),
			textPart(icsInvite, "calendar", "utf-8", "7bit")))
		return msg, negative("ccamp-chairs@example.org")
	})
	addCase("neg-updated-invitation-ics-attachment", func() ([]byte, expect) {
		date := rfcDate(2026, 10, 8, 8, 0, 2)
		text := `This event has been changed.

Liaison statement review: 3GPP SA2 LS on URSP and DNS (S2-2604411)
When (changed): Tuesday 20 October 2026 13:00 - 14:00 CEST
Where: Teams meeting
Join the meeting: https://teams.example.com/l/meetup-join/19-abc

Organizer: Magnus Westerlund
`
		msg := rawMessage(append(envelope("dnsop-chairs@example.org", "magnus.westerlund@example.com", "mail.example.com", "192.0.2.45", date, "Nm3Nn4No5Np6"),
			hdr{"From", addr("Magnus Westerlund", "magnus.westerlund@example.com")},
			hdr{"To", "dnsop-chairs@example.org"},
			hdr{"Subject", "Updated invitation: Liaison statement review: 3GPP SA2 LS on URSP and DNS"},
			hdr{"Date", date},
			hdr{"Message-ID", "<updated-invite-sa2-ls@example.com>"},
		), multipartPart("mixed", "=_cal_2",
			textPart(text, "plain", "utf-8", "7bit"),
			attachPart([]byte(toCRLF(icsInvite)), "application/ics", "invite.ics", false)))
		return msg, expect{DeliveredTo: sp("dnsop-chairs@example.org"), Attachments: []attExp{{"invite.ics", "application/ics"}}}
	})
	addCase("neg-3gpp-tsg-meeting-invitation", func() ([]byte, expect) {
		date := rfcDate(2026, 9, 1, 10, 0, 2)
		text := `3GPP TSG SA Meeting #114                                    SP-261001
Sophia Antipolis, France, 7 - 10 December 2026

Title:        Invitation to TSG SA meeting #114
Source:       TSG SA Chair
Agenda item:  1

Dear delegates,

On behalf of ETSI MCC, we are pleased to invite you to 3GPP TSG SA meeting
#114, hosted by ETSI.

Dates:        7 - 10 December 2026
Venue:        ETSI, 650 Route des Lucioles, Sophia Antipolis
Hotel:        a block of rooms is held until 6 November 2026
Registration: please register by 27 November 2026 on the 3GPP portal
Tdoc submission deadline: 30 November 2026, 23:59 UTC

Documents for the meeting will be numbered SP-261xxx.

MCC
`
		msg := rawMessage(append(envelope("statements@example.org", "mcc@example.net", "mx.example.net", "198.51.100.30", date, "Oq7Or8Os9Ot0"),
			hdr{"From", addr("3GPP MCC", "mcc@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Invitation to TSG SA meeting #114 (SP-261001)"},
			hdr{"Date", date},
			hdr{"Message-ID", "<SP-261001@example.net>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, negative("statements@example.org")
	})
	addCase("neg-etsi-meeting-announcement", func() ([]byte, expect) {
		date := rfcDate(2026, 9, 15, 11, 30, 2)
		text := `ETSI TC CYBER

Meeting announcement and invitation: CYBER#43

Dates:      25 - 27 January 2027
Venue:      ETSI premises, Sophia Antipolis, and remote participation
Registration deadline: 11 January 2027
Contribution deadline: 18 January 2027
Hotel information and the draft agenda, CYBER(27)000001, are on the portal.

Liaison partners, including the IETF, are welcome to attend as observers.

ETSI Secretariat
`
		msg := rawMessage(append(envelope("statements@example.org", "cyber-support@example.net", "mx.example.net", "198.51.100.31", date, "Pu1Pv2Pw3Px4"),
			hdr{"From", addr("ETSI TC CYBER Secretariat", "cyber-support@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "ETSI TC CYBER#43 meeting invitation"},
			hdr{"Date", date},
			hdr{"Message-ID", "<cyber43-invitation@example.net>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, negative("statements@example.org")
	})
	addCase("neg-3gpp-ran2-invitation-docx", func() ([]byte, expect) {
		date := rfcDate(2027, 1, 5, 9, 0, 1)
		doc := buildDOCX("MCC",
			wP("3GPP TSG-RAN WG2 Meeting #137\t\t\tR2-2700001", true),
			wP("Athens, Greece, 22 - 26 February 2027", false),
			wP("Title:\tInvitation to 3GPP TSG RAN WG2 meeting #137", true),
			wP("Source:\tRAN2 Chair, MCC", false),
			wP("Dates:\t22 - 26 February 2027", false),
			wP("Venue:\tAthens conference centre; the host offers a hotel block until 20 January 2027.", false),
			wP("Registration:\topen on the 3GPP portal until 15 February 2027; visa letters on request.", false),
			wP("Tdoc submission deadline:\t12 February 2027.", false),
		)
		msg := rawMessage(append(envelope("statements@example.org", "mcc@example.net", "mx.example.net", "198.51.100.30", date, "Kt1Ku2Kv3Kw4"),
			hdr{"From", addr("3GPP MCC", "mcc@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "R2-2700001: RAN2#137 invitation"},
			hdr{"Date", date},
			hdr{"Message-ID", "<R2-2700001@example.net>"},
		), multipartPart("mixed", "=_ran2_inv",
			textPart("Dear all,\n\nplease find attached the invitation to RAN2#137.\n\nMCC\n", "plain", "us-ascii", "7bit"),
			attachPart(doc, docxCT, "R2-2700001.docx", false)))
		return msg, expect{DeliveredTo: sp("statements@example.org"), Attachments: []attExp{{"R2-2700001.docx", docxCT}}}
	})
}
