package mail

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestSpoolKeepsTheHeaderOnce: however large its header section, a message being spooled
// takes about the spool's MemoryBytes of memory. The section used to be copied aside as
// it came in, into a buffer grown by doubling: about 2 MiB for a 1 MiB header, in every
// session of a flood at once. Finish still reads the section, from the file the message
// spilled to, and finds the Message-ID.
func TestSpoolKeepsTheHeaderOnce(t *testing.T) {
	spooler, err := NewSpooler(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	spooler.MemoryBytes = 64 << 10
	sp, err := spooler.Create(SpoolLimits{MaxHeaderBytes: 1 << 20, MaxReceived: 5})
	if err != nil {
		t.Fatal(err)
	}
	defer sp.Remove()
	hdr := []byte("Received: from a by b; Mon, 1 Jan 2026 00:00:00 +0000\r\nMessage-ID: <held@example.com>\r\n")
	for len(hdr) < 1<<20-4<<10 {
		hdr = fmt.Appendf(hdr, "X-Pad: %s\r\n", strings.Repeat("p", 80))
	}
	allocated := allocatedBy(func() {
		for chunk := range slices.Chunk(hdr, 4<<10) {
			if _, err := sp.Write(chunk); err != nil {
				t.Fatal(err)
			}
		}
	})
	// A few times MemoryBytes, and room for what the runtime allocates meanwhile; the
	// copy took twice the header.
	if allocated > uint64(len(hdr)) {
		t.Errorf("spooling a %d KiB header allocated %d KiB, want less than the header", len(hdr)>>10, allocated>>10)
	}
	if _, err := sp.Write([]byte("\r\nbody\r\n")); err != nil {
		t.Fatal(err)
	}
	raw, err := sp.Finish()
	if err != nil || raw.MessageID != "<held@example.com>" {
		t.Fatalf("Finish: %q, %v", raw.MessageID, err)
	}
}

// allocatedBy is how many bytes of heap f allocates.
func allocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
