package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/liaisond/liaisond/internal/testutil"
	"github.com/liaisond/liaisond/store"
)

// diskFullConfig makes retries quick (a job whose writes failed on the full disk is due
// again within a second or two, not a minute) and keeps LibreOffice out of the picture.
const diskFullConfig = `retry_initial = "300ms"
retry_max = "1s"
[libreoffice]
binary = "/nonexistent/soffice"
`

// TestProofDiskFull runs the daemon with its data folder on a 16 MiB tmpfs and fills that
// file system while mail arrives: every message must be answered 250 (and then be
// recorded byte-exact) or 451, never 5xx; the daemon stays up; once the filler is removed
// new mail gets 250 and every recorded message is processed; the database passes
// PRAGMA integrity_check.
//
// While full, SQLite can still commit into WAL space it wrote before (a checkpoint lets
// the WAL start over from its beginning), so the first small messages may rightly get
// 250: they are durable. Mail goes on until the WAL has to grow, which fails: 451. A
// message past the spool's memory needs a spool file, which cannot be written: 451. The
// workers meet the full disk too (job claims and their records fail) and must catch up.
func TestProofDiskFull(t *testing.T) {
	if testing.Short() {
		t.Skip("full file system test is not short")
	}
	start := time.Now()
	dir := t.TempDir()
	data := diskMountTmpfs(t, filepath.Join(dir, "data"), "16m")
	cfgPath, smtpAddr, webAddr := writeConfig(t, dir, diskFullConfig)
	d := startDaemon(t, cfgPath, smtpAddr, webAddr)

	var log diskLog
	for i := range 5 {
		log.send(t, d, "before", i, 2<<10)
	}
	time.Sleep(time.Second) // processed, and checkpointed: the WAL starts over
	filler, filled := diskFill(t, data)
	log.whileFull(t, d)
	d.mustBeUp(t)
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		if code := log.send(t, d, "after", i, 2<<10); code != 250 {
			t.Errorf("answered %d after the filler was removed", code)
		}
	}
	spoolRefusals := metricValue(t, d, `liaisond_rejections_total{reason="spool"}`)
	db := openDaemonDB(t, dir)
	retried := diskWaitProcessed(t, db, d, log.acked())
	db.Close()
	d.stop(t)

	lost, differ, refusedRecorded := log.verify(t, dir)
	integrity := diskIntegrity(t, filepath.Join(dir, "data", "liaisond.db"))
	leftover, _ := filepath.Glob(filepath.Join(data, "spool", "msg-*"))
	stderr := d.stderr.String()
	t.Logf("PROOF fault: disk full (16 MiB tmpfs, filler %d KiB): %d messages sent, answers %s; "+
		"%d acknowledged, %d acknowledged but lost, %d differing, %d refused but recorded; "+
		"integrity_check %s, %d spool files left, %v refusals counted as reason=spool; "+
		"%d failed commits, %d failed job claims, %d failed processing attempts, %d deferred on the full disk (not counted), "+
		"%d messages processed after more than one attempt, all %d processed once the disk had room; took %s",
		filled>>10, len(log.sent), log.codes(), len(log.acked()), lost, differ, refusedRecorded,
		integrity, len(leftover), spoolRefusals,
		strings.Count(stderr, "commit failed;"), strings.Count(stderr, "cannot claim a job"), strings.Count(stderr, "processing failed"), strings.Count(stderr, "processing deferred"),
		retried, len(log.acked()), time.Since(start).Round(100*time.Millisecond))
	if lost > 0 || differ > 0 || integrity != "ok" || len(leftover) > 0 {
		t.Fatalf("acknowledged messages lost or damaged, the database not intact, or spool files left:\n%s", stderr)
	}
	if log.count("full", 451) == 0 || log.count("full-large", 451) != 3 || spoolRefusals != 3 {
		t.Fatalf("while full: %s; want 451 once the WAL must grow, and for every message needing a spool file", log.codes())
	}
}

// whileFull sends while the file system is full. Small messages, spooled in memory: a
// dozen, then a pause in which the workers process them on the full disk, then more
// until the WAL cannot grow (bounded: it holds about 400 KiB before the fill) and a few
// after that. Then large ones, which need a spool file; then a pause in which the
// workers try again.
func (l *diskLog) whileFull(t *testing.T, d *daemonProc) {
	t.Helper()
	for i := range 12 {
		l.send(t, d, "full", i, 2<<10)
	}
	time.Sleep(1500 * time.Millisecond)
	for i, refused := 12, 0; i < 200 && refused < 5; i++ {
		if l.send(t, d, "full", i, 2<<10) == 451 {
			refused++
		}
	}
	for i := range 3 {
		l.send(t, d, "full-large", i, 400<<10)
	}
	time.Sleep(time.Second)
}

// diskMountTmpfs mounts a tmpfs of the given size on dir (created), unmounted at the end.
// Without the privilege to mount, the test cannot run: outside CI it skips, in CI it fails.
func diskMountTmpfs(t *testing.T, dir, size string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size+",mode=0700", "tmpfs", dir).CombinedOutput()
	if err != nil {
		testutil.Missing(t, fmt.Sprintf("a tmpfs mount (root, or CAP_SYS_ADMIN): mount: %v %s", err, bytes.TrimSpace(out)))
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			syscall.Unmount(dir, syscall.MNT_DETACH) // a straggler holds a file: detach
			t.Errorf("unmount %s: %v", dir, err)
		}
	})
	return dir
}

// diskFill writes a file into dir until the file system has not one byte left, in
// shrinking writes, and returns its name and size.
func diskFill(t *testing.T, dir string) (string, int64) {
	t.Helper()
	name := filepath.Join(dir, "filler")
	f, err := os.OpenFile(name, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var size int64
	for chunk := 1 << 20; chunk > 0; chunk /= 2 {
		buf := make([]byte, chunk)
		for range 64 << 20 / chunk { // bounded: more than the file system holds
			n, err := f.Write(buf)
			size += int64(n)
			if errors.Is(err, syscall.ENOSPC) {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil || st.Bavail != 0 {
		t.Fatalf("file system not full after %d bytes: %d blocks free (%v)", size, st.Bavail, err)
	}
	return name, size
}

// diskSent is one message and the answer it got.
type diskSent struct {
	phase, id string
	raw       []byte
	code      int
}

type diskLog struct{ sent []diskSent }

// send sends one message of about size bytes on a fresh connection and keeps its answer;
// any answer but 250 and 451 fails the test, and the daemon must still be up after it.
func (l *diskLog) send(t *testing.T, d *daemonProc, phase string, n, size int) int {
	t.Helper()
	id := fmt.Sprintf("<disk-%s-%d@example.com>", phase, n)
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: rapporteur@example.com\r\nTo: statements@example.org\r\nMessage-ID: %s\r\nSubject: LS %s %d\r\n\r\n", id, phase, n)
	for b.Len() < size {
		fmt.Fprintf(&b, "line %d of %s, a liaison statement that needs the disk\r\n", b.Len(), id)
	}
	code := replyCode(sendOne(d.smtp, b.Bytes()))
	l.sent = append(l.sent, diskSent{phase: phase, id: id, raw: b.Bytes(), code: code})
	if code != 250 && code != 451 {
		t.Errorf("%s: answered %d, want 250 or 451", id, code)
	}
	d.mustBeUp(t)
	return code
}

// replyCode is the SMTP code of a transaction's outcome: 250 for success, 0 when the
// connection itself failed.
func replyCode(err error) int {
	var se *smtp.SMTPError
	switch {
	case err == nil:
		return 250
	case errors.As(err, &se):
		return se.Code
	}
	return 0
}

func (l *diskLog) acked() []diskSent {
	var out []diskSent
	for _, s := range l.sent {
		if s.code == 250 {
			out = append(out, s)
		}
	}
	return out
}

func (l *diskLog) count(phase string, code int) int {
	n := 0
	for _, s := range l.sent {
		if s.phase == phase && s.code == code {
			n++
		}
	}
	return n
}

// codes summarises the answers per phase, e.g. "before 5×250, full 3×250 9×451".
func (l *diskLog) codes() string {
	var parts []string
	for _, phase := range []string{"before", "full", "full-large", "after"} {
		var c []string
		for _, code := range []int{250, 451, 0} {
			if n := l.count(phase, code); n > 0 {
				c = append(c, fmt.Sprintf("%d×%d", n, code))
			}
		}
		parts = append(parts, phase+" "+strings.Join(c, " "))
	}
	return strings.Join(parts, ", ")
}

// verify checks the stopped daemon's database: every acknowledged message is there
// byte-exact; it counts refused messages that were recorded anyway (allowed: the sender
// retries and the retry is linked as a duplicate, but it should not happen).
func (l *diskLog) verify(t *testing.T, dir string) (lost, differ, refusedRecorded int) {
	t.Helper()
	db := openDaemonDB(t, dir)
	defer db.Close()
	ctx := context.Background()
	msgs, err := db.Messages(ctx, store.MessageFilter{Limit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]int64{}
	for _, m := range msgs {
		byID[m.MessageID] = m.ID
	}
	for _, s := range l.sent {
		id, ok := byID[s.id]
		switch {
		case s.code != 250 && ok:
			refusedRecorded++
		case s.code == 250 && !ok:
			lost++
		case s.code == 250:
			if raw, err := db.Raw(ctx, id); err != nil || !bytes.Equal(raw, s.raw) {
				differ++
			}
		}
	}
	return lost, differ, refusedRecorded
}

// diskWaitProcessed waits until every acknowledged message has been through the pipeline and
// returns how many of them took more than one attempt.
func diskWaitProcessed(t *testing.T, db *store.DB, d *daemonProc, acked []diskSent) int {
	t.Helper()
	want := map[string]bool{}
	for _, s := range acked {
		want[s.id] = true
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		msgs, err := db.Messages(context.Background(), store.MessageFilter{Limit: 100000})
		if err != nil {
			t.Fatal(err)
		}
		done, retried, states := 0, 0, map[string]int{}
		for _, m := range msgs {
			if !want[m.MessageID] {
				continue
			}
			states[m.State]++
			if m.State == store.StateDone {
				done++
			}
			if m.Attempts > 1 {
				retried++
			}
		}
		if done == len(want) {
			return retried
		}
		if time.Now().After(deadline) {
			d.kill(t)
			t.Fatalf("backlog not processed after the disk was freed: %v of %d:\n%s", states, len(want), d.stderr.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// metricValue reads one sample of the daemon's /metrics (0 when it is absent).
func metricValue(t *testing.T, d *daemonProc, name string) float64 {
	t.Helper()
	resp, err := http.Get("http://" + d.ops + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(body), "\n") {
		if v, ok := strings.CutPrefix(line, name+" "); ok {
			f, _ := strconv.ParseFloat(v, 64)
			return f
		}
	}
	return 0
}

// mustBeUp checks that the daemon process runs and answers its health probe.
func (d *daemonProc) mustBeUp(t *testing.T) {
	t.Helper()
	if err := d.cmd.Process.Signal(syscall.Signal(0)); err != nil {
		t.Fatalf("daemon is gone: %v", err)
	}
	c := http.Client{Timeout: 5 * time.Second}
	resp, err := c.Get("http://" + d.web + "/healthz")
	if err != nil {
		t.Fatalf("daemon does not answer /healthz: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("/healthz answered %d", resp.StatusCode)
	}
}

// diskIntegrity runs PRAGMA integrity_check on a database nobody else has open.
func diskIntegrity(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil {
		t.Fatal(err)
	}
	return res
}
