package main

import (
	"math"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// rampPacer holds the read rate after a linear ramp from zero: a soak
// that opens at full rate onto a server and Neo4j that have not yet run
// the write paths (plans, compiled code) measured a 20-second pile-up at
// the start that says nothing about the hours after it (BENCHMARKS.md,
// Soak). Load tests ramp up for the same reason.
type rampPacer struct {
	rate float64       // hits per second once ramped
	ramp time.Duration // how long the ramp lasts
}

var _ vegeta.Pacer = rampPacer{}

// hits is how many hits are due after elapsed: the area under the rate.
func (p rampPacer) hits(elapsed time.Duration) float64 {
	t, r := elapsed.Seconds(), p.ramp.Seconds()
	if t < r {
		return p.rate * t * t / (2 * r)
	}
	return p.rate*r/2 + p.rate*(t-r)
}

// Pace waits until the next hit is due.
func (p rampPacer) Pace(elapsed time.Duration, hits uint64) (time.Duration, bool) {
	if p.rate <= 0 {
		return 0, true
	}
	if float64(hits) < p.hits(elapsed) {
		return 0, false
	}
	next, r := float64(hits+1), p.ramp.Seconds()
	var at float64 // seconds since the start when hit number hits+1 is due
	if r > 0 && next <= p.rate*r/2 {
		at = math.Sqrt(2 * r * next / p.rate)
	} else {
		at = r + (next-p.rate*r/2)/p.rate
	}
	return time.Duration(at*float64(time.Second)) - elapsed, false
}

// Rate is the rate at elapsed.
func (p rampPacer) Rate(elapsed time.Duration) float64 {
	if elapsed < p.ramp {
		return p.rate * elapsed.Seconds() / p.ramp.Seconds()
	}
	return p.rate
}
