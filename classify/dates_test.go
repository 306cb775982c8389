package classify

import (
	"testing"
	"time"
)

var refDate = time.Date(2026, 1, 26, 14, 5, 0, 0, time.UTC)

func TestFindDatesFormats(t *testing.T) {
	tests := []struct {
		in        string
		want      string // first non-range date, "" for none
		kind      dateKind
		ambiguous bool
	}{
		// ISO and other year-first forms
		{"2026-04-30", "2026-04-30", dateExact, false},
		{"Please reply by 2026-04-30.", "2026-04-30", dateExact, false},
		{"2026/04/24", "2026-04-24", dateExact, false},
		{"2026.4.24", "2026-04-24", dateExact, false},
		// day-first numeric, SDO convention
		{"31/03/2026", "2026-03-31", dateExact, false},
		{"31.03.2026", "2026-03-31", dateExact, false},
		{"10.04.2026", "2026-04-10", dateExact, true},
		{"05/06/2026", "2026-06-05", dateExact, true},
		{"31.8.26", "2026-08-31", dateExact, false},
		// unambiguous US numeric
		{"04/17/2026", "2026-04-17", dateExact, false},
		// day month year in words
		{"8 May 2026", "2026-05-08", dateExact, false},
		{"24 February 2025", "2025-02-24", dateExact, false},
		{"8th May 2026", "2026-05-08", dateExact, false},
		{"the 31st of March 2026", "2026-03-31", dateExact, false},
		{"1 Sept 2026", "2026-09-01", dateExact, false},
		{"Friday, 5 June 2026", "2026-06-05", dateExact, false},
		{"Fri, 5 Jun 2026", "2026-06-05", dateExact, false},
		{"5 June, 2026", "2026-06-05", dateExact, false},
		// US order in words
		{"March 31, 2026", "2026-03-31", dateExact, false},
		{"January 27, 2006", "2006-01-27", dateExact, false},
		{"June 15th, 2026", "2026-06-15", dateExact, false},
		{"Friday, March 31st 2026", "2026-03-31", dateExact, false},
		// compact and dashed
		{"17-Nov-2025", "2025-11-17", dateExact, false},
		{"31-Jul-2026", "2026-07-31", dateExact, false},
		{"12NOV2025", "2025-11-12", dateExact, false},
		{"17SEP2006", "2006-09-17", dateExact, false},
		{"31-Mar-26", "2026-03-31", dateExact, false},
		// fuzzy periods: the end of the period, mid = 15th
		{"End of March 2026", "2026-03-31", dateFuzzy, false},
		{"end of June 2026", "2026-06-30", dateFuzzy, false},
		{"the end of February 2028", "2028-02-29", dateFuzzy, false},
		{"end-April 2026", "2026-04-30", dateFuzzy, false},
		{"mid-May 2026", "2026-05-15", dateFuzzy, false},
		{"Reply by mid-May 2007", "2007-05-15", dateFuzzy, false},
		{"middle of July 2026", "2026-07-15", dateFuzzy, false},
		{"end of Q2 2026", "2026-06-30", dateFuzzy, false},
		{"mid-May", "2026-05-15", dateNoYear, false},
		// month and year only
		{"by March 2027", "2027-03-31", dateMonthOnly, false},
		// CJK
		{"2025年12月19日", "2025-12-19", dateExact, false},
		{"回答期限（Deadline）：2026年3月31日", "2026-03-31", dateExact, false},
		{"2026 年 6 月 30 日", "2026-06-30", dateExact, false},
		{"2025년 11월 28일", "2025-11-28", dateExact, false},
		{"2026年3月末", "2026-03-31", dateFuzzy, false},
		// other languages
		{"31. März 2026", "2026-03-31", dateExact, false},
		{"15 juin 2026", "2026-06-15", dateExact, false},
		// no year: inferred from the message date
		{"February 15th", "2026-02-15", dateNoYear, false},
		{"15 January", "2026-01-15", dateNoYear, false},
		{"10 December", "2026-12-10", dateNoYear, false},
	}
	for _, tt := range tests {
		ds := findDates(tt.in, refDate)
		got := ""
		var m dateMatch
		for _, d := range ds {
			if !d.rng {
				got, m = d.d.String(), d
				break
			}
		}
		if got != tt.want {
			t.Errorf("findDates(%q) = %q, want %q (all: %+v)", tt.in, got, tt.want, ds)
			continue
		}
		if tt.want != "" && (m.kind != tt.kind || m.ambiguous != tt.ambiguous) {
			t.Errorf("findDates(%q): kind %d ambiguous %v, want %d %v", tt.in, m.kind, m.ambiguous, tt.kind, tt.ambiguous)
		}
	}
}

func TestFindDatesRangesAndDecoys(t *testing.T) {
	tests := []struct {
		in     string
		single []string // non-range dates, in order
		ranges int
	}{
		{"Goa, India, 19 - 23 January 2026", nil, 1},
		{"SA2#173     13 - 17 April 2026      Jeju, KR", nil, 1},
		{"Geneva, 9-20 February 2026", nil, 1},
		{"19th – 23rd August 2013", nil, 1},
		{"27 April - 1 May 2026     Q2 Meeting", nil, 1},
		{"MEF meets next on July 24-27 in Toronto", nil, 1},
		{"October 27-29, 2014", nil, 1},
		{"18th – 22nd May 2026\tBangalore", nil, 1},
		{"the study period 2025-2028", nil, 0},
		{"Question(s): 12/15, 14/15", nil, 0},
		{"host mx.example.com [198.51.100.7] said 550", nil, 0},
		{"Tdoc S2-2601187 and R1-2508303", nil, 0},
		{"MEF 10.4 and Rel-20, version 1.2.3", nil, 0},
		{"Question 15 may be answered later", nil, 0},
		{"30 February 2026", nil, 0},
		{"by 8 May 2026, so that they can be considered at our May 2026 interim", []string{"2026-05-08", "2026-05-31"}, 0},
	}
	for _, tt := range tests {
		ds := findDates(tt.in, refDate)
		var single []string
		ranges := 0
		for _, d := range ds {
			if d.rng {
				ranges++
			} else {
				single = append(single, d.d.String())
			}
		}
		if ranges != tt.ranges || len(single) != len(tt.single) {
			t.Errorf("findDates(%q): %d ranges %v, want %d ranges %v", tt.in, ranges, single, tt.ranges, tt.single)
			continue
		}
		for i := range single {
			if single[i] != tt.single[i] {
				t.Errorf("findDates(%q)[%d] = %s, want %s", tt.in, i, single[i], tt.single[i])
			}
		}
	}
}

func TestDeadlineValue(t *testing.T) {
	tests := []struct {
		in   string
		want string
		none bool
	}{
		{"30 September 2026", "2026-09-30", false},
		{"Reply by mid-May 2026", "2026-05-15", false},
		{"2026-05-15", "2026-05-15", false},
		{"Friday, 25 September 2026", "2026-09-25", false},
		{"Yes, by 30 Sep 2026", "2026-09-30", false},
		{"-", "", true},
		{"–", "", true},
		{"N/A", "", true},
		{"n/a", "", true},
		{"None", "", true},
		{"None.", "", true},
		{"No deadline", "", true},
		{"", "", true},
		{"TBD", "", true},
		{"before the next SG15 meeting", "", false},
	}
	for _, tt := range tests {
		m, none, ok := deadlineValue(tt.in, refDate)
		got := ""
		if ok {
			got = m.d.String()
		}
		if got != tt.want || none != tt.none {
			t.Errorf("deadlineValue(%q) = %q none=%v, want %q none=%v", tt.in, got, none, tt.want, tt.none)
		}
	}
}

// TestProseDeadlines checks which dates running text names as the reply date, and which
// it merely mentions (meetings, contributions, absences).
func TestProseDeadlines(t *testing.T) {
	tests := []struct {
		text string
		want string // "" = no deadline
	}{
		{"SA2 kindly asks IETF DetNet WG to answer the following questions and to provide its feedback by 8 May 2026:", "2026-05-08"},
		{"CT1 would appreciate feedback by Friday, 5 June 2026.", "2026-06-05"},
		{"We would appreciate a response by mid-May 2026, so that it can be considered at our Q2 meeting.", "2026-05-15"},
		{"we request your review and any comments by March 31, 2026, so that they can be considered at our May 2026 interim session.", "2026-03-31"},
		{"and to reply by 2026/04/24 if possible.", "2026-04-24"},
		{"SA3 would be grateful for a reply before 30.06.2026.", "2026-06-30"},
		{"to send its reply no later than 3 July 2026.", "2026-07-03"},
		{"ご回答は 2026年3月31日 までに上記送付先へお送りください。", "2026-03-31"},
		{"请于 2026年6月30日 前回复。", "2026-06-30"},
		{"2026년 6월 15일까지 회신 부탁드립니다.", "2026-06-15"},
		{"Please provide comments by the end of April 2026.", "2026-04-30"},
		// decoys
		{"The next meeting will be held in Geneva, 14-25 September 2026.", ""},
		{"Comments received by the deadline will be considered at the next Q6/13 meeting in June 2026.", ""},
		{"Contributions to the next meeting are due by 15 March 2026.", ""},
		{"I am out of the office until 9 February 2026 with limited access to email.", ""},
		{"Paper submission deadline: 15 March 2026 (extended, firm deadline)", ""},
		{"The LS was approved at the meeting held on 13 March 2026.", ""},
		{"MEF meets next on April 20-23, 2026 in Lisbon, Portugal.", ""},
	}
	for _, tt := range tests {
		s := newSource("body", srcBody, &level{}, tt.text, -1)
		s.start = 0
		got := ""
		best := 0.0
		for _, c := range proseDeadlines(s, refDate) {
			if c.conf > best {
				best, got = c.conf, c.m.d.String()
			}
		}
		if got != tt.want {
			t.Errorf("proseDeadlines(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
