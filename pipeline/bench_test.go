package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/liaisond/liaisond/config"
)

// BenchmarkProcessLargeMessage runs every stage (read from the store, parse, attachment
// text, extraction, statement record, search index) on one 25 MB message whose body is
// plain prose: the worst case for the body readers. It reports the bytes allocated per
// message, which bound what one worker holds.
//
//	go test ./pipeline -run '^$' -bench ProcessLargeMessage -benchtime 5x
func BenchmarkProcessLargeMessage(b *testing.B) {
	cfg := config.Default()
	var raw bytes.Buffer
	fmt.Fprintf(&raw, "From: Rapporteur <rapporteur@example.com>\r\nTo: statements@example.org\r\nSubject: LS on a long text\r\n\r\n")
	line := []byte("Liaison statement body text, seventy-odd characters of ordinary prose.\r\n")
	for raw.Len() < 25<<20 {
		raw.Write(line)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for i := range b.N {
		b.StopTimer()
		db := openDB(b, nil)
		id := record(b, db, append(fmt.Appendf(nil, "Message-ID: <large-%d@example.com>\r\n", i), raw.Bytes()...))
		stages := &Stages{DB: db, TextLimits: cfg.Convert, ParseLimits: cfg.Parse, Classifier: NewClassifier(cfg)}
		b.StartTimer()
		if _, err := stages.Process(ctx, id); err != nil {
			b.Fatal(err)
		}
	}
}
