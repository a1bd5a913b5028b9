package main

import (
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"newsgraph/bench/workload"
)

// The scale stage's targets (issue 18): from 20,000 statements to a
// million, newsgraph's single-client Q1 and Q2 p50 grow by at most
// maxGrowth, and the server's memory stays within maxRSSMiB.
const (
	maxGrowth = 1.5
	maxRSSMiB = 150
)

// targetResult is one target, what was measured and whether it was met.
type targetResult struct {
	Target   string `json:"target"`
	Measured string `json:"measured"`
	Status   string `json:"status"` // met, not met, or not measured
}

const (
	met         = "met"
	notMet      = "not met"
	notMeasured = "not measured"
)

// scaleTargets checks the scale stage against its targets: newsgraph's Q1
// and Q2 p50 against the scaling stage's (scaling, from the same run) and
// its highest RSS over the stage (0 when it could not be read).
func scaleTargets(scaling []scalingResult, small, large int, peakRSSMiB float64) []targetResult {
	var out []targetResult
	for _, q := range []string{"Q1", "Q2"} {
		t := targetResult{Target: fmt.Sprintf("%s p50 within %.1f× from %s to %s statements (newsgraph, one client)", q, maxGrowth, grouped(small), grouped(large)),
			Measured: "no scaling stage to compare with", Status: notMeasured}
		for _, r := range scaling {
			if r.Query == q && r.Contender == "newsgraph" {
				t.Measured = fmt.Sprintf("%.2f → %.2f ms (%.2f×)", r.SmallP50ms, r.LargeP50ms, r.Growth)
				t.Status = status(r.Growth <= maxGrowth)
			}
		}
		out = append(out, t)
	}
	rss := targetResult{Target: fmt.Sprintf("server RSS ≤ %d MiB", maxRSSMiB), Measured: "could not be read", Status: notMeasured}
	if peakRSSMiB > 0 {
		rss.Measured = fmt.Sprintf("%.0f MiB at most", peakRSSMiB)
		rss.Status = status(peakRSSMiB <= maxRSSMiB)
	}
	return append(out, rss)
}

func status(ok bool) string {
	if ok {
		return met
	}
	return notMet
}

// storeSize is the disk space Neo4j's store takes: the database's files
// and its transaction logs, as du counts them (allocated blocks).
type storeSize struct {
	DatabaseBytes     int64 `json:"database_bytes"`
	TransactionsBytes int64 `json:"transactions_bytes"`
}

// measureStore measures the store of the Neo4j whose directory (tools/neo4j's
// NEO4J_DIR) is dir: data/databases/neo4j and data/transactions/neo4j.
func measureStore(dir string) (storeSize, error) {
	var s storeSize
	var err error
	if s.DatabaseBytes, err = diskUsage(filepath.Join(dir, "data", "databases", "neo4j")); err != nil {
		return s, err
	}
	s.TransactionsBytes, err = diskUsage(filepath.Join(dir, "data", "transactions", "neo4j"))
	return s, err
}

// warmUp is the scale stage's read of the store's files before the gate.
type warmUp struct {
	Bytes   int64   `json:"bytes"`
	Seconds float64 `json:"seconds"`
}

// warmFileCache reads every file of the store in dir (data/databases/neo4j)
// once, so that the operating system's file cache holds it, as it does for
// a Neo4j that has been serving for a while. Without it the stage measured
// a cold disk, not newsgraph: Neo4j just started on a store five times its
// page cache answered Q3's first requests only after the 10 s deadline (one
// page of a hub speaker's 26,000 statements took 2 min 39 s cold, 0.23 s
// once read). Neo4j's own page cache stays cold; a first read from the file
// cache is a copy, not a seek.
func warmFileCache(dir string) (warmUp, error) {
	start := time.Now()
	var w warmUp
	buf := make([]byte, 1<<20)
	err := filepath.WalkDir(filepath.Join(dir, "data", "databases", "neo4j"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		n, err := io.CopyBuffer(io.Discard, f, buf)
		w.Bytes += n
		return err
	})
	w.Seconds = time.Since(start).Seconds()
	return w, err
}

// stopNeo4j stops the stage's Neo4j, the tools/neo4j instance in dir, by
// its pid file, before the store is measured: a clean shutdown writes
// every page changed in the page cache to the store files. Running, a
// store just imported left out the first start's writes (the lists it
// sets, the indexes it builds): 165 of 289 MiB on disk at 50,000
// statements. Community Neo4j has no db.checkpoint() to do it while
// running. tools/bench, which started the instance, then finds it stopped.
func stopNeo4j(dir string) {
	cmd := exec.Command("tools/neo4j/stop")
	cmd.Env = append(os.Environ(), "NEO4J_DIR="+dir)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		log.Printf("stopping Neo4j: %v; the store's size may leave out what it had not yet written", err)
	}
}

// diskUsage sums the blocks allocated to the files under root, as du does:
// a store file Neo4j has grown ahead of its records counts what it holds
// on disk, not what has been written to it.
func diskUsage(root string) (int64, error) {
	var n int64
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if st, ok := info.Sys().(*syscall.Stat_t); ok {
			n += st.Blocks * 512 // st_blocks counts 512-byte units whatever the block size
		} else {
			n += info.Size()
		}
		return nil
	})
	return n, err
}

// mib prints a size in bytes in MiB, or GiB from 10 GiB up.
func mib(b int64) string {
	if b >= 10<<30 {
		return fmt.Sprintf("%.1f GiB", float64(b)/(1<<30))
	}
	return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20))
}

// neo4jMemory reads the Neo4j's heap and page cache as tools/bench set
// them for it, for the report: a store larger than the page cache is read
// from disk, and its latencies say so.
func neo4jMemory(getenv func(string) string) string {
	heap, cache := getenv("NEO4J_HEAP"), getenv("NEO4J_PAGECACHE_MB")
	if heap == "" || cache == "" {
		return ""
	}
	return fmt.Sprintf("%s heap, %s MiB page cache", heap, cache)
}

// scaleIntro opens the scale stage's report: what ran, on what, and what
// did not.
func scaleIntro(p func(string, ...any), o options, run runInfo) {
	p("The million-statement stage (issue 18): the floor and newsgraph on loopback, one client at a time, on a graph of **%s statements in %s sources** "+
		"that `newsgraph import` built; the same Neo4j for both", grouped(run.GraphStatements), grouped(run.GraphSources))
	if run.Neo4jMemory != "" {
		p(" (%s)", run.Neo4jMemory)
	}
	p("; %d CPUs.", run.CPUs)
	if run.GraphStatements < 1_000_000 {
		p(" This is a smaller try of the stage (NEWSGRAPH_BENCH_SCALE_STATEMENTS), not its figures.")
	}
	p("\n\n")
	p("Before any timing, the correctness gate compared the floor's and newsgraph's answers to %s (%d parameter sets each; Q5 as a walk of its %d pages). "+
		"The peer (the Neo4j GraphQL Library) is left out at this size, to keep the stage within reach: it was by far the slowest contender at 200,000 statements "+
		"and cannot page Q5 at all (BENCHMARKS.md, \"The peer\"); the scaling stage that gives this stage its baseline still runs it through the gate.\n\n",
		strings.Join(run.Queries, ", "), o.gateSets, workload.Pages)
	if run.FirstLoad == nil {
		p("The store was built by an earlier run and used as it was, so this run did not time a first load.\n\n")
	}
}

// scaleSections are the scale stage's own sections, after the first load
// and before the single-client table: the targets, memory and the store.
func scaleSections(p func(string, ...any), run runInfo) {
	if len(run.Targets) > 0 {
		p("## Against the targets\n\n| target | measured | |\n|---|---|---|\n")
		for _, t := range run.Targets {
			st := t.Status
			if st == notMet {
				st = "**not met**"
			}
			p("| %s | %s | %s |\n", t.Target, t.Measured, st)
		}
		p("\n")
	}
	p("## Memory and store\n\n")
	if w := run.Warm; w != nil {
		p("Before the gate, the store's files (%s) were read once into the operating system's file cache, in %.1f s, as a Neo4j that has been serving for a while has them; "+
			"Neo4j's own page cache was cold.\n\n", mib(w.Bytes), w.Seconds)
	}
	if run.PeakRSSMiB > 0 {
		p("newsgraph's highest resident set size over the stage (VmHWM: its start, finding the parameters, the gate and the single-client runs; "+
			"there is no concurrent load at this stage): **%.0f MiB**.\n\n", run.PeakRSSMiB)
	}
	if s := run.Store; s != nil {
		p("Neo4j's store on disk after its clean shutdown (as du counts it): **%s**, of which the database (data/databases/neo4j) %s and the transaction logs (data/transactions/neo4j) %s.\n\n",
			mib(s.DatabaseBytes+s.TransactionsBytes), mib(s.DatabaseBytes), mib(s.TransactionsBytes))
	}
}

// defaultQueries are the queries a stage runs unless -queries says
// otherwise: the scale stage measures Q1–Q5, the queries of issue 18's
// million-statement stage; Q6 and Q7 count every statement of a popular
// entity or topic, which at that size is another measurement.
func defaultQueries(stage string) []string {
	if stage == "scale" {
		return workload.Names[:5]
	}
	return workload.Names
}
