package classify

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Deadline: a labelled deadline field first ("Deadline:", "Action due date:", "Please reply
// by"); then a date that prose names as the reply date ("provide feedback by 8 May 2026").
// Meeting dates, contribution and submission deadlines and the document's own dates are
// not the deadline.

var (
	// reCuePresent: a paragraph without any of these words names no deadline
	reCuePresent = regexp.MustCompile(`(?i)\b(?:by|before|later than|prior to|deadline|due|until|bis|avant|hasta)\b|までに|まで|前|까지|이전`)
	// reCueBefore ends the text just before a date that prose names as a deadline
	reCueBefore = regexp.MustCompile(`(?i)(?:\bby|\bbefore|no later than|not later than|\bprior to|\bdeadline(?:\s+(?:is|of|for\s+(?:replies|responses|comments|feedback|your\s+\w+)))?|\bdue(?:\s+(?:date|on|by))?|\breply\s+date(?:\s+is)?|\buntil|\bbis(?:\s+zum)?|\bavant\s+le|\bhasta\s+el)\s*(?:the\s+)?[:,]?\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*|(?:mon|tue|wed|thu|fri|sat|sun)\.?,?\s+)?(?:the\s+)?$`)
	// reCueAfter starts the text just after a CJK date that is a deadline ("までに", "前", "까지")
	reCueAfter = regexp.MustCompile(`^\s*(?:までに|まで|前|以前|之前|까지|이전)`)
	// reReplyWord: the sentence is about replying, so its date is the reply date
	reReplyWord = regexp.MustCompile(`(?i)\b(?:repl(?:y|ies)|respon(?:d|se|ses)|feedback|comments?|answers?|views|input|advi[cs]e|review|reaction|confirm)|回答|回复|答复|회신|意見|ご意見`)
	// reDecoyBefore: the date belongs to a meeting, a contribution or submission deadline, an
	// absence
	reDecoyBefore = regexp.MustCompile(`(?i)\b(?:contributions?|submissions?|submit(?:ted)?|register|registration|camera[- ]ready|papers?|abstracts?|tdocs?|documents? deadline|hotel|visa|out of (?:the )?office|on leave|away|absent|vacation|holiday|approved|agreed|adopted|held|took place|meets|meeting|session|plenary|interim|workshop|conference|published|publication)\b`)
	// rePleaseReply is the Datatracker line "Please reply by 2026-04-30"
	rePleaseReply = regexp.MustCompile(`(?i)^\s*please\s+(?:reply|respond)\s+by\s+(.+)$`)
	// reUntilAbsence: "until" as an absence, never a deadline
	reUntilAbsence = regexp.MustCompile(`(?i)\b(?:out of (?:the )?office|away|absent|on leave|travell?ing)\b[^.]{0,60}\buntil\s*$`)
)

const noDeadlineFound = "not found: no reply date in the text"

type deadlineCand struct {
	m    dateMatch
	conf float64
	src  *source
	line int
	lbl  string
	raw  string
}

func (e *extractor) extractDeadline() {
	// 1. labelled fields, in source order
	noneSaid := false
	var noneEv Evidence
	for _, s := range e.ranked {
		for _, f := range fieldsByKey(s.block.fields, kDeadline) {
			m, none, ok := deadlineValue(f.value, e.ref)
			if none {
				if !noneSaid {
					noneSaid = true
					noneEv = Evidence{Confidence: 0.9, Source: where(s, f.line, f.label), Raw: f.value}
					if !e.inOrig(s) {
						noneEv.Confidence = 0.75
					}
				}
				continue
			}
			if !ok {
				continue
			}
			if noneSaid && e.inOrig(s) {
				break // the statement's own source said "none" first
			}
			e.setDeadline(deadlineCand{m: m, conf: e.labelDateConf(m, s), src: s, line: f.line, lbl: f.label, raw: f.value})
			return
		}
		for i, ln := range s.lines {
			if mm := rePleaseReply.FindStringSubmatch(ln); mm != nil {
				if m, _, ok := deadlineValue(mm[1], e.ref); ok {
					e.setDeadline(deadlineCand{m: m, conf: e.labelDateConf(m, s), src: s, line: i, lbl: "Please reply by", raw: strings.TrimSpace(mm[1])})
					return
				}
			}
		}
	}
	// 2. prose in the statement, then in the cover note
	var best *deadlineCand
	count := 0
	for _, s := range e.ranked {
		for _, c := range proseDeadlines(s, e.ref) {
			if !e.inOrig(s) {
				c.conf -= 0.15
			}
			count++
			if best == nil || c.conf > best.conf+0.001 {
				cc := c
				best = &cc
			}
		}
		if best != nil && e.inOrig(s) && best.src == s {
			break // the best source's own prose decides
		}
	}
	if best != nil {
		if noneSaid {
			best.conf = min(best.conf, 0.55)
			e.warn("deadline field says none, but the text names %s", best.m.d)
		}
		if count > 1 {
			best.conf -= 0.1
		}
		e.deadlineFromProse = true
		e.setDeadline(*best)
		return
	}
	if noneSaid {
		e.setEv("deadline", noneEv)
		return
	}
	e.setEv("deadline", Evidence{Confidence: 0.75, Source: noDeadlineFound})
}

func (e *extractor) labelDateConf(m dateMatch, s *source) float64 {
	c := 0.95
	switch m.kind {
	case dateFuzzy:
		c = 0.88
	case dateMonthOnly:
		c = 0.6
	case dateNoYear:
		c = 0.65
	}
	if m.ambiguous {
		c -= 0.07
	}
	if m.rng {
		c -= 0.2
	}
	if !e.inOrig(s) {
		c -= 0.1
	}
	return c
}

func (e *extractor) setDeadline(c deadlineCand) {
	d := c.m.d
	if !e.ref.IsZero() {
		t := d.time()
		if t.Before(e.ref.AddDate(0, 0, -1)) {
			c.conf = min(c.conf, 0.5)
			e.warn("deadline %s is before the message date", d)
		}
		if t.After(e.ref.AddDate(3, 0, 0)) {
			c.conf = min(c.conf, 0.5)
		}
	}
	e.x.Deadline = strp(d.String())
	e.setEv("deadline", Evidence{Confidence: c.conf, Source: where(c.src, c.line, c.lbl), Raw: firstNonEmpty(c.m.raw, c.raw)})
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}

// proseDeadlines finds the dates a source's running text names as reply dates.
func proseDeadlines(s *source, ref0 time.Time) []deadlineCand {
	if s.deadlines != nil {
		return *s.deadlines
	}
	out := []deadlineCand{}
	s.deadlines = &out
	cued := 0
search:
	for _, p := range paragraphs(s) {
		if !reCuePresent.MatchString(p.text) {
			continue // no word that could introduce a deadline: skip the date search
		}
		for _, m := range findDates(p.text, ref0) {
			if m.rng {
				continue // a period: a meeting
			}
			sentStart := sentenceStart(p.text, m.start)
			before := p.text[sentStart:m.start]
			after := p.text[m.end:]
			near := before[lastRunesFrom(before, cueWindow):] // both cues end the text before the date
			cue := reCueBefore.MatchString(near) && !reUntilAbsence.MatchString(near)
			cjk := reCueAfter.MatchString(after)
			if !cue && !cjk {
				continue
			}
			if cued++; cued > maxCuedDates {
				break search
			}
			// what lies between the cue word and the sentence start must not make it a meeting
			// or a contribution date
			if reDecoyBefore.MatchString(before) && !reReplyWord.MatchString(before) {
				continue
			}
			sentEnd := sentenceEnd(p.text, m.end)
			sentence := p.text[sentStart:sentEnd]
			conf := 0.62
			if reReplyWord.MatchString(sentence) {
				conf = 0.85
			}
			// a fuzzy date ("end of April 2026") is read by the documented convention: the
			// doubt is whether it is the reply date, which the cue and the reply word settle
			switch m.kind {
			case dateMonthOnly:
				conf -= 0.25
			case dateNoYear:
				conf -= 0.2
			}
			if m.ambiguous {
				conf -= 0.07
			}
			if p.first < s.start {
				conf -= 0.1 // the cover note
			}
			out = append(out, deadlineCand{m: m, conf: conf, src: s, line: p.lineOf(m.start), raw: strings.TrimSpace(sentence)})
		}
	}
	s.deadlines = &out
	return out
}

// paragraph is a run of prose lines of a source, joined with spaces, with the line each
// byte came from.
type paragraph struct {
	text   string
	first  int
	starts []int // byte offset of each line in text
}

func (p paragraph) lineOf(off int) int {
	l := p.first
	for i, st := range p.starts {
		if st <= off {
			l = p.first + i
		}
	}
	return l
}

// paragraphs groups the prose lines of a source (not label rows of date, meeting or
// document-number fields, not next-meeting sections).
func paragraphs(s *source) []paragraph {
	var out []paragraph
	var cur *paragraph
	var text strings.Builder // cur's text: a paragraph of many lines is built in linear time
	flush := func() {
		if cur != nil {
			cur.text = text.String()
			out = append(out, *cur)
			cur = nil
			text = strings.Builder{}
		}
	}
	skip := map[int]bool{}
	for _, f := range s.block.fields {
		switch f.key {
		case kDate, kMeeting, kDeadline, kTitle, kRef, kAttachments, kResponseTo, kMeta:
			for i := f.line; i <= f.last; i++ {
				skip[i] = true
			}
		case kOther:
			if reMeetingSection.MatchString(f.label) || strings.Contains(strings.ToLower(f.label), "date") {
				for i := f.line; i <= f.last; i++ {
					skip[i] = true
				}
			}
		}
	}
	for i, ln := range s.lines {
		t := strings.TrimSpace(ln)
		if t == "" || s.block.decoy[i] || skip[i] || s.block.heading[i] {
			flush()
			continue
		}
		if cur == nil {
			cur = &paragraph{first: i}
		} else {
			text.WriteByte(' ')
		}
		cur.starts = append(cur.starts, text.Len())
		text.WriteString(t)
	}
	flush()
	return out
}

// maxSentence bounds how far the sentence around a date reaches: prose sentences are far
// shorter, and a text without sentence ends must not make the cue search of each of its
// dates scan the whole paragraph (quadratic: a 150 KB body repeating "please reply by
// 31 March 2026" kept a worker busy for minutes).
const maxSentence = 1000

// maxCuedDates bounds the dates of one source that are read as possible deadlines (each
// costs a few pattern searches over its sentence): a statement names a handful.
const maxCuedDates = 100

// cueWindow is how much of the text before a date the cue patterns read: they end right
// before the date and span a few words.
const cueWindow = 256

// lastRunesFrom is where the last n bytes of s start, moved forward to a rune start.
func lastRunesFrom(s string, n int) int {
	i := max(0, len(s)-n)
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}

// sentenceStart is where the sentence holding t[off] starts, at most maxSentence before it.
func sentenceStart(t string, off int) int {
	lo := max(0, off-maxSentence)
	for lo > 0 && !utf8.RuneStart(t[lo]) {
		lo++
	}
	for i := off - 1; i > lo; i-- {
		c := t[i]
		if (c == '.' || c == '!' || c == '?' || c == ';') && i+1 < len(t) && t[i+1] == ' ' {
			if i > 0 && t[i-1] >= '0' && t[i-1] <= '9' && c == '.' {
				continue // "31.03.2026", "No. 5"
			}
			return i + 2
		}
		if strings.HasPrefix(t[i:], "。") {
			return i + len("。")
		}
	}
	return lo
}

// sentenceEnd is where the sentence holding t[off] ends, at most maxSentence after it.
func sentenceEnd(t string, off int) int {
	hi := min(len(t), off+maxSentence)
	for hi < len(t) && !utf8.RuneStart(t[hi]) {
		hi--
	}
	for i := off; i < hi; i++ {
		c := t[i]
		if (c == '.' || c == '!' || c == '?') && (i+1 == len(t) || t[i+1] == ' ') {
			return i + 1
		}
		if strings.HasPrefix(t[i:], "。") {
			return i
		}
	}
	return hi
}
