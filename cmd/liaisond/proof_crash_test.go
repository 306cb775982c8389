package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	netmail "net/mail"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/liaisond/liaisond/internal/testutil"
	"github.com/liaisond/liaisond/store"
)

// The trials: SIGKILLs while several connections send, then SIGKILLs while the daemon
// works through what it recorded (processing, distribution planning, relay sends).
const (
	crashLoadKills    = 10
	crashBacklogKills = 12
	crashConns        = 4
	crashMaxDelay     = 1200 * time.Millisecond // latest backlog kill after the restart
	crashDrainTimeout = 90 * time.Second        // a bound for a loaded CI machine; it takes 2-30 s
)

// crashVolume is how much mail the rounds send: a load round is killed after 1 to
// maxAcks 250s, and every other backlog round first sends batch messages. The daemon of
// a -race test binary processes a message in about 300 ms instead of 20 (a PDF in 1.5 s),
// so a -race run sends fewer messages, with as many kills.
func crashVolume() (maxAcks, batch int) {
	if raceBuild() {
		return 6, 4
	}
	return 40, 24
}

// raceBuild reports whether the test binary (and so the daemon it runs) was built with
// the race detector.
func raceBuild() bool {
	bi, ok := debug.ReadBuildInfo()
	return ok && slices.Contains(bi.Settings, debug.BuildSetting{Key: "-race", Value: "true"})
}

// crashPipelineKeys make a job interrupted by a kill due again within a second (its claim
// moved it forward by the retry delay, a minute by default).
const crashPipelineKeys = `retry_initial = "300ms"
retry_max = "1s"
`

// crashLS is a corpus message the trials send, and what must come of it: the state of
// its statement and the messages the routing table sends for it ("kind address"). The
// routing is written down here from the corpus directory, not read back from the daemon,
// so that a plan lost in a crash shows as missing forwards.
type crashLS struct {
	file, rcpt, state string
	sends             []string
	raw               []byte
}

var crashCorpus = []crashLS{
	{file: "01-3gpp-sa2-ls-in-body", rcpt: "statements@example.org", state: store.StatementPosted,
		sends: []string{"forward detnet-chairs@example.org"}},
	{file: "03-itut-sg15-ls-docx-table", rcpt: "statements@example.org", state: store.StatementPosted,
		sends: []string{"forward ccamp-chairs@example.org", "forward teas-chairs@example.org"}},
	{file: "04-itut-sg13-ls-pdf", rcpt: "statements@example.org", state: store.StatementPosted,
		sends: []string{"forward opsawg-chairs@example.org", "forward nmrg-chairs@example.org"}},
	{file: "07-mef-letter-in-body", rcpt: "statements@example.org", state: store.StatementPosted,
		sends: []string{"forward opsawg-chairs@example.org", "forward ippm-chairs@example.org"}},
	// Title from the mail subject, sender and addressee from prose: it waits for a person.
	{file: "17-w3c-prose-subject-title", rcpt: "statements@example.org", state: store.StatementQueued},
	// Delivered to the group it is addressed to: nothing to send.
	{file: "08-datatracker-new-liaison", rcpt: "ippm@example.org", state: store.StatementPosted},
	{file: "09-etsi-cyber-outlook-html-cp1252", rcpt: "statements@example.org", state: store.StatementPosted,
		sends: []string{"forward ipsecme-chairs@example.org"}},
	{file: "14-itut-sg17-comment-no-deadline", rcpt: "statements@example.org", state: store.StatementPosted,
		sends: []string{"forward acme-chairs@example.org", "forward lamps-chairs@example.org"}},
	{file: "15-etsi-f5g-misdirected-to-opsawg", rcpt: "opsawg@example.org", state: store.StatementPosted,
		sends: []string{"forward ccamp-chairs@example.org", "notice etsi-liaison@example.org"}},
	{file: "16-3gpp-ct1-misdirected-to-dnsop", rcpt: "dnsop@example.org", state: store.StatementPosted,
		sends: []string{"forward dhc-chairs@example.org", "notice 3gpp-liaison@example.org"}},
	{file: "18-3gpp-tsg-sa-docx-tabs-multi-to", rcpt: "statements@example.org", state: store.StatementPosted,
		sends: []string{"forward iab-chair@example.org", "forward detnet-chairs@example.org"}},
	{file: "19-itut-sg11-docx-and-pdf", rcpt: "statements@example.org", state: store.StatementPosted,
		sends: []string{"forward bmwg-chairs@example.org"}},
	{file: "20-itut-sg2-rtf", rcpt: "statements@example.org", state: store.StatementPosted,
		sends: []string{"forward dnsop-chairs@example.org", "forward iab-chair@example.org"}},
	{file: "23-ccsa-gb2312-base64", rcpt: "statements@example.org", state: store.StatementPosted,
		sends: []string{"forward spring-chairs@example.org"}},
	{file: "27-neg-receipt-acknowledgement", rcpt: "statements@example.org", state: store.StatementRejected},
}

// TestProofCrashTrials SIGKILLs a real daemon again and again, at random points, while
// mail arrives on several connections and while it processes, plans and forwards a
// backlog, restarting it each time; unacknowledged messages are sent again, as an MTA
// would. After the last restart it lets the daemon drain and checks: every message that
// got a 250 is recorded byte-exact; every job is finished; no statement is posted twice;
// every forward and notice the routing calls for reaches the relay; none reaches a
// destination twice under different Message-IDs (the same one again is the documented
// at-least-once resend after a crash between the relay's 250 and our record of it).
func TestProofCrashTrials(t *testing.T) {
	if testing.Short() {
		t.Skip("crash trials are not short")
	}
	start := time.Now()
	seed := crashSeed()
	t.Logf("seed %d (LIAISOND_PROOF_SEED=%d repeats the choices; the timing still varies)", seed, seed)
	tr := newCrashTrial(t, seed)
	relay := newTestRelay(t)
	relay.start(t)
	dir := t.TempDir()
	tr.cfgPath, tr.smtpAddr, tr.webAddr = writeConfig(t, dir,
		crashPipelineKeys+distributionKeys(t, relay, "hourly_budget = 100000\n"))

	for range crashLoadKills {
		tr.killDuringLoad(t)
	}
	for i := range crashBacklogKills {
		tr.killDuringBacklog(t, i%2 == 0)
	}
	drained := tr.drain(t, dir)

	r := tr.verify(t, dir, relay)
	for _, k := range tr.kills {
		t.Log(k)
	}
	load, busy := tr.killPhases()
	t.Logf("PROOF crash: %d kills (%d during SMTP load with transactions cut, %d while processing or forwarding), "+
		"%d messages attempted in %d SMTP transactions, %d acknowledged, %d recorded (+%d duplicates from resends), "+
		"%d acknowledged but missing, %d differing, %d jobs unfinished (%d redone after a kill); "+
		"%d statements (%d in a wrong state), "+
		"%d posted twice; forwards and notices: %d expected, %d delivered, %d lost, %d unplanned, "+
		"%d duplicated with a different Message-ID, %d duplicated with the same Message-ID "+
		"(%d sends redone after a kill); "+
		"drained in %s, seed %d, took %s",
		len(tr.kills), load, busy, len(tr.order), tr.transactions, len(tr.acked), r.recorded, r.duplicates,
		r.missing, r.differing, r.unfinished, r.redoneJobs, r.statements, r.wrongState, r.postedTwice,
		r.expected, r.delivered, r.lost, r.unplanned, r.dupDifferentID, r.dupSameID, r.redoneSends,
		drained.Round(100*time.Millisecond), seed, time.Since(start).Round(100*time.Millisecond))
	if len(r.problems) > 0 {
		t.Fatalf("%d violations, the first ones:\n%s", len(r.problems), strings.Join(r.problems[:min(len(r.problems), 20)], "\n"))
	}
	if len(tr.kills) < 20 || load == 0 || busy == 0 {
		t.Fatalf("the kills did not land in both phases (%d during load, %d during processing)", load, busy)
	}
}

// crashSeed is LIAISOND_PROOF_SEED when set, else taken from the clock.
func crashSeed() uint64 {
	if s, err := strconv.ParseUint(os.Getenv("LIAISOND_PROOF_SEED"), 10, 64); err == nil {
		return s
	}
	return uint64(time.Now().UnixNano())
}

// crashTrial is the state of the trials: the daemon's config, what was sent and
// acknowledged, and the kills.
type crashTrial struct {
	cfgPath, smtpAddr, webAddr string
	rng                        *rand.Rand // kill points; the test goroutine only
	maxAcks, batch             int        // crashVolume
	corpus                     []crashLS  // crashCorpus with the files read

	mu           sync.Mutex // guards what follows: the load's connections take messages
	pick         *rand.Rand // which corpus message comes next
	sent         map[string]crashSent
	order        []string // Message-IDs in the order first sent
	acked        map[string]bool
	retry        []outMail // tried without a 250: sent first by the next connections
	transactions int

	kills []crashKill
}

// crashSent is one message of the trials and the corpus entry it copies.
type crashSent struct {
	mail outMail
	ls   *crashLS
}

// crashKill is what one SIGKILL interrupted, from the test's side and the daemon's log.
type crashKill struct {
	n      int
	phase  string        // "load" or "backlog"
	after  time.Duration // from the daemon's readiness to the kill
	acked  int           // 250s in this life of the daemon
	cut    int           // transactions the kill cut off
	logged [3]int        // messages processed, distributions planned, relay sends
}

func (k crashKill) String() string {
	return fmt.Sprintf("kill %2d during %-7s at +%4dms: %3d acknowledged, %2d transactions cut; "+
		"the daemon logged %3d processed, %3d planned, %3d sent", k.n, k.phase, k.after.Milliseconds(), k.acked, k.cut,
		k.logged[0], k.logged[1], k.logged[2])
}

func newCrashTrial(t *testing.T, seed uint64) *crashTrial {
	tr := &crashTrial{rng: rand.New(rand.NewPCG(seed, 1)), pick: rand.New(rand.NewPCG(seed, 2)),
		corpus: slices.Clone(crashCorpus), sent: map[string]crashSent{}, acked: map[string]bool{}}
	dir := filepath.Join(testutil.SharedDir(t), "corpus")
	for i := range tr.corpus {
		raw, err := os.ReadFile(filepath.Join(dir, tr.corpus[i].file+".eml"))
		if err != nil {
			t.Fatal(err)
		}
		// SMTP carries CRLF lines; the byte-exact check compares against these bytes.
		if bytes.Count(raw, []byte("\n")) != bytes.Count(raw, []byte("\r\n")) {
			t.Fatalf("%s: not CRLF throughout", tr.corpus[i].file)
		}
		tr.corpus[i].raw = raw
	}
	tr.maxAcks, tr.batch = crashVolume()
	return tr
}

// source gives the load's connections the messages to send: first those that never got
// a 250, then up to fresh new copies of corpus messages.
func (tr *crashTrial) source(fresh int) func(c, n int) (outMail, bool) {
	return func(int, int) (outMail, bool) {
		tr.mu.Lock()
		defer tr.mu.Unlock()
		if len(tr.retry) > 0 {
			m := tr.retry[0]
			tr.retry = tr.retry[1:]
			return m, true
		}
		if fresh == 0 {
			return outMail{}, false
		}
		fresh--
		return tr.newMail(), true
	}
}

// newMail copies a random corpus message under a Message-ID of its own. Called with mu.
func (tr *crashTrial) newMail() outMail {
	ls := &tr.corpus[tr.pick.IntN(len(tr.corpus))]
	id := fmt.Sprintf("<proof-crash-%d@example.net>", len(tr.order)+1)
	m := outMail{id: id, rcpt: ls.rcpt, raw: withMessageID(ls.raw, id)}
	tr.sent[id] = crashSent{mail: m, ls: ls}
	tr.order = append(tr.order, id)
	return m
}

// withMessageID returns raw with its Message-ID field replaced by id: each copy of a
// corpus message is a message of its own (the same Message-ID and bytes would be recorded
// as a duplicate and not processed again).
func withMessageID(raw []byte, id string) []byte {
	end := bytes.Index(raw, []byte("\r\n\r\n")) + 2
	var out bytes.Buffer
	out.WriteString("Message-ID: " + id + "\r\n")
	for _, line := range bytes.SplitAfter(raw[:end], []byte("\r\n")) {
		if !bytes.HasPrefix(bytes.ToLower(line), []byte("message-id:")) {
			out.Write(line)
		}
	}
	out.Write(raw[end:])
	return out.Bytes()
}

// record notes the outcome of a load, and queues what got no 250 for the next one.
func (tr *crashTrial) record(tried int, acked []outMail) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tr.transactions += tried
	for _, m := range acked {
		tr.acked[m.id] = true
	}
	tr.retry = nil
	for _, id := range tr.order {
		if !tr.acked[id] {
			tr.retry = append(tr.retry, tr.sent[id].mail)
		}
	}
}

// killDuringLoad starts the daemon, sends on several connections and SIGKILLs it once a
// random number of messages got their 250, while the other connections are in the middle
// of their transactions.
func (tr *crashTrial) killDuringLoad(t *testing.T) {
	d := startDaemon(t, tr.cfgPath, tr.smtpAddr, tr.webAddr)
	ready := time.Now()
	target := 1 + tr.rng.IntN(tr.maxAcks)
	// A few more than the target: the connections are still busy when it is reached.
	load := startLoad(tr.smtpAddr, crashConns, tr.source(target+2*crashConns))
	load.waitAcks(target, 30*time.Second)
	d.kill(t)
	after := time.Since(ready)
	load.stop()
	tried, acked := load.wait()
	tr.record(tried, acked)
	tr.noteKill(d, crashKill{phase: "load", after: after, acked: len(acked), cut: tried - len(acked)})
}

// killDuringBacklog restarts the daemon on what earlier rounds recorded and SIGKILLs it
// at a random moment up to crashMaxDelay later, while the workers, the distributor and
// the outbox work; with batch, it first sends new messages (all must get their 250), so
// the backlog never runs dry.
func (tr *crashTrial) killDuringBacklog(t *testing.T, batch bool) {
	d := startDaemon(t, tr.cfgPath, tr.smtpAddr, tr.webAddr)
	ready := time.Now()
	k := crashKill{phase: "backlog"}
	if batch {
		load := startLoad(tr.smtpAddr, crashConns, tr.source(tr.batch))
		tried, acked := load.wait()
		tr.record(tried, acked)
		if len(acked) != tried {
			d.kill(t)
			t.Fatalf("%d of %d messages refused while nothing was killed:\n%s", tried-len(acked), tried, d.stderr.String())
		}
		k.acked = len(acked)
	}
	time.Sleep(time.Duration(tr.rng.Int64N(int64(crashMaxDelay))))
	d.kill(t)
	k.after = time.Since(ready)
	tr.noteKill(d, k)
}

// noteKill adds a kill with what the daemon logged in the life it ended.
func (tr *crashTrial) noteKill(d *daemonProc, k crashKill) {
	log := d.stderr.String() // the process has exited: its log is complete
	k.n = len(tr.kills) + 1
	k.logged = [3]int{strings.Count(log, "msg=processed"), strings.Count(log, `msg="distribution planned"`),
		strings.Count(log, "msg=sent ")}
	tr.kills = append(tr.kills, k)
}

// killPhases counts the kills that cut SMTP transactions and those that ended a daemon
// busy processing or forwarding.
func (tr *crashTrial) killPhases() (load, busy int) {
	for _, k := range tr.kills {
		switch {
		case k.phase == "load" && k.cut > 0:
			load++
		case k.phase == "backlog" && k.logged != [3]int{}:
			busy++
		}
	}
	return load, busy
}

// drain restarts the daemon a last time, sends what never got a 250, waits until every
// job is finished, every posted statement is planned and the outbox is empty, and stops
// the daemon with SIGTERM. It returns how long the drain took.
func (tr *crashTrial) drain(t *testing.T, dir string) time.Duration {
	d := startDaemon(t, tr.cfgPath, tr.smtpAddr, tr.webAddr)
	start := time.Now()
	load := startLoad(tr.smtpAddr, crashConns, tr.source(0))
	tried, acked := load.wait()
	tr.record(tried, acked)
	if len(acked) != tried {
		d.kill(t)
		t.Fatalf("%d of %d resent messages refused:\n%s", tried-len(acked), tried, d.stderr.String())
	}
	db := openDaemonDB(t, dir)
	defer db.Close()
	for !drained(t, db) {
		if time.Since(start) > crashDrainTimeout {
			t.Errorf("the daemon did not drain in %s", crashDrainTimeout) // the checks say what is left
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	took := time.Since(start)
	d.stop(t)
	return took
}

// drained reports whether nothing is left to do: no job waiting or running, no posted
// statement without a plan, no outgoing message waiting.
func drained(t *testing.T, db *store.DB) bool {
	ctx := context.Background()
	jobs, err := db.JobCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	outbox, err := db.OutboxCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	todo, err := db.StatementsToDistribute(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	return jobs[store.StatePending]+jobs[store.StateRunning]+outbox[store.OutboxPending] == 0 && len(todo) == 0
}

// crashReport is what the checks found; problems lists every violation.
type crashReport struct {
	recorded, duplicates, missing, differing, unfinished int
	redoneJobs, redoneSends                              int // taken up again after a kill cut them short
	statements, wrongState, postedTwice                  int
	expected, delivered, lost, unplanned                 int
	dupDifferentID, dupSameID                            int
	problems                                             []string
}

func (r *crashReport) problem(format string, args ...any) {
	r.problems = append(r.problems, fmt.Sprintf(format, args...))
}

// crashRecord is the database after the trials, read through the store.
type crashRecord struct {
	db         *store.DB
	messages   map[int64]store.Message   // by id
	original   map[string]store.Message  // by Message-ID, duplicates left out
	statements map[int64]store.Statement // by id
	byMessage  map[int64][]store.Statement
	events     []store.Event
}

// verify runs every check on the stopped daemon's database and the relay's mail.
func (tr *crashTrial) verify(t *testing.T, dir string, relay *testRelay) crashReport {
	db := openDaemonDB(t, dir)
	defer db.Close()
	rec := readCrashRecord(t, db)
	var r crashReport
	tr.checkRecorded(t, rec, &r)
	tr.checkStatements(rec, &r)
	tr.checkForwards(t, rec, relay, &r)
	return r
}

func readCrashRecord(t *testing.T, db *store.DB) *crashRecord {
	ctx := context.Background()
	rec := &crashRecord{db: db, messages: map[int64]store.Message{}, original: map[string]store.Message{},
		statements: map[int64]store.Statement{}, byMessage: map[int64][]store.Statement{}}
	msgs, err := db.Messages(ctx, store.MessageFilter{Limit: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		rec.messages[m.ID] = m
		if m.DuplicateOf == 0 {
			rec.original[m.MessageID] = m
		}
	}
	sts, err := db.Statements(ctx, store.StatementFilter{Limit: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range sts {
		rec.statements[st.ID] = st
		rec.byMessage[st.Message] = append(rec.byMessage[st.Message], st)
	}
	for page := 0; page < 1000; page++ { // bounded: far more pages than the trials write
		var after int64
		if len(rec.events) > 0 {
			after = rec.events[len(rec.events)-1].ID
		}
		evs, err := db.Events(ctx, store.EventFilter{AfterID: after, Limit: 5000})
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) == 0 {
			break
		}
		rec.events = append(rec.events, evs...)
	}
	return rec
}

// checkRecorded: every acknowledged message is recorded byte-exact (check 1) and every
// recorded message's processing ended (check 2).
func (tr *crashTrial) checkRecorded(t *testing.T, rec *crashRecord, r *crashReport) {
	ctx := context.Background()
	r.recorded, r.duplicates = len(rec.original), len(rec.messages)-len(rec.original)
	for _, id := range tr.order {
		if !tr.acked[id] {
			continue
		}
		m, ok := rec.original[id]
		if !ok {
			r.missing++
			r.problem("%s: acknowledged but not recorded", id)
			continue
		}
		raw, err := rec.db.Raw(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(raw, tr.sent[id].mail.raw) {
			r.differing++
			r.problem("%s (message %d): recorded bytes differ from those sent", id, m.ID)
		}
	}
	for _, m := range rec.messages {
		if m.Attempts > 1 {
			r.redoneJobs++ // nothing fails here but a kill
		}
		switch m.State {
		case store.StateDone, store.StateDuplicate:
		default:
			r.unfinished++
			r.problem("message %d %s: processing %s after the drain (attempts %d, %s)", m.ID, m.MessageID, m.State,
				m.Attempts, m.Error)
		}
	}
}

// checkStatements: each recorded message has one statement in the state its corpus
// entry calls for, posted once (check 3).
func (tr *crashTrial) checkStatements(rec *crashRecord, r *crashReport) {
	r.statements = len(rec.statements)
	posted, history := map[int64]int{}, map[int64][]string{}
	for _, ev := range rec.events {
		if ev.Type == store.StatementPosted {
			posted[ev.Message]++
		}
		history[ev.Message] = append(history[ev.Message], ev.Type)
	}
	for mid, m := range rec.original {
		s, ok := tr.sent[mid]
		if !ok {
			r.problem("message %d %s: recorded but never sent", m.ID, mid)
			continue
		}
		sts := rec.byMessage[m.ID]
		switch {
		case len(sts) != 1:
			r.wrongState++
			r.problem("message %d %s (%s): %d statements", m.ID, mid, s.ls.file, len(sts))
		case sts[0].State != s.ls.state:
			r.wrongState++
			r.problem("message %d %s (%s): statement %d %s %v, want %s", m.ID, mid, s.ls.file, sts[0].ID, sts[0].State,
				sts[0].ReviewReasons, s.ls.state)
		}
		if posted[m.ID] > 1 || len(sts) > 1 {
			r.postedTwice++
			r.problem("message %d %s: %d posted events, %d statements; its events %v", m.ID, mid, posted[m.ID], len(sts),
				history[m.ID])
		}
	}
}

// crashSend identifies one outgoing message by what it is for: the original's
// Message-ID, the kind (forward, notice) and the destination.
type crashSend struct{ original, kind, to string }

// checkForwards: every forward and notice the routing calls for was delivered (check 4);
// nothing else was; none twice under different Message-IDs (check 5).
func (tr *crashTrial) checkForwards(t *testing.T, rec *crashRecord, relay *testRelay, r *crashReport) {
	ids := map[crashSend]map[string]bool{} // the Message-IDs each was delivered under
	perID := map[string]int{}              // deliveries per destination and Message-ID
	for _, m := range relay.messages() {
		send, msgID, err := rec.identify(m)
		if err != nil {
			r.problem("relay got mail for %s that is not ours: %v", m.to, err)
			continue
		}
		if ids[send] == nil {
			ids[send] = map[string]bool{}
		}
		ids[send][msgID] = true
		perID[m.to+" "+msgID]++
	}
	expected := map[crashSend]bool{}
	for mid := range rec.original {
		for _, s := range tr.sent[mid].lsSends() {
			kind, to, _ := strings.Cut(s, " ")
			expected[crashSend{mid, kind, to}] = true
		}
	}
	r.expected = len(expected)
	items, err := rec.db.OutboxItems(context.Background(), store.OutboxFilter{Limit: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.Attempts > 1 {
			r.redoneSends++ // the relay refuses nothing: only a kill makes a second attempt
		}
	}
	for s := range expected {
		if len(ids[s]) == 0 {
			r.lost++
			r.problem("%s to %s for %s: never delivered", s.kind, s.to, s.original)
			continue
		}
		r.delivered++
	}
	for s, set := range ids {
		if !expected[s] {
			r.unplanned++
			r.problem("%s to %s for %s: delivered, but the routing does not call for it", s.kind, s.to, s.original)
		}
		if len(set) > 1 {
			r.dupDifferentID += len(set) - 1
			r.problem("%s to %s for %s: delivered under %d Message-IDs %v", s.kind, s.to, s.original, len(set), set)
		}
	}
	for _, n := range perID {
		r.dupSameID += n - 1 // allowed: a resend after a crash between the relay's 250 and our record
	}
}

// lsSends returns the sends of a message's corpus entry (none for a message never sent).
func (s crashSent) lsSends() []string {
	if s.ls == nil {
		return nil
	}
	return s.ls.sends
}

// identify reads a relayed message's header: our loop mark names its kind and statement,
// whose message the store knows.
func (rec *crashRecord) identify(m relayedMail) (crashSend, string, error) {
	h, err := netmail.ReadMessage(bytes.NewReader(m.data))
	if err != nil {
		return crashSend{}, "", err
	}
	kind, stmt, ok := strings.Cut(h.Header.Get("X-Liaisond-Loop"), "; statement=")
	id, err := strconv.ParseInt(stmt, 10, 64)
	if !ok || err != nil {
		return crashSend{}, "", fmt.Errorf("loop header %q", h.Header.Get("X-Liaisond-Loop"))
	}
	st, ok := rec.statements[id]
	if !ok {
		return crashSend{}, "", fmt.Errorf("statement %d is not recorded", id)
	}
	orig := rec.messages[st.Message].MessageID
	return crashSend{original: orig, kind: kind, to: strings.ToLower(m.to)}, h.Header.Get("Message-Id"), nil
}
