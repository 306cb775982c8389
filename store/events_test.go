package store

import "testing"

// The outbox's event types are stored: OutboxEvent must keep naming them as they were.
func TestOutboxEvent(t *testing.T) {
	for _, c := range []struct{ kind, state, want string }{
		{OutboxForward, OutboxSent, "forwarded"},
		{OutboxReminder, OutboxSent, "reminder_sent"},
		{OutboxApproval, OutboxSent, "approval_requested"},
		{OutboxNotice, OutboxSent, "notice_sent"},
		{OutboxForward, OutboxFailed, "forward_failed"},
		{OutboxReminder, OutboxCancelled, "reminder_cancelled"},
		{OutboxNotice, OutboxFailed, "notice_failed"},
	} {
		if got := OutboxEvent(c.kind, c.state); got != c.want {
			t.Errorf("OutboxEvent(%s, %s) = %q, want %q", c.kind, c.state, got, c.want)
		}
	}
}
