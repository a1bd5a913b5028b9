package main

// The invariants, as pure functions of what the run recorded: no I/O here,
// so that `go test -short` covers every verdict.

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"newsgraph/internal/errcode"
)

// contractCodes are the codes internal/errcode defines: the only ones an
// answer may carry.
var contractCodes = map[string]bool{
	string(errcode.BadUserInput): true, string(errcode.NotFound): true, string(errcode.Unauthenticated): true,
	string(errcode.Unavailable): true, string(errcode.ComplexityLimitExceeded): true, string(errcode.Internal): true,
}

// outcome is one request's fate.
type outcome struct {
	Op         string // read query (Q1…Q7), "ingest" or "delete"
	Start, End time.Time
	Status     int    // HTTP status; 0 when the request got no answer
	Code       string // the first error's extensions.code; "" for an answer without errors
	Message    string // the first error's message, for UNAVAILABLE's kind
	NoCode     bool   // the answer had errors, the first without a code
	NetErr     string // a transport failure (no HTTP answer)
	// NotFoundOK says NOT_FOUND is an expected answer: a delete retried
	// after an attempt whose fate is unknown.
	NotFoundOK bool
}

// succeeded says the request was answered without an error.
func (o outcome) succeeded() bool {
	return o.NetErr == "" && o.Status == 200 && o.Code == "" && !o.NoCode
}

// readCode returns the first error's extensions.code of a GraphQL answer
// and its message, and whether the answer had errors at all.
func readCode(body []byte) (code, message string, hasErrors bool) {
	var r struct {
		Errors []struct {
			Message    string `json:"message"`
			Extensions struct {
				Code string `json:"code"`
			} `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return "", "", true // not JSON: an error answer without a code
	}
	if len(r.Errors) == 0 {
		return "", "", false
	}
	return r.Errors[0].Extensions.Code, r.Errors[0].Message, true
}

// window is one outage: from the SIGKILL to Neo4j answering again (zero
// Ready: it never came back before the run ended).
type window struct {
	Kill, Ready time.Time
}

// during says whether a request overlapped an outage, grace included
// after Neo4j was ready again: the server needs a moment to notice.
func during(o outcome, ws []window, grace time.Duration) bool {
	for _, w := range ws {
		end := w.Ready.Add(grace)
		if w.Ready.IsZero() {
			end = o.End.Add(time.Hour) // open: everything after the kill
		}
		if !o.Start.After(end) && !o.End.Before(w.Kill) {
			return true
		}
	}
	return false
}

// verdict says what is wrong with an outcome, or "" when nothing is: a
// transport failure, a 5xx, an error without a code or with one outside
// the contract, UNAVAILABLE outside an outage, or any other code where the
// operation should have succeeded.
func verdict(o outcome, ws []window, grace time.Duration) string {
	switch {
	case o.NetErr != "":
		return "no HTTP answer: " + o.NetErr
	case o.Status >= 500:
		return fmt.Sprintf("HTTP %d", o.Status)
	case o.NoCode:
		return fmt.Sprintf("HTTP %d: an error without extensions.code", o.Status)
	case o.Code == "" && o.Status != 200:
		return fmt.Sprintf("HTTP %d without an error", o.Status)
	case o.Code == "":
		return ""
	case !contractCodes[o.Code]:
		return fmt.Sprintf("code %s is not in the contract (internal/errcode)", o.Code)
	case o.Code == string(errcode.Unavailable):
		if during(o, ws, grace) {
			return ""
		}
		// The store says UNAVAILABLE for three things; which one matters
		// when reading a failed run.
		switch {
		case strings.Contains(o.Message, "took too long"):
			return "UNAVAILABLE outside an outage: the request deadline"
		case strings.Contains(o.Message, "busy"):
			return "UNAVAILABLE outside an outage: the connection pool busy"
		}
		return "UNAVAILABLE outside an outage"
	case o.Code == string(errcode.NotFound) && o.NotFoundOK:
		return ""
	}
	return "unexpected " + o.Code
}

// tally sums the outcomes by operation and verdict, and keeps the first
// few violations of each kind for the report.
type tally struct {
	ByOp       map[string]*opTally
	Violations map[string]*violations // by verdict
	Bad        int                    // outcomes with a verdict
}

// violations are the outcomes with one verdict: how many, and the first
// few.
type violations struct {
	Count    int
	Examples []outcome
}

type opTally struct {
	Requests, OK, Unavailable, Violations int
	Latencies                             []time.Duration // of answers without errors
}

const maxExamples = 5

func judge(os []outcome, ws []window, grace time.Duration) tally {
	t := tally{ByOp: map[string]*opTally{}, Violations: map[string]*violations{}}
	for _, o := range os {
		op := t.ByOp[o.Op]
		if op == nil {
			op = &opTally{}
			t.ByOp[o.Op] = op
		}
		op.Requests++
		v := verdict(o, ws, grace)
		switch {
		case v != "":
			op.Violations++
			t.Bad++
			g := t.Violations[v]
			if g == nil {
				g = &violations{}
				t.Violations[v] = g
			}
			g.Count++
			if len(g.Examples) < maxExamples {
				g.Examples = append(g.Examples, o)
			}
		case o.Code == string(errcode.Unavailable):
			op.Unavailable++
		case o.Code == "":
			op.OK++
			op.Latencies = append(op.Latencies, o.End.Sub(o.Start))
		default:
			op.OK++ // an expected NOT_FOUND
		}
	}
	return t
}

// state is what the harness knows of a source from the answers it got.
type state int

const (
	unknown   state = iota // never written by the run
	present                // an ingest was acknowledged, no delete since
	deleted                // a delete was acknowledged
	uncertain              // the last write's answer was lost or UNAVAILABLE: either
)

func (s state) String() string {
	return [...]string{"unknown", "acknowledged present", "acknowledged deleted", "uncertain"}[s]
}

// durability checks the graph's sources against the acknowledged writes:
// an acknowledged ingest must be there, an acknowledged delete must not,
// and nothing the run did not write may appear.
func durability(states map[string]state, inGraph []string) []string {
	var problems []string
	have := map[string]bool{}
	for _, id := range inGraph {
		have[id] = true
		if states[id] == unknown {
			problems = append(problems, id+": in the graph, but the run never wrote it")
		}
	}
	ids := make([]string, 0, len(states))
	for id := range states {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		switch s := states[id]; {
		case s == present && !have[id]:
			problems = append(problems, id+": ingest acknowledged, but the source is missing")
		case s == deleted && have[id]:
			problems = append(problems, id+": delete acknowledged, but the source is still there")
		}
	}
	return problems
}

// fingerprintDiff compares a source's facts in the soak's graph with a
// clean load of its document, and describes the first differences.
func fingerprintDiff(id string, soak, clean map[string]string) []string {
	var out []string
	keys := map[string]bool{}
	for k := range soak {
		keys[k] = true
	}
	for k := range clean {
		keys[k] = true
	}
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	show := func(k string) string { return strings.ReplaceAll(k, "\x00", " ") }
	for _, k := range sorted {
		a, inSoak := soak[k]
		b, inClean := clean[k]
		switch {
		case !inSoak:
			out = append(out, fmt.Sprintf("%s: %s missing (a clean load has %.200s)", id, show(k), b))
		case !inClean:
			out = append(out, fmt.Sprintf("%s: %s present but a clean load has no such fact (%.200s)", id, show(k), a))
		case a != b:
			out = append(out, fmt.Sprintf("%s: %s differs: %.200s, clean %.200s", id, show(k), a, b))
		}
	}
	return out
}

// killTimes are when, from the start, Neo4j is killed: every interval,
// but not in the last half interval (the run's end must see the server
// recovered); in a run shorter than two intervals, once, a third of the
// way in, so that the windows before and after (where growth is measured)
// see no outage.
func killTimes(d, every time.Duration) []time.Duration {
	if d < 2*every {
		return []time.Duration{d / 3}
	}
	var out []time.Duration
	for t := every; t <= d-every/2; t += every {
		out = append(out, t)
	}
	return out
}

// sample is one reading of the server's resources.
type sample struct {
	At         time.Time
	RSSKiB     int64
	Goroutines int // go_goroutines, less one per open client connection (see growth)
	Conns      int // open client connections
}

// growth compares the server's resources just after warm-up with the
// end of the run, over the samples in [from, from+span) and in the last
// span before end, leaving out samples taken during an outage (grace
// included), when requests pile up by design. RSS is compared by the
// medians; goroutines by the minima, the count with the fewest requests
// in flight: every request in flight holds goroutines, and at a few dozen
// goroutines in all, the load's bursts would otherwise hide a leak or
// fake one. The goroutines sampled leave out one per open client
// connection (the server's goroutine for it): after an outage the open
// loop opens more connections while answers lag, and keeps them alive;
// they are the client's, and go when it closes them.
type growthResult struct {
	BaseRSSKiB, EndRSSKiB         int64
	BaseGoroutines, EndGoroutines int
	RSSGrowth, GoroutineGrowth    float64 // end/base - 1
	BaseSamples, EndSamples       int
}

func growth(ss []sample, from, end time.Time, span time.Duration, ws []window, grace time.Duration) (growthResult, error) {
	var base, last []sample
	for _, s := range ss {
		if during(outcome{Start: s.At, End: s.At}, ws, grace) {
			continue
		}
		switch {
		case !s.At.Before(from) && s.At.Before(from.Add(span)):
			base = append(base, s)
		case !s.At.Before(end.Add(-span)) && !s.At.After(end):
			last = append(last, s)
		}
	}
	if len(base) == 0 || len(last) == 0 {
		return growthResult{}, fmt.Errorf("not enough samples outside outages: %d after warm-up, %d at the end", len(base), len(last))
	}
	r := growthResult{BaseSamples: len(base), EndSamples: len(last)}
	r.BaseRSSKiB, r.EndRSSKiB = median(base, func(s sample) int64 { return s.RSSKiB }), median(last, func(s sample) int64 { return s.RSSKiB })
	r.BaseGoroutines, r.EndGoroutines = minGoroutines(base), minGoroutines(last)
	r.RSSGrowth = float64(r.EndRSSKiB)/float64(max(r.BaseRSSKiB, 1)) - 1
	r.GoroutineGrowth = float64(r.EndGoroutines)/float64(max(r.BaseGoroutines, 1)) - 1
	return r, nil
}

func minGoroutines(ss []sample) int {
	m := ss[0].Goroutines
	for _, s := range ss {
		m = min(m, s.Goroutines)
	}
	return m
}

func median[T any](xs []T, f func(T) int64) int64 {
	vs := make([]int64, len(xs))
	for i, x := range xs {
		vs[i] = f(x)
	}
	slices.Sort(vs)
	return vs[len(vs)/2]
}

// quantile is the q-th quantile of ds (0 for none).
func quantile(ds []time.Duration, q float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.SortFunc(s, cmp.Compare)
	return s[min(len(s)-1, int(float64(len(s))*q))]
}

// bucket is one stretch of the run's timeline.
type bucket struct {
	From                time.Duration // since the start
	Reads, ReadsOK      int
	Unavailable, Bad    int
	Writes              int // ingests and deletes acknowledged
	ReadP50, ReadP99    time.Duration
	Goroutines, RSSKiB  int64 // medians of the samples in the stretch
	Conns               int64
	Outage              bool // the stretch overlaps an outage (grace included)
	readLatencies       []time.Duration
	goroutines, rssKiBs []int64
	conns               []int64
}

// timeline cuts the run into stretches of width step and sums up each:
// how many reads were sent and answered and how fast, the writes
// acknowledged, the server's goroutines and RSS. It shows what a verdict
// alone cannot: when the server fell behind the read rate and when it
// caught up.
func timeline(os []outcome, ss []sample, ws []window, grace time.Duration, start time.Time, step time.Duration) []bucket {
	var bs []bucket
	at := func(t time.Time) *bucket {
		i := int(t.Sub(start) / step)
		if i < 0 {
			return nil
		}
		for len(bs) <= i {
			from := time.Duration(len(bs)) * step
			w := outcome{Start: start.Add(from), End: start.Add(from + step)}
			bs = append(bs, bucket{From: from, Outage: during(w, ws, grace)})
		}
		return &bs[i]
	}
	for _, o := range os {
		b := at(o.Start)
		if b == nil {
			continue
		}
		ok := o.succeeded()
		switch {
		case o.Op == "ingest" || o.Op == "delete":
			if ok {
				b.Writes++
			}
		default:
			b.Reads++
			if ok {
				b.ReadsOK++
				b.readLatencies = append(b.readLatencies, o.End.Sub(o.Start))
			}
		}
		if o.Code == "UNAVAILABLE" {
			b.Unavailable++
		}
		if verdict(o, ws, grace) != "" {
			b.Bad++
		}
	}
	for _, s := range ss {
		if b := at(s.At); b != nil {
			b.goroutines = append(b.goroutines, int64(s.Goroutines))
			b.rssKiBs = append(b.rssKiBs, s.RSSKiB)
			b.conns = append(b.conns, int64(s.Conns))
		}
	}
	for i := range bs {
		b := &bs[i]
		b.ReadP50, b.ReadP99 = quantile(b.readLatencies, 0.5), quantile(b.readLatencies, 0.99)
		if len(b.goroutines) > 0 {
			b.Goroutines = median(b.goroutines, func(v int64) int64 { return v })
			b.RSSKiB = median(b.rssKiBs, func(v int64) int64 { return v })
			b.Conns = median(b.conns, func(v int64) int64 { return v })
		}
	}
	return bs
}
