package classify

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/liaisond/liaisond/message"
)

// extractor holds the state of one Extract call.
type extractor struct {
	in     Input
	dir    *Directory
	m      *message.Message
	top    *level
	orig   *level
	ranked []*source // sources by preference for fields (quoted text excluded)
	best   *source   // the source that holds most of the statement
	ref    time.Time // the message date, for dates without a year
	fam    family

	x        *Extraction
	ev       map[string]Evidence
	warnings []string

	// results shared between the field extractors
	hdr               *msgHeaders // the original's From/To/Cc/Subject (see headers)
	fromRefs          []groupRef
	deadlineFromProse bool
	toRefs            []groupRef
	signals           signalResult
	mentionMemo       map[mentionKey][]mention // see mentions
}

type mentionKey struct {
	text string
	hint family
}

// mentions is the directory's findMentions, remembered for long texts: several readers
// (the prose From and To, the signals) look through the same statement text, and on
// prose the search is most of an extraction's time. Callers must not modify the result.
func (e *extractor) mentions(text string, hint family) []mention {
	if len(text) < 1<<10 {
		return e.dir.findMentions(text, hint)
	}
	k := mentionKey{text, hint}
	if ms, ok := e.mentionMemo[k]; ok {
		return ms
	}
	ms := e.dir.findMentions(text, hint)
	if e.mentionMemo == nil {
		e.mentionMemo = map[mentionKey][]mention{}
	}
	e.mentionMemo[k] = ms
	return ms
}

// Extract reads a parsed message and the text of its attachments and returns the
// extraction. dir may be nil (no directory: nothing is misdirected, route_to stays empty).
// It never panics on any input: a recovered panic yields a non-statement extraction with a
// warning and zero confidence. The extraction carries the keys that link the statement to
// the one it answers and by which later replies find it, so that a caller needs no other
// call.
func Extract(in Input, dir *Directory) *Extraction {
	if in.Message == nil {
		in.Message = &message.Message{}
	}
	x := extractSafely(in, dir)
	x.SetKeys(in.Message)
	return x
}

// extractSafely is extract with the panic turned into a non-statement extraction.
func extractSafely(in Input, dir *Directory) (x *Extraction) {
	defer func() {
		if r := recover(); r != nil {
			x = &Extraction{Warnings: []string{fmt.Sprintf("extractor panic (a bug): %v", r)}}
			x.Attachments = attachmentInfos(in)
			x.DeliveredTo = strp(deliveredTo(in))
			x.normalize()
			x.Evidence = map[string]Evidence{}
			for _, f := range fieldNames {
				x.Evidence[f] = Evidence{Source: "none: extractor failed"}
			}
		}
	}()
	return extract(in, dir)
}

// extract is Extract without the recover, for tests that want to see panics.
func extract(in Input, dir *Directory) *Extraction {
	if in.Message == nil {
		in.Message = &message.Message{}
	}
	e := newExtractor(in, dir)
	e.run()
	return e.x
}

func newExtractor(in Input, dir *Directory) *extractor {
	e := &extractor{in: in, dir: dir, m: in.Message, x: &Extraction{}, ev: map[string]Evidence{}}
	e.ref = in.Message.Date
	atts := map[*message.Attachment]int{}
	for i, a := range in.Message.Attachments {
		atts[a] = i
	}
	e.top = buildLevels(in.Message, atts, in.Attachments)
	e.orig = pickOriginal(e.top)
	if !e.orig.date.IsZero() {
		e.ref = e.orig.date
	}
	e.rank()
	e.hdr = e.headers()
	return e
}

// msgHeaders are the header fields of the original message.
type msgHeaders struct {
	from, to, cc []message.Address
	subject      string
	source       string // "header", or where a pasted header block was found
}

// headers returns the original message's From/To/Cc/Subject: those of the original level,
// or of a forwarded mail's header block pasted into its text (a forward that mail's reader
// could not split off).
func (e *extractor) headers() *msgHeaders {
	for _, s := range e.ranked {
		if !e.inOrig(s) || len(s.block.headers) == 0 {
			continue
		}
		h := s.block.headers[0]
		return &msgHeaders{from: looseAddrs(h.from), to: looseAddrs(h.to), cc: looseAddrs(h.cc), subject: h.subject,
			source: where(s, h.line, "") + " (forwarded header block)"}
	}
	return &msgHeaders{from: e.orig.from, to: e.orig.to, cc: e.orig.cc, subject: e.orig.subject, source: "header"}
}

var reLooseAddr = regexp.MustCompile(`(?:"?([^"<>,;]*?)"?\s*<\s*)?([A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})\s*>?`)

// looseAddrs reads the addresses of a header value written by hand or by a mail client
// ("Name <a@b>, c@d; "Other, Name" <e@f>").
func looseAddrs(v string) []message.Address {
	var out []message.Address
	for _, m := range reLooseAddr.FindAllStringSubmatch(v, -1) {
		out = append(out, message.Address{Name: strings.TrimSpace(m[1]), Address: strings.ToLower(m[2])})
	}
	return out
}

// rank orders the sources: the original's documents by statement structure (an attachment
// before the body on a tie: the statement document over the cover mail), then the other
// levels nearest the original first.
func (e *extractor) rank() {
	type cand struct {
		s    *source
		tier int
		dist int
	}
	var cs []cand
	reply := reReSubject.MatchString(e.top.subject) && !reFwdSubject.MatchString(e.top.subject)
	for _, l := range allLevels(e.top) {
		dist := levelDistance(l, e.orig)
		if dist >= 10 || reply && l != e.orig && e.quotedLevel(l) {
			continue // neither the original nor a forward around it: a quoted earlier mail
		}
		for _, s := range l.sources {
			if s.kind == srcQuoted {
				continue
			}
			tier := 1
			if e.inOrig(s) {
				tier = 0
			}
			cs = append(cs, cand{s, tier, dist})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.tier != b.tier {
			return a.tier < b.tier
		}
		if a.tier == 1 && a.dist != b.dist {
			return a.dist < b.dist
		}
		if a.s.score != b.s.score {
			return a.s.score > b.s.score
		}
		return a.s.kind == srcAttachment && b.s.kind != srcAttachment
	})
	for i, c := range cs {
		c.s.prio = i
		e.ranked = append(e.ranked, c.s)
	}
	if len(e.ranked) > 0 {
		e.best = e.ranked[0]
		e.fam = e.best.fam
		if e.fam == famUnknown {
			for _, s := range e.ranked {
				if s.fam != famUnknown {
					e.fam = s.fam
					break
				}
			}
		}
	}
}

func levelDistance(a, b *level) int {
	d := 0
	for x := a; x != nil; x = x.parent {
		if x == b {
			return d
		}
		d++
	}
	d = 0
	for x := b; x != nil; x = x.parent {
		if x == a {
			return d
		}
		d++
	}
	return 10
}

func (e *extractor) run() {
	x := e.x
	x.Attachments = attachmentInfos(e.in)
	x.DeliveredTo = strp(deliveredTo(e.in))
	e.setEv("delivered_to", deliveredToEvidence(e.in))
	e.setEv("attachments", Evidence{Confidence: 0.99, Source: "MIME tree", Raw: fmt.Sprintf("%d attachment(s)", len(x.Attachments))})
	for i, t := range e.in.Attachments {
		if t.Err != nil && i < len(x.Attachments) {
			e.warn("attachment %s: no text: %v", x.Attachments[i].Filename, t.Err)
		}
	}

	e.signals = e.scoreSignals()
	x.IsLiaison = e.signals.isLiaison
	e.setEv("is_liaison", Evidence{Confidence: e.signals.certainty, Source: "signals", Raw: e.signals.summary})
	if !x.IsLiaison {
		e.emptyFields("not a liaison statement")
		x.Confidence = round2(e.signals.certainty)
		e.finish()
		return
	}

	e.extractTitle()
	e.extractFrom()
	e.extractTo()
	e.extractIdentifiers()
	e.extractDeadline()
	e.extractPurpose()
	e.extractResponseTo()
	e.extractAddresses()
	e.route()
	e.markStatementAttachment()
	x.Confidence = e.overallConfidence()
	e.otherStatements()
	e.finish()
}

// statementFields are the fields whose source tells which document is the statement.
var statementFields = []string{FieldTitle, FieldFrom, FieldTo, FieldPurpose, FieldDeadline, FieldInResponseTo}

// markStatementAttachment marks the attachment that is the statement: the one that most of
// statementFields were read from, at least two of them (a title alone may be a cover
// mail's subject repeated in an annex). The "attachments" evidence names it.
func (e *extractor) markStatementAttachment() {
	best, most := -1, 1
	for _, s := range e.ranked {
		if s.kind != srcAttachment || s.attIdx < 0 || s.attIdx >= len(e.x.Attachments) {
			continue
		}
		n := 0
		for _, f := range statementFields {
			if src := e.ev[f].Source; src == s.name || strings.HasPrefix(src, s.name+",") {
				n++
			}
		}
		if n > most {
			best, most = s.attIdx, n
		}
	}
	if best < 0 {
		return
	}
	e.x.Attachments[best].Statement = true
	ev := e.ev["attachments"]
	ev.Raw += "; the statement is " + e.x.Attachments[best].Filename
	e.ev["attachments"] = ev
}

// otherStatements notices a mail that carries several statements (attachments that each
// have a statement's label block and titles of their own): the first is extracted, the
// others are named in a warning and in the attachments evidence, and the extraction is left
// to a person (confidence at most 0.5), who records each one.
func (e *extractor) otherStatements() {
	type stmt struct{ title, file string }
	var found []stmt
	for _, s := range e.ranked {
		if s.kind != srcAttachment || s.score < 4 || s.attIdx < 0 || s.attIdx >= len(e.x.Attachments) {
			continue
		}
		fs := fieldsByKey(s.block.fields, kTitle)
		if len(fs) == 0 {
			continue
		}
		t := cleanTitle(fs[0].value)
		dup := t == ""
		for _, f := range found {
			dup = dup || sameTitle(f.title, t)
		}
		if !dup {
			found = append(found, stmt{t, e.x.Attachments[s.attIdx].Filename})
		}
	}
	if len(found) < 2 {
		return
	}
	var names []string
	for _, f := range found {
		names = append(names, fmt.Sprintf("%q (%s)", f.title, f.file))
	}
	e.warn("the mail carries %d statements: %s; the first is extracted, the others need records of their own", len(found), strings.Join(names, ", "))
	ev := e.ev["attachments"]
	ev.Raw += fmt.Sprintf("; %d statements: %s", len(found), strings.Join(names, ", "))
	e.ev["attachments"] = ev
	e.x.Confidence = min(e.x.Confidence, 0.5)
}

func (e *extractor) finish() {
	e.x.Evidence = e.ev
	for _, f := range fieldNames {
		if _, ok := e.ev[f]; !ok {
			e.ev[f] = Evidence{Confidence: 0.2, Source: "not found"}
		}
	}
	e.x.Warnings = append(e.x.Warnings, e.warnings...)
	if e.orig != e.top && e.x.IsLiaison {
		e.x.Warnings = append(e.x.Warnings, "statement read from the "+e.orig.name+" (the original), not the forwarding mail")
	}
	e.x.normalize()
}

// emptyFields fills the evidence of a non-statement: nothing is extracted.
func (e *extractor) emptyFields(why string) {
	for _, f := range fieldNames {
		if _, ok := e.ev[f]; !ok {
			e.ev[f] = Evidence{Confidence: 0, Source: "not extracted: " + why}
		}
	}
}

func (e *extractor) setEv(field string, ev Evidence) {
	ev.Confidence = round2(clamp01(ev.Confidence))
	if utf8.RuneCountInString(ev.Raw) > 300 {
		ev.Raw = string([]rune(ev.Raw)[:300]) + "…"
	}
	e.ev[field] = ev
}

func (e *extractor) warn(format string, args ...any) {
	e.warnings = append(e.warnings, fmt.Sprintf(format, args...))
}

// where names a place in a source for evidence: "attachment X.docx, line 5 'Title:'".
func where(s *source, line int, label string) string {
	w := s.name
	if line >= 0 {
		kind := "line"
		if line < len(s.lines) && strings.Contains(s.lines[line], "\t") && s.kind == srcAttachment {
			kind = "table row"
		}
		w += fmt.Sprintf(", %s %d", kind, line+1)
	}
	if label != "" {
		w += " '" + label + ":'"
	}
	return w
}

// attachmentInfos lists the message's attachments for the contract.
func attachmentInfos(in Input) []AttachmentInfo {
	out := make([]AttachmentInfo, 0, len(in.Message.Attachments))
	for i, a := range in.Message.Attachments {
		info := AttachmentInfo{Filename: a.Filename, ContentType: a.ContentType, Size: a.Size, SHA256: a.SHA256}
		if i < len(in.Attachments) && in.Attachments[i].Err == nil {
			info.TextChars = utf8.RuneCountInString(in.Attachments[i].Text)
		}
		out = append(out, info)
	}
	return out
}

// deliveredTo is the envelope recipient, else the outer Delivered-To, else X-Original-To.
func deliveredTo(in Input) string {
	if r := strings.ToLower(strings.TrimSpace(strings.Trim(in.Rcpt, "<> "))); r != "" {
		return r
	}
	if len(in.Message.DeliveredTo) > 0 {
		return strings.ToLower(in.Message.DeliveredTo[0])
	}
	if len(in.Message.XOriginalTo) > 0 {
		return strings.ToLower(in.Message.XOriginalTo[0])
	}
	return ""
}

func deliveredToEvidence(in Input) Evidence {
	switch {
	case strings.TrimSpace(in.Rcpt) != "":
		return Evidence{Confidence: 1, Source: "envelope recipient", Raw: in.Rcpt}
	case len(in.Message.DeliveredTo) > 0:
		return Evidence{Confidence: 0.95, Source: "header Delivered-To", Raw: in.Message.DeliveredTo[0]}
	case len(in.Message.XOriginalTo) > 0:
		return Evidence{Confidence: 0.9, Source: "header X-Original-To", Raw: in.Message.XOriginalTo[0]}
	}
	return Evidence{Confidence: 0.3, Source: "unknown: no envelope recipient and no Delivered-To header"}
}

func clamp01(f float64) float64 {
	if f < 0 {
		return 0
	}
	if f > 1 {
		return 1
	}
	return f
}

func round2(f float64) float64 {
	return float64(int(f*100+0.5)) / 100
}

// inOrig reports whether a source belongs to the original statement: the original level's
// own texts, and, when the original is a forward pasted inline, the files attached to the
// forwarding mail (mail clients carry a forwarded message's attachments that way).
func (e *extractor) inOrig(s *source) bool {
	if s.lvl == e.orig {
		return true
	}
	return s.kind == srcAttachment && e.orig.fwd != nil && s.lvl == e.orig.parent
}
