package pipeline

import (
	"slices"
	"testing"

	"github.com/liaisond/liaisond/classify"
	"github.com/liaisond/liaisond/message"
	"github.com/liaisond/liaisond/store"
)

// TestProblemReasons: a message cut at one of our limits is queued as cut, not as
// damaged (the raw message is whole; only its record is incomplete); damage in the
// message itself is named as such; both can hold at once.
func TestProblemReasons(t *testing.T) {
	for _, tc := range []struct {
		codes []message.IssueCode
		want  []string
	}{
		{nil, nil},
		{[]message.IssueCode{message.IssueLimitText}, []string{ReasonCut}},
		{[]message.IssueCode{message.IssueLimitPart, message.IssueLimitTotal}, []string{ReasonCut}},
		{[]message.IssueCode{message.IssueStructure}, []string{ReasonDamaged}},
		{[]message.IssueCode{message.IssueEncoding, message.IssueLimitDepth}, []string{ReasonDamaged, ReasonCut}},
	} {
		var problems []message.Issue
		for _, c := range tc.codes {
			problems = append(problems, message.Issue{Code: c})
		}
		if got := problemReasons(problems); !slices.Equal(got, tc.want) {
			t.Errorf("%v: reasons %q, want %q", tc.codes, got, tc.want)
		}
	}
}

// TestForeignSendToIsReviewed: a statement whose Send To is not ours (another body's
// liaison manager, an unknown address) waits for a manager, who is told why; our own
// addresses and the address it arrived at are no reason.
func TestForeignSendToIsReviewed(t *testing.T) {
	c := NewClassifier(distConfig())
	c.PostThreshold = 0.5
	tests := []struct {
		sendTo, deliveredTo string
		foreign             bool
	}{
		{"itu-t-liaison@example.org", "statements@example.org", true},
		{"someone@evil.example", "statements@example.org", true},
		{"statements@example.org", "statements@example.org", false},
		{"ccamp@example.org", "statements@example.org", false},
		{"teas-chairs@example.org", "statements@example.org", false},
		{"itu-t-liaison@example.org", "itu-t-liaison@example.org", false},
		{"", "statements@example.org", false},
	}
	for _, tt := range tests {
		x := &classify.Extraction{IsLiaison: true, Confidence: 0.9}
		x.SendTo, x.DeliveredTo, x.RouteTo = &tt.sendTo, &tt.deliveredTo, []string{"CCAMP"}
		rec, err := c.Decide(1, &message.Message{}, x)
		if err != nil {
			t.Fatal(err)
		}
		foreign := slices.Contains(rec.ReviewReasons, ReasonForeignSendTo+": "+tt.sendTo)
		if foreign != tt.foreign || (rec.State == store.StatementQueued) != tt.foreign {
			t.Errorf("Send To %q, arrived at %q: %s %v, want foreign %v", tt.sendTo, tt.deliveredTo, rec.State, rec.ReviewReasons, tt.foreign)
		}
	}
}
