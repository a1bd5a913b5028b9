package main

import (
	"math"
	"testing"
	"time"
)

func TestRampPacer(t *testing.T) {
	p := rampPacer{rate: 100, ramp: 10 * time.Second}
	for _, c := range []struct {
		at   time.Duration
		hits float64
		rate float64
	}{
		{0, 0, 0},
		{5 * time.Second, 125, 50},
		{10 * time.Second, 500, 100},
		{20 * time.Second, 1500, 100},
	} {
		if got := p.hits(c.at); math.Abs(got-c.hits) > 1e-6 {
			t.Errorf("hits due at %s = %.1f, want %.1f", c.at, got, c.hits)
		}
		if got := p.Rate(c.at); math.Abs(got-c.rate) > 1e-6 {
			t.Errorf("rate at %s = %.1f, want %.1f", c.at, got, c.rate)
		}
	}
	// Simulate the attacker: every wait leads to the instant the next hit
	// is due, so the hits sent track the area under the rate.
	var elapsed time.Duration
	var sent uint64
	for elapsed < 20*time.Second {
		wait, stop := p.Pace(elapsed, sent)
		if stop {
			t.Fatal("the pacer stopped")
		}
		if wait == 0 {
			sent++
			continue
		}
		elapsed += wait
	}
	if d := math.Abs(float64(sent) - p.hits(elapsed)); d > 2 {
		t.Errorf("sent %d hits in %s, %.0f due", sent, elapsed, p.hits(elapsed))
	}
	if _, stop := (rampPacer{}).Pace(0, 0); !stop {
		t.Error("a zero rate does not stop")
	}
}
