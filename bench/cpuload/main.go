// Command cpuload posts the benchmark's Q1–Q5 (bench/workload's Queries,
// over the seed graph's ids; Q5's first page) to a running newsgraph from closed-loop
// clients and prints throughput and latency percentiles. It is the load
// behind the CPU and allocation profiles in BENCHMARKS.md ("CPU per
// request"):
//
//	go run ./bench/cpuload -url http://127.0.0.1:18080/graphql -c 16 -d 20s -q Q1,Q2,Q3,Q4
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"newsgraph/bench/workload"
)

// vars are the seed graph's ids and words each query rotates through.
var vars = map[string][]map[string]any{
	"Q1": {{"id": "person:mark-rutte"}, {"id": "person:emmanuel-macron"}, {"id": "person:volodymyr-zelensky"}, {"id": "person:donald-trump"}},
	"Q2": {{"id": "person:emmanuel-macron"}, {"id": "person:volodymyr-zelensky"}, {"id": "nation:ukraine"}},
	"Q3": {{"event": "event:2025-09-04-coalition-of-the-willing-summit", "about": "nation:ukraine"}, {"event": "event:2025-09-04-paris-press-conference", "about": "nation:russia"}},
	"Q4": {{"q": "troops"}, {"q": "ceasefire"}, {"q": "security guarantees"}},
	// The first page of the newest-first list: on any graph.
	"Q5": {{}},
}

func main() {
	url := flag.String("url", "http://127.0.0.1:8080/graphql", "the GraphQL endpoint")
	clients := flag.Int("c", 16, "closed-loop clients")
	dur := flag.Duration("d", 20*time.Second, "how long to send")
	which := flag.String("q", "Q1,Q2,Q3,Q4", "queries, comma-separated; each client cycles through them")
	flag.Parse()

	var bodies [][]byte
	for _, q := range strings.Split(*which, ",") {
		text, ok := workload.Queries[q]
		if !ok {
			log.Fatalf("no query %q", q)
		}
		for _, v := range vars[q] {
			b, _ := json.Marshal(map[string]any{"query": text, "variables": v})
			bodies = append(bodies, b)
		}
	}
	tr := &http.Transport{MaxIdleConnsPerHost: *clients}
	c := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	// Warm up: every body once, and check it answers without errors.
	for _, b := range bodies {
		res, err := c.Post(*url, "application/json", bytes.NewReader(b))
		if err != nil {
			log.Fatal(err)
		}
		out, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || bytes.Contains(out, []byte(`"errors"`)) {
			log.Fatalf("%s: %d %.300s", b, res.StatusCode, out)
		}
	}

	var mu sync.Mutex
	var lat []time.Duration
	failed := 0
	var wg sync.WaitGroup
	end := time.Now().Add(*dur)
	for w := 0; w < *clients; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var mine []time.Duration
			bad := 0
			for i := w; time.Now().Before(end); i++ {
				start := time.Now()
				res, err := c.Post(*url, "application/json", bytes.NewReader(bodies[i%len(bodies)]))
				if err != nil {
					bad++
					continue
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode != 200 {
					bad++
					continue
				}
				mine = append(mine, time.Since(start))
			}
			mu.Lock()
			lat = append(lat, mine...)
			failed += bad
			mu.Unlock()
		}(w)
	}
	wg.Wait()
	slices.Sort(lat)
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(p*float64(len(lat))))]
	}
	fmt.Fprintf(os.Stdout, "%s c=%d d=%s: %d ok, %d failed, %.0f req/s, p50 %s, p90 %s, p99 %s\n",
		*which, *clients, *dur, len(lat), failed, float64(len(lat))/dur.Seconds(),
		pct(.5).Round(time.Microsecond), pct(.9).Round(time.Microsecond), pct(.99).Round(time.Microsecond))
}
