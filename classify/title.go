package classify

import (
	"regexp"
	"strings"
	"time"
	"unicode"
)

// Title: the statement's own Title:/Subject: line; the email subject, cleaned, only when
// the statement has none.

var (
	reSubjPrefix   = regexp.MustCompile(`(?i)^\s*(?:(?:re|aw|sv|antw|odp|res|fwd?|fw|wg|tr|rv|enc|vs|vb|doorst|回复|答复|返信|转发|転送)\s*(?:\[\d+\])?\s*[:：]\s*|\[[^\]]{1,60}\]\s*|【[^】]{1,40}】\s*)`)
	reNewLiaison   = regexp.MustCompile(`(?i)^New Liaison Statement,?\s*["“](.+?)["”](?:\s+needs your approval)?\s*$`)
	reLiaisonPfx   = regexp.MustCompile(`(?i)^(?:incoming |outgoing |new |formal )?(?:liaison(?: statement| letter)?s?|LS|liaison from [^:]{1,80}|liaison statement from [^:]{1,80}|LS from [^:]{1,80})\s*[:：\-–]\s+`)
	reTitleDocNum  = regexp.MustCompile(`\s*[\[(]\s*` + docNumAlt + `\s*[\])]\s*$`)
	reLeadDocNum   = regexp.MustCompile(`^\s*[\[(]?\s*` + docNumAlt + `\s*[\])]?\s*(?:[:：\-–]\s*)?`)
	reTrailDocNum  = regexp.MustCompile(`\s*(?:[-–:,]|\bin)\s*` + docNumAlt + `\s*$`)
	reCoverSubject = regexp.MustCompile(`(?i)^(?:(?:the|a|an)\s+)?(?:[\w/.-]+\s+){0,6}(?:liaison(?: statement| letter)?|LS)\b\s*(?:(?:from|to|of)\b.*)?$|^[\w./()-]+$`)
)

// cleanTitle tidies a title value: one line, whitespace collapsed, markup, quotes and a
// trailing document number removed.
func cleanTitle(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	s = collapseSpaces(s)
	s = strings.Trim(s, "*_ ")
	if len(s) > 2 && (strings.HasPrefix(s, `"`) && strings.HasSuffix(s, `"`) || strings.HasPrefix(s, "“") && strings.HasSuffix(s, "”")) {
		s = strings.TrimSpace(strings.Trim(s, `"“”`))
	}
	s = reTitleDocNum.ReplaceAllString(s, "")
	return strings.TrimSpace(s)
}

// cleanSubject turns an email subject into a title: list tags, reply/forward prefixes,
// "New Liaison Statement, "..."", "Liaison:" prefixes and document numbers removed.
func cleanSubject(s string) string {
	s = collapseSpaces(s)
	for i := 0; i < 6; i++ {
		t := reSubjPrefix.ReplaceAllString(s, "")
		if t == s {
			break
		}
		s = t
	}
	if m := reNewLiaison.FindStringSubmatch(s); m != nil {
		s = m[1]
	}
	for i := 0; i < 3; i++ {
		t := strings.TrimSpace(reLeadDocNum.ReplaceAllString(s, ""))
		t = strings.TrimSpace(reTrailDocNum.ReplaceAllString(t, ""))
		t = strings.TrimSpace(reTitleDocNum.ReplaceAllString(t, ""))
		if t2 := reLiaisonPfx.ReplaceAllString(t, ""); t2 != "" {
			t = t2
		}
		if t == s || t == "" {
			break
		}
		s = t
	}
	return strings.TrimSpace(s)
}

func (e *extractor) extractTitle() {
	type cand struct {
		v   string
		src *source
		f   *field
	}
	var cands []cand
	for _, s := range e.ranked {
		for _, f := range fieldsByKey(s.block.fields, kTitle) {
			if v := cleanTitle(f.value); v != "" && !isOnlyDocNumber(v) {
				cands = append(cands, cand{v, s, f})
				break
			}
		}
	}
	if len(cands) > 0 {
		c := cands[0]
		conf := 0.95
		if c.src.score < 3 {
			conf = 0.8
		}
		if strings.EqualFold(normLabel(c.f.label), "subject") && c.src.kind == srcBody && c.src.lvl == e.top && e.top.fwd == nil && c.src.score < 3 {
			conf = 0.7 // a lone Subject: line in a body may be a pasted header
		}
		for _, o := range cands[1:] {
			if o.src.lvl == c.src.lvl && !sameTitle(o.v, c.v) {
				conf -= 0.2
				e.warn("titles differ: %q (%s) and %q (%s)", c.v, c.src.name, o.v, o.src.name)
				break
			}
		}
		if e.signals.certainty < 0.7 {
			conf = min(conf, 0.7)
		}
		e.x.Title = strp(c.v)
		e.setEv("title", Evidence{Confidence: conf, Source: where(c.src, c.f.line, c.f.label), Raw: c.f.value})
		return
	}
	if v, s, line, ok := e.titleLine(); ok {
		e.x.Title = strp(v)
		e.setEv("title", Evidence{Confidence: 0.65, Source: where(s, line, "") + " (title-like line)", Raw: s.lines[line]})
		return
	}
	if h, ok := e.lsHeading(); ok && h.title != "" {
		e.x.Title = strp(h.title)
		e.setEv("title", Evidence{Confidence: 0.65, Source: where(h.src, h.line, "") + " (statement heading)", Raw: h.raw})
		return
	}
	subj := e.hdr.subject
	srcName := "header Subject"
	if e.hdr.source != "header" {
		srcName = e.hdr.source + " Subject"
	} else if e.orig.fwd != nil {
		srcName = "inline forward Subject"
	} else if e.orig != e.top {
		srcName = "forwarded message header Subject"
	}
	if strings.TrimSpace(subj) == "" {
		subj = e.top.subject
		srcName = "header Subject"
	}
	t := cleanSubject(subj)
	if t == "" {
		e.setEv("title", Evidence{Confidence: 0.1, Source: "not found", Raw: subj})
		return
	}
	conf := 0.7
	switch {
	case reNewLiaison.MatchString(collapseSpaces(reSubjPrefix.ReplaceAllString(subj, ""))):
		conf = 0.85
	case reCoverSubject.MatchString(t) || isOnlyDocNumber(t):
		conf = 0.35 // "LS from ITU-T SG2", "LIAISE-530": the subject names the statement, not its title
	case e.best != nil && e.best.score >= 3:
		conf = 0.5 // a label block without a title: the subject may well be a cover subject
	}
	e.x.Title = strp(t)
	e.setEv("title", Evidence{Confidence: conf, Source: srcName, Raw: subj})
}

func sameTitle(a, b string) bool {
	na := strings.ToLower(strings.Join(strings.FieldsFunc(a, notAlnum), ""))
	nb := strings.ToLower(strings.Join(strings.FieldsFunc(b, notAlnum), ""))
	return na == nb
}

func notAlnum(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 0x7f)
}

// reTitleLine is a line that reads as a statement's title: "LS on ...", "Reply LS on ...",
// "Liaison statement on ...".
var reTitleLine = regexp.MustCompile(`^(?:(?:Reply |Joint |Response )?LS|(?:Reply |Response )?Liaison Statement|Liaison)\s+(?:on|to [^:]{3,60} on|regarding|concerning|about)\s+\S.{8,200}$`)

// titleLine finds a title-like line at the top of the statement document, for documents
// that carry their title without a label.
func (e *extractor) titleLine() (string, *source, int, bool) {
	for _, s := range e.ranked {
		if !e.inOrig(s) {
			continue
		}
		for i := s.start; i < len(s.lines) && i < s.start+12; i++ {
			t := strings.TrimSpace(s.lines[i])
			if reTitleLine.MatchString(t) && !strings.HasSuffix(t, ".") {
				v := t
				if i+1 < len(s.lines) && endsOpen(t) {
					if n := strings.TrimSpace(s.lines[i+1]); n != "" && len(n) < 80 {
						v += " " + n
					}
				}
				return cleanTitle(v), s, i, true
			}
		}
	}
	return "", nil, 0, false
}

// reLSBanner is the heading of an ITU-R or ITU-D letter, in capitals: "LIAISON STATEMENT TO
// THE IETF ON <TITLE>", "LIAISON STATEMENT ON <TITLE>", or the banner alone ("LIAISON
// STATEMENT TO THE IETF") with the title as the next heading.
var reLSBanner = regexp.MustCompile(`^(?:(?:REPLY|JOINT|RESPONSE)\s+)?(?:LIAISON\s+(?:STATEMENT|LETTER)|LS)\b\s*(?:(?:TO|FOR)\s+(.*?))?(?:(?:^|\s+)ON(?:\s+(.*)|$))?$`)

// lsHeadingInfo is what a statement's capitals heading says.
type lsHeadingInfo struct {
	title, to string
	src       *source
	line      int
	raw       string
}

// lsHeading reads the statement heading of a letter that has no Title: label (ITU-R and
// ITU-D letters): the title is the part after "ON", joined with the next heading line when
// it wraps, or, after a banner without "ON", the next line when it reads as a title; the
// bodies after "TO" are the addressees.
func (e *extractor) lsHeading() (lsHeadingInfo, bool) {
	for _, s := range e.ranked {
		if !e.inOrig(s) {
			continue
		}
		for i := s.start; i < len(s.lines) && i < s.start+25; i++ {
			t := collapseSpaces(s.lines[i])
			if !allCaps(t) {
				continue
			}
			m := reLSBanner.FindStringSubmatch(t)
			if m == nil {
				continue
			}
			h := lsHeadingInfo{to: strings.TrimSpace(m[1]), src: s, line: i, raw: t}
			next, j := nextLine(s.lines, i)
			title := strings.TrimSpace(m[2])
			hasOn := strings.Contains(" "+t+" ", " ON ")
			switch {
			case hasOn && title == "" && j > 0 && headingTitle(next):
				title = next // "... (IETF) ON" / "<TITLE>"
			case hasOn && title != "" && j > 0 && allCaps(next) && headingTitle(next) && (endsOpen(title) || len(title) > 40):
				title += " " + next // the heading wraps
			case !hasOn && j > 0 && headingTitle(next) && reLSBanner.FindStringSubmatch(collapseSpaces(next)) == nil:
				title = next // a banner, then the title
			}
			if title != "" && e.dir.onlyBodies(title) {
				title = ""
			}
			h.title = cleanTitle(title)
			if j > 0 {
				h.raw = t + " / " + next
			}
			return h, true
		}
	}
	return lsHeadingInfo{}, false
}

// nextLine returns the next non-empty line after i and its index (0 when none).
func nextLine(lines []string, i int) (string, int) {
	for j := i + 1; j < len(lines) && j <= i+2; j++ {
		if t := collapseSpaces(lines[j]); t != "" {
			return t, j
		}
	}
	return "", 0
}

// headingTitle reports whether a line under a statement banner reads as its title: a few
// words, not a label, a date, a salutation, an address or a sentence.
func headingTitle(t string) bool {
	if t == "" || len(t) > 160 || strings.HasSuffix(t, ".") || strings.Contains(t, "@") || reSalutation.MatchString(t) {
		return false
	}
	if _, _, ok := parseLabelCell(t); ok {
		return false
	}
	if len(strings.Fields(t)) < 3 || len(findDates(t, time.Time{})) > 0 || isOnlyDocNumber(t) {
		return false
	}
	return true
}

// allCaps reports whether a line is written in capitals (at least six letters).
func allCaps(t string) bool {
	letters := 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 6
}

// onlyBodies reports whether a line is nothing but body names ("IETF CCAMP WG, MEF").
func (d *Directory) onlyBodies(t string) bool {
	for _, item := range reListSep.Split(t, -1) {
		if strings.TrimSpace(item) == "" {
			continue
		}
		if _, ok := d.resolveGroup(item, famUnknown); !ok {
			return false
		}
	}
	return true
}
