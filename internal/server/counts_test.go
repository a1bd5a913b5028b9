package server

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"testing"

	"newsgraph/internal/kg"
)

var countDimensions = []string{"SPEAKER", "ABOUT", "TOPIC", "EVENT", "SOURCE", "KIND", "DAY", "MONTH", "YEAR"}

// singleValued are the dimensions that put every statement in exactly one
// bucket, so that their buckets add up to the filter's total.
var singleValued = map[string]bool{"SPEAKER": true, "SOURCE": true, "KIND": true, "DAY": true, "MONTH": true, "YEAR": true}

var countFilters = []map[string]any{
	{},
	{"speaker": "person:emmanuel-macron"},
	{"kind": "PARAPHRASE"},
	{"from": "2025-09", "to": "2025-09-30"},
	{"about": "nation:ukraine"},
	{"topic": "topic:security-guarantees", "kind": "QUOTE"},
}

// statement returns the oracle's statement with this id.
func (o *oracle) statement(id string) kg.Statement {
	i := slices.IndexFunc(o.statements, func(s kg.Statement) bool { return s.ID == id })
	return o.statements[i]
}

// keys are the buckets a statement counts in, by hand.
func countKeys(s kg.Statement, by string) []string {
	d := string(s.Date)
	period := func(n int) []string {
		if len(d) >= n && (n != 10 || len(d) == 10) {
			return []string{d[:n]}
		}
		return []string{kg.Undated}
	}
	switch by {
	case "SPEAKER":
		return []string{s.SpeakerID}
	case "ABOUT":
		return slices.Compact(slices.Sorted(slices.Values(s.AboutIDs)))
	case "TOPIC":
		return slices.Compact(slices.Sorted(slices.Values(s.TopicIDs)))
	case "EVENT":
		if s.EventID == "" {
			return nil
		}
		return []string{s.EventID}
	case "SOURCE":
		return []string{s.Evidence.SourceID}
	case "KIND":
		return []string{string(s.Kind)}
	case "DAY":
		if len(d) != 10 {
			return []string{kg.Undated}
		}
		return []string{d}
	case "MONTH":
		return period(7)
	case "YEAR":
		return period(4)
	}
	panic(by)
}

// buckets counts the filter's statements by hand: the statement ids of
// each bucket, in the contract's order.
func (o *oracle) buckets(f map[string]any, by string) map[string][]string {
	out := map[string][]string{}
	for _, id := range o.filter(f) {
		for _, k := range countKeys(o.statement(id), by) {
			out[k] = append(out[k], id)
		}
	}
	return out
}

type countRow struct {
	Key   string
	Count int
	Node  *struct{ ID string }
}

// Every dimension, alone and under filters, counts what the oracle counts,
// in order, with a node exactly for the node dimensions.
func TestStatementCounts(t *testing.T) {
	s := newTestServer(t)
	o := newOracle(t)
	o.add(loadExample(t, s))
	const q = `query($f: StatementFilter, $by: CountDimension!) {
	  statementCounts(filter: $f, by: $by, first: 100) { key count node { id } }
	  statements(filter: $f, first: 1) { totalCount } }`
	for _, f := range countFilters {
		for _, by := range countDimensions {
			t.Run(fmt.Sprintf("%s %v", by, f), func(t *testing.T) {
				var got struct {
					StatementCounts []countRow
					Statements      struct{ TotalCount int }
				}
				r := s.post(t, q, map[string]any{"f": f, "by": by})
				r.data(t, &got)
				if n := roundTrips(t, r); n != 2 {
					t.Errorf("counts and a total took %d round trips, want 2", n)
				}
				want := o.buckets(f, by)
				gotCounts := map[string]int{}
				sum := 0
				for _, c := range got.StatementCounts {
					gotCounts[c.Key] = c.Count
					sum += c.Count
					isNode := !singleValued[by] || by == "SPEAKER" || by == "SOURCE"
					if isNode && (c.Node == nil || c.Node.ID != c.Key) || !isNode && c.Node != nil {
						t.Errorf("bucket %q has node %v", c.Key, c.Node)
					}
				}
				wantCounts := map[string]int{}
				for k, ids := range want {
					wantCounts[k] = len(ids)
				}
				if !maps.Equal(gotCounts, wantCounts) {
					t.Errorf("counts\n got %v\nwant %v", gotCounts, wantCounts)
				}
				if !slices.IsSortedFunc(got.StatementCounts, func(a, b countRow) int {
					return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Key, b.Key))
				}) {
					t.Errorf("not by count, then key: %+v", got.StatementCounts)
				}
				if singleValued[by] && sum != got.Statements.TotalCount {
					t.Errorf("buckets add up to %d, the filter has %d statements", sum, got.Statements.TotalCount)
				}
			})
		}
	}

	// Partial dates count in the period they state, and under "undated"
	// for a finer one.
	counts := func(by string) map[string]int {
		var got struct{ StatementCounts []countRow }
		s.post(t, `query($by: CountDimension!) { statementCounts(by: $by, first: 100) { key count } }`, map[string]any{"by": by}).data(t, &got)
		m := map[string]int{}
		for _, c := range got.StatementCounts {
			m[c.Key] = c.Count
		}
		return m
	}
	var undated, partial, september int
	for _, st := range o.statements {
		switch {
		case st.Date == "":
			undated++
		case len(st.Date) < 10:
			partial++
		}
		if st.Date.Start() >= "2025-09-01" && st.Date.Start() <= "2025-09-30" {
			september++
		}
	}
	if undated == 0 || partial == 0 {
		t.Fatalf("the fixture needs undated (%d) and partially dated (%d) statements", undated, partial)
	}
	day, month, year := counts("DAY"), counts("MONTH"), counts("YEAR")
	if day[kg.Undated] != undated+partial {
		t.Errorf("DAY undated = %d, want %d undated + %d partial", day[kg.Undated], undated, partial)
	}
	if month[kg.Undated] != undated || year[kg.Undated] != undated {
		t.Errorf("MONTH undated = %d, YEAR undated = %d, want %d", month[kg.Undated], year[kg.Undated], undated)
	}
	if month["2025-09"] != september || day["2025-09"] != 0 {
		t.Errorf("MONTH 2025-09 = %d, want %d (its days and the month itself); DAY 2025-09 = %d, want none", month["2025-09"], september, day["2025-09"])
	}
}

// A bucket's statements are exactly the statements behind its count, in
// the contract's order, and every bucket's page comes in one more round trip.
func TestStatementCountsEvidence(t *testing.T) {
	s := newTestServer(t)
	o := newOracle(t)
	o.add(loadExample(t, s))
	const q = `query($f: StatementFilter, $by: CountDimension!) {
	  statementCounts(filter: $f, by: $by, first: 40) { key count statements(first: 20) { totalCount nodes { id } } } }`
	for _, f := range []map[string]any{{}, {"kind": "QUOTE"}, {"about": "nation:ukraine"}, {"from": "2025-09-04"}} {
		for _, by := range countDimensions {
			t.Run(fmt.Sprintf("%s %v", by, f), func(t *testing.T) {
				var got struct {
					StatementCounts []struct {
						Key        string
						Count      int
						Statements statementIDs
					}
				}
				r := s.post(t, q, map[string]any{"f": f, "by": by})
				r.data(t, &got)
				if len(got.StatementCounts) == 0 {
					t.Fatal("no buckets")
				}
				if n := roundTrips(t, r); n != 2 {
					t.Errorf("counts with their statements took %d round trips, want 2", n)
				}
				want := o.buckets(f, by)
				for _, c := range got.StatementCounts {
					ids := want[c.Key]
					if c.Statements.TotalCount != c.Count || c.Count != len(ids) {
						t.Errorf("bucket %q: count %d, statements %d, oracle %d", c.Key, c.Count, c.Statements.TotalCount, len(ids))
					}
					if w := ids[:min(20, len(ids))]; !slices.Equal(c.Statements.ids(), w) {
						t.Errorf("bucket %q statements\n got %v\nwant %v", c.Key, c.Statements.ids(), w)
					}
				}
			})
		}
	}
}

type networkEdge struct {
	From, To string
	Count    int
	Kinds    map[string]int
}

// network draws the oracle's network: every edge, heaviest first.
func (o *oracle) network(f map[string]any) ([]networkEdge, map[[2]string][]string) {
	ids := map[[2]string][]string{}
	kinds := map[[2]string]map[string]int{}
	for _, id := range o.filter(f) {
		st := o.statement(id)
		for _, to := range countKeys(st, "ABOUT") {
			k := [2]string{st.SpeakerID, to}
			ids[k] = append(ids[k], id)
			if kinds[k] == nil {
				kinds[k] = map[string]int{}
			}
			kinds[k][string(st.Kind)]++
		}
	}
	var edges []networkEdge
	for k, list := range ids {
		edges = append(edges, networkEdge{From: k[0], To: k[1], Count: len(list), Kinds: kinds[k]})
	}
	slices.SortFunc(edges, func(a, b networkEdge) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
	return edges, ids
}

// The network's edges are the oracle's heaviest, its nodes' degrees add up
// the kept edges, and each edge's statements are those behind its count.
func TestNetwork(t *testing.T) {
	s := newTestServer(t)
	o := newOracle(t)
	o.add(loadExample(t, s))
	const q = `query($f: StatementFilter, $n: Int) { network(filter: $f, first: $n) {
	  nodes { node { id } degree }
	  edges { from { id } to { id } count kinds { kind count } } } }`
	for _, f := range []map[string]any{{}, {"kind": "QUOTE"}, {"speaker": "person:emmanuel-macron"}, {"to": "2025-09-03"}, {"topic": "topic:shipping"}} {
		for _, n := range []int{1, 5, 100} {
			t.Run(fmt.Sprintf("%v first %d", f, n), func(t *testing.T) {
				var got struct {
					Network struct {
						Nodes []struct {
							Node   struct{ ID string }
							Degree int
						}
						Edges []struct {
							From, To struct{ ID string }
							Count    int
							Kinds    []struct {
								Kind  string
								Count int
							}
						}
					}
				}
				r := s.post(t, q, map[string]any{"f": f, "n": n})
				r.data(t, &got)
				if rt := roundTrips(t, r); rt != 1 {
					t.Errorf("network took %d round trips, want 1", rt)
				}
				all, _ := o.network(f)
				want := all[:min(n, len(all))]
				var edges []networkEdge
				for _, e := range got.Network.Edges {
					ge := networkEdge{From: e.From.ID, To: e.To.ID, Count: e.Count, Kinds: map[string]int{}}
					for _, k := range e.Kinds {
						ge.Kinds[k.Kind] = k.Count
					}
					edges = append(edges, ge)
				}
				if len(edges) != len(want) {
					t.Fatalf("%d edges, want %d", len(edges), len(want))
				}
				degree := map[string]int{}
				for i := range want {
					if edges[i].From != want[i].From || edges[i].To != want[i].To || edges[i].Count != want[i].Count || !maps.Equal(edges[i].Kinds, want[i].Kinds) {
						t.Errorf("edge %d: got %+v, want %+v", i, edges[i], want[i])
					}
					degree[want[i].From] += want[i].Count
					if want[i].To != want[i].From {
						degree[want[i].To] += want[i].Count
					}
				}
				gotDegree := map[string]int{}
				for _, nd := range got.Network.Nodes {
					gotDegree[nd.Node.ID] = nd.Degree
				}
				if !maps.Equal(gotDegree, degree) || len(got.Network.Nodes) != len(degree) {
					t.Errorf("degrees\n got %v\nwant %v", gotDegree, degree)
				}
			})
		}
	}

	// An edge's statements are exactly those behind its count; every
	// edge's page comes in one more round trip.
	var got struct {
		Network struct {
			Edges []struct {
				From, To   struct{ ID string }
				Count      int
				Statements statementIDs
			}
		}
	}
	f := map[string]any{"kind": "PARAPHRASE"}
	r := s.post(t, `query($f: StatementFilter) { network(filter: $f, first: 30) { edges { from { id } to { id } count statements(first: 10) { totalCount nodes { id } } } } }`, map[string]any{"f": f})
	r.data(t, &got)
	if rt := roundTrips(t, r); rt != 2 {
		t.Errorf("network with its statements took %d round trips, want 2", rt)
	}
	_, ids := o.network(f)
	for _, e := range got.Network.Edges {
		want := ids[[2]string{e.From.ID, e.To.ID}]
		if e.Statements.TotalCount != e.Count || !slices.Equal(e.Statements.ids(), want[:min(10, len(want))]) {
			t.Errorf("edge %s → %s: %d statements %v, want %v", e.From.ID, e.To.ID, e.Statements.TotalCount, e.Statements.ids(), want)
		}
	}
}

// An out-of-range first is BAD_USER_INPUT naming first, before any Cypher.
func TestStatementCountsBadFirst(t *testing.T) {
	s := newTestServer(t)
	for _, q := range []string{
		`{ statementCounts(by: SPEAKER, first: 0) { key } }`,
		`{ statementCounts(by: DAY, first: 101) { key } }`,
		`{ network(first: 0) { edges { count } } }`,
		`{ network(first: 101) { edges { count } } }`,
		`{ statementCounts(by: KIND) { key statements(first: 0) { totalCount } } }`,
	} {
		r := s.post(t, q, nil)
		if len(r.Errors) == 0 {
			t.Fatalf("%s: no error: %s", q, r.raw)
		}
		e := r.Errors[0]
		if e.Extensions["code"] != "BAD_USER_INPUT" || e.Extensions["argument"] != "first" {
			t.Errorf("%s: %s", q, r.raw)
		}
	}
}
