// Package smtpsend is the SMTP client side of liaisond's load generator (package bench)
// and of the tests that send mail to its intake: one message over an open go-smtp
// client, MAIL FROM, every RCPT TO, DATA. Both use it, so a benchmark and a test send
// mail the same way.
package smtpsend

import "github.com/emersion/go-smtp"

// Send sends msg from from to every address of rcpt on c; the first refusal is returned
// (an *smtp.SMTPError when the server answered one).
func Send(c *smtp.Client, from string, rcpt []string, msg []byte) error {
	if err := c.Mail(from, nil); err != nil {
		return err
	}
	for _, r := range rcpt {
		if err := c.Rcpt(r, nil); err != nil {
			return err
		}
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(msg); err != nil {
		return err
	}
	return w.Close()
}

// DialAndSend connects to the SMTP server at addr, sends msg (Send) and hangs up.
func DialAndSend(addr, from string, rcpt []string, msg []byte) error {
	c, err := smtp.Dial(addr)
	if err != nil {
		return err
	}
	defer c.Close()
	return Send(c, from, rcpt, msg)
}
