//go:build race

package convert

// raceEnabled: the race detector makes parsing several times slower and needs more address
// space than the PDF child's memory limit leaves.
const raceEnabled = true
