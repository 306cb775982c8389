package classify

import (
	"regexp"
	"strings"
	"time"
)

// From and To: the sending and the addressed bodies, from labelled fields first (Source:,
// From:, To:, For action to:, ...), then from document headers and letterheads, then from
// prose ("On behalf of the W3C ... Working Group", "Dear HTTP WG chairs").

var (
	reEmailish    = regexp.MustCompile(`<[^<>]*@[^<>]*>|[\w.+'-]+@[\w-]+(?:\.[\w-]+)+|mailto:\S+`)
	reParenGroup  = regexp.MustCompile(`[(（][^()（）]*[)）]`)
	reListSep     = regexp.MustCompile(`\s*(?:[,;\n]|\s+/\s+)\s*`)
	reAndSep      = regexp.MustCompile(`(?i)\s+(?:and|&|und|et)\s+|、|，|；`)
	rePurposeTail = regexp.MustCompile(`(?i)\s*[-–(]?\s*\b(?:for\s+(?:action|information|info|comment|comments|review)|(?:action|information|info))\s*\)?\s*$`)
	reNoneValue   = regexp.MustCompile(`(?i)^\s*(?:-+|–|—|none|n/?a|nil|no|tbd)\.?\s*$`)
	reOthersItem  = regexp.MustCompile(`(?i)^(?:others?|all others|other groups?|the rest)$`)
)

// parseBodies reads a list of bodies from a label value ("IAB, IETF DetNet WG and IEEE 802.1
// WG"; "IPPM (Kofi Mensah <k@x>, chairs@x)"; "Aiko Tanabe <a@x>, Co-Chair, IETF DetNet WG").
// Unrecognised items are kept when they look like a body name.
func (d *Directory) parseBodies(v string, hint family) []groupRef {
	v = foldWidth(v)
	if reNoneValue.MatchString(v) || reDocRefValue.MatchString(strings.TrimSpace(v)) {
		return nil // "Document 5D/TEMP/311", "TD 1045 (PLEN/13)": the document, not its sender
	}
	// "WP 8A (on behalf of WP 8A and WP 8F)": the bodies it speaks for send it too
	v = reOnBehalfParen.ReplaceAllString(v, ", $1")
	v = expandPluralGroups(v)
	// parentheses holding contacts, and addresses, are not bodies
	v = reParenGroup.ReplaceAllStringFunc(v, func(p string) string {
		if strings.Contains(p, "@") || strings.Contains(p, ",") {
			return " "
		}
		return p
	})
	v = reEmailish.ReplaceAllString(v, " ")
	v = joinWrapped(v)
	var out []groupRef
	seen := map[string]bool{}
	addRef := func(r groupRef) {
		k := groupKey(r.Canon)
		if k != "" && !seen[k] {
			seen[k] = true
			out = append(out, r)
		}
	}
	for _, item := range reListSep.Split(v, -1) {
		item = rePurposeTail.ReplaceAllString(item, "")
		item = strings.TrimSpace(item)
		if item == "" || reNoneValue.MatchString(item) || reOthersItem.MatchString(item) {
			continue
		}
		if r, ok := d.resolveGroup(item, hint); ok {
			addRef(r)
			continue
		}
		if hint == famDatatracker && reSlug.MatchString(item) {
			// a Datatracker group slug of the IETF side ("ippm", "CCAMP") unknown to the directory
			addRef(groupRef{Canon: "IETF " + strings.ToUpper(item) + " WG", Known: true})
			continue
		}
		// "IETF DetNet WG and IEEE 802.1 WG"
		parts := reAndSep.Split(item, -1)
		if len(parts) > 1 {
			all := true
			var refs []groupRef
			for _, p := range parts {
				p = rePurposeTail.ReplaceAllString(p, "")
				if r, ok := d.resolveGroup(p, hint); ok {
					refs = append(refs, r)
				} else if looksLikeBody(p) && !looksLikePerson(p) {
					refs = append(refs, groupRef{Canon: cleanGroupName(p)})
				} else {
					all = false
				}
			}
			if all || len(refs) > 0 && hasKnown(refs) {
				for _, r := range refs {
					addRef(r)
				}
				continue
			}
		}
		// a body named inside a longer item ("Chair, IEEE 802.1 WG", "ITU-T SG15 Q14")
		if ms := d.findMentions(item, hint); len(ms) > 0 {
			for _, m := range ms {
				addRef(m.ref)
			}
			continue
		}
		if looksLikeBody(item) && !looksLikePerson(item) && !isRoleWords(item) && !reGenericOnly.MatchString(item) {
			addRef(groupRef{Canon: cleanGroupName(item)})
		}
	}
	return out
}

var (
	reDocRefValue   = regexp.MustCompile(`(?i)^(?:(?:annex|attachment|addendum|appendix)\s+\d+\s+to\s+)?(?:doc(?:ument)?s?\.?\s+\S*\d|(?:TD|COM|C)\s*\d+\b)|^\S*\((?:PLEN|GEN|WP\s*\d+)/\d+\)`)
	reOnBehalfParen = regexp.MustCompile(`(?i)\(\s*on behalf of\s+(?:the\s+)?([^()]+)\)`)
	rePluralGroups  = regexp.MustCompile(`(?i)\b(ITU-[TDR]\s+)?(Study Groups|SGs|Working Parties|WPs)\s+(\d{1,2}[A-Z]?(?:\s*,\s*\d{1,2}[A-Z]?)*)\s*(?:,?\s*and|&)\s*(\d{1,2}[A-Z]?)\b`)
)

// expandPluralGroups writes "ITU-T Study Groups 13 and 15" as "ITU-T SG13, ITU-T SG15" and
// "Working Parties 8A and 8F" as "WP 8A, WP 8F": one body per item.
func expandPluralGroups(v string) string {
	return rePluralGroups.ReplaceAllStringFunc(v, func(m string) string {
		g := rePluralGroups.FindStringSubmatch(m)
		kind := "SG"
		if strings.HasPrefix(strings.ToUpper(g[2]), "W") {
			kind = "WP "
		}
		nums := append(strings.Split(g[3], ","), g[4])
		out := make([]string, 0, len(nums))
		for _, n := range nums {
			out = append(out, g[1]+kind+strings.TrimSpace(n))
		}
		return strings.Join(out, ", ")
	})
}

// reGenericOnly is an item made only of generic words (a value wrapped after "IEEE 802.11"
// leaves "WG" alone on the next line).
var reGenericOnly = regexp.MustCompile(`(?i)^(?:\s*\b(?:wg|rg|sg|tc|working|work|research|study|group|committee|technical|task|force|forum|chairs?|co-?chairs?|and|the|of)\b\s*)+$`)

// joinWrapped joins the lines of a value that a layout wrapped inside one body name ("IEEE
// 802.11" / "WG", "IETF" / "TEAS WG"); other line breaks separate list items.
func joinWrapped(v string) string {
	lines := strings.Split(v, "\n")
	out := lines[:1]
	for _, ln := range lines[1:] {
		prev := strings.TrimSpace(out[len(out)-1])
		cur := strings.TrimSpace(ln)
		join := cur != "" && prev != "" && !strings.HasSuffix(prev, ",") && !strings.HasSuffix(prev, ";") &&
			(startsLower(cur) || reGenericOnly.MatchString(cur) || endsOpen(prev) || reOrgOnly.MatchString(lastWord(prev)))
		if join {
			out[len(out)-1] = prev + " " + cur
		} else {
			out = append(out, ln)
		}
	}
	return strings.Join(out, "\n")
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// knownRefs keeps the recognised bodies: a heading's "TO ALL SDOS" names none.
func knownRefs(rs []groupRef) []groupRef {
	var out []groupRef
	for _, r := range rs {
		if r.Known {
			out = append(out, r)
		}
	}
	return out
}

func hasKnown(rs []groupRef) bool {
	for _, r := range rs {
		if r.Known {
			return true
		}
	}
	return false
}

var reSlug = regexp.MustCompile(`^(?:[a-z][a-z0-9]{1,11}|[A-Z][A-Z0-9]{1,11})$`)

var reRoleOnly = regexp.MustCompile(`(?i)^(?:co-?chairs?|chairs?|vice-?chairs?|chairman|chairperson|editors?|rapporteurs?|secretariat|secretary|convenors?|liaison (?:manager|officer|rapporteur)s?|director|president|manager|ad|area directors?|technical contact|members?|staff)$`)

func isRoleWords(s string) bool { return reRoleOnly.MatchString(strings.TrimSpace(s)) }

var rePerson = regexp.MustCompile(`^(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?\p{Lu}[\p{Ll}'’-]+(?:\s+(?:van|von|de|der|da|del|di|la|le|bin|al)?\s*\p{Lu}[\p{L}'’.-]*){1,3}$`)

// looksLikePerson reports whether s reads as a person's name ("Jane Doe", "Sofía Castañeda").
func looksLikePerson(s string) bool {
	s = strings.TrimSpace(s)
	if reBodyWord.MatchString(s) {
		return false
	}
	for _, w := range strings.Fields(s) {
		if len(w) >= 2 && strings.ToUpper(w) == w {
			return false // an acronym
		}
	}
	return rePerson.MatchString(s)
}

// bodyCand is a set of bodies found somewhere, with its evidence.
type bodyCand struct {
	refs []groupRef
	ev   Evidence
}

func refConfidence(refs []groupRef, base float64) float64 {
	c := base
	for _, r := range refs {
		switch {
		case r.Entry != nil:
		case r.Known:
			c = min(c, base-0.07)
		default:
			c = min(c, base-0.3)
		}
	}
	return c
}

func (e *extractor) extractFrom() {
	c := e.fromCandidate()
	e.fromRefs = c.refs
	e.x.From = canons(c.refs)
	if len(c.refs) == 0 {
		c.ev = Evidence{Confidence: 0.15, Source: "not found"}
	}
	if e.signals.certainty < 0.7 {
		c.ev.Confidence = min(c.ev.Confidence, 0.7)
	}
	e.setEv("from", c.ev)
}

func canons(rs []groupRef) []string {
	out := make([]string, 0, len(rs))
	for _, r := range rs {
		out = append(out, r.Canon)
	}
	return out
}

// labelledBodies reads the bodies named by the first field with the key in a source: the
// strongest evidence there is, a little less in a weak label block or outside the
// original.
func (e *extractor) labelledBodies(s *source, key fkey) (bodyCand, bool) {
	for _, f := range fieldsByKey(s.block.fields, key) {
		refs := e.dir.parseBodies(f.value, s.fam)
		if len(refs) == 0 {
			continue
		}
		base := 0.95
		if s.score < 3 {
			base = 0.85
		}
		if !e.inOrig(s) {
			base -= 0.1
		}
		return bodyCand{refs, Evidence{Confidence: refConfidence(refs, base), Source: where(s, f.line, f.label), Raw: f.value}}, true
	}
	return bodyCand{}, false
}

func (e *extractor) fromCandidate() bodyCand {
	// 1. a labelled From:/Source: field
	for _, s := range e.ranked {
		if c, ok := e.labelledBodies(s, kFrom); ok {
			return c
		}
	}
	// 2. a header table whose labels were lost: the body lines in label order
	if h, ok := e.unlabelledHeader(); ok && len(h.from) > 0 {
		return bodyCand{h.from, Evidence{Confidence: refConfidence(h.from, 0.6), Source: where(h.src, h.fromLine, "") + " (header row without its label)", Raw: h.src.lines[h.fromLine]}}
	}
	// 3. the document header or letterhead: "3GPP TSG CT WG4 Meeting #133", "IEEE 802.1
	// Working Group", "Study Group: 15"
	for _, s := range e.ranked {
		if !e.inOrig(s) {
			continue
		}
		if c, ok := e.headerBody(s); ok {
			return c
		}
	}
	// 3. prose and signature: "on behalf of the ...", "Chair, IEEE 802.11 Working Group"
	for _, s := range e.ranked {
		if !e.inOrig(s) {
			continue
		}
		if c, ok := e.proseFrom(s); ok {
			return c
		}
	}
	// 4. the letterhead of a letter, naming a body nothing else knows
	for _, s := range e.ranked {
		if e.inOrig(s) && s.kind == srcAttachment {
			if c, ok := e.letterhead(s); ok {
				return c
			}
		}
	}
	// 5. the sender's display name ("TSB SG13 Secretariat", "Broadband Forum Liaisons")
	for _, a := range e.hdr.from {
		for _, m := range e.mentions(a.Name, e.fam) {
			if !isReceivingBody(m.ref) {
				return bodyCand{[]groupRef{m.ref}, Evidence{Confidence: refConfidence([]groupRef{m.ref}, 0.6), Source: "header From display name", Raw: a.Name}}
			}
		}
	}
	return bodyCand{}
}

var (
	reHeaderBody = regexp.MustCompile(`(?i)^\s*(.{3,60}?)\s+(?:Meeting|Plenary|meeting)\s*#?\s*\d`)
	reOnBehalf   = regexp.MustCompile(`(?i)\b(?:on behalf of|from|by)\s+(?:the\s+)?(.{3,90})`)
	reSGRow      = regexp.MustCompile(`^\s*(\d{1,2})\b`)
)

// headerBody reads the sending body from the top of a document.
func (e *extractor) headerBody(s *source) (bodyCand, bool) {
	for _, f := range s.block.fields {
		if normLabel(f.label) == "study group" {
			if m := reSGRow.FindStringSubmatch(f.value); m != nil {
				prefix := "ITU-T"
				if strings.Contains(s.text, "ITU-D") || strings.Contains(s.text, "DEVELOPMENT SECTOR") {
					prefix = "ITU-D"
				}
				if r, ok := e.dir.resolveGroup(prefix+" SG"+m[1], famITU); ok {
					return bodyCand{[]groupRef{r}, Evidence{Confidence: refConfidence([]groupRef{r}, 0.85), Source: where(s, f.line, f.label), Raw: f.value}}, true
				}
			}
		}
	}
	n := 0
	for i := s.start; i < len(s.lines) && n < 4; i++ {
		t := strings.TrimSpace(s.lines[i])
		if t == "" {
			continue
		}
		n++
		cells := splitCells(t)
		if len(cells) == 0 {
			continue
		}
		first := cells[0]
		if m := reHeaderBody.FindStringSubmatch(first); m != nil {
			if r, ok := e.dir.resolveGroup(m[1], s.fam); ok {
				return bodyCand{[]groupRef{r}, Evidence{Confidence: refConfidence([]groupRef{r}, 0.85), Source: where(s, i, "") + " (document header)", Raw: t}}, true
			}
		}
		if _, _, isLabel := parseLabelCell(first); isLabel {
			break
		}
		if r, ok := e.dir.resolveGroup(first, s.fam); ok && !isReceivingBody(r) && r.Canon != "IETF" && !proseLine(first) {
			return bodyCand{[]groupRef{r}, Evidence{Confidence: refConfidence([]groupRef{r}, 0.8), Source: where(s, i, "") + " (letterhead)", Raw: t}}, true
		}
	}
	return bodyCand{}, false
}

// letterhead reads the sender of a letter (a document with a salutation) from its first
// line when that names a body the directory and the naming rules do not know ("MFA
// Forum", "oneM2M Technical Plenary"): a body name, or a line the signature repeats.
func (e *extractor) letterhead(s *source) (bodyCand, bool) {
	if !reSalutationLine.MatchString(s.text) {
		return bodyCand{}, false
	}
	for i, ln := range s.lines {
		t := strings.TrimSpace(ln)
		if t == "" {
			continue
		}
		if len(splitCells(t)) == 1 && (looksLikeBody(t) || strings.Count(s.text, t) >= 2 && len(t) <= 60) && !looksLikePerson(t) && !reSalutation.MatchString(t) &&
			!strings.ContainsAny(t, "@:") && len(findDates(t, time.Time{})) == 0 && !reLSWords.MatchString(t) {
			r := groupRef{Canon: cleanGroupName(t)}
			return bodyCand{[]groupRef{r}, Evidence{Confidence: refConfidence([]groupRef{r}, 0.8), Source: where(s, i, "") + " (letterhead of a letter)", Raw: t}}, true
		}
		break
	}
	return bodyCand{}, false
}

// proseFrom finds the sending body in running text and signatures.
func (e *extractor) proseFrom(s *source) (bodyCand, bool) {
	text := strings.Join(s.lines[s.start:], "\n")
	for _, m := range reOnBehalf.FindAllStringSubmatchIndex(text, -1) {
		seg := text[m[2]:m[3]]
		ms := e.mentions(seg, s.fam)
		if len(ms) > 0 && ms[0].start <= 4 && !isReceivingBody(ms[0].ref) {
			r := ms[0].ref
			return bodyCand{[]groupRef{r}, Evidence{Confidence: refConfidence([]groupRef{r}, 0.7), Source: s.name + " (prose)", Raw: strings.TrimSpace(text[m[0]:min(m[1], m[0]+100)])}}, true
		}
	}
	// the signature: the last mention of a sending-side body near the end
	lines := s.lines
	for i := len(lines) - 1; i >= s.start && i >= len(lines)-12; i-- {
		for _, m := range e.mentions(lines[i], s.fam) {
			if !isReceivingBody(m.ref) && reSignatureRole.MatchString(lines[i]) {
				return bodyCand{[]groupRef{m.ref}, Evidence{Confidence: refConfidence([]groupRef{m.ref}, 0.65), Source: where(s, i, "") + " (signature)", Raw: strings.TrimSpace(lines[i])}}, true
			}
		}
	}
	// the first sending-side body the text names, or a sub-group of it named later (the
	// letter of "Working Party 5A" that first names its "ITU-R Study Group 5")
	var first *mention
	for _, m := range e.mentions(text, s.fam) {
		if isReceivingBody(m.ref) {
			continue
		}
		if first == nil || subgroupOf(m.ref.Canon, first.ref.Canon) {
			m := m
			first = &m
		}
	}
	if first != nil {
		return bodyCand{[]groupRef{first.ref}, Evidence{Confidence: refConfidence([]groupRef{first.ref}, 0.5), Source: s.name + " (prose mention)", Raw: text[first.start:first.end]}}, true
	}
	return bodyCand{}, false
}

var reITURWPCanon = regexp.MustCompile(`^ITU-R WP (\d)[A-Z]$`)

// subgroupOf reports whether body c is a part of body p ("IEEE 802.11 WG" of "IEEE 802",
// "3GPP TSG SA WG2" of "3GPP TSG SA", "ITU-R WP 5A" of "ITU-R SG5"); siblings are not.
func subgroupOf(c, p string) bool {
	if c == p {
		return false
	}
	if strings.HasPrefix(c, p+" ") || strings.HasPrefix(c, p+"/") || strings.HasPrefix(c, p+".") {
		return true
	}
	m := reITURWPCanon.FindStringSubmatch(c)
	return m != nil && p == "ITU-R SG"+m[1]
}

var reSalutationLine = regexp.MustCompile(`(?im)^\s*dear\b`)

var reSignatureRole = regexp.MustCompile(`(?i)\b(?:chair|chairman|chairperson|co-chair|convenor|secretariat|secretary|rapporteur|liaison|on behalf|team contact|president|director|manager)\b`)

// isReceivingBody reports whether a body is on the IETF side (a directory group, the IETF,
// IRTF, IAB or IESG).
func isReceivingBody(r groupRef) bool {
	if r.Entry != nil {
		return r.Entry.IsGroup
	}
	c := r.Canon
	return strings.HasPrefix(c, "IETF") || strings.HasPrefix(c, "IRTF") || c == "IAB" || c == "IESG"
}

func (e *extractor) extractTo() {
	c := e.toCandidate()
	e.toRefs = c.refs
	e.x.To = canons(c.refs)
	if len(c.refs) == 0 {
		c.ev = Evidence{Confidence: 0.15, Source: "not found"}
	}
	if e.signals.certainty < 0.7 {
		c.ev.Confidence = min(c.ev.Confidence, 0.7)
	}
	e.setEv("to", c.ev)
}

func (e *extractor) toCandidate() bodyCand {
	for _, s := range e.ranked {
		// ITU-T rows: action, then comment, then information
		var refs []groupRef
		var raws, places []string
		rows := false
		for _, k := range []fkey{kActionTo, kCommentTo, kInfoTo} {
			for _, f := range fieldsByKey(s.block.fields, k) {
				rows = true
				got := e.dir.parseBodies(f.value, s.fam)
				refs = appendRefs(refs, got)
				if len(got) > 0 {
					raws = append(raws, f.label+": "+f.value)
					places = append(places, where(s, f.line, f.label))
				}
			}
		}
		if rows && len(refs) > 0 {
			base := 0.95
			if !e.inOrig(s) {
				base -= 0.1
			}
			return bodyCand{refs, Evidence{Confidence: refConfidence(refs, base), Source: strings.Join(places, "; "), Raw: strings.Join(raws, "; ")}}
		}
		if c, ok := e.labelledBodies(s, kTo); ok {
			return c
		}
	}
	// a header table whose labels were lost: the body lines after the sender's
	if h, ok := e.unlabelledHeader(); ok && len(h.to) > 0 {
		return bodyCand{h.to, Evidence{Confidence: refConfidence(h.to, 0.6), Source: where(h.src, h.toLine, "") + " (header row without its label)", Raw: h.src.lines[h.toLine]}}
	}
	// the capitals heading of a letter: "LIAISON STATEMENT TO THE IETF ON ..."
	if h, ok := e.lsHeading(); ok && h.to != "" {
		if refs := knownRefs(e.dir.parseBodies(h.to, h.src.fam)); len(refs) > 0 {
			return bodyCand{refs, Evidence{Confidence: refConfidence(refs, 0.75), Source: where(h.src, h.line, "") + " (statement heading)", Raw: h.raw}}
		}
	}
	// the heading of a letter that is a liaison: "Liaison to the IETF"
	if s, i, ok := e.liaisonLetter(); ok {
		if m := reLetterLSHeading.FindStringSubmatch(collapseSpaces(s.lines[i])); m != nil && strings.EqualFold(m[1], "to") {
			if refs := knownRefs(e.dir.parseBodies(m[2], s.fam)); len(refs) > 0 {
				return bodyCand{refs, Evidence{Confidence: refConfidence(refs, 0.7), Source: where(s, i, "") + " (letter heading)", Raw: s.lines[i]}}
			}
		}
	}
	// prose: "Dear HTTP WG chairs", "... to the IETF CCAMP WG"
	for _, s := range e.ranked {
		if !e.inOrig(s) {
			continue
		}
		if c, ok := e.proseTo(s); ok {
			return c
		}
	}
	// the groups whose addresses the original was sent to
	var refs []groupRef
	for _, a := range e.hdr.to {
		if g := e.dir.groupByAddr(a.Address); g != nil {
			refs = appendRefs(refs, []groupRef{{Canon: g.Canon, Entry: g, Known: true}})
		}
	}
	if len(refs) > 0 {
		return bodyCand{refs, Evidence{Confidence: 0.45, Source: e.hdr.source + " To (group addresses)", Raw: addrList(e.hdr.to)}}
	}
	// a letter that speaks to the IETF as a whole ("WP 5D informs the IETF of ...")
	for _, s := range e.ranked {
		if !e.inOrig(s) {
			continue
		}
		if m := reToIETF.FindString(strings.Join(s.lines[s.start:], "\n")); m != "" {
			return bodyCand{[]groupRef{{Canon: "IETF", Known: true}}, Evidence{Confidence: 0.4, Source: s.name + " (prose addressing the IETF)", Raw: m}}
		}
	}
	return bodyCand{}
}

// reToIETF is prose addressing the IETF as a whole.
var reToIETF = regexp.MustCompile(`(?i)\b(?:inform|informs|invite|invites|ask|asks|thank|thanks|request|requests|to|for)\s+the\s+(?:IETF|Internet Engineering Task Force)\b`)

var (
	reDear = regexp.MustCompile(`(?im)^\s*(?:dear|to)\s+(?:the\s+)?(.{2,80}?)(?:\s+(?:co-?chairs?|chairs?|leadership|colleagues|members|experts|participants))?\s*[,:]?\s*$`)
	reNoTo = regexp.MustCompile(`(?i)\b(?:cc|copy|copied)\b`)
)

// proseTo finds the addressed body in a prose statement: the salutation, then the IETF-side
// bodies the text addresses.
func (e *extractor) proseTo(s *source) (bodyCand, bool) {
	text := strings.Join(s.lines[s.start:], "\n")
	if m := reDear.FindStringSubmatch(text); m != nil {
		for _, mm := range e.mentions(m[1], s.fam) {
			if isReceivingBody(mm.ref) {
				return bodyCand{[]groupRef{mm.ref}, Evidence{Confidence: refConfidence([]groupRef{mm.ref}, 0.7), Source: s.name + " (salutation)", Raw: strings.TrimSpace(m[0])}}, true
			}
		}
	}
	var refs []groupRef
	raw := ""
	for _, m := range e.mentions(text, s.fam) {
		if !isReceivingBody(m.ref) || m.ref.Canon == "IETF" {
			continue
		}
		lineStart := strings.LastIndexByte(text[:m.start], '\n') + 1
		if reNoTo.MatchString(text[lineStart:m.start]) {
			continue
		}
		refs = appendRefs(refs, []groupRef{m.ref})
		if raw == "" {
			raw = text[m.start:m.end]
		}
		if len(refs) >= 3 {
			break
		}
	}
	if len(refs) > 0 {
		conf := 0.6
		if len(refs) > 1 {
			conf = 0.45
		}
		return bodyCand{refs, Evidence{Confidence: refConfidence(refs, conf), Source: s.name + " (prose mention)", Raw: raw}}, true
	}
	return bodyCand{}, false
}

func appendRefs(dst, add []groupRef) []groupRef {
	for _, r := range add {
		dup := false
		for _, d := range dst {
			if groupKey(d.Canon) == groupKey(r.Canon) {
				dup = true
				break
			}
		}
		if !dup {
			dst = append(dst, r)
		}
	}
	return dst
}

// unlabelled is what a header table that lost its labels in conversion still says: its
// values keep the template's order (Source, then To; ITU-T: Source, the LIAISON STATEMENT
// banner, then the For action/comment/information rows), so the first line made only of
// body names is the sender and the next the addressees (every such line after the banner
// in the ITU-T layout, whose rows are all addressees; in the 3GPP and ETSI layouts the
// line after To is Cc).
type unlabelled struct {
	from, to         []groupRef
	src              *source
	fromLine, toLine int
}

func (e *extractor) unlabelledHeader() (unlabelled, bool) {
	for _, s := range e.ranked {
		if !e.inOrig(s) || s.kind != srcAttachment {
			continue
		}
		if len(fieldsByKey(s.block.fields, kFrom, kTo, kActionTo, kCommentTo, kInfoTo, kTitle)) > 0 {
			continue // the labels are there
		}
		h := unlabelled{src: s, fromLine: -1, toLine: -1}
		banner := false
		for i := 0; i < len(s.lines) && i < 30; i++ {
			t := strings.TrimSpace(s.lines[i])
			if t == "" {
				continue
			}
			if proseLine(t) || reNumberedHeading.MatchString(t) || reSalutation.MatchString(t) {
				break
			}
			if reLSHeading.MatchString(t) {
				banner = true
				continue
			}
			if len(splitCells(t)) != 1 || !e.dir.onlyBodies(t) {
				continue
			}
			refs := e.dir.parseBodies(t, s.fam)
			if len(refs) == 0 {
				continue
			}
			switch {
			case h.fromLine < 0 && !banner:
				h.from, h.fromLine = refs, i
			case h.fromLine >= 0 && (h.toLine < 0 || banner && s.fam == famITU):
				h.to = appendRefs(h.to, refs)
				if h.toLine < 0 {
					h.toLine = i
				}
			}
		}
		if h.fromLine >= 0 && h.toLine >= 0 {
			return h, true
		}
	}
	return unlabelled{}, false
}
