package classify

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/liaisond/liaisond/internal/testutil"
	"github.com/liaisond/liaisond/message"
)

// BenchmarkExtract measures Extract per message over the sample corpus, with the messages
// parsed and their attachments converted beforehand (convert.Text is the pipeline's stage
// before classify; LibreOffice is not involved). It reports the median and the maximum
// time of one message:
//
//	go test ./classify/ -run '^$' -bench Extract -benchtime 20x
func BenchmarkExtract(b *testing.B) {
	dir := filepath.Join(testutil.SharedDir(b), "corpus")
	fixtures := loadFixtures(b, dir)
	d := loadDirectory(b, dir)
	per := make([][]time.Duration, len(fixtures))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, fx := range fixtures {
			start := time.Now()
			Extract(Input{Message: fx.msg, Attachments: fx.texts}, d)
			per[j] = append(per[j], time.Since(start))
		}
	}
	b.StopTimer()
	reportMedian(b, per)
}

// BenchmarkParseAndExtract adds message.ParseBytes to each message (attachment text still
// converted beforehand), the whole in-process cost of one message at the classify stage.
func BenchmarkParseAndExtract(b *testing.B) {
	dir := filepath.Join(testutil.SharedDir(b), "corpus")
	fixtures := loadFixtures(b, dir)
	d := loadDirectory(b, dir)
	raws := make([][]byte, len(fixtures))
	for i, fx := range fixtures {
		raw, err := os.ReadFile(fx.path)
		if err != nil {
			b.Fatal(err)
		}
		raws[i] = raw
	}
	per := make([][]time.Duration, len(fixtures))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, fx := range fixtures {
			start := time.Now()
			m, _ := message.ParseBytes(raws[j], message.ParseLimits{})
			Extract(Input{Message: m, Attachments: fx.texts}, d)
			per[j] = append(per[j], time.Since(start))
		}
	}
	b.StopTimer()
	reportMedian(b, per)
}

// BenchmarkExtractProse measures Extract on plain prose (one line repeated) of growing
// size, up to the 256 KB a source is cut to: the rules that read running text scan all
// of it, so this is where extraction time grows with the message.
//
//	go test ./classify -run '^$' -bench ExtractProse -benchtime 5x
func BenchmarkExtractProse(b *testing.B) {
	d := loadDirectory(b, filepath.Join(testutil.SharedDir(b), "corpus"))
	line := "Liaison statement body text, seventy-odd characters of ordinary prose.\r\n"
	for _, size := range []int{4 << 10, 64 << 10, 256 << 10} {
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			raw := "From: Rapporteur <rapporteur@example.com>\r\nTo: statements@example.org\r\nSubject: LS on prose\r\n\r\n" +
				strings.Repeat(line, size/len(line))
			msg, err := message.ParseBytes([]byte(raw), message.ParseLimits{})
			if err != nil {
				b.Fatal(err)
			}
			for range b.N {
				Extract(Input{Message: msg}, d)
			}
		})
	}
}

// reportMedian reports the median over messages of each message's median time, and the
// slowest message.
func reportMedian(b *testing.B, per [][]time.Duration) {
	var meds []float64
	for _, ds := range per {
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		meds = append(meds, float64(ds[len(ds)/2].Microseconds())/1000)
	}
	sort.Float64s(meds)
	b.ReportMetric(meds[len(meds)/2], "ms/msg-median")
	b.ReportMetric(meds[len(meds)-1], "ms/msg-max")
	b.ReportMetric(0, "ns/op") // the per-message metrics above are what matters
}
