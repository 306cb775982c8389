package classify

// Own fixtures: W3C statements, written as prose.

func init() {
	addCase("w3c-prose-action-subject-title", func() ([]byte, expect) {
		date := rfcDate(2026, 4, 17, 19, 3, -4)
		text := `Dear HTTP WG chairs,

I am writing on behalf of the W3C Web Application Security Working Group,
which has been discussing how browsers should treat cookies set on
cross-site subresource requests once third-party cookies are phased out.

The group is considering a proposal under which a cookie attribute would
let a site opt in to a partitioned cookie jar keyed by the top-level site.
We would like to make sure that this does not conflict with the ongoing
revision of the HTTP State Management Mechanism in the IETF HTTP WG.

We would appreciate feedback from the HTTP WG by 30 April 2026, ahead of
our next face-to-face meeting on 11-12 May.

Thank you,

Amara Lindgren
W3C Team Contact, Web Application Security Working Group
amara.lindgren@example.com
`
		msg := rawMessage(append(envelope("statements@example.org", "amara.lindgren@example.com", "mail.example.com", "192.0.2.210", date, "Dd5Ee6Ff7Gg8"),
			hdr{"From", addr("Amara Lindgren", "amara.lindgren@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Cc", "httpbis-chairs@example.org"},
			hdr{"Subject", "[Liaison] Cookie partitioning and the HTTP State Management Mechanism"},
			hdr{"Date", date},
			hdr{"Message-ID", "<w3c-webappsec-cookies-20260417@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Cookie partitioning and the HTTP State Management Mechanism"), From: []string{"W3C WebAppSec WG"},
			FromContacts: []string{"amara.lindgren@example.com"}, To: []string{"IETF HTTPBIS WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2026-04-30"), DeliveredTo: sp("statements@example.org"), RouteTo: []string{"HTTPBIS"}}
	})
	addCase("w3c-wot-prose-information", func() ([]byte, expect) {
		date := rfcDate(2026, 5, 12, 14, 14, 2)
		text := `Dear ASDF WG chairs,

On behalf of the W3C Web of Things Working Group, I would like to let you
know that the Thing Description 2.0 specification has reached Candidate
Recommendation. The specification now includes a mapping to the Semantic
Definition Format developed in the IETF ASDF WG.

This is for your information; no action is needed. Comments are welcome on
our public issue tracker at any time.

Best regards,
Kenji Watanabe
W3C Team Contact, Web of Things Working Group
`
		msg := rawMessage(append(envelope("statements@example.org", "kenji.watanabe@example.com", "mail.example.com", "192.0.2.211", date, "Hh9Ii0Jj1Kk2"),
			hdr{"From", addr("Kenji Watanabe", "kenji.watanabe@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", "Liaison statement: WoT Thing Description 2.0 Candidate Recommendation"},
			hdr{"Date", date},
			hdr{"Message-ID", "<w3c-wot-td2-cr-20260512@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("WoT Thing Description 2.0 Candidate Recommendation"), From: []string{"W3C WoT WG"},
			FromContacts: []string{"kenji.watanabe@example.com"}, To: []string{"IETF ASDF WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("information"), DeliveredTo: sp("statements@example.org")}
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
	addCase("w3c-prose-response-quoted", func() ([]byte, expect) {
		date := rfcDate(2026, 9, 8, 15, 15, -4)
		text := `Dear OAuth WG chairs,

On behalf of the W3C Web Application Security Working Group, and in
response to your liaison statement "Browser-based OAuth clients and
partitioned storage" of 2 July 2026, I would like to confirm that the
group does not plan to change the storage access rules for OAuth
redirect flows. The relevant discussion is summarised in our issue
tracker.

Best regards,
Amara Lindgren
W3C Team Contact, Web Application Security Working Group
amara.lindgren@example.com
`
		msg := rawMessage(append(envelope("statements@example.org", "amara.lindgren@example.com", "mail.example.com", "192.0.2.210", date, "Ef7Fg8Gh9Hi0"),
			hdr{"From", addr("Amara Lindgren", "amara.lindgren@example.com")},
			hdr{"To", "statements@example.org"},
			hdr{"Cc", "oauth-chairs@example.org"},
			hdr{"Subject", "Liaison: Response on browser-based OAuth clients and partitioned storage"},
			hdr{"Date", date},
			hdr{"Message-ID", "<w3c-webappsec-oauth-reply@example.com>"},
		), textPart(text, "plain", "us-ascii", "7bit"))
		return msg, expect{IsLiaison: true, Title: sp("Response on browser-based OAuth clients and partitioned storage"), From: []string{"W3C WebAppSec WG"},
			FromContacts: []string{"amara.lindgren@example.com"}, To: []string{"IETF OAuth WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("response"), InResponseTo: sp("Browser-based OAuth clients and partitioned storage"),
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"OAUTH"}}
	})
}
