package message

import (
	"regexp"
	"strings"
)

// Inline forwards and quoting. Mail clients paste a forwarded or replied-to original into
// the body under a marker line and a short header block; the original's From/To count for
// extraction, not the forwarder's. Replies quote with "> " instead (blockquote in HTML,
// which HTMLToText renders the same way). Only English markers are recognised.

var (
	// forwardMarkerRE: Gmail's "---------- Forwarded message ---------", Thunderbird's
	// "-------- Forwarded Message --------" and "-------- Original Message --------",
	// Outlook's "-----Original Message-----".
	forwardMarkerRE = regexp.MustCompile(`(?i)^\s*-{2,}\s*(forwarded message|original message)\s*-{2,}\s*$`)
	appleMarkerRE   = regexp.MustCompile(`(?i)^\s*begin forwarded message:\s*$`)
)

const (
	maxForwardFields = 30 // bounds the header block read after a marker
	outlookLookahead = 8  // lines after From: that may hold Sent: and Subject:
)

// findInlineForwards finds the forwarded originals in a body text (found at path). Each
// runs from its marker (or, for Outlook without a marker, its From: line) to the next one.
// Markers inside quoted lines belong to the quoted mail and are not counted.
func findInlineForwards(text, path string) []InlineForward {
	lines := strings.Split(text, "\n")
	var out []InlineForward
	var body []string
	closeOpen := func() {
		if len(out) > 0 {
			out[len(out)-1].Text = joinBodyLines(body)
		}
		body = nil
	}
	for i := 0; i < len(lines); i++ {
		style, first := forwardStart(lines, i)
		if style == "" {
			body = append(body, lines[i])
			continue
		}
		closeOpen()
		fields, next := readForwardFields(lines, first)
		out = append(out, newInlineForward(style, path, fields))
		i = next - 1
	}
	closeOpen()
	return out
}

// forwardStart reports whether a forward starts at line i: its style and the line where
// its header block starts.
func forwardStart(lines []string, i int) (style string, first int) {
	line := lines[i]
	if QuoteDepth(line) > 0 {
		return "", 0
	}
	if m := forwardMarkerRE.FindStringSubmatch(line); m != nil {
		if strings.EqualFold(m[1], "original message") {
			return "original", i + 1
		}
		return "forwarded", i + 1
	}
	if appleMarkerRE.MatchString(line) {
		return "apple", i + 1
	}
	if isOutlookBlock(lines, i) {
		return "outlook", i
	}
	return "", 0
}

// isOutlookBlock reports whether lines[i] starts the block Outlook writes without a marker:
// From:, then Sent: and Subject: among the next few field lines.
func isOutlookBlock(lines []string, i int) bool {
	if name, _, ok := fieldLine(lines[i]); !ok || !strings.EqualFold(name, "From") {
		return false
	}
	sent, subject := false, false
	for _, line := range lines[i+1 : min(len(lines), i+outlookLookahead)] {
		name, value, ok := fieldLine(line)
		if !ok {
			if strings.TrimSpace(line) == "" || line[0] != ' ' && line[0] != '\t' {
				break
			}
			continue // a wrapped value
		}
		sent = sent || strings.EqualFold(name, "Sent") && value != ""
		subject = subject || strings.EqualFold(name, "Subject")
	}
	return sent && subject
}

// fieldLine splits a "Name: value" line of an inline header block; the name is a word of
// letters and hyphens, as mail clients write them.
func fieldLine(line string) (name, value string, ok bool) {
	line = strings.TrimLeft(line, " \t")
	i := strings.IndexByte(line, ':')
	if i <= 0 || i > 25 {
		return "", "", false
	}
	name = strings.TrimRight(line[:i], " \t")
	for j, c := range []byte(name) {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || j > 0 && c == '-') {
			return "", "", false
		}
	}
	return name, strings.TrimSpace(line[i+1:]), name != ""
}

// readForwardFields reads the "Name: value" block starting at lines[i] (after at most two
// empty lines), with indented continuation lines. It returns the fields and the index of
// the first line after the block.
func readForwardFields(lines []string, i int) ([]ForwardField, int) {
	for skipped := 0; i < len(lines) && strings.TrimSpace(lines[i]) == "" && skipped < 2; skipped++ {
		i++
	}
	var fields []ForwardField
	for ; i < len(lines) && len(fields) < maxForwardFields; i++ {
		line := lines[i]
		if strings.TrimSpace(line) == "" {
			break
		}
		if name, value, ok := fieldLine(line); ok {
			fields = append(fields, ForwardField{Name: name, Value: value})
			continue
		}
		if len(fields) > 0 && (line[0] == ' ' || line[0] == '\t') {
			f := &fields[len(fields)-1]
			f.Value = strings.TrimSpace(f.Value + " " + strings.TrimSpace(line))
			continue
		}
		break
	}
	return fields, i
}

func newInlineForward(style, path string, fields []ForwardField) InlineForward {
	f := InlineForward{Style: style, Path: path, Fields: fields, Subject: fieldValue(fields, "Subject")}
	f.From = looseAddresses(fieldValue(fields, "From"))
	f.To = looseAddresses(fieldValue(fields, "To"))
	f.Cc = looseAddresses(fieldValue(fields, "Cc"))
	if f.Date = fieldValue(fields, "Date"); f.Date == "" {
		f.Date = fieldValue(fields, "Sent")
	}
	return f
}

func fieldValue(fields []ForwardField, name string) string {
	for _, f := range fields {
		if strings.EqualFold(f.Name, name) {
			return f.Value
		}
	}
	return ""
}

// joinBodyLines joins lines without the empty lines around them.
func joinBodyLines(lines []string) string {
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}

// QuoteDepth returns how many ">" quote markers start a line (spaces around them allowed):
// 0 for a line the sender wrote, 1 for "> quoted", 2 for ">> or > > quoted twice".
func QuoteDepth(line string) int {
	depth := 0
	for _, c := range []byte(line) {
		switch c {
		case '>':
			depth++
		case ' ', '\t':
		default:
			return depth
		}
	}
	return depth
}

// attributionRE matches the line a reply puts before its quote ("On ..., X wrote:").
var attributionRE = regexp.MustCompile(`(?i)\b(wrote|writes)\s*:\s*$`)

// RemoveQuoted returns text without its quoted lines and the attribution lines that
// introduce them ("On Tue, ... X wrote:", also when wrapped over two lines), keeping the
// lines the sender wrote.
func RemoveQuoted(text string) string {
	var keep []string
	inQuote := false
	for _, line := range strings.Split(text, "\n") {
		if QuoteDepth(line) == 0 {
			keep, inQuote = append(keep, line), false
			continue
		}
		if !inQuote {
			keep, inQuote = dropAttribution(keep), true
		}
	}
	return strings.Join(keep, "\n")
}

// dropAttribution removes a trailing attribution (and up to two empty lines after it)
// from kept.
func dropAttribution(kept []string) []string {
	end := len(kept)
	for end > 0 && len(kept)-end < 2 && strings.TrimSpace(kept[end-1]) == "" {
		end--
	}
	if end == 0 || !attributionRE.MatchString(kept[end-1]) {
		return kept
	}
	end--
	if end > 0 && strings.HasPrefix(strings.TrimSpace(kept[end-1]), "On ") && !attributionRE.MatchString(kept[end-1]) {
		end-- // Gmail wraps a long attribution over two lines
	}
	return kept[:end]
}

// countQuoted counts the quoted lines of a text.
func countQuoted(text string) int {
	n := 0
	for _, line := range strings.Split(text, "\n") {
		if QuoteDepth(line) > 0 {
			n++
		}
	}
	return n
}
