package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestScaleTargets(t *testing.T) {
	at := func(q, c string, small, large float64) scalingResult {
		return scalingResult{Query: q, Contender: c, SmallP50ms: small, LargeP50ms: large, Growth: large / small}
	}
	statuses := func(ts []targetResult) []string {
		var out []string
		for _, t := range ts {
			out = append(out, t.Status)
		}
		return out
	}
	for _, c := range []struct {
		name    string
		scaling []scalingResult
		rss     float64
		want    []string // Q1, Q2, RSS
	}{
		{"all met", []scalingResult{at("Q1", "newsgraph", 2, 2.5), at("Q2", "newsgraph", 3, 4)}, 80, []string{met, met, met}},
		{"exactly at the limits is met", []scalingResult{at("Q1", "newsgraph", 2, 3), at("Q2", "newsgraph", 2, 3)}, 150, []string{met, met, met}},
		{"Q2 grew too much, RSS too high", []scalingResult{at("Q1", "newsgraph", 2, 2), at("Q2", "newsgraph", 2, 3.1)}, 151, []string{met, notMet, notMet}},
		{"only newsgraph's figures count", []scalingResult{at("Q1", "floor", 2, 9), at("Q1", "newsgraph", 2, 2), at("Q2", "floor", 1, 9)}, 100,
			[]string{met, notMeasured, met}},
		{"no baseline, no RSS", nil, 0, []string{notMeasured, notMeasured, notMeasured}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := scaleTargets(c.scaling, 20_000, 1_000_000, c.rss)
			if s := statuses(got); !reflect.DeepEqual(s, c.want) {
				t.Errorf("statuses = %v, want %v (%+v)", s, c.want, got)
			}
		})
	}
	got := scaleTargets([]scalingResult{at("Q1", "newsgraph", 2, 3.4)}, 20_000, 1_000_000, 73.4)
	if want := "Q1 p50 within 1.5× from 20,000 to 1,000,000 statements (newsgraph, one client)"; got[0].Target != want {
		t.Errorf("target = %q, want %q", got[0].Target, want)
	}
	if want := "2.00 → 3.40 ms (1.70×)"; got[0].Measured != want {
		t.Errorf("measured = %q, want %q", got[0].Measured, want)
	}
	if want := "73 MiB at most"; got[2].Measured != want {
		t.Errorf("RSS measured = %q, want %q", got[2].Measured, want)
	}
}

func TestMiB(t *testing.T) {
	for _, c := range []struct {
		b    int64
		want string
	}{
		{300 << 20, "300 MiB"},
		{9 << 30, "9216 MiB"},
		{12 << 30, "12.0 GiB"},
	} {
		if got := mib(c.b); got != c.want {
			t.Errorf("mib(%d) = %q, want %q", c.b, got, c.want)
		}
	}
}

func TestNeo4jMemory(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if got, want := neo4jMemory(env(map[string]string{"NEO4J_HEAP": "2g", "NEO4J_PAGECACHE_MB": "1024"})), "2g heap, 1024 MiB page cache"; got != want {
		t.Errorf("neo4jMemory = %q, want %q", got, want)
	}
	if got := neo4jMemory(env(map[string]string{"NEO4J_HEAP": "2g"})); got != "" {
		t.Errorf("neo4jMemory with no page cache set = %q, want nothing said", got)
	}
}

func TestMeasureStore(t *testing.T) {
	dir := t.TempDir()
	write := func(rel string, n int) {
		path := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, make([]byte, n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := measureStore(dir); err == nil {
		t.Error("measureStore of a directory without a store: no error")
	}
	write("data/databases/neo4j/neostore.nodestore.db", 64<<10)
	write("data/databases/neo4j/schema/index/1/x", 32<<10)
	write("data/transactions/neo4j/neostore.transaction.db.0", 16<<10)
	write("data/databases/system/neostore", 1<<20) // another database: not counted
	s, err := measureStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	// Written files take at least their size in blocks; the system
	// database's megabyte must not be in either figure.
	if s.DatabaseBytes < 96<<10 || s.DatabaseBytes >= 1<<20 || s.TransactionsBytes < 16<<10 || s.TransactionsBytes >= 1<<20 {
		t.Errorf("measureStore = %+v, want about 96 KiB and 16 KiB", s)
	}
}

func TestDefaultQueries(t *testing.T) {
	if got, want := defaultQueries("scale"), []string{"Q1", "Q2", "Q3", "Q4", "Q5"}; !reflect.DeepEqual(got, want) {
		t.Errorf("defaultQueries(scale) = %v, want %v", got, want)
	}
	if got := defaultQueries("full"); len(got) != 7 {
		t.Errorf("defaultQueries(full) = %v, want all seven", got)
	}
}

// TestScaleMarkdown: the scale stage's report says what it left out and
// marks each target, and names both graphs' sizes in the scaling table.
func TestScaleMarkdown(t *testing.T) {
	o := options{stage: "scale", gateSets: 10}
	run := runInfo{Date: "2026-12-02", Stage: "scale", Queries: defaultQueries("scale"), CPUs: 2,
		GraphStatements: 1_000_000, GraphSources: 100_000, ScalingStatements: 20_000, Neo4jMemory: "2g heap, 1024 MiB page cache",
		Sequential: []seqResult{{Query: "Q1", Contender: "floor", Requests: 300, P50ms: 2, P99ms: 5, RoundTrips: 1}},
		Scaling:    []scalingResult{{Query: "Q1", Contender: "newsgraph", SmallP50ms: 2, LargeP50ms: 4, Growth: 2}},
		PeakRSSMiB: 61, Store: &storeSize{DatabaseBytes: 3 << 30, TransactionsBytes: 1 << 30}}
	run.Targets = scaleTargets(run.Scaling, run.ScalingStatements, run.GraphStatements, run.PeakRSSMiB)
	md := markdown(o, run, "2026-12-02-scale")
	for _, want := range []string{
		"**1,000,000 statements in 100,000 sources**",
		"(2g heap, 1024 MiB page cache)",
		"The peer (the Neo4j GraphQL Library) is left out",
		"Q1, Q2, Q3, Q4, Q5 (10 parameter sets each",
		"did not time a first load",
		"| Q1 p50 within 1.5× from 20,000 to 1,000,000 statements (newsgraph, one client) | 2.00 → 4.00 ms (2.00×) | **not met** |",
		"| Q2 p50 within 1.5× from 20,000 to 1,000,000 statements (newsgraph, one client) | no scaling stage to compare with | not measured |",
		"| server RSS ≤ 150 MiB | 61 MiB at most | met |",
		"(as du counts it): **4096 MiB**, of which the database (data/databases/neo4j) 3072 MiB",
		"| query | contender | p50 ms at 20k | p50 ms at 1M |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the report lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "Floor, newsgraph and peer") {
		t.Errorf("the scale report claims the peer ran:\n%s", md)
	}
	if strings.Contains(md, "smaller try") {
		t.Errorf("the million's report calls itself a smaller try:\n%s", md)
	}
	run.GraphStatements = 50_000
	if md := markdown(o, run, "2026-12-02-scale"); !strings.Contains(md, "This is a smaller try of the stage") {
		t.Errorf("a try of 50,000 statements does not say it is one:\n%s", md)
	}
}

func TestWarmFileCache(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "data", "databases", "neo4j")
	if err := os.MkdirAll(filepath.Join(db, "schema"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, size := range map[string]int{"neostore.nodestore.db": 3 << 20, "schema/index.db": 1000} {
		if err := os.WriteFile(filepath.Join(db, name), make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	w, err := warmFileCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	if w.Bytes != 3<<20+1000 {
		t.Errorf("read %d bytes, want %d", w.Bytes, 3<<20+1000)
	}
	if _, err := warmFileCache(t.TempDir()); err == nil {
		t.Error("a directory without a store: no error")
	}
}
