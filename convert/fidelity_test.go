package convert

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/liaisond/liaisond/internal/testutil"
)

// minFidelity is the bar: the same words, in the same order, for 95% of the words.
const minFidelity = 0.95

// pdfSample is one PDF to compare with poppler.
type pdfSample struct {
	name string
	data []byte
}

// TestPDFFidelity compares our PDF text with `pdftotext -layout` word by word on the corpus
// PDFs, on PDFs LibreOffice makes from the corpus and fixture documents, and on any real PDFs
// named by LIAISOND_PDF_CORPUS (a glob) or installed under /usr/share/doc.
func TestPDFFidelity(t *testing.T) {
	testutil.NeedCommand(t, "pdftotext")
	samples := corpusPDFs(t)
	for _, f := range []string{"ls-sample.pdf", "ls-long.pdf"} {
		samples = append(samples, pdfSample{"testdata/" + f, fixture(t, f)})
	}
	samples = append(samples, officePDFs(t)...)
	samples = append(samples, realPDFs(t)...)
	var report []string
	for _, s := range samples {
		res, err := Text(context.Background(), "x.pdf", "application/pdf", s.data, Limits{})
		if err != nil {
			t.Errorf("%s: %v", s.name, err)
			continue
		}
		ref := words(pdftotext(t, s.data, true))
		recall, precision := fidelity(words(res.Text), ref)
		plainRecall, _ := fidelity(words(res.Text), words(pdftotext(t, s.data, false)))
		report = append(report, formatFidelity(s.name, len(ref), recall, precision, plainRecall))
		if recall < minFidelity || precision < minFidelity {
			t.Errorf("%s: recall %.3f, precision %.3f against pdftotext -layout (want ≥ %.2f)", s.name, recall, precision, minFidelity)
		}
	}
	sort.Strings(report)
	t.Logf("PDF words vs pdftotext (-layout recall/precision, default-mode recall):\n%s", strings.Join(report, "\n"))
}

func formatFidelity(name string, n int, recall, precision, plain float64) string {
	return fmt.Sprintf("%-60s %6d words  recall %.3f  precision %.3f  default-mode recall %.3f", name, n, recall, precision, plain)
}

// corpusPDFs returns the PDF attachments of the shared corpus.
func corpusPDFs(t *testing.T) []pdfSample {
	var out []pdfSample
	for msg, atts := range corpusAttachments(t) {
		for _, a := range atts {
			if strings.HasSuffix(strings.ToLower(a.name), ".pdf") {
				out = append(out, pdfSample{"corpus/" + msg[:2] + "/" + a.name, a.data})
			}
		}
	}
	if len(out) == 0 {
		t.Fatal("no PDF in the corpus")
	}
	return out
}

// officePDFs converts the corpus DOCX attachments and the fixtures with LibreOffice.
func officePDFs(t *testing.T) []pdfSample {
	testutil.NeedCommand(t, "soffice")
	inputs := map[string][]byte{}
	for msg, atts := range corpusAttachments(t) {
		for _, a := range atts {
			if NeedsPDF(kindOfExt(a.name)) {
				inputs["lo/corpus/"+msg[:2]+"/"+a.name] = a.data
			}
		}
	}
	for _, f := range []string{"ls-sample.docx", "ls-sample.odt", "ls-sample.rtf", "ls-sample.doc"} {
		inputs["lo/testdata/"+f] = fixture(t, f)
	}
	o := NewOffice(DefaultOfficeConfig(), nil)
	defer o.Close()
	var mu sync.Mutex
	var wg sync.WaitGroup
	var out []pdfSample
	for name, data := range inputs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pdf, err := o.ToPDF(context.Background(), name, data)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				t.Errorf("%s: %v", name, err)
				return
			}
			out = append(out, pdfSample{name, pdf})
		}()
	}
	wg.Wait()
	return out
}

// realPDFs returns third-party PDFs found on the machine, if any: they are not committed.
func realPDFs(t *testing.T) []pdfSample {
	patterns := []string{"/usr/share/doc/*/*.pdf"}
	if p := os.Getenv("LIAISOND_PDF_CORPUS"); p != "" {
		patterns = append(patterns, p)
	}
	var out []pdfSample
	for _, p := range patterns {
		files, _ := filepath.Glob(p)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err == nil && len(data) < 20<<20 {
				out = append(out, pdfSample{f, data})
			}
		}
	}
	if len(out) == 0 {
		t.Log("no third-party PDFs found (set LIAISOND_PDF_CORPUS to a glob to add some)")
	}
	return out
}
