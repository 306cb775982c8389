package classify

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/convert"
	"github.com/liaisond/liaisond/internal/testutil"
	"github.com/liaisond/liaisond/message"
)

// The fixture sets share one format (shared/corpus/README.md): NN-name.eml with the expected
// NN-name.json beside it, and a directory.toml in the folder (else the sample corpus's).

// fixture is one message of a fixture set, parsed and with its attachments converted.
type fixture struct {
	name   string
	path   string
	msg    *message.Message
	texts  []AttachmentText
	expect map[string]json.RawMessage
}

// loadFixtures reads every case of a folder.
func loadFixtures(t testing.TB, dir string) []*fixture {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.eml"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	var out []*fixture
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m, err := message.ParseBytes(raw, message.ParseLimits{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		fx := &fixture{name: strings.TrimSuffix(filepath.Base(f), ".eml"), path: f, msg: m, texts: convertAttachments(m)}
		js, err := os.ReadFile(strings.TrimSuffix(f, ".eml") + ".json")
		if err != nil {
			t.Fatalf("%s: expected JSON: %v", f, err)
		}
		if err := json.Unmarshal(js, &fx.expect); err != nil {
			t.Fatalf("%s.json: %v", fx.name, err)
		}
		out = append(out, fx)
	}
	return out
}

// convertAttachments runs convert.Text on every attachment, as the pipeline does.
func convertAttachments(m *message.Message) []AttachmentText {
	out := make([]AttachmentText, len(m.Attachments))
	for i, a := range m.Attachments {
		r, err := convert.Text(context.Background(), a.Filename, a.ContentType, a.Data, convert.Limits{})
		out[i] = AttachmentText{Text: r.Text, Kind: r.Kind, Err: err}
	}
	return out
}

// loadDirectory reads the folder's directory.toml, or the sample corpus's.
func loadDirectory(t testing.TB, dir string) *Directory {
	t.Helper()
	p := filepath.Join(dir, "directory.toml")
	if _, err := os.Stat(p); err != nil {
		p = filepath.Join(testutil.SharedDir(t), "corpus", "directory.toml")
	}
	cfg, err := config.Load(p)
	if err != nil {
		t.Fatalf("directory: %v", err)
	}
	return NewDirectory(cfg.Directory)
}

// comparedFields are the contract fields the accuracy table reports, in contract order.
var comparedFields = []string{
	"is_liaison", "title", "from", "from_contacts", "send_reply_to", "to", "to_contacts", "send_to",
	"purpose", "deadline", "in_response_to", "other_identifiers", "delivered_to", "misdirected",
	"route_to", "attachments",
}

// fieldResult is the comparison of one field of one case.
type fieldResult struct {
	field      string
	ok         bool
	got, want  string
	confidence float64
}

// compare checks an extraction against the expected JSON by the corpus README's rules:
// lists as sets (attachments in order), bodies after normalisation through the directory,
// titles with whitespace collapsed; a non-statement compares only is_liaison and
// delivered_to.
func compare(dir *Directory, x *Extraction, want map[string]json.RawMessage) []fieldResult {
	gotJSON, _ := json.Marshal(x)
	var got map[string]json.RawMessage
	_ = json.Unmarshal(gotJSON, &got)
	var wantLiaison bool
	_ = json.Unmarshal(want["is_liaison"], &wantLiaison)
	fields := comparedFields
	if !wantLiaison {
		fields = []string{"is_liaison", "delivered_to"}
	}
	var out []fieldResult
	for _, f := range fields {
		w, ok := want[f]
		if !ok {
			continue
		}
		g := got[f]
		r := fieldResult{field: f, got: string(g), want: string(w), confidence: x.Evidence[f].Confidence}
		r.ok = fieldEqual(dir, f, g, w)
		out = append(out, r)
	}
	return out
}

func fieldEqual(dir *Directory, f string, g, w json.RawMessage) bool {
	switch f {
	case "from", "to":
		return sameSet(stringsOf(g), stringsOf(w), func(s string) string { return groupKey(dir.CanonicalGroup(s)) })
	case "from_contacts", "to_contacts", "route_to":
		return sameSet(stringsOf(g), stringsOf(w), strings.ToLower)
	case "other_identifiers":
		return sameSet(stringsOf(g), stringsOf(w), func(s string) string { return strings.ToUpper(strings.ReplaceAll(s, " ", "")) })
	case "title", "in_response_to":
		var gs, ws *string
		_ = json.Unmarshal(g, &gs)
		_ = json.Unmarshal(w, &ws)
		if gs == nil || ws == nil {
			return gs == nil && ws == nil
		}
		return collapseSpaces(*gs) == collapseSpaces(*ws)
	case "attachments":
		type att struct {
			Filename    string `json:"filename"`
			ContentType string `json:"content_type"`
		}
		var ga, wa []att
		_ = json.Unmarshal(g, &ga)
		_ = json.Unmarshal(w, &wa)
		if len(ga) != len(wa) {
			return false
		}
		for i := range ga {
			if ga[i] != wa[i] {
				return false
			}
		}
		return true
	}
	var gv, wv any
	_ = json.Unmarshal(g, &gv)
	_ = json.Unmarshal(w, &wv)
	return fmt.Sprint(gv) == fmt.Sprint(wv)
}

func stringsOf(raw json.RawMessage) []string {
	var s []string
	_ = json.Unmarshal(raw, &s)
	return s
}

func sameSet(a, b []string, norm func(string) string) bool {
	set := func(l []string) map[string]bool {
		m := map[string]bool{}
		for _, s := range l {
			m[norm(s)] = true
		}
		return m
	}
	sa, sb := set(a), set(b)
	if len(sa) != len(sb) {
		return false
	}
	for k := range sa {
		if !sb[k] {
			return false
		}
	}
	return true
}

// isCore reports whether a field counts for the "no wrong core field with confidence ≥ 0.8"
// rule.
func isCore(f string) bool {
	for _, c := range CoreFields {
		if c == f {
			return true
		}
	}
	return false
}

// accuracy runs a fixture set and reports a per-field table and what the posting threshold
// does to it (see calibration); it fails on an is_liaison error or a wrong core field with
// confidence ≥ 0.8.
func accuracy(t *testing.T, dir string, strict bool) *calibration {
	fixtures := loadFixtures(t, dir)
	if len(fixtures) == 0 {
		t.Skipf("no fixtures in %s", dir)
	}
	d := loadDirectory(t, dir)
	right := map[string]int{}
	total := map[string]int{}
	var hiRight, hiTotal, loRight, loTotal int
	var confs []string
	var failures []string
	statements := 0
	cal := newCalibration()
	for _, fx := range fixtures {
		x := extract(Input{Message: fx.msg, Attachments: fx.texts}, d)
		if x.IsLiaison {
			statements++
		}
		confs = append(confs, fmt.Sprintf("%s %.2f", fx.name[:min(2, len(fx.name))], x.Confidence))
		results := compare(d, x, fx.expect)
		if cal.add(x, results) {
			t.Logf("HELD %s (%.2f) with every field right: %s", fx.name, x.Confidence, strings.Join(x.UnsureReasons(postThreshold), " | "))
		}
		for _, r := range results {
			total[r.field]++
			if r.confidence >= 0.8 {
				hiTotal++
				if r.ok {
					hiRight++
				}
			} else {
				loTotal++
				if r.ok {
					loRight++
				}
			}
			if r.ok {
				right[r.field]++
				continue
			}
			line := fmt.Sprintf("%s: %s: got %s, want %s (confidence %.2f, %s)", fx.name, r.field, r.got, r.want, r.confidence, x.Evidence[r.field].Source)
			t.Log("MISMATCH " + line)
			if r.field == "is_liaison" || isCore(r.field) && r.confidence >= 0.8 {
				failures = append(failures, line)
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "accuracy on %s (%d messages, %d extracted as statements):\n", filepath.Base(dir), len(fixtures), statements)
	fmt.Fprintf(&b, "  %-18s %7s %6s\n", "field", "right", "%")
	for _, f := range comparedFields {
		if total[f] == 0 {
			continue
		}
		fmt.Fprintf(&b, "  %-18s %3d/%-3d %5.1f%%\n", f, right[f], total[f], 100*float64(right[f])/float64(total[f]))
	}
	fmt.Fprintf(&b, "  fields with confidence >= 0.8: %d/%d right; below 0.8: %d/%d right\n", hiRight, hiTotal, loRight, loTotal)
	fmt.Fprintf(&b, "  overall confidence per message: %s\n", strings.Join(confs, ", "))
	b.WriteString(cal.report())
	t.Log(b.String())
	if strict {
		for _, f := range failures {
			t.Errorf("%s", f)
		}
	}
	return cal
}

func TestMain(m *testing.M) {
	convert.RunChildIfRequested()
	os.Exit(m.Run())
}

func TestSampleCorpus(t *testing.T) {
	accuracy(t, filepath.Join(testutil.SharedDir(t), "corpus"), true)
}

func TestOwnFixtures(t *testing.T) {
	accuracy(t, filepath.Join("testdata", "own"), true)
}

// TestHeldoutFixtures runs the held-out set, written by another engineer without reading
// the extractor and never read by its authors (they were told only the kinds of error it
// found, once). It holds the extractor to the targets on mail it was not tuned on:
// no wrong core field with confidence ≥ 0.8, and at the default posting threshold at least
// 85 % of the statements posted with at most 1 % of those having a core field wrong (the
// confidence was calibrated on the sample corpus and the own fixtures only).
func TestHeldoutFixtures(t *testing.T) {
	accuracy(t, filepath.Join("testdata", "heldout"), true).holdTargets(t)
}
