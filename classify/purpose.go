package classify

import (
	"regexp"
	"strings"
)

// Purpose: information, action or response. A statement framed as a reply is a response
// even when it asks for something; then an explicit Purpose:/For:/Expected action: label;
// ITU-T "For action to:" rows; 3GPP "ACTION:" lines; then the prose. Legacy "For comment"
// (JTC 1 COMM) is action with a deadline, information without.

var (
	reRespTitle   = regexp.MustCompile(`(?i)^(?:reply|response|answer|responding|follow-up)\b|^(?:LS|liaison(?: statement)?)\s+(?:reply|response)\b|^re\s*:|\breply ls\b|\bresponse ls\b|\bresponse to\b.*\b(?:LS|liaison|letter|statement)\b`)
	reRespProse   = regexp.MustCompile(`(?i)\b(?:in (?:response|reply|answer) to (?:your|the|their|its|our)\b[^.]{0,80}\b(?:LS|liaison|letter|statement|request|questions?|communication)s?|(?:this|our) (?:letter|LS|liaison(?: statement)?|statement|note) (?:is|constitutes|serves as|provides) (?:a|an|our|the)\b[^.]{0,20}\b(?:reply|response|answer)|(?:replies|responds|responding|replying) to (?:your|the)\b[^.]{0,60}\b(?:LS|liaison|letter|statement)|thank(?:s|ing)? [^.]{0,80}\bfor (?:your|its|their|the) (?:LS|liaison(?: statement)?(?: response| reply)?|letter) (?:on|regarding|about|of|dated|concerning|titled|entitled|")|\bour (?:response|reply|answer)s? to\b[^.]{0,60}\byour (?:LS|liaison|letter|statement)|following up on your (?:LS|liaison)|\bthis is (?:a|our) (?:reply|response|answer) to\b|\bwould like to (?:reply|respond) to (?:your|the)\b)`)
	reInfoProse   = regexp.MustCompile(`(?i)\bfor (?:your |their |its )?(?:information|awareness|info)\b|\bno (?:specific |further |particular )?action (?:is |was |has been )?(?:requested|required|needed|expected)\b|\bno (?:reply|response|action) is (?:requested|required|expected|needed)\b|\b(?:would like|wishes|wish) to (?:inform|share|update)\b|\bto inform (?:you|the)\b|\bfyi\b|\bkeep (?:you|the \S+) informed\b`)
	reActionProse = regexp.MustCompile(`(?i)\bkindly (?:asks?|requests?|invites?|seeks?)\b|\b(?:asks?|requests?|invites?|urges?|encourages?) (?:the |you\b|your\b|ietf|iab|irtf|that\b|all\b|[A-Z]{2,}\b)|\bplease (?:provide|respond|reply|review|comment|consider|send|advise|let us know|indicate|confirm|answer|share|inform us|clarify|check)\b|\bwould (?:appreciate|welcome|be grateful for) (?:a |your |any |receiving )?(?:response|reply|feedback|comments?|input|views|answer|guidance|advice|review)\b|\brequest (?:your|the|a) (?:review|feedback|comments?|input|views|guidance|opinion|response)\b|\bseeks? (?:your |the )?(?:guidance|input|feedback|advice|views|comments)\b|\b(?:are|is) (?:kindly |respectfully )?(?:invited|requested|asked) to\b|\b(?:feedback|comments?|views|input|responses?|replies|reply|answers?) (?:would|will) be (?:much |greatly |most )?(?:appreciated|welcome|welcomed)\b|\blook(?:s|ing)? forward to (?:your|receiving|a) (?:reply|response|feedback|comments|views|input)\b`)
)

// purposeOf maps a Purpose:-style value to information, action, response or "comment".
func purposeOf(v string) string {
	l := strings.ToLower(foldWidth(v))
	l = strings.TrimSpace(l)
	switch {
	case l == "":
		return ""
	case strings.Contains(l, "response") || strings.Contains(l, "reply") || strings.HasPrefix(l, "in resp") || strings.Contains(l, "answer"):
		return PurposeResponse
	case strings.Contains(l, "comment") || l == "comm" || strings.Contains(l, "review"):
		if strings.Contains(l, "action") || strings.Contains(l, "act,") {
			return PurposeAction
		}
		return "comment"
	case strings.Contains(l, "action") || l == "act" || strings.Contains(l, "decision") || strings.Contains(l, "approval") || strings.Contains(l, "endorsement"):
		return PurposeAction
	case strings.Contains(l, "information") || l == "info" || strings.HasPrefix(l, "info") || strings.Contains(l, "noting") || strings.Contains(l, "discussion") || strings.Contains(l, "awareness"):
		return PurposeInformation
	}
	return ""
}

func (e *extractor) extractPurpose() {
	p, ev := e.purpose()
	if p == "comment" {
		if e.x.Deadline != nil {
			p = PurposeAction
			ev.Raw += " (legacy For comment, with a deadline)"
		} else {
			p = PurposeInformation
			ev.Raw += " (legacy For comment, no deadline)"
		}
		ev.Confidence = min(ev.Confidence, e.ev["deadline"].Confidence, 0.9)
	}
	if e.signals.certainty < 0.7 {
		ev.Confidence = min(ev.Confidence, 0.7)
	}
	e.x.Purpose = strp(p)
	e.setEv("purpose", ev)
	// no deadline found: right for information and responses, doubtful for an action; sure
	// when the purpose is sure (information or a reply asks for nothing, and the text names
	// no reply date: two readings agree)
	if e.x.Deadline == nil && e.ev["deadline"].Source == noDeadlineFound {
		c := 0.85
		switch p {
		case PurposeAction:
			c = 0.6
		case PurposeResponse:
			c = 0.8
		}
		if p != PurposeAction && ev.Confidence >= 0.85 {
			c = 0.9
		}
		e.setEv("deadline", Evidence{Confidence: c, Source: noDeadlineFound})
	}
	// a labelled information statement has no deadline: a date the prose names is something
	// else (a freeze date, a publication plan)
	if p == PurposeInformation && ev.Confidence >= 0.85 && e.x.Deadline != nil && e.deadlineFromProse {
		e.x.Deadline = nil
		e.setEv("deadline", Evidence{Confidence: 0.7, Source: "none: an information statement (a date in its text is not a reply deadline)", Raw: e.ev["deadline"].Raw})
	}
}

func (e *extractor) purpose() (string, Evidence) {
	// 1. framed as a reply
	if ev, ok := e.responseFraming(); ok {
		return PurposeResponse, ev
	}
	// 2. an explicit purpose label
	for _, s := range e.ranked {
		for _, f := range fieldsByKey(s.block.fields, kPurpose) {
			p := purposeOf(f.value)
			if p == "" {
				continue
			}
			if n := normLabel(f.label); n == "status" && p == PurposeAction {
				continue // "Status: approved"
			}
			conf := 0.95
			if !e.inOrig(s) {
				conf = 0.85
			}
			if p == PurposeInformation && e.x.Deadline != nil && e.ev["deadline"].Confidence >= 0.8 {
				conf = 0.7 // a deadline on an information statement: one of them is wrong
			}
			return p, Evidence{Confidence: conf, Source: where(s, f.line, f.label), Raw: f.value}
		}
		// ITU-D "FOR : X for action; others for information"
	}
	// 3. ITU-T rows: the purpose towards the IETF is that of the rows naming it; when none
	// does, the first purpose given
	for _, s := range e.ranked {
		var act, com, inf *field
		rows := fieldsByKey(s.block.fields, kActionTo, kCommentTo, kInfoTo)
		ietfRows := rows[:0:0]
		for _, f := range rows {
			if e.namesIETF(f.value) {
				ietfRows = append(ietfRows, f)
			}
		}
		if len(ietfRows) > 0 {
			rows = ietfRows
		}
		for _, f := range rows {
			if reNoneValue.MatchString(f.value) || strings.TrimSpace(f.value) == "" {
				continue
			}
			switch f.key {
			case kActionTo:
				act = firstField(act, f)
			case kCommentTo:
				com = firstField(com, f)
			case kInfoTo:
				inf = firstField(inf, f)
			}
		}
		switch {
		case act != nil:
			return PurposeAction, Evidence{Confidence: 0.93, Source: where(s, act.line, act.label), Raw: act.value}
		case com != nil:
			return "comment", Evidence{Confidence: 0.85, Source: where(s, com.line, com.label), Raw: com.value}
		case inf != nil:
			conf := 0.9
			if e.x.Deadline != nil && e.ev["deadline"].Confidence >= 0.8 {
				conf = 0.65
			}
			return PurposeInformation, Evidence{Confidence: conf, Source: where(s, inf.line, inf.label), Raw: inf.value}
		}
	}
	// 4. 3GPP ACTION: lines
	for _, s := range e.ranked {
		acts := fieldsByKey(s.block.fields, kAction)
		if len(acts) == 0 {
			continue
		}
		for _, f := range acts {
			v := strings.TrimSpace(f.value)
			if v == "" {
				continue
			}
			if !reNoAction.MatchString(v) {
				return PurposeAction, Evidence{Confidence: 0.88, Source: where(s, f.line, f.label), Raw: v}
			}
		}
		f := acts[0]
		return PurposeInformation, Evidence{Confidence: 0.88, Source: where(s, f.line, f.label), Raw: f.value}
	}
	// 5. prose
	for _, s := range e.ranked {
		if !e.inOrig(s) {
			continue
		}
		text := strings.Join(s.lines[s.start:], "\n")
		info := reInfoProse.FindStringIndex(text)
		act := reActionProse.FindStringIndex(text)
		switch {
		case info != nil && act == nil:
			conf := 0.75
			if e.x.Deadline == nil {
				conf = 0.9 // information wording, no request and no reply date: two readings agree
			}
			return PurposeInformation, Evidence{Confidence: conf, Source: s.name + " (prose)", Raw: snippet(text, info)}
		case act != nil && info == nil:
			conf := 0.72
			if e.x.Deadline != nil {
				conf = 0.8
				if e.replyDateNamed() {
					conf = 0.9 // a request and a reply date: two readings agree
				}
			}
			return PurposeAction, Evidence{Confidence: conf, Source: s.name + " (prose)", Raw: snippet(text, act)}
		case act != nil && info != nil:
			if e.x.Deadline != nil && e.ev["deadline"].Confidence >= 0.6 {
				conf := 0.65
				if e.replyDateNamed() {
					conf = 0.85 // a request and a reply date outweigh an "attached for information"
				}
				return PurposeAction, Evidence{Confidence: conf, Source: s.name + " (prose, with a deadline)", Raw: snippet(text, act)}
			}
			if reNoActionProse.MatchString(text) {
				return PurposeInformation, Evidence{Confidence: 0.65, Source: s.name + " (prose)", Raw: snippet(text, info)}
			}
			return PurposeAction, Evidence{Confidence: 0.5, Source: s.name + " (prose, mixed)", Raw: snippet(text, act)}
		}
	}
	if e.x.Deadline != nil {
		if e.replyDateNamed() {
			// the text names the date as the one to reply by: that is a request
			return PurposeAction, Evidence{Confidence: 0.87, Source: "default: a reply date is given", Raw: e.ev["deadline"].Raw}
		}
		return PurposeAction, Evidence{Confidence: 0.55, Source: "default: a deadline is given"}
	}
	return PurposeInformation, Evidence{Confidence: 0.4, Source: "default: no action or deadline found"}
}

// replyDateNamed reports whether the deadline was read where the text names it as the date
// to reply by (a deadline label, or prose with a reply word around the date), surely.
func (e *extractor) replyDateNamed() bool {
	return e.x.Deadline != nil && e.ev["deadline"].Confidence >= 0.85
}

var (
	reNoAction      = regexp.MustCompile(`(?i)^(?:none|no action|n/?a|-|nil)\b`)
	reNoActionProse = regexp.MustCompile(`(?i)\bno (?:specific |further |particular )?action (?:is |was )?(?:requested|required|needed|expected)\b|\bno (?:reply|response) is (?:requested|required|expected)\b`)
)

func firstField(cur, f *field) *field {
	if cur != nil {
		return cur
	}
	return f
}

// snippet returns the words around text[loc[0]:loc[1]], for evidence.
func snippet(text string, loc []int) string {
	s := max(0, loc[0]-40)
	end := min(len(text), loc[1]+60)
	for s > 0 && text[s-1] != ' ' && text[s-1] != '\n' && s > loc[0]-60 {
		s--
	}
	for end < len(text) && text[end] != ' ' && text[end] != '\n' && end < loc[1]+80 {
		end++
	}
	for s > 0 && !isRuneStart(text[s]) {
		s--
	}
	for end < len(text) && !isRuneStart(text[end]) {
		end++
	}
	return collapseSpaces(text[s:end])
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// responseFraming reports whether the statement is framed as a reply: a filled Response
// to: field, a reply title, a Purpose of "In response", or prose answering an earlier
// statement.
func (e *extractor) responseFraming() (Evidence, bool) {
	for _, s := range e.ranked {
		for _, f := range fieldsByKey(s.block.fields, kResponseTo) {
			if v := strings.TrimSpace(f.value); v != "" && !reNoneValue.MatchString(v) && !strings.Contains(v, "@") {
				conf := 0.92
				if !e.inOrig(s) {
					conf = 0.8
				}
				return Evidence{Confidence: conf, Source: where(s, f.line, f.label), Raw: v}, true
			}
		}
		for _, f := range fieldsByKey(s.block.fields, kPurpose) {
			if purposeOf(f.value) == PurposeResponse {
				return Evidence{Confidence: 0.95, Source: where(s, f.line, f.label), Raw: f.value}, true
			}
		}
	}
	if t := deref(e.x.Title); t != "" && reRespTitle.MatchString(t) && e.ev["title"].Confidence >= 0.6 {
		return Evidence{Confidence: 0.88, Source: "title", Raw: t}, true
	}
	for _, s := range e.ranked {
		if !e.inOrig(s) {
			continue
		}
		text := strings.Join(s.lines[s.start:], "\n")
		if loc := reRespProse.FindStringIndex(text); loc != nil {
			return Evidence{Confidence: 0.8, Source: s.name + " (prose)", Raw: snippet(text, loc)}, true
		}
	}
	return Evidence{}, false
}

var (
	reRespQuoted = regexp.MustCompile(`(?i)\b(?:your|the|their|its)\s+(?:[\w-]+\s+){0,3}?(?:LS|liaison(?: statement)?|letter|statement)s?(?:\s+(?:response|reply))?\s*(?:\(([^)]{2,40})\)\s*)?(?:entitled|titled|on|regarding|about|concerning)?\s*[:,]?\s*["“]([^"”]{4,200})["”]`)
	reRespDocNum = regexp.MustCompile(`(?i)\b(?:in (?:response|reply|answer) to|replies to|responds to|reply to)\s+(?:your|the|their|its)?\s*(?:LS|liaison(?: statement)?|letter|statement)?\s*\(?(` + docNumAlt + `|[A-Z][A-Z0-9]*-?\d{3,})\)?`)
	reRespOn     = regexp.MustCompile(`(?i)\b(?:in (?:response|reply|answer) to|thanks? [^.]{0,60}\bfor) (?:your|its|their|the) (?:LS|liaison(?: statement)?|letter) (?:on|regarding|about|concerning) ([^.,;(]{8,160}?)(?:\s+(?:of|dated|from|sent|received)\b|[.,;(]|$)`)
	reDTRefURL   = regexp.MustCompile(`\s*\(?\s*(?:<)?https?://\S+?(?:>)?\s*\)?\s*$`)
	reReplyTitle = regexp.MustCompile(`(?i)^(?:reply|response)\s+(?:LS\s+)?(?:to\s+(?:LS\s+)?)?(on\s+.+|to\s+.+)$`)
)

// extractResponseTo reads in_response_to: the Response to:/Referenced liaison: text, else
// the earlier title or document number that reply prose names.
func (e *extractor) extractResponseTo() {
	purposeResp := deref(e.x.Purpose) == PurposeResponse
	for _, s := range e.ranked {
		for _, f := range fieldsByKey(s.block.fields, kResponseTo) {
			v := collapseSpaces(strings.ReplaceAll(f.value, "\n", " "))
			if v == "" || reNoneValue.MatchString(v) || strings.Contains(v, "@") {
				continue
			}
			if normLabel(f.label) == "referenced liaison" || normLabel(f.label) == "referenced liaisons" {
				v = strings.TrimSpace(reDTRefURL.ReplaceAllString(v, ""))
			}
			conf := 0.9
			if !e.inOrig(s) {
				conf = 0.75
			}
			e.x.InResponseTo = strp(v)
			e.setEv("in_response_to", Evidence{Confidence: conf, Source: where(s, f.line, f.label), Raw: f.value})
			return
		}
	}
	if !purposeResp {
		e.setEv("in_response_to", Evidence{Confidence: 0.8, Source: "not found: nothing says it answers an earlier statement"})
		return
	}
	for _, s := range e.ranked {
		if !e.inOrig(s) {
			continue
		}
		text := collapseSpaces(strings.Join(s.lines[s.start:], " "))
		if m := reRespQuoted.FindStringSubmatch(text); m != nil {
			e.x.InResponseTo = strp(strings.TrimSpace(m[2]))
			e.setEv("in_response_to", Evidence{Confidence: 0.75, Source: s.name + " (prose, quoted title)", Raw: m[0]})
			return
		}
		if m := reRespDocNum.FindStringSubmatch(text); m != nil {
			e.x.InResponseTo = strp(m[1])
			e.setEv("in_response_to", Evidence{Confidence: 0.65, Source: s.name + " (prose, document number)", Raw: m[0]})
			return
		}
		if m := reRespOn.FindStringSubmatch(text); m != nil {
			e.x.InResponseTo = strp(strings.TrimSpace(m[1]))
			e.setEv("in_response_to", Evidence{Confidence: 0.5, Source: s.name + " (prose)", Raw: m[0]})
			return
		}
	}
	if m := reReplyTitle.FindStringSubmatch(deref(e.x.Title)); m != nil {
		v := strings.TrimSpace(m[1])
		if strings.HasPrefix(strings.ToLower(v), "on ") {
			v = "LS " + v
		} else {
			v = strings.TrimSpace(v[3:])
		}
		e.x.InResponseTo = strp(v)
		e.setEv("in_response_to", Evidence{Confidence: 0.35, Source: "title (reply title)", Raw: deref(e.x.Title)})
		return
	}
	e.setEv("in_response_to", Evidence{Confidence: 0.3, Source: "response, but the earlier statement is not named"})
}

var reIETFBody = regexp.MustCompile(`\b(?:IETF|IRTF|IAB|IESG)\b`)

// namesIETF reports whether a recipient list names the IETF, the IAB, the IRTF or one of
// the directory's groups.
func (e *extractor) namesIETF(v string) bool {
	if reIETFBody.MatchString(v) {
		return true
	}
	for _, r := range e.dir.parseBodies(v, e.fam) {
		if r.Entry != nil && r.Entry.IsGroup {
			return true
		}
	}
	return false
}
