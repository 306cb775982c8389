package classify

import (
	"fmt"
	"strings"
	"testing"

	"github.com/liaisond/liaisond/config"
)

// What the confidence means, measured on a fixture set: how many statements the default
// posting threshold posts, how many of those have a core field wrong (they would be
// published wrong), how many wait for a person with every field right (a person's time
// spent for nothing), and per confidence band how often a field is right.

// postThreshold is the default [extract] post_threshold.
var postThreshold = config.Default().Extract.PostThreshold

// bandEdges are the lower edges of the calibration table's bands (the first band starts at 0).
var bandEdges = []float64{0.5, 0.7, 0.8, 0.85, 0.95}

// band is one row of the calibration table.
type band struct{ n, right int }

// calibration is what the posting threshold does to a fixture set.
type calibration struct {
	statements   int // messages expected to be statements
	posted       int // extracted as statements with confidence >= postThreshold
	postedWrong  int // posted with is_liaison or a core field wrong
	held         int // statements not posted
	heldAllRight int // held with every compared field right
	fields       []band
	core         []band
}

func newCalibration() *calibration {
	return &calibration{fields: make([]band, len(bandEdges)+1), core: make([]band, len(bandEdges)+1)}
}

func bandOf(c float64) int {
	i := 0
	for i < len(bandEdges) && c >= bandEdges[i]-1e-9 {
		i++
	}
	return i
}

// add counts one message: its extraction and the comparison of its fields. It reports
// whether the message is a statement held back with every field right.
func (c *calibration) add(x *Extraction, results []fieldResult) (heldRight bool) {
	wantLiaison, allRight, coreWrong := false, true, false
	for _, r := range results {
		if r.field == "is_liaison" {
			wantLiaison = r.ok == x.IsLiaison
		}
		if !r.ok {
			allRight = false
			if r.field == "is_liaison" || isCore(r.field) {
				coreWrong = true
			}
		}
		b := bandOf(r.confidence)
		c.fields[b].n++
		if r.ok {
			c.fields[b].right++
		}
		if isCore(r.field) {
			c.core[b].n++
			if r.ok {
				c.core[b].right++
			}
		}
	}
	posted := x.IsLiaison && x.Confidence >= postThreshold-1e-9
	if wantLiaison {
		c.statements++
		if !posted {
			c.held++
			if allRight {
				c.heldAllRight++
				heldRight = true
			}
		}
	}
	if posted {
		c.posted++
		if coreWrong {
			c.postedWrong++
		}
	}
	return heldRight
}

// share is a band's share of right fields, "—" for an empty band.
func share(b band) string {
	if b.n == 0 {
		return "—"
	}
	return fmt.Sprintf("%.1f%%", pct(b.right, b.n))
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// report is the posting summary and the calibration table, for the accuracy report.
func (c *calibration) report() string {
	var b strings.Builder
	fmt.Fprintf(&b, "  at post_threshold %.2f: %d/%d statements posted (%.1f%%), %d posted with a core field wrong (%.1f%% of posted); %d held, %d of them with every field right\n",
		postThreshold, c.posted, c.statements, pct(c.posted, c.statements), c.postedWrong, pct(c.postedWrong, c.posted), c.held, c.heldAllRight)
	fmt.Fprintf(&b, "  calibration:  %-10s %6s %7s   %6s %7s\n", "confidence", "fields", "right", "core", "right")
	for i := range c.fields {
		var name string
		switch {
		case i == 0:
			name = fmt.Sprintf("< %.2f", bandEdges[0])
		case i == len(bandEdges):
			name = fmt.Sprintf("≥ %.2f", bandEdges[i-1])
		default:
			name = fmt.Sprintf("%.2f–%.2f", bandEdges[i-1], bandEdges[i])
		}
		f, k := c.fields[i], c.core[i]
		fmt.Fprintf(&b, "                %-10s %6d %7s   %6d %7s\n", name, f.n, share(f), k.n, share(k))
	}
	return b.String()
}

// The targets at the default threshold, held on a set the confidence was not tuned on.
const (
	minPostedShare = 0.85 // of the statements, posted without review
	maxWrongShare  = 0.01 // of the posted, with is_liaison or a core field wrong
)

// holdTargets fails the test when the set misses the posting targets.
func (c *calibration) holdTargets(t *testing.T) {
	t.Helper()
	if c.statements > 0 && float64(c.posted) < minPostedShare*float64(c.statements) {
		t.Errorf("%d/%d statements posted (%.1f%%), want at least %.0f%%", c.posted, c.statements, pct(c.posted, c.statements), 100*minPostedShare)
	}
	if c.posted > 0 && float64(c.postedWrong) > maxWrongShare*float64(c.posted) {
		t.Errorf("%d of %d posted statements have a core field wrong (%.1f%%), want at most %.0f%%", c.postedWrong, c.posted, pct(c.postedWrong, c.posted), 100*maxWrongShare)
	}
}
