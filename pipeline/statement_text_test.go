package pipeline

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/liaisond/liaisond/store"
)

// TestStatementAttachmentIsTheText: when the statement comes as an attachment, the
// attachment is the statement and the transmitting mail is not (the IAB's guidance), so
// search shows the statement's text first; the cover mail stays findable after it.
func TestStatementAttachmentIsTheText(t *testing.T) {
	cfg := corpusConfig(t)
	raw := corpusMessage(t, "02-3gpp-ct4-ls-docx-table.eml")
	db := openDB(t, nil)
	ctx := context.Background()
	id := record(t, db, raw)
	stages := &Stages{DB: db, TextLimits: cfg.Convert, Classifier: NewClassifier(cfg)}
	if n := New(testConfig, db, stages, slog.New(slog.DiscardHandler), nil).RunOnce(ctx); n != 1 {
		t.Fatalf("processed %d", n)
	}
	st, err := db.StatementByMessage(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	// The document number is in both: the cover mail ("Attached is LS C4-2601422 from
	// ...") and the statement's own header line.
	hits, err := db.Search(ctx, store.SearchQuery{Text: "C4-2601422"})
	if err != nil || len(hits) != 1 || hits[0].Statement.ID != st.ID {
		t.Fatalf("search: %d hits, %v", len(hits), err)
	}
	if snip := hits[0].Snippet; strings.Contains(snip, "Attached is") {
		t.Errorf("the snippet shows the cover mail, not the statement: %q", snip)
	}
	if hits, err := db.Search(ctx, store.SearchQuery{Text: "Barcelona Esteves"}); err != nil || len(hits) != 1 {
		t.Errorf("the cover mail is no longer searchable: %d hits, %v", len(hits), err)
	}
}
