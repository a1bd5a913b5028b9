package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log"
	"math/rand/v2"
	"net/http"
	"newsgraph/internal/loadtest"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	vegeta "github.com/tsenart/vegeta/v12/lib"

	"newsgraph/bench/workload"
)

type vegetaTarget = vegeta.Target

// seqResult is one contender's single-client latency on one query, and the
// Cypher round trips each request took.
type seqResult struct {
	Query      string  `json:"query"`
	Contender  string  `json:"contender"`
	Requests   int     `json:"requests"`
	P50ms      float64 `json:"p50_ms"`
	P99ms      float64 `json:"p99_ms"`
	RoundTrips float64 `json:"round_trips"`
}

// sequential sends each contender n requests for q, one at a time (after
// ten each not counted, so that plans and pools are warm). The contenders
// take turns request by request, with the same parameters, the first of
// each turn rotating: a contender measured in a block of its own met
// Neo4j's JIT and page cache in a different state from the next one's, and
// the same code came out 0.67× the floor one day and 1.27× the next.
func sequential(cs []*contender, q string, p workload.Set, n int) []seqResult {
	rng := rand.New(rand.NewPCG(3, uint64(len(q))))
	for i := 0; i < 10; i++ {
		prm := p.Pick(q, rng.IntN(1<<20))
		for _, c := range cs {
			do(c.request(c, q, prm))
		}
	}
	before := make([]int, len(cs))
	for j, c := range cs {
		before[j] = c.queriesRun()
	}
	ds := make([][]time.Duration, len(cs))
	trips := make([]int, len(cs))
	for i := 0; i < n; i++ {
		prm := p.Pick(q, rng.IntN(1<<20))
		for k := range cs {
			j := (i + k) % len(cs)
			c := cs[j]
			body, d, err := do(c.request(c, q, prm))
			if err != nil {
				fatalf("%s %s: %v", c.name, q, err)
			}
			ds[j] = append(ds[j], d)
			if c.name == "newsgraph" {
				var ext struct {
					Extensions struct{ Neo4j struct{ RoundTrips int } }
				}
				json.Unmarshal(body, &ext)
				trips[j] += ext.Extensions.Neo4j.RoundTrips
			}
		}
	}
	out := make([]seqResult, len(cs))
	for j, c := range cs {
		r := seqResult{Query: q, Contender: c.name, Requests: n, P50ms: ms(quantile(ds[j], 0.5)), P99ms: ms(quantile(ds[j], 0.99))}
		switch c.name {
		case "floor":
			r.RoundTrips = 1 // each of its handlers runs exactly one query
		case "newsgraph":
			r.RoundTrips = float64(trips[j]) / float64(n)
		default:
			r.RoundTrips = float64(c.queriesRun()-before[j]) / float64(n)
		}
		log.Printf("%-9s %s sequential: p50 %.2f ms, p99 %.2f ms, %.1f round trips", c.name, q, r.P50ms, r.P99ms, r.RoundTrips)
		out[j] = r
	}
	return out
}

// queriesRun asks the peer how many Cypher queries it has run; only the
// peer counts its own.
func (c *contender) queriesRun() int {
	if c.name != "peer" {
		return 0
	}
	res, err := http.Get(c.base + "/stats")
	if err != nil {
		return 0
	}
	defer res.Body.Close()
	var s struct{ Queries int }
	json.NewDecoder(res.Body).Decode(&s)
	return s.Queries
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func quantile(ds []time.Duration, q float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, int(float64(len(s))*q))]
}

// loadResult is one load phase: a rate (0 for the maximum) held for a
// while, what came back and how fast.
type loadResult struct {
	Query      string  `json:"query"`
	Contender  string  `json:"contender"`
	Phase      string  `json:"phase"` // "max", or "25%", "50%", "75%" of the floor's maximum
	Rate       float64 `json:"rate"`  // requests/s asked for; 0 for the maximum
	Requests   int     `json:"requests"`
	Throughput float64 `json:"throughput"` // successful requests/s
	P50ms      float64 `json:"p50_ms"`
	P99ms      float64 `json:"p99_ms"`
	ErrorRatio float64 `json:"error_ratio"`
	MaxRSSMiB  float64 `json:"max_rss_mib,omitempty"`
}

// loadPhases measures, for each query: every contender's maximum
// throughput (closed loop, o.workers clients), then open-loop load at 25%,
// 50% and 75% of the floor's maximum, the same rates for everyone.
//
// Before each phase it waits for Neo4j to finish what the last one left
// running: a request that timed out on the client may still be running
// its query, and would slow the next contender down.
//
// In quick mode a contender is not held at a rate above its own maximum:
// it cannot keep up, and waiting out its backlog (the peer's, on Q5, 10 s
// a phase) was a minute of the smoke test for no figure it reports.
func loadPhases(cs []*contender, queries []string, p workload.Set, o options, idle func()) []loadResult {
	var out []loadResult
	for _, q := range queries {
		var floorMax float64
		maxOf := map[string]float64{}
		for _, c := range cs {
			if c.failed[q] != "" {
				continue
			}
			idle()
			attack(c, q, p, vegeta.Rate{}, o.phase/4, o.workers) // warm-up, not counted
			r := attack(c, q, p, vegeta.Rate{}, o.phase, o.workers)
			r.Phase = "max"
			out = append(out, r)
			maxOf[c.name] = r.Throughput
			if c.name == "floor" {
				floorMax = r.Throughput
			}
		}
		for _, share := range []float64{0.25, 0.5, 0.75} {
			rate := max(1, int(floorMax*share))
			for _, c := range cs {
				if c.failed[q] != "" || o.quick && float64(rate) > maxOf[c.name] {
					continue
				}
				idle()
				r := attack(c, q, p, vegeta.Rate{Freq: rate, Per: time.Second}, o.phase, 0)
				r.Phase = fmt.Sprintf("%.0f%%", share*100)
				out = append(out, r)
			}
		}
	}
	return out
}

// attack holds a rate (or, with a zero rate, workers clients sending as
// fast as they can) for d, and sums up the results. A GraphQL answer with
// errors counts as an error, like a failed request.
func attack(c *contender, q string, p workload.Set, rate vegeta.Rate, d time.Duration, workers int) loadResult {
	var mu sync.Mutex
	rng := rand.New(rand.NewPCG(5, uint64(len(c.name))))
	targeter := func(t *vegeta.Target) error {
		mu.Lock()
		i := rng.IntN(1 << 20)
		mu.Unlock()
		*t = c.request(c, q, p.Pick(q, i))
		return nil
	}
	opts := []func(*vegeta.Attacker){vegeta.Timeout(10 * time.Second), vegeta.KeepAlive(true),
		vegeta.Connections(64), vegeta.MaxBody(1 << 20)}
	if workers > 0 {
		opts = append(opts, vegeta.Workers(uint64(workers)), vegeta.MaxWorkers(uint64(workers)))
	} else {
		// Open loop: vegeta adds workers when responses lag, up to a bound
		// that keeps a contender that cannot keep up from drowning the box.
		opts = append(opts, vegeta.MaxWorkers(256))
	}
	attacker := vegeta.NewAttacker(opts...)
	stopRSS := make(chan struct{})
	var maxRSS atomic.Int64
	if c.pid != 0 {
		go sampleRSS(c.pid, &maxRSS, stopRSS)
	}
	var lat []time.Duration
	errs := 0
	start := time.Now()
	for res := range attacker.Attack(targeter, rate, d, c.name+" "+q) {
		lat = append(lat, res.Latency)
		if res.Error != "" || res.Code != http.StatusOK || bytes.Contains(res.Body, []byte(`"errors":`)) {
			errs++
		}
	}
	elapsed := time.Since(start)
	close(stopRSS)
	r := loadResult{Query: q, Contender: c.name, Rate: float64(rate.Freq), Requests: len(lat),
		P50ms: ms(quantile(lat, 0.5)), P99ms: ms(quantile(lat, 0.99)),
		Throughput: float64(len(lat)-errs) / elapsed.Seconds(), MaxRSSMiB: float64(maxRSS.Load()) / 1024}
	if len(lat) > 0 {
		r.ErrorRatio = float64(errs) / float64(len(lat))
	}
	log.Printf("%-9s %s rate %-5s %6d requests, %7.1f/s, p50 %.2f ms, p99 %.2f ms, errors %.3f, RSS %.0f MiB",
		c.name, q, rateName(rate), r.Requests, r.Throughput, r.P50ms, r.P99ms, r.ErrorRatio, r.MaxRSSMiB)
	return r
}

func rateName(r vegeta.Rate) string {
	if r.Freq == 0 {
		return "max"
	}
	return strconv.Itoa(r.Freq)
}

// sampleRSS records the highest resident set size (KiB) of pid, every
// 100 ms, until stop closes.
func sampleRSS(pid int, into *atomic.Int64, stop <-chan struct{}) {
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for {
		if kb := loadtest.RSSKiB(pid); kb > into.Load() {
			into.Store(kb)
		}
		select {
		case <-stop:
			return
		case <-t.C:
		}
	}
}

// waitIdle returns once Neo4j runs no query but this one's, or after a
// minute.
func waitIdle(ctx context.Context, driver neo4j.DriverWithContext, db string) func() {
	return func() {
		deadline := time.Now().Add(time.Minute)
		for time.Now().Before(deadline) {
			res, err := neo4j.ExecuteQuery(ctx, driver,
				"SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN count(*) AS busy",
				nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db))
			if err != nil || len(res.Records) == 0 {
				return
			}
			if busy, _, _ := neo4j.GetRecordValue[int64](res.Records[0], "busy"); busy == 0 {
				return
			}
			time.Sleep(200 * time.Millisecond)
		}
		log.Print("Neo4j still busy after a minute; measuring anyway")
	}
}
