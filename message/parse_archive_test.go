package message

import (
	"archive/tar"
	"slices"
	"strings"
	"testing"

	"github.com/liaisond/liaisond/internal/hostile"
)

// TestParseArchive: a zip attachment stays an attachment and its files follow it, marked
// FromArchive, within the parser's limits.
func TestParseArchive(t *testing.T) {
	mixed := "Subject: LS on something\r\nContent-Type: multipart/mixed; boundary=mix\r\n"
	text := "--mix\r\nContent-Type: text/plain\r\n\r\nPlease find the LS attached.\r\n"
	statement := hostile.Zip("SP-170768.doc", "a DOC")
	cases := []struct {
		name  string
		raw   []byte
		lim   ParseLimits
		files []string // path, file name, from archive, from nested
		code  IssueCode
	}{
		{"3GPP zip holding the DOC", hostile.Message(mixed, text+hostile.Base64Part("SP-170768.zip", statement)+"--mix--\r\n"), ParseLimits{},
			[]string{"2 SP-170768.zip false false", "2/SP-170768.zip/SP-170768.doc SP-170768.doc true false"}, ""},
		{"zip inside the zip, one level deep", hostile.Message(mixed, text+hostile.Base64Part("S2.zip",
			hostile.Zip("cover.txt", "c", "docs.zip", string(hostile.Zip("S2-1.docx", "d", "more.zip", string(statement)))))+"--mix--\r\n"), ParseLimits{},
			[]string{"2 S2.zip false false", "2/S2.zip/cover.txt cover.txt true false", "2/S2.zip/docs.zip docs.zip true false",
				"2/S2.zip/docs.zip/S2-1.docx S2-1.docx true false", "2/S2.zip/docs.zip/more.zip more.zip true false"}, ""},
		{"zip in a forwarded message", hostile.Message(mixed, text+"--mix\r\nContent-Type: message/rfc822\r\n\r\n"+
			"Subject: original\r\nContent-Type: multipart/mixed; boundary=in\r\n\r\n"+strings.ReplaceAll(hostile.Base64Part("SP-1.zip", statement), "--mix", "--in")+"--in--\r\n--mix--\r\n"), ParseLimits{},
			[]string{"2.1 SP-1.zip false true", "2.1/SP-1.zip/SP-170768.doc SP-170768.doc true true"}, ""},
		{"tar.gz holding the DOC", hostile.Message(mixed, text+hostile.Base64Part("SP-170768.tar.gz",
			hostile.TarGz(&tar.Header{Name: "SP-170768/SP-170768.doc"}, "a DOC"))+"--mix--\r\n"), ParseLimits{},
			[]string{"2 SP-170768.tar.gz false false", "2/SP-170768.tar.gz/SP-170768/SP-170768.doc SP-170768.doc true false"}, ""},
		{"a DOCX is not unpacked", hostile.Message(mixed, text+hostile.Base64Part("SP-1.docx", hostile.Docx("<w:p/>"))+"--mix--\r\n"), ParseLimits{},
			[]string{"2 SP-1.docx false false"}, ""},
		{"zip named .bin is unpacked by its content", hostile.Message(mixed, text+hostile.Base64Part("SP-1.bin", statement)+"--mix--\r\n"), ParseLimits{},
			[]string{"2 SP-1.bin false false", "2/SP-1.bin/SP-170768.doc SP-170768.doc true false"}, ""},
		{"more files than MaxParts leaves room for", hostile.Message(mixed, text+hostile.Base64Part("SP-1.zip",
			hostile.Zip("a", "a", "b", "b", "c", "c"))+"--mix--\r\n"), ParseLimits{MaxParts: 4},
			[]string{"2 SP-1.zip false false"}, IssueArchive},
		{"no room left at all", hostile.Message(mixed, text+hostile.Base64Part("SP-1.zip", statement)+"--mix--\r\n"), ParseLimits{MaxParts: 3},
			[]string{"2 SP-1.zip false false"}, IssueLimitParts},
		{"a broken zip is kept whole", hostile.Message(mixed, text+hostile.Base64Part("SP-1.zip", statement[:len(statement)-30])+"--mix--\r\n"), ParseLimits{},
			[]string{"2 SP-1.zip false false"}, IssueArchive},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, err := ParseBytes(c.raw, c.lim)
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, m)
			var files []string
			for _, a := range m.Attachments {
				files = append(files, strings.Join([]string{a.Path, a.Filename, boolStr(a.FromArchive), boolStr(a.FromNested)}, " "))
			}
			if !slices.Equal(files, c.files) {
				t.Errorf("attachments\n%q\nwant\n%q", files, c.files)
			}
			if c.code != "" && !hasIssue(m, c.code, "SP-1.zip") {
				t.Errorf("no %s issue naming the zip: problems %v", c.code, m.Problems)
			}
			if c.code == "" && len(m.Problems) > 0 {
				t.Errorf("problems %v", m.Problems)
			}
		})
	}
	t.Run("member data and content hash", func(t *testing.T) {
		m, _ := ParseBytes(hostile.Message(mixed, text+hostile.Base64Part("SP-170768.zip", statement)+"--mix--\r\n"), ParseLimits{})
		if len(m.Attachments) != 2 || string(m.Attachments[1].Data) != "a DOC" || m.Attachments[1].Size != 5 {
			t.Fatalf("attachments %+v", m.Attachments)
		}
		withMembers := ContentHash(m)
		m.Attachments = m.Attachments[:1]
		if ContentHash(m) != withMembers {
			t.Error("the files of an archive change the content hash: they are in the zip's hash already")
		}
	})
}

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
