package mail

import (
	"fmt"
	"strings"
)

// ReviewNoticeSubject is the subject of a notice that a statement waits for a liaison
// manager; escalated when it has waited longer than it should.
func ReviewNoticeSubject(s Summary, escalated bool) string {
	if escalated {
		return "Still waiting for review: " + titleOf(s)
	}
	return "Waiting for review: " + titleOf(s)
}

// ReviewNoticeText tells a liaison manager (or the central address) that a statement is
// held for review, why, and where to review it. It is not published, so the summary
// carries no public record link.
func ReviewNoticeText(s Summary, reasons []string, reviewURL string, escalated bool, waitedDays int) string {
	var b strings.Builder
	if escalated {
		fmt.Fprintf(&b, "This liaison statement has waited for review for %d days. It is not published and was not\n"+
			"forwarded to anyone; please review it, or ask a liaison manager to.\n\n", waitedDays)
	} else {
		b.WriteString("A liaison statement arrived and waits for a liaison manager. It is not published and was not\n" +
			"forwarded to anyone until someone reviews it.\n\n")
	}
	if len(reasons) > 0 {
		b.WriteString("Why it waits:\n")
		for _, r := range reasons {
			fmt.Fprintf(&b, "  - %s\n", outOneLine(r, 300))
		}
		b.WriteString("\n")
	}
	if reviewURL != "" {
		fmt.Fprintf(&b, "Review it at: %s\n\n", reviewURL)
	}
	s.RecordURL = ""
	writeSummary(&b, s)
	return b.String()
}
