// Command cpuload sends the benchmark's queries (bench/workload) from
// closed-loop clients to newsgraph or to the floor (bench/floor) and prints
// throughput, latency percentiles and, for the processes named with -pid,
// the CPU time each spent per request. It is the load behind the CPU
// profiles and the per-request CPU comparison in BENCHMARKS.md.
//
//	go run ./bench/cpuload -url http://127.0.0.1:18080/graphql -c 16 -d 20s -q Q1,Q2,Q3,Q4
//
// Over the seed graph it uses the seed's ids. With -discover it draws the
// parameters from the graph as the benchmark does, so it runs on any
// generated graph, and with -floor it sends the same questions to a floor
// started by another cpuload with -serve-floor (the floor needs the
// NEO4J_* settings newsgraph reads):
//
//	go run ./bench/cpuload -serve-floor 127.0.0.1:18090 &
//	go run ./bench/cpuload -discover -url http://127.0.0.1:18080/graphql -floor http://127.0.0.1:18090 \
//	    -pid neo4j=$NEO4J_PID -pid floor=$FLOOR_PID -q Q2
//
// The floor and newsgraph are then loaded one after the other with the same
// parameters, and each line gives the CPU milliseconds per request of every
// -pid process during that phase.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"newsgraph/bench/floor"
	"newsgraph/bench/workload"
	"newsgraph/internal/loadtest"
)

// seedVars are the seed graph's ids and words each query rotates through.
var seedVars = map[string][]map[string]any{
	"Q1": {{"id": "person:mark-rutte"}, {"id": "person:emmanuel-macron"}, {"id": "person:volodymyr-zelensky"}, {"id": "person:donald-trump"}},
	"Q2": {{"id": "person:emmanuel-macron"}, {"id": "person:volodymyr-zelensky"}, {"id": "nation:ukraine"}},
	"Q3": {{"event": "event:2025-09-04-coalition-of-the-willing-summit", "about": "nation:ukraine"}, {"event": "event:2025-09-04-paris-press-conference", "about": "nation:russia"}},
	"Q4": {{"q": "troops"}, {"q": "ceasefire"}, {"q": "security guarantees"}},
	// The first page of the newest-first list: on any graph.
	"Q5": {{}},
}

// proc is a process whose CPU time per request is reported.
type proc struct {
	name string
	pid  int
}

// pids are -pid name=pid flags, in the order given.
type pids []proc

func (p *pids) String() string { return fmt.Sprint(*p) }

func (p *pids) Set(v string) error {
	name, n, ok := strings.Cut(v, "=")
	pid, err := strconv.Atoi(n)
	if !ok || err != nil || pid <= 0 {
		return fmt.Errorf("want name=pid, not %q", v)
	}
	*p = append(*p, proc{name, pid})
	return nil
}

// request is one prepared request of a phase.
type request struct {
	method, url string
	body        []byte
}

func main() {
	target := flag.String("url", "http://127.0.0.1:8080/graphql", "newsgraph's GraphQL endpoint")
	floorURL := flag.String("floor", "", "also load the floor at this base URL (http://host:port), first, with the same parameters")
	serveFloor := flag.String("serve-floor", "", "serve the floor on this address (host:port) until stopped, instead of sending load")
	discover := flag.Bool("discover", false, "draw parameters from the graph (bench/workload), not the seed's ids")
	clients := flag.Int("c", 16, "closed-loop clients")
	dur := flag.Duration("d", 20*time.Second, "how long to send, per phase")
	which := flag.String("q", "Q1,Q2,Q3,Q4", "queries, comma-separated; each client cycles through them (Q5: the first page only)")
	var procs pids
	flag.Var(&procs, "pid", "name=pid of a process whose CPU time per request to report (repeatable)")
	flag.Parse()

	if *serveFloor != "" {
		log.Fatal(floor.Serve(*serveFloor))
	}
	procs = append(procs, proc{"client", os.Getpid()})
	queries := strings.Split(*which, ",")
	for _, q := range queries {
		if _, ok := workload.Queries[q]; !ok {
			log.Fatalf("-q: no query %q", q)
		}
	}
	c := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: *clients}, Timeout: 10 * time.Second}
	params := seedParams(queries)
	if *discover {
		base := strings.TrimSuffix(*target, "/graphql")
		set, err := workload.DiscoverFor(workload.HTTP(c, base), queries)
		if err != nil {
			log.Fatalf("discovering parameters: %v", err)
		}
		set.Shuffle()
		params = nil
		for i := range 100 {
			for _, q := range queries {
				if q == "Q5" && i > 0 {
					continue
				}
				params = append(params, query{q, set.Pick(q, i)})
			}
		}
	}
	var ng []request
	var fl []request
	for _, p := range params {
		vars := workload.Vars(p.name, p.prm, []string{""}) // Q5: the first page
		b, _ := json.Marshal(map[string]any{"query": workload.Queries[p.name], "variables": vars})
		ng = append(ng, request{http.MethodPost, *target, b})
		if *floorURL != "" {
			fl = append(fl, request{http.MethodGet, floor.URL(*floorURL, p.name, p.prm, ""), nil})
		}
	}
	if *floorURL != "" {
		run(c, "floor", fl, *clients, *dur, procs, *which)
	}
	run(c, "newsgraph", ng, *clients, *dur, procs, *which)
}

// query is one query and its parameters as bench/workload gives them.
type query struct {
	name string
	prm  map[string]string
}

func seedParams(queries []string) []query {
	var out []query
	for _, q := range queries {
		for _, v := range seedVars[q] {
			prm := map[string]string{}
			for k, x := range v {
				prm[k] = fmt.Sprint(x)
			}
			if q == "Q5" {
				prm = map[string]string{"page": "0"}
			}
			out = append(out, query{q, prm})
		}
	}
	return out
}

func send(c *http.Client, r request) (int, []byte, error) {
	var res *http.Response
	var err error
	if r.method == http.MethodGet {
		res, err = c.Get(r.url)
	} else {
		res, err = c.Post(r.url, "application/json", bytes.NewReader(r.body))
	}
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	var out bytes.Buffer
	_, err = out.ReadFrom(res.Body)
	return res.StatusCode, out.Bytes(), err
}

// run warms the requests up once each (and fails on any error), then
// loads them for d and prints the phase's figures.
func run(c *http.Client, name string, reqs []request, clients int, d time.Duration, procs pids, which string) {
	for _, r := range reqs {
		status, out, err := send(c, r)
		if err != nil {
			log.Fatalf("%s: %v", name, err)
		}
		if status != 200 || bytes.Contains(out, []byte(`"errors"`)) {
			log.Fatalf("%s: %s %s: %d %.300s", name, r.url, r.body, status, out)
		}
	}
	cpu := func() []float64 {
		out := make([]float64, len(procs))
		for i, p := range procs {
			s, err := loadtest.CPUSeconds(p.pid)
			if err != nil {
				log.Fatalf("-pid %s: %v", p.name, err)
			}
			out[i] = s
		}
		return out
	}
	var mu sync.Mutex
	var lat []time.Duration
	failed := 0
	var wg sync.WaitGroup
	before := cpu()
	start := time.Now()
	end := start.Add(d)
	for w := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			bad := 0
			for i := w; time.Now().Before(end); i++ {
				t := time.Now()
				status, _, err := send(c, reqs[i%len(reqs)])
				if err != nil || status != 200 {
					bad++
					continue
				}
				mine = append(mine, time.Since(t))
			}
			mu.Lock()
			lat = append(lat, mine...)
			failed += bad
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	after := cpu()
	slices.Sort(lat)
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(p*float64(len(lat))))]
	}
	fmt.Printf("%-9s %s c=%d d=%s: %d ok, %d failed, %.0f req/s, p50 %s, p90 %s, p99 %s",
		name, which, clients, d, len(lat), failed, float64(len(lat))/elapsed.Seconds(),
		pct(.5).Round(time.Microsecond), pct(.9).Round(time.Microsecond), pct(.99).Round(time.Microsecond))
	for i, p := range procs {
		if len(lat) > 0 {
			fmt.Printf("; %s %.3f ms CPU/request", p.name, (after[i]-before[i])*1000/float64(len(lat)))
		}
	}
	fmt.Println()
}
