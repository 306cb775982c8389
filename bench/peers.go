package bench

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/liaisond/liaisond/internal/loopback"
	"github.com/liaisond/liaisond/internal/postfix"
)

// peers are the servers an admin would compare liaisond with, driven by the same load
// client in the same run: Postfix with its durable queue (its 250 comes after the queue
// file is written and synced) with every message held, so that no delivery work counts;
// and Postfix's smtp-sink, which discards, the ceiling without storage in C.
type peers struct {
	postfix      *postfix.Instance // nil when it cannot run here
	smtpSink     *exec.Cmd         // nil when it cannot run here
	smtpSinkAddr string
	missing      []string // why a peer is left out
}

// heldMain is the main.cf of the Postfix peer: every message goes to the hold queue on
// arrival; in_flow_delay is off because it paces arrivals to the delivery rate, and
// with nothing delivered every message would wait for it.
const heldMain = `smtpd_client_restrictions = check_client_access static:HOLD
in_flow_delay = 0
message_size_limit = 0
`

// startPeers starts every peer that can run on this machine.
func startPeers(ctx context.Context) *peers {
	p := &peers{}
	addrs, err := loopback.FreeAddrs(2)
	if err != nil {
		p.missing = append(p.missing, err.Error())
		return p
	}
	if m := postfix.Missing(); m != "" {
		p.missing = append(p.missing, "Postfix: "+m)
	} else if pf, err := postfix.New(addrs[0]); err != nil {
		p.missing = append(p.missing, "Postfix: "+err.Error())
	} else if err := pf.Start(ctx, postfix.Options{Main: heldMain}); err != nil {
		pf.Remove()
		p.missing = append(p.missing, "Postfix: "+err.Error())
	} else {
		p.postfix = pf
	}
	if bin, err := exec.LookPath("smtp-sink"); err != nil {
		p.missing = append(p.missing, "smtp-sink: not installed (Debian's postfix package)")
	} else {
		args := []string{addrs[1], "256"}
		if os.Geteuid() == 0 {
			args = append([]string{"-u", "nobody"}, args...) // it refuses to run as root
		}
		cmd := exec.Command(bin, args...)
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			p.missing = append(p.missing, "smtp-sink: "+err.Error())
		} else if err := waitGreeting(ctx, addrs[1], 20*time.Second); err != nil {
			stopChild(cmd)
			p.missing = append(p.missing, "smtp-sink: "+err.Error())
		} else {
			p.smtpSink, p.smtpSinkAddr = cmd, addrs[1]
		}
	}
	return p
}

// stopPostfix stops the Postfix peer once its runs are done (its held queue goes with
// it), so that it takes no CPU from the runs after.
func (p *peers) stopPostfix() {
	if p.postfix != nil {
		p.postfix.Remove()
	}
}

func (p *peers) stop() {
	p.stopPostfix()
	if p.smtpSink != nil {
		stopChild(p.smtpSink)
	}
}

// held counts the messages in the Postfix peer's hold queue: each run checks that every
// 250 left a held message.
func (p *peers) held(ctx context.Context) (int, error) {
	qs, err := p.postfix.Queued(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, q := range qs {
		if q.Queue == "hold" {
			n++
		}
	}
	return n, nil
}

// printPeers prints the table of the peers next to liaisond's durable rate.
func printPeers(s *Suite, rows []Row, p *peers) {
	fmt.Fprintf(s.Out, "\n| message | conns | messages | liaisond msg/s | Postfix held msg/s | p50 | p99 | smtp-sink msg/s | p50 | p99 | liaisond/Postfix |\n")
	fmt.Fprintf(s.Out, "|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		pf, ss, ratio := "- | - | -", "- | - | -", "-"
		if r.Postfix.Sent > 0 {
			pf = fmt.Sprintf("%.0f | %s | %s", r.Postfix.PerSec, ms(r.Postfix.P50), ms(r.Postfix.P99))
			ratio = fmt.Sprintf("%.0f%%", 100*r.Durable.PerSec/r.Postfix.PerSec)
		}
		if r.SMTPSink.Sent > 0 {
			ss = fmt.Sprintf("%.0f | %s | %s", r.SMTPSink.PerSec, ms(r.SMTPSink.P50), ms(r.SMTPSink.P99))
		}
		fmt.Fprintf(s.Out, "| %d KB | %d | %d | %.0f | %s | %s | %s |\n", r.Size>>10, r.Conns, r.Messages,
			r.Durable.PerSec, pf, ss, ratio)
	}
	if len(p.missing) > 0 {
		fmt.Fprintf(s.Out, "\nPeers left out: %s\n", strings.Join(p.missing, "; "))
	}
}
