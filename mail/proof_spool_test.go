package mail

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emersion/go-smtp"

	"github.com/liaisond/liaisond/store"
)

// TestSpoolWriteFailureIsAStorageProblem: a message that outgrows the spool's memory
// when the spool file cannot be written (here its folder is gone; a full disk in the
// proof test of cmd/liaisond) gets 451 4.3.0 and is counted and recorded as a local
// spool problem. It used to be counted as a failed transfer ("transfer"), which points
// an operator at the network instead of the disk.
func TestSpoolWriteFailureIsAStorageProblem(t *testing.T) {
	ti := startIntake(t, false, nil, nil)
	if err := os.RemoveAll(filepath.Join(ti.dir, "spool")); err != nil {
		t.Fatal(err)
	}
	err := sendSMTP(t, ti.addr(), false, "a@example.com", []string{"statements@example.org"}, testMessage("spool", 300<<10))
	var se *smtp.SMTPError
	if !errors.As(err, &se) || se.Code != 451 || se.EnhancedCode != (smtp.EnhancedCode{4, 3, 0}) {
		t.Fatalf("reply %v, want 451 4.3.0", err)
	}
	if !strings.Contains(se.Message, "local storage") {
		t.Errorf("reply text %q, want it to name a local storage problem", se.Message)
	}
	if n := imapCounter(ti.srv.metrics.Rejected.WithLabelValues("spool")); n != 1 {
		t.Errorf("rejections{reason=spool} = %v, want 1 (transfer: %v)", n, imapCounter(ti.srv.metrics.Rejected.WithLabelValues("transfer")))
	}
	evs, err := ti.db.Events(context.Background(), store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].Type != store.EventRejected || evs[0].Detail["reason"] != "spool" {
		t.Fatalf("events %+v, want one rejection for the spool", evs)
	}
}
