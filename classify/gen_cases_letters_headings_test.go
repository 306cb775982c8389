package classify

// Own fixtures: ITU-R, ITU-D and IEEE letters that carry their title in a heading or a
// "Re:" line rather than a Title: label, senders written long-hand (a chairman of an
// advisory group, a working party on behalf of two, joint study groups), and letters whose
// only mention of "liaison" is a heading of a formal letter in the attached document.
// Layouts as described in docs/liaison-formats.md section 14; the text is our own.

func init() {
	// ITU-R: the working party's letter names its title in an all-caps heading after
	// "LIAISON STATEMENT TO ... ON", over two lines; "Source:" names the temporary document
	// the letter was approved as, not a body.
	addRuleCase("itur-wp5d-heading-title-temp-source", []string{"title", "from", "to", "is_liaison"}, func() ([]byte, expect) {
		date := rfcDate(2018, 6, 25, 9, 12, 2)
		doc := pdfAtt("R15-WP5D-180620-TD-0311.pdf", []string{
			"Radiocommunication Study Groups",
			"Source:\tDocument 5D/TEMP/311",
			"\tAnnex 14 to",
			"\tDocument 5D/1022-E",
			"\t20 June 2018",
			"\tEnglish only",
			"Working Party 5D",
			"LIAISON STATEMENT TO THE INTERNET ENGINEERING TASK FORCE (IETF) ON",
			"TRANSPORT NETWORK SUPPORT OF IMT-2020 NETWORK SLICING",
			"",
			"Working Party 5D thanks the IETF for its presentation of the work on network slicing and",
			"informs it that the evaluation of IMT-2020 candidate technologies has started.",
			"WP 5D would welcome further information on transport network slicing as it progresses.",
			"",
			"Contact:\tKenji Watanabe\tE-mail: kenji.watanabe@example.com",
		})
		msg := coverMail{fromName: "BR Study Groups", fromAddr: "brsgd@itu.example", subject: "Liaison statement from ITU-R WP 5D",
			note: "Dear Sir/Madam,\n\nPlease find attached a liaison statement from ITU-R Working Party 5D.\n\nBR Study Groups Department\n",
			date: date, atts: []part{doc}}.bytes()
		return msg, expect{IsLiaison: true, Title: sp("TRANSPORT NETWORK SUPPORT OF IMT-2020 NETWORK SLICING"), From: []string{"ITU-R WP 5D"},
			FromContacts: []string{"brsgd@itu.example", "kenji.watanabe@example.com"}, To: []string{"IETF"}, SendTo: sp("statements@example.org"),
			Purpose: sp("information"), OtherIdentifiers: []string{"5D/TEMP/311"}, DeliveredTo: sp("statements@example.org"),
			Attachments: []attExp{{"R15-WP5D-180620-TD-0311.pdf", "application/pdf"}}}
	})

	// ITU-D: the advisory group's chairman sends it; the title is the heading after
	// "LIAISON STATEMENT ON", wrapped over two lines.
	addRuleCase("itud-tdag-chairman-heading-title", []string{"title", "from", "to"}, func() ([]byte, expect) {
		date := rfcDate(2017, 5, 16, 14, 3, 2)
		doc := pdfAtt("TDAG17-LS-IETF.pdf", []string{
			"INTERNATIONAL TELECOMMUNICATION UNION",
			"TELECOMMUNICATION DEVELOPMENT BUREAU\tDocument TDAG17-22/45-E",
			"TELECOMMUNICATION DEVELOPMENT ADVISORY GROUP\t12 May 2017",
			"22nd Meeting, Geneva, 9-12 May 2017\tOriginal: English",
			"SOURCE:\tChairman, Telecommunication Development Advisory Group (TDAG)",
			"",
			"LIAISON STATEMENT ON COORDINATION OF WORK ON INTERNET OF",
			"THINGS DEPLOYMENT IN DEVELOPING COUNTRIES",
			"",
			"TDAG at its 22nd meeting discussed the coordination of work on the Internet of Things and",
			"wishes to inform the IETF of the guidelines it has agreed for developing countries.",
			"This liaison statement is for information.",
			"",
			"Contact:\tAmina Diallo, BDT\tE-mail: amina.diallo@example.com",
		})
		msg := coverMail{fromName: "BDT Study Groups", fromAddr: "bdt-sg@itu.example", subject: "TDAG liaison",
			note: "Please find attached a liaison statement from TDAG to the IETF.\n", date: date, atts: []part{doc}}.bytes()
		return msg, expect{IsLiaison: true, Title: sp("COORDINATION OF WORK ON INTERNET OF THINGS DEPLOYMENT IN DEVELOPING COUNTRIES"), From: []string{"ITU-D TDAG"},
			FromContacts: []string{"bdt-sg@itu.example", "amina.diallo@example.com"}, To: []string{"IETF"}, SendTo: sp("statements@example.org"),
			Purpose: sp("information"), DeliveredTo: sp("statements@example.org"),
			Attachments: []attExp{{"TDAG17-LS-IETF.pdf", "application/pdf"}}}
	})

	// ITU-R: a banner heading "LIAISON STATEMENT TO THE IETF" and the subject as the next
	// heading; two working parties send it, one on behalf of both.
	addRuleCase("itur-wp8a-on-behalf-two-headings", []string{"title", "from", "to"}, func() ([]byte, expect) {
		date := rfcDate(2016, 11, 28, 8, 40, 1)
		doc := pdfAtt("R15-WP8A-LS-IETF.pdf", []string{
			"Radiocommunication Study Groups",
			"\tAnnex 9 to",
			"\tDocument 8A/312-E",
			"\t25 November 2016",
			"\tEnglish only",
			"From:\tITU-R Working Party 8A (on behalf of WP 8A and WP 8F)",
			"",
			"LIAISON STATEMENT TO THE IETF",
			"Use of IPv6 in maritime mobile service radio systems",
			"",
			"Working Parties 8A and 8F are studying the use of IPv6 for data exchange in the maritime",
			"mobile service and invite the IETF to provide any relevant guidance it may have.",
			"",
			"Contact:\tLars Nyberg\tE-mail: lars.nyberg@example.com",
		})
		msg := coverMail{fromName: "BR Study Groups", fromAddr: "brsgd@itu.example", subject: "Liaison statement",
			note: "Attached please find a liaison statement.\n", date: date, atts: []part{doc}}.bytes()
		return msg, expect{IsLiaison: true, Title: sp("Use of IPv6 in maritime mobile service radio systems"), From: []string{"ITU-R WP 8A", "ITU-R WP 8F"},
			FromContacts: []string{"brsgd@itu.example", "lars.nyberg@example.com"}, To: []string{"IETF"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), DeliveredTo: sp("statements@example.org"),
			Attachments: []attExp{{"R15-WP8A-LS-IETF.pdf", "application/pdf"}}}
	})

	// IEEE: the letter's "Re:" line under the addressee block is the title; the mail
	// subject only says it is a liaison.
	addRuleCase("ieee-8023-letter-re-line", []string{"title", "from"}, func() ([]byte, expect) {
		date := rfcDate(2018, 3, 14, 17, 22, -7)
		doc := pdfAtt("8023-liaison-ietf-mar2018.pdf", []string{
			"IEEE 802.3 Ethernet Working Group",
			"",
			"12 March 2018",
			"",
			"Ms. Laura Fischer",
			"Co-chair, IETF NETMOD WG",
			"",
			"Re: Ethernet interface YANG module alignment with IEEE Std 802.3.2",
			"",
			"Dear Ms. Fischer,",
			"The IEEE 802.3 Working Group has completed the YANG data model for Ethernet interfaces",
			"in IEEE Std 802.3.2 and would appreciate your comments by 30 June 2018.",
			"",
			"Sincerely,",
			"Oscar Lindqvist",
			"Chair, IEEE 802.3 Ethernet Working Group",
		})
		msg := coverMail{fromName: "Oscar Lindqvist", fromAddr: "oscar.lindqvist@example.com", subject: "IEEE 802.3 liaison",
			note: "Please see the attached liaison.\n\nOscar\n", date: date, atts: []part{doc}}.bytes()
		return msg, expect{IsLiaison: true, Title: sp("Ethernet interface YANG module alignment with IEEE Std 802.3.2"), From: []string{"IEEE 802.3 WG"},
			FromContacts: []string{"oscar.lindqvist@example.com"}, To: []string{"NETMOD"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2018-06-30"), DeliveredTo: sp("statements@example.org"), RouteTo: []string{"NETMOD"},
			Attachments: []attExp{{"8023-liaison-ietf-mar2018.pdf", "application/pdf"}}}
	})

	// IEEE: the "Subject:" line of the letter wraps; the mail subject is a cover subject.
	addRuleCase("ieee-80216-letter-subject-wrapped", []string{"title", "from"}, func() ([]byte, expect) {
		date := rfcDate(2009, 7, 20, 11, 5, -4)
		doc := pdfAtt("80216-liaison-ietf-jul2009.pdf", []string{
			"IEEE 802.16 Working Group on Broadband Wireless Access",
			"",
			"17 July 2009",
			"",
			"To:\tIETF 16NG Working Group Chairs",
			"From:\tHenrik Olsen, Chair, IEEE 802.16 Working Group",
			"Subject:\tLiaison statement to the IETF on the transmission of IPv6 packets over the",
			"\tIEEE 802.16 convergence sublayer",
			"",
			"Dear 16NG chairs,",
			"IEEE 802.16 would like to inform you of the changes to the packet convergence sublayer",
			"agreed at our last session.",
			"",
			"Sincerely,",
			"Henrik Olsen",
			"Chair, IEEE 802.16 Working Group",
		})
		msg := coverMail{fromName: "Henrik Olsen", fromAddr: "henrik.olsen@example.com", subject: "liaison from 802.16",
			note: "Attached.\n", date: date, atts: []part{doc}}.bytes()
		return msg, expect{IsLiaison: true, Title: sp("Liaison statement to the IETF on the transmission of IPv6 packets over the IEEE 802.16 convergence sublayer"),
			From: []string{"IEEE 802.16 WG"}, FromContacts: []string{"henrik.olsen@example.com"}, To: []string{"IETF 16NG WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("information"), DeliveredTo: sp("statements@example.org"),
			Attachments: []attExp{{"80216-liaison-ietf-jul2009.pdf", "application/pdf"}}}
	})

	// ITU-T: two study groups send one statement; the Source names them with a plural.
	addRuleCase("itut-joint-study-groups-plural", []string{"from"}, func() ([]byte, expect) {
		date := rfcDate(2015, 10, 30, 16, 0, 1)
		doc := pdfAtt("LS-SG13-SG15-IETF.pdf", []string{
			"INTERNATIONAL TELECOMMUNICATION UNION\tSG13-LS210",
			"TELECOMMUNICATION STANDARDIZATION SECTOR",
			"STUDY PERIOD 2013-2016\tEnglish only",
			"Source:\tITU-T Study Groups 13 and 15",
			"Title:\tJoint LS on transport aspects of SDN",
			"LIAISON STATEMENT",
			"For action to:\tIETF TEAS WG",
			"Deadline:\t15 February 2016",
			"Contact:\tMarta Kowalska\tE-mail: marta.kowalska@example.com",
			"ITU-T SG13 and SG15 ask TEAS to review the attached framework.",
		})
		msg := coverMail{fromName: "TSB SG13", fromAddr: "tsbsg13@itu.example", subject: "LS from ITU-T SG13 and SG15",
			note: "Please find attached a joint LS.\n", date: date, atts: []part{doc}}.bytes()
		return msg, expect{IsLiaison: true, Title: sp("Joint LS on transport aspects of SDN"), From: []string{"ITU-T SG13", "ITU-T SG15"},
			FromContacts: []string{"tsbsg13@itu.example", "marta.kowalska@example.com"}, To: []string{"IETF TEAS WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2016-02-15"), OtherIdentifiers: []string{"SG13-LS210"}, DeliveredTo: sp("statements@example.org"),
			RouteTo: []string{"TEAS"}, Attachments: []attExp{{"LS-SG13-SG15-IETF.pdf", "application/pdf"}}}
	})

	// 3GPP: a joint statement of two working groups.
	addRuleCase("3gpp-joint-sa2-ct1-source", []string{"from"}, func() ([]byte, expect) {
		date := rfcDate(2017, 5, 19, 12, 30, 2)
		doc := pdfAtt("S2-173999.pdf", []string{
			"3GPP TSG SA WG2 Meeting #121\tS2-173999",
			"Hangzhou, China, 15 – 19 May 2017",
			"Title:\tLS on PDU session anchor relocation",
			"Response to:",
			"Release:\tRel-15",
			"Source:\tTSG SA WG2 and TSG CT WG1",
			"To:\tIETF DMM WG",
			"Contact Person:",
			"Name:\tRui Almeida",
			"E-mail:\trui.almeida@example.com",
			"1. Overall Description:",
			"SA2 and CT1 kindly ask the IETF DMM WG for information on anchor relocation.",
		})
		msg := coverMail{fromName: "3GPP Liaisons", fromAddr: "3gppliaison@example.net", subject: "S2-173999",
			note: "Please find the attached document.\n", date: date, atts: []part{doc}}.bytes()
		return msg, expect{IsLiaison: true, Title: sp("LS on PDU session anchor relocation"), From: []string{"3GPP TSG SA WG2", "3GPP TSG CT WG1"},
			FromContacts: []string{"3gppliaison@example.net", "rui.almeida@example.com"}, To: []string{"IETF DMM WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), OtherIdentifiers: []string{"S2-173999"}, DeliveredTo: sp("statements@example.org"),
			Attachments: []attExp{{"S2-173999.pdf", "application/pdf"}}}
	})

	// Letters whose only "liaison" is the heading of a formal letter in the attachment.
	letter := func(name, file, fromName, fromAddr, subject string, lines []string, exp expect) {
		addRuleCase(name, []string{"is_liaison", "from"}, func() ([]byte, expect) {
			date := rfcDate(2012, 9, 3, 10, 15, 0)
			msg := coverMail{fromName: fromName, fromAddr: fromAddr, subject: subject, note: "Please see the attached.\n",
				date: date, atts: []part{pdfAtt(file, lines)}}.bytes()
			exp.IsLiaison, exp.SendTo, exp.DeliveredTo = true, sp("statements@example.org"), sp("statements@example.org")
			exp.Attachments = []attExp{{file, "application/pdf"}}
			return msg, exp
		})
	}
	letter("oif-letter-liaison-heading", "oif2012.233.01.pdf", "OIF Secretariat", "info@oif.example", "oif2012.233.01", []string{
		"Optical Internetworking Forum",
		"",
		"Liaison to the IETF",
		"",
		"31 August 2012",
		"",
		"Dear Colleagues,",
		"The OIF would like to thank you for the comments on our implementation agreement",
		"and to share the results of our recent interoperability test.",
		"",
		"Sincerely,",
		"Kai Brenner",
		"OIF Technical Committee Chair",
	}, expect{Title: sp("oif2012.233.01"), From: []string{"OIF"}, FromContacts: []string{"info@oif.example"}, To: []string{"IETF"},
		Purpose: sp("information")})
	letter("mfa-letter-liaison-statement-heading", "mfa2008.074.pdf", "MFA Forum", "admin@mfaforum.example", "MFA Forum", []string{
		"MFA Forum",
		"",
		"LIAISON STATEMENT",
		"",
		"15 May 2008",
		"",
		"Dear Colleagues,",
		"The MFA Forum Technical Committee has approved an implementation agreement",
		"on pseudowire interworking and would welcome your feedback.",
		"",
		"Yours sincerely,",
		"Anne Dubois",
		"Chair, MFA Forum Technical Committee",
	}, expect{Title: sp("MFA Forum"), From: []string{"MFA Forum"}, FromContacts: []string{"admin@mfaforum.example"},
		Purpose: sp("action")})
	letter("onem2m-letter-liaison-heading", "oneM2M-TP-2016-0123-LS.pdf", "oneM2M", "secretariat@onem2m.example", "oneM2M to IETF", []string{
		"oneM2M Technical Plenary",
		"",
		"Liaison to the IETF CoRE Working Group",
		"",
		"Dear CoRE chairs,",
		"oneM2M has reviewed the CoRE resource directory drafts and would like to explain how its",
		"specifications reference them.",
		"",
		"Best regards,",
		"Nadia Haddad",
		"Chair, oneM2M Technical Plenary",
	}, expect{Title: sp("oneM2M to IETF"), From: []string{"oneM2M Technical Plenary"}, FromContacts: []string{"secretariat@onem2m.example"},
		To: []string{"IETF CORE WG"}, Purpose: sp("information")})
}
