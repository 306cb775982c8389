// Package classify turns a parsed message into a liaison-statement extraction: it decides
// whether the message is a liaison statement (is-liaison detection), extracts the metadata
// fields of the docs/design.md contract with evidence (confidence, where each value was found and
// the raw text), normalises dates, purposes and group names, and makes the routing decision
// (misdirected, route_to) against the configured directory. It also derives the keys that
// link a reply to the statement it answers (Extraction.ReplyKeys and SelfKeys). Who then gets a posted
// statement is package directory's routing table (Destinations), not extraction's.
//
// The extractor reads what package message parsed (headers, decoded bodies, inline forwards,
// nested messages) and the attachment text that package convert produced, which the caller
// passes in, and the directory as package directory holds it (NewDirectory builds the
// index extraction matches names and addresses against). It must not parse MIME, touch
// storage, read the configuration file or send mail, and it keeps no state
// between calls: Extract is a pure function of its input and the directory, and its output
// is deterministic.
//
// How it works, in order (one file per concern):
//
//   - sources.go collects the texts that may hold the statement: attachment texts, the
//     bodies of forwarded originals (message/rfc822 parts and inline forwards) and the mail
//     body without quoted lines, each tagged with the message level (headers) it belongs
//     to, and picks the level that is the original statement.
//   - labels.go reads "Label: value" blocks in every source (plain-text columns, TAB rows of
//     converted tables, two pairs per row, bilingual and CJK labels, wrapped values) and
//     recognises forwarded mail header blocks pasted into a text.
//   - signals.go scores the message from positive and negative signals into is_liaison;
//     signals_meeting.go adds the heuristic negatives for calendar invitations, SDO meeting
//     invitations and a group's own draft statement circulated on its list.
//   - the field files pick each field from the best source (the statement document over
//     the cover mail, a labelled field over prose, the original over the forward):
//     title.go, fromto.go with groups.go and directory.go (bodies and their canonical
//     names), dates.go and deadline.go, purpose.go (purpose and in_response_to),
//     addresses.go (contacts, reply and send-to addresses), identifiers.go.
//   - route.go decides misdirected and route_to and computes the overall confidence;
//     extract.go runs the steps and extraction.go holds the contract types.
//
// Confidence: every field's evidence carries a confidence in [0,1]; a field that was not
// found is empty with a low confidence, and a value chosen from weak evidence (prose, the
// email subject, a guess between conflicting sources) never gets a high one. The overall
// Confidence of an extraction is how far it can be trusted without review:
//
//   - for a statement (IsLiaison true) it is the minimum over the is-liaison decision and
//     the core fields (title, from, to, purpose, deadline, misdirected; the contact fields
//     count half: 1 − (1 − c)/2), so a single doubtful core field sends the statement to
//     the review queue, and UnsureReasons names exactly the fields below the threshold;
//   - a field's confidence is that of its strongest source (a label in a recognised
//     template high, prose, the mail subject or a salutation lower), raised where two
//     independent readings agree (request wording and a reply date; information wording
//     and no reply date; a statement template's label block and no negative signal) and
//     lowered where they conflict. docs/extraction-rules.md ("Confidence") gives the
//     calibration measured on the fixture sets;
//   - for a non-statement it is the certainty that the message is not a statement (a
//     bounce or an auto-reply scores near 1; a borderline list discussion scores low, so it
//     is reviewed rather than silently dropped).
package classify
