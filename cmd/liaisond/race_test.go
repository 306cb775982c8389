//go:build race

package main

// raceEnabled: the race detector makes the daemon several times slower; waits that cover
// processing scale with it.
const raceEnabled = true
