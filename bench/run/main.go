// Command run is the benchmark harness. It loads generated data through the
// real ingestion path, starts the three contenders on loopback — the floor
// (bench/floor: hand-written Cypher behind a minimal handler), newsgraph
// (the built binary) and the peer (bench/peer: the Neo4j GraphQL Library
// with Apollo Server, on Node) — checks that they answer the benchmark's
// queries identically (the correctness gate), then measures them and writes
// <out>/<date>.md and .json.
//
//	go run ./bench/run -quick             # small data: the gate and short load phases
//	go run ./bench/run -stage scaling     # the first 20,000 statements: Q1/Q2 latency
//	go run ./bench/run -scaling f.json    # the full data set, growth against f.json
//	go run ./bench/run -queries Q6,Q7     # the full data set, only those queries
//	go run ./bench/run -stage scale -scaling f.json -neo4j-dir D
//	                                      # a store built by newsgraph import (a million
//	                                      # statements): floor and newsgraph, one client
//	                                      # at a time, RSS and store size against the targets
//
// tools/bench runs the stages, each on a Neo4j of its own.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"newsgraph/bench/floor"
	"newsgraph/bench/workload"
	"newsgraph/internal/config"
	"newsgraph/internal/loadtest"
	"newsgraph/internal/store"
)

// options are the run's settings; the flags set them.
type options struct {
	quick     bool
	stage     string
	out       string
	scaling   string
	peerDir   string
	phase     time.Duration // each load phase
	sequence  int           // sequential requests per query and contender
	workers   int           // concurrent clients for the maximum throughput
	gateSets  int           // parameter sets checked by the gate
	sizes     []string      // bench/gen flags
	loadRange [2]int        // the sources to load: [from, to)
	queries   []string      // the queries to check and measure
	firstLoad string        // -first-load, from tools/bench
	neo4jDir  string        // -neo4j-dir: the Neo4j's NEO4J_DIR, whose store the scale stage measures
}

func main() {
	var o options
	flag.BoolVar(&o.quick, "quick", false, "small data and short load phases: the smoke test")
	flag.StringVar(&o.stage, "stage", "full", "full, scaling (the first tenth of the data; Q1 and Q2 only), or scale (the store in -neo4j-dir as it is; floor and newsgraph, Q1–Q5, one client at a time)")
	flag.StringVar(&o.out, "out", "bench/results", "where results go")
	flag.StringVar(&o.scaling, "scaling", "", "the scaling stage's JSON, to state Q1/Q2 growth against")
	flag.StringVar(&o.peerDir, "peer", "bench/peer", "the peer's directory (npm ci done)")
	flag.DurationVar(&o.phase, "phase", 10*time.Second, "how long each load phase lasts")
	flag.IntVar(&o.workers, "workers", 16, "concurrent clients when measuring maximum throughput")
	only := flag.String("queries", "", "comma-separated queries to check and measure, e.g. Q6,Q7 (default: all; Q1–Q5 with -stage scale)")
	flag.StringVar(&o.neo4jDir, "neo4j-dir", "", "with -stage scale: the Neo4j's directory (tools/neo4j's NEO4J_DIR), to measure its store")
	flag.StringVar(&o.firstLoad, "first-load", "", "statements,import seconds,Neo4j start seconds: tools/bench built the database with newsgraph import just now; this run times the first start and reports the first load")
	serveFloor := flag.String("serve-floor", "", "serve the floor on this address until stopped (the harness starts itself so, as the floor's own process)")
	flag.Parse()
	if *serveFloor != "" {
		log.Fatal(floor.Serve(*serveFloor))
	}
	var err error
	if o.queries, err = selectQueries(*only); err != nil {
		fatalf("-queries: %v", err)
	}
	if strings.TrimSpace(*only) == "" {
		o.queries = defaultQueries(o.stage)
	}
	log.SetFlags(log.Ltime)
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() { fatalf("interrupted: %v", <-sig) }()

	// The full data set is bench/gen's default: 200,000 statements in
	// 20,000 sources. The scaling stage loads its first 2,000 sources, the
	// same documents, so the two graphs differ only in size.
	o.sequence, o.gateSets = 300, 10
	o.sizes = []string{"-statements", "200000", "-sources", "20000"}
	o.loadRange = [2]int{0, 20_000}
	switch {
	case o.quick:
		o.phase, o.sequence, o.gateSets = time.Second, 20, 5
		o.sizes = []string{"-statements", "3000", "-sources", "300", "-people", "800", "-nations", "40",
			"-organisations", "80", "-events", "100"}
		o.loadRange = [2]int{0, 300}
	case o.stage == "scaling":
		o.loadRange = [2]int{0, 2_000}
	case o.stage == "scale":
		// tools/bench built the store with newsgraph import: this stage
		// loads nothing, it measures what is there.
		if o.neo4jDir == "" {
			fatalf("-stage scale needs -neo4j-dir, to measure the store")
		}
	case o.stage != "full":
		fatalf("-stage: %q is not full, scaling or scale", o.stage)
	}

	ctx := context.Background()
	cfg, err := config.Load(os.Getenv)
	if err != nil {
		fatalf("%v", err)
	}
	st, err := store.Open(cfg.Neo4j, slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err != nil {
		fatalf("%v", err)
	}
	schemaStart := time.Now()
	if err := st.EnsureSchema(ctx); err != nil {
		fatalf("%v", err)
	}
	run := runInfo{Date: time.Now().UTC().Format("2006-01-02"), Stage: o.stage, Quick: o.quick, Neo4jMemory: neo4jMemory(os.Getenv)}
	if o.firstLoad != "" {
		run.FirstLoad = parseFirstLoad(o.firstLoad, time.Since(schemaStart))
	}
	if o.stage != "scale" {
		run.Statements, run.IngestPerSecond = ensureLoaded(ctx, st, o)
	}
	driver, err := neo4j.NewDriverWithContext(cfg.Neo4j.URI, neo4j.BasicAuth(cfg.Neo4j.User, cfg.Neo4j.Password, ""))
	if err != nil {
		fatalf("%v", err)
	}
	run.GraphStatements, run.GraphSources = graphSize(ctx, driver, cfg.Neo4j.Database)
	log.Printf("the graph: %d statements in %d sources", run.GraphStatements, run.GraphSources)
	if run.GraphStatements == 0 {
		fatalf("the graph has no statements to measure")
	}

	bin := buildNewsgraph()
	ng := startNewsgraph(bin, nil)
	defer ng.stop()
	fl := startFloor()
	defer fl.stop()
	contenders := []*contender{floorContender(fl.url, fl.cmd.Process.Pid), newsgraphContender(ng.url, ng.cmd.Process.Pid)}
	if o.stage == "scale" { // the peer is left out (see scaleIntro); the store is read once
		if w, err := warmFileCache(o.neo4jDir); err != nil {
			log.Printf("reading the store into the file cache: %v", err)
		} else {
			run.Warm = &w
			log.Printf("read the store's %s into the file cache in %.1f s", mib(w.Bytes), w.Seconds)
		}
	} else {
		peer := startPeer(o.peerDir)
		defer peer.stop()
		contenders = append(contenders, peerContender(peer.url, peer.cmd.Process.Pid))
	}
	p, err := workload.DiscoverFor(workload.HTTP(client, ng.url), o.queries)
	if err != nil {
		fatalf("%v", err)
	}
	p.Shuffle()
	log.Printf("parameters: %d people, %d events, %d search words, %d popular entities, %d topic-months",
		len(p.People), len(p.Events), len(p.Words), len(p.Popular), len(p.Months))

	gate(contenders, p, o.queries, o.gateSets, o.quick)
	log.Print("correctness gate passed: every answer given was the same")
	for _, c := range contenders {
		for q, why := range c.failed {
			run.Failures = append(run.Failures, failure{Query: q, Contender: c.name, Error: why})
		}
	}
	for _, c := range contenders {
		for _, q := range o.queries {
			if note, ok := peerCaveats[q]; ok && c.name == "peer" && c.failed[q] == "" {
				run.Caveats = append(run.Caveats, failure{Query: q, Contender: "peer", Error: note})
			}
		}
	}

	queries := o.queries
	if o.stage == "scaling" {
		queries = []string{"Q1", "Q2"} // the gate checked the rest
	}
	run.Queries = queries
	for _, q := range queries {
		var cs []*contender
		for _, c := range contenders {
			if c.failed[q] == "" {
				cs = append(cs, c)
			}
		}
		run.Sequential = append(run.Sequential, sequential(cs, q, p, o.sequence)...)
	}
	if o.stage == "scaling" {
		report(o, run)
		return
	}
	if o.stage == "scale" {
		// Read before the server stops: its high-water mark covers the
		// whole stage, from its start on the big graph.
		run.PeakRSSMiB = float64(loadtest.PeakRSSKiB(ng.cmd.Process.Pid)) / 1024
		ng.stop() // before Neo4j goes, so that it logs no outage
		stopNeo4j(o.neo4jDir)
		if size, err := measureStore(o.neo4jDir); err != nil {
			log.Printf("the store's size: %v", err)
		} else {
			run.Store = &size
		}
		if o.scaling != "" {
			scaling(o.scaling, &run)
		}
		run.Targets = scaleTargets(run.Scaling, run.ScalingStatements, run.GraphStatements, run.PeakRSSMiB)
		report(o, run)
		return
	}
	run.Profiles = profiles(ctx, driver, cfg.Neo4j.Database, bin, contenders, queries, p)
	run.EntityOrder = entityOrderPlans(ctx, driver, cfg.Neo4j.Database, bin)
	run.Load = loadPhases(contenders, queries, p, o, waitIdle(ctx, driver, cfg.Neo4j.Database))
	if o.scaling != "" {
		scaling(o.scaling, &run)
	}
	report(o, run)
}

// ensureLoaded loads the generated sources unless they are there already,
// and returns the number of statements loaded and the ingest throughput.
func ensureLoaded(ctx context.Context, st *store.Store, o options) (int, float64) {
	last := fmt.Sprintf("source:gen-%06d", o.loadRange[1]-1)
	have, err := st.SourcesByID(ctx, []string{last})
	if err != nil {
		fatalf("%v", err)
	}
	if have[0] != nil {
		log.Print("the generated data is already loaded; using it")
		return 0, 0
	}
	args := append([]string{"run", "./bench/gen", "-load", "-from", fmt.Sprint(o.loadRange[0]), "-to", fmt.Sprint(o.loadRange[1])}, o.sizes...)
	log.Printf("loading sources %d to %d through the ingestion path: go %s", o.loadRange[0], o.loadRange[1]-1, strings.Join(args, " "))
	cmd := exec.Command("go", args...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		fatalf("%v", err)
	}
	if err := cmd.Start(); err != nil {
		fatalf("%v", err)
	}
	var statements int
	var rate float64
	final := regexp.MustCompile(`and (\d+) statements in .*: (\d+) statements/s`)
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		fmt.Println(sc.Text())
		if m := final.FindStringSubmatch(sc.Text()); m != nil {
			statements, _ = strconv.Atoi(m[1])
			rate, _ = strconv.ParseFloat(m[2], 64)
		}
	}
	if err := cmd.Wait(); err != nil {
		fatalf("bench/gen: %v", err)
	}
	return statements, rate
}

// parseFirstLoad reads -first-load (statements, the import's and Neo4j's
// start seconds, as tools/bench measured them) and adds the first start's
// EnsureSchema, which completes the imported graph and builds its indexes.
func parseFirstLoad(s string, firstStart time.Duration) *firstLoad {
	parts := strings.Split(s, ",")
	if len(parts) != 3 {
		fatalf("-first-load: %q is not statements,import seconds,start seconds", s)
	}
	n, err1 := strconv.Atoi(parts[0])
	imp, err2 := strconv.ParseFloat(parts[1], 64)
	start, err3 := strconv.ParseFloat(parts[2], 64)
	if err := errors.Join(err1, err2, err3); err != nil {
		fatalf("-first-load %q: %v", s, err)
	}
	f := &firstLoad{Statements: n, ImportS: imp, Neo4jStartS: start, FirstStartS: firstStart.Seconds()}
	f.TotalS = f.ImportS + f.Neo4jStartS + f.FirstStartS
	log.Printf("first load: %d statements; import %.1f s (%.0f/s); Neo4j start %.1f s; first start %.1f s; %.0f statements/s to a serving graph",
		n, imp, float64(n)/imp, start, f.FirstStartS, float64(n)/f.TotalS)
	return f
}

// selectQueries reads the -queries flag: a comma-separated subset of
// workload.Names, run in workload.Names' order; all of them when empty.
func selectQueries(list string) ([]string, error) {
	if strings.TrimSpace(list) == "" {
		return workload.Names, nil
	}
	want := map[string]bool{}
	for _, q := range strings.Split(list, ",") {
		q = strings.ToUpper(strings.TrimSpace(q))
		if !slices.Contains(workload.Names, q) {
			return nil, fmt.Errorf("%q is not one of %s", q, strings.Join(workload.Names, ", "))
		}
		want[q] = true
	}
	var out []string
	for _, q := range workload.Names {
		if want[q] {
			out = append(out, q)
		}
	}
	return out, nil
}

// client bounds every single request, so that a contender that hangs stops
// the run instead of stalling it.
var client = &http.Client{Timeout: 2 * time.Minute}

// do sends one request and returns the body and how long it took.
func do(t vegetaTarget) ([]byte, time.Duration, error) {
	req, err := t.Request()
	if err != nil {
		return nil, 0, err
	}
	start := time.Now()
	res, err := client.Do(req)
	if err != nil {
		return nil, 0, err
	}
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	d := time.Since(start)
	if err == nil && res.StatusCode != http.StatusOK {
		err = fmt.Errorf("%s %s: %s: %.300s", t.Method, t.URL, res.Status, body)
	}
	return body, d, err
}

// gate stops the run unless every contender answers every query alike,
// after normalising, for sets parameter sets; Q5 is a walk of 20 workload.Pages,
// whose cursors the load phases then reuse. The floor and newsgraph must
// answer everything. When the peer answers a query with an error instead,
// the run goes on without it for that query, and the report says why — or,
// with mustAnswer (the smoke test), stops.
func gate(cs []*contender, p workload.Set, queries []string, sets int, mustAnswer bool) {
	fail := func(c *contender, q string, prm map[string]string, err error) {
		if c.name != "peer" || mustAnswer {
			fatalf("correctness gate: %s %v: %s did not answer: %v", q, prm, c.name, err)
		}
		log.Printf("correctness gate: %s %v: %s did not answer; it is left out of %s: %.500v", q, prm, c.name, q, err)
		c.failed[q] = fmt.Sprintf("%.300v", err)
	}
	for _, q := range queries {
		if q == "Q5" {
			continue // a walk, below
		}
		for i := 0; i < sets; i++ {
			prm := p.Pick(q, i)
			var want any
			for k, c := range cs {
				if c.failed[q] != "" {
					continue
				}
				body, _, err := do(c.request(c, q, prm))
				var got any
				if err == nil {
					got, err = c.normalise(q, body)
				}
				if err != nil {
					fail(c, q, prm, err)
					continue
				}
				got = roundTrip(got)
				if k == 0 {
					want = got
				} else if !reflect.DeepEqual(want, got) {
					differ(q, prm, cs[0].name, want, c.name, got)
				}
			}
		}
	}
	if !slices.Contains(queries, "Q5") {
		return
	}
	var want []string
	for k, c := range cs {
		c.cursors = []string{""}
		var ids []string
		var err error
		for page := 0; page < workload.Pages; page++ {
			var body []byte
			body, _, err = do(c.request(c, "Q5", p.Pick("Q5", page)))
			var got []string
			var next bool
			var cursor string
			if err == nil {
				got, next, cursor, err = c.page(body)
			}
			if err != nil {
				fail(c, "Q5", p.Pick("Q5", page), err)
				break
			}
			ids = append(ids, got...)
			if !next {
				break
			}
			c.cursors = append(c.cursors, cursor)
		}
		if err != nil {
			continue
		}
		if len(c.cursors) < workload.Pages {
			fatalf("correctness gate: Q5: %s gave %d workload.Pages; the graph needs %d statements", c.name, len(c.cursors), workload.Pages*100)
		}
		c.cursors = c.cursors[:workload.Pages]
		if k == 0 {
			want = ids
		} else if !reflect.DeepEqual(want, ids) {
			differ("Q5", nil, cs[0].name, want, c.name, ids)
		}
	}
}

func differ(q string, prm map[string]string, a string, x any, b string, y any) {
	ja, _ := json.MarshalIndent(x, "", " ")
	jb, _ := json.MarshalIndent(y, "", " ")
	fatalf("correctness gate: %s %v: %s and %s differ\n%s: %.3000s\n%s: %.3000s", q, prm, a, b, a, ja, b, jb)
}

// process is a contender running as a child process.
type process struct {
	url string
	cmd *exec.Cmd
}

func (s process) stop() { s.cmd.Process.Signal(os.Interrupt); s.cmd.Wait() }

// running are the child processes to stop when the run ends early.
var (
	runningMu sync.Mutex
	running   []process
)

// fatalf stops the children, so that none outlives the harness, and exits.
func fatalf(format string, a ...any) {
	runningMu.Lock()
	for _, p := range running {
		p.cmd.Process.Signal(os.Interrupt)
	}
	runningMu.Unlock()
	log.Printf(format, a...)
	os.Exit(1)
}

func track(p process) process {
	runningMu.Lock()
	running = append(running, p)
	runningMu.Unlock()
	return p
}

func buildNewsgraph() string {
	bin := filepath.Join(os.TempDir(), "newsgraph-bench")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func freeAddr() string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fatalf("%v", err)
	}
	defer l.Close()
	return l.Addr().String()
}

// startNewsgraph starts the server on a free loopback port. With logs set,
// it runs at debug level and its log lines go there (the PROFILE step reads
// the Cypher from them).
func startNewsgraph(bin string, logs io.Writer) process {
	addr := freeAddr()
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "ADDR="+addr, "NEWSGRAPH_SEED=false", "NEWSGRAPH_TRACE_ROUND_TRIPS=true",
		"NEWSGRAPH_COMPLEXITY_LIMIT=1000000", "LOG_LEVEL=warn")
	cmd.Stderr = os.Stderr
	if logs != nil {
		cmd.Env = append(cmd.Env, "LOG_LEVEL=debug", "LOG_FORMAT=json")
		cmd.Stderr, cmd.Stdout = logs, logs
	}
	if err := cmd.Start(); err != nil {
		fatalf("%v", err)
	}
	p := track(process{url: "http://" + addr, cmd: cmd})
	waitFor(p.url+"/readyz", "newsgraph", false)
	return p
}

// startFloor starts the floor on a free port as a process of its own (this
// binary with -serve-floor), as newsgraph and the peer are: in the
// harness's own process it shared the load generator's scheduler and
// answered without a process boundary, which gave it lower latency than
// any server could have.
func startFloor() process {
	self, err := os.Executable()
	if err != nil {
		fatalf("%v", err)
	}
	addr := freeAddr()
	cmd := exec.Command(self, "-serve-floor", addr)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		fatalf("the floor: %v", err)
	}
	p := track(process{url: "http://" + addr, cmd: cmd})
	// Any answer means it listens; its paths need parameters to be 200.
	waitFor(p.url+"/", "the floor", true)
	return p
}

// startPeer starts the Neo4j GraphQL Library's server on a free port.
func startPeer(dir string) process {
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "@neo4j", "graphql")); err != nil {
		fatalf("the peer's npm packages are missing: run npm ci --prefix %s (tools/bench does)", dir)
	}
	addr := freeAddr()
	_, port, _ := net.SplitHostPort(addr)
	cmd := exec.Command("node", "server.js")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PORT="+port)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		fatalf("node: %v", err)
	}
	p := track(process{url: "http://" + addr, cmd: cmd})
	waitFor(p.url+"/stats", "the peer", false)
	return p
}

// waitFor polls u until it answers 200, or, with anyStatus, until it
// answers at all.
func waitFor(u, who string, anyStatus bool) {
	for i := 0; ; i++ {
		if res, err := http.Get(u); err == nil {
			res.Body.Close()
			if anyStatus || res.StatusCode == http.StatusOK {
				return
			}
		}
		if i > 600 {
			fatalf("%s did not become ready", who)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
