package classify

import "strings"

// Own fixtures: ITU-T and ITU-D statements (the TSB's DOCX header table, upper-case
// ITU-D labels, dates without a year, Question numbers as the source).

func ituDocxHeader(docno, td, questions, meeting, sg, wp, source, title string) []docxBlock {
	return []docxBlock{
		wTbl([][]string{
			{"**INTERNATIONAL TELECOMMUNICATION UNION\nTELECOMMUNICATION STANDARDIZATION SECTOR\nSTUDY PERIOD 2025-2028", "**" + docno + "\n" + td},
			{"", "English only\nOriginal: English"},
			{"**Question(s):\t" + questions, "**Meeting, date:\t" + meeting},
			{"**Study Group:\t" + sg, "**Working Party:\t" + wp},
			{"**Source:", source},
			{"**Title:", title},
		}),
	}
}

func init() {
	addCase("itut-sg16-docx-contacts", func() ([]byte, expect) {
		date := rfcDate(2026, 3, 27, 12, 0, 1)
		blocks := ituDocxHeader("SG16-LS078", "TD 455 (PLEN/16)", "6/16", "Geneva, 16-27 March 2026", "16", "1",
			"ITU-T Study Group 16", "LS on RTP payload format for ¦immersive video (V3C)")
		blocks = append(blocks,
			wP("", false),
			wP("LIAISON STATEMENT", true),
			wTbl([][]string{
				{"**For action to:", "IETF AVTCORE WG"},
				{"**For comment to:", ""},
				{"**For information to:", "IETF MOQ WG, ISO/IEC JTC 1/SC 29/WG 7"},
				{"**Approval:", "Study Group 16 plenary (Geneva, 27 March 2026)"},
				{"**Deadline:", "1 July 2026"},
				{"**Contact:", "Leila Farahani\nQ6/16 Rapporteur\nIran (Islamic Republic of)", "Tel: +98 21 5550 1234\nE-mail: leila.farahani@example.com"},
				{"**Contact:", "Carlos Mendoza\nAssociate Rapporteur\nMexico", "Tel: +52 55 5550 2233\nE-mail: carlos.mendoza@example.com"},
			}),
			wP("Please don't change the structure of this table, just insert the necessary information.", false),
			wP("", false),
			wP("ITU-T Q6/16 is progressing draft Recommendation H.V3C-RTP on the transport of visual volumetric video-based coding (V3C) over RTP. Q6/16 would like to know whether IETF AVTCORE WG would be willing to register the payload format in coordination with ITU-T, and invites comments on the draft (attached as TD 455-A1) by the deadline above.", false),
			wP("The next meeting of Q6/16 is planned for 7-11 September 2026 (virtual).", false),
		)
		doc := buildDOCX("TSB", blocks...)
		msg := rawMessage(append(envelope("statements@example.org", "tsbsg16@example.net", "mx1.example.net", "198.51.100.16", date, "Ab1CdE2fGh3J"),
			hdr{"From", addr("ITU-T SG16 Secretariat", "tsbsg16@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Cc", "avtcore-chairs@example.org"},
			hdr{"Subject", "LS/o SG16-LS078 to IETF AVTCORE WG: RTP payload format for V3C"},
			hdr{"Date", date},
			hdr{"Message-ID", "<SG16-LS078.20260327120001@example.net>"},
		), multipartPart("mixed", "----=_NextPart_000_0016_01DCBE12.3456",
			textPart("Dear Sir/Madam,\n\nPlease find attached an outgoing liaison statement from ITU-T Study Group 16.\n\nYours faithfully,\n\nTSB Study Group 16 Secretariat\nInternational Telecommunication Union\n", "plain", "us-ascii", "7bit"),
			attachPart(doc, docxCT, "T25-SG16-260327-TD-PLEN-0455!!MSW-E.docx", false)))
		return msg, expect{IsLiaison: true, Title: sp("LS on RTP payload format for immersive video (V3C)"), From: []string{"ITU-T SG16"},
			FromContacts: []string{"tsbsg16@example.net", "leila.farahani@example.com", "carlos.mendoza@example.com"},
			To:           []string{"IETF AVTCORE WG", "IETF MOQ WG", "ISO/IEC JTC 1/SC 29/WG 7"}, SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-07-01"),
			OtherIdentifiers: []string{"SG16-LS078", "TD 455 (PLEN/16)"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"AVTCORE"},
			Attachments: []attExp{{"T25-SG16-260327-TD-PLEN-0455!!MSW-E.docx", docxCT}}}
	})
	addCase("itut-sg15-pdf-reply", func() ([]byte, expect) {
		date := rfcDate(2026, 3, 2, 8, 30, 1)
		p := newPDF()
		p.put(56, p.y, "INTERNATIONAL TELECOMMUNICATION UNION", true, 9)
		p.put(400, p.y, "SG15-LS140", true, 12)
		p.newline(12)
		p.put(56, p.y, "TELECOMMUNICATION STANDARDIZATION SECTOR", true, 9)
		p.put(400, p.y, "English only", false, 9)
		p.newline(12)
		p.put(56, p.y, "STUDY PERIOD 2025-2028", true, 9)
		p.put(400, p.y, "Original: English", false, 9)
		p.newline(20)
		p.kv2("Question(s):", "11/15", "Meeting, date:", "Virtual, 24 February 2026")
		p.kv2("Study Group:", "15", "Working Party:", "3")
		p.kv("Source:", "ITU-T Study Group 15")
		p.kv("Title:", "Reply LS on alignment of the FlexE YANG data model with G.8023")
		p.line("LIAISON STATEMENT", true)
		p.kv("For action to:", "")
		p.kv("For comment to:", "")
		p.kv("For information to:", "IETF CCAMP WG")
		p.kv("Approval:", "Q11/15 interim meeting (virtual, 24 February 2026)")
		p.kv("Deadline:", "N/A")
		p.put(56, p.y, "Contact:", true, 10)
		p.put(170, p.y, "Viktor Andersen", false, 10)
		p.put(340, p.y, "Tel: +45 35 55 01 22", false, 10)
		p.newline(13.5)
		p.put(170, p.y, "Fiberlink A/S, Denmark", false, 10)
		p.put(340, p.y, "E-mail: viktor.andersen@example.com", false, 10)
		p.newline(20)
		p.para(`In reply to your liaison statement "FlexE YANG model alignment with G.8023" of 10 December 2025, Q11/15 would like to inform IETF CCAMP WG that the 2026 revision of G.8023 keeps the calendar slot granularity of 5 Gbit/s and adds no new group-level attributes.`, 92)
		p.para("Q11/15 therefore sees no need to change the IETF FlexE YANG module and thanks CCAMP for the coordination.", 92)
		msg := rawMessage(append(envelope("statements@example.org", "tsbsg15@example.net", "mx1.example.net", "198.51.100.15", date, "Kl2MnO3pQr4S"),
			hdr{"From", addr("TSB SG15", "tsbsg15@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "ITU-T SG15 LS SG15-LS140 (reply to IETF CCAMP)"},
			hdr{"Date", date},
			hdr{"Message-ID", "<SG15-LS140.20260302083001@example.net>"},
		), multipartPart("mixed", "----=_NextPart_000_0015_01DCAA11.2233",
			textPart("Dear colleagues,\n\nPlease find attached liaison statement SG15-LS140.\n\nBest regards,\nTSB SG15 Secretariat\n", "plain", "us-ascii", "7bit"),
			attachPart(p.bytes(), "application/pdf", "SG15-LS140.pdf", false)))
		return msg, expect{IsLiaison: true, Title: sp("Reply LS on alignment of the FlexE YANG data model with G.8023"), From: []string{"ITU-T SG15"},
			FromContacts: []string{"tsbsg15@example.net", "viktor.andersen@example.com"},
			To:           []string{"IETF CCAMP WG"}, SendTo: sp("statements@example.org"), Purpose: sp("response"),
			InResponseTo: sp("FlexE YANG model alignment with G.8023"), OtherIdentifiers: []string{"SG15-LS140"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"CCAMP"},
			Attachments: []attExp{{"SG15-LS140.pdf", "application/pdf"}}}
	})
	addCase("itut-sg13-plain-end-of-month", func() ([]byte, expect) {
		date := rfcDate(2026, 2, 12, 10, 45, 1)
		text := `Dear colleagues,

Please find below liaison statement SG13-LS112, agreed by ITU-T Study
Group 13 at its February 2026 meeting.

Kind regards,
TSB Study Group 13 Secretariat

INTERNATIONAL TELECOMMUNICATION UNION            SG13-LS112
TELECOMMUNICATION STANDARDIZATION SECTOR         English only
STUDY PERIOD 2025-2028                           Original: English

Question(s):   20/13            Meeting, date:   Geneva, 2-13 February 2026
Study Group:   13               Working Party:   2
Source:        ITU-T Study Group 13
Title:         LS on network slicing for IMT-2030 transport networks

LIAISON STATEMENT

For action to:         IETF TEAS WG
For comment to:        -
For information to:    IETF OPSAWG, IRTF NMRG
Approval:              Agreed to at Study Group 13 meeting (Geneva, 13 February 2026)
Deadline:              End of April 2026

Contact:   Kwame Mensah               Tel: +233 30 555 0144
           Rapporteur Q20/13          E-mail: kwame.mensah@example.com
           Ghana
Contact:   Ines Carvalho              Tel: +351 21 555 0199
           Associate Rapporteur       E-mail: ines.carvalho@example.com
           Portugal

Q20/13 is developing draft Recommendation Y.IMT2030-NS on network slicing
in the transport network for IMT-2030. Q20/13 kindly asks IETF TEAS WG to
comment on the mapping of IMT-2030 slice service types to the IETF network
slice service model described in clause 8 of the draft.

IETF OPSAWG and IRTF NMRG are informed because the draft also reuses the
attachment circuit models and the intent classification work.

The next meeting of Q20/13 will take place in Geneva on 22-26 June 2026.
`
		msg := rawMessage(append(envelope("statements@example.org", "tsbsg13@example.net", "mx1.example.net", "198.51.100.13", date, "Tu5VwX6yZa7B"),
			hdr{"From", addr("TSB Study Group 13 Secretariat", "tsbsg13@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "SG13-LS112 - LS on network slicing for IMT-2030 transport networks"},
			hdr{"Date", date},
			hdr{"Message-ID", "<SG13-LS112.20260212104501@example.net>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("LS on network slicing for IMT-2030 transport networks"), From: []string{"ITU-T SG13"},
			FromContacts: []string{"tsbsg13@example.net", "kwame.mensah@example.com", "ines.carvalho@example.com"},
			To:           []string{"IETF TEAS WG", "IETF OPSAWG", "IRTF NMRG"}, SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-04-30"),
			OtherIdentifiers: []string{"SG13-LS112"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"TEAS", "OPSAWG", "NMRG"}}
	})
	addCase("itud-sg2-uppercase-labels", func() ([]byte, expect) {
		date := rfcDate(2026, 3, 6, 15, 5, 1)
		text := `Dear Sir/Madam,

The Rapporteur Group meeting for ITU-D Question 4/2 agreed the liaison
statement below. Please send any reply to bdtsg2@example.net.

Best regards,
BDT Study Group 2 Secretariat

INTERNATIONAL TELECOMMUNICATION UNION
TELECOMMUNICATION DEVELOPMENT SECTOR
STUDY PERIOD 2026-2029

QUESTIONS :  4/2

SOURCE :     ITU-D Study Group 2

MEETING :    Geneva, 2-6 March 2026

SUBJECT :    Network management practices for rural broadband access
             networks

TO :         IETF OPSAWG, ITU-T Study Group 15

APPROVAL :   Agreed to at the Rapporteur Group meeting for Question 4/2

FOR :        IETF OPSAWG for action; others for information

DEADLINE :   Reply by mid-June 2026

CONTACT :    Amadou Diallo, Rapporteur for Question 4/2
             E-mail: amadou.diallo@example.com

Question 4/2 is collecting case studies on the operation of broadband
access networks in rural and remote areas. The Rapporteur Group would
welcome information from IETF OPSAWG on operational practices and YANG
models that are suitable for networks with intermittent backhaul.
`
		msg := rawMessage(append(envelope("statements@example.org", "bdtsg2@example.net", "mx1.example.net", "198.51.100.22", date, "Cd3EfG4hIj5K"),
			hdr{"From", addr("ITU-D SG2 Secretariat", "bdtsg2@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "ITU-D SG2 Q4/2 liaison statement to IETF OPSAWG"},
			hdr{"Date", date},
			hdr{"Message-ID", "<itud-sg2-q4-20260306@example.net>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Network management practices for rural broadband access networks"), From: []string{"ITU-D SG2"},
			FromContacts: []string{"bdtsg2@example.net", "amadou.diallo@example.com"}, SendReplyTo: sp("bdtsg2@example.net"),
			To: []string{"IETF OPSAWG", "ITU-T SG15"}, SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-06-15"),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"OPSAWG"}}
	})
	addCase("itut-sg17-rtf-slashed-date", func() ([]byte, expect) {
		date := rfcDate(2026, 4, 2, 9, 15, 1)
		rtf := buildRTF(
			[]string{"INTERNATIONAL TELECOMMUNICATION UNION", "TELECOMMUNICATION STANDARDIZATION SECTOR", "STUDY PERIOD 2025-2028", "SG17-LS101", "English only"},
			[][2]string{
				{"Question(s):", "11/17"},
				{"Meeting, date:", "Geneva, 17-27 March 2026"},
				{"Source:", "ITU-T Study Group 17"},
				{"Title:", "LS on post-quantum signature algorithms in X.509 certificate profiles"},
				{"", "LIAISON STATEMENT"},
				{"For action to:", "IETF LAMPS WG"},
				{"For comment to:", ""},
				{"For information to:", "IETF ACME WG"},
				{"Approval:", "Agreed to at Study Group 17 meeting (Geneva, 27 March 2026)"},
				{"Deadline:", "15/09/2026"},
				{"Contact:", "Jonas Weber\nGermany\nE-mail: jonas.weber@example.com"},
			},
			[]string{
				"Q11/17 is revising Recommendation X.509 to accommodate post-quantum signature algorithms. Q11/17 asks IETF LAMPS WG to share its plans for composite signatures and the expected timeline of the related Internet-Drafts.",
				"IETF ACME WG is informed because certificate issuance automation may be affected.",
			})
		msg := rawMessage(append(envelope("statements@example.org", "tsbsg17@example.net", "mx1.example.net", "198.51.100.17", date, "Lm6NoP7qRs8T"),
			hdr{"From", addr("TSB SG17 Secretariat", "tsbsg17@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "LS from ITU-T SG17 - SG17-LS101"},
			hdr{"Date", date},
			hdr{"Message-ID", "<SG17-LS101.20260402@example.net>"},
		), multipartPart("mixed", "----=_NextPart_000_0017_01DCC2AA.BBCC",
			textPart("Dear colleagues,\n\nPlease find attached liaison statement SG17-LS101 (RTF).\n\nRegards,\nTSB SG17 Secretariat\n", "plain", "us-ascii", "7bit"),
			attachPart(rtf, "application/rtf", "SG17-LS101.rtf", false)))
		return msg, expect{IsLiaison: true, Title: sp("LS on post-quantum signature algorithms in X.509 certificate profiles"), From: []string{"ITU-T SG17"},
			FromContacts: []string{"tsbsg17@example.net", "jonas.weber@example.com"},
			To:           []string{"IETF LAMPS WG", "IETF ACME WG"}, SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-09-15"),
			OtherIdentifiers: []string{"SG17-LS101"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"LAMPS", "ACME"},
			Attachments: []attExp{{"SG17-LS101.rtf", "application/rtf"}}}
	})
	addCase("itut-sg11-outlook-original-message", func() ([]byte, expect) {
		date := rfcDate(2026, 3, 31, 16, 40, 2)
		text := `Forwarding to the intake for recording - this came to me directly.

Hedda

-----Original Message-----
From: TSB SG11 <tsbsg11@example.net>
Sent: Monday, March 30, 2026 11:02 AM
To: itu-t-liaison@example.org
Subject: LS/o SG11-LS044 - LS on SRv6 interoperability event results

Dear IETF liaison manager,

Please find below liaison statement SG11-LS044 from ITU-T Study Group 11.

Question(s):   12/11             Meeting, date:   Geneva, 16-25 March 2026
Study Group:   11                Working Party:   3
Source:        ITU-T Study Group 11
Title:         LS on results of the SRv6 interoperability event

LIAISON STATEMENT

For action to:
For comment to:
For information to:    IETF SPRING WG, IETF BMWG
Approval:              Agreed to at Q12/11 meeting (Geneva, 25 March 2026)
Deadline:              -

Contact:   Ayumi Kato                 Tel: +81 3 5550 1166
           Japan                      E-mail: ayumi.kato@example.com

Q12/11 informs IETF SPRING WG and IETF BMWG of the results of the SRv6
interoperability event held in February 2026. The report is available on
the ITU-T website. No action is requested.

TSB Study Group 11 Secretariat
`
		msg := rawMessage(append(envelope("statements@example.org", "hedda.lund@example.com", "mail.example.com", "192.0.2.140", date, "Uv9WxY0zAb1C"),
			hdr{"From", addr("Lund, Hedda", "hedda.lund@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "FW: LS/o SG11-LS044 - LS on SRv6 interoperability event results"},
			hdr{"Thread-Topic", "LS/o SG11-LS044 - LS on SRv6 interoperability event results"},
			hdr{"Date", date},
			hdr{"Message-ID", "<AM0PR07MB44D1E2F3A4B5C6D7E8F9@AM0PR07MB44D1.eurprd07.example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("LS on results of the SRv6 interoperability event"), From: []string{"ITU-T SG11"},
			FromContacts: []string{"tsbsg11@example.net", "ayumi.kato@example.com"},
			To:           []string{"IETF SPRING WG", "IETF BMWG"}, SendTo: sp("itu-t-liaison@example.org"), Purpose: sp("information"),
			OtherIdentifiers: []string{"SG11-LS044"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"SPRING", "BMWG"}}
	})
	addCase("itut-sg12-datatracker-in-response", func() ([]byte, expect) {
		date := rfcDate(2026, 4, 8, 7, 22, -7)
		text := `Title: Reply LS on passive latency measurement in mobile backhaul networks
Submission Date: 2026-04-08
URL of the IETF Web page: https://datatracker.example.org/liaison/2251/

From: ITU-T-SG-12 (Bogdan Ionescu <bogdan.ionescu@example.com>)
To: IPPM (Kofi Mensah <kofi.mensah@example.com>, ippm-chairs@example.org)
Cc: tsbsg12@example.net
Reponse Contact: tsbsg12@example.net
Technical Contact: Bogdan Ionescu <bogdan.ionescu@example.com>
Purpose: In response
Referenced liaison: Passive latency measurement in mobile backhaul networks (https://datatracker.example.org/liaison/2207/)

Body: Q15/12 thanks IETF IPPM WG for its reply on the applicability of the
alternate-marking method. Q15/12 has updated the draft Recommendation
accordingly and will not request a new registry entry.

Attachments:

    Reply LS on passive latency measurement in mobile backhaul networks
    https://datatracker.example.org/documents/LIAISON/liaison-2026-04-08-itu-t-sg-12-ippm-attachment-1.pdf
`
		msg := rawMessage(append(envelope("ippm@example.org", "wwwrun@example.org", "datatracker.example.org", "192.0.2.200", date, "De2FgH3iJk4L"),
			hdr{"From", addr("Liaison Statement Management Tool", "statements@example.org")},
			hdr{"To", addr("Kofi Mensah", "kofi.mensah@example.com") + ", ippm-chairs@example.org"},
			hdr{"Cc", "ippm@example.org, tsbsg12@example.net"},
			hdr{"Subject", "New Liaison Statement,\n \"Reply LS on passive latency measurement in mobile backhaul networks\""},
			hdr{"Date", date},
			hdr{"Message-ID", "<177573612101.4411.9912884@datatracker.example.org>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Reply LS on passive latency measurement in mobile backhaul networks"), From: []string{"ITU-T SG12"},
			FromContacts: []string{"bogdan.ionescu@example.com", "tsbsg12@example.net"}, SendReplyTo: sp("tsbsg12@example.net"),
			To: []string{"IETF IPPM WG"}, ToContacts: []string{"kofi.mensah@example.com", "ippm-chairs@example.org"}, Purpose: sp("response"),
			InResponseTo: sp("Passive latency measurement in mobile backhaul networks"),
			DeliveredTo:  sp("ippm@example.org"), RouteTo: []string{"IPPM"}}
	})
	addCase("itut-sg20-comment-with-deadline", func() ([]byte, expect) {
		date := rfcDate(2026, 4, 14, 11, 11, 2)
		text := `Dear OPSAWG chairs,

Please find below the text of liaison statement SG20-LS033.

With kind regards,
TSB SG20 Secretariat

------------------------------------------------------------------------
SG20-LS033
Source:               ITU-T Study Group 20
Title:                LS on device onboarding models for smart city IoT platforms

LIAISON STATEMENT

For action to:        -
For comment to:       IETF OPSAWG
For information to:   -
Approval:             Agreed to at Study Group 20 meeting (Geneva, 10 April 2026)
Deadline:             30 October 2026

Contact:              Olga Petrenko, Rapporteur Q2/20, olga.petrenko@example.com

Q2/20 is developing draft Recommendation Y.SC-onboard and invites comments
from IETF OPSAWG on the reuse of the IETF device onboarding YANG modules.
------------------------------------------------------------------------
`
		msg := rawMessage(append(envelope("statements@example.org", "tsbsg20@example.net", "mx1.example.net", "198.51.100.20", date, "Fg5HiJ6kLm7N"),
			hdr{"From", addr("TSB SG20 Secretariat", "tsbsg20@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "SG20-LS033: LS on device onboarding models for smart city IoT platforms"},
			hdr{"Date", date},
			hdr{"Message-ID", "<SG20-LS033.20260414@example.net>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("LS on device onboarding models for smart city IoT platforms"), From: []string{"ITU-T SG20"},
			FromContacts: []string{"tsbsg20@example.net", "olga.petrenko@example.com"},
			To:           []string{"IETF OPSAWG"}, SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-10-30"),
			OtherIdentifiers: []string{"SG20-LS033"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"OPSAWG"}}
	})
	addCase("itut-sg15-docx-weekday-deadline", func() ([]byte, expect) {
		date := rfcDate(2026, 4, 20, 10, 0, 2)
		blocks := ituDocxHeader("SG15-LS151", "TD 1302 (PLEN/15)", "14/15", "Geneva, 7-17 April 2026", "15", "3",
			"ITU-T Study Group 15", "LS on ¦management of fine-grain OTN (fgOTN) in the IETF TE topology models")
		blocks = append(blocks,
			wP("LIAISON STATEMENT", true),
			wTbl([][]string{
				{"**For action to:", "IETF CCAMP WG, IETF TEAS WG"},
				{"**For comment to:", ""},
				{"**For information to:", "BBF, ETSI ISG F5G"},
				{"**Approval:", "Agreed to at Study Group 15 meeting (Geneva, 17 April 2026)"},
				{"**Deadline:", "Friday, 25 September 2026"},
				{"**Contact:", "Marta Kowalska\nOptiCore sp. z o.o.\nPoland", "Tel: +48 22 555 0181\nE-mail: marta.kowalska@example.com"},
			}),
			wP("ITU-T Q14/15 has consented G.875 Amd.2 with management objects for fine-grain OTN. Q14/15 kindly asks IETF CCAMP WG and IETF TEAS WG to consider extending the TE topology models accordingly.", false),
		)
		doc := buildDOCX("TSB", blocks...)
		msg := rawMessage(append(envelope("statements@example.org", "tsbsg15@example.net", "mx1.example.net", "198.51.100.15", date, "Hi7JkL8mNo9P"),
			hdr{"From", addr("ITU-T SG15 Secretariat", "tsbsg15@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "[ITU-T SG15] Liaison statement SG15-LS151"},
			hdr{"Date", date},
			hdr{"Message-ID", "<SG15-LS151.20260420@example.net>"},
		), multipartPart("mixed", "----=_NextPart_000_0151_01DCD0AA.0011",
			textPart("Dear Sir/Madam,\n\nPlease find attached liaison statement SG15-LS151 from ITU-T Study Group 15.\n\nBest regards,\nTSB Study Group 15 Secretariat\n", "plain", "us-ascii", "7bit"),
			attachPart(doc, docxCT, "SG15-LS151.docx", false)))
		return msg, expect{IsLiaison: true, Title: sp("LS on management of fine-grain OTN (fgOTN) in the IETF TE topology models"), From: []string{"ITU-T SG15"},
			FromContacts: []string{"tsbsg15@example.net", "marta.kowalska@example.com"},
			To:           []string{"IETF CCAMP WG", "IETF TEAS WG", "BBF", "ETSI ISG F5G"}, SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-09-25"),
			OtherIdentifiers: []string{"SG15-LS151", "TD 1302 (PLEN/15)"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"CCAMP", "TEAS"},
			Attachments: []attExp{{"SG15-LS151.docx", docxCT}}}
	})
	addCase("itut-sg13-html-table-iso-deadline", func() ([]byte, expect) {
		date := rfcDate(2026, 4, 22, 13, 5, 2)
		html := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body>
<p class="MsoNormal">Dear NMRG chairs,</p>
<p class="MsoNormal">Please find below a liaison statement from ITU-T SG13 (Question 6/13).</p>
<table border="1" cellspacing="0" cellpadding="4">
<tr><td><b>Title:</b></td><td>LS on AI-native network management terminology</td></tr>
<tr><td><b>Source:</b></td><td>ITU-T Study Group 13</td></tr>
<tr><td><b>For action to:</b></td><td>IRTF NMRG</td></tr>
<tr><td><b>For information to:</b></td><td>IETF OPSAWG</td></tr>
<tr><td><b>Deadline:</b></td><td>2026-07-31</td></tr>
<tr><td><b>Contact:</b></td><td>Chloé Martin, Q6/13 Rapporteur, <a href="mailto:chloe.martin@example.com">chloe.martin@example.com</a></td></tr>
</table>
<p class="MsoNormal">Q6/13 asks IRTF NMRG to comment on the terminology for AI-native management in draft Y.AINM before its consent planned for the next SG13 meeting (Geneva, 12–23 October 2026).</p>
<p class="MsoNormal">TSB SG13 Secretariat</p>
</body></html>`
		msg := rawMessage(append(envelope("statements@example.org", "tsbsg13@example.net", "mx1.example.net", "198.51.100.13", date, "Qr1StU2vWx3Y"),
			hdr{"From", addr("TSB SG13 Secretariat", "tsbsg13@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "LS from ITU-T SG13 to IRTF NMRG"},
			hdr{"Date", date},
			hdr{"Message-ID", "<sg13-q6-nmrg-20260422@example.net>"},
		), textPart(html, "html", "windows-1252", "quoted-printable"))
		return msg, expect{IsLiaison: true, Title: sp("LS on AI-native network management terminology"), From: []string{"ITU-T SG13"},
			FromContacts: []string{"tsbsg13@example.net", "chloe.martin@example.com"},
			To:           []string{"IRTF NMRG", "IETF OPSAWG"}, SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-07-31"),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"NMRG", "OPSAWG"}}
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
	addCase("itut-question-as-source", func() ([]byte, expect) {
		date := rfcDate(2026, 6, 29, 12, 12, 2)
		text := `Dear colleagues,

The Q11/15 rapporteur meeting agreed the following liaison statement.

Source:               Q11/15 Rapporteur meeting (virtual, 22-26 June 2026)
Title:                LS on Ethernet OAM for FlexE client services

For action to:        IETF CCAMP WG
For comment to:
For information to:   MEF
Deadline:             18 September 2026

Contact:   Viktor Andersen, Q11/15 Rapporteur, viktor.andersen@example.com

Q11/15 asks CCAMP whether the FlexE client YANG model should reference
the Ethernet OAM model of IEEE 802.1Q.

TSB SG15 Secretariat
`
		msg := rawMessage(append(envelope("statements@example.org", "tsbsg15@example.net", "mx1.example.net", "198.51.100.15", date, "Kl3Mn4Op5Qr6"),
			hdr{"From", addr("TSB SG15", "tsbsg15@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "LS from Q11/15 on Ethernet OAM for FlexE client services"},
			hdr{"Date", date},
			hdr{"Message-ID", "<q11-15-flexe-oam@example.net>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("LS on Ethernet OAM for FlexE client services"), From: []string{"ITU-T SG15"},
			FromContacts: []string{"tsbsg15@example.net", "viktor.andersen@example.com"}, To: []string{"IETF CCAMP WG", "MEF"},
			SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-09-18"),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"CCAMP"}}
	})
	addCase("itut-pdf-unlabelled-title-line", func() ([]byte, expect) {
		date := rfcDate(2026, 7, 6, 10, 30, 2)
		p := newPDF()
		p.put(56, p.y, "INTERNATIONAL TELECOMMUNICATION UNION", true, 9)
		p.put(400, p.y, "SG13-LS130", true, 12)
		p.newline(12)
		p.put(56, p.y, "TELECOMMUNICATION STANDARDIZATION SECTOR", true, 9)
		p.newline(20)
		p.line("LIAISON STATEMENT", true)
		p.line("LS on quantum key distribution network management interfaces", true)
		p.newline(6)
		p.kv("Source:", "ITU-T Study Group 13")
		p.kv("For action to:", "IRTF NMRG")
		p.kv("Deadline:", "30 November 2026")
		p.kv("Contact:", "Kwame Mensah, kwame.mensah@example.com")
		p.newline(6)
		p.para("Q16/13 asks NMRG to comment on the management interface requirements for QKD networks in draft Y.QKDN-mi.", 92)
		msg := rawMessage(append(envelope("statements@example.org", "tsbsg13@example.net", "mx1.example.net", "198.51.100.13", date, "Ef5Fg6Gh7Hi8"),
			hdr{"From", addr("TSB SG13", "tsbsg13@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "SG13-LS130"},
			hdr{"Date", date},
			hdr{"Message-ID", "<SG13-LS130.20260706@example.net>"},
		), multipartPart("mixed", "----=_NextPart_000_0130",
			textPart("Please find attached SG13-LS130.\n", "plain", "us-ascii", "7bit"),
			attachPart(p.bytes(), "application/pdf", "SG13-LS130.pdf", false)))
		return msg, expect{IsLiaison: true, Title: sp("LS on quantum key distribution network management interfaces"), From: []string{"ITU-T SG13"},
			FromContacts: []string{"tsbsg13@example.net", "kwame.mensah@example.com"}, To: []string{"IRTF NMRG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2026-11-30"), OtherIdentifiers: []string{"SG13-LS130"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"NMRG"},
			Attachments: []attExp{{"SG13-LS130.pdf", "application/pdf"}}}
	})
	addCase("itut-deadline-without-year", func() ([]byte, expect) {
		date := rfcDate(2026, 11, 20, 10, 0, 1)
		text := `Dear colleagues,

Please find below liaison statement SG17-LS118.

Source:               ITU-T Study Group 17
Title:                LS on EST-based enrolment for constrained devices

For action to:        IETF LAMPS WG
For information to:   IETF ACME WG
Deadline:             February 15th

Contact:   Jonas Weber, Q11/17 Rapporteur, jonas.weber@example.com

Q11/17 asks LAMPS whether the constrained EST profile will be revised.

TSB SG17 Secretariat
`
		msg := rawMessage(append(envelope("statements@example.org", "tsbsg17@example.net", "mx1.example.net", "198.51.100.17", date, "St5Tu6Uv7Vw8"),
			hdr{"From", addr("TSB SG17 Secretariat", "tsbsg17@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "SG17-LS118 to IETF LAMPS"},
			hdr{"Date", date},
			hdr{"Message-ID", "<SG17-LS118@example.net>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("LS on EST-based enrolment for constrained devices"), From: []string{"ITU-T SG17"},
			FromContacts: []string{"tsbsg17@example.net", "jonas.weber@example.com"}, To: []string{"IETF LAMPS WG", "IETF ACME WG"},
			SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2027-02-15"), OtherIdentifiers: []string{"SG17-LS118"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"LAMPS", "ACME"}}
	})
	addCase("itud-upper-labels-space-colon-and", func() ([]byte, expect) {
		date := rfcDate(2026, 10, 20, 9, 0, 2)
		text := `INTERNATIONAL TELECOMMUNICATION UNION
TELECOMMUNICATION DEVELOPMENT SECTOR
STUDY GROUPS

QUESTIONS :  Q4/2
SOURCE :     ITU-D Study Group 2
SUBJECT :    Liaison statement on network resilience metrics for
             developing countries
FOR :        Action
DEADLINE :   15 January 2027
TO :         IETF IPPM WG and IETF OPSAWG
CONTACT :    Amina Diallo, Rapporteur Q4/2, amina.diallo@example.com

ITU-D Study Group 2 Question 4/2 is collecting resilience metrics and asks
IPPM and OPSAWG for pointers to relevant IETF work.
`
		msg := rawMessage(append(envelope("statements@example.org", "bdtsg2@example.net", "mx1.example.net", "198.51.100.22", date, "Qy5Qz6Ra7Rb8"),
			hdr{"From", addr("BDT SG2 Secretariat", "bdtsg2@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "ITU-D SG2 liaison to IETF"},
			hdr{"Date", date},
			hdr{"Message-ID", "<itud-sg2-ls-ippm@example.net>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Liaison statement on network resilience metrics for developing countries"), From: []string{"ITU-D SG2"},
			FromContacts: []string{"bdtsg2@example.net", "amina.diallo@example.com"}, To: []string{"IETF IPPM WG", "IETF OPSAWG"},
			SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2027-01-15"),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"IPPM", "OPSAWG"}}
	})
	addCase("itud-upper-labels-docx-amp-semicolon", func() ([]byte, expect) {
		date := rfcDate(2026, 11, 3, 14, 0, 1)
		doc := buildDOCX("BDT",
			wP("INTERNATIONAL TELECOMMUNICATION UNION", true),
			wP("TELECOMMUNICATION DEVELOPMENT SECTOR", false),
			wP("QUESTIONS :\tQ3/1", false),
			wP("SOURCE :\tITU-D Study Group 1", false),
			wP("SUBJECT :\tLS on certificate automation for e-government services", true),
			wP("FOR :\tInformation", false),
			wP("DEADLINE :\tN/A", false),
			wP("TO :\tIETF LAMPS WG & IETF ACME WG; ITU-T Study Group 17", false),
			wP("CONTACT :\tKofi Mensah, kofi.mensah@example.com", false),
			wP("ITU-D Study Group 1 informs the addressees of its case library on certificate automation.", false),
		)
		msg := rawMessage(append(envelope("statements@example.org", "bdtsg1@example.net", "mx1.example.net", "198.51.100.21", date, "Rc9Rd0Re1Rf2"),
			hdr{"From", addr("BDT SG1 Secretariat", "bdtsg1@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Liaison from ITU-D SG1"},
			hdr{"Date", date},
			hdr{"Message-ID", "<itud-sg1-ls-lamps@example.net>"},
		), multipartPart("mixed", "=_itud_sg1",
			textPart("Dear colleagues,\n\nplease find attached a liaison statement from ITU-D Study Group 1.\n\nBDT\n", "plain", "us-ascii", "7bit"),
			attachPart(doc, docxCT, "SG1-LS-certificates.docx", false)))
		return msg, expect{IsLiaison: true, Title: sp("LS on certificate automation for e-government services"), From: []string{"ITU-D SG1"},
			FromContacts: []string{"bdtsg1@example.net", "kofi.mensah@example.com"}, To: []string{"IETF LAMPS WG", "IETF ACME WG", "ITU-T SG17"},
			SendTo: sp("statements@example.org"), Purpose: sp("information"),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"LAMPS", "ACME"},
			Attachments: []attExp{{"SG1-LS-certificates.docx", docxCT}}}
	})
	addCase("itud-upper-labels-docx-table-commas", func() ([]byte, expect) {
		date := rfcDate(2026, 12, 1, 9, 30, 1)
		doc := buildDOCX("BDT",
			wP("INTERNATIONAL TELECOMMUNICATION UNION", true),
			wP("ITU-D Study Groups", false),
			wTbl([][]string{
				{"QUESTIONS :", "Q1/2"},
				{"SOURCE :", "ITU-D Study Group 2"},
				{"SUBJECT :", "Liaison statement on deterministic services for smart grids"},
				{"FOR :", "Comment"},
				{"DEADLINE :", "28 February 2027"},
				{"TO :", "IETF DetNet WG, IETF TSVWG and IETF BMWG"},
				{"CONTACT :", "Lucas Pereira, Rapporteur Q1/2, lucas.pereira@example.com"},
			}),
			wP("ITU-D Question 1/2 invites comments on its draft report on deterministic services.", false),
		)
		msg := rawMessage(append(envelope("statements@example.org", "bdtsg2@example.net", "mx1.example.net", "198.51.100.22", date, "Yb7Yc8Yd9Ye0"),
			hdr{"From", addr("BDT SG2 Secretariat", "bdtsg2@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "LS from ITU-D SG2 Q1/2 to IETF DetNet, TSVWG and BMWG"},
			hdr{"Date", date},
			hdr{"Message-ID", "<itud-sg2-ls-detnet@example.net>"},
		), multipartPart("mixed", "=_itud_sg2",
			textPart("Dear colleagues,\n\nplease find attached a liaison statement from ITU-D Study Group 2.\n\nBDT\n", "plain", "us-ascii", "7bit"),
			attachPart(doc, docxCT, "D22-SG2-LS-0042.docx", false)))
		return msg, expect{IsLiaison: true, Title: sp("Liaison statement on deterministic services for smart grids"), From: []string{"ITU-D SG2"},
			FromContacts: []string{"bdtsg2@example.net", "lucas.pereira@example.com"}, To: []string{"IETF DetNet WG", "IETF TSVWG", "IETF BMWG"},
			SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2027-02-28"),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"DETNET", "TSVWG", "BMWG"},
			Attachments: []attExp{{"D22-SG2-LS-0042.docx", docxCT}}}
	})
	addCase("itud-upper-labels-pdf-ampersand", func() ([]byte, expect) {
		date := rfcDate(2026, 12, 8, 11, 0, 1)
		pdf := newPDF()
		pdf.line("INTERNATIONAL TELECOMMUNICATION UNION", true).line("TELECOMMUNICATION DEVELOPMENT BUREAU", false).newline(6)
		pdf.kv("SOURCE :", "ITU-D Study Group 1").kv("SUBJECT :", "LS on IPv6 deployment indicators").kv("FOR :", "Information").
			kv("DEADLINE :", "None").kv("TO :", "IETF OPSAWG & IAB").kv("CONTACT :", "Mariam Haidari, mariam.haidari@example.com").newline(6)
		pdf.para("ITU-D Study Group 1 shares its IPv6 deployment indicators for information.", 90)
		msg := rawMessage(append(envelope("statements@example.org", "bdtsg1@example.net", "mx1.example.net", "198.51.100.21", date, "Zf1Zg2Zh3Zi4"),
			hdr{"From", addr("BDT SG1 Secretariat", "bdtsg1@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Liaison statement from ITU-D SG1 to the IETF"},
			hdr{"Date", date},
			hdr{"Message-ID", "<itud-sg1-ls-ipv6@example.net>"},
		), multipartPart("mixed", "=_itud_sg1_pdf",
			textPart("Dear colleagues,\n\nplease find the attached liaison statement.\n\nBDT\n", "plain", "us-ascii", "7bit"),
			attachPart(pdf.bytes(), "application/pdf", "SG1-LS-IPv6.pdf", false)))
		return msg, expect{IsLiaison: true, Title: sp("LS on IPv6 deployment indicators"), From: []string{"ITU-D SG1"},
			FromContacts: []string{"bdtsg1@example.net", "mariam.haidari@example.com"}, To: []string{"IETF OPSAWG", "IAB"},
			SendTo: sp("statements@example.org"), Purpose: sp("information"),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"OPSAWG", "IAB"},
			Attachments: []attExp{{"SG1-LS-IPv6.pdf", "application/pdf"}}}
	})
	addCase("itud-nbsp-colon-value-next-line", func() ([]byte, expect) {
		date := rfcDate(2026, 12, 14, 10, 0, 1)
		// Word writes a no-break space before the colon (French typography)
		text := strings.ReplaceAll(`INTERNATIONAL TELECOMMUNICATION UNION

QUESTIONS\u00a0: Q5/2
SOURCE\u00a0: ITU-D Study Group 2
SUBJECT\u00a0:
Liaison statement on emergency telecommunications and public
warning over IP
FOR\u00a0: Action
DEADLINE\u00a0: 31 March 2027
TO\u00a0: IETF OPSAWG and IPPM; ITU-T Study Group 13
CONTACT\u00a0: Nadia Rahman, Rapporteur Q5/2, nadia.rahman@example.com

Question 5/2 asks the addressees for pointers to their work on public warning
over IP networks.
`, `\u00a0`, "\u00a0")
		msg := rawMessage(append(envelope("statements@example.org", "bdtsg2@example.net", "mx1.example.net", "198.51.100.22", date, "Cr3Cs4Ct5Cu6"),
			hdr{"From", addr("BDT SG2 Secretariat", "bdtsg2@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "ITU-D SG2 Q5/2: liaison statement to IETF and ITU-T SG13"},
			hdr{"Date", date},
			hdr{"Message-ID", "<itud-sg2-ls-warning@example.net>"},
		), textPart(text, "plain", "utf-8", "quoted-printable"))
		return msg, expect{IsLiaison: true, Title: sp("Liaison statement on emergency telecommunications and public warning over IP"), From: []string{"ITU-D SG2"},
			FromContacts: []string{"bdtsg2@example.net", "nadia.rahman@example.com"}, To: []string{"IETF OPSAWG", "IETF IPPM WG", "ITU-T SG13"},
			SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2027-03-31"),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"OPSAWG", "IPPM"}}
	})
	addCase("itud-html-table-to-wrapped", func() ([]byte, expect) {
		date := rfcDate(2026, 12, 16, 13, 0, 1)
		html := `<html><body><p class="MsoNormal">Dear colleagues,</p>
<p class="MsoNormal">The liaison statement below is sent on behalf of ITU-D Study Group 1.</p>
<table>
<tr><td><b>QUESTIONS :</b></td><td>Q2/1</td></tr>
<tr><td><b>SOURCE :</b></td><td>ITU-D Study Group 1</td></tr>
<tr><td><b>SUBJECT :</b></td><td>Broadband measurement methods for rural connectivity</td></tr>
<tr><td><b>FOR :</b></td><td>Information</td></tr>
<tr><td><b>TO :</b></td><td>IETF IPPM WG, IETF BMWG<br>and Broadband Forum</td></tr>
<tr><td><b>CONTACT :</b></td><td>Kwame Asante, kwame.asante@example.com</td></tr>
</table>
<p class="MsoNormal">Question 2/1 shares its report on rural broadband measurement.</p>
<p class="MsoNormal">BDT SG1 Secretariat</p></body></html>`
		msg := rawMessage(append(envelope("statements@example.org", "bdtsg1@example.net", "mx1.example.net", "198.51.100.21", date, "Dv7Dw8Dx9Dy0"),
			hdr{"From", addr("BDT SG1 Secretariat", "bdtsg1@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Liaison statement from ITU-D Study Group 1"},
			hdr{"Date", date},
			hdr{"Message-ID", "<itud-sg1-ls-rural@example.net>"},
		), textPart(html, "html", "utf-8", "quoted-printable"))
		return msg, expect{IsLiaison: true, Title: sp("Broadband measurement methods for rural connectivity"), From: []string{"ITU-D SG1"},
			FromContacts: []string{"bdtsg1@example.net", "kwame.asante@example.com"}, To: []string{"IETF IPPM WG", "IETF BMWG", "BBF"},
			SendTo: sp("statements@example.org"), Purpose: sp("information"),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"IPPM", "BMWG"}}
	})
	addCase("itut-ls-workshop-invitation-is-statement", func() ([]byte, expect) {
		date := rfcDate(2027, 1, 11, 9, 0, 1)
		text := `Source:               ITU-T Study Group 13
Title:                Invitation to the ITU-T workshop on network digital twins

For information to:   IETF OPSAWG

Deadline:             -

Contact:   Li Wei, SG13 Vice-chair, li.wei@example.com

SG13 invites OPSAWG participants to its workshop on network digital twins.
Dates: 10 - 11 March 2027. Venue: ITU headquarters, Geneva, with remote
participation. Registration is free and open until 1 March 2027; a hotel
list is on the workshop page.

TSB SG13 Secretariat
`
		msg := rawMessage(append(envelope("statements@example.org", "tsbsg13@example.net", "mx1.example.net", "198.51.100.13", date, "Gd5Ge6Gf7Gg8"),
			hdr{"From", addr("TSB SG13 Secretariat", "tsbsg13@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "SG13-LS201: Invitation to the ITU-T workshop on network digital twins"},
			hdr{"Date", date},
			hdr{"Message-ID", "<SG13-LS201@example.net>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Invitation to the ITU-T workshop on network digital twins"), From: []string{"ITU-T SG13"},
			FromContacts: []string{"tsbsg13@example.net", "li.wei@example.com"}, To: []string{"IETF OPSAWG"},
			SendTo: sp("statements@example.org"), Purpose: sp("information"), OtherIdentifiers: []string{"SG13-LS201"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"OPSAWG"}}
	})
}
