package classify

// Own fixtures: statement headers that conversion from PDF or Word flattened (a whole
// header on one line; a header table whose label column was lost; a running page header
// that alone carries the document number), a document reference where a sender should be,
// and a sub-group named beside its parent or a sibling. Layouts as described in
// docs/liaison-formats.md section 14; the text is our own.

func init() {
	plain := func(name string, fields []string, fromName, fromAddr, subject, file string, pages [][]string, exp expect) {
		addRuleCase(name, fields, func() ([]byte, expect) {
			date := rfcDate(2017, 10, 9, 13, 45, 1)
			msg := coverMail{fromName: fromName, fromAddr: fromAddr, subject: subject, note: "Please find the attached document.\n",
				date: date, atts: []part{pdfAtt(file, pages...)}}.bytes()
			exp.IsLiaison, exp.SendTo, exp.DeliveredTo = true, sp("statements@example.org"), sp("statements@example.org")
			exp.Attachments = []attExp{{file, "application/pdf"}}
			return msg, exp
		})
	}
	core := []string{"title", "from", "to", "purpose"}

	// ---- a whole header on one line --------------------------------------------------
	plain("itut-header-one-line", core, "TSB SG15", "tsbsg15@itu.example", "LS", "LS-one-line.pdf", [][]string{{
		"To: IETF CCAMP WG From: ITU-T Study Group 15 Cc: MEF For Action Subject: LS on management of flexible grid media channels",
		"Deadline: 31 January 2018 Contact: Ana Silva E-mail: ana.silva@example.com",
		"",
		"SG15 has progressed its models for flexible grid media channels and asks CCAMP to review them.",
	}}, expect{Title: sp("LS on management of flexible grid media channels"), From: []string{"ITU-T SG15"},
		FromContacts: []string{"tsbsg15@itu.example", "ana.silva@example.com"}, To: []string{"IETF CCAMP WG"}, Purpose: sp("action"),
		Deadline: sp("2018-01-31"), RouteTo: []string{"CCAMP"}})
	plain("oif-header-one-line", core, "OIF Secretariat", "info@oif.example", "OIF liaison", "oif2017.144.pdf", [][]string{{
		"Optical Internetworking Forum",
		"From: OIF Technical Committee To: IETF TEAS WG Date: 2 October 2017 Title: Status of the transport SDN API implementation agreement Purpose: For information",
		"",
		"Dear TEAS chairs,",
		"The OIF would like to inform you of the status of its transport SDN API work.",
		"Sincerely,",
		"Kai Brenner, OIF Technical Committee Chair",
	}}, expect{Title: sp("Status of the transport SDN API implementation agreement"), From: []string{"OIF"},
		FromContacts: []string{"info@oif.example"}, To: []string{"IETF TEAS WG"}, Purpose: sp("information"), RouteTo: []string{"TEAS"}})
	plain("3gpp-header-one-line", core, "3GPP Liaisons", "3gppliaison@example.net", "LS from CT4", "C4-175432.pdf", [][]string{{
		"3GPP TSG CT WG4 Meeting #80\tC4-175432",
		"Title: LS on Diameter overload reporting Response to: Release: Rel-15 Source: CT4 To: IETF DIME WG Cc: SA WG2",
		"Contact Person: Name: Paula Rossi E-mail: paula.rossi@example.com",
		"1. Overall Description:",
		"CT4 asks the IETF DIME WG to clarify the overload reporting procedure by 1 December 2017.",
	}}, expect{Title: sp("LS on Diameter overload reporting"), From: []string{"3GPP TSG CT WG4"},
		FromContacts: []string{"3gppliaison@example.net", "paula.rossi@example.com"}, To: []string{"IETF DIME WG"}, Purpose: sp("action"),
		Deadline: sp("2017-12-01"), OtherIdentifiers: []string{"C4-175432"}})

	// ---- a header table whose label column was lost ----------------------------------
	plain("itut-header-table-labels-lost", []string{"from", "to"}, "TSB SG15", "tsbsg15@itu.example", "LS", "TD-789-PLEN15.pdf", [][]string{{
		"INTERNATIONAL TELECOMMUNICATION UNION\tTD 789 (PLEN/15)",
		"TELECOMMUNICATION STANDARDIZATION SECTOR",
		"STUDY PERIOD 2017-2020\tEnglish only",
		"12/15\tGeneva, 19-30 June 2017",
		"ITU-T Study Group 15",
		"LS on management of optical media channels",
		"LIAISON STATEMENT",
		"IETF CCAMP WG",
		"Agreed to at SG15 meeting (Geneva, 30 June 2017)",
		"Ana Silva\tE-mail: ana.silva@example.com",
		"",
		"SG15 informs CCAMP of the progress of its media channel models.",
	}}, expect{Title: sp("LS on management of optical media channels"), From: []string{"ITU-T SG15"},
		FromContacts: []string{"tsbsg15@itu.example", "ana.silva@example.com"}, To: []string{"IETF CCAMP WG"}, Purpose: sp("information"),
		OtherIdentifiers: []string{"TD 789 (PLEN/15)"}, RouteTo: []string{"CCAMP"}})
	plain("itut-header-table-labels-lost-several-rows", []string{"from", "to"}, "TSB SG15", "tsbsg15@itu.example", "LS", "TD-812-PLEN15.pdf", [][]string{{
		"INTERNATIONAL TELECOMMUNICATION UNION\tTD 812 (PLEN/15)",
		"TELECOMMUNICATION STANDARDIZATION SECTOR",
		"STUDY PERIOD 2017-2020\tEnglish only",
		"13/15\tGeneva, 19-30 June 2017",
		"ITU-T Study Group 15",
		"LS on time synchronization over packet networks",
		"LIAISON STATEMENT",
		"IETF TICTOC WG, MEF",
		"IEEE 802.1 WG",
		"Agreed to at SG15 meeting (Geneva, 30 June 2017)",
		"Ana Silva\tE-mail: ana.silva@example.com",
		"",
		"Following the discussion with 3GPP TSG RAN WG3 on fronthaul timing, SG15 informs the",
		"recipients of the progress of its packet timing profiles.",
	}}, expect{Title: sp("LS on time synchronization over packet networks"), From: []string{"ITU-T SG15"},
		FromContacts: []string{"tsbsg15@itu.example", "ana.silva@example.com"}, To: []string{"IETF TICTOC WG", "MEF", "IEEE 802.1 WG"}, Purpose: sp("information"),
		OtherIdentifiers: []string{"TD 812 (PLEN/15)"}})
	plain("etsi-header-table-labels-lost", []string{"from", "to"}, "ETSI Secretariat", "liaisons@etsi.example", "Liaison statement", "CYBER-LS-2017.pdf", [][]string{{
		"ETSI TC CYBER Meeting #12\tCYBER(17)012034",
		"Sophia Antipolis, 3 – 5 October 2017",
		"LS on certificate management for IoT devices",
		"ETSI TC CYBER",
		"IETF LAMPS WG",
		"3GPP TSG SA WG3",
		"",
		"1. Overall description",
		"TC CYBER has started work on certificate management for constrained devices and would",
		"like to inform the LAMPS WG of its plans.",
	}}, expect{Title: sp("LS on certificate management for IoT devices"), From: []string{"ETSI TC CYBER"},
		FromContacts: []string{"liaisons@etsi.example"}, To: []string{"IETF LAMPS WG"}, Purpose: sp("information"),
		OtherIdentifiers: []string{"CYBER(17)012034"}, RouteTo: []string{"LAMPS"}})
	plain("3gpp-header-table-labels-lost", []string{"from", "to"}, "3GPP Liaisons", "3gppliaison@example.net", "S2-174321", "S2-174321.pdf", [][]string{{
		"3GPP TSG SA WG2 Meeting #122\tS2-174321",
		"San Jose del Cabo, Mexico, 26 – 30 June 2017",
		"LS on DNS server selection for edge computing",
		"Rel-15",
		"SA WG2",
		"IETF DNSOP WG",
		"CT WG4",
		"",
		"1. Overall Description:",
		"SA WG2 would like to inform the IETF DNSOP WG of its study on DNS server selection.",
	}}, expect{Title: sp("LS on DNS server selection for edge computing"), From: []string{"3GPP TSG SA WG2"},
		FromContacts: []string{"3gppliaison@example.net"}, To: []string{"IETF DNSOP WG"}, Purpose: sp("information"),
		OtherIdentifiers: []string{"S2-174321"}, RouteTo: []string{"DNSOP"}})

	// ---- a document reference where the sender should be --------------------------------
	plain("itur-source-document-reference", []string{"from", "to"}, "BR Study Groups", "brsgd@itu.example", "Liaison statement from ITU-R", "R15-WP4B-LS.pdf", [][]string{{
		"Radiocommunication Study Groups",
		"Source:\tAnnex 3 to Document 4B/95",
		"\t14 May 2017",
		"\tEnglish only",
		"Working Party 4B",
		"Title:\tLS on IP-based satellite terminal management",
		"Working Party 4B informs the IETF of its work on satellite terminal management.",
		"Contact:\tEva Horvath\tE-mail: eva.horvath@example.com",
	}}, expect{Title: sp("LS on IP-based satellite terminal management"), From: []string{"ITU-R WP 4B"},
		FromContacts: []string{"brsgd@itu.example", "eva.horvath@example.com"}, To: []string{"IETF"}, Purpose: sp("information")})
	plain("itut-source-td-reference", []string{"from", "other_identifiers"}, "TSB SG13", "tsbsg13@itu.example", "LS from SG13", "LS-SG13-TD.pdf", [][]string{{
		"INTERNATIONAL TELECOMMUNICATION UNION",
		"TELECOMMUNICATION STANDARDIZATION SECTOR",
		"STUDY PERIOD 2017-2020",
		"Study Group:\t13\tWorking Party:\t1",
		"Source:\tTD 1045 Rev.1 (PLEN/13)",
		"Title:\tLS on deterministic networking in IMT-2020",
		"LIAISON STATEMENT",
		"For information to:\tIETF DETNET WG",
		"Contact:\tLi Wei\tE-mail: li.wei@example.com",
		"SG13 informs DetNet of its new Recommendation.",
	}}, expect{Title: sp("LS on deterministic networking in IMT-2020"), From: []string{"ITU-T SG13"},
		FromContacts: []string{"tsbsg13@itu.example", "li.wei@example.com"}, To: []string{"IETF DETNET WG"}, Purpose: sp("information"),
		OtherIdentifiers: []string{"TD 1045 Rev.1 (PLEN/13)"}, RouteTo: []string{"DETNET"}})

	// ---- the most specific group, never a parent or a sibling --------------------------
	plain("itur-wp5a-not-sg5", []string{"from", "title", "to"}, "BR Study Groups", "brsgd@itu.example", "Liaison statement", "R15-WP5A-LS.pdf", [][]string{{
		"Radiocommunication Study Groups",
		"\tDocument 5A/469-E",
		"\t17 May 2017",
		"LIAISON STATEMENT TO THE IETF ON IPV6 FOR AMATEUR RADIO NETWORKS",
		"",
		"ITU-R Study Group 5 has assigned the study of amateur radio networks to Working Party 5A.",
		"Working Party 5A informs the IETF of its study of the use of IPv6 addressing in such",
		"networks, for information.",
		"",
		"Chairman, Working Party 5A",
	}}, expect{Title: sp("IPV6 FOR AMATEUR RADIO NETWORKS"), From: []string{"ITU-R WP 5A"},
		FromContacts: []string{"brsgd@itu.example"}, To: []string{"IETF"}, Purpose: sp("information")})
	plain("itur-wp6b-named-after-sg6", []string{"from"}, "BR Study Groups", "brsgd@itu.example", "Liaison statement", "R15-WP6B-LS.pdf", [][]string{{
		"Radiocommunication Study Groups",
		"\tDocument 6B/211-E",
		"\t2 November 2016",
		"Title:\tLS on IP delivery of broadcast programmes",
		"",
		"Within ITU-R Study Group 6, the delivery of broadcast programmes over IP networks is",
		"studied by Working Party 6B, which informs the IETF of its plans for multicast delivery.",
	}}, expect{Title: sp("LS on IP delivery of broadcast programmes"), From: []string{"ITU-R WP 6B"},
		FromContacts: []string{"brsgd@itu.example"}, To: []string{"IETF"}, Purpose: sp("information")})
	plain("ieee-8021-named-after-lmsc", []string{"from"}, "Glenn Parsons", "glenn.parsons@example.com", "IEEE 802.1 to IETF", "8021-ietf-detnet.pdf", [][]string{{
		"Liaison to the IETF",
		"9 November 2017",
		"Dear Colleagues,",
		"The IEEE 802 LAN/MAN Standards Committee has asked its IEEE 802.1 Working Group to",
		"coordinate time-sensitive networking with the IETF; we share our current plans with you.",
		"",
		"Regards,",
		"Glenn Parsons",
	}}, expect{Title: sp("IEEE 802.1 to IETF"), From: []string{"IEEE 802.1 WG"}, FromContacts: []string{"glenn.parsons@example.com"},
		To: []string{"IETF"}, Purpose: sp("information")})
	plain("ieee-80211-not-80215", []string{"from", "to"}, "Dorothy Vance", "dorothy.vance@example.com", "802.11 liaison to IETF", "11-17-1432-00-0000-liaison-ietf.pdf", [][]string{{
		"12 October 2017",
		"Dear IETF colleagues,",
		"Following the joint session with IEEE 802.15, the 802.11 Working Group has agreed on a",
		"method for randomized MAC addresses and would like to inform the IETF of it.",
		"",
		"Regards,",
		"Dorothy Vance",
		"Chair, 802.11 Working Group",
	}}, expect{Title: sp("802.11 liaison to IETF"), From: []string{"IEEE 802.11 WG"}, FromContacts: []string{"dorothy.vance@example.com"},
		To: []string{"IETF"}, Purpose: sp("information"), OtherIdentifiers: []string{"11-17/1432r0"}})
	plain("itud-question-of-sg2-not-itut", []string{"from"}, "BDT Study Groups", "bdt-sg@itu.example", "ITU-D liaison", "ITU-D-SG2-LS.pdf", [][]string{{
		"INTERNATIONAL TELECOMMUNICATION UNION",
		"TELECOMMUNICATION DEVELOPMENT SECTOR",
		"SOURCE:\tRapporteur Group for Question 1/2 of ITU-D Study Group 2",
		"SUBJECT:\tLS on smart city deployments in developing countries",
		"TO:\tIETF",
		"FOR:\tInformation",
		"The Rapporteur Group for Question 1/2 informs the IETF of its report on smart cities.",
		"CONTACT:\tJoseph Mensah\tE-mail: joseph.mensah@example.com",
	}}, expect{Title: sp("LS on smart city deployments in developing countries"), From: []string{"ITU-D SG2"},
		FromContacts: []string{"bdt-sg@itu.example", "joseph.mensah@example.com"}, To: []string{"IETF"}, Purpose: sp("information")})

	// ---- the document number only in the running page header ---------------------------
	body := func(n int) []string {
		var out []string
		for i := 0; i < n; i++ {
			out = append(out, "The study group continues its work on the subject and will report on its progress.")
		}
		return out
	}
	page := func(head []string, lines ...[]string) []string {
		out := append([]string{}, head...)
		for _, l := range lines {
			out = append(out, l...)
		}
		return out
	}
	plain("itut-com-ls-running-header", []string{"other_identifiers"}, "TSB SG15", "tsbsg15@itu.example", "LS", "LS-SG15-synchronization.pdf", [][]string{
		page([]string{"INTERNATIONAL TELECOMMUNICATION UNION", "TELECOMMUNICATION STANDARDIZATION SECTOR", "STUDY PERIOD 2013-2016",
			"Source:\tITU-T Study Group 15", "Title:\tLS on synchronization of packet networks", "LIAISON STATEMENT",
			"For information to:\tIETF TICTOC WG", "Contact:\tAna Silva\tE-mail: ana.silva@example.com"}, body(20)),
		page([]string{"- 2 -", "COM 15 – LS 123 – E"}, body(20)),
		page([]string{"- 3 -", "COM 15 – LS 123 – E"}, body(5)),
	}, expect{Title: sp("LS on synchronization of packet networks"), From: []string{"ITU-T SG15"},
		FromContacts: []string{"tsbsg15@itu.example", "ana.silva@example.com"}, To: []string{"IETF TICTOC WG"}, Purpose: sp("information"),
		OtherIdentifiers: []string{"COM 15-LS 123-E"}})
	plain("itut-td-running-header", []string{"other_identifiers"}, "TSB SG13", "tsbsg13@itu.example", "LS", "TD456.pdf", [][]string{
		page([]string{"INTERNATIONAL TELECOMMUNICATION UNION", "STUDY PERIOD 2017-2020",
			"Source:\tITU-T Study Group 13", "Title:\tLS on network slicing terminology", "LIAISON STATEMENT",
			"For information to:\tIETF TEAS WG", "Contact:\tLi Wei\tE-mail: li.wei@example.com"}, body(20)),
		page([]string{"- 2 -", "TD 456 (PLEN/13)"}, body(30)),
		page([]string{"- 3 -", "TD 456 (PLEN/13)"}, body(4)),
	}, expect{Title: sp("LS on network slicing terminology"), From: []string{"ITU-T SG13"},
		FromContacts: []string{"tsbsg13@itu.example", "li.wei@example.com"}, To: []string{"IETF TEAS WG"}, Purpose: sp("information"),
		OtherIdentifiers: []string{"TD 456 (PLEN/13)"}, RouteTo: []string{"TEAS"}})
	plain("3gpp-tdoc-running-header", []string{"other_identifiers"}, "3GPP Liaisons", "3gppliaison@example.net", "LS from SA2", "LS-SA2.pdf", [][]string{
		page([]string{"Title:\tLS on IPv6 prefix delegation", "Source:\tSA WG2", "To:\tIETF V6OPS WG",
			"Contact Person:", "Name:\tRui Almeida", "E-mail:\trui.almeida@example.com", "1. Overall Description:"}, body(25)),
		page([]string{"3GPP TSG SA WG2 Meeting #123\tS2-177890"}, body(10)),
		page([]string{"3GPP TSG SA WG2 Meeting #123\tS2-177890"}, body(3)),
	}, expect{Title: sp("LS on IPv6 prefix delegation"), From: []string{"3GPP TSG SA WG2"},
		FromContacts: []string{"3gppliaison@example.net", "rui.almeida@example.com"}, To: []string{"IETF V6OPS WG"}, Purpose: sp("information"),
		OtherIdentifiers: []string{"S2-177890"}})
}
