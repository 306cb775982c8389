package pipeline

import (
	"slices"
	"testing"

	"github.com/liaisond/liaisond/mail"
)

// TestProblemReasons: a message cut at one of our limits is queued as cut, not as
// damaged (the raw message is whole; only its record is incomplete); damage in the
// message itself is named as such; both can hold at once.
func TestProblemReasons(t *testing.T) {
	for _, tc := range []struct {
		codes []mail.IssueCode
		want  []string
	}{
		{nil, nil},
		{[]mail.IssueCode{mail.IssueLimitText}, []string{ReasonCut}},
		{[]mail.IssueCode{mail.IssueLimitPart, mail.IssueLimitTotal}, []string{ReasonCut}},
		{[]mail.IssueCode{mail.IssueStructure}, []string{ReasonDamaged}},
		{[]mail.IssueCode{mail.IssueEncoding, mail.IssueLimitDepth}, []string{ReasonDamaged, ReasonCut}},
	} {
		var problems []mail.Issue
		for _, c := range tc.codes {
			problems = append(problems, mail.Issue{Code: c})
		}
		if got := problemReasons(problems); !slices.Equal(got, tc.want) {
			t.Errorf("%v: reasons %q, want %q", tc.codes, got, tc.want)
		}
	}
}
