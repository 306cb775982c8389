package message

import "strings"

// LoopHeader marks every message liaisond itself sends (forwards, notices, reminders). A
// message carrying it that arrives at an intake address is our own mail coming back, and
// is never forwarded again.
const LoopHeader = "X-Liaisond-Loop"

// IsOurForward reports whether the message (its outer header) was sent by liaisond.
func IsOurForward(m *Message) bool {
	return m != nil && strings.TrimSpace(m.Header.Get(LoopHeader)) != ""
}
