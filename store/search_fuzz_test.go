package store

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSearch sends anything a visitor can type into the public search box through
// MatchExpr into SQLite's FTS5: no input may be a query error (FTS5 syntax, column
// filters, NEAR, unbalanced quotes, NUL bytes), nor match more than the statements there
// are, nor return a snippet that is not valid UTF-8.
//
//	go test ./store -run '^$' -fuzz '^FuzzSearch$' -fuzztime 1m
func FuzzSearch(f *testing.F) {
	for _, seed := range []string{
		"optical", "LS on optical*", `"unbalanced`, "title:secret OR body:x", "NEAR(a b, 2)", "a AND NOT b",
		"^start", "- -- ---", "***", "ä ö 光 SG15/Q11", "x\x00y", "\xff\xfe", strings.Repeat("w ", 100),
	} {
		f.Add(seed)
	}
	db := openTest(f, Options{})
	ctx := context.Background()
	ids := []int64{
		addStatement(f, db, "LS on optical transport", StatementPosted, "The OTN frame carries wavelength labels."),
		addStatement(f, db, "LS on 光 networks", StatementPosted, "G.8275.1 / Y.1369.1 ä ö"),
	}
	for _, id := range ids {
		if err := db.IndexStatement(ctx, id, "LS on optical transport", "Dear colleagues, SG15/Q11 asks", "wavelength"); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		hits, err := db.Search(ctx, SearchQuery{Text: text, State: StatementPosted})
		if err != nil {
			t.Fatalf("search %q (match %q): %v", text, MatchExpr(text), err)
		}
		if len(hits) > len(ids) {
			t.Fatalf("search %q: %d hits from %d statements", text, len(hits), len(ids))
		}
		for _, h := range hits {
			if !utf8.ValidString(h.Snippet) {
				t.Fatalf("search %q: snippet %q is not UTF-8", text, h.Snippet)
			}
		}
	})
}
