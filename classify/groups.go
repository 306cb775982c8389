package classify

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Group names. A body is named in many ways ("ITU-T Study Group 15", "SG15", "ITU-T-SG-15",
// "Q14/15"; "3GPP TSG SA WG2", "SA WG2", "SA2", "S2"); the contract wants one canonical short
// form. The directory's names and aliases decide first; built-in knowledge of SDO naming
// (below) second; anything else is kept as written, cleaned.

// groupRef is a resolved body name.
type groupRef struct {
	Canon string    // the string for from/to
	Entry *dirEntry // the directory entry, or nil
	Known bool      // recognised (directory or built-in pattern), not just kept as written
}

// groupKey normalises a body name for comparison: case, width and punctuation aside,
// "Study Group" = "SG", "Working Group" = "WG", "Research Group" = "RG".
func groupKey(s string) string {
	s = strings.ToLower(foldWidth(s))
	for _, r := range keyReplacements {
		s = strings.ReplaceAll(s, r[0], r[1])
	}
	var b strings.Builder
	for _, c := range s {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			b.WriteRune(c)
		}
	}
	k := b.String()
	k = strings.TrimPrefix(k, "the")
	return k
}

var keyReplacements = [][2]string{
	{"study group", "sg"}, {"study-group", "sg"},
	{"working group", "wg"}, {"working-group", "wg"}, {"work group", "wg"}, {"workgroup", "wg"},
	{"research group", "rg"}, {"technical committee", "tc"},
	{"industry specification group", "isg"},
}

// ietfCore strips the IETF/IRTF prefix and the WG suffix of a key, so that "IETF DNSOP WG",
// "DNSOP WG" and "DNSOP" meet.
func ietfCore(k string) string {
	k = strings.TrimPrefix(strings.TrimPrefix(k, "ietf"), "irtf")
	if len(k) > 4 {
		k = strings.TrimSuffix(k, "wg")
	}
	if len(k) < 2 {
		return ""
	}
	return k
}

// foldWidth maps full-width ASCII forms and the ideographic space to ASCII, and typographic
// dashes to "-".
func foldWidth(s string) string {
	if isASCII(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFEE0
		case r == 0x3000 || r == 0xA0:
			return ' '
		case r == '–' || r == '—' || r == '‐' || r == '‑' || r == '−':
			return '-'
		case r == '（':
			return '('
		case r == '）':
			return ')'
		}
		return r
	}, s)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// family hints tell the resolver how to read short forms ("S2" is 3GPP SA WG2 only in a
// 3GPP document).
type family string

const (
	famUnknown     family = ""
	fam3GPP        family = "3gpp"
	famITU         family = "itu"
	famIEEE        family = "ieee"
	famBBF         family = "bbf"
	famMEF         family = "mef"
	famETSI        family = "etsi"
	famORAN        family = "oran"
	famJTC1        family = "jtc1"
	famW3C         family = "w3c"
	famDatatracker family = "datatracker"
	famIETF        family = "ietf"
)

// Built-in SDO naming patterns, anchored: each reads a whole cleaned name.
var (
	reITUSG  = regexp.MustCompile(`(?i)^ITU[- ]?([TDR])[- ]*(?:Study[- ]*Group|SG)[- ]*0*(\d{1,2})(?:[- ]+(?:plenary|secretariat))?$`)
	reSGOnly = regexp.MustCompile(`(?i)^(?:TSB[- ]+)?(?:Study[- ]*Group|SG)[- ]*0*(\d{1,2})(?:[- ]+(?:plenary|secretariat))?$`)
	reITUQ   = regexp.MustCompile(`(?i)^(?:ITU[- ]?T[- ]*)?(?:Q|Question)[. ]*\d{1,2}[- ]*/[- ]*(\d{1,2})$`)
	reITUWP  = regexp.MustCompile(`(?i)^(?:ITU[- ]?T[- ]*)?(?:WP|Working Party)[. ]*\d[- ]*/[- ]*(\d{1,2})$`)
	reITURWP = regexp.MustCompile(`(?i)^ITU[- ]?R[- ]*(?:WP|Working Party)[- ]*(\d{1,2}[A-Z]?)$`)
	reTSAG   = regexp.MustCompile(`(?i)^(?:ITU[- ]?T[- ]*)?(?:TSAG|Telecommunication Standardi[sz]ation Advisory Group)$`)
	// ITU-R working parties are numbered digit-letter ("5D", "8A"): no other body is, so the
	// bare "Working Party 5D" of an ITU-R letter needs no sector
	reITURWPBare = regexp.MustCompile(`(?i)^(?:Working Party|WP)[- ]*(\d[A-Z])$`)
	reTDAG       = regexp.MustCompile(`(?i)^(?:ITU[- ]?D[- ]*)?(?:TDAG|Telecommunication Development Advisory Group)$`)
	reRAG        = regexp.MustCompile(`(?i)^(?:ITU[- ]?R[- ]*RAG|(?:ITU[- ]?R[- ]*)?Radiocommunication Advisory Group)$`)
	reITUSector  = regexp.MustCompile(`(?i)^(Radiocommunication|Development|Telecommunication Development)[- ]+Study[- ]*Group[- ]*0*(\d{1,2})$`)
	re3GPPWG     = regexp.MustCompile(`(?i)^(?:3GPP[- ]*)?(?:TSG[- ]*)?(SA|CT|RAN|GERAN)[- ]*(?:WG|Working Group)?[- ]*(\d)$`)
	re3GPPPlen   = regexp.MustCompile(`(?i)^(?:3GPP[- ]*TSG|TSG|3GPP)[- ]*(SA|CT|RAN)(?:[- ]*plenary)?$`)
	re3GPPPl2    = regexp.MustCompile(`(?i)^(SA|CT|RAN)[- ]*plenary$`)
	re3GPPS      = regexp.MustCompile(`^([SCR])([1-6])$`)
	re3GPPSP     = regexp.MustCompile(`^(SP|CP|RP)$`)
	reIEEE       = regexp.MustCompile(`(?i)^(?:IEEE[- ]*P?802(?:\.(\d{1,2}))?|P?802\.(\d{1,2}))(?:[- ]+(.*))?$`)
	reBBF        = regexp.MustCompile(`(?i)^(?:Broadband[- ]*Forum|BBF)(?:[- ]*\(BBF\))?(?:[- ]+(?:Technical Committee|TC|Board|Liaisons?|Secretariat))?$`)
	reMEF        = regexp.MustCompile(`(?i)^MEF(?:[- ]+(?:Forum|Technical Committee|TC|Board(?: of Directors)?|Secretariat))?$`)
	reOIF        = regexp.MustCompile(`(?i)^(?:OIF|Optical Internetworking Forum)(?:[- ]*\(OIF\))?(?:[- ]+(?:Technical Committee|TC|Board))?$`)
	reORAN       = regexp.MustCompile(`(?i)^O-?RAN(?:[- ]+Alliance)?(?:[- ]+(?:WG|Working[- ]*Group|Work[- ]*Group)[- ]*(\d{1,2}))?$`)
	reETSI       = regexp.MustCompile(`(?i)^ETSI[- ]+(?:(TC|ISG|EP|SC)|Technical Committee(?:[- ]*\(TC\))?|Industry Specification Group(?:[- ]*\(ISG\))?)[- ]+([A-Za-z0-9][A-Za-z0-9-]*)$`)
	reISG        = regexp.MustCompile(`(?i)^ISG[- ]+([A-Za-z0-9][A-Za-z0-9-]*)$`)
	reTCUpper    = regexp.MustCompile(`^TC[- ]+([A-Z][A-Z0-9-]{2,})$`)
	reJTC1       = regexp.MustCompile(`(?i)^(?:ISO[- ]*/[- ]*IEC[- ]*)?JTC[- ]*1(?:[- ]*/[- ]*SC[- ]*(\d{1,2}))?(?:[- ]*/?[- ]*WG[- ]*(\d{1,2}))?$`)
	reSC         = regexp.MustCompile(`(?i)^(?:ISO[- ]*/[- ]*IEC[- ]*)?SC[- ]*(\d{1,2})(?:[- ]*/[- ]*WG[- ]*(\d{1,2}))?$`)
	reIETFWG     = regexp.MustCompile(`(?i)^(IETF|IRTF)[- ]+([A-Za-z0-9][A-Za-z0-9-]*)(?:[- ]+(WG|Working Group|RG|Research Group))?$`)
	reIAB        = regexp.MustCompile(`(?i)^(?:IAB|Internet Architecture Board)$`)
	reIESG       = regexp.MustCompile(`(?i)^(?:IESG|Internet Engineering Steering Group)$`)
	reW3C        = regexp.MustCompile(`(?i)^W3C(?:[- ]+(.+?))?$`)
	reWGTail     = regexp.MustCompile(`(?i)[- ]+(?:Working Group|WG)$`)
	reOrgOnly    = regexp.MustCompile(`(?i)^(?:ITU-T|ITU-R|ITU-D|3GPP|ETSI|IETF|IRTF|ATIS|TIA|CCSA|TTC|ARIB|TSDSI|GSMA|oneM2M|NGMN|IEC|ISO|ISO/IEC|OIF|IEEE|W3C|Unicode Consortium|TM Forum|CableLabs|Wi-Fi Alliance|FIDO Alliance|ONF|LoRa Alliance|Thread Group)$`)
)

var threeGPPSector = map[string]string{"S": "SA", "C": "CT", "R": "RAN", "SP": "SA", "CP": "CT", "RP": "RAN"}

// builtinCanon maps a cleaned body name to its canonical short form by SDO naming rules, or
// returns "" when no rule applies.
func builtinCanon(s string, hint family) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if m := reITUSG.FindStringSubmatch(s); m != nil {
		return fmt.Sprintf("ITU-%s SG%s", strings.ToUpper(m[1]), trimZeros(m[2]))
	}
	if m := reSGOnly.FindStringSubmatch(s); m != nil {
		return "ITU-T SG" + trimZeros(m[1])
	}
	if m := reITUQ.FindStringSubmatch(s); m != nil {
		return "ITU-T SG" + trimZeros(m[1])
	}
	if m := reITUWP.FindStringSubmatch(s); m != nil {
		return "ITU-T SG" + trimZeros(m[1])
	}
	if m := reITURWP.FindStringSubmatch(s); m != nil {
		return "ITU-R WP " + strings.ToUpper(m[1])
	}
	if reTSAG.MatchString(s) {
		return "ITU-T TSAG"
	}
	if m := reITURWPBare.FindStringSubmatch(s); m != nil {
		return "ITU-R WP " + strings.ToUpper(m[1])
	}
	if reTDAG.MatchString(s) {
		return "ITU-D TDAG"
	}
	if reRAG.MatchString(s) {
		return "ITU-R RAG"
	}
	if m := reITUSector.FindStringSubmatch(s); m != nil {
		if strings.EqualFold(m[1], "Radiocommunication") {
			return "ITU-R SG" + trimZeros(m[2])
		}
		return "ITU-D SG" + trimZeros(m[2])
	}
	if m := re3GPPWG.FindStringSubmatch(s); m != nil {
		return fmt.Sprintf("3GPP TSG %s WG%s", strings.ToUpper(m[1]), m[2])
	}
	if m := re3GPPPlen.FindStringSubmatch(s); m != nil {
		return "3GPP TSG " + strings.ToUpper(m[1])
	}
	if m := re3GPPPl2.FindStringSubmatch(s); m != nil {
		return "3GPP TSG " + strings.ToUpper(m[1])
	}
	if hint == fam3GPP {
		if m := re3GPPS.FindStringSubmatch(s); m != nil {
			return fmt.Sprintf("3GPP TSG %s WG%s", threeGPPSector[m[1]], m[2])
		}
		if m := re3GPPSP.FindStringSubmatch(s); m != nil {
			return "3GPP TSG " + threeGPPSector[m[1]]
		}
	}
	if m := reIEEE.FindStringSubmatch(s); m != nil {
		rest := strings.ToLower(m[3])
		switch {
		case m[1] != "" || m[2] != "":
			return "IEEE 802." + m[1] + m[2] + " WG"
		case strings.Contains(rest, "executive") || rest == "ec" || strings.Contains(rest, "lmsc") || strings.Contains(rest, "standards committee"):
			return "IEEE 802 LMSC"
		case rest == "":
			return "IEEE 802"
		}
	}
	if reBBF.MatchString(s) {
		return "BBF"
	}
	if reMEF.MatchString(s) {
		return "MEF"
	}
	if reOIF.MatchString(s) {
		return "OIF"
	}
	if m := reORAN.FindStringSubmatch(s); m != nil {
		if m[1] != "" {
			return "O-RAN Alliance WG" + trimZeros(m[1])
		}
		return "O-RAN Alliance"
	}
	if m := reETSI.FindStringSubmatch(s); m != nil {
		kind := strings.ToUpper(m[1])
		if kind == "" {
			kind = "TC"
			if strings.Contains(strings.ToLower(s), "industry") {
				kind = "ISG"
			}
		}
		return "ETSI " + kind + " " + strings.ToUpper(m[2])
	}
	if m := reISG.FindStringSubmatch(s); m != nil {
		return "ETSI ISG " + strings.ToUpper(m[1])
	}
	if m := reTCUpper.FindStringSubmatch(s); m != nil && (hint == famETSI || hint == famUnknown) {
		return "ETSI TC " + m[1]
	}
	if m := reJTC1.FindStringSubmatch(s); m != nil {
		return jtc1Name(m[1], m[2])
	}
	if m := reSC.FindStringSubmatch(s); m != nil && (hint == famJTC1 || strings.Contains(strings.ToUpper(s), "ISO")) {
		return jtc1Name(m[1], m[2])
	}
	if reIAB.MatchString(s) {
		return "IAB"
	}
	if reIESG.MatchString(s) {
		return "IESG"
	}
	if m := reIETFWG.FindStringSubmatch(s); m != nil {
		org, name := strings.ToUpper(m[1]), m[2]
		if strings.EqualFold(name, "liaison") || strings.EqualFold(name, "secretariat") {
			return ""
		}
		if org == "IRTF" {
			return "IRTF " + name
		}
		up := strings.ToUpper(name)
		if strings.HasSuffix(up, "WG") || strings.EqualFold(name, "area") {
			return "IETF " + name
		}
		return "IETF " + name + " WG"
	}
	if m := reW3C.FindStringSubmatch(s); m != nil {
		if m[1] == "" {
			return "W3C"
		}
		name := reWGTail.ReplaceAllString(m[1], "")
		if name != m[1] {
			return "W3C " + name + " WG"
		}
		return "W3C " + name
	}
	if reOrgOnly.MatchString(s) {
		return s
	}
	return ""
}

func trimZeros(s string) string {
	n, err := strconv.Atoi(s)
	if err != nil {
		return s
	}
	return strconv.Itoa(n)
}

func jtc1Name(sc, wg string) string {
	n := "ISO/IEC JTC 1"
	if sc != "" {
		n += "/SC " + trimZeros(sc)
	}
	if wg != "" {
		n += "/WG " + trimZeros(wg)
	}
	return n
}

// cleanGroupName strips what surrounds a body name in a label value: parentheses
// (full-width too), quotes, bullets, a leading "the", trailing role words ("chairs").
func cleanGroupName(s string) string {
	s = foldWidth(s)
	s = strings.TrimSpace(s)
	s = strings.Trim(s, " \t*•·-–—\"'“”‘’:;,.")
	for _, p := range []string{"the ", "to "} {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			s = s[len(p):]
		}
	}
	s = reRoleTail.ReplaceAllString(s, "")
	return strings.TrimSpace(collapseSpaces(s))
}

var reRoleTail = regexp.MustCompile(`(?i)(?:['’]s)?\s+(?:co-?chairs?|chairs?|chairmen|chairpersons?|secretariat|secretary|liaison (?:manager|officer|coordinator)s?|leadership|members|participants|list|mailing list)$`)

var reParen = regexp.MustCompile(`\s*\([^()]*\)`)

// resolveGroup maps a body name to its canonical form: directory first, then built-in
// naming, then as written when it looks like a body name at all.
func (d *Directory) resolveGroup(s string, hint family) (groupRef, bool) {
	c := cleanGroupName(s)
	if c == "" {
		return groupRef{}, false
	}
	tries := []string{c}
	if np := strings.TrimSpace(reParen.ReplaceAllString(c, "")); np != c && np != "" {
		tries = append(tries, np)
		// "3GPP TSG SA WG2 (SA2)", "O-RAN Alliance WG4 (Open Fronthaul ...)": the inside too
		for _, m := range reParenInner.FindAllStringSubmatch(c, -1) {
			tries = append(tries, strings.TrimSpace(m[1]))
		}
	}
	for _, t := range tries {
		if e := d.lookup(t); e != nil {
			return groupRef{Canon: e.Canon, Entry: e, Known: true}, true
		}
	}
	for _, t := range tries {
		if b := builtinCanon(t, hint); b != "" {
			if e := d.lookup(b); e != nil {
				return groupRef{Canon: e.Canon, Entry: e, Known: true}, true
			}
			return groupRef{Canon: b, Known: true}, true
		}
	}
	return groupRef{}, false
}

var reParenInner = regexp.MustCompile(`\(([^()]+)\)`)

// looksLikeBody reports whether an unrecognised string in a From/To label could be a body
// name (rather than a person, a role or a sentence).
func looksLikeBody(s string) bool {
	s = cleanGroupName(s)
	if s == "" || len(s) > 80 || strings.Contains(s, "@") {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 8 {
		return false
	}
	if reBodyWord.MatchString(s) {
		return true
	}
	// an acronym ("GSMA", "oneM2M") is a body; "Jane Doe" is not
	upper := 0
	for _, w := range words {
		if len(w) >= 2 && strings.ToUpper(w) == w && strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			upper++
		}
	}
	return upper > 0
}

var reBodyWord = regexp.MustCompile(`(?i)\b(?:WG|RG|SG|TC|ISG|Group|Committee|Forum|Alliance|Consortium|Association|Council|Board|Institute|Union|Sector|Partnership|Project|Organi[sz]ation|Workgroup|Task Force)\b`)

// CanonicalGroup returns the canonical form of a body name as the extractor writes it in
// from/to ("Study Group 15" → "ITU-T SG15", "SA2" → "3GPP TSG SA WG2"), or the cleaned name
// when nothing is known about it.
func (d *Directory) CanonicalGroup(s string) string {
	if r, ok := d.resolveGroup(s, famUnknown); ok {
		return r.Canon
	}
	return cleanGroupName(s)
}

// SameGroup reports whether two body names denote the same body (the comparison the
// extraction rules prescribe: directory names and aliases, then normalised keys).
func (d *Directory) SameGroup(a, b string) bool {
	ka, kb := groupKey(d.CanonicalGroup(a)), groupKey(d.CanonicalGroup(b))
	return ka != "" && ka == kb
}

// mention is a body named inside running text or a longer value.
type mention struct {
	start, end int
	ref        groupRef
}

// Unanchored versions of the naming patterns, for finding bodies inside text.
var reMention = regexp.MustCompile(`(?i)` + strings.Join([]string{
	`\bITU[- ]?[TDR][- ]*(?:Study[- ]*Group|SG)[- ]*\d{1,2}\b`,
	`\bITU[- ]?R[- ]*(?:WP|Working Party)[- ]*\d{1,2}[A-Z]?\b`,
	`\b(?:WP|Working Party)[- ]*\d[A-Z]\b`,
	`\b(?:Radiocommunication|Development)[- ]+Study[- ]*Group[- ]*\d{1,2}\b`,
	`\b(?:TDAG|Telecommunication Development Advisory Group)\b`,
	`\bP?802\.\d{1,2}[- ]+(?:Working Group|WG)\b`,
	`\bStudy[- ]*Group[- ]*\d{1,2}\b`,
	`\b(?:ITU-T[- ]+)?Q\d{1,2}/\d{1,2}\b`,
	`\b(?:ITU[- ]?T[- ]*)?TSAG\b`,
	`\b3GPP[- ]*(?:TSG[- ]*)?(?:SA|CT|RAN)(?:[- ]*(?:WG|Working Group)[- ]*\d)?\b`,
	`\bTSG[- ]*(?:SA|CT|RAN)(?:[- ]*(?:WG|Working Group)[- ]*\d)?\b`,
	`\b(?:SA|CT|RAN)[- ]*WG[- ]*\d\b`,
	`\bIEEE[- ]*P?802(?:\.\d{1,2})?(?:[- ]+(?:Working Group|WG|LMSC|Executive Committee))?`,
	`\bBroadband[- ]*Forum\b`, `\bBBF\b`,
	`\bMEF\b(?:[- ]+(?:Forum|Technical Committee))?`,
	`\bOIF\b(?:[- ]+Technical Committee)?|\bOptical Internetworking Forum\b`,
	`\bSG[- ]?\d{1,2}\b`,
	`\bO-RAN(?:[- ]+Alliance)?(?:[- ]+(?:WG|Working[- ]*Group|Work[- ]*Group)[- ]*\d{1,2})?\b`,
	`\bETSI[- ]+(?:TC|ISG|EP)[- ]+[A-Za-z0-9][A-Za-z0-9-]*`,
	`\bISG[- ]+[A-Z0-9][A-Za-z0-9-]*`,
	`\bISO[- ]*/[- ]*IEC[- ]*JTC[- ]*1(?:[- ]*/[- ]*SC[- ]*\d{1,2})?(?:[- ]*/[- ]*WG[- ]*\d{1,2})?`,
	`\bJTC[- ]*1[- ]*/[- ]*SC[- ]*\d{1,2}(?:[- ]*/[- ]*WG[- ]*\d{1,2})?`,
	`\b(?:IETF|IRTF)[- ]+[A-Za-z0-9][A-Za-z0-9-]*(?:[- ]+(?:WG|Working Group|RG|Research Group)\b)?`,
	`\bIAB\b`, `\bInternet Architecture Board\b`, `\bIESG\b`,
	`\bW3C(?:[- ]+(?:[A-Z][A-Za-z]*[- ]+){1,5}(?:Working Group|WG|Interest Group|Community Group))?`,
}, "|"))

// findMentions finds the bodies named in text: directory names and aliases, then the
// built-in patterns, without overlaps, in text order. Where two overlap the longer wins: it
// names the more specific body ("ITU-D Study Group 2" over the alias "Study Group 2").
func (d *Directory) findMentions(text string, hint family) []mention {
	var all []mention
	lower := lowerASCII(text)
	if d != nil {
		for _, a := range d.aliases {
			al := lowerASCII(a.text)
			for off := 0; off < len(lower); {
				i := strings.Index(lower[off:], al)
				if i < 0 {
					break
				}
				s, e := off+i, off+i+len(al)
				off = e
				if !wordBoundary(lower, s, e) || specFollows(text, e) {
					continue
				}
				all = append(all, mention{s, e, groupRef{Canon: a.entry.Canon, Entry: a.entry, Known: true}})
			}
		}
	}
	nAlias := len(all)
	for _, loc := range reMention.FindAllStringIndex(text, -1) {
		s, e := loc[0], loc[1]
		if specFollows(text, e) {
			continue
		}
		if r, ok := d.resolveGroup(text[s:e], hint); ok {
			if r.Entry == nil && (r.Canon == "IETF" || r.Canon == "IRTF") {
				continue // "the IETF participants": the organisation, not a group
			}
			if r.Entry == nil && strings.HasPrefix(r.Canon, "IETF ") && !ietfGroupWord(text[s:e]) {
				continue // "IETF liaison", "the IETF of its work": not a group
			}
			all = append(all, mention{s, e, r})
		}
	}
	// longest first, the directory's before the built-in patterns' on a tie
	idx := make([]int, len(all))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		li, lj := all[idx[i]].end-all[idx[i]].start, all[idx[j]].end-all[idx[j]].start
		if li != lj {
			return li > lj
		}
		return idx[i] < nAlias && idx[j] >= nAlias
	})
	var out []mention
	for _, i := range idx {
		m := all[i]
		overlap := false
		for _, o := range out {
			if m.start < o.end && m.end > o.start {
				overlap = true
				break
			}
		}
		if !overlap {
			out = append(out, m)
		}
	}
	sortMentions(out)
	return out
}

// ietfGroupWord reports whether "IETF <word> [WG]" found in text names a group: with a
// WG/RG suffix, or a name written as an acronym ("CCAMP", "DetNet", "6lo"), not a word of
// the sentence ("the IETF of its work", "IETF colleagues", "IETF liaison").
func ietfGroupWord(m string) bool {
	f := strings.Fields(strings.ReplaceAll(m, "-", " "))
	if len(f) < 2 {
		return false
	}
	if ietfNonGroupWords[strings.ToLower(f[1])] {
		return false
	}
	if len(f) > 2 {
		return true // "IETF foo WG", "IETF foo Working Group"
	}
	up := 0
	for _, r := range f[1] {
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			up++
		}
	}
	return up >= 2
}

var ietfNonGroupWords = map[string]bool{
	"liaison": true, "participants": true, "specifications": true, "specification": true, "and": true,
	"the": true, "has": true, "is": true, "community": true, "work": true, "models": true, "model": true,
	"documents": true, "document": true, "rfc": true, "rfcs": true, "standards": true, "meeting": true,
	"web": true, "datatracker": true, "secretariat": true, "side": true, "otn": true, "network": true,
	"yang": true, "service": true, "to": true, "for": true, "in": true, "on": true, "as": true, "area": true,
	"tool": true, "liaisons": true, "process": true, "chairs": true, "chair": true, "experts": true, "drafts": true,
	"draft": true, "working": true, "groups": true, "group": true, "wg": true, "wgs": true, "would": true, "will": true,
}

func sortMentions(m []mention) {
	for i := 1; i < len(m); i++ {
		for j := i; j > 0 && m[j].start < m[j-1].start; j-- {
			m[j], m[j-1] = m[j-1], m[j]
		}
	}
}

// specFollows reports whether a body name at text[:e] is followed by a document number
// ("MEF 10.4", "BBF TR-069"): then it names a specification, not the body.
func specFollows(text string, e int) bool {
	rest := strings.TrimLeft(text[e:], " ")
	if rest == "" {
		return false
	}
	c := rest[0]
	if c >= '0' && c <= '9' {
		return true
	}
	return strings.HasPrefix(rest, "TR-") || strings.HasPrefix(rest, "WT-")
}

func wordBoundary(s string, start, end int) bool {
	isWord := func(b byte) bool {
		return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
	}
	if start > 0 && isWord(s[start-1]) && isWord(s[start]) {
		return false
	}
	if end < len(s) && isWord(s[end]) && isWord(s[end-1]) {
		return false
	}
	return true
}

func collapseSpaces(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// lowerASCII lower-cases ASCII letters only, so that byte offsets in the result are offsets
// in s (strings.ToLower may change the length of non-ASCII or invalid text).
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
