package classify

// Own fixtures: ITU-T and ITU-D statements.

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
}
