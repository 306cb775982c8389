package classify

import (
	"path"
	"regexp"
	"strings"
)

// Other identifiers: the sender's own document numbers. They are read where a statement
// names itself (a reference label, the document header, the subject, the file name), never
// from prose that refers to other documents ("our letter L00312", "WT-498").

const docNumAlt = `(?:` +
	`(?:[SCRG][1-6]|SP|CP|RP|GP)-\d{5,7}(?:r\d{1,2})?` + // 3GPP Tdoc
	`|SG\d{1,2}-LS\d{1,4}(?:-E)?` + // ITU-T outgoing LS
	`|COM\s?\d{1,2}-LS\s?\d{1,4}(?:-E)?` +
	`|TSAG-LS\d{1,4}` +
	`|TD\s?\d{1,5}\s?\((?:PLEN|GEN|WP\s?\d)/\d{1,2}\)` + // ITU-T TD
	`|LIAISE-\d{2,5}` + // BBF
	`|[A-Z][A-Z0-9]{1,10}\(\d{2}\)\d{3,6}(?:r\d{1,2})?` + // ETSI: CYBER(26)012034
	`|O-RAN\.[A-Za-z0-9]{2,8}(?:\.[A-Za-z0-9]+)*-\d{4}-\d{2,4}` + // O-RAN.WG4.LS-2026-003
	`|[A-Z][A-Za-z0-9]{1,9}-LS-\d{4}-\d{1,4}` + // TTC-LS-2026-004, TC3-LS-2026-07
	`|(?:ISO/IEC\s+)?(?:JTC\s?1/)?SC\s?\d{1,2}(?:/WG\s?\d{1,2})?\s+N\s?\d{3,6}` + // JTC 1 N-numbers (with their committee)
	`|(?:ISO/IEC\s+)?JTC\s?1\s+N\s?\d{3,6}` +
	`|L\d{5}` + // MEF letters
	`|\d{1,2}-\d{2}/\d{4}r\d{1,2}` + // IEEE 802 DCN: 11-26/0871r0 (also "IEEE 802.11-26/0871r0")
	`)`

var (
	reDocNum     = regexp.MustCompile(`\b` + docNumAlt)
	reDocNumOnly = regexp.MustCompile(`^\s*[\[(]?` + docNumAlt + `[\])]?\s*$`)
	reJTCN       = regexp.MustCompile(`(?:SC\s?\d{1,2}(?:/WG\s?\d{1,2})?|JTC\s?1)\s+(N\s?\d{3,6})$`)
	reCompactID  = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*(?:[-./_()][A-Za-z0-9]+)*$`)
	// reHeaderID is a document's own number after "Liaison Statement" in its header
	// ("Liaison Statement  OIF2026.118.01"), in any family's numbering
	reHeaderID   = regexp.MustCompile(`(?i)^\s*(?:liaison statement|liaison letter|LS)\s*(?:no\.?|number|#)?\s*[:]?\s+([A-Za-z][A-Za-z0-9]*(?:[-./_][A-Za-z0-9]+)+)\s*$`)
	reProseOwnID = regexp.MustCompile(`(?i)(?:\b(?:response|reply|respond|answer)\s+to\s+|\byour\s+|\bour\s+earlier\s+)?\b(?:LS|liaison(?: statement| letter)?)\s+(?:\(|")?(` + docNumAlt + `)`)
)

// proseLine reports whether a line reads as running text rather than a header line.
func proseLine(s string) bool {
	t := strings.TrimSpace(s)
	return len(strings.Fields(t)) > 8 || strings.HasSuffix(t, ".") || strings.HasSuffix(t, ",")
}

func isOnlyDocNumber(s string) bool { return reDocNumOnly.MatchString(s) }

// findDocNums returns the document numbers in s: whole tokens only ("S2-2601187", not the
// start of "S2-2601187x").
func findDocNums(s string) []string {
	var out []string
	for _, loc := range reDocNum.FindAllStringIndex(s, -1) {
		if loc[1] < len(s) && isWordByte(s[loc[1]]) && isWordByte(s[loc[1]-1]) {
			continue
		}
		out = append(out, s[loc[0]:loc[1]])
	}
	return out
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// normID writes an identifier in one form: JTC 1 numbers as "N12345", spaces collapsed.
func normID(s string) string {
	s = collapseSpaces(strings.TrimSpace(s))
	if m := reJTCN.FindStringSubmatch(s); m != nil {
		return strings.ReplaceAll(m[1], " ", "")
	}
	return strings.Trim(s, ".,;:")
}

func (e *extractor) extractIdentifiers() {
	var ids []string
	var srcs []string
	seen := map[string]bool{}
	exclude := e.referencedText()
	add := func(id, src string) {
		id = normID(id)
		k := strings.ToUpper(strings.ReplaceAll(id, " ", ""))
		if id == "" || seen[k] || strings.Contains(exclude, k) {
			return
		}
		seen[k] = true
		ids = append(ids, id)
		srcs = append(srcs, src)
	}
	conf := 0.6
	for _, s := range e.ranked {
		if !e.inOrig(s) && s.lvl != e.top {
			continue
		}
		// reference labels
		for _, f := range fieldsByKey(s.block.fields, kRef) {
			v := strings.TrimSpace(f.value)
			if ms := findDocNums(v); len(ms) > 0 {
				for _, m := range ms {
					add(m, where(s, f.line, f.label))
				}
				conf = 0.9
				continue
			}
			if tok := strings.Fields(v); len(tok) == 1 && len(v) <= 40 && reCompactID.MatchString(v) && strings.ContainsAny(v, "0123456789") {
				add(v, where(s, f.line, f.label))
				conf = 0.85
			}
		}
		// a Source:/From: that names a document rather than a body: the document's own
		// reference ("Source: Document 5D/TEMP/311", "Source: TD 1045 Rev.1 (PLEN/13)")
		for _, f := range fieldsByKey(s.block.fields, kFrom) {
			if v := collapseSpaces(f.value); reDocRefValue.MatchString(v) && !reDocRefAnnex.MatchString(v) && len(v) <= 40 {
				add(reDocWord.ReplaceAllString(v, ""), where(s, f.line, f.label)+" (a document reference)")
				conf = max(conf, 0.8)
			}
		}
		// the document header: the lines above the title
		end := s.start + 12
		for _, f := range s.block.fields {
			if f.key == kTitle {
				end = f.line
				break
			}
		}
		if e.inOrig(s) || s.kind == srcAttachment {
			for i := max(0, s.start-6); i < len(s.lines) && i < end; i++ {
				if s.block.decoy[i] || i < s.start && proseLine(s.lines[i]) {
					continue
				}
				for _, m := range findDocNums(s.lines[i]) {
					add(m, where(s, i, ""))
					conf = max(conf, 0.85)
				}
				if m := reHeaderID.FindStringSubmatch(collapseSpaces(s.lines[i])); m != nil && strings.ContainsAny(m[1], "0123456789") && len(findDocNums(m[1])) == 0 {
					add(m[1], where(s, i, "")+" (document header)")
					conf = max(conf, 0.75)
				}
			}
		}
	}
	// the running page header: a short line repeated at the top of the pages of a converted
	// document, the one place some templates give the number ("COM 15 – LS 123 – E")
	for _, s := range e.ranked {
		if s.kind != srcAttachment || !e.inOrig(s) {
			continue
		}
		for _, id := range runningHeaderIDs(s.lines) {
			add(id, s.name+" (running page header)")
			conf = max(conf, 0.8)
		}
	}
	// the subject and the file names
	for _, l := range []*level{e.orig, e.top} {
		for _, m := range findDocNums(l.subject) {
			add(m, "header Subject")
			conf = max(conf, 0.8)
		}
	}
	for _, a := range e.m.Attachments {
		base := strings.TrimSuffix(a.Filename, path.Ext(a.Filename))
		for _, m := range findDocNums(base) {
			add(m, "attachment file name "+a.Filename)
			conf = max(conf, 0.8)
		}
		if id := ieeeDCNFromFileName(base); id != "" {
			add(id, "attachment file name "+a.Filename+" (IEEE 802 document)")
			conf = max(conf, 0.75)
		}
	}
	// a Datatracker notification lists the letter's own documents under Attachments and
	// may name the letter in its Body ("MEF L00447 ..."), apart from earlier letters
	if e.datatrackerNotification() {
		for _, id := range e.notificationOwnIDs() {
			add(id.id, id.src)
			conf = max(conf, 0.7)
		}
	}
	// a cover note naming the statement ("Please find attached LS C1-260815")
	for _, s := range e.ranked {
		if s.kind != srcBody || (!e.inOrig(s) && s.lvl != e.top) {
			continue
		}
		cover := strings.Join(s.lines[:min(max(s.start, 1), len(s.lines))], "\n")
		if s.start == 0 {
			cover = strings.Join(s.lines[:min(15, len(s.lines))], "\n")
		}
		for _, m := range reProseOwnID.FindAllStringSubmatch(cover, -1) {
			low := strings.ToLower(m[0])
			if strings.Contains(low, " to ") || strings.HasPrefix(low, "your") || strings.Contains(low, "earlier") {
				continue
			}
			add(m[1], s.name+" (cover note)")
			conf = max(conf, 0.75)
		}
	}
	e.x.OtherIdentifiers = ids
	src := strings.Join(dedupStrings(srcs), "; ")
	if len(ids) == 0 {
		src = "not found in reference labels, the document header, the subject or file names"
	}
	e.setEv("other_identifiers", Evidence{Confidence: conf, Source: src, Raw: strings.Join(ids, ", ")})
}

// referencedText is the upper-cased, space-free text of the places that name other
// statements (Response to:, Attachments:, quoted text): identifiers found there are not
// this statement's own.
func (e *extractor) referencedText() string {
	var b strings.Builder
	dt := e.datatrackerNotification()
	for _, s := range e.ranked {
		for _, f := range s.block.fields {
			if f.key == kResponseTo || f.key == kAttachments && !dt {
				b.WriteString(f.value)
				b.WriteByte(' ')
			}
		}
	}
	return strings.ToUpper(strings.ReplaceAll(b.String(), " ", ""))
}

func dedupStrings(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// reIEEEFile is an IEEE 802 document's file name: "11-26-0902-01-0000-title" is document
// 11-26/0902 revision 1.
var reIEEEFile = regexp.MustCompile(`^(\d{1,2})-(\d{2})-(\d{4})-(\d{2})-[0-9a-zA-Z]{4}(?:-|$)`)

// ieeeDCNFromFileName returns the IEEE 802 document number ("11-26/0902r1") a file name
// encodes, or "".
func ieeeDCNFromFileName(base string) string {
	m := reIEEEFile.FindStringSubmatch(base)
	if m == nil {
		return ""
	}
	rev := strings.TrimLeft(m[4], "0")
	if rev == "" {
		rev = "0"
	}
	return m[1] + "-" + m[2] + "/" + m[3] + "r" + rev
}

// reEarlierRef is wording that points at another, earlier document just before a number:
// "our letter L00312", "in reply to", "see", "previous", "your".
var reEarlierRef = regexp.MustCompile(`(?i)(?:\b(?:our|your|their|earlier|previous|prior|last|former|see|cf\.?|reply to|response to|responding to|follows|following|further to|refers? to|referring to|regarding|re:)\b[^.\n]{0,30})$`)

// reSelfRef is wording that names the statement itself just before a number: "this
// letter (L00447)", "the present liaison", "our ref.", "reference".
var reSelfRef = regexp.MustCompile(`(?i)(?:\b(?:this|the present|the attached)\s+(?:liaison\s+)?(?:letter|statement|LS|liaison)\b|\bour ref(?:erence|\.)?|\breference\b)[^.\n]{0,12}$`)

type ownID struct{ id, src string }

// datatrackerNotification reports whether the original is the Datatracker's notification
// of a statement (its "URL of the IETF Web page" line or its subject).
func (e *extractor) datatrackerNotification() bool {
	if reNewLSSubject.MatchString(e.m.Subject) {
		return true
	}
	for _, s := range e.ranked {
		if e.inOrig(s) && strings.Contains(s.text, "URL of the IETF Web page") {
			return true
		}
	}
	return false
}

// notificationOwnIDs reads the document numbers a Datatracker notification gives for the
// statement itself: in the titles of its attachments, and in its Body unless the wording
// before the number points at an earlier document.
func (e *extractor) notificationOwnIDs() []ownID {
	var out []ownID
	for _, s := range e.ranked {
		if !e.inOrig(s) {
			continue
		}
		for _, f := range s.block.fields {
			if f.key != kAttachments && f.key != kBody {
				continue
			}
			for _, ln := range fieldLines(s, f) {
				if strings.Contains(ln, "://") {
					continue // a URL names the file store, not the letter
				}
				for _, loc := range reDocNum.FindAllStringIndex(ln, -1) {
					before := ln[:loc[0]]
					if reEarlierRef.MatchString(before) {
						continue
					}
					if f.key == kBody && !reSelfRef.MatchString(before) {
						continue // the Body may name other documents (a CR, a report)
					}
					out = append(out, ownID{ln[loc[0]:loc[1]], where(s, f.line, f.label) + " (Datatracker notification)"})
				}
			}
		}
	}
	return out
}

// fieldLines are the lines of a field: its label line and continuation lines; an
// Attachments list also runs on over blank lines to the end of the source (at most 20
// lines), as the Datatracker writes it.
func fieldLines(s *source, f field) []string {
	end := f.last + 1
	if f.key == kAttachments {
		end = f.line + 20
	}
	end = min(end, len(s.lines))
	if f.line >= end {
		return nil
	}
	return s.lines[f.line:end]
}

var (
	reDocRefAnnex = regexp.MustCompile(`(?i)^(?:annex|attachment|addendum|appendix)\b`)
	reDocWord     = regexp.MustCompile(`(?i)^doc(?:ument)?s?\.?\s+`)
)

var reDashSpaces = regexp.MustCompile(`\s*[-–—]\s*`)

// runningHeaderIDs returns the document numbers of lines that repeat (a page header):
// short, not prose, seen at least twice.
func runningHeaderIDs(lines []string) []string {
	count := map[string]int{}
	var order []string
	for _, ln := range lines {
		t := strings.TrimSpace(ln)
		if t == "" || len(t) > 80 || proseLine(t) {
			continue
		}
		if count[t] == 0 {
			order = append(order, t)
		}
		count[t]++
	}
	var out []string
	for _, t := range order {
		if count[t] < 2 {
			continue
		}
		out = append(out, findDocNums(reDashSpaces.ReplaceAllString(t, "-"))...)
	}
	return out
}
