package main

import (
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
)

// runInfo is everything one run measured; it is written as the .json.
type runInfo struct {
	Date            string          `json:"date"`
	Stage           string          `json:"stage"`
	Quick           bool            `json:"quick"`
	Queries         []string        `json:"queries"`
	CPUs            int             `json:"cpus"`
	Statements      int             `json:"statements_loaded,omitempty"`
	IngestPerSecond float64         `json:"ingest_statements_per_second,omitempty"`
	Sequential      []seqResult     `json:"sequential"`
	Profiles        []profileResult `json:"profiles,omitempty"`
	EntityOrder     []planResult    `json:"entity_order_plans,omitempty"`
	Load            []loadResult    `json:"load,omitempty"`
	Scaling         []scalingResult `json:"scaling,omitempty"`
	Failures        []failure       `json:"failures,omitempty"`
	Caveats         []failure       `json:"caveats,omitempty"` // answers a contender gives only with the harness's help
	ScalingIngest   float64         `json:"scaling_ingest_statements_per_second,omitempty"`
	FirstLoad       *firstLoad      `json:"first_load,omitempty"`
	// The graph as measured, counted in Neo4j: the scaling comparison
	// names both graphs' sizes by these.
	GraphStatements   int    `json:"statements_in_graph,omitempty"`
	GraphSources      int    `json:"sources_in_graph,omitempty"`
	ScalingStatements int    `json:"scaling_statements_in_graph,omitempty"`
	Neo4jMemory       string `json:"neo4j_memory,omitempty"`
	// The scale stage's: newsgraph's highest RSS over the stage, the
	// store's size on disk, and the targets.
	PeakRSSMiB float64        `json:"peak_rss_mib,omitempty"`
	Store      *storeSize     `json:"store,omitempty"`
	Warm       *warmUp        `json:"warm_up,omitempty"`
	Targets    []targetResult `json:"targets,omitempty"`
}

// firstLoad is the data set's load into an empty database by newsgraph
// import, up to a graph that serves: the import (validation, CSV and
// neo4j-admin), Neo4j's start, and newsgraph's first start (completing
// the imported graph and building the indexes).
type firstLoad struct {
	Statements  int     `json:"statements"`
	ImportS     float64 `json:"import_seconds"`
	Neo4jStartS float64 `json:"neo4j_start_seconds"`
	FirstStartS float64 `json:"first_start_seconds"`
	TotalS      float64 `json:"total_seconds"`
}

// failure is a query a contender could not answer, so it was left out.
type failure struct {
	Query     string `json:"query"`
	Contender string `json:"contender"`
	Error     string `json:"error"`
}

// scalingResult compares single-client latency on the scaling stage's
// graph (the first 20,000 statements) with a larger one: the full data
// set (200,000) or the scale stage's (a million). The run's
// scaling_statements_in_graph and statements_in_graph give the two sizes.
// (Results before the scale stage named the sizes in the keys instead:
// p50_ms_20k, p50_ms_200k.)
type scalingResult struct {
	Query      string  `json:"query"`
	Contender  string  `json:"contender"`
	SmallP50ms float64 `json:"p50_ms_small"`
	LargeP50ms float64 `json:"p50_ms_large"`
	SmallP99ms float64 `json:"p99_ms_small"`
	LargeP99ms float64 `json:"p99_ms_large"`
	Growth     float64 `json:"p50_growth"`
}

// scaling compares the run with the scaling stage's results at path and
// takes the stage's ingest rate into the run.
func scaling(path string, run *runInfo) {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Printf("no scaling stage to compare with: %v", err)
		return
	}
	var small runInfo
	if err := json.Unmarshal(b, &small); err != nil {
		fatalf("%s: %v", path, err)
	}
	run.ScalingIngest = small.IngestPerSecond
	run.ScalingStatements = small.GraphStatements
	for _, s := range small.Sequential {
		for _, l := range run.Sequential {
			if s.Query == l.Query && s.Contender == l.Contender {
				run.Scaling = append(run.Scaling, scalingResult{Query: s.Query, Contender: s.Contender, SmallP50ms: s.P50ms, LargeP50ms: l.P50ms,
					SmallP99ms: s.P99ms, LargeP99ms: l.P99ms, Growth: l.P50ms / s.P50ms})
			}
		}
	}
}

func report(o options, run runInfo) {
	run.CPUs = runtime.NumCPU()
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		fatalf("%v", err)
	}
	name := run.Date
	switch {
	case o.quick:
		name += "-quick"
	case o.stage == "scaling":
		name = "scaling"
	case o.stage == "scale":
		name += "-scale"
	}
	if o.stage != "scaling" && !slices.Equal(run.Queries, defaultQueries(o.stage)) {
		name += "-" + strings.Join(run.Queries, "-") // a partial run keeps the full run's file
	}
	b, _ := json.MarshalIndent(run, "", "  ")
	if err := os.WriteFile(filepath.Join(o.out, name+".json"), b, 0o644); err != nil {
		fatalf("%v", err)
	}
	md := markdown(o, run, name)
	if err := os.WriteFile(filepath.Join(o.out, name+".md"), []byte(md), 0o644); err != nil {
		fatalf("%v", err)
	}
	fmt.Print(md)
	log.Printf("results: %s.md and .json", filepath.Join(o.out, name))
}

func markdown(o options, run runInfo, name string) string {
	var md strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&md, format, a...) }
	p("# Benchmark %s\n\n", name)
	if o.stage == "scale" {
		scaleIntro(p, o, run)
	} else {
		p("Floor, newsgraph and peer on loopback, the same Neo4j and the same data; %d CPUs. ", run.CPUs)
		if o.quick {
			p("Quick mode: 3,000 statements, %s load phases — a smoke test, not figures to quote. A contender is not held at a rate above its own maximum.\n\n", o.phase)
		} else {
			p("Load phases of %s each.\n\n", o.phase)
		}
	}
	if run.IngestPerSecond > 0 {
		p("Ingest: %d statements loaded through `ingest.LoadBatch` at **%.0f statements/s**.\n\n", run.Statements, run.IngestPerSecond)
	}
	if run.ScalingIngest > 0 {
		p("Ingest (scaling stage, 20,000 statements into an empty graph): **%.0f statements/s**.\n\n", run.ScalingIngest)
	}
	if f := run.FirstLoad; f != nil {
		p("First load by `newsgraph import` (offline, into an empty database): %d statements; the import (validation, CSV, neo4j-admin) %.1f s, **%.0f statements/s**; "+
			"then Neo4j's start %.1f s and newsgraph's first start (completing the graph, building the indexes) %.1f s: a serving graph after %.1f s, **%.0f statements/s**.\n\n",
			f.Statements, f.ImportS, float64(f.Statements)/f.ImportS, f.Neo4jStartS, f.FirstStartS, f.TotalS, float64(f.Statements)/f.TotalS)
	}
	if o.stage == "scale" {
		scaleSections(p, run)
	}

	if len(run.Failures) > 0 {
		p("## Not answered\n\n")
		for _, f := range run.Failures {
			p("- **%s** could not answer **%s**, so it is left out of that query's figures: `%s`\n", f.Contender, f.Query, strings.ReplaceAll(f.Error, "`", "'"))
		}
		p("\n")
	}
	finished := map[[2]string]bool{}
	if len(run.Caveats) > 0 {
		p("## What the peer cannot do\n\n")
		p("Rows marked † are answers the harness finished from what the contender could return; the gate checks the finished answer.\n\n")
		for _, f := range run.Caveats {
			finished[[2]string{f.Query, f.Contender}] = true
			p("- **%s**, **%s**: %s\n", f.Contender, f.Query, f.Error)
		}
		p("\n")
	}
	// who names a contender, marked † where the harness finished its answer.
	who := func(q, c string) string {
		if finished[[2]string{q, c}] {
			return c + "†"
		}
		return c
	}
	floorSeq := map[string]float64{}
	for _, r := range run.Sequential {
		if r.Contender == "floor" {
			floorSeq[r.Query] = r.P50ms
		}
	}
	p("## One client at a time\n\n")
	p("| query | contender | requests | p50 ms | p99 ms | Cypher round trips | p50 vs floor |\n|---|---|---|---|---|---|---|\n")
	for _, r := range run.Sequential {
		p("| %s | %s | %d | %.2f | %.2f | %.1f | %.2f× |\n", r.Query, who(r.Query, r.Contender), r.Requests, r.P50ms, r.P99ms, r.RoundTrips, r.P50ms/floorSeq[r.Query])
	}

	if len(run.Load) > 0 {
		maxOf := map[[2]string]float64{}
		for _, r := range run.Load {
			if r.Phase == "max" {
				maxOf[[2]string{r.Query, r.Contender}] = r.Throughput
			}
		}
		p("\n## Maximum throughput\n\n%d clients sending as fast as they can (closed loop).\n\n", o.workers)
		p("| query | floor req/s | newsgraph req/s | peer req/s | newsgraph vs floor | newsgraph vs peer |\n|---|---|---|---|---|---|\n")
		for _, q := range run.Queries {
			f, n, pe := maxOf[[2]string{q, "floor"}], maxOf[[2]string{q, "newsgraph"}], maxOf[[2]string{q, "peer"}]
			peer, vsPeer := "—", "—"
			if pe > 0 {
				peer, vsPeer = rate(pe), fmt.Sprintf("%.2f×", n/pe)
				if finished[[2]string{q, "peer"}] {
					peer += "†"
				}
			}
			p("| %s | %s | %s | %s | %.2f× | %s |\n", q, rate(f), rate(n), peer, n/f, vsPeer)
		}
		p("\n## Open-loop load\n\nFixed arrival rates (vegeta), the same for every contender: 25%%, 50%% and 75%% of the floor's maximum.\n\n")
		p("| query | phase | rate/s | contender | p50 ms | p99 ms | errors | p50 vs floor | p99 vs floor |\n|---|---|---|---|---|---|---|---|---|\n")
		floorAt := map[[2]string]loadResult{}
		for _, r := range run.Load {
			if r.Contender == "floor" {
				floorAt[[2]string{r.Query, r.Phase}] = r
			}
		}
		for _, r := range run.Load {
			if r.Phase == "max" {
				continue
			}
			f := floorAt[[2]string{r.Query, r.Phase}]
			p("| %s | %s | %.0f | %s | %.2f | %.2f | %.3f | %.2f× | %.2f× |\n", r.Query, r.Phase, r.Rate, who(r.Query, r.Contender),
				r.P50ms, r.P99ms, r.ErrorRatio, r.P50ms/f.P50ms, r.P99ms/f.P99ms)
		}
		rss := map[string]float64{}
		for _, r := range run.Load {
			rss[r.Contender] = max(rss[r.Contender], r.MaxRSSMiB)
		}
		p("\n## Memory\n\nHighest resident set size during the load phases (sampled every 100 ms): newsgraph **%.0f MiB**, peer (Node) %.0f MiB, the floor (its own process since 3 December) %.0f MiB.\n", rss["newsgraph"], rss["peer"], rss["floor"])
	}

	if len(run.Profiles) > 0 {
		p("\n## Cypher per request\n\nThe queries each contender sent for the first parameters of each query, and the db hits PROFILE counts for them.\n\n")
		p("| query | contender | queries | db hits |\n|---|---|---|---|\n")
		for _, r := range run.Profiles {
			p("| %s | %s | %d | %d |\n", r.Query, who(r.Query, r.Contender), r.Queries, r.DBHits)
		}
	}

	for _, r := range run.EntityOrder {
		if r.Page == 1 {
			p("\n## Entities by MOST_QUOTED\n\nThe PROFILEd plan of newsgraph's one query for each of the first two pages of `entities(orderBy: MOST_QUOTED, first: 20)`. No operator reads a statement: the order reads the counts kept on the entities.\n")
		}
		p("\nPage %d, %d db hits:\n\n```\n%s\n```\n", r.Page, r.DBHits, strings.Join(r.Operators, "\n"))
	}

	if len(run.Scaling) > 0 {
		small, large := short(run.ScalingStatements), short(run.GraphStatements)
		if o.stage == "scale" {
			p("\n## Scaling\n\nOne client at a time, on the scaling stage's graph (%s statements, the first tenth of the full run's data, loaded through the transactional path earlier in this run, on a Neo4j of its own) and on this one (%s).\n\n",
				grouped(run.ScalingStatements), grouped(run.GraphStatements))
		} else {
			p("\n## Scaling\n\nOne client at a time, on the first %s statements of the data set and on all %s.\n\n", grouped(run.ScalingStatements), grouped(run.GraphStatements))
		}
		p("| query | contender | p50 ms at %s | p50 ms at %s | p99 ms at %s | p99 ms at %s | p50 growth |\n|---|---|---|---|---|---|---|\n", small, large, small, large)
		for _, r := range run.Scaling {
			p("| %s | %s | %.2f | %.2f | %.2f | %.2f | %.2f× |\n", r.Query, r.Contender, r.SmallP50ms, r.LargeP50ms, r.SmallP99ms, r.LargeP99ms, r.Growth)
		}
	}
	return md.String()
}

// rate prints a throughput: whole requests per second, or tenths when low.
func rate(r float64) string {
	if r < 10 {
		return fmt.Sprintf("%.1f", r)
	}
	return fmt.Sprintf("%.0f", r)
}
