package mail

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
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

// TestIMAPSpoolFailureNeverGivesUp: while the spool file cannot be written (a full disk),
// a large IMAP message is tried again, more often than max_attempts, but never given up
// (no failed event, no $LiaisondSkipped flag, the saved UID does not pass it), and the
// messages after it are recorded meanwhile. Once the disk has room it is recorded. It
// used to be given up after max_attempts, as if the message itself were poisoned.
func TestIMAPSpoolFailureNeverGivesUp(t *testing.T) {
	srv := startMemIMAP(t, imapCapsRev2, "", nil)
	big := imapMessage("spool-big", 300<<10) // past the spool's memory: a spool file
	srv.append(t, "INBOX", big)
	srv.append(t, "INBOX", imapMessage("spool-small", 100))
	env := newIMAPEnv(t)
	if err := os.RemoveAll(env.spool.dir); err != nil {
		t.Fatal(err)
	}
	cfg := env.config(t, srv.addr)
	cfg.MaxAttempts, cfg.PollInterval, cfg.MaxBackoff = 2, 10*time.Millisecond, 40*time.Millisecond
	rp := env.start(t, cfg, nil, nil)
	imapWaitFor(t, imapWait, "the small message recorded and the big one tried 3 times max_attempts, or given up", func() bool {
		return imapCountRecorded(t, env.db) == 1 && (rp.errors() >= float64(3*cfg.MaxAttempts) || imapState(t, env.db, cfg.Key()).LastUID != 0)
	})
	inbox, _ := srv.flags(t, "INBOX")
	if failed := imapEvents(t, env.db, store.EventFailed); len(failed) != 0 || imapHasFlag(inbox[1], skipKeyword) ||
		imapState(t, env.db, cfg.Key()).LastUID != 0 {
		t.Fatalf("given up on while the spool failed: failed events %v, flags %v", failed, inbox[1])
	}
	if err := os.MkdirAll(env.spool.dir, 0o700); err != nil {
		t.Fatal(err)
	}
	imapWaitFor(t, imapWait, "the big message recorded once the spool works", func() bool {
		return imapState(t, env.db, cfg.Key()).LastUID == 2
	})
	inbox, _ = srv.flags(t, "INBOX")
	if msgs := imapRecorded(t, env.db); len(msgs) != 2 || msgs[1].Size != int64(len(big)) || !imapHasFlag(inbox[1], imap.FlagSeen) {
		t.Fatalf("recorded %+v, flags %v", msgs, inbox[1])
	}
}
