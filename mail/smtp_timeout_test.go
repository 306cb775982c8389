package mail

import (
	"io"
	"strings"
	"testing"
	"time"
)

// TestSMTPTimedOutTransferClosesConnection: once the data timeout has cut a message off,
// the rest of it must not be read as commands (a desync that would let message content
// smuggle an envelope): the 451 is followed by 421 and the connection is closed.
func TestSMTPTimedOutTransferClosesConnection(t *testing.T) {
	ti := startIntake(t, false, nil, func(c *SMTPConfig) { c.DataTimeout = 300 * time.Millisecond })
	runTranscript(t, ti.addr(), append(envelopeSteps("statements@example.org"),
		step{"DATA\r\n", "354"},
		step{"Subject: x\r\n\r\nbody that stops here\r\n", "451 4.3.0"},
		step{"MAIL FROM:<evil@example.net>\r\n", "421 4.4.2"}))
}

// TestSMTPSlowSenderKeepsItsTransfer: read_timeout is the longest silence, so a sender
// that is slow but never silent that long keeps its message until data_timeout.
func TestSMTPSlowSenderKeepsItsTransfer(t *testing.T) {
	ti := startIntake(t, false, nil, func(c *SMTPConfig) { c.ReadTimeout = 400 * time.Millisecond })
	conn, r := dialTranscript(t, ti.addr(), envelopeSteps("statements@example.org"), step{"DATA\r\n", "354"})
	for _, part := range []string{"Subject: slow\r\n", "\r\n", "a line\r\n", "another\r\n", "and more\r\n"} {
		time.Sleep(250 * time.Millisecond)
		io.WriteString(conn, part)
	}
	io.WriteString(conn, ".\r\n")
	if reply, err := readReply(r); !strings.HasPrefix(reply, "250") {
		t.Fatalf("slow message answered %q (%v), want 250", reply, err)
	}
}

// TestSMTPCommandTimeoutEndsSession: a command line cut by the read timeout ends the
// session (bufio hands go-smtp the part that arrived as a line, which it answers);
// before, every fragment of a trickled line was answered and the session went on.
func TestSMTPCommandTimeoutEndsSession(t *testing.T) {
	ti := startIntake(t, false, nil, func(c *SMTPConfig) { c.ReadTimeout = 300 * time.Millisecond })
	runTranscript(t, ti.addr(), []step{{"", "220"}, {"EHLO client.example.com\r\n", "250"},
		{"NO", "501"}, {"OP\r\n", "421 4.4.2"}})
}

// TestSMTPEndlessHeaderIsCutOff: a refused message is read on and thrown away only up to
// twice max_message_bytes; a header section streamed without end is answered 552 and
// closed at that point, long before any timeout.
func TestSMTPEndlessHeaderIsCutOff(t *testing.T) {
	ti := startIntake(t, false, nil, func(c *SMTPConfig) { c.MaxHeaderBytes = 2000; c.MaxMessageBytes = 64 << 10 })
	conn, r := dialTranscript(t, ti.addr(), envelopeSteps("statements@example.org"), step{"DATA\r\n", "354"})
	go func() {
		line := "X-Endless: " + strings.Repeat("x", 80) + "\r\n"
		for range 8 * (64 << 10) / len(line) {
			if _, err := io.WriteString(conn, line); err != nil {
				return
			}
		}
	}()
	for _, want := range []string{"552 5.3.4", "421 4.4.2"} {
		if reply, err := readReply(r); !strings.HasPrefix(reply, want) {
			t.Fatalf("endless header answered %q (%v), want %s", reply, err, want)
		}
	}
}
