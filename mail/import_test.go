package mail

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liaisond/liaisond/internal/teststore"
	"github.com/liaisond/liaisond/store"
)

func newTestImporter(t *testing.T) (*Importer, *store.DB) {
	t.Helper()
	dir := t.TempDir()
	db := teststore.OpenAt(t, filepath.Join(dir, "db"), store.Options{})
	spool, err := NewSpooler(filepath.Join(dir, "spool"))
	if err != nil {
		t.Fatal(err)
	}
	return NewImporter(db, spool, 1<<20, 64<<10), db
}

// lfMessage is a message as a local mailbox stores it: LF line endings.
func lfMessage(n int) string {
	return fmt.Sprintf("From: a%d@example.com\nMessage-ID: <m%d@example.com>\nSubject: LS %d\n\nFrom the body, a line that mbox must quote.\nbody %d\n", n, n, n, n)
}

func crlf(s string) []byte { return []byte(strings.ReplaceAll(s, "\n", "\r\n")) }

func TestImportMboxWithDuplicates(t *testing.T) {
	im, db := newTestImporter(t)
	var mbox strings.Builder
	for _, n := range []int{1, 2, 1, 3} { // message 1 twice
		msg := strings.Replace(lfMessage(n), "\nFrom the body", "\n>From the body", 1)
		fmt.Fprintf(&mbox, "From a%d@example.com Mon Jan  5 10:00:00 2026\n%s\n", n, msg)
	}
	path := filepath.Join(t.TempDir(), "archive.mbox")
	os.WriteFile(path, []byte(mbox.String()), 0o600)
	ctx := context.Background()
	res, err := im.ImportMbox(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if res.Recorded != 3 || res.Duplicates != 1 || res.Failed != 0 {
		t.Fatalf("first import: %+v", res)
	}
	msgs, _ := db.Messages(ctx, store.MessageFilter{})
	for _, m := range msgs {
		raw, _ := db.Raw(ctx, m.ID)
		var n int
		fmt.Sscanf(m.MessageID, "<m%d@example.com>", &n)
		want := crlf(strings.Replace(lfMessage(n), "\nFrom the body", "\nFrom the body", 1))
		if !bytes.Equal(raw, want) {
			t.Fatalf("message %d recorded as %q, want %q", n, raw, want)
		}
	}
	// Idempotent: a second run records nothing new and adds no rows.
	res, err = im.ImportMbox(ctx, path)
	if err != nil || res.Recorded != 0 || res.Duplicates != 4 {
		t.Fatalf("second import: %+v %v", res, err)
	}
	if n, _ := db.CountMessages(ctx); n != 3 {
		t.Fatalf("%d rows after re-import, want 3", n)
	}
}

func TestImportMaildirWithDuplicates(t *testing.T) {
	im, db := newTestImporter(t)
	dir := t.TempDir()
	for _, sub := range []string{"cur", "new", "tmp"} {
		os.MkdirAll(filepath.Join(dir, sub), 0o700)
	}
	os.WriteFile(filepath.Join(dir, "cur", "1700000001.M1.host:2,S"), []byte(lfMessage(1)), 0o600)
	os.WriteFile(filepath.Join(dir, "cur", "1700000002.M2.host:2,"), []byte(lfMessage(2)), 0o600)
	os.WriteFile(filepath.Join(dir, "new", "1700000003.M3.host"), []byte(lfMessage(1)), 0o600) // duplicate of 1
	os.WriteFile(filepath.Join(dir, "tmp", "1700000004.M4.host"), []byte(lfMessage(4)), 0o600) // in delivery: ignored
	ctx := context.Background()
	res, err := im.ImportMaildir(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if res.Recorded != 2 || res.Duplicates != 1 {
		t.Fatalf("import: %+v", res)
	}
	res, _ = im.ImportMaildir(ctx, dir)
	if res.Recorded != 0 || res.Duplicates != 3 {
		t.Fatalf("re-import: %+v", res)
	}
	if n, _ := db.CountMessages(ctx); n != 2 {
		t.Fatalf("%d rows, want 2", n)
	}
}

// TestImportMatchesSMTP: a message imported from an LF archive is the same record as the
// same message received over SMTP, so the second is linked as a duplicate.
func TestImportMatchesSMTP(t *testing.T) {
	ti := startIntake(t, false, nil, nil)
	spool, _ := NewSpooler(filepath.Join(ti.dir, "spool2"))
	im := NewImporter(ti.db, spool, 1<<20, 64<<10)
	if err := sendSMTP(t, ti.addr(), false, "a@example.com", []string{"statements@example.org"}, crlf(lfMessage(7))); err != nil {
		t.Fatal(err)
	}
	res, err := im.ImportReader(context.Background(), strings.NewReader(lfMessage(7)), "m7.eml")
	if err != nil || res.DuplicateOf == 0 {
		t.Fatalf("import of the SMTP-received message: %+v %v", res, err)
	}
}

func TestImportMboxLongLinesAndNoTrailingNewline(t *testing.T) {
	im, db := newTestImporter(t)
	long := strings.Repeat("y", 200000)
	mbox := "From x Mon Jan  5 10:00:00 2026\nSubject: long\n\n" + long + "\nFrom y Mon Jan  5 10:00:00 2026\nSubject: last\n\nno newline at end"
	path := filepath.Join(t.TempDir(), "m.mbox")
	os.WriteFile(path, []byte(mbox), 0o600)
	res, err := im.ImportMbox(context.Background(), path)
	if err != nil || res.Recorded != 2 {
		t.Fatalf("%+v %v", res, err)
	}
	msgs, _ := db.Messages(context.Background(), store.MessageFilter{})
	raw, _ := db.Raw(context.Background(), msgs[1].ID)
	if !bytes.Contains(raw, []byte(long+"\r\n")) {
		t.Fatalf("long line not kept whole (%d bytes)", len(raw))
	}
	raw, _ = db.Raw(context.Background(), msgs[0].ID)
	if !bytes.HasSuffix(raw, []byte("no newline at end")) {
		t.Fatalf("last message %q", raw)
	}
}
