package classify

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/liaisond/liaisond/message"
)

const maxFuzzSeed = 6 << 10

var reISODate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// FuzzExtract feeds arbitrary message bytes through message.ParseBytes and Extract (without
// its recover, so that a panic fails): go test ./classify/ -run '^$' -fuzz FuzzExtract
// -fuzztime 30s -fuzzminimizetime 1x. Attachments are given their raw bytes as text, so that the readers meet
// arbitrary, even invalid, UTF-8.
func FuzzExtract(f *testing.F) {
	for _, dir := range []string{filepath.Join("..", "..", "shared", "corpus"), filepath.Join("testdata", "own")} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
		for _, p := range files {
			// small seeds keep the instrumented fuzzer fast; big ones are mostly base64
			if raw, err := os.ReadFile(p); err == nil && len(raw) <= maxFuzzSeed {
				f.Add(raw)
			}
		}
	}
	f.Add([]byte("Subject: LS on x\r\n\r\nTitle: a\r\nTo: IETF X WG\r\nDeadline: 31.02.2026\r\n"))
	f.Add([]byte{})
	d := testDirectory()
	groupNames := map[string]bool{}
	for _, e := range d.entries {
		if e.IsGroup {
			groupNames[e.Name] = true
		}
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if len(raw) > 3*maxFuzzSeed {
			return
		}
		m, _ := message.ParseBytes(raw, message.ParseLimits{MaxPartBytes: 1 << 20, MaxTotalBytes: 4 << 20})
		if m == nil {
			return
		}
		texts := make([]AttachmentText, len(m.Attachments))
		for i, a := range m.Attachments {
			texts[i] = AttachmentText{Text: string(a.Data), Kind: "text"}
		}
		x := extract(Input{Message: m, Attachments: texts}, d)
		checkInvariants(t, x, groupNames)
	})
}

// checkInvariants checks what every extraction must satisfy, whatever the input.
func checkInvariants(t *testing.T, x *Extraction, groupNames map[string]bool) {
	t.Helper()
	if x.Confidence < 0 || x.Confidence > 1 {
		t.Fatalf("confidence %v", x.Confidence)
	}
	for _, f := range fieldNames {
		ev, ok := x.Evidence[f]
		if !ok {
			t.Fatalf("no evidence for %s", f)
		}
		if ev.Confidence < 0 || ev.Confidence > 1 {
			t.Fatalf("evidence %s confidence %v", f, ev.Confidence)
		}
	}
	if x.Deadline != nil {
		if !reISODate.MatchString(*x.Deadline) {
			t.Fatalf("deadline %q", *x.Deadline)
		}
		if _, err := time.Parse("2006-01-02", *x.Deadline); err != nil {
			t.Fatalf("deadline %q: %v", *x.Deadline, err)
		}
	}
	if x.Purpose != nil {
		switch *x.Purpose {
		case PurposeInformation, PurposeAction, PurposeResponse:
		default:
			t.Fatalf("purpose %q", *x.Purpose)
		}
	}
	for _, r := range x.RouteTo {
		if !groupNames[r] {
			t.Fatalf("route_to %q is not a directory group", r)
		}
	}
	if x.Misdirected && x.DeliveredTo == nil {
		t.Fatal("misdirected without delivered_to")
	}
	b, err := json.Marshal(x)
	if err != nil {
		t.Fatal(err)
	}
	if !utf8.Valid(b) {
		t.Fatal("JSON is not valid UTF-8")
	}
	var back map[string]json.RawMessage
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{"from", "from_contacts", "to", "to_contacts", "other_identifiers", "route_to", "attachments", "warnings"} {
		if string(back[l]) == "null" {
			t.Fatalf("%s is null", l)
		}
	}
}

// TestInvariantsOnFixtures checks the invariants on every fixture, and that the JSON keeps
// the contract order.
func TestInvariantsOnFixtures(t *testing.T) {
	d := testDirectory()
	groupNames := map[string]bool{}
	for _, e := range d.entries {
		if e.IsGroup {
			groupNames[e.Name] = true
		}
	}
	for _, fx := range loadFixtures(t, filepath.Join("testdata", "own")) {
		x := extract(Input{Message: fx.msg, Attachments: fx.texts}, d)
		checkInvariants(t, x, groupNames)
	}
	b, _ := json.Marshal(&Extraction{})
	want := `{"is_liaison":false,"confidence":0,"title":null,"from":[],"from_contacts":[],"send_reply_to":null,"to":[],"to_contacts":[],"send_to":null,"purpose":null,"deadline":null,"in_response_to":null,"other_identifiers":[],"delivered_to":null,"misdirected":false,"route_to":[],"attachments":[],"evidence":{},"warnings":[]}`
	if string(b) != want {
		t.Errorf("empty extraction JSON:\n%s\nwant\n%s", b, want)
	}
	// Extract never panics, even on an empty input
	x := Extract(Input{}, nil)
	if x == nil || x.IsLiaison {
		t.Errorf("Extract(empty) = %+v", x)
	}
}

// TestDeterministic runs each fixture twice and compares the JSON.
func TestDeterministic(t *testing.T) {
	dir := filepath.Join("testdata", "own")
	d := loadDirectory(t, dir)
	for _, fx := range loadFixtures(t, dir) {
		a, _ := json.Marshal(Extract(Input{Message: fx.msg, Attachments: fx.texts}, d))
		b, _ := json.Marshal(Extract(Input{Message: fx.msg, Attachments: fx.texts}, d))
		if string(a) != string(b) {
			t.Errorf("%s: two runs differ", fx.name)
		}
	}
}
