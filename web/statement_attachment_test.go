package web

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
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

// TestStatementAttachmentIsTheText: a statement that came as an attachment shows that
// attachment's text as its main text, named, before the mail that carried it (the cover
// mail), on the public page, the manager's page and in the JSON record; a statement in
// the mail's own text shows the mail as its body.
func TestStatementAttachmentIsTheText(t *testing.T) {
	f := newFixture(t, testConfig())
	ls := []byte("LS on packet clocks\nSG15 asks TICTOC to review the profile.")
	sum := sha256.Sum256(ls)
	marked := f.seed(seedMail{
		Subject: "SP-260455", Text: "Please find the attached document.", State: store.StatementPosted,
		Files: []seedFile{{Name: "SP-260455.docx", Type: "application/octet-stream", Data: ls}},
		Fields: map[string]any{"title": "LS on packet clocks", "attachments": []map[string]any{
			{"filename": "SP-260455.docx", "sha256": hex.EncodeToString(sum[:]), "statement": true}}},
	})
	m := f.login("alice")
	for _, page := range []response{f.get(fmt.Sprintf("/s/%d", marked.ID)), f.get(fmt.Sprintf("/queue/%d", marked.ID), m.cookie)} {
		stmt, cover := strings.Index(page.Body, ">Statement</h2>"), strings.Index(page.Body, ">Cover mail</h2>")
		text, mailText := strings.Index(page.Body, "SG15 asks TICTOC to review the profile."), strings.Index(page.Body, "Please find the attached document.")
		if stmt < 0 || cover < 0 || !(stmt < text && text < cover && cover < mailText) {
			t.Errorf("%s: statement heading %d, its text %d, cover mail heading %d, mail text %d: want them in that order",
				page.Request.URL.Path, stmt, text, cover, mailText)
		}
		if !strings.Contains(page.Body, "The text of SP-260455.docx, the attachment that is the statement.") {
			t.Errorf("%s: the statement text does not name its file", page.Request.URL.Path)
		}
	}
	var rec struct {
		Text string `json:"statement_text"`
		File string `json:"statement_file"`
	}
	if err := json.Unmarshal([]byte(f.get(fmt.Sprintf("/api/v1/statements/%d", marked.ID)).Body), &rec); err != nil ||
		rec.Text != string(ls) || rec.File != "SP-260455.docx" {
		t.Errorf("the JSON record's statement text: %+v %v", rec, err)
	}
	posted, _, _ := f.standard()
	page := f.get(fmt.Sprintf("/s/%d", posted.ID)).Body
	if strings.Contains(page, ">Statement</h2>") || strings.Contains(page, ">Cover mail</h2>") || !strings.Contains(page, ">Body</h2>") {
		t.Error("a statement in the mail's own text is not shown as the mail's body")
	}
}
