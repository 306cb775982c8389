package message

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

func TestDecodeWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"=?utf-8?q?caf=C3=A9_au_lait?=", "café au lait"},
		{"=?UTF-8?B?Y2Fmw6k=?= =?UTF-8?B?IGF1IGxhaXQ=?=", "café au lait"}, // space between words goes
		{"=?utf-8?b?4oI=?=\r\n =?utf-8?b?rA==?=", "€"},                    // a character split over two words
		{"=?iso-8859-1?q?caf=E9?= and =?koi8-r?q?=F0?=", "café and П"},    // text between words stays
		{"\"=?utf-8?B?UsOpcG9uc2UuZG9jeA==?=\"", "\"Réponse.docx\""},      // inside quotes
		{"=?utf-8*fr?q?fran=C3=A7ais?=", "français"},                      // RFC 2231 language suffix
		{"=?utf-8?B?Y2Fmw6k?=", "café"},                                   // missing padding
		{"=?x-unknown?q?abc?=", "abc"},                                    // unknown charset: a guess
		{"=?utf-8?q?not closed", "=?utf-8?q?not closed"},                  // not a word
		{"=?utf-8?x?abc?=", "=?utf-8?x?abc?="},                            // unknown encoding
		{"a=?utf-8?q?b?=c", "abc"},                                        // glued to text
		{"=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=", "テスト"},                     // stateful charset
		{"=?gb2312?B?1tDOxA==?= =?gb2312?B?08q8/g==?=", "中文邮件"},           // GB2312 is read as GBK
		{"=?ks_c_5601-1987?B?x9Gx2w==?=", "한글"},                           // Outlook's Korean label
		{"=?windows-1252?Q?=93quoted=94_=96_dash?=", "“quoted” – dash"},   // C1 range of cp1252
		{"=?iso-8859-1?Q?=93cp1252_in_latin1=94?=", "“cp1252 in latin1”"}, // WHATWG: latin1 is cp1252
		{"=?utf-8?q?=FF=FE?=", "ÿþ"},                                      // invalid UTF-8: a guess
		{"=?us-ascii?q?a=00b?=", "a\x00b"},                                // control characters stay for the caller
		{strings.Repeat("=?utf-8?q?a?= ", 3), "aaa "},                     // trailing space after the last word
		{"", ""},
	}
	for _, tt := range tests {
		p := newMimeParser(DefaultParseLimits())
		if got := p.decodeWords("", tt.in); got != tt.want {
			t.Errorf("decodeWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParams(t *testing.T) {
	tests := []struct {
		in    string
		value string
		want  map[string]string
	}{
		{`text/plain; charset="utf-8"; format=flowed`, "text/plain", map[string]string{"charset": "utf-8", "format": "flowed"}},
		{`Text/HTML;Charset=UTF-8`, "text/html", map[string]string{"charset": "UTF-8"}},
		{`attachment; filename="a \"quoted\" name.pdf"`, "attachment", map[string]string{"filename": `a "quoted" name.pdf`}},
		{`attachment; filename*=UTF-8''%E2%82%AC%20rates.pdf`, "attachment", map[string]string{"filename": "€ rates.pdf"}},
		{`attachment; filename*=iso-8859-1'de'Gr%FC%DFe.txt`, "attachment", map[string]string{"filename": "Grüße.txt"}},
		{`attachment; filename*=shift_jis''%83e%83X%83g.txt`, "attachment", map[string]string{"filename": "テスト.txt"}},
		{"attachment; filename*0*=UTF-8''%E2%82; filename*1*=%AC; filename*2=\" end.pdf\"", "attachment", map[string]string{"filename": "€ end.pdf"}},
		{"attachment; filename*1=b; filename*0=a; filename*3=lost", "attachment", map[string]string{"filename": "ab"}}, // a gap ends the value
		{`attachment; filename="plain.pdf"; filename*=UTF-8''better.pdf`, "attachment", map[string]string{"filename": "better.pdf"}},
		{`application/pdf; name="first.pdf"; name="second.pdf"`, "application/pdf", map[string]string{"name": "first.pdf"}},
		{`application/pdf; name=Invoice_(1).pdf`, "application/pdf", map[string]string{"name": "Invoice_(1).pdf"}},
		{`application/pdf name="no-semicolon.pdf"`, "application/pdf", map[string]string{"name": "no-semicolon.pdf"}},
		{`application/pdf; name="unterminated.pdf`, "application/pdf", map[string]string{"name": "unterminated.pdf"}},
		{`application/msword; name=` + "\xe7\xae\xa1\xe7\x90\x86.doc", "application/msword", map[string]string{"name": "管理.doc"}},
		{`application/msword; name="` + "caf\xe9.doc\"", "application/msword", map[string]string{"name": "café.doc"}},
		{`multipart/mixed;; ;boundary=abc; junk; =novalue`, "multipart/mixed", map[string]string{"boundary": "abc"}},
		{"", "", map[string]string{}},
	}
	for _, tt := range tests {
		p := newMimeParser(DefaultParseLimits())
		value, params := p.params("", tt.in)
		if value != tt.value || !maps.Equal(params, tt.want) {
			t.Errorf("params(%q) = %q %v, want %q %v", tt.in, value, params, tt.value, tt.want)
		}
	}
}

func TestSafeFilename(t *testing.T) {
	long := strings.Repeat("é", 150) + ".docx"
	tests := []struct{ in, want string }{
		{"LS-2026.pdf", "LS-2026.pdf"},
		{"../../etc/passwd", "passwd"},
		{`C:\Users\me\Desktop\LS.docx`, "LS.docx"},
		{".htaccess", "htaccess"},
		{"...", ""},
		{"a\x00b\x1fc\x7f.pdf", "abc.pdf"},
		{"invoice\u202Efdp.exe", "invoicefdp.exe"},
		{"  spaced name.pdf  ", "spaced name.pdf"},
		{"dir/", ""},
		{long, strings.Repeat("é", 97) + ".docx"},
	}
	for _, tt := range tests {
		got := safeFilename(tt.in)
		if got != tt.want {
			t.Errorf("safeFilename(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(got) > maxFilenameBytes {
			t.Errorf("safeFilename(%q) is %d bytes", tt.in, len(got))
		}
	}
}

func TestLooseAddresses(t *testing.T) {
	tests := []struct {
		in   string
		want []Address
	}{
		{"Bob Dunite <bob@extern> Bobby Dunite <bobby@extern>", []Address{{"Bob Dunite", "bob@extern"}, {"Bobby Dunite", "bobby@extern"}}},
		{"Name [mailto:Name@Example.COM]; Other <o@example.org>", []Address{{"Name", "name@example.com"}, {"Other", "o@example.org"}}},
		{"plain@example.org, \"Quoted, Name\" <q@example.org>", []Address{{"", "plain@example.org"}, {"Quoted, Name", "q@example.org"}}},
		{"IETF CCAMP WG; IETF TEAS WG", []Address{{"IETF CCAMP WG", ""}, {"IETF TEAS WG", ""}}},
		{"<mailto:x@example.org>", []Address{{"", "x@example.org"}}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := looseAddresses(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("looseAddresses(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestHeaderRepair(t *testing.T) {
	tests := []struct {
		name, raw   string
		subject     string
		body        string
		warnContain string
	}{
		{"mbox From line", "From x@example.com Sat Jan  1 00:00:00 2026\r\nSubject: s\r\n\r\nbody", "s", "body", ""},
		{"indented first line", " Subject: s\r\n\r\nbody", "s", "body", "repaired"},
		{"unindented parameter", "Subject: s\r\nContent-Type: text/plain;\r\ncharset=utf-8\r\n\r\nbody", "s", "body", "repaired"},
		{"no empty line", "Subject: s\r\nThis is the body.\r\nMore body.\r\n", "s", "This is the body.\r\nMore body.\r\n", "no empty line"},
		{"LF only", "Subject: s\n\nbody\n", "s", "body\n", ""},
		{"folded subject", "Subject: a\r\n  b\r\n\tc\r\n\r\n", "a b c", "", ""},
		{"no header", "just text\r\n", "", "just text\r\n", "does not start with a header"},
		{"header only", "Subject: s\r\n", "s", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newMimeParser(DefaultParseLimits())
			h, body := p.readHeader([]byte(tt.raw), "", true)
			if got := p.headerText("", h.Get("Subject")); got != tt.subject {
				t.Errorf("subject %q, want %q", got, tt.subject)
			}
			if string(body) != tt.body {
				t.Errorf("body %q, want %q", body, tt.body)
			}
			m := &Message{Warnings: p.warnings}
			if tt.warnContain != "" && !hasIssue(m, IssueHeader, tt.warnContain) {
				t.Errorf("no warning %q in %v", tt.warnContain, p.warnings)
			}
			if tt.warnContain == "" && len(p.warnings) > 0 {
				t.Errorf("unexpected warnings %v", p.warnings)
			}
		})
	}
}

func TestPartSplitter(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		parts  []string
		closed bool
	}{
		{"crlf", "preamble\r\n--b\r\nA\r\n--b\r\nB\r\n--b--\r\nepilogue", []string{"A", "B"}, true},
		{"lf and trailing blanks", "--b \nA\n--b\t\nB\n--b--", []string{"A", "B"}, true},
		{"longer boundary is not a delimiter", "--b\r\nA\r\n--bc\r\nstill A\r\n--b--", []string{"A\r\n--bc\r\nstill A"}, true},
		{"delimiter only at line start", "--b\r\nA --b\r\n--b--", []string{"A --b"}, true},
		{"missing close", "--b\r\nA\r\n--b\r\nB\r\n", []string{"A", "B\r\n"}, false},
		{"empty part", "--b\r\n--b\r\nB\r\n--b--", []string{"", "B"}, true},
		{"no delimiter", "nothing here", nil, false},
		{"close first", "--b--\r\n--b\r\nA", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp := partSplitter{body: []byte(tt.body), delim: []byte("--b"), pos: -1}
			var got []string
			for part, ok := sp.next(); ok; part, ok = sp.next() {
				got = append(got, string(part))
			}
			if !slices.Equal(got, tt.parts) || sp.closed != tt.closed {
				t.Errorf("parts %q closed %v, want %q %v", got, sp.closed, tt.parts, tt.closed)
			}
		})
	}
}

func TestMessageIDs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"<a@x> <b@x>", []string{"<a@x>", "<b@x>"}},
		{"<a@x> (message from Bob of Tue)", []string{"<a@x>"}},
		{"<a @x\r\n >", []string{"<a@x>"}},
		{"bare@x", []string{"<bare@x>"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := messageIDs(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("messageIDs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
