package classify

import (
	"path"
	"regexp"
	"strings"
)

// Negative signals for mail that carries a statement's vocabulary without being one: a
// calendar invitation (a call about a statement), an SDO's own meeting invitation (dates,
// venue, hotel, registration, its own document number), and a working group circulating
// its own draft outgoing statement on its list for comments. All are heuristics, so none is
// decisive: each only moves the score.

var (
	// reCalendarSubj is a calendar tool's invitation subject: "Invitation: ...", "Updated
	// invitation: ...", "Canceled event: ...", "Accepted: ...".
	reCalendarSubj = regexp.MustCompile(`(?i)^\s*(?:(?:updated|new|canceled|cancelled)\s+)?(?:invitation|event|meeting)(?:\s+(?:updated|canceled|cancelled))?\s*(?:with note\s*)?:|^\s*(?:accepted|declined|tentative(?:ly accepted)?|canceled|cancelled)\s*:`)
	// reCalendarBlock is the "When:/Where:/Join" block a calendar tool writes into the text.
	reCalendarWhen  = regexp.MustCompile(`(?im)^\s*when(?:\s*\((?:changed|updated)\))?\s*:`)
	reCalendarWhere = regexp.MustCompile(`(?im)^\s*(?:where|location)\s*:|^\s*join(?: the meeting| by phone| zoom meeting| microsoft teams meeting)?\b|\bjoin (?:the )?(?:meeting|call)\b`)
	// reMeetingInvite is an SDO's invitation to (or announcement of) its own meeting, in the
	// subject or in the document's title.
	reMeetingInvite = regexp.MustCompile(`(?i)\binvitation to (?:the )?(?:[\w#./-]+\s+){0,6}(?:meeting|plenary|session|workshop)\b|\b(?:meeting|plenary) (?:invitation|announcement|convocation)\b|\bconvening (?:notice|letter)\b|\bcollective letter\b|\bmeeting notice\b`)
	// reLogistics is the practical part of a meeting invitation.
	reLogistics = regexp.MustCompile(`(?i)\bvenue\b|\bhotels?\b|\baccommodation\b|\bregist(?:er|ration)\b|\bvisa\b|\b(?:tdoc|contribution|document) (?:submission )?deadline\b|\bsubmission deadline\b|\bhost(?:ed)? by\b|\bdelegates\b|\bdraft agenda\b`)
	// reListSubjectTag is a mailing list's "[wg]" tag at the start of a subject (after any
	// Re:/Fwd:), not a bracketed document number ("[S2-2604411]").
	reListSubjectTag = regexp.MustCompile(`(?i)^\s*(?:(?:re|aw|fwd?|fw)\s*:\s*)*\[([a-z][a-z0-9._-]{1,30})\]`)
	// reDraftWording is a list message that circulates a text for comments.
	reDraftWording = regexp.MustCompile(`(?i)\b(?:draft|proposed|suggested|candidate)\s+(?:(?:reply|response|outgoing|new)\s+)?(?:LS|liaison(?: statement| letter)?|reply|response|text|letter)\b|\bcomments?\s+(?:by|before|until|are welcome|welcome|to the list)\b|\bplease (?:send|provide|post|share) (?:any |your )?(?:comments|feedback)\b|\bfor (?:your )?review\b|\bbefore (?:we|the chairs) send\b`)
)

// calendarSignals scores a calendar invitation: an invitation part (text/calendar, an .ics
// file), a calendar tool's subject, a When:/Where:/Join block.
func (e *extractor) calendarSignals(subj, own string, add func(string, float64)) {
	for _, a := range e.m.Attachments {
		ct := strings.ToLower(a.ContentType)
		ext := strings.ToLower(path.Ext(a.Filename))
		if ct == "text/calendar" || ct == "application/ics" || ext == ".ics" || ext == ".vcs" {
			add("calendar invitation part", -6)
			break
		}
	}
	if reCalendarSubj.MatchString(subj) {
		add("calendar invitation subject", -3)
	}
	top := head(own, 2000)
	if reCalendarWhen.MatchString(top) && reCalendarWhere.MatchString(top) {
		add("When:/Where: calendar block", -2)
	}
}

// meetingInviteSignals scores an SDO's invitation to its own meeting: the invitation in the
// subject or title, and the logistics (venue, hotel, registration, submission deadlines).
func (e *extractor) meetingInviteSignals(best *source, subj, own string, add func(string, float64)) {
	if reLSSubjectStrong.MatchString(subj) || best != nil && e.addressesOurSide(best) {
		// a statement that invites IETF people to a workshop ("LS on invitation to the
		// joint workshop", To: IETF ...) is still a statement
		return
	}
	top := head(own, 4000)
	invite := reMeetingInvite.MatchString(subj) || reMeetingInvite.MatchString(head(own, 800))
	n := len(dedupStrings(lowerAll(reLogistics.FindAllString(top, -1))))
	switch {
	case invite && n >= 2:
		add("meeting invitation with logistics", -6)
	case invite:
		add("meeting invitation", -2.5)
	case n >= 4:
		add("meeting logistics", -2)
	}
}

// draftOnListSignals scores a working group list message that circulates the group's own
// outgoing statement (From: our side, To: another SDO) as a draft for comments: list
// discussion of a draft, not a received statement.
func (e *extractor) draftOnListSignals(best *source, subj, own string, add func(string, float64)) {
	if !e.listMessage(subj) || reNewLSSubject.MatchString(subj) || best == nil {
		return
	}
	if !e.ownSideStatement(best) {
		return
	}
	if reDraftWording.MatchString(subj) || reDraftWording.MatchString(head(own, 1500)) {
		add("our own draft statement circulated on a list for comments", -7)
		return
	}
	add("our own side's statement on a list", -1.5)
}

// ownSideStatement reports whether a source's label block is from an IETF-side body
// (IETF/IRTF groups, IAB, IESG) to bodies that are all outside it.
func (e *extractor) ownSideStatement(s *source) bool {
	var from, to []string
	for _, f := range s.block.fields {
		switch f.key {
		case kFrom:
			from = append(from, f.value)
		case kTo, kActionTo, kCommentTo, kInfoTo:
			to = append(to, f.value)
		}
	}
	if len(from) == 0 || len(to) == 0 {
		return false
	}
	return e.allReceiving(from[0], true) && e.allReceiving(strings.Join(to, "\n"), false)
}

// addressesOurSide reports whether a source's label block addresses an IETF-side body
// (To:, For action/comment/information to:).
func (e *extractor) addressesOurSide(s *source) bool {
	for _, f := range s.block.fields {
		switch f.key {
		case kTo, kActionTo, kCommentTo, kInfoTo:
			for _, m := range e.mentions(f.value, famUnknown) {
				if isReceivingBody(m.ref) {
					return true
				}
			}
		}
	}
	return false
}

// allReceiving reports whether every body named in text is on the IETF side (want true) or
// every one is outside it (want false); false when none is named.
func (e *extractor) allReceiving(text string, want bool) bool {
	ms := e.mentions(text, famUnknown)
	if len(ms) == 0 {
		if want {
			return reReceivingGroup.MatchString(text)
		}
		return false
	}
	for _, m := range ms {
		if isReceivingBody(m.ref) != want {
			return false
		}
	}
	return true
}

func lowerAll(in []string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = strings.ToLower(s)
	}
	return out
}

// listMessage reports whether the mail went through, or to, a working group list: a
// List-Id, a "[wg]" subject tag, or a group's list address (not its chairs' alias) in To:.
func (e *extractor) listMessage(subj string) bool {
	if e.m.ListID != "" || listTagged(subj) {
		return true
	}
	for _, a := range e.m.To {
		if e.dir.groupByAddr(a.Address) != nil && !strings.Contains(strings.ToLower(a.Address), "-chairs@") {
			return true
		}
	}
	return false
}

// listTagged reports whether a subject starts with a list tag ("[ccamp]", "Re: [Teas]").
func listTagged(subj string) bool {
	m := reListSubjectTag.FindStringSubmatch(subj)
	return m != nil && !isOnlyDocNumber(m[1])
}

var (
	// reDraftTitle is a statement title marked as a draft ("[DRAFT] Reply LS on ...", "Draft
	// LS on ..."), reDraftBanner a draft banner line ("DRAFT", "DRAFT LIAISON STATEMENT"),
	// reDocPlaceholder a document number not yet given ("S2-17xxxx", "SP-170XXX",
	// "SG15-LSxxx", "TD xxx").
	reDraftTitle     = regexp.MustCompile(`(?i)^\s*[\[(]?\s*draft\s*[\])]?[\s:]`)
	reDraftBanner    = regexp.MustCompile(`^\s*\[?DRAFT\]?(?:\s+(?:REPLY\s+)?(?:LIAISON STATEMENT|LIAISON|LS)\b.*)?\s*$`)
	reDocPlaceholder = regexp.MustCompile(`(?i)\b(?:(?:[SCRG][1-6]|SP|CP|RP)-\d{0,5}[x]{2,}|SG\d{1,2}-LS[x]{2,}|TD\s?[x]{3,})\b`)
	reDraftSubject   = regexp.MustCompile(`(?i)^\s*(?:\[[^\]]{1,40}\]\s*)*(?:\[\s*draft\s*\]|draft\b\s*[:\-]?)`)
)

// draftDocumentSignals scores a statement document that is itself marked as a draft (a
// draft title, a DRAFT banner, a document number not yet given): a draft circulated for
// comment, not a statement sent. The decision is left to a person (a heuristic negative).
func (e *extractor) draftDocumentSignals(best *source, subj string, add func(string, float64)) {
	if best == nil || reNewLSSubject.MatchString(subj) {
		return
	}
	var why []string
	if fs := fieldsByKey(best.block.fields, kTitle); len(fs) > 0 && reDraftTitle.MatchString(fs[0].value) {
		why = append(why, "draft title")
	}
	for i := best.start; i < len(best.lines) && i < best.start+15; i++ {
		if reDraftBanner.MatchString(best.lines[i]) {
			why = append(why, "DRAFT banner")
			break
		}
	}
	if reDocPlaceholder.MatchString(head(best.text, 1500)) {
		why = append(why, "document number not yet given")
	}
	if len(why) > 0 || reDraftSubject.MatchString(subj) && reLSSubject.MatchString(subj) {
		if reDraftSubject.MatchString(subj) {
			why = append(why, "draft subject")
		}
		add("a draft statement circulated for comment ("+strings.Join(why, ", ")+")", -7)
	}
}
