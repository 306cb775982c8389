package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/liaisond/liaisond/store"
)

// TestStatementAttachmentMarked: the statement page says which attachment is the statement
// (the one the extraction marks), next to that file only; a statement without a marked
// attachment says nothing of the kind.
func TestStatementAttachmentMarked(t *testing.T) {
	f := newFixture(t, testConfig())
	ls, cr := []byte("LS on packet clocks"), []byte("CR to TS 29.500")
	sum := sha256.Sum256(ls)
	marked := f.seed(seedMail{
		Subject: "SP-260455", Text: "Please find the attached document.", State: store.StatementPosted,
		Files: []seedFile{{Name: "CR-0042.docx", Type: "application/octet-stream", Data: cr},
			{Name: "SP-260455.docx", Type: "application/octet-stream", Data: ls}},
		Fields: map[string]any{"title": "LS on packet clocks", "attachments": []map[string]any{
			{"filename": "CR-0042.docx", "sha256": "00"},
			{"filename": "SP-260455.docx", "sha256": hex.EncodeToString(sum[:]), "statement": true}}},
	})
	res := f.get(fmt.Sprintf("/s/%d", marked.ID))
	const note = "This attachment is the statement"
	if strings.Count(res.Body, note) != 1 {
		t.Fatalf("the note appears %d times", strings.Count(res.Body, note))
	}
	if i, j, k := strings.Index(res.Body, "CR-0042.docx"), strings.Index(res.Body, "SP-260455.docx"), strings.Index(res.Body, note); !(i < j && j < k) {
		t.Errorf("the note is not beside SP-260455.docx (positions %d %d %d)", i, j, k)
	}
	posted, _, _ := f.standard()
	if res := f.get(fmt.Sprintf("/s/%d", posted.ID)); strings.Contains(res.Body, note) {
		t.Error("a statement without a marked attachment names one")
	}
}
