package classify

import (
	"regexp"
	"strings"

	"github.com/liaisond/liaisond/message"
)

// Addresses: from_contacts, to_contacts, send_reply_to and send_to. Every address named in
// the statement, and the original message's From/To/Cc, is put on the sending or the
// receiving side by what surrounds it: the label it stands under (Contact:, To:, Send any
// reply LS to:), the role beside it ("Co-Chair, IETF DetNet WG", "SA2 Chair"), and what the
// directory knows (intake, group and liaison-manager addresses, the receiving side's mail
// domains).

var (
	reAddr      = regexp.MustCompile(`[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)
	reReplyText = regexp.MustCompile(`(?i)\b(?:send (?:any |your |all )?(?:reply|replies|response|responses|answer|answers|comments)(?: ls)?|(?:reply|replies|response|responses|answers) (?:should|may|can|are to) be (?:sent|addressed|directed)|reply to|respond to|direct (?:any )?(?:reply|replies|responses))\b[^@\n]{0,60}?$`)
	reToolFrom  = regexp.MustCompile(`(?i)liaison statement management tool|datatracker|\bno-?reply\b|mailer-daemon|postmaster|\bvia\b`)
)

// publicDomains are mail domains shared by unrelated people: a shared domain says nothing
// about which side someone is on.
var publicDomains = map[string]bool{
	"gmail.com": true, "googlemail.com": true, "outlook.com": true, "hotmail.com": true, "live.com": true,
	"yahoo.com": true, "icloud.com": true, "me.com": true, "aol.com": true, "gmx.de": true, "gmx.net": true,
	"web.de": true, "qq.com": true, "163.com": true, "126.com": true, "proton.me": true, "protonmail.com": true,
	"example.com": true, "example.net": true, "example.org": true, "mail.com": true, "yandex.ru": true,
}

type side int

const (
	sideUnknown side = iota
	sideSending
	sideReceiving
)

// addrNote collects what is known about one address.
type addrNote struct {
	addr     string
	order    int
	send     int  // weight of evidence for the sending side
	recv     int  // weight of evidence for the receiving side
	contact  bool // named as a contact, sender or signature (not only as the reply address)
	reply    bool
	sendTo   bool
	toHeader bool // in the original's To: header
	ccHeader bool
	ccLine   bool // named on a Cc: line of the statement
	guessed  bool // leans to the sending side only by an unlisted label ("WG4 chairs:")
	sources  []string
}

type addrBook struct {
	notes map[string]*addrNote
	list  []*addrNote
}

func (b *addrBook) get(a string) *addrNote {
	a = strings.ToLower(strings.Trim(a, ".,;:<>()[]'\""))
	if b.notes == nil {
		b.notes = map[string]*addrNote{}
	}
	n := b.notes[a]
	if n == nil {
		n = &addrNote{addr: a, order: len(b.list)}
		b.notes[a] = n
		b.list = append(b.list, n)
	}
	return n
}

func (n *addrNote) from(src string) {
	if len(n.sources) < 4 {
		n.sources = append(n.sources, src)
	}
}

// extractAddresses fills from_contacts, to_contacts, send_reply_to and send_to.
func (e *extractor) extractAddresses() {
	var book addrBook
	var replyEv, sendToEv Evidence
	var reply, sendTo *addrNote

	for _, s := range e.ranked {
		if !e.inOrig(s) {
			continue
		}
		inField := make([]bool, len(s.lines))
		for fi := range s.block.fields {
			f := &s.block.fields[fi]
			for i := f.line; i <= f.last && i < len(inField); i++ {
				inField[i] = true
			}
			addrs := reAddr.FindAllString(f.row, -1)
			if len(addrs) == 0 || f.key == kMailHeader {
				continue // a pasted mail header block is read as the original's headers
			}
			place := where(s, f.line, f.label)
			switch f.key {
			case kReplyTo, kRespContact:
				for i, a := range addrs {
					n := book.get(a)
					n.reply = true
					n.from(place)
					if i == 0 && reply == nil {
						reply = n
						replyEv = Evidence{Confidence: 0.92, Source: place, Raw: f.value}
					}
					// a Response Contact is the labelled reply route, like "Send any reply
					// to": it is a sending-side contact only when it is also the sender or
					// named elsewhere as a contact (a Cc: line, a Contact: row); reading 3
					n.send++
				}
			case kSendTo:
				for _, a := range addrs {
					n := book.get(a)
					n.sendTo = true
					n.from(place)
					if sendTo == nil {
						sendTo = n
						sendToEv = Evidence{Confidence: 0.92, Source: place, Raw: f.value}
					}
				}
			case kTo, kActionTo, kCommentTo, kInfoTo:
				for _, a := range addrs {
					n := book.get(a)
					n.recv += 2
					n.contact = true
					n.from(place)
				}
			case kFrom:
				for _, a := range addrs {
					n := book.get(a)
					n.send += 2
					n.contact = true
					n.from(place)
				}
			default:
				// contacts, Cc lines, unknown labels: the context decides, a contact label leans
				// to the sending side
				lines := strings.Split(f.row, "\n")
				for _, ln := range lines {
					for _, a := range reAddr.FindAllString(ln, -1) {
						n := book.get(a)
						n.contact = true
						n.ccLine = n.ccLine || f.key == kCc
						n.from(place)
						switch e.contextSide(ln, a) {
						case sideReceiving:
							n.recv += 2
						case sideSending:
							n.send += 2
						default:
							if f.key == kContact || f.key == kCc {
								n.send++
							} else if contactishLabel(f) {
								n.send++
								n.guessed = true
							}
						}
					}
				}
			}
		}
		// prose and signatures
		for i, ln := range s.lines {
			if inField[i] {
				continue
			}
			for _, loc := range reAddr.FindAllStringIndex(ln, -1) {
				a := ln[loc[0]:loc[1]]
				before := ln[:loc[0]]
				if i > 0 && strings.TrimSpace(before) == "" {
					before = s.lines[i-1] + " " + before
				}
				if reReplyText.MatchString(before) {
					n := book.get(a)
					n.reply = true
					n.from(where(s, i, ""))
					if reply == nil {
						reply = n
						conf := 0.85
						if i < s.start {
							conf = 0.8
						}
						replyEv = Evidence{Confidence: conf, Source: where(s, i, "") + " (prose)", Raw: strings.TrimSpace(ln)}
					}
					continue
				}
				if strings.Contains(strings.ToLower(before), "mailto:") && strings.Contains(strings.ToLower(before), "unsubscribe") {
					continue
				}
				n := book.get(a)
				n.contact = true
				n.from(where(s, i, ""))
				switch e.contextSide(ln, a) {
				case sideReceiving:
					n.recv += 2
				case sideSending:
					n.send += 2
				default:
					n.send++
				}
			}
		}
	}

	// the original message's headers
	if sender := e.originalSender(); sender != "" {
		n := book.get(sender)
		n.contact = true
		n.send += 2
		n.from(e.hdr.source + " From")
	}
	for _, a := range e.hdr.to {
		if a.Address == "" {
			continue
		}
		n := book.get(a.Address)
		n.toHeader = true
		n.from(e.hdr.source + " To")
	}
	sender := e.originalSender()
	for _, a := range e.hdr.cc {
		if a.Address == "" {
			continue
		}
		n := book.get(a.Address)
		n.ccHeader = true
		n.from(e.hdr.source + " Cc")
		switch e.contextSide(a.Name, "") {
		case sideSending:
			n.send += 2
			n.contact = true
		case sideReceiving:
			n.recv += 2
		default:
			// a colleague of the sender: same mail domain, not one shared by everybody
			if d := domainOf(a.Address); d != "" && d == domainOf(sender) && !publicDomains[d] && !e.dir.isHome(a.Address) {
				n.send += 2
				n.contact = true
			}
		}
	}

	// send_to: an explicit label, else the original To: header's single central address
	if sendTo == nil {
		var central []*addrNote
		for _, a := range e.hdr.to {
			if a.Address != "" && e.isCentral(a.Address) {
				central = append(central, book.get(a.Address))
			}
		}
		if len(central) == 1 {
			sendTo = central[0]
			conf := 0.93
			if !e.dir.IsIntake(sendTo.addr) {
				conf = 0.75
			}
			if len(e.hdr.to) > 1 {
				conf -= 0.1
			}
			sendToEv = Evidence{Confidence: conf, Source: e.hdr.source + " To", Raw: addrList(e.hdr.to)}
		}
	}

	var fromC, toC []string
	fromSrc, toSrc := map[string]bool{}, map[string]bool{}
	contextOnly := false
	outgoing := e.outgoing()
	for _, n := range book.list {
		recv, send := n.recv, n.send
		dirSide := 0
		if e.dir.receivingAddress(n.addr) {
			dirSide = 4
		} else if e.dir.isHome(n.addr) {
			dirSide = 3
		}
		if outgoing {
			// a statement from an IETF body: the directory's side is the sending side
			send += dirSide
		} else {
			recv += dirSide
		}
		if !n.toHeader && !n.ccHeader && dirSide == 0 && recv > 0 && send > 0 {
			contextOnly = true
		}
		switch {
		case sendTo != nil && n.addr == sendTo.addr:
			continue
		case e.dir.IsIntake(n.addr):
			continue
		case n.toHeader && send < 2:
			toC = append(toC, n.addr)
			toSrc[e.hdr.source+" To"] = true
		case n.toHeader && recv >= send:
			toC = append(toC, n.addr)
			toSrc[e.hdr.source+" To"] = true
		case n.ccHeader && !n.contact:
			// a Cc: header address of the receiving side or of unknown side: neither list
		case n.ccLine && recv > send:
			// copied on the receiving side: like a Cc: header, not a to_contact
		case !n.contact:
			// only named as the reply address
		case recv > send:
			toC = append(toC, n.addr)
			for _, s := range n.sources {
				toSrc[s] = true
			}
		case send > 0:
			fromC = append(fromC, n.addr)
			for _, s := range n.sources {
				fromSrc[s] = true
			}
		}
	}
	e.x.FromContacts = fromC
	e.x.ToContacts = toC
	if reply != nil {
		e.x.SendReplyTo = strp(reply.addr)
		e.setEv("send_reply_to", replyEv)
	} else {
		e.setEv("send_reply_to", Evidence{Confidence: 0.8, Source: "not found: no reply address labelled (replies go to the sender)"})
	}
	if sendTo != nil {
		e.x.SendTo = strp(sendTo.addr)
		e.setEv("send_to", sendToEv)
	} else {
		e.setEv("send_to", Evidence{Confidence: 0.8, Source: "not found: no central address in the original To: header", Raw: addrList(e.hdr.to)})
	}
	fromConf := 0.85
	if len(fromC) == 0 {
		fromConf = 0.6
	}
	for _, a := range fromC {
		if n := book.notes[a]; n != nil && n.guessed && n.send < 2 {
			fromConf = min(fromConf, 0.75) // a sending-side contact read from an unlisted label
		}
	}
	toConf := 0.85
	if contextOnly {
		toConf = 0.75
	}
	e.setEv("from_contacts", Evidence{Confidence: fromConf, Source: orNone(joinKeys(fromSrc)), Raw: strings.Join(fromC, ", ")})
	e.setEv("to_contacts", Evidence{Confidence: toConf, Source: orNone(joinKeys(toSrc)), Raw: strings.Join(toC, ", ")})
}

func joinKeys(m map[string]bool) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sortStrings(ks)
	return strings.Join(ks, "; ")
}

func sortStrings(a []string) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func addrList(as []message.Address) string {
	var out []string
	for _, a := range as {
		out = append(out, a.Address)
	}
	return strings.Join(out, ", ")
}

// isCentral reports whether addr is a central intake: configured, or a role address whose
// local part says "statements" or "liaison".
func (e *extractor) isCentral(addr string) bool {
	if e.dir.IsIntake(addr) {
		return true
	}
	if e.dir.groupByAddr(addr) != nil {
		return false
	}
	local := strings.ToLower(addr)
	if i := strings.IndexByte(local, '@'); i >= 0 {
		local = local[:i]
	}
	return strings.Contains(local, "statements") || strings.Contains(local, "liaison")
}

// originalSender is the original message's From: address when the sending side sent it:
// not a forwarder, not the Datatracker tool or a list, not the receiving side.
func (e *extractor) originalSender() string {
	if len(e.hdr.from) == 0 {
		return ""
	}
	a := e.hdr.from[0]
	if a.Address == "" || reToolFrom.MatchString(a.Name) || reToolFrom.MatchString(a.Address) {
		return ""
	}
	if e.hdr.source == "header" && e.orig == e.top && reFwdSubject.MatchString(e.top.subject) && !reReSubject.MatchString(e.top.subject) {
		return "" // a forward whose original could not be split off: the From: is the forwarder
	}
	if !e.outgoing() && (e.dir.receivingAddress(a.Address) || e.dir.isHome(a.Address)) {
		return ""
	}
	if e.orig.msg != nil && e.orig.msg.ListID != "" && strings.Contains(strings.ToLower(a.Name), " via ") {
		return ""
	}
	// a receiving-side person who mailed the statement without marking it a forward
	if !e.outgoing() && e.contextSide(a.Name, "") == sideReceiving {
		return ""
	}
	return strings.ToLower(a.Address)
}

// contextSide reads the text around an address (a contact line, a display name) for the
// side it names: the first body mentioned decides ("Karina Wojcik, IETF Liaison Manager to
// BBF" is receiving; "Ruth Adeyemi, Broadband Forum Technical Committee Chair" is sending).
func (e *extractor) contextSide(text, addr string) side {
	if addr != "" {
		text = strings.ReplaceAll(text, addr, " ")
	}
	text = reAddr.ReplaceAllString(text, " ")
	if strings.TrimSpace(text) == "" {
		return sideUnknown
	}
	recvAt := -1
	if loc := reReceivingWord.FindStringIndex(text); loc != nil {
		recvAt = loc[0]
	}
	sendAt := -1
	for _, m := range e.mentions(text, e.fam) {
		if isReceivingBody(m.ref) {
			if recvAt < 0 || m.start < recvAt {
				recvAt = m.start
			}
		} else if sendAt < 0 {
			sendAt = m.start
		}
	}
	// the sending body's own short names ("SA2 Chair", "WG4 editor")
	for _, r := range e.fromRefs {
		names := []string{r.Canon}
		if r.Entry != nil {
			names = append(names, r.Entry.Aliases...)
		}
		for _, n := range names {
			if i := indexWord(text, n); i >= 0 && (sendAt < 0 || i < sendAt) {
				sendAt = i
			}
		}
	}
	switch {
	case recvAt >= 0 && (sendAt < 0 || recvAt < sendAt):
		return sideReceiving
	case sendAt >= 0:
		return sideSending
	}
	return sideUnknown
}

var reReceivingWord = regexp.MustCompile(`\b(?:IETF|IRTF|IAB|IESG)\b|\bArea Director\b|(?i)\bietf liaison\b`)

// indexWord finds w in s as a whole word, case-insensitively; -1 if absent.
func indexWord(s, w string) int {
	if w == "" {
		return -1
	}
	ls, lw := lowerASCII(s), lowerASCII(w)
	for off := 0; off < len(ls); {
		i := strings.Index(ls[off:], lw)
		if i < 0 {
			return -1
		}
		st := off + i
		if wordBoundary(ls, st, st+len(lw)) {
			return st
		}
		off = st + len(lw)
	}
	return -1
}

// outgoing reports whether the statement is sent by an IETF-side body to other bodies (an
// outgoing statement copied to the intake): then the directory's side is the sending one.
func (e *extractor) outgoing() bool {
	if len(e.fromRefs) == 0 || len(e.toRefs) == 0 {
		return false
	}
	for _, r := range e.fromRefs {
		if !isReceivingBody(r) {
			return false
		}
	}
	for _, r := range e.toRefs {
		if isReceivingBody(r) {
			return false
		}
	}
	return true
}

func domainOf(addr string) string {
	if i := strings.LastIndexByte(addr, '@'); i >= 0 {
		return strings.ToLower(addr[i+1:])
	}
	return ""
}

func orNone(s string) string {
	if s == "" {
		return "not found"
	}
	return s
}

// reContactishLabel is an unlisted label that still names a contact: "WG4 chairs",
// "Co-chairs e-mail", "Liaison officers".
var reContactishLabel = regexp.MustCompile(`(?i)\b(?:co-?)?chairs?\b|\bcontacts?\b|\beditors?\b|\brapporteurs?\b|\bsecretar(?:y|iat)\b|\bconvenors?\b|\bofficers?\b|\be-?mail\b`)

// contactishLabel reports whether an unknown label names a contact (a role address on a
// "WG4 chairs:" row of a contact table leans to the sending side like a Contact: row).
func contactishLabel(f *field) bool {
	return f.key == kOther && reContactishLabel.MatchString(f.label)
}
