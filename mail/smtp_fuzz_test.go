package mail

import (
	"context"
	"io"
	"net"
	"testing"
	"time"

	"github.com/liaisond/liaisond/store"
)

// FuzzSMTPSession sends arbitrary client bytes to a real listener over loopback. The
// server must not panic, must keep serving other clients, and whatever it recorded must be
// byte-exact what a DATA section carried (checked by the store's own digest).
func FuzzSMTPSession(f *testing.F) {
	seeds := []string{
		"EHLO a\r\nMAIL FROM:<a@example.com>\r\nRCPT TO:<statements@example.org>\r\nDATA\r\nSubject: x\r\n\r\nbody\r\n.\r\nQUIT\r\n",
		"LHLO a\r\nMAIL FROM:<>\r\nRCPT TO:<b@example.org>\r\nDATA\r\n.\r\n",
		"EHLO a\r\nMAIL FROM:<a@example.com> SIZE=99999999999999999999\r\n",
		"EHLO a\r\nMAIL FROM:<a@example.com> BODY=8BITMIME SMTPUTF8\r\nRCPT TO:<ü@example.org>\r\nDATA\r\nx\n.\n\r\n.\r\n",
		"HELO\r\nRSET\r\nNOOP\r\nVRFY x\r\nSTARTTLS\r\nAUTH PLAIN AGFAYg==\r\n",
		"EHLO a\r\nMAIL FROM:<a@example.com>\r\nRCPT TO:<c@example.org>\r\nBDAT 5 LAST\r\nhello",
		"EHLO a\r\nMAIL FROM:<a@example.com>\r\nRCPT TO:<c@example.org>\r\nDATA\r\n" + "Received: x\r\n\r\n..\r\n.\r\n",
		"\x00\xff\r\n\r\n\r\nDATA\r\n.\r\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	ti := startIntake(f, false, nil, func(c *SMTPConfig) {
		c.ReadTimeout = time.Second
		c.DataTimeout = 2 * time.Second
		c.MaxMessageBytes = 64 << 10
		c.MaxHeaderBytes = 8 << 10
		c.MaxMessagesPerIPPerMinute = 0
	})
	f.Fuzz(func(t *testing.T, input []byte) {
		conn, err := net.Dial("tcp", ti.addr())
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		conn.SetDeadline(time.Now().Add(5 * time.Second))
		go func() {
			conn.Write(input)
			conn.(*net.TCPConn).CloseWrite()
		}()
		io.Copy(io.Discard, conn)
		// The listener still serves.
		probe, err := net.DialTimeout("tcp", ti.addr(), 2*time.Second)
		if err != nil {
			t.Fatalf("listener gone after input %q: %v", input, err)
		}
		probe.Close()
	})
	msgs, err := ti.db.Messages(context.Background(), store.MessageFilter{Limit: 1000})
	if err != nil {
		f.Fatal(err)
	}
	for _, m := range msgs {
		if _, err := ti.db.Raw(context.Background(), m.ID); err != nil {
			f.Fatalf("message %d unreadable: %v", m.ID, err)
		}
	}
}
