package classify

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Label blocks. Almost every statement family carries its metadata as "Label: value" lines:
// 3GPP and ETSI paragraphs (label, tabs or spaces, value), ITU-T Word tables (converted to
// TAB-separated rows, often two label/value pairs per row), the Datatracker mail, IEEE/BBF/MEF
// letter headers, JTC 1 cover sheets, bilingual CJK blocks ("回答期限（Deadline）：..."). The
// reader here is generic: it splits a line into cells, recognises a label cell by its colon
// (or, in a TAB row, by being a known label), maps known labels to field keys, and joins the
// continuation lines of a wrapped value. Unknown labels are kept too: they end the value
// before them and let an unseen family still yield its fields.

// fkey is the meaning of a label.
type fkey string

const (
	kTitle       fkey = "title"
	kFrom        fkey = "from"
	kTo          fkey = "to"
	kActionTo    fkey = "action_to"
	kCommentTo   fkey = "comment_to"
	kInfoTo      fkey = "info_to"
	kCc          fkey = "cc"
	kPurpose     fkey = "purpose"
	kDeadline    fkey = "deadline"
	kContact     fkey = "contact"      // contact person, name, e-mail, technical contact, editor
	kRespContact fkey = "resp_contact" // Datatracker "Response Contact": reply address and a contact
	kReplyTo     fkey = "reply_to"     // "Send any reply LS to"
	kSendTo      fkey = "send_to"
	kResponseTo  fkey = "response_to"
	kRef         fkey = "reference" // the statement's own number
	kDate        fkey = "date"      // document, submission, approval dates
	kMeeting     fkey = "meeting"
	kAttachments fkey = "attachments"
	kAction      fkey = "action"      // 3GPP "ACTION:" line
	kBody        fkey = "body"        // Datatracker "Body:"
	kMeta        fkey = "meta"        // known but not used: release, work item, question, ...
	kMailHeader  fkey = "mail_header" // a line of a forwarded mail's header block (From:, Sent:, Subject:)
	kOther       fkey = ""            // an unknown label
)

// labelKeys maps normalised labels (see normLabel) to keys.
var labelKeys = map[string]fkey{}

func init() {
	add := func(k fkey, labels ...string) {
		for _, l := range labels {
			labelKeys[l] = k
		}
	}
	add(kTitle, "title", "ls title", "title of ls", "title of liaison", "title of the liaison", "liaison title",
		"document title", "subject", "title of document", "title of the ls", "statement title", "liaison statement title",
		"name of ls", "topic")
	add(kFrom, "from", "source", "sender", "originator", "originating body", "originating organization",
		"originating organisation", "from group", "from groups", "sending body", "sending organization",
		"sending organisation", "source group", "from body", "submitted by", "issued by", "from sdo", "sending group")
	add(kTo, "to", "addressee", "addressees", "to group", "to groups", "destination", "recipient", "recipients",
		"to body", "to bodies", "sent to", "to sdo", "receiving body", "receiving group", "addressed to")
	add(kActionTo, "for action to", "for action", "action to", "to for action", "for action by")
	add(kCommentTo, "for comment to", "for comments to", "for comment", "for review to", "for review and comment to",
		"comment to")
	add(kInfoTo, "for information to", "for info to", "for information", "information to", "to for information",
		"for info")
	add(kCc, "cc", "copy", "copy to", "copies to", "copies", "c.c", "cc to", "copy for information")
	add(kPurpose, "purpose", "for", "document for", "expected action", "action requested", "requested action",
		"type of request", "purpose of ls", "purpose of the ls", "purpose of liaison", "status", "action required",
		"category", "ls purpose", "liaison purpose", "nature", "request")
	add(kDeadline, "deadline", "reply by", "reply deadline", "response deadline", "deadline for reply",
		"deadline for response", "deadline for replies", "deadline for comments", "action due date", "due date",
		"requested response date", "response date", "date for response", "respond by", "reply date",
		"comments due", "comments due by", "expected reply date", "answer by", "deadline date", "date due",
		"response due", "response due date", "reply requested by", "please reply by", "requested reply date",
		"action deadline", "response requested by", "feedback by", "due by", "deadline for action",
		"reply expected by", "response expected by", "response requested", "reply requested", "answer requested",
		"response required by", "reply required by")
	add(kContact, "contact", "contacts", "contact person", "contact persons", "contact name", "name", "e-mail",
		"email", "e-mail address", "email address", "e-mail addresses", "mail", "tel", "tel.", "telephone",
		"tel. number", "tel number", "phone", "fax", "mobile", "technical contact", "technical contacts",
		"editor", "editors", "project editor", "rapporteur", "rapporteurs", "chair", "co-chair", "co-chairs",
		"secretary", "email of secretary", "e-mail of secretary", "secretariat", "contact details", "author",
		"authors", "liaison officer", "contact information", "contact info", "contacts for this ls",
		"from contact", "from contacts", "sender contact", "point of contact", "contact point", "convenor",
		"technical officer", "organization", "organisation", "country", "tsb contact", "staff contact",
		"e-mail contact", "liaison contact", "focal point")
	add(kRespContact, "response contact", "response contacts", "reponse contact", "from-liaison-contact",
		"from liaison contact")
	add(kReplyTo, "send any reply ls to", "send any reply to", "send reply to", "send replies to", "send any response to",
		"send reply ls to", "reply to", "replies to", "please send replies to", "please send any reply to",
		"reply address", "send any reply", "send responses to", "send response to", "please reply to",
		"response address", "send any replies to", "reply ls to", "return address", "send your reply to")
	add(kSendTo, "send to", "to-liaison-contact", "to liaison contact", "intake address")
	add(kResponseTo, "response to", "in response to", "in reply to", "referenced liaison", "referenced liaisons",
		"reference ls", "your ref", "your reference", "answer to", "responding to", "reply to ls", "in answer to",
		"ref", "ref.", "referenced ls", "previous ls", "related ls", "response to ls", "reply ls to", "in reply to ls")
	add(kRef, "reference", "our ref", "our reference", "ref no", "ref. no", "reference number", "document",
		"document number", "document no", "doc", "doc no", "doc. no", "tdoc", "tdoc number", "ls number", "ls no",
		"liaison number", "liaison reference", "ls reference", "identifier", "document id", "doc id", "ls id",
		"liaison id", "number", "document reference", "our document", "td", "document ref", "ls ref")
	add(kDate, "date", "submission date", "date of document", "approval", "approved", "date of approval",
		"issue date", "sent", "date of issue", "approval date", "approved at", "approved by", "agreed",
		"submitted date", "date submitted", "document date", "date of submission", "posted")
	add(kMeeting, "meeting", "meeting, date", "meeting date", "venue", "place", "location", "meeting place",
		"place and date", "meeting location")
	add(kAttachments, "attachments", "attachment", "attached documents", "enclosures", "enclosure", "annex",
		"attached")
	add(kAction, "action", "actions", "action item")
	add(kBody, "body")
	// labels of statements and cover sheets written in French, German or Spanish
	add(kTitle, "titre", "objet", "sujet", "betreff", "titel", "asunto", "título", "titulo")
	add(kFrom, "origine", "expéditeur", "absender", "herkunft", "quelle", "origen", "remitente", "fuente")
	add(kTo, "destinataire", "destinataires", "empfänger", "destinatario", "destinatarios")
	add(kDeadline, "délai", "date limite", "échéance", "frist", "antwort bis", "plazo", "fecha límite")
	add(kContact, "personne de contact", "ansprechpartner", "kontakt", "contacto", "persona de contacto")
	// labels written only in Chinese, Japanese or Korean
	add(kTitle, "标题", "题目", "主题", "名称", "タイトル", "表題", "件名", "題名", "제목", "re")
	add(kFrom, "来源", "发自", "发件方", "发文单位", "発信元", "発信者", "提出元", "발신", "발신처", "보낸 곳")
	add(kTo, "致", "收件方", "收文单位", "发往", "宛先", "送付先", "수신", "수신처", "받는 곳")
	add(kCc, "抄送", "抄报", "写し", "참조")
	add(kPurpose, "目的", "用途", "목적")
	add(kDeadline, "回复期限", "答复期限", "截止日期", "回复截止日期", "回答期限", "回答期日", "期限", "회신 기한", "회신기한", "마감일", "기한")
	add(kContact, "联系人", "联系方式", "联系信息", "連絡先", "担当者", "연락처", "담당자")
	add(kReplyTo, "回复地址", "回答送付先", "회신처")
	add(kRef, "文号", "编号", "文件编号", "文書番号", "文書番号", "문서번호", "문서 번호")
	add(kMeta, "release", "work item", "work items", "question", "questions", "study group", "working party",
		"intended type of document", "intended type of document (r-c-td)", "document type", "type",
		"url", "url of the ietf web page", "agenda item", "study period", "original", "language", "priority",
		"wi code", "work item code", "tsg", "wg", "spec", "specification", "status of document",
		"related work item", "related work items", "keywords", "abstract", "summary", "pages", "page",
		"source tdoc", "total pages", "distribution", "private", "security classification")
}

// normLabel lower-cases a label, folds full-width forms, drops markup, "(s)" and trailing
// dots, and collapses spaces.
func normLabel(s string) string {
	s = strings.ToLower(foldWidth(s))
	s = strings.Trim(s, " \t*_#>|")
	s = strings.ReplaceAll(s, "(s)", "")
	s = strings.TrimRight(s, " .")
	return collapseSpaces(s)
}

// keyOf maps a label as written to its key. Bilingual labels ("回答期限（Deadline）",
// "Title / 标题") are read by their Latin part.
func keyOf(label string) (fkey, bool) {
	n := normLabel(label)
	if k, ok := labelKeys[n]; ok {
		return k, true
	}
	if m := reLatinParen.FindStringSubmatch(n); m != nil {
		if k, ok := labelKeys[normLabel(m[1])]; ok {
			return k, true
		}
	}
	if i := strings.IndexAny(n, "(/"); i > 0 {
		if k, ok := labelKeys[normLabel(n[:i])]; ok && hasNonLatin(n[i:]) {
			return k, true
		}
	}
	if strings.HasSuffix(n, " reference") || strings.HasSuffix(n, " ref") || strings.HasSuffix(n, " document number") {
		// "Broadband Forum Reference", "MEF Reference"
		return kRef, true
	}
	// "Liaison from:", "LS to:", "Liaison title:"
	for _, p := range []string{"liaison statement ", "liaison ", "ls "} {
		if strings.HasPrefix(n, p) {
			if k, ok := labelKeys[strings.TrimPrefix(n, p)]; ok && k != kOther {
				return k, true
			}
		}
	}
	if strings.HasPrefix(n, "for action") {
		return kActionTo, true
	}
	if strings.HasPrefix(n, "for information") {
		return kInfoTo, true
	}
	if strings.HasPrefix(n, "send any reply") || strings.HasPrefix(n, "send reply") || strings.HasPrefix(n, "please send") {
		return kReplyTo, true
	}
	if strings.HasPrefix(n, "contact") {
		return kContact, true
	}
	if strings.HasPrefix(n, "deadline") {
		return kDeadline, true
	}
	return kOther, false
}

var reLatinParen = regexp.MustCompile(`\(\s*([a-z][a-z .,/&-]*?)\s*\)`)

func hasNonLatin(s string) bool {
	for _, r := range s {
		if r > 0x2FF && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// field is one labelled value of a source.
type field struct {
	key   fkey
	label string // as written
	value string // continuation lines joined with "\n"
	line  int    // index of the label's line in the source
	last  int    // index of the last line of the value
	row   string // the whole row(s) the field spans, for addresses named beside it
	table bool   // the row came from a table (TAB-separated cells)
}

// labelCell matches "Label: value" at the start of a cell.
var reLabelCell = regexp.MustCompile(`^[\s*_>|#]*([\p{L}][^:：]{0,60}?)[\s*_]*[:：][ \t]*(.*)$`)

// parseLabelCell reads a cell as "Label: value". The label must look like one (a few
// words, starting with a letter, not the scheme of a URL).
func parseLabelCell(cell string) (label, value string, ok bool) {
	m := reLabelCell.FindStringSubmatch(cell)
	if m == nil {
		return "", "", false
	}
	label, value = strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
	if strings.HasPrefix(value, "//") || label == "" {
		return "", "", false
	}
	if len(strings.Fields(label)) > 8 || utf8.RuneCountInString(label) > 60 {
		return "", "", false
	}
	// prose that happens to contain a colon ("He said: ...") has lower-case running words;
	// accept it only as an unknown label, which is harmless
	return label, value, true
}

// splitCells splits a line into cells: at TABs (table rows and tabbed paragraphs) or at
// runs of two or more spaces (plain-text columns).
func splitCells(s string) []string {
	var parts []string
	if strings.Contains(s, "\t") {
		parts = strings.Split(s, "\t")
	} else {
		parts = reColumnGap.Split(s, -1)
	}
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var reColumnGap = regexp.MustCompile(` {2,}| ?\x{3000}+ ?`)

// heading matches a numbered section heading ("1. Overall Description:", "2 Actions",
// "２．依頼事項", "一、背景") or a short all-capitals line ("LIAISON STATEMENT").
var (
	reNumberedHeading = regexp.MustCompile(`^ {0,2}(?:\d{1,2}(?:\.\d{1,2})*[.)]|\d{1,2}(?:\.\d{1,2})+|[A-H]\.|[IVX]{1,4}\.|[一二三四五六七八九十]+[、.．]|[０-９]+[．.、])\s*[\p{L}(]|^ {0,2}\d\s+[A-Z][a-z]+(?:\s+[A-Za-z]+){0,6}:?$`)
	reSalutation      = regexp.MustCompile(`(?i)^\s*(?:(?:dear|hello|hi|to whom it may concern|ladies and gentlemen)\b|尊敬的|拝啓|친애하는)`)
)

func isHeading(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" || utf8.RuneCountInString(t) > 90 {
		return false
	}
	if reNumberedHeading.MatchString(t) {
		return true
	}
	letters, upper := 0, 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 6 && upper == letters && strings.Count(t, " ") >= 1 && !strings.ContainsAny(t, ":@")
}

// reMeetingSection names a section listing future meetings: every date in it is a decoy.
var reMeetingSection = regexp.MustCompile(`(?i)(?:next|upcoming|future|forthcoming|following)\b.{0,40}\bmeetings?|meetings? (?:schedule|calendar|plan)|dates? of (?:the )?next|次回会合|下次会议`)

// blockInfo is what parseBlock learns about a source's lines.
type blockInfo struct {
	fields  []field
	headers []mailHeader // forwarded mail header blocks pasted into the text
	inField []bool       // the line belongs to a field (label or continuation)
	decoy   []bool       // the line is in a next-meetings section
	heading []bool
}

// parseBlock reads every labelled field of the lines.
func parseBlock(lines []string) blockInfo {
	bi := blockInfo{inField: make([]bool, len(lines)), decoy: make([]bool, len(lines)), heading: make([]bool, len(lines))}
	var cur *field // the field whose value continuation lines extend
	contLines := 0
	inDecoy := false
	for i, raw := range lines {
		t := strings.TrimSpace(raw)
		if t == "" {
			cur = nil
			continue
		}
		if isHeading(raw) {
			bi.heading[i] = true
			cur = nil
			inDecoy = reMeetingSection.MatchString(t)
			bi.decoy[i] = inDecoy
			continue
		}
		cells := splitCells(raw)
		tableRow := strings.Contains(raw, "\t")
		indented := raw[0] == ' ' || raw[0] == '\t'
		startsRow := false
		if _, _, ok := parseLabelCell(cells[0]); ok {
			startsRow = true
		} else if tableRow && len(cells) > 1 && raw[0] != '\t' {
			_, startsRow = keyOf(cells[0]) // a known label in a cell without a colon
		}
		if !startsRow && cur != nil && continues(cur, raw, t, indented, tableRow, contLines) {
			if cur.value == "" {
				cur.value = joinCells(cells)
			} else {
				cur.value += "\n" + joinCells(cells)
			}
			cur.row += "\n" + t
			cur.last = i
			bi.inField[i] = true
			bi.decoy[i] = inDecoy
			contLines++
			continue
		}
		if !startsRow {
			cur = nil
			bi.decoy[i] = inDecoy
			continue
		}
		// a label row: one or more fields
		bi.inField[i] = true
		var rowFields []int
		for ci := 0; ci < len(cells); {
			label, value, isCell := parseLabelCell(cells[ci])
			if !isCell {
				if _, known := keyOf(cells[ci]); ci == 0 && tableRow && known {
					label, value = cells[ci], ""
				} else {
					// a value cell after the previous label
					if len(rowFields) > 0 {
						f := &bi.fields[rowFields[len(rowFields)-1]]
						f.value = strings.TrimSpace(f.value + " " + cells[ci])
					}
					ci++
					continue
				}
			}
			k, known := keyOf(label)
			if len(rowFields) > 0 && !known {
				// "Issue 2: 5G ..." inside a value is not a label
				f := &bi.fields[rowFields[len(rowFields)-1]]
				f.value = strings.TrimSpace(f.value + " " + cells[ci])
				ci++
				continue
			}
			if len(rowFields) > 0 && subordinateLabel(label) {
				// "Tel: ... E-mail: ..." beside a Contact: the contact's details
				f := &bi.fields[rowFields[len(rowFields)-1]]
				f.value = strings.TrimSpace(f.value + " " + cells[ci])
				ci++
				continue
			}
			value = strings.TrimLeft(value, "*_ \t")
			bi.fields = append(bi.fields, field{key: k, label: label, value: value, line: i, last: i, row: t, table: tableRow})
			rowFields = append(rowFields, len(bi.fields)-1)
			ci++
		}
		if k := bi.fields[rowFields[0]].key; k == kDate || k == kMeeting {
			bi.decoy[i] = true
		} else if k != kOther {
			inDecoy = false
		}
		if len(rowFields) == 1 && bi.fields[rowFields[0]].key == kOther && reMeetingSection.MatchString(bi.fields[rowFields[0]].label) {
			inDecoy = true
		}
		bi.decoy[i] = bi.decoy[i] || inDecoy
		cur = &bi.fields[rowFields[len(rowFields)-1]]
		contLines = 0
	}
	bi.headers = markMailHeaders(bi.fields)
	for i := range bi.fields {
		if f := &bi.fields[i]; f.key == kResponseTo && isOwnDocRef(f) {
			f.key = kRef
		}
	}
	return bi
}

// reITUDocRef is an ITU-T document's own reference: a TD or contribution number ("TD 1187
// (PLEN/15)", "TD 245 Rev.1 (WP3/13)", "SG2-TD245", "C 12"), a COM document, or the
// "(PLEN/15)", "(WP3/13)", "(GEN/17)" tail that says which meeting it was for.
var reITUDocRef = regexp.MustCompile(`(?i)^(?:TD|COM)\s*\d+\b|^C\s+\d+\b|^SG\d+-TD\s*\d+\b|\((?:PLEN|GEN|WP\s*\d+)/\d+\)`)

// isOwnDocRef reports whether a "Ref.:" field gives the document's own ITU-T reference: in
// the ITU-T header "Ref.:" is where the TD number goes, which answers nothing.
func isOwnDocRef(f *field) bool {
	switch normLabel(f.label) {
	case "ref", "ref.", "reference ls":
		return reITUDocRef.MatchString(strings.TrimSpace(f.value))
	}
	return false
}

// mailHeader is a forwarded mail's header block pasted into a text ("*From:* ...", "Sent:
// ...", "To: ...", "Subject: ..."), which mail's inline-forward reader did not split off.
type mailHeader struct {
	from, to, cc, subject string
	line                  int
}

var reClock = regexp.MustCompile(`\b\d{1,2}:\d{2}\b`)

// markMailHeaders finds runs of header fields (From, Sent/Date, To, Cc, Subject) that are a
// mail's header block rather than a statement's label block: the From names an address,
// and a Sent:, or a Date: with a time of day, says when it was mailed. Their fields are
// re-keyed kMailHeader, so that a forwarded mail's Subject is not taken for the title.
func markMailHeaders(fs []field) []mailHeader {
	var out []mailHeader
	for i := 0; i < len(fs); {
		j := i
		for j < len(fs) && mailHeaderLabel(fs[j].label) != "" && (j == i || fs[j].line <= fs[j-1].last+1) {
			j++
		}
		if j-i >= 3 {
			h := mailHeader{line: fs[i].line}
			sent := false
			for k := i; k < j; k++ {
				v := strings.TrimSpace(strings.ReplaceAll(fs[k].value, "\n", " "))
				switch mailHeaderLabel(fs[k].label) {
				case "from":
					h.from = v
				case "to":
					h.to = v
				case "cc":
					h.cc = v
				case "subject":
					h.subject = v
				case "sent":
					sent = true
				case "date":
					sent = sent || reClock.MatchString(v)
				}
			}
			if sent && h.subject != "" && strings.Contains(h.from, "@") {
				for k := i; k < j; k++ {
					fs[k].key = kMailHeader
				}
				out = append(out, h)
			}
		}
		if j == i {
			j++
		}
		i = j
	}
	return out
}

func mailHeaderLabel(l string) string {
	switch normLabel(l) {
	case "from", "von", "de":
		return "from"
	case "to", "an", "à", "a":
		return "to"
	case "cc":
		return "cc"
	case "subject", "betreff", "objet":
		return "subject"
	case "sent", "gesendet", "envoyé":
		return "sent"
	case "date", "datum":
		return "date"
	}
	return ""
}

// subordinateLabel: labels that detail the field beside or above them (a contact's
// telephone and e-mail) rather than start a new one.
func subordinateLabel(l string) bool {
	switch normLabel(l) {
	case "tel", "tel.", "telephone", "phone", "fax", "e-mail", "email", "mail", "mobile", "e-mail address", "email address", "cell":
		return true
	}
	return false
}

func joinCells(cells []string) string { return strings.Join(cells, " ") }

// continues decides whether line t (raw as written) continues the value of field f.
func continues(f *field, raw, t string, indented, tableRow bool, contLines int) bool {
	if f.key == kBody || f.key == kAction || f.key == kOther && !indented {
		return false
	}
	if reSalutation.MatchString(t) {
		return false
	}
	if tableRow && raw[0] == '\t' {
		return true // an empty first cell: the row continues the label above
	}
	n := utf8.RuneCountInString(t)
	if indented && n <= 120 {
		return contLines < 12
	}
	switch f.key {
	case kTitle, kResponseTo:
		if contLines >= 2 || n > 80 || strings.HasSuffix(t, ".") {
			return false
		}
		// a long line followed by a short one is a wrap, even when the next word is an
		// acronym ("... DetNet YANG" / "Models")
		prev := lastLine(f.value)
		return startsLower(t) || endsOpen(prev) || utf8.RuneCountInString(prev) >= 50 && n <= 60
	case kContact, kRespContact, kTo, kActionTo, kCommentTo, kInfoTo, kCc, kFrom, kReplyTo, kSendTo:
		if contLines >= 8 {
			return false
		}
		if strings.Contains(t, "@") && n <= 140 {
			return true
		}
		if n > 90 || (n > 60 && strings.HasSuffix(t, ".")) || strings.HasPrefix(t, "(") {
			return false
		}
		return f.value == "" || strings.Contains(t, ",") || looksLikeNameLine(t)
	}
	return false
}

func lastLine(s string) string {
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// endsOpen reports whether a wrapped line obviously continues: it ends with a hyphen, a
// comma or a word that cannot end a title.
func endsOpen(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	if strings.HasSuffix(s, "-") || strings.HasSuffix(s, ",") || strings.HasSuffix(s, "/") {
		return true
	}
	w := s
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		w = s[i+1:]
	}
	switch strings.ToLower(w) {
	case "a", "an", "the", "of", "for", "in", "on", "to", "and", "or", "with", "by", "from", "over", "at",
		"via", "into", "between", "under", "towards", "as", "its", "their", "&":
		return true
	}
	return false
}

var reNameLine = regexp.MustCompile(`^(?:[A-Z\p{Lu}][\p{L}'’.-]+\s?){1,5}(?:[,(]|$)`)

func looksLikeNameLine(t string) bool { return reNameLine.MatchString(t) }

// fieldsByKey returns the fields of a key, in order.
func fieldsByKey(fs []field, keys ...fkey) []*field {
	var out []*field
	for i := range fs {
		for _, k := range keys {
			if fs[i].key == k {
				out = append(out, &fs[i])
				break
			}
		}
	}
	return out
}
