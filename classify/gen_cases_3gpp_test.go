package classify

import "strings"

// Own fixtures: 3GPP statements (tables in DOCX, bodies, HTML, PDFs, forwards).

const gppReply = "3GPP Liaisons Coordinator, mailto:3gppliaison@example.net"

func init() {
	addCase("3gpp-ran1-docx-table", func() ([]byte, expect) {
		date := rfcDate(2026, 3, 2, 9, 41, 1)
		doc := buildDOCX("Kirsten Holm",
			wTbl([][]string{
				{"**3GPP TSG RAN WG1 Meeting #124", "**R1-2603311"},
				{"Athens, Greece, 16th – 20th February 2026", ""},
			}),
			wP("", false),
			wTbl([][]string{
				{"**Title:", "LS on L4S ¦support for XR traffic in NR"},
				{"**Response to:", ""},
				{"**Release:", "Rel-20"},
				{"**Work Item:", "NR_XR_Ph3"},
				{"**Source:", "RAN1"},
				{"**To:", "IETF TSVWG, IETF ¦IPPM WG"},
				{"**CC:", "SA WG2, RAN WG2"},
				{"**Contact Person:", ""},
				{"**Name:", "Rohan Varga"},
				{"**Tel. Number:", "+44 20 7946 0315"},
				{"**E-mail:", "rohan.varga@¦example.com"},
				{"**Send any reply LS to:", gppReply},
				{"**Attachments:", "R1-2603100"},
			}),
			wP("1. Overall Description:", true),
			wP("RAN1 has discussed how the NR physical layer can support congestion marking for extended reality (XR) traffic that uses the L4S architecture. RAN1 assumes that ECN marking is applied in the gNB and that the UE does not need to be aware of it.", false),
			wP("The agreements reached so far are captured in the attached R1-2603100.", false),
			wP("2. Actions:", true),
			wP("To IETF TSVWG", true),
			wP("ACTION:\tRAN1 respectfully asks IETF TSVWG to share its views on whether per-PDU-set marking is compatible with the L4S identifier. Feedback before 15th May 2026 would be appreciated.", false),
			wP("To IETF IPPM WG", true),
			wP("ACTION:\tRAN1 asks IETF IPPM WG whether existing metrics can be used to measure PDU-set delay.", false),
			wP("3. Date of Next TSG RAN WG1 Meetings:", true),
			wP("TSG RAN WG1 Meeting #125\t18th – 22nd May 2026\tBangalore, IN", false),
			wP("TSG RAN WG1 Meeting #126\t24th – 28th August 2026\tGothenburg, SE", false),
		)
		body := multipartPart("alternative", "000000000000a1b2c3d4e5f60718",
			textPart("Dear colleagues,\n\nPlease find attached LS R1-2603311 from 3GPP TSG RAN WG1 to IETF TSVWG\nand IETF IPPM WG.\n\nKind regards,\nKirsten Holm\nMCC Support, TSG RAN WG1\n", "plain", "utf-8", "7bit"),
			textPart("<div dir=\"ltr\">Dear colleagues,<br><br>Please find attached LS R1-2603311 from 3GPP TSG RAN WG1 to IETF TSVWG and IETF IPPM WG.<br><br>Kind regards,<br>Kirsten Holm<br>MCC Support, TSG RAN WG1</div>", "html", "utf-8", "quoted-printable"),
		)
		msg := rawMessage(append(envelope("statements@example.org", "kirsten.holm@example.com", "mail.example.com", "192.0.2.31", date, "4hQm2RtP9xLb"),
			hdr{"From", addr("Kirsten Holm", "kirsten.holm@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "R1-2603311 LS on L4S support for XR traffic in NR"},
			hdr{"Date", date},
			hdr{"Message-ID", "<CAFk3p1x9RTq2mQ@mail.example.com>"},
		), multipartPart("mixed", "000000000000f1e2d3c4b5a69788", body, attachPart(doc, docxCT, "R1-2603311.docx", false)))
		return msg, expect{IsLiaison: true, Title: sp("LS on L4S support for XR traffic in NR"), From: []string{"3GPP TSG RAN WG1"},
			FromContacts: []string{"kirsten.holm@example.com", "rohan.varga@example.com"}, SendReplyTo: sp("3gppliaison@example.net"),
			To: []string{"IETF TSVWG", "IETF IPPM WG"}, SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-05-15"),
			OtherIdentifiers: []string{"R1-2603311"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"TSVWG", "IPPM"},
			Attachments: []attExp{{"R1-2603311.docx", docxCT}}}
	})
	addCase("3gpp-sa6-reply-ls-body", func() ([]byte, expect) {
		date := rfcDate(2026, 2, 20, 16, 3, 1)
		text := `Dear OAuth WG chairs,

Please find below the reply LS from 3GPP TSG SA WG6 (S6-2600214), agreed at
SA6#72 in Osaka.

Regards,
Mateo Ferri
MCC, TSG SA WG6

--------------------------------------------------------------------------
3GPP TSG SA WG6 Meeting #72                                      S6-2600214
Osaka, Japan, 9 - 13 February 2026

` + lbl("Title:", "Reply LS on token exchange profiles for edge applications", 16) + `
` + lbl("Response to:", "LS on token exchange profiles for edge applications (IETF OAuth WG,\n12 November 2025)", 16) + `
` + lbl("Release:", "Rel-20", 16) + `
` + lbl("Work Item:", "EDGEAPP_Ph3", 16) + `

` + lbl("Source:", "SA WG6", 16) + `
` + lbl("To:", "IETF OAuth WG", 16) + `
` + lbl("Cc:", "SA WG3", 16) + `

Contact Person:
` + lbl("Name:", "Mireia Soler", 16) + `
` + lbl("E-mail Address:", "mireia.soler@example.com", 16) + `

Send any reply LS to:   3GPP Liaisons Coordinator, mailto:3gppliaison@example.net

` + lbl("Attachments:", "None", 16) + `

1. Overall Description:

SA6 thanks IETF OAuth WG for its LS on token exchange profiles for edge
applications. SA6 confirms that the edge enabler server obtains access
tokens through the token exchange grant, and that the audience parameter
carries the edge application server identifier.

SA6 has not defined any new token type and does not plan to do so in
Release 20.

2. Actions:

To IETF OAuth WG

ACTION: SA6 asks IETF OAuth WG to take the above information into account
in its work on the edge profile.

3. Date of Next TSG-SA WG6 Meetings:

SA6#73      13 - 17 April 2026      Seoul, KR
SA6#74      25 - 29 May 2026        Sophia Antipolis, FR
`
		msg := rawMessage(append(envelope("statements@example.org", "mateo.ferri@example.com", "mail.example.com", "192.0.2.44", date, "9sKd3LmQ2pWz"),
			hdr{"From", addr("Mateo Ferri", "mateo.ferri@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Reply LS from 3GPP SA6 on token exchange profiles (S6-2600214)"},
			hdr{"Date", date},
			hdr{"Message-ID", "<5d1e0c47a9.e2b1@example.com>"},
			hdr{"In-Reply-To", "<liaison-2025-11-12-oauth-3gpp@datatracker.example.org>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Reply LS on token exchange profiles for edge applications"), From: []string{"3GPP TSG SA WG6"},
			FromContacts: []string{"mateo.ferri@example.com", "mireia.soler@example.com"}, SendReplyTo: sp("3gppliaison@example.net"),
			To: []string{"IETF OAuth WG"}, SendTo: sp("statements@example.org"), Purpose: sp("response"),
			InResponseTo:     sp("LS on token exchange profiles for edge applications (IETF OAuth WG, 12 November 2025)"),
			OtherIdentifiers: []string{"S6-2600214"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"OAUTH"}}
	})
	addCase("3gpp-ct3-outlook-html", func() ([]byte, expect) {
		date := rfcDate(2026, 3, 11, 14, 20, 1)
		html := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><style>p.MsoNormal{margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif}</style></head>
<body lang="EN-GB"><div class="WordSection1">
<p class="MsoNormal">Dear HTTP WG chairs,<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">CT3 agreed the following LS at its meeting in Wroc&#322;aw. The Word version is available on the 3GPP server as C3-261055.<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<table class="MsoNormalTable" border="0" cellpadding="0">
<tr><td><p class="MsoNormal"><b>Title:</b></p></td><td><p class="MsoNormal">LS on HTTP/3 priorities for service-based interfaces</p></td></tr>
<tr><td><p class="MsoNormal"><b>Response to:</b></p></td><td><p class="MsoNormal">&nbsp;</p></td></tr>
<tr><td><p class="MsoNormal"><b>Release:</b></p></td><td><p class="MsoNormal">Rel-20</p></td></tr>
<tr><td><p class="MsoNormal"><b>Work Item:</b></p></td><td><p class="MsoNormal">SBI_H3</p></td></tr>
<tr><td><p class="MsoNormal"><b>Source:</b></p></td><td><p class="MsoNormal">CT WG3</p></td></tr>
<tr><td><p class="MsoNormal"><b>To:</b></p></td><td><p class="MsoNormal">IETF HTTP WG</p></td></tr>
<tr><td><p class="MsoNormal"><b>Cc:</b></p></td><td><p class="MsoNormal">CT WG4</p></td></tr>
<tr><td><p class="MsoNormal"><b>Contact Person:</b></p></td><td><p class="MsoNormal">Zofia Kowalczyk – <a href="mailto:zofia.kowalczyk@example.com">zofia.kowalczyk@example.com</a></p></td></tr>
<tr><td><p class="MsoNormal"><b>Send any reply LS to:</b></p></td><td><p class="MsoNormal">3GPP Liaisons Coordinator, <a href="mailto:3gppliaison@example.net">3gppliaison@example.net</a></p></td></tr>
<tr><td><p class="MsoNormal"><b>Attachments:</b></p></td><td><p class="MsoNormal">None</p></td></tr>
</table>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal"><b>1. Overall Description</b></p>
<p class="MsoNormal">CT3 is specifying the use of HTTP/3 on the service-based interfaces between network functions. CT3 intends to use the Extensible Prioritization Scheme to let a consumer signal the relative urgency of notifications.</p>
<p class="MsoNormal"><b>2. Actions</b></p>
<p class="MsoNormal">CT3 kindly asks the IETF HTTP WG whether the “incremental” parameter is expected to be honoured by intermediaries, and would appreciate a response by 12 June 2026.</p>
<p class="MsoNormal"><b>3. Date of next CT3 meetings</b></p>
<p class="MsoNormal">CT3#146, 18–22 May 2026, Fukuoka</p>
<p class="MsoNormal">CT3#147, 24–28 August 2026, Gothenburg</p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Best regards,<br>Zofia Kowalczyk<br>CT3 Vice-Chair</p>
<p class="MsoNormal"><img src="cid:image001.png@01DCB1A2.5E3F0A10" width="120" height="40"></p>
</div></body></html>`
		related := multipartParams("related", "_004_DB9PR0C3MB1234EURP_", "; type=\"text/html\"",
			textPart(html, "html", "windows-1252", "quoted-printable"),
			inlineImage(pngBytes, "image001.png@01DCB1A2.5E3F0A10", "image001.png"),
		)
		msg := rawMessage(append(envelope("statements@example.org", "zofia.kowalczyk@example.com", "eur05-db8-obe.outbound.example.com", "198.51.100.66", date, "Pq7TnW2cXz4K"),
			hdr{"From", addr("Kowalczyk, Zofia", "zofia.kowalczyk@example.com")},
			hdr{"To", addr("IETF Liaison Statements", "statements@example.org")},
			hdr{"Subject", "[C3-261055] LS on HTTP/3 priorities for SBI"},
			hdr{"Thread-Topic", "[C3-261055] LS on HTTP/3 priorities for SBI"},
			hdr{"Date", date},
			hdr{"Message-ID", "<DB9PR0C3MB12345F0A1B2C3D4E5F6A7B8C9D0EURP@DB9PR0C3MB1234.eurprd.example.com>"},
			hdr{"Content-Language", "en-GB"},
		), related)
		return msg, expect{IsLiaison: true, Title: sp("LS on HTTP/3 priorities for service-based interfaces"), From: []string{"3GPP TSG CT WG3"},
			FromContacts: []string{"zofia.kowalczyk@example.com"}, SendReplyTo: sp("3gppliaison@example.net"),
			To: []string{"IETF HTTPBIS WG"}, SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-06-12"),
			OtherIdentifiers: []string{"C3-261055"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"HTTPBIS"}}
	})
	addCase("3gpp-sa5-pdf-end-of-month", func() ([]byte, expect) {
		date := rfcDate(2026, 2, 27, 8, 5, 1)
		p := newPDF()
		p.put(56, p.y, "3GPP TSG SA WG5 Meeting #165", true, 11)
		p.put(430, p.y, "S5-262001", true, 12)
		p.newline(14)
		p.line("Dubrovnik, Croatia, 16 - 20 February 2026", false)
		p.newline(8)
		p.kv("Title:", "LS on YANG data models for network slice subnet provisioning")
		p.kv("Response to:", "")
		p.kv("Release:", "Rel-20")
		p.kv("Work Item:", "NSMF_YANG")
		p.kv("Source:", "SA5")
		p.kv("To:", "IETF NETMOD WG, IETF OPSAWG")
		p.kv("Cc:", "TSG SA")
		p.kv("Contact Person:", "")
		p.kv("Name:", "Tomoko Ishida")
		p.kv("E-mail Address:", "tomoko.ishida@example.com")
		p.kv("Send any reply LS to:", "3GPP Liaisons Coordinator, mailto:3gppliaison@example.net")
		p.kv("Attachments:", "None")
		p.newline(8)
		p.line("1. Overall Description:", true)
		p.para("SA5 is defining the provisioning of network slice subnets with YANG data models derived from the 3GPP network resource model. SA5 would like to align the modelling of lists keyed by slice identifiers with the IETF guidelines for YANG authors.", 92)
		p.line("2. Actions:", true)
		p.line("To IETF NETMOD WG, IETF OPSAWG", true)
		p.para("ACTION: SA5 kindly asks IETF NETMOD WG and IETF OPSAWG to review the module structure in the annex of TS 28.541 and to provide feedback by the end of April 2026.", 92)
		p.line("3. Date of Next TSG SA WG5 Meetings:", true)
		p.line("SA5#166    11 - 15 May 2026    Montreal, CA", false)
		p.line("SA5#167    17 - 21 August 2026    Goteborg, SE", false)
		msg := rawMessage(append(envelope("statements@example.org", "rui.almeida@example.com", "mail.example.com", "192.0.2.71", date, "Vb3KdM8nQe1Z"),
			hdr{"From", addr("Rui Almeida (MCC)", "rui.almeida@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "3GPP SA5 LS to IETF NETMOD and OPSAWG"},
			hdr{"Date", date},
			hdr{"Message-ID", "<20260227080507.19c4@mail.example.com>"},
		), multipartPart("mixed", "=_Part_3a9d_01f2c8b7e6d5",
			textPart("Hello,\n\nAttached is the SA5 liaison statement S5-262001 in PDF.\n\nRui Almeida\nMCC\n", "plain", "us-ascii", "7bit"),
			attachPart(p.bytes(), "application/pdf", "S5-262001.pdf", false)))
		return msg, expect{IsLiaison: true, Title: sp("LS on YANG data models for network slice subnet provisioning"), From: []string{"3GPP TSG SA WG5"},
			FromContacts: []string{"rui.almeida@example.com", "tomoko.ishida@example.com"}, SendReplyTo: sp("3gppliaison@example.net"),
			To: []string{"IETF NETMOD WG", "IETF OPSAWG"}, SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-04-30"),
			OtherIdentifiers: []string{"S5-262001"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"NETMOD", "OPSAWG"},
			Attachments: []attExp{{"S5-262001.pdf", "application/pdf"}}}
	})
	addCase("3gpp-ran3-gmail-forward-docx", func() ([]byte, expect) {
		date := rfcDate(2026, 3, 4, 11, 2, 1)
		doc := buildDOCX("Yui Tanaka",
			wP("3GPP TSG RAN WG3 Meeting #131\t\t\tR3-261502", true),
			wP("Athens, GR, 23rd – 27th February 2026", false),
			wP("", false),
			wP("Title:\tLS on QoS monitoring for ¦time-sensitive flows", true),
			wP("Response to:\t", false),
			wP("Release:\tRel-20", false),
			wP("Work Item:\tTSC_Ph2", false),
			wP("", false),
			wP("Source:\tRAN3", false),
			wP("To:\tIETF DetNet WG", false),
			wP("Cc:\tSA WG2, RAN WG2", false),
			wP("", false),
			wP("Contact Person:", false),
			wP("Name:\tYui Tanaka", false),
			wP("E-mail Address:\tyui.tanaka@example.com", false),
			wP("", false),
			wP("Send any reply LS to:\t"+gppReply, false),
			wP("", false),
			wP("Attachments:\tNone", false),
			wP("1. Overall Description:", true),
			wP("RAN3 has agreed to report per-flow packet delay measurements from the gNB to the core network for time-sensitive communication. RAN3 would like to understand whether the DetNet OAM framework foresees a similar measurement point.", false),
			wP("2. Actions:", true),
			wP("To IETF DetNet WG", true),
			wP("ACTION:\tRAN3 kindly asks IETF DetNet WG to comment on the alignment and to respond by 26 June 2026.", false),
			wP("3. Dates of next TSG RAN WG3 meetings:", true),
			wP("RAN3#132\t18th – 22nd May 2026\tFukuoka, JP", false),
		)
		text := `FYI - this arrived at the 3GPP liaison manager address; forwarding it to the
intake so that it is recorded.

Cheers,
Paula

---------- Forwarded message ---------
From: Jiří Novák <jiri.novak@example.com>
Date: Mon, 2 Mar 2026 at 10:15
Subject: LS on QoS monitoring for time-sensitive flows (R3-261502)
To: <3gpp-liaison@example.org>
Cc: <detnet-chairs@example.org>


Dear IETF liaison manager,

Please find attached LS R3-261502 from 3GPP TSG RAN WG3 to the IETF DetNet
WG, approved at RAN3#131.

Best regards,
Jiří Novák
MCC Support, TSG RAN WG3
`
		msg := rawMessage(append(envelope("statements@example.org", "paula.brandt@example.com", "mail-oi1-f170.example.com", "203.0.113.20", date, "Lc8QpV3mXr5T"),
			hdr{"From", addr("Paula Brandt", "paula.brandt@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Fwd: LS on QoS monitoring for time-sensitive flows (R3-261502)"},
			hdr{"Date", date},
			hdr{"Message-ID", "<CAH8p2bLq7x+Wm3Q@mail.example.com>"},
		), multipartPart("mixed", "000000000000c4d5e6f708192a3b",
			multipartPart("alternative", "000000000000b3c4d5e6f7081920",
				textPart(text, "plain", "utf-8", "quoted-printable"),
				textPart("<div dir=\"ltr\">"+strings.ReplaceAll(text, "\n", "<br>")+"</div>", "html", "utf-8", "quoted-printable")),
			attachPart(doc, docxCT, "R3-261502.docx", false)))
		return msg, expect{IsLiaison: true, Title: sp("LS on QoS monitoring for time-sensitive flows"), From: []string{"3GPP TSG RAN WG3"},
			FromContacts: []string{"jiri.novak@example.com", "yui.tanaka@example.com"}, SendReplyTo: sp("3gppliaison@example.net"),
			To: []string{"IETF DetNet WG"}, SendTo: sp("3gpp-liaison@example.org"), Purpose: sp("action"), Deadline: sp("2026-06-26"),
			OtherIdentifiers: []string{"R3-261502"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"DETNET"},
			Attachments: []attExp{{"R3-261502.docx", docxCT}}}
	})
	addCase("3gpp-sa2-action-none-info", func() ([]byte, expect) {
		date := rfcDate(2026, 3, 9, 13, 30, 1)
		text := `Dear all,

The LS below was approved by SA WG2 at SA2#173 and is sent to you for
information.

Thanks,
Lars Eriksen
MCC, TSG SA WG2

3GPP TSG-SA WG2 Meeting #173                                      S2-2603456
Jeju, Korea, 2 - 6 March 2026

Title:              LS on support for reliable and available wireless
                    (RAW) paths in 5GS
Response to:        -
Release:            Rel-20
Work Items:         RAW5G
Source:             SA2
To:                 IETF DetNet WG, IETF RAW WG
Cc:                 RAN WG2, CT WG4
Contact Person:
   Name:            Oyelaran Adebayo
   E-mail Address:  oyelaran.adebayo@example.com
Send any reply LS to:  3GPP Liaisons Coordinator, mailto:3gppliaison@example.net
Attachments:        None

1. Overall Description:
SA2 has concluded the study on reliable and available wireless paths in
the 5G System and decided to specify redundant PDU sessions that a DetNet
relay node can use as two member flows of one DetNet flow.

2. Actions:
To IETF DetNet WG and IETF RAW WG
ACTION: None.

3. Date of Next TSG-SA WG2 Meetings:
SA2#174    18 - 22 May 2026     Montreal, CA
SA2#175    17 - 21 August 2026  Maastricht, NL
`
		msg := rawMessage(append(envelope("statements@example.org", "lars.eriksen@example.com", "mail.example.com", "192.0.2.58", date, "Wf2RkB7nHs9D"),
			hdr{"From", addr("Lars Eriksen", "lars.eriksen@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Cc", addr("Raw WG chairs", "raw-chairs@example.org")},
			hdr{"Subject", "S2-2603456: LS on RAW paths in 5GS (for information)"},
			hdr{"Date", date},
			hdr{"Message-ID", "<f00d2b61c7.a81e@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("LS on support for reliable and available wireless (RAW) paths in 5GS"), From: []string{"3GPP TSG SA WG2"},
			FromContacts: []string{"lars.eriksen@example.com", "oyelaran.adebayo@example.com"}, SendReplyTo: sp("3gppliaison@example.net"),
			To: []string{"IETF DetNet WG", "IETF RAW WG"}, SendTo: sp("statements@example.org"), Purpose: sp("information"),
			OtherIdentifiers: []string{"S2-2603456"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"DETNET"}}
	})
	addCase("3gpp-ct4-misdirected-dnsop-chairs", func() ([]byte, expect) {
		date := rfcDate(2026, 3, 16, 10, 12, 1)
		text := `Dear DHC chairs,

please find below LS C4-262210 from CT4.

BR
Annika Lehtonen
MCC, 3GPP TSG CT WG4

**************************************************************************
3GPP TSG CT WG4 Meeting #134                                     C4-262210
Tallinn, Estonia, 2nd - 6th March 2026

Title:          LS on DHCPv6 prefix delegation for 5G residential gateways
Response to:
Release:        Rel-20
Work Item:      5WWC_Ph3

Source:         CT WG4
To:             IETF DHC WG
Cc:             SA WG2, CT WG1

Contact Person:
Name:           Keoni Kahale
E-mail Address: keoni.kahale@example.com

Send any reply LS to:   3GPP Liaisons Coordinator, mailto:3gppliaison@example.net

Attachments:    None

1. Overall Description:
CT4 is specifying how the SMF delegates IPv6 prefixes to a 5G residential
gateway when the gateway requests prefixes of different lengths for
several downstream links.

2. Actions:
To IETF DHC WG
ACTION: CT4 kindly asks IETF DHC WG to confirm that a requesting router
may include several IA_PD options with different prefix-length hints, and
to send its reply no later than 3 July 2026.

3. Dates of next TSG CT WG4 meetings:
CT4#135    18th - 22nd May 2026      Fukuoka, JP
CT4#136    24th - 28th August 2026   Dresden, DE
`
		msg := rawMessage(append(envelope("dnsop-chairs@example.org", "annika.lehtonen@example.com", "mail.example.com", "192.0.2.90", date, "Zt4MpQ8wLk2S"),
			hdr{"From", addr("Annika Lehtonen", "annika.lehtonen@example.com")},
			hdr{"To", "dnsop-chairs@example.org"},
			hdr{"Subject", "LS C4-262210 on DHCPv6 prefix delegation for 5G RGs"},
			hdr{"Date", date},
			hdr{"Message-ID", "<2c6f3d81e0.74b2@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("LS on DHCPv6 prefix delegation for 5G residential gateways"), From: []string{"3GPP TSG CT WG4"},
			FromContacts: []string{"annika.lehtonen@example.com", "keoni.kahale@example.com"}, SendReplyTo: sp("3gppliaison@example.net"),
			To: []string{"IETF DHC WG"}, Purpose: sp("action"), Deadline: sp("2026-07-03"),
			OtherIdentifiers: []string{"C4-262210"}, DeliveredTo: sp("dnsop-chairs@example.org"), Misdirected: true, RouteTo: []string{"DHC"}}
	})
	addCase("3gpp-sa3-docx-tabs-dotted-date", func() ([]byte, expect) {
		date := rfcDate(2026, 3, 20, 15, 45, 1)
		doc := buildDOCX("Noor Haddad",
			wP("3GPP TSG-SA3 Meeting #127\t\t\t\tS3-261234", true),
			wP("Chicago, US, 13 – 17 April 2026", false),
			wP("", false),
			wP("Title:\tLS on ACME ¦challenge types for network function ¦certificates", true),
			wP("Response to:\t", false),
			wP("Release:\tRel-20", false),
			wP("Work Items:\tSBA_CERT, eAKMA", false),
			wP("", false),
			wP("Source:\tSA3", false),
			wP("To:\tIETF LAMPS WG, IETF ACME WG", false),
			wP("Cc:\tCT4", false),
			wP("", false),
			wP("Contact Person:", false),
			wP("Name:\tNoor Haddad", false),
			wP("E-mail:\tnoor.haddad@example.com", false),
			wP("", false),
			wP("Send any reply LS to:\t"+gppReply, false),
			wP("", false),
			wP("Attachments:\tS3-261198", false),
			wP("1. Overall Description:", true),
			wP("SA3 is studying automated certificate management for network functions in the service-based architecture, based on the ACME protocol. SA3 has identified the need for a challenge type that proves control of an NF instance identifier rather than a DNS name.", false),
			wP("2. Actions:", true),
			wP("To IETF LAMPS WG, IETF ACME WG", true),
			wP("ACTION:\tSA3 asks IETF ACME WG whether such a challenge type could be specified, and IETF LAMPS WG whether the NF instance identifier may be carried in a URI subject alternative name. SA3 would be grateful for a reply before 30.06.2026.", false),
			wP("3. Date of Next TSG-SA WG3 Meetings:", true),
			wP("SA3#128\t18 – 22 May 2026\tGothenburg, SE", false),
			wP("SA3#129\t24 – 28 August 2026\tSan Diego, US", false),
		)
		msg := rawMessage(append(envelope("statements@example.org", "noor.haddad@example.com", "mail.example.com", "192.0.2.61", date, "Qy6LnD1sWv8R"),
			hdr{"From", addr("Noor Haddad", "noor.haddad@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Cc", "lamps-chairs@example.org, acme-chairs@example.org"},
			hdr{"Subject", "LS from 3GPP SA3 (S3-261234)"},
			hdr{"Date", date},
			hdr{"Message-ID", "<8a1f2e3d4c.5b6a@example.com>"},
		), multipartPart("mixed", "=_Part_77e0_4c1d2b3a4f5e",
			textPart("Dear LAMPS and ACME chairs,\n\nSA3 sends you the attached LS S3-261234.\n\nBest regards,\nNoor Haddad\nSA3 Secretary\n", "plain", "us-ascii", "7bit"),
			attachPart(doc, docxCT, "S3-261234.docx", false)))
		return msg, expect{IsLiaison: true, Title: sp("LS on ACME challenge types for network function certificates"), From: []string{"3GPP TSG SA WG3"},
			FromContacts: []string{"noor.haddad@example.com"}, SendReplyTo: sp("3gppliaison@example.net"),
			To: []string{"IETF LAMPS WG", "IETF ACME WG"}, SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-06-30"),
			OtherIdentifiers: []string{"S3-261234"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"LAMPS", "ACME"},
			Attachments: []attExp{{"S3-261234.docx", docxCT}}}
	})
	addCase("3gpp-tsg-ct-plenary-pdf", func() ([]byte, expect) {
		date := rfcDate(2026, 3, 23, 9, 0, 1)
		p := newPDF()
		p.put(56, p.y, "3GPP TSG CT Meeting #111", true, 11)
		p.put(440, p.y, "CP-260099", true, 12)
		p.newline(14)
		p.line("Kyoto, Japan, 17 - 18 March 2026", false)
		p.newline(8)
		p.kv("Title:", "LS on Release 20 timeline for protocol work items")
		p.kv("Response to:", "")
		p.kv("Release:", "Rel-20")
		p.kv("Source:", "TSG CT")
		p.kv("To:", "IAB")
		p.kv("Cc:", "TSG SA, TSG RAN")
		p.kv("Contact Person:", "")
		p.kv("Name:", "Mehmet Yilmaz, TSG CT Chair")
		p.kv("E-mail Address:", "mehmet.yilmaz@example.com")
		p.kv("Send any reply LS to:", "3GPP Liaisons Coordinator, mailto:3gppliaison@example.net")
		p.kv("Attachments:", "None")
		p.newline(8)
		p.line("1. Overall Description:", true)
		p.para("TSG CT informs the IAB that the protocol freeze of Release 20 is planned for June 2027 and the ASN.1 and OpenAPI freeze for September 2027. IETF specifications referenced by Release 20 stage 3 work should be stable by March 2027.", 92)
		p.line("2. Actions:", true)
		p.line("To IAB", true)
		p.para("ACTION: None.", 92)
		p.line("3. Date of Next TSG CT Meetings:", true)
		p.line("CT#112    9 - 10 June 2026    Prague, CZ", false)
		msg := rawMessage(append(envelope("statements@example.org", "mehmet.yilmaz@example.com", "mail.example.com", "192.0.2.99", date, "Rn3JpX6vGk1M"),
			hdr{"From", addr("Mehmet Yilmaz", "mehmet.yilmaz@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "CP-260099 - LS from TSG CT to IAB"},
			hdr{"Date", date},
			hdr{"Message-ID", "<7e2d9c1b0a.3f4e@example.com>"},
		), multipartPart("mixed", "=_Part_12ab_9f8e7d6c5b4a",
			textPart("Dear IAB,\n\nplease find TSG CT's LS CP-260099 attached.\n\nRegards,\nMehmet Yilmaz\nChair, 3GPP TSG CT\n", "plain", "us-ascii", "7bit"),
			attachPart(p.bytes(), "application/pdf", "CP-260099.pdf", false)))
		return msg, expect{IsLiaison: true, Title: sp("LS on Release 20 timeline for protocol work items"), From: []string{"3GPP TSG CT"},
			FromContacts: []string{"mehmet.yilmaz@example.com"}, SendReplyTo: sp("3gppliaison@example.net"),
			To: []string{"IAB"}, SendTo: sp("statements@example.org"), Purpose: sp("information"),
			OtherIdentifiers: []string{"CP-260099"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"IAB"},
			Attachments: []attExp{{"CP-260099.pdf", "application/pdf"}}}
	})
	addCase("3gpp-joint-sa2-ct1-iso-deadline", func() ([]byte, expect) {
		date := rfcDate(2026, 3, 25, 17, 10, 1)
		text := `Dear DHC and DNSOP chairs,

Attached below is a joint LS from SA2 and CT1.

Kind regards,
Hanna Wójcik
MCC, TSG SA WG2

========================================================================
3GPP TSG SA WG2 Meeting #173                                 S2-2603990
Jeju, Korea, 2 - 6 March 2026

Title:          LS on DNS server discovery for URSP-based traffic routing
Response to:
Release:        Rel-20
Work Item:      eURSP

Source:         SA WG2, CT WG1
To:             IETF DHC WG, IETF DNSOP WG
Cc:             SA WG3

Contact Person:
Name:           Ingrid Solberg (SA2)
E-mail Address: ingrid.solberg@example.com
Name:           Pavel Dvořák (CT1)
E-mail Address: pavel.dvorak@example.com

Send any reply LS to:   3GPP Liaisons Coordinator, mailto:3gppliaison@example.net

Attachments:    None

1. Overall Description:
SA2 and CT1 have agreed that a UE may learn a DNS server per traffic
descriptor of a URSP rule.

2. Actions:
To IETF DHC WG, IETF DNSOP WG
ACTION: SA2 and CT1 ask both groups whether the existing DHCPv6 options
for encrypted DNS can be reused per PDU session. A reply by 2026-09-04
would allow the answer to be considered at SA2#176.

3. Date of Next TSG-SA WG2 Meetings:
SA2#174   18 - 22 May 2026      Montreal, CA
SA2#175   17 - 21 August 2026   Maastricht, NL
`
		msg := rawMessage(append(envelope("statements@example.org", "hanna.wojcik@example.com", "mail.example.com", "192.0.2.13", date, "Jd9WmK2qPt7E"),
			hdr{"From", addr("Hanna Wójcik", "hanna.wojcik@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Joint LS S2-2603990 on DNS server discovery for URSP"},
			hdr{"Date", date},
			hdr{"Message-ID", "<c0ffee12ab.9d8e@example.com>"},
		), textPart(text, "plain", "utf-8", "quoted-printable"))
		return msg, expect{IsLiaison: true, Title: sp("LS on DNS server discovery for URSP-based traffic routing"), From: []string{"3GPP TSG SA WG2", "3GPP TSG CT WG1"},
			FromContacts: []string{"hanna.wojcik@example.com", "ingrid.solberg@example.com", "pavel.dvorak@example.com"}, SendReplyTo: sp("3gppliaison@example.net"),
			To: []string{"IETF DHC WG", "IETF DNSOP WG"}, SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-09-04"),
			OtherIdentifiers: []string{"S2-2603990"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"DHC", "DNSOP"}}
	})
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
	addCase("3gpp-html-labels-in-paragraphs", func() ([]byte, expect) {
		date := rfcDate(2026, 6, 26, 8, 40, 2)
		html := `<html><body>
<p>Dear TSVWG chairs,</p>
<p>Please find the LS from 3GPP SA2 below.</p>
<p><b>Title:</b></p>
<p>LS on L4S congestion marking at the UPF</p>
<p><b>Response to:</b></p>
<p><b>Source:</b></p>
<p>SA2</p>
<p><b>To:</b></p>
<p>IETF TSVWG</p>
<p><b>Contact Person:</b></p>
<p>Adaeze Okafor, adaeze.okafor@example.com</p>
<p><b>Send any reply LS to:</b></p>
<p>3GPP Liaisons Coordinator, 3gppliaison@example.net</p>
<p><b>1. Overall Description:</b></p>
<p>SA2 is specifying L4S support in the 5G System and would like to confirm the behaviour of the UPF as an L4S-capable node.</p>
<p><b>2. Actions:</b></p>
<p>ACTION: SA2 asks TSVWG to review the assumptions in TS 23.501 clause 5.37 and to reply before 21 August 2026.</p>
<p>Regards,<br>Adaeze Okafor</p>
</body></html>`
		msg := rawMessage(append(envelope("statements@example.org", "adaeze.okafor@example.com", "mail.example.com", "192.0.2.33", date, "Cd9Ef0Gh1Ij2"),
			hdr{"From", addr("Adaeze Okafor", "adaeze.okafor@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "S2-2605501 LS on L4S marking at the UPF"},
			hdr{"Date", date},
			hdr{"Message-ID", "<s2-2605501@example.com>"},
		), textPart(html, "html", "utf-8", "quoted-printable"))
		return msg, expect{IsLiaison: true, Title: sp("LS on L4S congestion marking at the UPF"), From: []string{"3GPP TSG SA WG2"},
			FromContacts: []string{"adaeze.okafor@example.com"}, SendReplyTo: sp("3gppliaison@example.net"), To: []string{"IETF TSVWG"},
			SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-08-21"), OtherIdentifiers: []string{"S2-2605501"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"TSVWG"}}
	})
	addCase("3gpp-ls-docx-and-cr-docx", func() ([]byte, expect) {
		date := rfcDate(2026, 9, 2, 7, 50, 2)
		ls := buildDOCX("MCC",
			wP("3GPP TSG CT WG4 Meeting #136\t\t\tC4-263311", true),
			wP("", false),
			wP("Title:\tLS on Diameter-to-HTTP interworking for roaming", true),
			wP("Response to:\t", false),
			wP("Source:\tCT4", false),
			wP("To:\tIETF HTTPBIS WG", false),
			wP("Contact Person:", false),
			wP("Name:\tKeoni Kahale", false),
			wP("E-mail Address:\tkeoni.kahale@example.com", false),
			wP("Send any reply LS to:\t"+gppReply, false),
			wP("Attachments:\tC4-263290", false),
			wP("2. Actions:", true),
			wP("ACTION:\tCT4 asks HTTPBIS to review the interworking function described in the attached CR and to reply by 16 October 2026.", false),
		)
		cr := buildDOCX("MCC",
			wP("3GPP TSG-CT WG4 Meeting #136\t\t\tC4-263290", true),
			wP("CHANGE REQUEST", true),
			wTbl([][]string{
				{"**Title:", "Interworking function for Diameter roaming interfaces"},
				{"**Source to WG:", "Nokia, Ericsson"},
				{"**Source to TSG:", "CT4"},
				{"**Work item code:", "DHI"},
				{"**Date:", "2026-08-27"},
				{"**Category:", "B"},
				{"**Release:", "Rel-20"},
			}),
			wP("Reason for change: the interworking function must map Diameter result codes to HTTP status codes.", false),
		)
		msg := rawMessage(append(envelope("statements@example.org", "annika.lehtonen@example.com", "mail.example.com", "192.0.2.90", date, "Ab3Bc4Cd5De6"),
			hdr{"From", addr("Annika Lehtonen", "annika.lehtonen@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "LS C4-263311 to IETF HTTPBIS (with CR C4-263290)"},
			hdr{"Date", date},
			hdr{"Message-ID", "<c4-263311@example.com>"},
		), multipartPart("mixed", "=_Part_c4_263311",
			textPart("Dear HTTPBIS chairs,\n\nattached are LS C4-263311 and the CR it refers to.\n\nAnnika\n", "plain", "us-ascii", "7bit"),
			attachPart(cr, docxCT, "C4-263290.docx", false),
			attachPart(ls, docxCT, "C4-263311.docx", false)))
		return msg, expect{IsLiaison: true, Title: sp("LS on Diameter-to-HTTP interworking for roaming"), From: []string{"3GPP TSG CT WG4"},
			FromContacts: []string{"annika.lehtonen@example.com", "keoni.kahale@example.com"}, SendReplyTo: sp("3gppliaison@example.net"),
			To: []string{"IETF HTTPBIS WG"}, SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-10-16"),
			OtherIdentifiers: []string{"C4-263311"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"HTTPBIS"},
			Attachments: []attExp{{"C4-263290.docx", docxCT}, {"C4-263311.docx", docxCT}}}
	})
}
