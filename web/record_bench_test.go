package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/store"
)

// BenchmarkRecord fills a record with statements (LIAISOND_BENCH_SIZES, default
// "1000,100000"; posted nine times in ten, with their events and search text) through
// store.RecordProcessed, then requests each public page and API call and reports the
// p50 and p99 of its time in the handler (rendering included, no network), the peak
// size of the write-ahead log during the fill, and the database size per statement:
//
//	go test ./web/ -run '^$' -bench Record -benchtime 200x
//
// With LIAISOND_BENCH_DIR set, the filled record is kept there (record-N.db) and a
// later run measures it again without filling it.
//
// Not part of the normal test run (a benchmark); docs/performance.md has the numbers.
func BenchmarkRecord(b *testing.B) {
	sizes := os.Getenv("LIAISOND_BENCH_SIZES")
	if sizes == "" {
		sizes = "1000,100000"
	}
	for _, s := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 100 {
			b.Fatalf("LIAISOND_BENCH_SIZES: %q", s)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) { benchRecord(b, n) })
	}
}

// Bodies of the synthetic record: a few send or receive most statements, as in life.
var (
	benchSenders   = []string{"ITU-T SG15", "ITU-T SG13", "3GPP TSG SA WG2", "IEEE 802.1", "BBF", "ETSI ISG NFV", "ITU-T SG2", "ITU-T SG11", "MEF", "ONF"}
	benchReceivers = []string{"IETF CCAMP WG", "IETF OPSAWG", "IETF TEAS WG", "IETF IAB", "IETF DetNet WG", "IETF NETMOD WG", "IETF BESS WG", "IETF SIDROPS WG"}
	benchWords     = strings.Fields(`the of and to in a is that for on with as by this be are from at or an which have not will
		network transport optical interface protocol model management service packet layer control plane data time path
		synchronisation clock frequency reference recommendation draft revision comment liaison meeting study group question
		working document please note request review information action deadline response proposal architecture framework`)
)

func benchRecord(b *testing.B, n int) {
	cfg := config.Default()
	cfg.Web.PublicURL = "http://liaisond.test"
	ctx := context.Background()
	var f *fixture
	if dir := os.Getenv("LIAISOND_BENCH_DIR"); dir != "" {
		path := filepath.Join(dir, fmt.Sprintf("record-%d.db", n))
		_, err := os.Stat(path)
		f = openFixture(b, cfg, path, store.Options{})
		if err == nil {
			measurePages(b, f, n)
			return
		}
	} else {
		f = newFixtureWith(b, cfg, store.Options{})
	}
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	pick := func(l []string) string { return l[min(len(l)-1, int(rng.ExpFloat64()*2))] } // skewed
	var peakWAL atomic.Int64
	stop := make(chan struct{})
	go func() {
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
			if fi, err := os.Stat(f.db.Path() + "-wal"); err == nil && fi.Size() > peakWAL.Load() {
				peakWAL.Store(fi.Size())
			}
		}
	}()
	start := time.Now()
	const batch = 1000
	first := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	span := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC).Sub(first)
	var posted []int64 // for replies
	for done := 0; done < n; done += batch {
		items := make([]store.Processed, 0, batch)
		for i := done; i < min(n, done+batch); i++ {
			items = append(items, benchStatement(rng, pick, i, first.Add(span*time.Duration(i)/time.Duration(n)), posted))
		}
		ids, err := f.db.RecordProcessed(ctx, items)
		if err != nil {
			b.Fatal(err)
		}
		for i, id := range ids {
			if items[i].Statement.State == store.StatementPosted {
				posted = append(posted, id)
			}
		}
	}
	fill := time.Since(start)
	close(stop)
	size := int64(0)
	if fi, err := os.Stat(f.db.Path()); err == nil {
		size = fi.Size()
	}
	if fi, err := os.Stat(f.db.Path() + "-wal"); err == nil {
		size += fi.Size()
	}
	fmt.Printf("%d statements filled in %v; peak WAL %.1f MB; database %.1f MB, %.0f bytes a statement\n",
		n, fill.Round(time.Millisecond), float64(peakWAL.Load())/(1<<20), float64(size)/(1<<20), float64(size)/float64(n))
	measurePages(b, f, n)
}

// measurePages requests each public page and API call b.N times and reports the p50
// and p99 of the time in the handler.
func measurePages(b *testing.B, f *fixture, n int) {
	var posted []int64 // statements whose pages are public, spread over the record
	for id := int64(1); id <= int64(n); id += int64(max(1, n/2000)) {
		if st, err := f.db.GetStatement(context.Background(), id); err == nil && st.State == store.StatementPosted {
			posted = append(posted, id)
		}
	}
	some := func(i int) string { return fmt.Sprint(posted[(i*7919)%len(posted)]) }
	for _, p := range []struct {
		name   string
		target func(i int) string
	}{
		{"list", func(int) string { return "/" }},
		{"list_page40", func(int) string { return "/?page=40" }},
		{"list_from_deadline", func(int) string { return "/?from=" + url.QueryEscape("ITU-T SG15") + "&sort=deadline" }},
		{"list_to", func(i int) string { return "/?to=" + url.QueryEscape(benchReceivers[i%len(benchReceivers)]) }},
		{"list_year_action", func(int) string { return "/?year=2020&action=1" }},
		{"search", func(int) string { return "/search?q=telemetry" }},
		{"search_two_words", func(int) string { return "/search?q=optical+clock" }},
		{"statement", func(i int) string { return "/s/" + some(i) }},
		{"api_statement", func(i int) string { return "/api/v1/statements/" + some(i) }},
		{"api_list", func(int) string { return "/api/v1/statements" }},
		{"api_list_filtered", func(int) string { return "/api/v1/statements?from=MEF&sort=deadline" }},
		{"api_search", func(int) string { return "/api/v1/statements?q=telemetry" }},
		{"feed", func(int) string { return "/feed.atom" }},
		{"feed_to", func(int) string { return "/feed.atom?to=" + url.QueryEscape("IETF TEAS WG") }},
	} {
		b.Run(p.name, func(b *testing.B) {
			times := make([]time.Duration, 0, b.N)
			for i := range b.N {
				req := httptest.NewRequest("GET", p.target(i), nil)
				w := httptest.NewRecorder()
				t0 := time.Now()
				f.h.ServeHTTP(w, req)
				times = append(times, time.Since(t0))
				if w.Code != 200 {
					b.Fatalf("GET %s: %d", req.URL, w.Code)
				}
			}
			slices.Sort(times)
			q := func(p int) float64 { return float64(times[min(len(times)-1, len(times)*p/100)]) / 1e6 }
			b.ReportMetric(q(50), "p50-ms")
			b.ReportMetric(q(99), "p99-ms")
		})
	}
}

// benchStatement is statement i of the synthetic record, received at t: a short mail
// whose text mentions telemetry one time in ten, from one body to one or two, a
// deadline four times in ten, a reply to an earlier posted statement one time in ten.
func benchStatement(rng *rand.Rand, pick func([]string) string, i int, t time.Time, posted []int64) store.Processed {
	from, to := pick(benchSenders), []string{pick(benchReceivers)}
	if rng.IntN(4) == 0 {
		to = append(to, benchReceivers[rng.IntN(len(benchReceivers))])
	}
	title := fmt.Sprintf("LS on %s %s (%d)", benchWords[40+rng.IntN(len(benchWords)-40)], benchWords[40+rng.IntN(len(benchWords)-40)], i)
	var text strings.Builder
	for w := 0; w < 250; w++ {
		text.WriteString(benchWords[rng.IntN(len(benchWords))])
		text.WriteByte(' ')
		if w%15 == 14 {
			text.WriteString("\r\n")
		}
	}
	if i%10 == 3 {
		text.WriteString("telemetry ")
	}
	raw := fmt.Appendf(nil, "From: Rapporteur <r%d@itu.example>\r\nTo: statements@example.org\r\nSubject: %s\r\n"+
		"Date: %s\r\nMessage-ID: <bench%d@itu.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n",
		i, title, t.Format(time.RFC1123Z), i, text.String())
	sum := sha256.Sum256(raw)
	state := store.StatementPosted
	switch rng.IntN(20) {
	case 0:
		state = store.StatementRejected
	case 1:
		state = store.StatementQueued
	}
	deadline, purpose := "", "information"
	if rng.IntN(10) < 4 {
		deadline, purpose = t.AddDate(0, 2, rng.IntN(60)).Format("2006-01-02"), "action"
	}
	var repliesTo int64
	if len(posted) > 0 && rng.IntN(10) == 0 {
		repliesTo = posted[rng.IntN(len(posted))]
	}
	fields, _ := json.Marshal(map[string]any{"title": title, "from": []string{from}, "to": to, "purpose": purpose,
		"deadline": deadline, "from_contacts": []string{fmt.Sprintf("r%d@itu.example", i)}, "is_liaison": true})
	return store.Processed{
		Envelope: store.Envelope{Source: store.SourceSMTP, Rcpt: []string{"statements@example.org"}, ReceivedAt: t},
		Raw: store.RawMessage{R: bytes.NewReader(raw), Size: int64(len(raw)), SHA256: hex.EncodeToString(sum[:]),
			MessageID: fmt.Sprintf("<bench%d@itu.example>", i)},
		Statement: store.StatementRecord{State: state, IsLiaison: true, Confidence: 0.9, Title: title, Purpose: purpose,
			Deadline: deadline, From: []string{from}, To: to, Fields: fields, Evidence: json.RawMessage(`{}`), RepliesTo: repliesTo},
		Events: []store.Event{{Type: "extracted", Time: t}, {Type: state, Time: t}, {Type: "distributed", Time: t}},
		Text:   text.String(),
	}
}
