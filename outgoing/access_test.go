package outgoing

import (
	"context"
	"testing"

	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/directory"
	"github.com/liaisond/liaisond/internal/teststore"
	"github.com/liaisond/liaisond/store"
)

// TestListFor: a statement from two groups waits for each group's approver until that
// one has approved; its author, its approvers and the central address see it, nobody
// else.
func TestListFor(t *testing.T) {
	ctx := context.Background()
	db := teststore.Open(t, store.Options{})
	cfg := config.Default()
	cfg.Routing.Central = "central@example.org"
	cfg.Areas = []directory.Area{{Name: "RTG", Directors: []string{"rtg-ad@example.org"}}, {Name: "OPS", Directors: []string{"ops-ad@example.org"}}}
	cfg.Groups = []directory.Group{{Name: "CCAMP", Area: "RTG", Chairs: []string{"chair@example.org"}},
		{Name: "OPSAWG", Area: "OPS", Chairs: []string{"chair@example.org"}}}
	cfg.SDOs = []directory.SDO{{Name: "MEF", Contacts: []string{"mef@mef.example"}}}
	svc := New(cfg, db)
	id, err := svc.Save(ctx, 0, "chair@example.org", Form{From: []string{"CCAMP", "OPSAWG"}, To: []string{"MEF"},
		Purpose: PurposeInformation, Title: "Joint LS", Body: "Text."})
	if err == nil {
		_, err = svc.Submit(ctx, id, "chair@example.org")
	}
	if err == nil {
		_, err = svc.Approve(ctx, id, "rtg-ad@example.org")
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		who                   string
		mine, waiting, others int
	}{
		{"chair@example.org", 1, 0, 0},
		{"rtg-ad@example.org", 0, 0, 1}, // approved already
		{"ops-ad@example.org", 0, 1, 0},
		{"central@example.org", 0, 0, 1},
		{"someone@example.org", 0, 0, 0},
	} {
		l, err := svc.ListFor(ctx, c.who)
		if err != nil {
			t.Fatal(err)
		}
		if len(l.Mine) != c.mine || len(l.Waiting) != c.waiting || len(l.Others) != c.others {
			t.Errorf("%s: mine %d, waiting %d, others %d; want %d, %d, %d", c.who, len(l.Mine), len(l.Waiting), len(l.Others),
				c.mine, c.waiting, c.others)
		}
	}
}
