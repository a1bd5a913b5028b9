// Command soak runs newsgraph for a long while under a mixed load while its
// Neo4j is killed and restarted, then checks that nothing was lost, half
// written or leaked. tools/soak (make soak) runs it with a Neo4j of its
// own; it stops by itself after -duration.
//
// The load, all on loopback:
//   - reads at -share (50%) of newsgraph's maximum throughput, measured at
//     the start by a short closed-loop burst while the writer and the
//     deleter already run (or given with -rate): vegeta,
//     open loop, a mix of the benchmark's queries Q1…Q7 (bench/workload),
//     reached by a linear ramp over the first half of the warm-up;
//   - one writer ingesting bench/gen documents through the ingestSource
//     mutation, back to back, retrying a document while Neo4j is down;
//     it goes round a pool of -pool (500) documents, replacing those it
//     sent before, so the graph stays near the size the read rate was
//     measured on (growing all run, it outgrew that rate: a 30-minute run
//     of 2 December reached 3,000 sources and fell behind 129 reads/s);
//   - a deleter removing a random acknowledged source every -delete-every
//     (deleteSource);
//   - every -kill-every (once, a third of the way in, in a short run), Neo4j
//     SIGKILLed and started again on the same port and data directory; the
//     server must reconnect by itself.
//
// Afterwards it checks, and exits 1 with a report if any fails:
//   - every source in the graph equals a clean load of its document (its
//     fingerprint, store.SourceFingerprints, against a second, clean Neo4j
//     -clean-uri loaded with exactly the present sources' documents), and
//     the node and relationship counts are those of the clean load;
//   - acknowledged ingests are present, acknowledged deletes absent;
//   - every answer carries no error or a contract code (internal/errcode),
//     and UNAVAILABLE only during an outage (kill to ready, plus -grace);
//   - after warm-up the server's RSS and goroutines (/metrics
//     go_goroutines) grow by at most -max-growth (10%).
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"log/slog"
	"math"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"newsgraph/internal/config"
	"newsgraph/internal/store"
)

type options struct {
	duration    time.Duration
	server      string // the newsgraph binary
	gen         string // the bench/gen binary
	work        string // throwaway: documents, logs
	neo4jDir    string // the soak Neo4j's NEO4J_DIR (tools/neo4j)
	neo4jPort   string
	cleanURI    string
	rate        int
	share       float64
	killEvery   time.Duration
	deleteEvery time.Duration
	grace       time.Duration
	warmup      time.Duration
	maxGrowth   float64
	base        int
	pool        int
}

func main() {
	var o options
	flag.DurationVar(&o.duration, "duration", 30*time.Minute, "how long the load runs")
	flag.StringVar(&o.server, "server", "bin/newsgraph", "the newsgraph binary to run")
	flag.StringVar(&o.gen, "gen", "", "the bench/gen binary (writes the documents)")
	flag.StringVar(&o.work, "work", "", "a scratch directory: documents and the server's log")
	flag.StringVar(&o.neo4jDir, "neo4j-dir", "", "NEO4J_DIR of the Neo4j at $NEO4J_URI, to kill and restart it with tools/neo4j")
	flag.StringVar(&o.neo4jPort, "neo4j-port", "", "its NEO4J_PORT")
	flag.StringVar(&o.cleanURI, "clean-uri", "", "an empty Neo4j (same password) for the clean load the graph is checked against")
	flag.IntVar(&o.rate, "rate", 0, "read requests per second; 0: -share of the maximum, measured first")
	flag.Float64Var(&o.share, "share", 0.5, "the share of the maximum read throughput to hold")
	flag.DurationVar(&o.killEvery, "kill-every", 5*time.Minute, "how often Neo4j is SIGKILLed (once, a third of the way, when the run is shorter than twice this)")
	flag.DurationVar(&o.deleteEvery, "delete-every", 3*time.Second, "how often a random source is deleted")
	flag.DurationVar(&o.grace, "grace", 10*time.Second, "after Neo4j is ready again, how long UNAVAILABLE still counts as the outage's")
	flag.DurationVar(&o.warmup, "warmup", 0, "when resource growth is measured from (0: a tenth of the run, at least 30s, at most 3m)")
	flag.Float64Var(&o.maxGrowth, "max-growth", 0.10, "the largest growth allowed of RSS and goroutines after warm-up")
	flag.IntVar(&o.base, "base", 250, "sources loaded before the load starts")
	flag.IntVar(&o.pool, "pool", 500, "how many documents the writer goes round (from the base's first): the graph's size bound")
	flag.Parse()
	if o.pool <= o.base {
		log.Fatalf("-pool (%d) must be larger than -base (%d)", o.pool, o.base)
	}
	if o.gen == "" || o.work == "" || o.neo4jDir == "" || o.neo4jPort == "" || o.cleanURI == "" {
		log.Fatal("-gen, -work, -neo4j-dir, -neo4j-port and -clean-uri are required (tools/soak sets them)")
	}
	if o.warmup == 0 {
		o.warmup = min(max(o.duration/10, 30*time.Second), 3*time.Minute)
	}
	log.SetFlags(log.Ltime)

	cfg, err := config.Load(os.Getenv)
	if err != nil {
		log.Fatal(err)
	}
	cfg.Neo4j.QueryTimeout = 5 * time.Minute
	quiet := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	st, err := store.Open(cfg.Neo4j, quiet)
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	if err := st.EnsureSchema(ctx); err != nil {
		log.Fatal(err)
	}
	docs := &documents{gen: o.gen, dir: filepath.Join(o.work, "docs")}
	log.Printf("loading %d sources through the store (ingest.LoadBatch)", o.base)
	if err := loadDocs(ctx, st, docs, 0, o.base); err != nil {
		log.Fatalf("base data: %v", err)
	}

	token := randomToken()
	srv := startServer(o, cfg, token)
	defer srv.stop()
	h := &harness{o: o, srv: srv, token: token, docs: docs, states: map[string]state{},
		inAcked: map[string]bool{}, deleting: map[string]bool{}, seq: map[string]int{}}
	for k := 0; k < o.base; k++ {
		h.states[sourceID(k)] = present
		h.seq[sourceID(k)] = k
	}
	h.nextSeq = o.base
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		s := <-sig
		srv.stop()
		log.Fatalf("interrupted (%v)", s)
	}()

	p := params(srv.url)
	log.Printf("parameters: %d people, %d events, %d popular entities, %d topic-months, %d Q5 pages",
		len(p.People), len(p.Events), len(p.Popular), len(p.Months), len(p.Cursors))
	h.done = make(chan struct{})
	var wg sync.WaitGroup
	run := func(f func()) { wg.Add(1); go func() { defer wg.Done(); f() }() }
	// The writer and the deleter start first, so that the maximum is the
	// reads' maximum beside them: measured alone, half of it plus the
	// writer's back-to-back ingests left the 2 cores little to spare, and
	// a Neo4j restarted cold under that load queued reads for 40 s (a CI
	// run of 2 December).
	run(func() { h.write(o.base) })
	run(func() { h.deleteLoop() })
	rate := o.rate
	var maxRate float64
	if rate == 0 {
		burst := time.Now()
		maxRate = maximum(srv.url, p, maxSpan(o.duration))
		rate = max(1, int(math.Round(maxRate*o.share)))
		h.mu.Lock()
		h.burst = window{Kill: burst, Ready: time.Now()}
		h.mu.Unlock()
	}
	log.Printf("reads at %d/s (%.0f%% of a maximum of %.0f/s beside the writer, reached after a ramp of %s), for %s; Neo4j killed at %v",
		rate, o.share*100, maxRate, o.warmup/2, o.duration, killTimes(o.duration, o.killEvery))

	start := time.Now()
	run(func() { h.read(p, rate) })
	run(func() { h.sampleLoop() })
	var dumps []string
	var dumpsMu sync.Mutex
	run(func() {
		select {
		case <-time.After(time.Until(start.Add(o.warmup))):
			saved := saveProfiles(o, srv, "warm")
			dumpsMu.Lock()
			dumps = append(dumps, saved...)
			dumpsMu.Unlock()
		case <-h.done:
		}
	})
	h.killLoop(start)
	// The end is DURATION after the start, unless the last outage ended
	// too late for a span of load after it: then the load goes on (up to
	// 10 more minutes) so that the end of the run sees the server
	// recovered, which the growth check measures.
	end := start.Add(o.duration)
	h.mu.Lock()
	if n := len(h.windows); n > 0 {
		if after := h.windows[n-1].Ready.Add(o.grace + growthSpan(o.duration)); after.After(end) {
			end = minTime(after, end.Add(10*time.Minute))
			log.Printf("the last outage ended late: the load goes on until +%s", end.Sub(start).Round(time.Second))
		}
	}
	h.mu.Unlock()
	time.Sleep(time.Until(end))
	endDumps := saveProfiles(o, srv, "end")
	close(h.done)
	wg.Wait()
	dumps = append(dumps, endDumps...)
	end = time.Now()
	log.Printf("load stopped after %s; checking", end.Sub(start).Round(time.Second))

	r := h.check(ctx, st, cfg, start, end)
	r.Rate, r.MaxRate = rate, maxRate
	r.print(os.Stdout, o)
	srv.stop()
	if !r.ok() {
		fmt.Fprintf(os.Stderr, "soak FAILED; the server's log: %s; its goroutines and live heap after warm-up and at the end (go tool pprof -base heap-warm.pb.gz bin/newsgraph heap-end.pb.gz): %s\n", srv.logPath, strings.Join(dumps, ", "))
		os.Exit(1)
	}
	fmt.Println("soak passed")
}

// maxSpan is how long the maximum is measured: a 60th of the run, from 6 s
// (the 3-minute run in .ci/run) to 30 s (the 30-minute run).
func maxSpan(d time.Duration) time.Duration { return min(max(d/60, 6*time.Second), 30*time.Second) }

// growthSpan is how long the windows are whose resources are compared.
func growthSpan(d time.Duration) time.Duration { return min(time.Minute, d/6) }

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func sourceID(k int) string { return fmt.Sprintf("source:gen-%06d", k) }

// documents are bench/gen's documents, written on demand in chunks.
type documents struct {
	gen string
	dir string
	mu  sync.Mutex
}

// genSizes shape the generated graph: ten statements a source, speakers
// from a few thousand people, so that new sources keep touching the
// entities earlier ones named (and deletes must leave those alone).
var genSizes = []string{"-people", "3000", "-nations", "100", "-organisations", "300", "-events", "1000",
	"-statements", "2000000", "-sources", "200000"}

const chunk = 250

// path returns the file of document k, writing its chunk first if needed.
func (d *documents) path(k int) (string, error) {
	p := filepath.Join(d.dir, fmt.Sprintf("gen-%06d.json", k))
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, err := os.Stat(p); err == nil {
		return p, nil
	}
	from := k / chunk * chunk
	args := append([]string{"-out", d.dir, "-from", fmt.Sprint(from), "-to", fmt.Sprint(from + chunk)}, genSizes...)
	if out, err := exec.Command(d.gen, args...).CombinedOutput(); err != nil {
		return "", fmt.Errorf("bench/gen %v: %v: %s", args, err, out)
	}
	return p, nil
}
