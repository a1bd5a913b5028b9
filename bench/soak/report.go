package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"log"
	"log/slog"
	"slices"
	"time"

	"newsgraph/internal/config"
	"newsgraph/internal/store"
)

// report is what the checks found.
type report struct {
	Start            time.Time
	Took             time.Duration
	Rate             int
	MaxRate          float64
	Windows          []window
	Recovery         []time.Duration
	Written, Removed int
	Present          int
	Nodes, Rels      [2]int64 // the soak's graph, the clean load
	Tally            tally
	Durability       []string
	Fingerprints     []string // differences, the first few
	FingerprintDiffs int      // sources that differ
	Growth           growthResult
	GrowthErr        error
	MaxGrowth        float64
	Timeline         []bucket
	Err              error // a check that could not run
}

func (r report) ok() bool {
	return r.Err == nil && r.Tally.Bad == 0 && len(r.Durability) == 0 && r.FingerprintDiffs == 0 &&
		r.Nodes[0] == r.Nodes[1] && r.Rels[0] == r.Rels[1] && r.GrowthErr == nil &&
		r.Growth.RSSGrowth <= r.MaxGrowth && r.Growth.GoroutineGrowth <= r.MaxGrowth
}

// check runs every invariant on what the run left: the graph against a
// clean load of its sources' documents, the answers against the outages,
// the server's resources against their level after warm-up.
func (h *harness) check(ctx context.Context, st *store.Store, cfg config.Config, start, end time.Time) report {
	h.mu.Lock()
	defer h.mu.Unlock()
	r := report{Start: start, Took: time.Since(start), Windows: h.windows, Recovery: h.recovery, Written: h.written, Removed: h.removed, MaxGrowth: h.o.maxGrowth}
	// The maximum's burst saturates the server on purpose (16 clients in a
	// closed loop): a write that waits past its deadline then is expected,
	// so UNAVAILABLE counts as an outage's until the measured load starts.
	judged := h.windows
	if !h.burst.Kill.IsZero() {
		judged = append([]window{h.burst}, h.windows...)
	}
	r.Tally = judge(h.outcomes, judged, h.o.grace)
	r.Timeline = timeline(h.outcomes, h.samples, h.windows, h.o.grace, start, timelineStep(h.o.duration))
	r.Growth, r.GrowthErr = growth(h.samples, start.Add(h.o.warmup), end, growthSpan(h.o.duration), h.windows, h.o.grace)

	ids, err := st.SourceIDs(ctx)
	if err != nil {
		r.Err = fmt.Errorf("reading the soak's sources: %w", err)
		return r
	}
	r.Present = len(ids)
	r.Durability = durability(h.states, ids)
	soak, nodes, rels, err := fingerprints(ctx, st, ids)
	if err != nil {
		r.Err = fmt.Errorf("the soak's graph: %w", err)
		return r
	}
	r.Nodes[0], r.Rels[0] = nodes, rels

	cleanCfg := cfg.Neo4j
	cleanCfg.URI = h.o.cleanURI
	clean, err := store.Open(cleanCfg, slog.New(slog.DiscardHandler))
	if err == nil {
		defer clean.Close(ctx)
		err = clean.EnsureSchema(ctx)
	}
	if err == nil {
		err = clean.DeleteAll(ctx)
	}
	if err != nil {
		r.Err = fmt.Errorf("the clean Neo4j: %w", err)
		return r
	}
	log.Printf("loading the %d present sources' documents into the clean Neo4j", len(ids))
	var ks []int
	order := map[int]int{}
	for _, id := range ids {
		var k int
		if _, err := fmt.Sscanf(id, "source:gen-%d", &k); err != nil {
			continue // durability reported it
		}
		ks = append(ks, k)
		order[k] = h.seq[id]
	}
	// In the order the writer last sent them, as the live graph saw them.
	slices.SortStableFunc(ks, func(a, b int) int { return cmp.Compare(order[a], order[b]) })
	if err := loadList(ctx, clean, h.docs, ks); err != nil {
		r.Err = fmt.Errorf("the clean load: %w", err)
		return r
	}
	want, nodes, rels, err := fingerprints(ctx, clean, ids)
	if err != nil {
		r.Err = fmt.Errorf("the clean graph: %w", err)
		return r
	}
	r.Nodes[1], r.Rels[1] = nodes, rels
	for i, id := range ids {
		if d := fingerprintDiff(id, soak[i], want[i]); len(d) > 0 {
			r.FingerprintDiffs++
			if len(r.Fingerprints) < 20 {
				r.Fingerprints = append(r.Fingerprints, d[:min(len(d), 5)]...)
			}
		}
	}
	return r
}

func loadList(ctx context.Context, st *store.Store, docs *documents, ks []int) error {
	for _, k := range ks {
		if err := loadDocs(ctx, st, docs, k, k+1); err != nil {
			return err
		}
	}
	return nil
}

// fingerprints reads every source's fingerprint, 200 sources a
// transaction, and the graph's node and relationship counts.
func fingerprints(ctx context.Context, st *store.Store, ids []string) ([]map[string]string, int64, int64, error) {
	var out []map[string]string
	for i := 0; i < len(ids); i += 200 {
		fp, err := st.SourceFingerprints(ctx, ids[i:min(i+200, len(ids))])
		if err != nil {
			return nil, 0, 0, err
		}
		out = append(out, fp...)
	}
	nodes, rels, err := st.Counts(ctx)
	return out, nodes, rels, err
}

func (r report) print(w io.Writer, o options) {
	p := func(format string, a ...any) { fmt.Fprintf(w, format+"\n", a...) }
	p("\n## Soak: %s of load (asked for %s)", r.Took.Round(time.Second), o.duration)
	p("")
	if r.MaxRate > 0 {
		p("reads at %d/s: %.0f%% of a measured maximum of %.0f/s (16 clients, closed loop, the Q1…Q7 mix, beside the writer and the deleter)", r.Rate, o.share*100, r.MaxRate)
	} else {
		p("reads at %d/s (-rate)", r.Rate)
	}
	p("writes: %d sources ingested (acknowledged), %d deleted; %d sources in the graph at the end", r.Written, r.Removed, r.Present)
	for i, w := range r.Windows {
		rec := "?"
		if i < len(r.Recovery) {
			rec = r.Recovery[i].Round(10 * time.Millisecond).String()
		}
		p("outage %d: Neo4j SIGKILLed at +%s, ready again after %s; newsgraph ready %s later", i+1,
			w.Kill.Sub(r.Start).Round(time.Second), w.Ready.Sub(w.Kill).Round(100*time.Millisecond), rec)
	}
	p("")
	p("| operation | requests | answered | UNAVAILABLE in outages | violations | p50 | p99 |")
	p("|---|---:|---:|---:|---:|---:|---:|")
	ops := make([]string, 0, len(r.Tally.ByOp))
	for op := range r.Tally.ByOp {
		ops = append(ops, op)
	}
	slices.Sort(ops)
	for _, op := range ops {
		t := r.Tally.ByOp[op]
		p("| %s | %d | %d | %d | %d | %s | %s |", op, t.Requests, t.OK, t.Unavailable, t.Violations,
			ms(quantile(t.Latencies, 0.5)), ms(quantile(t.Latencies, 0.99)))
	}
	p("")
	p("The run in stretches of %s (reads: sent, answered; writes: ingests and deletes acknowledged; goroutines less one per client connection; client connections open):", timelineStep(o.duration))
	p("")
	p("| from | reads | answered | UNAVAILABLE | violations | read p50 | read p99 | writes | goroutines | conns | RSS |")
	p("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, b := range r.Timeline {
		mark := ""
		if b.Outage {
			mark = " (outage)"
		}
		p("| +%s%s | %d | %d | %d | %d | %s | %s | %d | %d | %d | %.1f MiB |", b.From, mark, b.Reads, b.ReadsOK, b.Unavailable, b.Bad,
			ms(b.ReadP50), ms(b.ReadP99), b.Writes, b.Goroutines, b.Conns, float64(b.RSSKiB)/1024)
	}
	p("")
	check := func(ok bool, format string, a ...any) {
		mark := "ok  "
		if !ok {
			mark = "FAIL"
		}
		p("%s %s", mark, fmt.Sprintf(format, a...))
	}
	if r.Err != nil {
		check(false, "a check could not run: %v", r.Err)
	}
	check(r.Tally.Bad == 0, "answers: %d outside the contract or UNAVAILABLE outside an outage (grace %s)", r.Tally.Bad, o.grace)
	for v, g := range r.Tally.Violations {
		p("     %d× %s; e.g.", g.Count, v)
		for _, e := range g.Examples {
			p("       %s at +%s, took %s", e.Op, e.Start.Sub(r.Start).Round(time.Millisecond), e.End.Sub(e.Start).Round(time.Millisecond))
		}
	}
	check(len(r.Durability) == 0, "durability: %d acknowledged writes not in the graph as acknowledged", len(r.Durability))
	for _, d := range r.Durability[:min(10, len(r.Durability))] {
		p("     %s", d)
	}
	check(r.FingerprintDiffs == 0, "sources: %d of %d differ from a clean load of their documents", r.FingerprintDiffs, r.Present)
	for _, d := range r.Fingerprints {
		p("     %s", d)
	}
	check(r.Nodes[0] == r.Nodes[1] && r.Rels[0] == r.Rels[1], "counts: %d nodes and %d relationships; a clean load of the present documents: %d and %d",
		r.Nodes[0], r.Rels[0], r.Nodes[1], r.Rels[1])
	if r.GrowthErr != nil {
		check(false, "resources: %v", r.GrowthErr)
	} else {
		g := r.Growth
		check(g.RSSGrowth <= r.MaxGrowth, "RSS: median %.1f MiB after warm-up, %.1f MiB at the end (%+.1f%%, at most %+.0f%%)",
			float64(g.BaseRSSKiB)/1024, float64(g.EndRSSKiB)/1024, g.RSSGrowth*100, r.MaxGrowth*100)
		check(g.GoroutineGrowth <= r.MaxGrowth, "goroutines: fewest %d after warm-up, %d at the end (%+.1f%%, at most %+.0f%%)",
			g.BaseGoroutines, g.EndGoroutines, g.GoroutineGrowth*100, r.MaxGrowth*100)
	}
	p("")
}

// timelineStep is the width of the timeline's stretches: about thirty
// of them in a run.
func timelineStep(d time.Duration) time.Duration {
	return max(10*time.Second, (d / 30).Round(10*time.Second))
}

func ms(d time.Duration) string {
	if d == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000)
}
