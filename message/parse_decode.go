package message

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"strings"
)

// Transfer decoding works on the part's bytes in memory and stops once the output passes
// max, so a huge part costs no more than the budget. Both decoders are lenient the way mail
// clients are: they skip what they cannot read and report it instead of failing the part.

// transferResult is a decoded part body and what went wrong on the way.
type transferResult struct {
	data      []byte
	truncated bool   // output passed max and was cut
	damage    string // data was lost (a Problem)
	repair    string // input was repaired without loss (a Warning)
}

// decodeBase64 decodes base64 text. Well-formed input (the common case) goes through the
// standard decoder in one call; anything else through decodeBase64Lenient.
func decodeBase64(in []byte, max int64) transferResult {
	if n := base64.StdEncoding.DecodedLen(len(in)); int64(n) <= max {
		out := make([]byte, n)
		if n, err := base64.StdEncoding.Decode(out, in); err == nil { // it skips CR and LF
			return transferResult{data: out[:n]}
		}
	}
	return decodeBase64Lenient(in, max)
}

// decodeBase64Lenient decodes base64 text, skipping white space and any character outside
// the alphabet, and decoding a final incomplete group as far as it goes.
func decodeBase64Lenient(in []byte, max int64) transferResult {
	var res transferResult
	clean := make([]byte, 0, len(in))
	var out []byte
	skipped := 0
	// flush decodes the characters collected so far; padded says an "=" closed the group.
	flush := func(padded bool) {
		full := len(clean) / 4 * 4
		buf := make([]byte, base64.StdEncoding.DecodedLen(full)+2)
		n, _ := base64.StdEncoding.Decode(buf, clean[:full])
		switch rest := clean[full:]; len(rest) {
		case 1:
			res.damage = "base64 ends in the middle of a 4-character group; the last byte is lost"
		case 2, 3:
			m, _ := base64.RawStdEncoding.Decode(buf[n:], rest)
			n += m
			if !padded {
				res.repair = "base64 ends without its padding (the part may be cut short)"
			}
		}
		out = append(out, buf[:n]...)
		clean = clean[:0]
	}
	for _, c := range in {
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '+', c == '/':
			clean = append(clean, c)
		case c == '=':
			// Padding ends a group; some encoders concatenate padded blocks.
			if len(clean)%4 != 0 {
				flush(true)
			}
		case c == '\r' || c == '\n' || c == ' ' || c == '\t':
		default:
			skipped++
		}
		if int64(len(out))+int64(len(clean))*3/4 > max+3 {
			break
		}
	}
	flush(false)
	if int64(len(out)) > max {
		out, res.truncated = out[:max], true
	}
	res.data = out
	if skipped > 0 {
		res.repair = strings.TrimPrefix(res.repair+"; ", "; ") + fmt.Sprintf("skipped %d characters that are not base64", skipped)
	}
	return res
}

// looksLikeBase64 reports whether the start of a part labelled base64 is base64: mostly
// lines of alphabet characters without inner spaces. Some mailers label plain text so.
func looksLikeBase64(b []byte) bool {
	good, bad := 0, 0
	for _, line := range bytes.Split(b[:min(len(b), 4096)], []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if bytes.IndexFunc(line, func(r rune) bool { return !isBase64Char(r) }) < 0 {
			good++
		} else {
			bad++
		}
	}
	return bad <= good
}

func isBase64Char(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '+' || r == '/' || r == '='
}

// decodeQuotedPrintable decodes quoted-printable text. An "=" not followed by two hex digits
// stays literal, trailing blanks on a line are dropped, control bytes pass through, and
// line ends become LF or CRLF as in the input.
func decodeQuotedPrintable(in []byte, max int64) transferResult {
	var res transferResult
	out := make([]byte, 0, min(int64(len(in)), max+1))
	for len(in) > 0 && int64(len(out)) <= max {
		line := in
		eol := ""
		if i := bytes.IndexByte(in, '\n'); i >= 0 {
			line, in = in[:i], in[i+1:]
			eol = "\n"
			if len(line) > 0 && line[len(line)-1] == '\r' {
				line, eol = line[:len(line)-1], "\r\n"
			}
		} else {
			in = nil
		}
		line = bytes.TrimRight(line, " \t")
		soft := len(line) > 0 && line[len(line)-1] == '='
		if soft {
			line = line[:len(line)-1]
		}
		for i := 0; i < len(line); i++ {
			c := line[i]
			if c == '=' && i+2 < len(line) && isHex(line[i+1]) && isHex(line[i+2]) {
				out = append(out, unhex(line[i+1])<<4|unhex(line[i+2]))
				i += 2
				continue
			}
			out = append(out, c)
		}
		if !soft {
			out = append(out, eol...)
		}
	}
	if int64(len(out)) > max {
		out, res.truncated = out[:max], true
	}
	res.data = out
	return res
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

// unflow joins the lines of a format=flowed text (RFC 3676): a line ending in a space
// continues on the next line of the same quote depth. With delsp=yes that space was added
// by the sender and goes. Space-stuffing is undone; the signature separator "-- " stays a
// line of its own.
func unflow(text string, delsp bool) string {
	var out strings.Builder
	lines := strings.Split(text, "\n")
	open := false // the previous line was flowed and this one continues it
	prevDepth := 0
	for i, line := range lines {
		depth := 0
		for depth < len(line) && line[depth] == '>' {
			depth++
		}
		content := strings.TrimPrefix(line[depth:], " ")
		if open && depth != prevDepth {
			out.WriteByte('\n') // a flowed line may not continue into another quote depth
			open = false
		}
		if !open {
			if depth > 0 {
				out.WriteString(strings.Repeat(">", depth) + " ")
			}
		}
		flowed := strings.HasSuffix(content, " ") && content != "-- "
		if flowed && delsp {
			content = content[:len(content)-1]
		}
		out.WriteString(content)
		open = flowed
		prevDepth = depth
		if !flowed && i < len(lines)-1 {
			out.WriteByte('\n')
		}
	}
	return out.String()
}
