package classify

// Own fixtures: statements inside zip archives (3GPP sends SP-170768.zip holding the
// document). The transmitting mail says next to nothing; the fields come from the member.

func init() {
	addCase("container-3gpp-zip-holding-docx", func() ([]byte, expect) {
		date := rfcDate(2026, 6, 15, 10, 5, 1)
		doc := buildDOCX("Ines Moreau",
			wTbl([][]string{
				{"**3GPP TSG SA Meeting #112", "**SP-260455"},
				{"Prague, Czech Republic, 9 – 12 June 2026", ""},
			}),
			wP("", false),
			wTbl([][]string{
				{"**Title:", "LS on DNS-based discovery of edge application servers"},
				{"**Response to:", ""},
				{"**Release:", "Rel-20"},
				{"**Source:", "TSG SA"},
				{"**To:", "IETF DNSOP WG"},
				{"**Cc:", "TSG CT"},
				{"**Contact Person:", ""},
				{"**Name:", "Ines Moreau"},
				{"**E-mail:", "ines.moreau@example.com"},
				{"**Send any reply LS to:", gppReply},
			}),
			wP("1. Overall Description:", true),
			wP("TSG SA has agreed a study on discovering edge application servers through DNS and would like the IETF DNSOP WG to comment on the use of DNR in this setting.", false),
			wP("2. Actions:", true),
			wP("To IETF DNSOP WG", true),
			wP("ACTION:\tTSG SA asks IETF DNSOP WG to provide feedback by 30 September 2026.", false),
			wP("3. Date of Next TSG SA Meetings:", true),
			wP("TSG SA Meeting #113\t8th – 11th September 2026\tSeoul, KR", false),
		)
		archive := buildZip([2]string{"SP-260455.docx", string(doc)})
		msg := rawMessage(append(envelope("statements@example.org", "3gppliaison@example.net", "mail.example.net", "198.51.100.31", date, "Zz1Yy2Xx3Ww4"),
			hdr{"From", addr("3GPP Liaisons", "3gppliaison@example.net")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "SP-260455"},
			hdr{"Date", date},
			hdr{"Message-ID", "<SP-260455.20260615@example.net>"},
		), multipartPart("mixed", "----=_Part_260455",
			textPart("Please find the attached document.\n", "plain", "us-ascii", "7bit"),
			attachPart(archive, "application/x-zip-compressed", "SP-260455.zip", false)))
		return msg, expect{IsLiaison: true, Title: sp("LS on DNS-based discovery of edge application servers"), From: []string{"3GPP TSG SA"},
			FromContacts: []string{"3gppliaison@example.net", "ines.moreau@example.com"}, SendReplyTo: sp("3gppliaison@example.net"),
			To: []string{"IETF DNSOP WG"}, SendTo: sp("statements@example.org"), Purpose: sp("action"), Deadline: sp("2026-09-30"),
			OtherIdentifiers: []string{"SP-260455"}, DeliveredTo: sp("statements@example.org"), RouteTo: []string{"DNSOP"},
			Attachments: []attExp{{"SP-260455.zip", "application/x-zip-compressed"}, {"SP-260455.docx", docxCT}}}
	})
}
