package message

import (
	"bytes"
	"strings"

	gomessage "github.com/emersion/go-message"
)

// multipart walks the parts of a multipart body.
func (p *mimeParser) multipart(m *Message, h gomessage.Header, typ string, params map[string]string, body []byte, path string, depth int) {
	boundary := params["boundary"]
	if boundary == "" {
		p.problem(IssueStructure, path, "%s without a boundary; its body is read as plain text", typ)
		p.leaf(m, h, "text/plain", params, body, path)
		return
	}
	if typ == "multipart/report" && m.Report == nil {
		m.Report = &Report{Type: strings.ToLower(params["report-type"])}
	}
	defType := "text/plain"
	if typ == "multipart/digest" {
		defType = "message/rfc822" // RFC 2046 5.1.5
	}
	sp := partSplitter{body: body, delim: []byte("--" + boundary), pos: -1}
	var starts []int // len(m.Bodies) before each part, to mark alternatives
	n := 0
	for raw, ok := sp.next(); ok && !p.stopped; raw, ok = sp.next() {
		n++
		starts = append(starts, len(m.Bodies))
		p.part(m, raw, childPath(path, n), depth+1, defType)
	}
	switch {
	case n == 0 && len(bytes.TrimSpace(body)) == 0:
		p.warn(IssueStructure, path, "%s is empty", typ)
	case n == 0:
		p.problem(IssueStructure, path, "no part found for boundary %q; the body is read as plain text", boundary)
		p.leaf(m, h, "text/plain", params, body, path)
	case !sp.closed && !p.stopped:
		p.warn(IssueStructure, path, "%s ends without its closing boundary", typ)
	}
	if typ == "multipart/alternative" {
		markAlternatives(m.Bodies, starts)
	}
}

// markAlternatives keeps one part of a multipart/alternative for Text: the first with
// non-blank plain text, else the last with any text (the richest, RFC 2046 5.1.4). The
// bodies of the other parts are marked Alternative. starts[i] is where part i's bodies
// begin in bodies.
func markAlternatives(bodies []Body, starts []int) {
	span := func(i int) []Body {
		end := len(bodies)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		return bodies[starts[i]:end]
	}
	chosen := -1
	for i := range starts {
		for _, b := range span(i) {
			if chosen < 0 && !b.Alternative && b.ContentType == "text/plain" && strings.TrimSpace(b.Text) != "" {
				chosen = i
			}
		}
	}
	for i := len(starts) - 1; chosen < 0 && i >= 0; i-- {
		if len(span(i)) > 0 {
			chosen = i
		}
	}
	for i := range starts {
		if i != chosen {
			for j := range span(i) {
				span(i)[j].Alternative = true
			}
		}
	}
}

// partSplitter cuts a multipart body at its delimiter lines (RFC 2046 5.1.1): "--boundary"
// at the start of a line, followed only by white space, or by "--" for the last one.
type partSplitter struct {
	body   []byte
	delim  []byte
	pos    int  // start of the next part, -1 before the first delimiter
	closed bool // the closing delimiter was found
	done   bool
}

// next returns the next part; a body that ends without its closing delimiter ends the last
// part.
func (s *partSplitter) next() ([]byte, bool) {
	if s.done {
		return nil, false
	}
	if s.pos < 0 {
		_, after, final := s.find(0)
		if after < 0 || final {
			s.done, s.closed = true, final
			return nil, false
		}
		s.pos = after
	}
	start, after, final := s.find(s.pos)
	if after < 0 {
		s.done = true
		return s.body[s.pos:], true
	}
	part := s.body[s.pos:start]
	// The line break before a delimiter belongs to the delimiter.
	part = bytes.TrimSuffix(part, []byte("\n"))
	part = bytes.TrimSuffix(part, []byte("\r"))
	s.pos = after
	if final {
		s.done, s.closed = true, true
	}
	return part, true
}

// find returns the start of the next delimiter line at or after from, the offset after
// that line (-1 when there is none) and whether it is the closing delimiter.
func (s *partSplitter) find(from int) (start, after int, final bool) {
	for from < len(s.body) {
		j := bytes.Index(s.body[from:], s.delim)
		if j < 0 {
			break
		}
		i := from + j
		from = i + 1
		if i > 0 && s.body[i-1] != '\n' {
			continue
		}
		rest := s.body[i+len(s.delim):]
		line, lineLen := rest, len(rest)
		if k := bytes.IndexByte(rest, '\n'); k >= 0 {
			line, lineLen = rest[:k], k+1
		}
		end := i + len(s.delim) + lineLen
		if bytes.HasPrefix(line, []byte("--")) {
			return i, end, true
		}
		if len(bytes.TrimRight(line, " \t\r")) == 0 {
			return i, end, false
		}
	}
	return -1, -1, false
}
