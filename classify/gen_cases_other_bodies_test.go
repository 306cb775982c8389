package classify

// Own fixtures: bodies of families the extractor has no rules for (GSMA, ATIS).

func init() {
	addCase("gsma-generic-labels", func() ([]byte, expect) {
		date := rfcDate(2026, 5, 22, 12, 0, 1)
		text := `Dear DNSOP Working Group chairs,

Please find below a liaison from the GSMA Networks Group.

Subject:               Operational guidance for DNS resolvers in IPX networks
From:                  GSMA Networks Group
To:                    IETF DNSOP WG
Action requested:      Review and comment
Response requested by: 31 May 2026
Contact:               Fatima Zahra Benali, Networks Group Chair,
                       fatima.benali@example.com

GSMA has published IR.67 version 25 with guidance on the operation of DNS
resolvers in the inter-operator IPX network. GSMA asks the DNSOP WG to
review section 5 on DNSSEC validation at IPX resolvers and to send any
comments to the contact above.

Kind regards,
Fatima Zahra Benali
`
		msg := rawMessage(append(envelope("statements@example.org", "fatima.benali@example.com", "mail.example.com", "192.0.2.244", date, "Bb9Cc0Dd1Ee2"),
			hdr{"From", addr("Fatima Zahra Benali", "fatima.benali@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "GSMA liaison to IETF DNSOP"},
			hdr{"Date", date},
			hdr{"Message-ID", "<gsma-ng-dnsop-20260522@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Operational guidance for DNS resolvers in IPX networks"), From: []string{"GSMA"},
			FromContacts: []string{"fatima.benali@example.com"}, To: []string{"IETF DNSOP WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2026-05-31"), DeliveredTo: sp("statements@example.org"), RouteTo: []string{"DNSOP"}}
	})
	addCase("atis-letter-unknown-family", func() ([]byte, expect) {
		date := rfcDate(2026, 5, 26, 15, 0, -4)
		text := `Alliance for Telecommunications Industry Solutions

26 May 2026

To:       IETF SIDROPS WG
From:     Alliance for Telecommunications Industry Solutions (ATIS)
Re:       Route origin validation deployment in North American networks

Dear SIDROPS chairs,

ATIS has completed a study of route origin validation deployment among its
member network operators. The report identifies operational issues with
the maintenance of route origin authorizations.

ATIS invites SIDROPS to review the findings and would appreciate any
comments no later than 31 August 2026.

Sincerely,

Thomas Goode
ATIS General Counsel
thomas.goode@example.com
`
		msg := rawMessage(append(envelope("statements@example.org", "thomas.goode@example.com", "mail.example.com", "192.0.2.248", date, "Ff3Gg4Hh5Ii6"),
			hdr{"From", addr("Thomas Goode", "thomas.goode@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "ATIS letter to IETF SIDROPS: route origin validation deployment"},
			hdr{"Date", date},
			hdr{"Message-ID", "<atis-sidrops-20260526@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Route origin validation deployment in North American networks"), From: []string{"ATIS"},
			FromContacts: []string{"thomas.goode@example.com"}, To: []string{"IETF SIDROPS WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2026-08-31"), DeliveredTo: sp("statements@example.org")}
	})
}
