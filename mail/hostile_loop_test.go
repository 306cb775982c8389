package mail

import (
	"github.com/liaisond/liaisond/message"
	"runtime"
	"strings"
	"testing"
)

// TestLoopMarkFoldedFlood: a forged loop header folded over 40000 lines is read in linear
// time and memory. Found by the hostile-content proof: adding each continuation line to a
// string made it quadratic, and the distributor reads the mark of every posted statement
// (160000 lines, 640 KB of header, took 34 s).
func TestLoopMarkFoldedFlood(t *testing.T) {
	raw := message.LoopHeader + ": forward; statement=1\r\n" + strings.Repeat(" a\r\n", 40000) + "Subject: x\r\n\r\nbody\r\n"
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v, ok, err := LoopMark(strings.NewReader(raw))
	runtime.ReadMemStats(&after)
	if err != nil || !ok || !strings.HasPrefix(v, "forward; statement=1 a a") {
		t.Fatalf("LoopMark = %.40q, %v, %v", v, ok, err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
		t.Errorf("allocated %d MB for a %d KB header", alloc>>20, len(raw)>>10)
	}
}
