package classify

import (
	netmail "net/mail"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/liaisond/liaisond/message"
)

// Sources. A statement's text can be in the mail body, in an attachment, in a forwarded
// original (a message/rfc822 part or a forward pasted inline), or in several of these at
// once. Every such text becomes a source, tagged with the message level it belongs to (whose
// From/To/Cc headers are "the original message's" when that level is the original), and
// scored for how much statement structure it holds.

// level is one message: the top-level mail, a nested message/rfc822, or an inline forward.
type level struct {
	msg      *message.Message       // nil for an inline forward
	fwd      *message.InlineForward // set for an inline forward
	parent   *level
	depth    int
	name     string // for evidence: "", "forwarded message", "inline forward"
	from     []message.Address
	to       []message.Address
	cc       []message.Address
	subject  string
	date     time.Time
	sources  []*source
	children []*level
	quoted   string // quoted reply text ("> ") of this level's body, markers removed
}

type srcKind int

const (
	srcBody srcKind = iota
	srcAttachment
	srcQuoted
)

// source is one text that may hold the statement.
type source struct {
	name   string // for evidence: "body", "attachment C4-2601422.docx"
	kind   srcKind
	lvl    *level
	text   string
	lines  []string
	block  blockInfo
	fam    family
	score  float64 // statement structure found in it
	start  int     // first line of the statement (lines above are a cover note)
	attIdx int     // index in Message.Attachments, or -1
	prio   int     // order of preference among sources with fields (lower first)

	deadlines *[]deadlineCand // proseDeadlines, computed once
}

var (
	reFwdSubject = regexp.MustCompile(`(?i)^\s*(?:\[[^\]]{1,40}\]\s*)*(?:fwd?|fw|wg|tr|rv|enc|vs|vb|doorst|i)\s*(?:\[\d+\])?\s*:`)
	reReSubject  = regexp.MustCompile(`(?i)^\s*(?:\[[^\]]{1,40}\]\s*)*(?:re|aw|sv|antw|odp|res|r|回复|答复|返信)\s*(?:\[\d+\])?\s*[:：]`)
	reFwdMarker  = regexp.MustCompile(`(?i)^\s*-{2,}\s*(?:forwarded message|original message|weitergeleitete nachricht|message transféré|message d'origine|ursprüngliche nachricht|mensaje original|mensaje reenviado)\s*-{2,}\s*$|^\s*begin forwarded message:\s*$`)
)

// buildLevels builds the level tree of a message, with its sources.
func buildLevels(m *message.Message, atts map[*message.Attachment]int, texts []AttachmentText) *level {
	top := &level{msg: m, from: m.From, to: m.To, cc: m.Cc, subject: m.Subject, date: m.Date}
	addLevelSources(top, atts, texts)
	return top
}

func addLevelSources(l *level, atts map[*message.Attachment]int, texts []AttachmentText) {
	m := l.msg
	text := m.Text()
	own := text
	if len(m.InlineForwards) > 0 {
		own, _ = splitAtForward(text) // the forwards become levels of their own below
	}
	unq := message.RemoveQuoted(own)
	l.quoted = quotedPart(own)
	bodyName := "body"
	if l.name != "" {
		bodyName = l.name + " body"
	}
	body := newSource(bodyName, srcBody, l, unq, -1)
	l.sources = append(l.sources, body)
	if strings.TrimSpace(l.quoted) != "" {
		q := newSource(bodyName+" (quoted)", srcQuoted, l, l.quoted, -1)
		if reFwdSubject.MatchString(l.subject) && !reReSubject.MatchString(l.subject) && body.score < 2.5 && q.score >= 2.5 {
			// a forward written as a quote ("> "): the quoted text is the forwarded statement
			q.kind, q.name = srcBody, bodyName+" (forwarded as a quote)"
		}
		l.sources = append(l.sources, q)
	}
	// the level's own attachments: not those of its nested messages
	inner := map[*message.Attachment]bool{}
	for _, n := range m.Nested {
		for _, a := range n.Attachments {
			inner[a] = true
		}
	}
	for _, a := range m.Attachments {
		if inner[a] {
			continue
		}
		i, ok := atts[a]
		if !ok || i >= len(texts) || texts[i].Err != nil || strings.TrimSpace(texts[i].Text) == "" {
			continue
		}
		name := "attachment " + a.Filename
		if l.name != "" {
			name = l.name + " " + name
		}
		l.sources = append(l.sources, newSource(name, srcAttachment, l, texts[i].Text, i))
	}
	// inline forwards of this level's bodies
	for i := range m.InlineForwards {
		f := &m.InlineForwards[i]
		c := &level{fwd: f, parent: l, depth: l.depth + 1, name: "inline forward", from: f.From, to: f.To, cc: f.Cc, subject: f.Subject}
		c.date = looseDate(f.Date)
		if len(m.InlineForwards) > 1 {
			c.name += " " + strconv.Itoa(i+1)
		}
		ftext := message.RemoveQuoted(f.Text)
		c.sources = append(c.sources, newSource(c.name+" body", srcBody, c, ftext, -1))
		l.children = append(l.children, c)
	}
	if m.Report != nil {
		return // a bounce's returned message is not a forwarded original
	}
	for i, n := range m.Nested {
		c := &level{msg: n, parent: l, depth: l.depth + 1, name: "forwarded message", from: n.From, to: n.To, cc: n.Cc, subject: n.Subject, date: n.Date}
		if len(m.Nested) > 1 {
			c.name += " " + strconv.Itoa(i+1)
		}
		addLevelSources(c, atts, texts)
		l.children = append(l.children, c)
	}
}

// looseDate reads the date of an inline forward's header ("Tue, 3 Feb 2026 at 17:42").
func looseDate(s string) time.Time {
	if t, err := netmail.ParseDate(s); err == nil {
		return t
	}
	for _, d := range findDates(s, time.Time{}) {
		if d.kind == dateExact && !d.rng {
			return d.d.time()
		}
	}
	return time.Time{}
}

// splitAtForward cuts a body text at its first inline-forward marker (or Outlook header
// block): what the sender wrote, and the rest.
func splitAtForward(text string) (own, rest string) {
	lines := strings.Split(text, "\n")
	for i, ln := range lines {
		if message.QuoteDepth(ln) > 0 {
			continue
		}
		if reFwdMarker.MatchString(ln) || outlookBlockAt(lines, i) {
			return strings.Join(lines[:i], "\n"), strings.Join(lines[i:], "\n")
		}
	}
	return text, ""
}

var reHeaderLine = regexp.MustCompile(`(?i)^\s*\*?(from|sent|date|to|cc|subject|von|gesendet|an|betreff|de|envoyé|à|objet)\s*\*?\s*:`)

// outlookBlockAt reports whether an Outlook-style quoted header (From:, Sent:, To:,
// Subject: without a marker line) starts at line i.
func outlookBlockAt(lines []string, i int) bool {
	m := reHeaderLine.FindStringSubmatch(lines[i])
	if m == nil || !(strings.EqualFold(m[1], "from") || strings.EqualFold(m[1], "von") || strings.EqualFold(m[1], "de")) {
		return false
	}
	seen := map[string]bool{}
	for j := i + 1; j < len(lines) && j < i+8; j++ {
		h := reHeaderLine.FindStringSubmatch(lines[j])
		if h == nil {
			break
		}
		seen[strings.ToLower(h[1])] = true
	}
	return (seen["sent"] || seen["gesendet"] || seen["envoyé"] || seen["date"]) && (seen["subject"] || seen["betreff"] || seen["objet"])
}

// quotedPart returns the quoted lines of a text with their quote markers removed.
func quotedPart(text string) string {
	var b strings.Builder
	for _, ln := range strings.Split(text, "\n") {
		if message.QuoteDepth(ln) == 0 {
			continue
		}
		t := strings.TrimLeft(ln, " \t")
		for strings.HasPrefix(t, ">") {
			t = strings.TrimPrefix(t, ">")
			t = strings.TrimPrefix(t, " ")
		}
		b.WriteString(t)
		b.WriteByte('\n')
	}
	return b.String()
}

func newSource(name string, kind srcKind, l *level, text string, att int) *source {
	text = normalizeText(text)
	if kind != srcAttachment {
		text = stripListFooter(text)
	}
	s := &source{name: name, kind: kind, lvl: l, text: text, attIdx: att}
	s.lines = strings.Split(text, "\n")
	s.block = parseBlock(s.lines)
	s.fam = detectFamily(text)
	s.score = structureScore(s)
	s.start = statementStart(s)
	return s
}

// reListFooter is the footer a mailing list appends (Mailman: a rule, "<list> mailing
// list", its address and listinfo page): the list's, not the statement's.
var reListFooter = regexp.MustCompile(`(?m)^_{20,}[ \t]*\n[^\n]{0,80}\bmailing list[ \t]*\n(?:[^\n]*\n?){0,4}\z`)

// stripListFooter removes a mailing list's footer from the end of a mail text.
func stripListFooter(t string) string {
	if loc := reListFooter.FindStringIndex(t); loc != nil {
		return t[:loc[0]]
	}
	return t
}

// normalizeText makes a text uniform for the readers: LF line ends, no NUL, no BOM, no
// non-breaking spaces, bounded size.
func normalizeText(t string) string {
	const maxText = 256 << 10 // statements are short; the metadata is near the top
	if len(t) > maxText {
		t = t[:maxText]
	}
	t = strings.ReplaceAll(t, "\r\n", "\n")
	t = strings.ReplaceAll(t, "\r", "\n")
	if !isASCII(t) {
		t = strings.NewReplacer("\u00a0", " ", "\ufeff", "", "\u200b", "", "\u2028", "\n", "\u2029", "\n", "\x00", "").Replace(t)
	}
	return splitFlatHeaders(unspaceBanners(t))
}

// reFlatLabel is a header label inside a line that conversion flattened ("To: IETF From:
// ITU-T SG15 Cc: MEF For Action Subject: ..."): capitalised, after a space.
var (
	reFlatLabel   = regexp.MustCompile(`(?:^|\s)(Response to|In response to|Send any reply LS to|Contact Person|Contact|Title|Subject|Source|From|To|Cc|CC|Date|Purpose|Deadline|Release|Work Item|For action to|For information to|For comment to|E-mail):`)
	reFlatPurpose = regexp.MustCompile(`\s+(For (?:Action|Information|Comment|action|information|comment))\s*$`)
)

// splitFlatHeaders puts back the line breaks of a header block that conversion joined into
// one line: a line that starts with a header label and holds at least three becomes one
// line per label, and a bare "For Action" between them a Purpose line. Other lines are
// left alone.
func splitFlatHeaders(t string) string {
	if !strings.Contains(t, ": ") {
		return t
	}
	lines := strings.Split(t, "\n")
	changed := false
	for i, ln := range lines {
		if len(ln) < 40 || strings.Contains(ln, "\t") {
			continue
		}
		locs := reFlatLabel.FindAllStringSubmatchIndex(ln, -1)
		if len(locs) < 3 || strings.TrimSpace(ln[:locs[0][2]]) != "" {
			continue
		}
		var parts []string
		for k, l := range locs {
			end := len(ln)
			if k+1 < len(locs) {
				end = locs[k+1][0]
			}
			seg := strings.TrimSpace(ln[l[2]:end])
			if m := reFlatPurpose.FindStringSubmatchIndex(seg); m != nil && !strings.HasPrefix(seg, "Purpose") {
				parts = append(parts, strings.TrimSpace(seg[:m[0]]), "Purpose: "+seg[m[2]:m[3]])
				continue
			}
			parts = append(parts, seg)
		}
		lines[i] = strings.Join(parts, "\n")
		changed = true
	}
	if !changed {
		return t
	}
	return strings.Join(lines, "\n")
}

// spacedBanners are the banners of statement templates by their letters alone: a PDF set
// in small capitals comes out spaced at the size changes ("L IA ISON S TATEMENT").
var spacedBanners = map[string]string{}

func init() {
	for _, b := range []string{"LIAISON STATEMENT", "LIAISON LETTER", "OUTGOING LIAISON STATEMENT", "INCOMING LIAISON STATEMENT",
		"REPLY LIAISON STATEMENT", "INTERNATIONAL TELECOMMUNICATION UNION", "TELECOMMUNICATION STANDARDIZATION SECTOR"} {
		spacedBanners[strings.ReplaceAll(b, " ", "")] = b
	}
}

// unspaceBanners rewrites banner lines spaced out letter by letter or at small-capital
// breaks to their usual spelling, in place (line numbers do not change). Only lines of
// capitals and spaces with a one- or two-letter piece are looked at.
func unspaceBanners(t string) string {
	var b strings.Builder
	rest, done := t, 0
	for rest != "" {
		line, next, _ := strings.Cut(rest, "\n")
		start := len(t) - len(rest)
		rest = next
		if c, ok := spacedBanner(line); ok {
			b.WriteString(t[done:start])
			b.WriteString(c)
			done = start + len(line)
		}
	}
	if done == 0 {
		return t
	}
	b.WriteString(t[done:])
	return b.String()
}

func spacedBanner(line string) (string, bool) {
	trim := strings.TrimSpace(line)
	if len(trim) < 10 || len(trim) > 80 {
		return "", false
	}
	short := false
	for _, w := range strings.Fields(trim) {
		for i := 0; i < len(w); i++ {
			if w[i] < 'A' || w[i] > 'Z' {
				return "", false
			}
		}
		short = short || len(w) <= 2
	}
	if !short {
		return "", false
	}
	c, ok := spacedBanners[strings.Join(strings.Fields(trim), "")]
	return c, ok
}

// structureScore measures how much of a statement's label block a source holds.
func structureScore(s *source) float64 {
	seen := map[fkey]bool{}
	for _, f := range s.block.fields {
		k := f.key
		switch k {
		case kActionTo, kCommentTo, kInfoTo:
			k = kTo
		case kRespContact:
			k = kContact
		case kOther, kMeta, kDate, kMeeting, kBody, kAttachments:
			continue
		}
		if strings.TrimSpace(f.value) == "" && k != kResponseTo && k != kContact {
			continue
		}
		seen[k] = true
	}
	score := 0.0
	for k := range seen {
		switch k {
		case kTitle, kTo, kFrom:
			score += 1.5
		default:
			score += 1
		}
	}
	if reLSHeading.MatchString(s.text) {
		score++
	}
	return score
}

var reLSHeading = regexp.MustCompile(`(?m)^\s*(?:LIAISON STATEMENT|Liaison Statement|LIAISON LETTER|OUTGOING LIAISON STATEMENT|INCOMING LIAISON STATEMENT)\b`)

// statementStart finds the first line of the statement in a source: above it is a cover
// note ("Please find below the LS ...").
func statementStart(s *source) int {
	first := -1
	for _, f := range s.block.fields {
		switch f.key {
		case kTitle, kFrom, kTo, kActionTo, kInfoTo, kCommentTo, kPurpose, kDeadline, kResponseTo, kRef:
			first = f.line
		}
		if first >= 0 {
			break
		}
	}
	if first < 0 {
		return 0
	}
	for i := first - 1; i >= 0 && i >= first-8; i-- {
		t := strings.TrimSpace(s.lines[i])
		if reSeparator.MatchString(t) {
			return i + 1
		}
		if reDocHeader.MatchString(t) {
			first = i
		}
	}
	return first
}

var (
	reSeparator = regexp.MustCompile(`^[=\-_*~#]{5,}$`)
	reDocHeader = regexp.MustCompile(`(?i)^(?:3GPP\s+TSG|ETSI\s+\S+.*Meeting|INTERNATIONAL TELECOMMUNICATION UNION|ISO/IEC JTC|O-RAN ALLIANCE|Broadband Forum|MEF |IEEE 802|LIAISE-\d+)`)
)

var famPatterns = []struct {
	f  family
	re *regexp.Regexp
}{
	{famDatatracker, regexp.MustCompile(`(?i)URL of the IETF Web page|Liaison Statement Management Tool|^Submission Date:`)},
	{fam3GPP, regexp.MustCompile(`(?m)^\s*3GPP\s+TSG|Send any reply LS to|\b3GPP Liaisons? Coordinator`)},
	{famITU, regexp.MustCompile(`INTERNATIONAL TELECOMMUNICATION UNION|TELECOMMUNICATION STANDARDIZATION SECTOR|(?i)For action to\s*:|STUDY PERIOD \d{4}`)},
	{famJTC1, regexp.MustCompile(`ISO/IEC JTC ?1`)},
	{famETSI, regexp.MustCompile(`\bETSI\b`)},
	{famORAN, regexp.MustCompile(`\bO-RAN\b`)},
	{famIEEE, regexp.MustCompile(`\bIEEE 802`)},
	{famBBF, regexp.MustCompile(`Broadband Forum|\bLIAISE-\d`)},
	{famMEF, regexp.MustCompile(`\bMEF\b`)},
	{famW3C, regexp.MustCompile(`\bW3C\b`)},
	{fam3GPP, regexp.MustCompile(`\b3GPP\b`)},
	{famITU, regexp.MustCompile(`\bITU-T\b`)},
}

// detectFamily guesses the statement family from the first part of a text.
func detectFamily(text string) family {
	head := text
	if len(head) > 4000 {
		head = head[:4000]
	}
	for _, p := range famPatterns {
		if p.re.MatchString(head) {
			return p.f
		}
	}
	return famUnknown
}

// allLevels lists the levels of the tree, top first, depth-first.
func allLevels(top *level) []*level {
	out := []*level{top}
	for _, c := range top.children {
		out = append(out, allLevels(c)...)
	}
	return out
}

// levelScore is the best structure score of a level's own sources (quoted text aside).
func levelScore(l *level) float64 {
	best := 0.0
	for _, s := range l.sources {
		if s.kind != srcQuoted && s.score > best {
			best = s.score
		}
	}
	return best
}

// pickOriginal chooses the level that holds the statement: the forwarded original over the
// forward when it has the statement (or when the mail is a plain forward), the top level
// otherwise. A reply's quoted header blocks are not originals.
func pickOriginal(top *level) *level {
	if top.msg != nil && top.msg.Report != nil {
		return top
	}
	reply := reReSubject.MatchString(top.subject) && !reFwdSubject.MatchString(top.subject)
	fwd := reFwdSubject.MatchString(top.subject) || isForwardNote(top)
	topScore := levelScore(top)
	if topScore >= 4 && !fwd || reply && topScore >= 2.5 {
		// the mail is itself the statement; an attached or quoted message is an earlier one
		return top
	}
	best, bestScore := top, topScore
	for _, l := range allLevels(top)[1:] {
		if reply && l.fwd != nil && l.parent == top {
			continue
		}
		// the original wins ties (a forwarder's note repeats parts of the statement), and
		// any structure in a forwarded original beats a forward's note
		if sc := levelScore(l); sc > 0 && (sc >= bestScore || fwd && best == top) {
			best, bestScore = l, sc
		}
	}
	if best == top && fwd {
		// a forward of a prose statement: the forwarded text is the statement
		for _, l := range top.children {
			if !(reply && l.fwd != nil) {
				return l
			}
		}
	}
	return best
}

var reForwardNote = regexp.MustCompile(`(?i)\bforward(?:ed|ing)?\b|\bfyi\b|\bsee (?:below|attached)\b|\bfor the record\b|\bpassing (?:this |it )?on\b|\bweitergeleitet\b`)

// isForwardNote reports whether the top-level text is only a forwarder's note.
func isForwardNote(top *level) bool {
	if len(top.children) == 0 {
		return false
	}
	body := ""
	for _, s := range top.sources {
		if s.kind == srcBody {
			body = s.text
		}
	}
	return len(strings.TrimSpace(body)) < 800 && reForwardNote.MatchString(body)
}
