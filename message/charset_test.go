package message

import (
	"strings"
	"testing"
)

func TestDecodeText(t *testing.T) {
	tests := []struct {
		name     string
		raw      string
		declared string
		hints    []string
		want     string
		used     string
		guessed  bool
	}{
		{"ascii undeclared", "plain", "", nil, "plain", "us-ascii", false},
		{"utf-8", "caf\xc3\xa9", "UTF-8", nil, "café", "utf-8", false},
		{"utf8 spelling", "caf\xc3\xa9", "utf8", nil, "café", "utf-8", false},
		{"latin1 is windows-1252", "\x93q\x94", "iso-8859-1", nil, "“q”", "windows-1252", false},
		{"quoted label", "caf\xe9", `"windows-1252"`, nil, "café", "windows-1252", false},
		{"koi8-r", "\xf0\xd2\xc9\xd7\xc5\xd4", "koi8-r", nil, "Привет", "koi8-r", false},
		{"cp932 alias", "\x83e\x83X\x83g", "cp932", nil, "テスト", "shift_jis", false},
		{"iso-2022-jp", "\x1b$B%F%9%H\x1b(B", "iso-2022-jp", nil, "テスト", "iso-2022-jp", false},
		{"undeclared 8-bit latin", "caf\xe9", "", nil, "café", "windows-1252", true},
		{"undeclared utf-8", "caf\xc3\xa9", "", nil, "café", "utf-8", true},
		{"undeclared iso-2022-jp escapes", "\x1b$B%F%9%H\x1b(B", "", nil, "テスト", "iso-2022-jp", true},
		{"undeclared with a GB hint", "\xd6\xd0\xce\xc4", "", []string{"gb2312"}, "中文", "gbk", true},
		{"hint that does not fit is skipped", "caf\xe9", "", []string{"iso-2022-jp"}, "café", "windows-1252", true},
		{"utf-8 label, latin bytes", "caf\xe9", "utf-8", nil, "café", "windows-1252", true},
		{"ascii label, 8-bit bytes", "caf\xc3\xa9", "us-ascii", nil, "café", "utf-8", true},
		{"latin label, utf-8 bytes", "Gr\xc3\xbc\xc3\x9fe", "iso-8859-1", nil, "Grüße", "utf-8", true},
		{"unknown label", "caf\xe9", "x-fake", nil, "café", "windows-1252", true},
		{"charset= inside the value", "abc", "charset=us-ascii", nil, "abc", "us-ascii", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, used, guessed := decodeText([]byte(tt.raw), tt.declared, tt.hints)
			if got != tt.want || used != tt.used || (guessed != "") != tt.guessed {
				t.Errorf("decodeText(%q, %q) = %q, %q, %q; want %q, %q, guessed=%v", tt.raw, tt.declared, got, used, guessed, tt.want, tt.used, tt.guessed)
			}
		})
	}
}

func TestHTMLMetaCharset(t *testing.T) {
	tests := map[string]string{
		`<meta charset="shift_jis">`: "shift_jis",
		`<META http-equiv="Content-Type" content="text/html; charset=Windows-1252">`: "windows-1252",
		`<p>charset=utf-8 in text</p>`:                     "",
		strings.Repeat(" ", 5000) + `<meta charset=utf-8>`: "",
	}
	for in, want := range tests {
		if got := htmlMetaCharset([]byte(in)); got != want {
			t.Errorf("htmlMetaCharset(%.40q) = %q, want %q", in, got, want)
		}
	}
}
