package loopback

import (
	"net"
	"testing"
)

// TestFreeAddrsDistinct: addresses never repeat, within a call or across calls, and each
// can be listened on.
func TestFreeAddrsDistinct(t *testing.T) {
	seen := map[string]bool{}
	for range 20 {
		addrs, err := FreeAddrs(3)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range addrs {
			if seen[a] {
				t.Fatalf("%s handed out twice", a)
			}
			seen[a] = true
			l, err := net.Listen("tcp", a)
			if err != nil {
				t.Fatalf("listen on %s: %v", a, err)
			}
			l.Close()
		}
	}
}
