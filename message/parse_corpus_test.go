package message

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/liaisond/liaisond/internal/testutil"
)

// TestParseSharedCorpus parses the sample statements of shared/corpus: each parses
// without problems, and its attachments are those the expected extraction lists (decoded
// file name and declared type, in tree order).
func TestParseSharedCorpus(t *testing.T) {
	dir := filepath.Join(testutil.SharedDir(t), "corpus")
	files, err := filepath.Glob(filepath.Join(dir, "*.eml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus messages in %s: %v", dir, err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".eml")
		t.Run(name, func(t *testing.T) {
			m := parseFileChecked(t, file)
			if len(m.Problems) > 0 {
				t.Errorf("problems: %v", m.Problems)
			}
			if strings.TrimSpace(m.Text()) == "" && len(m.Nested) == 0 {
				t.Errorf("no body text")
			}
			want := corpusAttachments(t, strings.TrimSuffix(file, ".eml")+".json")
			if want == nil {
				return // a non-statement: attachments unspecified
			}
			var got []corpusAttachment
			for _, a := range m.Attachments {
				got = append(got, corpusAttachment{Filename: a.Filename, ContentType: a.ContentType})
			}
			if !equalAttachments(got, want) {
				t.Errorf("attachments\n got %v\nwant %v", got, want)
			}
		})
	}
}

type corpusAttachment struct {
	Filename    string `json:"filename"`
	ContentType string `json:"content_type"`
}

// corpusAttachments reads the expected attachments; nil when the case has none listed.
func corpusAttachments(t *testing.T, file string) []corpusAttachment {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var exp struct {
		Attachments *[]corpusAttachment `json:"attachments"`
	}
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	if exp.Attachments == nil {
		return nil
	}
	return append([]corpusAttachment{}, *exp.Attachments...)
}

func equalAttachments(a, b []corpusAttachment) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestParseEnmimeTestdata parses the real-world broken mail of enmime's test data: no
// panic, no error where there is content, valid UTF-8 everywhere, and quickly.
func TestParseEnmimeTestdata(t *testing.T) {
	dir := filepath.Join(testutil.SharedDir(t), "third_party", "enmime-testdata")
	files, err := filepath.Glob(filepath.Join(dir, "*.raw"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test messages in %s: %v", dir, err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".raw"), func(t *testing.T) {
			parseFileChecked(t, file)
		})
	}
}

// parseFileChecked parses a file and checks what must hold for any input.
func parseFileChecked(t *testing.T, file string) *Message {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	m, err := ParseBytes(raw, ParseLimits{})
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("parse took %v", d)
	}
	if m == nil {
		t.Fatal("nil message")
	}
	if err != nil {
		t.Fatalf("ParseBytes: %v", err)
	}
	checkInvariants(t, m)
	return m
}

// checkInvariants checks the promises of Message that hold for every input.
func checkInvariants(t *testing.T, m *Message) {
	t.Helper()
	for _, is := range m.Problems {
		if is.Code == IssueInternal {
			t.Errorf("internal error: %v", is)
		}
	}
	strs := []string{m.Subject, m.MessageID, m.ListID, m.Text()}
	for _, b := range m.Bodies {
		strs = append(strs, b.Text, b.HTML)
	}
	for _, a := range append(append([]Address{}, m.From...), append(m.To, m.Cc...)...) {
		strs = append(strs, a.Name, a.Address)
		if a.Address != strings.ToLower(a.Address) {
			t.Errorf("address %q not lower case", a.Address)
		}
	}
	for _, a := range append(append([]*Attachment{}, m.Attachments...), m.Inline...) {
		strs = append(strs, a.Filename)
		if a.Filename == "" || strings.ContainsAny(a.Filename, "/\\\x00") || strings.HasPrefix(a.Filename, ".") || len(a.Filename) > maxFilenameBytes {
			t.Errorf("unsafe file name %q", a.Filename)
		}
		if a.Size != int64(len(a.Data)) {
			t.Errorf("%s: size %d, data %d", a.Filename, a.Size, len(a.Data))
		}
	}
	for _, s := range strs {
		if !utf8.ValidString(s) {
			t.Errorf("invalid UTF-8: %q", s)
		}
	}
	for _, n := range m.Nested {
		checkInvariants(t, n)
	}
}
