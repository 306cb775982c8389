package web

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/liaisond/liaisond/auth"
	"github.com/liaisond/liaisond/store"
)

// TestSenderAuthenticationShown: managers see the SPF, DKIM and DMARC results of a
// statement's mail on its review page and in the API; the public sees only "verified as".
func TestSenderAuthenticationShown(t *testing.T) {
	f := newFixture(t, testConfig())
	posted, _, _ := f.standard()
	rep := auth.Report{Source: auth.SourceChecked, FromDomain: "itu.example", VerifiedAs: "itu.example",
		SPF:   auth.Method{Result: auth.Fail, Domain: "lists.example"},
		DKIM:  auth.Method{Result: auth.Pass, Domain: "itu.example", Selector: "sel", Aligned: true},
		DMARC: auth.Method{Result: auth.Pass, Domain: "itu.example"}}
	data, _ := json.Marshal(rep)
	if err := f.db.SaveAuth(context.Background(), posted.Message, store.MessageAuth{Report: data, VerifiedAs: rep.VerifiedAs},
		store.Event{Type: "authenticated"}); err != nil {
		t.Fatal(err)
	}

	page := f.get(fmt.Sprintf("/s/%d", posted.ID))
	if !strings.Contains(page.Body, "verified as itu.example") || strings.Contains(page.Body, "DKIM pass") {
		t.Errorf("public page: want only \"verified as itu.example\":\n%s", page.Body)
	}
	api := f.get(fmt.Sprintf("/api/v1/statements/%d", posted.ID))
	if !strings.Contains(api.Body, `"verified_as": "itu.example"`) || strings.Contains(api.Body, `"dkim"`) {
		t.Errorf("public API: %s", api.Body)
	}

	m := f.login("alice")
	item := f.get(fmt.Sprintf("/queue/%d", posted.ID), m.cookie)
	for _, want := range []string{"verified as itu.example", "SPF fail (lists.example)", "DKIM pass (itu.example)", "DMARC pass (itu.example)"} {
		if !strings.Contains(item.Body, want) {
			t.Errorf("review page lacks %q", want)
		}
	}
}
