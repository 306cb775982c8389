package web

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/liaisond/liaisond/store"
)

// scanOK are the SCANs a public query may do: of a full-text index (FTS5 walks its own
// index), of a bounded subquery (a page of one name of a body), and of the small
// filter-choice summary.
var scanOK = regexp.MustCompile(`^SCAN (\w+ )?VIRTUAL TABLE|^SCAN (statement_facets)\b|^SCAN \(subquery-\d+\)|^SCAN CONSTANT ROW`)

// TestPublicQueriesUseIndexes runs every public page and API call, records each query
// they read the database with, and checks its plan (EXPLAIN QUERY PLAN): none may scan
// a table, whose cost grows with the record (issue 18: a statement page scanned
// statements and events, the lists recomputed their filter choices over every statement).
func TestPublicQueriesUseIndexes(t *testing.T) {
	var mu sync.Mutex
	seen := map[string][]any{}
	var order []string
	f := newFixtureWith(t, testConfig(), store.Options{OnRead: func(q string, args []any) {
		mu.Lock()
		defer mu.Unlock()
		if _, ok := seen[q]; !ok {
			order = append(order, q)
		}
		seen[q] = args
	}})
	posted, _, _ := f.standard()
	st := fmt.Sprint(posted.ID)
	mu.Lock()
	clear(seen)
	order = nil
	mu.Unlock()
	for _, target := range []string{
		"/", "/?page=2", "/?sort=deadline", "/?from=" + url.QueryEscape("ITU-T SG15") + "&sort=deadline",
		"/?to=" + url.QueryEscape("IETF CCAMP WG"), "/?from=ITU-T+SG15&to=IETF+CCAMP+WG&year=2026",
		"/?year=2026&purpose=action&action=1", "/?action=1&sort=deadline",
		"/search?q=flexgrid", "/search?q=optical+trans*&page=2",
		"/s/" + st, "/api/v1/statements/" + st, "/api/v1/statements", "/api/v1/statements?q=flexgrid",
		"/api/v1/statements?to=IETF+CCAMP+WG&sort=deadline&limit=5", "/feed.atom", "/feed.atom?from=ITU-T+SG15",
		"/?direction=incoming", "/?to=IETF+CCAMP+WG&direction=incoming&sort=deadline", "/?sort=updated&since=2026-01-01",
		"/api/v1/statements?sort=updated&since=2026-01-01T00:00:00Z", "/api/v1/statements?from=ITU-T+SG15&since=2026-01-01",
	} {
		if res := f.get(target); res.StatusCode != 200 {
			t.Fatalf("GET %s: %d", target, res.StatusCode)
		}
	}
	db, err := sql.Open("sqlite", "file:"+f.db.Path()+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if len(order) < 8 {
		t.Fatalf("only %d distinct queries recorded", len(order))
	}
	for _, q := range order {
		plan, err := queryPlan(db, q, seen[q])
		if err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
		for _, step := range plan {
			if strings.HasPrefix(step, "SCAN ") && !scanOK.MatchString(step) {
				t.Errorf("%s\nin the plan of\n%s\n%s", step, q, strings.Join(plan, "\n"))
			}
		}
	}
}

func queryPlan(db *sql.DB, q string, args []any) ([]string, error) {
	rows, err := db.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			return nil, err
		}
		plan = append(plan, detail)
	}
	return plan, rows.Err()
}
