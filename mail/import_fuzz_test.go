package mail

import (
	"bufio"
	"bytes"
	"io"
	"regexp"
	"testing"
)

// FuzzMbox splits arbitrary files as mbox: the reader ends, yields no more bytes than the
// file holds, and what it yields survives a round trip: written back as mboxrd (each
// message after a separator, ">From " lines quoted one level more, a blank line between
// messages) and split again, every message comes back the same (one without a final
// newline gets one, as in any mbox).
//
//	go test ./mail -run '^$' -fuzz '^FuzzMbox$' -fuzztime 1m
func FuzzMbox(f *testing.F) {
	f.Add([]byte("From a@example.com Mon Jan  1 00:00:00 2026\nSubject: x\n\nbody\n>From here\n\nFrom b@example.com Mon Jan  1 00:00:00 2026\nSubject: y\n\n"))
	f.Add([]byte("no separator\nFrom \n\n\r\nFrom x\r\n>>From y\r\n\r\n"))
	f.Add([]byte("From x\nFrom y\n\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		msgs := mboxSplit(t, data)
		total := 0
		for _, m := range msgs {
			total += len(m)
		}
		if total > len(data) {
			t.Fatalf("%d messages of %d bytes from a file of %d", len(msgs), total, len(data))
		}
		var b bytes.Buffer
		want := make([][]byte, len(msgs))
		for i, m := range msgs {
			if len(m) > 0 && m[len(m)-1] != '\n' {
				m = append(m, '\n')
			}
			want[i] = m
			b.WriteString("From fuzz@example.com Thu Jan  1 00:00:00 2026\n")
			b.Write(mboxQuote.ReplaceAll(m, []byte(">$1")))
			b.WriteByte('\n')
		}
		again := mboxSplit(t, b.Bytes())
		if len(again) != len(want) {
			t.Fatalf("%d messages, %d after a round trip", len(want), len(again))
		}
		for i := range want {
			if !bytes.Equal(again[i], want[i]) {
				t.Fatalf("message %d: %q, after a round trip %q", i+1, want[i], again[i])
			}
		}
	})
}

// mboxQuote finds the lines mboxrd quotes: ">*From " at the start of a line.
var mboxQuote = regexp.MustCompile(`(?m)^(>*From )`)

// mboxSplit reads every message of an mbox in memory (bounded: one per separator line).
func mboxSplit(t *testing.T, data []byte) [][]byte {
	t.Helper()
	mr := newMboxReader(bufio.NewReaderSize(bytes.NewReader(data), 64<<10))
	var out [][]byte
	for range bytes.Count(data, []byte("\n")) + 2 {
		if !mr.next() {
			return out
		}
		m, err := io.ReadAll(mr)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m)
	}
	t.Fatal("more messages than lines")
	return nil
}
