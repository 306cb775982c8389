package pipeline

import (
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/liaisond/liaisond/internal/hostile"
	"github.com/liaisond/liaisond/internal/testutil"
	"github.com/liaisond/liaisond/message"
	"github.com/liaisond/liaisond/store"
)

// TestStatementInZip: the sample corpus's 3GPP statement (case 02, a DOCX) sent as
// C4-2601422.zip. The zip and the DOCX inside are both recorded; the DOCX has its text and
// waits for its PDF; the fields come from it as they do when it is attached directly, and
// search finds words of the statement.
func TestStatementInZip(t *testing.T) {
	shared := testutil.SharedDir(t)
	cfg := corpusConfig(t)
	raw := corpusMessage(t, "02-3gpp-ct4-ls-docx-table.eml")
	orig, err := message.ParseBytes(raw, message.ParseLimits{})
	if err != nil || len(orig.Attachments) != 1 {
		t.Fatalf("case 02: %v, %d attachments", err, len(orig.Attachments))
	}
	doc := orig.Attachments[0]
	zipped := hostile.Message("From: 3GPP Liaisons <3gppliaison@example.net>\r\nTo: statements@example.org\r\nSubject: C4-2601422\r\n"+
		"Message-ID: <c4-2601422-zip@example.net>\r\nDate: Mon, 6 Apr 2026 10:00:00 +0000\r\nDelivered-To: statements@example.org\r\n"+
		"Content-Type: multipart/mixed; boundary=mix\r\n",
		"--mix\r\nContent-Type: text/plain\r\n\r\nPlease find the attached document.\r\n"+
			hostile.Base64Part("C4-2601422.zip", hostile.Zip(doc.Filename, string(doc.Data)))+"--mix--\r\n")

	db := openDB(t, nil)
	ctx := context.Background()
	id := record(t, db, zipped)
	stages := &Stages{DB: db, TextLimits: cfg.Convert, Classifier: NewClassifier(cfg)}
	if n := New(testConfig, db, stages, slog.New(slog.DiscardHandler), nil).RunOnce(ctx); n != 1 {
		t.Fatalf("processed %d", n)
	}
	atts, err := db.Attachments(ctx, id)
	if err != nil || len(atts) != 2 {
		t.Fatalf("attachments %+v %v", atts, err)
	}
	if z := atts[0]; z.Filename != "C4-2601422.zip" || z.Kind != "zip" || z.TextError != "" || z.PDFState != store.PDFNone {
		t.Errorf("the zip: %+v", z)
	}
	if m := atts[1]; m.Filename != doc.Filename || m.MIMEPath != "2/C4-2601422.zip/"+doc.Filename || m.Kind != "docx" ||
		m.Text == "" || m.PDFState != store.PDFPending {
		t.Errorf("the DOCX from the zip: path %q kind %q text %d bytes, pdf %s, error %q", m.MIMEPath, m.Kind, len(m.Text), m.PDFState, m.TextError)
	}

	st, err := db.StatementByMessage(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	js, _ := os.ReadFile(filepath.Join(shared, "corpus", "02-3gpp-ct4-ls-docx-table.json"))
	if err := json.Unmarshal(js, &want); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(st.Fields, &got); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"title", "from", "to", "purpose", "deadline", "other_identifiers", "route_to"} {
		if g, w := mustJSON(got[f]), mustJSON(want[f]); g != w {
			t.Errorf("%s = %s, want %s (as from the DOCX attached directly)", f, g, w)
		}
	}
	hits, err := db.Search(ctx, store.SearchQuery{Text: "protocol configuration option"})
	if err != nil || len(hits) != 1 || hits[0].Statement.ID != st.ID {
		t.Errorf("search for a word of the statement: %d hits, %v", len(hits), err)
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
