package classify

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/liaisond/liaisond/internal/testutil"
)

// TestStatementAttachment: the attachment the statement's fields were read from is marked
// as the statement (the IAB's guidance), and named in the "attachments" evidence; a cover
// document, an annex, a zip, or any attachment of a statement written in the mail is not.
func TestStatementAttachment(t *testing.T) {
	own := filepath.Join("testdata", "own")
	corpus := filepath.Join(testutil.SharedDir(t), "corpus")
	cases := []struct {
		dir, fixture string
		want         string // the marked attachment; "" for none
	}{
		{own, "3gpp-ran1-docx-table", "R1-2603311.docx"},
		{own, "3gpp-ls-docx-and-cr-docx", "C4-263311.docx"}, // the LS, not the CR attached before it
		{own, "container-3gpp-zip-holding-docx", "SP-260455.docx"},
		{own, "container-rfc822-nested-docx-etsi", "F5G(26)034008_LS_DetNet.docx"},
		{own, "3gpp-sa6-reply-ls-body", ""},
		{corpus, "19-itut-sg11-docx-and-pdf", "SG11-LS031.docx"},
		{corpus, "01-3gpp-sa2-ls-in-body", ""},
	}
	sets := map[string][]*fixture{}
	for _, c := range cases {
		if sets[c.dir] == nil {
			sets[c.dir] = loadFixtures(t, c.dir)
		}
		var fx *fixture
		for _, f := range sets[c.dir] {
			if f.name == c.fixture || f.name[strings.IndexByte(f.name, '-')+1:] == c.fixture { // own: "NN-" + case name
				fx = f
			}
		}
		if fx == nil {
			t.Fatalf("no fixture %s in %s", c.fixture, c.dir)
		}
		x := extract(Input{Message: fx.msg, Attachments: fx.texts}, loadDirectory(t, c.dir))
		var marked []string
		for _, a := range x.Attachments {
			if a.Statement {
				marked = append(marked, a.Filename)
			}
		}
		switch {
		case c.want == "" && len(marked) > 0:
			t.Errorf("%s: marked %q; the statement is in the mail", c.fixture, marked)
		case c.want != "" && (len(marked) != 1 || marked[0] != c.want):
			t.Errorf("%s: marked %q, want %q", c.fixture, marked, c.want)
		case c.want != "" && !strings.Contains(x.Evidence["attachments"].Raw, "the statement is "+c.want):
			t.Errorf("%s: evidence %q does not name the statement", c.fixture, x.Evidence["attachments"].Raw)
		}
	}
}
