package classify

import (
	"regexp"
	"strings"
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
