// Command run is the benchmark harness: it loads generated data through the
// real ingestion path, starts the contenders on loopback, checks that they
// answer the benchmark's queries identically (the correctness gate), then
// times them and writes bench/results/<date>.md and .json.
//
// Contenders so far: newsgraph (the built binary) and the floor
// (bench/floor: hand-written Cypher behind a minimal handler). The peer
// (the Neo4j GraphQL Library) and open-loop load are still to come.
//
//	go run ./bench/run -quick          # small data, the gate and a few timings
//	go run ./bench/run                 # the full data set
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"newsgraph/bench/floor"
	"newsgraph/internal/config"
	"newsgraph/internal/store"
)

// The benchmark's queries, as newsgraph answers them.
const (
	q1 = `query Q1($id: ID!) { entity(id: $id) { id name ... on Person { roles { title of { id name } } } } }`
	q2 = `query Q2($id: ID!) { entity(id: $id) { statements(first: 20) { nodes { id text date speaker { id name } about { id } evidence { start end excerpt source { id title } } } } } }`
	q3 = `query Q3($event: ID!, $about: ID!) { node(id: $event) { ... on Event { id participants { entity { id statements(filter: {about: $about}, first: 5) { nodes { id text } } } } } } }`
	q4 = `query Q4($q: String!) { search(query: $q, first: 20) { node { id } } }`
	q5 = `query Q5($after: String) { statements(first: 100, after: $after) { nodes { id text } pageInfo { hasNextPage endCursor } } }`
)

type result struct {
	Query      string  `json:"query"`
	Contender  string  `json:"contender"`
	Requests   int     `json:"requests"`
	P50ms      float64 `json:"p50_ms"`
	P99ms      float64 `json:"p99_ms"`
	RoundTrips float64 `json:"round_trips,omitempty"`
}

func main() {
	quick := flag.Bool("quick", false, "small data and few requests: a smoke test of the gate")
	out := flag.String("out", "bench/results", "where results go")
	flag.Parse()
	ctx := context.Background()
	cfg, err := config.Load(os.Getenv)
	if err != nil {
		log.Fatal(err)
	}
	st, err := store.Open(cfg.Neo4j, slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err != nil {
		log.Fatal(err)
	}
	if err := st.EnsureSchema(ctx); err != nil {
		log.Fatal(err)
	}

	statements, sources, requests := 200_000, 20_000, 300
	if *quick {
		statements, sources, requests = 3_000, 300, 20
	}
	genArgs := []string{"run", "./bench/gen", "-statements", fmt.Sprint(statements), "-sources", fmt.Sprint(sources), "-load"}
	if *quick {
		genArgs = append(genArgs, "-people", "800", "-nations", "40", "-organisations", "80", "-events", "100")
	}
	if have, err := st.SourcesByID(ctx, []string{"source:gen-000000"}); err != nil {
		log.Fatal(err)
	} else if have[0] == nil {
		log.Printf("loading %d statements in %d sources through the ingestion path", statements, sources)
		cmd := exec.Command("go", genArgs...)
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			log.Fatalf("bench/gen: %v", err)
		}
	} else {
		log.Print("the generated data is already loaded; using it")
	}

	ng := startNewsgraph(cfg)
	defer ng.stop()
	driver, err := neo4j.NewDriverWithContext(cfg.Neo4j.URI, neo4j.BasicAuth(cfg.Neo4j.User, cfg.Neo4j.Password, ""))
	if err != nil {
		log.Fatal(err)
	}
	fl := httptest.NewServer(&floor.Server{Driver: driver, DB: cfg.Neo4j.Database})
	defer fl.Close()

	p := params(ng.url)
	log.Printf("parameters: %d people, %d events, %d words", len(p.people), len(p.events), len(p.words))

	// The correctness gate: the same answers, or the run stops here.
	for i := 0; i < 5; i++ {
		person, event, word := p.people[i%len(p.people)], p.events[i%len(p.events)], p.words[i%len(p.words)]
		gate("Q1", gql(ng.url, q1, map[string]any{"id": person}), get(fl.URL+"/q1?id="+url.QueryEscape(person)), nil)
		gate("Q2", gql(ng.url, q2, map[string]any{"id": person}), get(fl.URL+"/q2?id="+url.QueryEscape(person)), nil)
		gate("Q3", gql(ng.url, q3, map[string]any{"event": event.id, "about": event.about}),
			get(fl.URL+"/q3?event="+url.QueryEscape(event.id)+"&about="+url.QueryEscape(event.about)), nil)
		sq, err := store.ParseSearch(word)
		if err != nil {
			log.Fatal(err)
		}
		gate("Q4", gql(ng.url, q4, map[string]any{"q": word}), get(fl.URL+"/q4?q="+url.QueryEscape(sq.Lucene)), searchIDs)
	}
	gate("Q5", walk(func(after string) map[string]any {
		vars := map[string]any{}
		if after != "" {
			vars["after"] = after
		}
		return gql(ng.url, q5, vars)
	}), walk(func(after string) map[string]any {
		return get(fl.URL + "/q5?after=" + url.QueryEscape(after))
	}), nil)
	log.Print("correctness gate passed: newsgraph and the floor answer Q1-Q5 identically")

	var results []result
	rng := rand.New(rand.NewPCG(7, 7))
	for _, q := range []struct {
		name string
		ng   func() (time.Duration, int)
		fl   func() time.Duration
	}{
		{"Q1", func() (time.Duration, int) { return timed(ng.url, q1, map[string]any{"id": pick(rng, p.people)}) },
			func() time.Duration { return timedGet(fl.URL + "/q1?id=" + url.QueryEscape(pick(rng, p.people))) }},
		{"Q2", func() (time.Duration, int) { return timed(ng.url, q2, map[string]any{"id": pick(rng, p.people)}) },
			func() time.Duration { return timedGet(fl.URL + "/q2?id=" + url.QueryEscape(pick(rng, p.people))) }},
		{"Q3", func() (time.Duration, int) {
			e := p.events[rng.IntN(len(p.events))]
			return timed(ng.url, q3, map[string]any{"event": e.id, "about": e.about})
		}, func() time.Duration {
			e := p.events[rng.IntN(len(p.events))]
			return timedGet(fl.URL + "/q3?event=" + url.QueryEscape(e.id) + "&about=" + url.QueryEscape(e.about))
		}},
		{"Q4", func() (time.Duration, int) { return timed(ng.url, q4, map[string]any{"q": pick(rng, p.words)}) },
			func() time.Duration {
				sq, _ := store.ParseSearch(pick(rng, p.words))
				return timedGet(fl.URL + "/q4?q=" + url.QueryEscape(sq.Lucene))
			}},
	} {
		var ngT, flT []time.Duration
		trips := 0
		for i := 0; i < requests; i++ {
			d, n := q.ng()
			ngT, trips = append(ngT, d), trips+n
			flT = append(flT, q.fl())
		}
		results = append(results, summarise(q.name, "newsgraph", ngT, float64(trips)/float64(requests)),
			summarise(q.name, "floor", flT, 0))
	}
	report(*out, *quick, results)
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

type eventParam struct{ id, about string }

type paramSet struct {
	people []string
	events []eventParam
	words  []string
}

// params draws the queries' parameters from the graph, in a fixed order.
func params(base string) paramSet {
	var p paramSet
	var ents struct {
		Data struct {
			Entities struct{ Nodes []struct{ ID string } }
		}
	}
	remarshal(gql(base, `{ entities(filter: {kinds: [PERSON]}, first: 100) { nodes { id } } }`, nil), &ents)
	for _, n := range ents.Data.Entities.Nodes {
		p.people = append(p.people, n.ID)
	}
	var evs struct {
		Data struct {
			Events struct {
				Nodes []struct {
					ID           string
					Participants []struct{ Entity struct{ ID string } }
				}
			}
		}
	}
	remarshal(gql(base, `{ events(first: 100) { nodes { id participants { entity { id } } } } }`, nil), &evs)
	for i, e := range evs.Data.Events.Nodes {
		if len(e.Participants) > 0 && len(p.people) > 0 {
			p.events = append(p.events, eventParam{e.ID, p.people[i%len(p.people)]})
		}
	}
	p.words = []string{"security", "sanctions", "energy", "trade", "tariffs", "oil", "ceasefire", "Republic", "Council", "meeting"}
	if len(p.people) == 0 || len(p.events) == 0 {
		log.Fatal("the graph has no people or events to query")
	}
	return p
}

func remarshal(v any, into any) {
	b, _ := json.Marshal(v)
	json.Unmarshal(b, into)
}

// gate stops the run when two answers differ after normalising.
func gate(name string, a, b map[string]any, norm func(map[string]any) any) {
	var x, y any = a["data"], b["data"]
	if norm != nil {
		x, y = norm(a), norm(b)
	}
	if !reflect.DeepEqual(roundTrip(x), roundTrip(y)) {
		ja, _ := json.MarshalIndent(x, "", " ")
		jb, _ := json.MarshalIndent(y, "", " ")
		log.Fatalf("correctness gate: %s differs\nnewsgraph: %.2000s\nfloor: %.2000s", name, ja, jb)
	}
}

func roundTrip(v any) any {
	b, _ := json.Marshal(v)
	var out any
	json.Unmarshal(b, &out)
	return out
}

// searchIDs normalises a search answer to its set of ids: the contenders
// may order equal scores differently.
func searchIDs(m map[string]any) any {
	var r struct {
		Data struct {
			Search []struct{ Node struct{ ID string } }
		}
	}
	remarshal(m, &r)
	var ids []string
	for _, h := range r.Data.Search {
		ids = append(ids, h.Node.ID)
	}
	sort.Strings(ids)
	return ids
}

// walk pages through 2,000 statements, 100 at a time, and returns the ids.
func walk(page func(after string) map[string]any) map[string]any {
	var ids []string
	after := ""
	for i := 0; i < 20; i++ {
		var r struct {
			Data struct {
				Statements struct {
					Nodes    []struct{ ID string }
					PageInfo struct {
						HasNextPage bool
						EndCursor   string
					}
				}
			}
		}
		remarshal(page(after), &r)
		for _, n := range r.Data.Statements.Nodes {
			ids = append(ids, n.ID)
		}
		if !r.Data.Statements.PageInfo.HasNextPage {
			break
		}
		after = r.Data.Statements.PageInfo.EndCursor
	}
	return map[string]any{"data": ids}
}

func gql(base, query string, vars map[string]any) map[string]any {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	res, err := http.Post(base+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		log.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		log.Fatal(err)
	}
	if out["errors"] != nil {
		log.Fatalf("newsgraph answered errors: %v", out["errors"])
	}
	return out
}

func get(u string) map[string]any {
	res, err := http.Get(u)
	if err != nil {
		log.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	b, _ := io.ReadAll(res.Body)
	if err := json.Unmarshal(b, &out); err != nil {
		log.Fatalf("floor: %s: %s", u, b)
	}
	return out
}

func timed(base, query string, vars map[string]any) (time.Duration, int) {
	start := time.Now()
	out := gql(base, query, vars)
	d := time.Since(start)
	var ext struct {
		Extensions struct {
			Neo4j struct{ RoundTrips int }
		}
	}
	remarshal(out, &ext)
	return d, ext.Extensions.Neo4j.RoundTrips
}

func timedGet(u string) time.Duration {
	start := time.Now()
	get(u)
	return time.Since(start)
}

func summarise(q, who string, ds []time.Duration, trips float64) result {
	slices.Sort(ds)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	return result{Query: q, Contender: who, Requests: len(ds), P50ms: ms(ds[len(ds)/2]), P99ms: ms(ds[len(ds)*99/100]), RoundTrips: trips}
}

func report(dir string, quick bool, results []result) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatal(err)
	}
	name := time.Now().UTC().Format("2006-01-02")
	if quick {
		name += "-quick"
	}
	b, _ := json.MarshalIndent(results, "", "  ")
	os.WriteFile(filepath.Join(dir, name+".json"), b, 0o644)
	var md strings.Builder
	fmt.Fprintf(&md, "# Benchmark %s\n\nSequential requests on loopback, same Neo4j, same data (closed loop).\n\n", name)
	fmt.Fprintln(&md, "| query | contender | requests | p50 ms | p99 ms | round trips | p50 vs floor |")
	fmt.Fprintln(&md, "|---|---|---|---|---|---|---|")
	floors := map[string]float64{}
	for _, r := range results {
		if r.Contender == "floor" {
			floors[r.Query] = r.P50ms
		}
	}
	for _, r := range results {
		fmt.Fprintf(&md, "| %s | %s | %d | %.2f | %.2f | %.1f | %.2f× |\n", r.Query, r.Contender, r.Requests, r.P50ms, r.P99ms, r.RoundTrips, r.P50ms/floors[r.Query])
	}
	os.WriteFile(filepath.Join(dir, name+".md"), []byte(md.String()), 0o644)
	fmt.Print(md.String())
}

type server struct {
	url string
	cmd *exec.Cmd
}

func (s server) stop() { s.cmd.Process.Signal(os.Interrupt); s.cmd.Wait() }

// startNewsgraph builds and starts the server on a free loopback port.
func startNewsgraph(cfg config.Config) server {
	bin := filepath.Join(os.TempDir(), "newsgraph-bench")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		log.Fatalf("go build: %v\n%s", err, out)
	}
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := l.Addr().String()
	l.Close()
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "ADDR="+addr, "NEWSGRAPH_SEED=false", "NEWSGRAPH_TRACE_ROUND_TRIPS=true",
		"NEWSGRAPH_COMPLEXITY_LIMIT=1000000", "LOG_LEVEL=warn")
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		log.Fatal(err)
	}
	base := "http://" + addr
	for i := 0; ; i++ {
		if res, err := http.Get(base + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				break
			}
		}
		if i > 300 {
			log.Fatal("newsgraph did not become ready")
		}
		time.Sleep(100 * time.Millisecond)
	}
	return server{url: base, cmd: cmd}
}
