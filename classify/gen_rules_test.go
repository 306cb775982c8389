package classify

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// Own cases of the rules learnt from real statements' layouts (docs/liaison-formats.md
// section 14): each is registered with the fields its rule decides, and
// TestRealLayoutRules requires exactly those fields, whatever their confidence (the own
// fixture test only fails on confident errors).

var ruleFields = map[string][]string{}

func addRuleCase(name string, fields []string, build func() ([]byte, expect)) {
	ruleFields[name] = fields
	addCase(name, build)
}

// pdfPages lays out a converted document page by page: each line is one text object,
// "\t" splits a line into cells set apart on one baseline (a table row).
func pdfPages(pages ...[]string) []byte {
	p := newPDF()
	for i, lines := range pages {
		if i > 0 {
			p.pages = append(p.pages, nil)
			p.y = 790
		}
		for _, ln := range lines {
			x := 56.0
			for _, cell := range strings.Split(ln, "\t") {
				if cell != "" {
					p.put(x, p.y, cell, false, 10)
				}
				x += max(150, 5.5*float64(len(cell))+30)
			}
			p.newline(13.5)
		}
	}
	return p.bytes()
}

// coverMail is a statement mailed by its sender with a short cover note and the document
// attached.
type coverMail struct {
	fromName, fromAddr string
	to                 string // default statements@example.org
	subject, note      string
	date               string
	extra              []hdr // more top-level fields (List-Id, Cc, ...)
	atts               []part
}

func (c coverMail) bytes() []byte {
	to := c.to
	if to == "" {
		to = "statements@example.org"
	}
	host := c.fromAddr[strings.IndexByte(c.fromAddr, '@')+1:]
	top := append(envelope(to, c.fromAddr, "mail."+host, "192.0.2.201", c.date, "Qr7St8Uv9Wx0"),
		hdr{"From", addr(c.fromName, c.fromAddr)}, hdr{"To", to}, hdr{"Subject", c.subject}, hdr{"Date", c.date},
		hdr{"Message-ID", "<" + strings.ReplaceAll(strings.ToLower(c.subject[:min(12, len(c.subject))]), " ", ".") + "." + c.date[5:7] + "@" + host + ">"})
	top = append(top, c.extra...)
	body := textPart(c.note, "plain", "us-ascii", "7bit")
	if len(c.atts) == 0 {
		return rawMessage(top, body)
	}
	return rawMessage(top, multipartPart("mixed", "=_rule_"+strings.ReplaceAll(c.date[5:16], " ", ""), append([]part{body}, c.atts...)...))
}

func pdfAtt(name string, pages ...[]string) part {
	return attachPart(pdfPages(pages...), "application/pdf", name, false)
}

// TestRealLayoutRules holds each rule case to the fields its rule decides.
func TestRealLayoutRules(t *testing.T) {
	d := loadDirectory(t, filepath.Join("testdata", "own"))
	n, checked, wrong := 0, 0, 0
	for _, fx := range loadFixtures(t, filepath.Join("testdata", "own")) {
		name := fx.name[strings.IndexByte(fx.name, '-')+1:]
		fields, ok := ruleFields[name]
		if !ok {
			continue
		}
		n++
		x := extract(Input{Message: fx.msg, Attachments: fx.texts}, d)
		for _, r := range compare(d, x, fx.expect) {
			for _, f := range fields {
				if f != r.field {
					continue
				}
				checked++
				if !r.ok {
					wrong++
					t.Errorf("%s: %s = %s, want %s (%s)", name, f, r.got, r.want, x.Evidence[f].Source)
				}
			}
		}
		for _, f := range fields {
			if strings.HasPrefix(f, "warn:") {
				checked++
				if !strings.Contains(strings.Join(x.Warnings, "\n"), f[5:]) {
					wrong++
					t.Errorf("%s: no warning %q in %q", name, f[5:], x.Warnings)
				}
			}
		}
		if testing.Verbose() {
			b, _ := json.Marshal(x.Metadata)
			t.Logf("%s: is_liaison %v conf %.2f %s", name, x.IsLiaison, x.Confidence, b)
		}
	}
	t.Logf("%d rule cases: %d of %d decided fields right", n, checked-wrong, checked)
	if n != len(ruleFields) {
		t.Errorf("%d rule cases in testdata/own, %d registered: regenerate", n, len(ruleFields))
	}
}
