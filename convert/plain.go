package convert

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-message/charset"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// metaCharset finds <meta charset="x"> or content="...; charset=x" near the top of HTML.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)`)

// decodeText turns plain text or HTML in any charset into UTF-8 text. The charset comes from
// a byte-order mark, else the declared Content-Type, else (HTML) a <meta> tag; undeclared
// bytes that are not UTF-8 are read as windows-1252, the usual culprit, with a warning.
func decodeText(data []byte, declaredType string, isHTML bool, lim Limits) (string, []string, error) {
	s, warnings, err := toUTF8(data, declaredCharset(declaredType, data, isHTML))
	if err != nil {
		return "", nil, err
	}
	if isHTML {
		if err := guard(func() error { s = HTMLToText(s); return nil }); err != nil {
			return "", nil, err
		}
	}
	if len(s) > lim.MaxTextBytes {
		out := newTextBuf(lim.MaxTextBytes)
		out.WriteString(s)
		s = out.String()
		warnings = append(warnings, fmt.Sprintf("text cut at %d bytes", lim.MaxTextBytes))
	}
	return s, warnings, nil
}

func declaredCharset(declaredType string, data []byte, isHTML bool) string {
	if _, params, err := mime.ParseMediaType(declaredType); err == nil && params["charset"] != "" {
		return params["charset"]
	}
	if isHTML {
		if m := metaCharset.FindSubmatch(data[:min(len(data), 4096)]); m != nil {
			return string(m[1])
		}
	}
	return ""
}

func toUTF8(data []byte, cs string) (string, []string, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return string(data[3:]), nil, nil
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		out, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		return string(out), nil, err
	}
	lower := strings.ToLower(strings.TrimSpace(cs))
	if lower != "" && lower != "utf-8" && lower != "utf8" && lower != "us-ascii" {
		if s, err := decodeCharset(lower, data); err == nil {
			return s, nil, nil
		}
		if utf8.Valid(data) {
			return string(data), []string{fmt.Sprintf("unknown charset %q; the text is valid UTF-8 and was read as such", cs)}, nil
		}
		return windows1252(data), []string{fmt.Sprintf("unknown charset %q; read as windows-1252", cs)}, nil
	}
	if utf8.Valid(data) {
		return string(data), nil, nil
	}
	return windows1252(data), []string{"text is not UTF-8 and declares no charset; read as windows-1252"}, nil
}

// decodeCharset decodes with go-message's charset table (the same one mail parsing uses).
func decodeCharset(cs string, data []byte) (s string, err error) {
	defer recoverAs(&err)
	r, err := charset.Reader(cs, bytes.NewReader(data))
	if err != nil {
		return "", err
	}
	out, err := io.ReadAll(r)
	return string(out), err
}

func windows1252(data []byte) string {
	out, _ := charmap.Windows1252.NewDecoder().Bytes(data)
	return string(out)
}
