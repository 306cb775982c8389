package bench

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestSyncedSink: the floor answers 250 only for what it wrote, so each message is in
// its file, in order, and the file keeps its preallocated size.
func TestSyncedSink(t *testing.T) {
	path := filepath.Join(t.TempDir(), "floor")
	sink, err := StartSink("127.0.0.1:0", 1<<20, path)
	if err != nil {
		t.Fatal(err)
	}
	defer sink.Close()
	load := Load{Addr: sink.Addr(), Conns: 1, Messages: 3, Size: 4 << 10, Timeout: time.Minute}
	if r := Run(context.Background(), "floor", load); r.Sent != load.Messages {
		t.Fatalf("%d of %d sent (%s)", r.Sent, load.Messages, r.FirstErr)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) != syncedLogBytes {
		t.Errorf("file of %d bytes, want %d", len(data), syncedLogBytes)
	}
	var want []byte
	for n := 1; n <= load.Messages; n++ {
		want = append(want, Message("floor", n, load.Size)...)
	}
	if !bytes.HasPrefix(data, want) {
		t.Errorf("the file does not start with the three messages in order")
	}
}
