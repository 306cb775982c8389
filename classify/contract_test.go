package classify

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/liaisond/liaisond/message"
)

// jsonNames lists the JSON names of a struct's fields in order, embedded structs inline.
func jsonNames(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous {
			out = append(out, jsonNames(f.Type)...)
			continue
		}
		if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "-" {
			out = append(out, name)
		}
	}
	return out
}

// TestFieldNames: the Field* names are the JSON names of Fields, in contract order, and
// Split gives the same fields and evidence as the contract JSON.
func TestFieldNames(t *testing.T) {
	if got, want := jsonNames(reflect.TypeOf(Fields{})), append(slices.Clone(fieldNames), "warnings"); !slices.Equal(got, want) {
		t.Errorf("Fields JSON names %q\nwant %q", got, want)
	}
	var lists []string
	for _, f := range reflect.VisibleFields(reflect.TypeOf(Metadata{})) {
		if f.Type.Kind() == reflect.Slice {
			lists = append(lists, f.Tag.Get("json"))
		}
	}
	if !slices.Equal(lists, ListFields) {
		t.Errorf("ListFields %q, want the lists of Metadata %q", ListFields, lists)
	}

	m, err := message.ParseBytes([]byte("From: a@itu.example\r\nSubject: LS on OTN\r\n\r\nTitle: LS on OTN\r\nFrom: ITU-T SG15\r\n"), message.ParseLimits{})
	if err != nil {
		t.Fatal(err)
	}
	x := Extract(Input{Message: m}, testDirectory())
	fields, evidence := x.Split()
	whole, err := json.Marshal(x)
	if err != nil {
		t.Fatal(err)
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(whole, &all); err != nil {
		t.Fatal(err)
	}
	fb, _ := json.Marshal(fields)
	var got map[string]json.RawMessage
	if err := json.Unmarshal(fb, &got); err != nil {
		t.Fatal(err)
	}
	delete(all, "confidence")
	eb, _ := json.Marshal(evidence)
	if string(eb) != string(all["evidence"]) {
		t.Errorf("evidence %s\nwant %s", eb, all["evidence"])
	}
	delete(all, "evidence")
	if !reflect.DeepEqual(got, all) {
		t.Errorf("fields %s\nwant the contract without confidence and evidence: %s", fb, whole)
	}
}

// TestExtractSetsKeys: the extraction carries the keys that link replies, so the pipeline
// needs no other call.
func TestExtractSetsKeys(t *testing.T) {
	m, err := message.ParseBytes([]byte("From: a@itu.example\r\nMessage-ID: <Self@x>\r\nIn-Reply-To: <Earlier@x>\r\nSubject: LS on OTN\r\n\r\nTitle: LS on OTN\r\n"), message.ParseLimits{})
	if err != nil {
		t.Fatal(err)
	}
	x := Extract(Input{Message: m}, testDirectory())
	if !slices.Contains(x.SelfKeys, "msgid:<self@x>") || !slices.Contains(x.ReplyKeys, "msgid:<earlier@x>") {
		t.Errorf("SelfKeys %q ReplyKeys %q", x.SelfKeys, x.ReplyKeys)
	}
}
