package classify

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/liaisond/liaisond/internal/testutil"
	"github.com/liaisond/liaisond/message"
)

// TestUnsureReasonsCorpus: every statement of the sample corpus below the posting
// threshold says which fields are unsure, with their evidence and what settles them
// (not only "low confidence"), and no evidence reads "found in not found".
func TestUnsureReasonsCorpus(t *testing.T) {
	dir := filepath.Join(testutil.SharedDir(t), "corpus")
	d := loadDirectory(t, dir)
	const threshold = 0.85
	unsure := 0
	for _, fx := range loadFixtures(t, dir) {
		x := extract(Input{Message: fx.msg, Attachments: fx.texts}, d)
		for field, ev := range x.Evidence {
			w := ev.Where()
			for _, bad := range []string{"found in no", "found in not", "found in none", "found in default", "found in unknown"} {
				if strings.HasPrefix(w, bad) {
					t.Errorf("%s: %s evidence reads %q", fx.name, field, w)
				}
			}
		}
		reasons := x.UnsureReasons(threshold)
		if !x.IsLiaison || x.Confidence >= threshold {
			if x.IsLiaison && len(reasons) > 0 {
				t.Errorf("%s: confident (%.2f) yet unsure: %q", fx.name, x.Confidence, reasons)
			}
			continue
		}
		unsure++
		if len(reasons) == 0 {
			t.Errorf("%s: confidence %.2f and no unsure field named", fx.name, x.Confidence)
		}
		for _, r := range reasons {
			field, settle := SplitReason(r)
			if field == "" || settle == "" || !strings.Contains(r, x.Evidence[field].Where()) {
				t.Errorf("%s: reason %q: field %q, settle %q", fx.name, r, field, settle)
			}
		}
		t.Logf("%s (%.2f): %s", fx.name, x.Confidence, strings.Join(reasons, " | "))
	}
	if unsure == 0 {
		t.Fatal("no unsure statement in the corpus: the test proves nothing")
	}
	if f, s := SplitReason("no known group"); f != "" || s != "" {
		t.Fatalf("SplitReason of another reason: %q %q", f, s)
	}
}

// TestBidiControlsCleaned: bidi overrides and controls are removed from titles and body
// names as they are from file names, so that no consumer shows "LS\u202Efdp.exe".
func TestBidiControlsCleaned(t *testing.T) {
	raw := "From: A <a@itu.example>\r\nTo: statements@example.org\r\nSubject: LS on clocks\u202Efdp.exe\r\n" +
		"Content-Type: text/plain; charset=utf-8\r\n\r\nTitle: LS on clocks\u202Efdp.exe\r\nSource: ITU-T\u2066 SG15\r\nTo: IETF CCAMP WG\r\nFor: Information\r\n"
	m, err := message.ParseBytes([]byte(raw), message.ParseLimits{})
	if err != nil {
		t.Fatal(err)
	}
	x := Extract(Input{Message: m}, loadDirectory(t, filepath.Join(testutil.SharedDir(t), "corpus")))
	if got := deref(x.Title); got != "LS on clocksfdp.exe" {
		t.Errorf("title %q", got)
	}
	for _, v := range append(append([]string{}, x.From...), x.To...) {
		if strings.ContainsAny(v, "\u202e\u2066") {
			t.Errorf("body name %q", v)
		}
	}
}
