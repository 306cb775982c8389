//go:build !race

package convert

// raceEnabled: see race_test.go.
const raceEnabled = false
