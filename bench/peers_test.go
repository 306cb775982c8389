package bench

import (
	"context"
	"testing"
	"time"

	"github.com/liaisond/liaisond/internal/postfix"
	"github.com/liaisond/liaisond/internal/testutil"
)

// TestPeers drives both peers with a small load: Postfix answers 250 for every message
// and holds each in its queue (nothing delivered), smtp-sink answers 250 for every one.
func TestPeers(t *testing.T) {
	if m := postfix.Missing(); m != "" {
		testutil.Missing(t, m)
	}
	testutil.NeedCommand(t, "smtp-sink")
	ctx := context.Background()
	p := startPeers(ctx)
	defer p.stop()
	if p.postfix == nil || p.smtpSink == nil {
		t.Fatalf("peers did not start: %v", p.missing)
	}
	load := Load{Conns: 4, Messages: 40, Size: 4 << 10, Timeout: time.Minute}
	for _, addr := range []string{p.postfix.SMTP, p.smtpSinkAddr} {
		load.Addr = addr
		if r := Run(ctx, "peer", load); r.Sent != load.Messages {
			t.Fatalf("%s: %d of %d sent (%s)", addr, r.Sent, load.Messages, r.FirstErr)
		}
	}
	if n, err := p.held(ctx); err != nil || n != load.Messages {
		t.Fatalf("postfix holds %d messages (%v), want %d; its log:\n%s", n, err, load.Messages, p.postfix.Maillog())
	}
}
