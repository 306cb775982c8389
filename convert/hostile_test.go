package convert

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/liaisond/liaisond/internal/hostile"
)

// hostileExpectation is what Text must do with one file of hostile.Files: give the error
// want (nil: text with at least one warning, or ErrMalformed, is fine too) within its time
// budget, or, when text is set, succeed with that text (the damage is harmless). It never
// crashes the test process.
type hostileExpectation struct {
	lim    Limits
	want   error
	budget time.Duration // wall clock allowed
	text   string
}

func TestHostileFiles(t *testing.T) {
	if hostile.FormDraws != maxFormDraws {
		t.Fatalf("hostile.FormDraws = %d, maxFormDraws = %d: the slow PDF no longer draws the most forms", hostile.FormDraws, maxFormDraws)
	}
	expect := hostileExpectations()
	for _, f := range hostile.Files(os.DirFS("testdata")) {
		t.Run(f.Name, func(t *testing.T) {
			c, found := expect[f.Name]
			if !found {
				t.Fatal("no expectation for this file in hostileExpectations")
			}
			delete(expect, f.Name)
			if raceEnabled {
				if c.lim.PDFMemoryBytes > 0 {
					t.Skip("the race detector's shadow memory does not fit the child's memory limit")
				}
				c.budget *= 10
			}
			data, err := f.Data()
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			res, err := Text(context.Background(), f.File, "", data, c.lim)
			took := time.Since(start)
			switch {
			case c.text != "":
				if err != nil || !strings.Contains(res.Text, c.text) {
					t.Errorf("err = %v, text %q; want text %q", err, res.Text, c.text)
				}
			case c.want != nil && !errors.Is(err, c.want):
				t.Errorf("err = %v, want %v", err, c.want)
			case c.want == nil && err == nil && len(res.Warnings) == 0:
				t.Errorf("no error and no warning; text %q", res.Text)
			case c.want == nil && err != nil && !errors.Is(err, ErrMalformed):
				t.Errorf("err = %v, want ErrMalformed or a warning", err)
			}
			if took > c.budget {
				t.Errorf("took %s, budget %s", took, c.budget)
			}
			t.Logf("%s: %v (warnings %q)", took.Round(time.Millisecond), err, res.Warnings)
		})
	}
	for name := range expect {
		t.Errorf("expectation for %q, which hostile.Files no longer has", name)
	}
}

// hostileExpectations are keyed by the names of hostile.Files.
func hostileExpectations() map[string]hostileExpectation {
	quick := 2 * time.Second
	return map[string]hostileExpectation{
		"zip bomb: one entry inflating past the entry cap":      {Limits{MaxEntryBytes: 4 << 20}, ErrLimit, quick, ""},
		"zip bomb: entries inflating past the total cap":        {Limits{MaxEntryBytes: 4 << 20, MaxExpandedBytes: 8 << 20}, ErrLimit, quick, ""},
		"zip with too many entries":                             {Limits{}, ErrLimit, quick, ""},
		"billion laughs in document.xml":                        {Limits{}, ErrMalformed, quick, ""},
		"XML nested past the depth limit":                       {Limits{}, ErrLimit, quick, ""},
		"RTF groups nested past the depth limit":                {Limits{}, ErrLimit, quick, ""},
		"PDF with a broken xref and nothing to rebuild it from": {Limits{}, ErrMalformed, quick, ""},
		"encrypted PDF":                       {Limits{}, ErrEncrypted, quick, ""},
		"NUL bytes":                           {Limits{}, ErrUnsupported, quick, ""},
		"truncated DOCX":                      {Limits{}, ErrMalformed, quick, ""},
		"truncated PDF":                       {Limits{}, nil, quick, ""},
		"truncated RTF":                       {Limits{}, nil, quick, ""},
		"PDF page tree that points to itself": {Limits{}, ErrMalformed, quick, ""},
		"PDF form XObject that draws itself":  {Limits{}, nil, quick, ""},
		"PDF whose xref stream claims 200 million objects (memory, child)":                 {Limits{PDFMemoryBytes: 256 << 20}, ErrLimit, 10 * time.Second, ""},
		"PDF whose xref stream claims 200 million objects (in-process)":                    {Limits{PDFInProcess: true}, ErrMalformed, quick, ""},
		"PDF content ending inside a hex string (fuzz crasher: the library's lexer spins)": {Limits{PDFInProcess: true}, nil, quick, "kept"},
		"PDF content with 50 million operands and no operator":                             {Limits{Timeout: time.Second}, ErrLimit, 5 * time.Second, ""},
		"PDF content that takes too long (time)":                                           {Limits{Timeout: time.Second}, ErrLimit, 5 * time.Second, ""},
	}
}
