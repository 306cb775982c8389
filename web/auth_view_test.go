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
	posted, queued, _ := f.standard()
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
	if api := f.get(fmt.Sprintf("/api/v1/statements/%d", posted.ID), m.cookie); !strings.Contains(api.Body, `"dkim"`) ||
		!strings.Contains(api.Body, `"selector": "sel"`) || api.Header.Get("Cache-Control") != "private, no-store" {
		t.Errorf("managers' API (%s): %s", api.Header.Get("Cache-Control"), api.Body)
	}
	if api := f.get(fmt.Sprintf("/api/v1/statements/%d", queued.ID), m.cookie); api.StatusCode != 200 {
		t.Errorf("managers' API of a queued statement: %d", api.StatusCode)
	}
	if api := f.get(fmt.Sprintf("/api/v1/statements/%d", queued.ID)); api.StatusCode != 404 {
		t.Errorf("public API of a queued statement: %d", api.StatusCode)
	}
	item := f.get(fmt.Sprintf("/queue/%d", posted.ID), m.cookie)
	for _, want := range []string{"verified as itu.example", "SPF fail (lists.example)", "DKIM pass (itu.example)", "DMARC pass (itu.example)"} {
		if !strings.Contains(item.Body, want) {
			t.Errorf("review page lacks %q", want)
		}
	}
}

// TestDirectionFilter: statements sent from the IETF are on the public record with their
// direction, and the list, the API and their filters tell the two apart.
func TestDirectionFilter(t *testing.T) {
	f := newFixture(t, testConfig())
	f.standard()
	sent := f.seed(seedMail{Subject: "LS on CCAMP models", Text: "Sent by CCAMP.", State: store.StatementPosted,
		Direction: store.DirectionOutgoing,
		Fields:    map[string]any{"title": "LS on CCAMP models", "from": []string{"CCAMP"}, "to": []string{"ITU-T SG15"}, "purpose": "information"}})

	list := f.get("/?direction=outgoing")
	if list.StatusCode != 200 || !strings.Contains(list.Body, "LS on CCAMP models") || strings.Contains(list.Body, "LS on optical transport") ||
		!strings.Contains(list.Body, "Sent from the IETF") {
		t.Errorf("list of outgoing statements (%d):\n%s", list.StatusCode, list.Body)
	}
	if in := f.get("/?direction=incoming"); strings.Contains(in.Body, "LS on CCAMP models") || !strings.Contains(in.Body, "LS on optical transport") {
		t.Errorf("list of incoming statements:\n%s", in.Body)
	}
	api := f.get("/api/v1/statements?direction=outgoing")
	var got struct {
		Statements []struct {
			ID        int64  `json:"id"`
			Direction string `json:"direction"`
		} `json:"statements"`
	}
	if err := json.Unmarshal([]byte(api.Body), &got); err != nil || len(got.Statements) != 1 || got.Statements[0].ID != sent.ID ||
		got.Statements[0].Direction != "outgoing" {
		t.Errorf("API ?direction=outgoing: %s", api.Body)
	}
	if bad := f.get("/api/v1/statements?direction=sideways"); bad.StatusCode != 400 || !strings.Contains(bad.Body, "direction") {
		t.Errorf("API ?direction=sideways: %d %s", bad.StatusCode, bad.Body)
	}
	if page := f.get(fmt.Sprintf("/s/%d", sent.ID)); !strings.Contains(page.Body, "Sent from the IETF") {
		t.Errorf("statement page lacks its direction")
	}
}
