package convert

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emersion/go-message"
	_ "github.com/emersion/go-message/charset" // decodes non-UTF-8 header parameters
	"golang.org/x/text/unicode/norm"

	"github.com/liaisond/liaisond/internal/hostile"
	"github.com/liaisond/liaisond/internal/testutil"
)

// attachment is one file found in a corpus message.
type attachment struct {
	name, ctype string
	data        []byte
}

// corpusAttachments returns the attachments of every shared corpus message, by message file
// name, including those inside forwarded message/rfc822 parts.
func corpusAttachments(t testing.TB) map[string][]attachment {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(testutil.SharedDir(t), "corpus", "*.eml"))
	if err != nil || len(files) == 0 {
		testutil.Missing(t, "shared/corpus/*.eml")
	}
	out := map[string][]attachment{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = messageAttachments(t, raw, 0)
	}
	return out
}

func messageAttachments(t testing.TB, raw []byte, depth int) []attachment {
	t.Helper()
	ent, err := message.Read(bytes.NewReader(raw))
	if err != nil && !message.IsUnknownCharset(err) {
		t.Fatalf("reading corpus message: %v", err)
	}
	var out []attachment
	err = ent.Walk(func(_ []int, e *message.Entity, err error) error {
		if err != nil && !message.IsUnknownCharset(err) {
			return err
		}
		ctype, params, _ := e.Header.ContentType()
		if strings.HasPrefix(ctype, "multipart/") {
			return nil
		}
		body, err := io.ReadAll(e.Body)
		if err != nil {
			return err
		}
		if ctype == "message/rfc822" && depth < 3 {
			out = append(out, messageAttachments(t, body, depth+1)...)
			return nil
		}
		_, dparams, _ := e.Header.ContentDisposition()
		name := dparams["filename"]
		if name == "" {
			name = params["name"]
		}
		if name != "" {
			out = append(out, attachment{name: name, ctype: ctype, data: body})
		}
		return nil
	})
	if err != nil {
		t.Fatalf("walking corpus message: %v", err)
	}
	return out
}

// fixture reads a file of testdata/.
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// mustText runs Text with default limits and fails the test on error.
func mustText(t testing.TB, name string, data []byte) Result {
	t.Helper()
	res, err := Text(context.Background(), name, "", data, Limits{})
	if err != nil {
		t.Fatalf("Text(%s): %v", name, err)
	}
	return res
}

// wantLines checks that each expected line occurs as a whole line of text.
func wantLines(t testing.TB, label, text string, lines ...string) {
	t.Helper()
	have := map[string]bool{}
	for _, l := range strings.Split(text, "\n") {
		have[l] = true
	}
	for _, l := range lines {
		if !have[l] {
			t.Errorf("%s: missing line %q in:\n%s", label, l, text)
		}
	}
}

// pdftotext runs poppler's pdftotext on data; layout keeps each printed line on one line.
func pdftotext(t testing.TB, data []byte, layout bool) string {
	t.Helper()
	bin := testutil.NeedCommand(t, "pdftotext")
	args := []string{"-enc", "UTF-8", "-", "-"}
	if layout {
		args = append([]string{"-layout"}, args...)
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// words splits text into words after Unicode compatibility normalisation (ligatures such as
// "ﬁ" become "fi"), so that only real differences count.
func words(s string) []string {
	return strings.Fields(norm.NFKC.String(s))
}

// fidelity compares our words with poppler's: the share of poppler's words that we produce
// in the same order (recall) and the share of ours that poppler has in that order
// (precision), both from the longest common subsequence.
func fidelity(ours, ref []string) (recall, precision float64) {
	common := float64(lcsLen(ours, ref))
	if len(ref) == 0 || len(ours) == 0 {
		if len(ref) == len(ours) {
			return 1, 1
		}
		return 0, 0
	}
	return common / float64(len(ref)), common / float64(len(ours))
}

// lcsLen is the length of the longest common subsequence of a and b, by Myers' O((N+M)D)
// algorithm: fast when the sequences are nearly equal, as good extractions are.
func lcsLen(a, b []string) int {
	n, m := len(a), len(b)
	maxD := n + m
	v := make([]int, 2*maxD+2)
	off := maxD + 1
	for d := 0; d <= maxD; d++ {
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				return (n + m - d) / 2
			}
		}
	}
	return 0
}

// zipOf builds a zip archive from name → content pairs, in order.
func zipOf(_ testing.TB, parts ...string) []byte { return hostile.Zip(parts...) }
