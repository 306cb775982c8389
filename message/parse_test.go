package message

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The -update flag rewrites golden files instead of comparing. It is registered only when
// no other test file of the package has registered it already.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// goldenMessage is the JSON shape of a golden file: the Message plus what its methods
// compute, for nested messages too.
type goldenMessage struct {
	*Message
	Text     string          `json:"text"`
	Unquoted string          `json:"unquoted_text,omitempty"`
	Nested   []goldenMessage `json:"nested,omitempty"`
}

func golden(m *Message) goldenMessage {
	g := goldenMessage{Message: m, Text: m.Text()}
	if u := m.UnquotedText(); u != g.Text {
		g.Unquoted = u
	}
	for _, n := range m.Nested {
		g.Nested = append(g.Nested, golden(n))
	}
	return g
}

func goldenJSON(t *testing.T, m *Message) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(golden(m)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestParseGolden parses every testdata/parse/*.eml fixture and compares the result with
// the .golden.json beside it (go test -run TestParseGolden -update ./mail rewrites them).
func TestParseGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "parse", "*.eml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".eml")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			m, err := ParseBytes(raw, ParseLimits{})
			if err != nil {
				t.Fatalf("ParseBytes: %v", err)
			}
			got := goldenJSON(t, m)
			goldenFile := strings.TrimSuffix(file, ".eml") + ".golden.json"
			if updating() {
				if err := os.WriteFile(goldenFile, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(goldenFile)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the parse result (run with -update after checking the diff):\n%s", goldenFile, lineDiff(string(want), string(got)))
			}
		})
	}
}

// lineDiff shows the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var out strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			out.WriteString("line " + strconv.Itoa(i+1) + ":\n  want " + wl + "\n  got  " + gl + "\n")
			shown++
		}
	}
	return out.String()
}
