package classify

import (
	"fmt"
	"math"
	"path"
	"regexp"
	"sort"
	"strings"
)

// Is it a statement? Positive signals (a label block, "LS on", "liaison statement", SDO
// document numbers, attachments named like statements, a known SDO sender, the Datatracker
// notification) and negative ones (Auto-Submitted, multipart/report, out-of-office wording,
// Datatracker reminders, "Receipt of", list replies that only quote a statement, spam) add
// up to a score; the score's distance from the threshold is the certainty.

type signalResult struct {
	isLiaison bool
	score     float64
	certainty float64 // of the decision, whichever way it went
	summary   string
	hard      string // a decisive negative signal, if any
}

type signal struct {
	name   string
	weight float64
}

var (
	reOOOSubject      = regexp.MustCompile(`(?i)^\s*(?:automatic reply|automatische antwort|auto(?:matic)?[- ]?(?:reply|response|antwort)|out of (?:the )?office|abwesenheit\w*|abwesend|absence|réponse automatique|respuesta automática|risposta automatica|autosvar|automatisch antwoord)\b|^\s*(?:自動応答|自動返信|自动回复|不在)|\b(?:out of (?:the )?office|on vacation|on leave)\b`)
	reOOOBody         = regexp.MustCompile(`(?i)\b(?:i am|i'm|i will be) (?:currently )?(?:out of (?:the )?office|away|on (?:annual |parental |sick )?leave|on vacation|travell?ing|on holiday)\b|\blimited access to (?:my )?e-?mail\b|\bwill (?:respond|reply|get back to you) (?:to your (?:e-?mail|message) )?(?:up)?on my return\b|\bmessages will not be forwarded\b|\bthis is an automatic reply\b`)
	reReminderSubj    = regexp.MustCompile(`(?i)\[\s*liaison\s+(?:deadline|out of date|overdue)|\bliaison (?:statement )?(?:deadline )?reminder\b|^\s*reminder\s*:`)
	reReminderBody    = regexp.MustCompile(`(?i)\bthis is an? (?:automatic |automated )?reminder\b|\b(?:action|deadline|response) (?:requested )?(?:by the liaison statement )?(?:below )?is (?:due|overdue)\b|\bmark the action as taken\b`)
	reReceiptSubj     = regexp.MustCompile(`(?i)^\s*(?:(?:re|aw|fwd?)\s*:\s*)*(?:\[[^\]]*\]\s*)*(?:receipt of|acknowledge?ment(?: of receipt)?|acknowledging|ack\s*:|received\s*:|confirmation of receipt)\b`)
	reReceiptBody     = regexp.MustCompile(`(?i)\b(?:acknowledges? (?:its |the )?receipt|acknowledg(?:e|ing) (?:the )?receipt|confirm(?:s|ing)? (?:the )?receipt|this (?:message|e-?mail|note) (?:is to )?acknowledges?|has been (?:received and )?recorded|we (?:have )?received your (?:liaison|LS|letter))\b`)
	reSpam            = regexp.MustCompile(`(?i)\bcall for (?:papers|participation|proposals|abstracts|chapters)\b|\bcamera[- ]ready\b|\bpaper submission\b|\bsubmit your (?:paper|manuscript|abstract)\b|\bunsubscribe\b|\bspecial issue\b|\bindexed in (?:scopus|ei)\b|\bregistration fee\b|\bkeynote speakers?\b|\bearly[- ]bird\b|\bdiscount\b|\bwebinar\b|\bexhibit(?:ion|or)s?\b|\bbest price\b|\bclick here\b`)
	reLSWords         = regexp.MustCompile(`(?i)\bliaison statements?\b|\bliaison letter\b|\b(?:reply |incoming |outgoing |joint )?LS (?:on|to|from|in|regarding|about)\b|\bLS/[io]\b|\breply LS\b|\bliaison\b|联络函|リエゾン|연락문서`)
	reLSSubject       = regexp.MustCompile(`(?i)\bliaison\b|\bLS\b|\bLIAISE-\d|联络函|リエゾン`)
	reNewLSSubject    = regexp.MustCompile(`(?i)\bNew Liaison Statement\b`)
	reLSFileName      = regexp.MustCompile(`(?i)(?:^|[^a-z])(?:LS|liaison|liaise)(?:[^a-z]|$)|` + docNumAlt)
	reDiscussion      = regexp.MustCompile(`(?i)\b(?:i think|i agree|i disagree|i'?m happy to|should we|we should|shall we|what do (?:you|people) think|\+1\b|thoughts\?|any objections|i would suggest|my (?:view|understanding)|i support)\b`)
	reMeetingSubj     = regexp.MustCompile(`(?i)\b(?:interim meeting|virtual meeting|meeting announcement|session request|meeting agenda|agenda for|call for agenda|minutes of|meeting minutes)\b|\bWG (?:Virtual |Interim )?Meeting\b`)
	reMeetingBody     = regexp.MustCompile(`(?im)^\s*agenda\s*:?\s*$|\b(?:meeting link|meetecho|webex|zoom link|dial-in|remote participation|will hold an? (?:virtual |online )?(?:interim )?meeting)\b`)
	reQuestion        = regexp.MustCompile(`(?i)(?:^|[.!?]\s+|\n\s*)(?:did|has|have|is|are|was|were|could you|can you|would you|do you|does|when|where|why|who|what|how)\b[^.?!\n]{0,160}\?`)
	reLSSubjectStrong = regexp.MustCompile(`(?i)\bliaison statement\b|\bLS (?:on|to|from)\b|\breply LS\b|\bNew Liaison Statement\b`)
	reReceivingGroup  = regexp.MustCompile(`\b(?:IETF|IRTF) [A-Z0-9][A-Za-z0-9-]*(?: WG| RG| Working Group| Research Group)|\bIAB\b|\bIESG\b|\bInternet Architecture Board\b`)
	reDraftLSSubject  = regexp.MustCompile(`(?i)\b(?:draft|proposed|proposal for(?: an?)?|text for(?: an?)?|call for comments on(?: the)?)\s+(?:reply\s+|response\s+|outgoing\s+)?(?:LS|liaison)\b`)
	reDigestSubj      = regexp.MustCompile(`(?i)\bdigest,? vol(?:ume)?\.? \d+|\bdigest\b.*\bissue \d+`)
	reMailerDaemon    = regexp.MustCompile(`(?i)^(?:mailer-daemon|postmaster)@`)
	reDocFileExt      = regexp.MustCompile(`(?i)\.(?:pdf|docx?|rtf|odt|txt|htm|html|zip)$`)
)

func (e *extractor) scoreSignals() signalResult {
	var sig []signal
	addSig := func(name string, w float64) { sig = append(sig, signal{name, w}) }
	m := e.m
	subj := collapseSpaces(m.Subject)
	hard := ""

	// decisive negatives
	if m.Report != nil || strings.HasPrefix(strings.ToLower(m.ContentType), "multipart/report") {
		hard = "multipart/report (a delivery report or receipt)"
	}
	auto := strings.ToLower(m.AutoSubmitted)
	autoGenerated := false
	if auto != "" && auto != "no" {
		switch {
		case strings.Contains(auto, "replied"):
			if hard == "" {
				hard = "Auto-Submitted: " + auto
			}
		case !reNewLSSubject.MatchString(subj):
			autoGenerated = true // a robot's mail: a notification, unless it carries a statement
		}
	}
	if len(m.From) > 0 && reMailerDaemon.MatchString(m.From[0].Address) && hard == "" {
		hard = "from the mail system"
	}
	if reReminderSubj.MatchString(subj) && hard == "" {
		hard = "Datatracker deadline reminder"
	}
	if xa := m.Header.Get("X-Autoreply"); xa != "" && hard == "" {
		hard = "X-Autoreply header"
	}
	if p := strings.ToLower(m.Header.Get("Precedence")); (p == "auto_reply" || p == "junk") && hard == "" {
		hard = "Precedence: " + p
	}

	// the statement structure of the original and of quoted text
	best := 0.0
	var bestSrc *source
	quotedBest := 0.0
	isReply := reReSubject.MatchString(subj) && !reFwdSubject.MatchString(subj)
	for _, l := range allLevels(e.top) {
		for _, s := range l.sources {
			if s.kind == srcQuoted || isReply && e.quotedLevel(l) {
				quotedBest = math.Max(quotedBest, s.score)
				continue
			}
			if e.top.msg != nil && e.top.msg.Report != nil && l != e.top {
				continue
			}
			if s.score > best {
				best, bestSrc = s.score, s
			}
		}
	}
	switch {
	case best >= 6:
		addSig("full label block", 4)
	case best >= 4:
		addSig("label block", 3)
	case best >= 2.5:
		addSig("partial label block", 1.5)
	case best >= 1.5:
		addSig("a statement label", 0.5)
	}
	if bestSrc != nil && reLSHeading.MatchString(bestSrc.text) {
		addSig("LIAISON STATEMENT heading", 1)
	}

	if _, _, ok := e.liaisonLetter(); ok {
		addSig("a letter headed as a liaison", 2)
	}

	// words
	if reNewLSSubject.MatchString(subj) {
		addSig("Datatracker new-statement notification", 3)
	}
	if reLSSubject.MatchString(subj) {
		addSig("liaison/LS in the subject", 1.5)
	}
	own := e.ownText(isReply)
	if reLSWords.MatchString(own) {
		addSig("liaison wording in the text", 1)
	}
	if len(findDocNums(subj)) > 0 || len(findDocNums(head(own, 3000))) > 0 {
		addSig("SDO document number", 1)
	}
	for _, a := range m.Attachments {
		if reDocFileExt.MatchString(a.Filename) && reLSFileName.MatchString(strings.TrimSuffix(a.Filename, path.Ext(a.Filename))) {
			addSig("attachment named like a statement", 1)
			break
		}
	}
	if e.sdoSender(own) {
		addSig("known SDO sender", 1)
	}
	if e.addressesReceivingBody(own) {
		addSig("addresses an IETF body", 0.5)
	}
	if reInfoProse.MatchString(head(own, 4000)) || reActionProse.MatchString(head(own, 4000)) {
		addSig("purpose wording", 0.5)
	}
	if e.salutesReceivingBody() {
		addSig("salutation to an IETF body", 0.5)
	}
	if e.asksReplyByDate() {
		addSig("asks for a reply by a date", 0.5)
	}

	// negatives
	if autoGenerated {
		addSig("Auto-Submitted: "+auto, -3)
	}
	if m.ListID != "" && reDraftLSSubject.MatchString(subj) {
		addSig("a draft statement discussed on a list", -7)
	}
	if p := strings.ToLower(m.Header.Get("Precedence")); p == "bulk" {
		addSig("Precedence: bulk", -1)
	}
	if reOOOSubject.MatchString(subj) {
		addSig("out-of-office subject", -6)
	}
	if reOOOBody.MatchString(head(own, 1500)) {
		addSig("out-of-office wording", -3.5)
	}
	if reReminderBody.MatchString(own) {
		addSig("reminder wording", -3)
	}
	if best < 2.5 && len(own) < 1500 && len(reQuestion.FindAllString(own, -1)) > 0 && !reLSSubjectStrong.MatchString(subj) {
		addSig("a question about a statement", -2.5)
	}
	if reMeetingSubj.MatchString(subj) || reMeetingBody.MatchString(head(own, 3000)) && best < 2.5 {
		addSig("meeting announcement", -3)
	}
	// heuristic negatives: they move the score, but a decision that rests on them alone is
	// not certain (see below)
	heuristic := 0.0
	addHeur := func(name string, w float64) { addSig(name, w); heuristic += w }
	e.calendarSignals(subj, own, addHeur)
	e.meetingInviteSignals(bestSrc, subj, own, addHeur)
	e.draftOnListSignals(bestSrc, subj, own, addHeur)
	e.draftDocumentSignals(bestSrc, subj, addHeur)
	if reDigestSubj.MatchString(subj) {
		addSig("list digest", -5)
	}
	if reReceiptSubj.MatchString(subj) {
		addSig("receipt subject", -6)
	}
	if reReceiptBody.MatchString(head(own, 2000)) {
		addSig("acknowledgement wording", -3.5)
	}
	if n := len(reSpam.FindAllString(head(own, 2500)+" "+subj, -1)); n > 0 {
		addSig("spam/CFP wording", -1.5*math.Min(float64(n), 4))
	}
	if isReply {
		if best < 2.5 && quotedBest >= 2.5 {
			addSig("reply that quotes a statement", -5)
		} else if best < 2.5 {
			addSig("reply", -1.5)
		}
		if m.ListID != "" {
			addSig("list traffic", -1.5)
		}
		if reDiscussion.MatchString(own) && best < 4 {
			addSig("discussion wording", -1.5)
		}
	} else if m.ListID != "" && best < 2.5 && reDiscussion.MatchString(own) {
		addSig("list discussion", -2)
	}

	score := 0.0
	for _, s := range sig {
		score += s.weight
	}
	const threshold = 2.5
	r := signalResult{score: score, hard: hard}
	r.isLiaison = score >= threshold && hard == ""
	dist := math.Abs(score - threshold)
	r.certainty = 0.5 + 0.5*(1-math.Exp(-dist/2.5))
	if hard != "" {
		r.certainty = 0.97
	}
	if r.isLiaison && best >= 4 && !hasNegative(sig) {
		// a statement template's label block and nothing against it: a statement
		r.certainty = max(r.certainty, 0.9)
	}
	if !r.isLiaison && hard == "" && score-heuristic >= threshold {
		// only the calendar, meeting-invitation or draft-on-list heuristics made it a
		// non-statement: keep it below the review threshold
		r.certainty = math.Min(r.certainty, 0.75)
	}
	sort.SliceStable(sig, func(i, j int) bool { return math.Abs(sig[i].weight) > math.Abs(sig[j].weight) })
	var parts []string
	if hard != "" {
		parts = append(parts, "decisive: "+hard)
	}
	for _, s := range sig {
		parts = append(parts, fmt.Sprintf("%s %+.1f", s.name, s.weight))
	}
	r.summary = fmt.Sprintf("score %.1f (threshold %.1f): %s", score, threshold, strings.Join(parts, ", "))
	return r
}

func hasNegative(sig []signal) bool {
	for _, s := range sig {
		if s.weight < 0 {
			return true
		}
	}
	return false
}

// ownText is what the senders of the original wrote: its sources without quoted text, and
// the forwarding note when the original is a forward.
func (e *extractor) ownText(isReply bool) string {
	var b strings.Builder
	for _, l := range allLevels(e.top) {
		if e.top.msg != nil && e.top.msg.Report != nil && l != e.top {
			continue
		}
		if isReply && e.quotedLevel(l) {
			continue
		}
		for _, s := range l.sources {
			if s.kind == srcQuoted {
				continue
			}
			b.WriteString(head(s.text, 8000))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func head(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !isRuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// salutesReceivingBody reports whether the original's text greets an IETF-side body ("Dear
// HTTPBIS chairs", "To the IETF CCAMP WG").
func (e *extractor) salutesReceivingBody() bool {
	for _, s := range e.ranked {
		if !e.inOrig(s) {
			continue
		}
		if m := reDear.FindStringSubmatch(strings.Join(s.lines[s.start:min(len(s.lines), s.start+40)], "\n")); m != nil {
			for _, mm := range e.mentions(m[1], s.fam) {
				if isReceivingBody(mm.ref) {
					return true
				}
			}
		}
	}
	return false
}

// asksReplyByDate reports whether the original's text asks for a reply by a date.
func (e *extractor) asksReplyByDate() bool {
	for _, s := range e.ranked {
		if !e.inOrig(s) {
			continue
		}
		for _, c := range proseDeadlines(s, e.ref) {
			if c.conf >= 0.8 {
				return true
			}
		}
	}
	return false
}

// quotedLevel reports whether a level is text a reply quotes: an inline block (Outlook
// "From:/Sent:" header, "-----Original Message-----") under a reply's own text.
func (e *extractor) quotedLevel(l *level) bool {
	for x := l; x != nil; x = x.parent {
		if x.fwd != nil && x.parent == e.top {
			return true
		}
	}
	return false
}

// sdoSender reports whether the original's sender names a sending body ("TSB SG13
// Secretariat", "Broadband Forum Liaisons").
func (e *extractor) sdoSender(own string) bool {
	for _, a := range e.hdr.from {
		for _, m := range e.mentions(a.Name, famUnknown) {
			if !isReceivingBody(m.ref) {
				return true
			}
		}
	}
	for _, m := range reOnBehalfOf.FindAllStringSubmatch(head(own, 4000), 3) {
		for _, mm := range e.mentions(m[1], famUnknown) {
			if mm.start <= 4 && !isReceivingBody(mm.ref) {
				return true
			}
		}
	}
	return false
}

var reOnBehalfOf = regexp.MustCompile(`(?i)\bon behalf of\s+(?:the\s+)?(.{3,90})`)

// addressesReceivingBody reports whether the text names an IETF-side body in the
// directory.
func (e *extractor) addressesReceivingBody(text string) bool {
	text = head(text, 4000)
	if reReceivingGroup.MatchString(text) {
		return true
	}
	if e.dir == nil {
		return false
	}
	lower := lowerASCII(text)
	for _, a := range e.dir.aliases {
		if a.entry.IsGroup && indexWord(lower, a.text) >= 0 {
			return true
		}
	}
	return false
}

var (
	// reLetterLSHeading is the heading of a letter that is a liaison: "LIAISON STATEMENT",
	// "Liaison to the IETF", "Liaison letter to the IETF CoRE Working Group".
	reLetterLSHeading = regexp.MustCompile(`(?i)^(?:(?:reply|response)\s+)?(?:liaison(?:\s+(?:statement|letter))?|LS)(?:\s+(to|from)\s+([^.,;:]{2,80}))?$`)
	reClosing         = regexp.MustCompile(`(?im)^\s*(?:(?:yours\s+)?(?:sincerely|faithfully|truly)|yours\s+(?:sincerely|faithfully|truly)|(?:best|kind|warm)\s+regards|regards|respectfully(?:\s+yours)?|with best wishes)\s*,?\s*$`)
)

// liaisonLetter reports whether an attached document is a formal letter (a salutation and
// a closing) whose heading calls it a liaison: such letters often say "liaison" nowhere
// else, neither in the mail nor in the file name.
func (e *extractor) liaisonLetter() (*source, int, bool) {
	for _, s := range e.orig.sources {
		if s.kind != srcAttachment || !reSalutationLine.MatchString(s.text) || !reClosing.MatchString(s.text) {
			continue
		}
		n := 0
		for i, ln := range s.lines {
			t := collapseSpaces(ln)
			if t == "" {
				continue
			}
			if n++; n > 8 || reSalutation.MatchString(t) {
				break
			}
			if reLetterLSHeading.MatchString(t) {
				return s, i, true
			}
		}
	}
	return nil, 0, false
}
