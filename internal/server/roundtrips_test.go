package server

import (
	"encoding/json"
	"strings"
	"sync/atomic"
	"testing"

	"newsgraph/internal/config"
)

// fragmentType names the connection type a test query's fragment spreads on.
func fragmentType(query string) string {
	switch {
	case strings.Contains(query, "entities("):
		return "EntityConnection"
	case strings.Contains(query, "events("):
		return "EventConnection"
	case strings.Contains(query, "sources("):
		return "SourceConnection"
	}
	return "StatementConnection"
}

func roundTrips(t *testing.T, r gqlResponse) int {
	t.Helper()
	var ext struct {
		Extensions struct {
			Neo4j struct{ RoundTrips int }
		}
	}
	if err := json.Unmarshal(r.raw, &ext); err != nil {
		t.Fatal(err)
	}
	return ext.Extensions.Neo4j.RoundTrips
}

// Round trips are bounded by the query's depth, not by how many nodes come back.
func TestRoundTrips(t *testing.T) {
	s := newTestServer(t)

	r := s.post(t, `{ statements(first: 20) { nodes { id text speaker { id name } about { id ... on Entity { name } } evidence { start end excerpt source { title } } } } }`, nil)
	var got struct{ Statements struct{ Nodes []any } }
	r.data(t, &got)
	if len(got.Statements.Nodes) != 20 {
		t.Fatalf("got %d statements", len(got.Statements.Nodes))
	}
	if n := roundTrips(t, r); n < 1 || n > 4 {
		t.Errorf("20 statements with speaker, about and evidence took %d round trips, want 1 to 4", n)
	}

	// One level of loaders per nested list, however many parents: the same
	// query over 1 and over every entity costs the same.
	const nested = `query($n: Int) { entities(first: $n) { nodes { id sources { title } events(first: 2) { totalCount }
	  ... on Person { roles { title of { name } } statements(first: 2) { nodes { text speaker { name } } } }
	  ... on Nation { leaders { title } memberships { role } }
	  ... on Organisation { members { role } } } } }`
	counts := map[int]int{}
	for _, n := range []int{1, 26} {
		counts[n] = roundTrips(t, s.post(t, nested, map[string]any{"n": n}))
	}
	// entities; sources; events; roles; statements; leaders; memberships; members
	if counts[26] != 8 {
		t.Errorf("nested query over all entities took %d round trips, want 8 (one per level and loader)", counts[26])
	}
	if counts[1] > counts[26] {
		t.Errorf("1 entity took %d round trips, 26 took %d", counts[1], counts[26])
	}
}

// Over the complexity limit, a query is rejected before any Cypher runs.
func TestComplexityRejectsBeforeCypher(t *testing.T) {
	var trips atomic.Int64
	trips.Store(-1)
	s := newTestServer(t, func(c *config.Config) { c.ComplexityLimit = 1000 })
	s.srv.afterGraphQL = func(n int64) { trips.Store(n) }
	// 100 statements × 100 of their speaker's statements each: far over.
	r := s.post(t, `{ statements(first: 100) { nodes { speaker { statements(first: 100) { nodes { text } } } } } }`, nil)
	if e := r.onlyError(t); e.Extensions["code"] != "COMPLEXITY_LIMIT_EXCEEDED" {
		t.Fatalf("error %+v", e)
	}
	if n := trips.Load(); n != 0 {
		t.Errorf("the rejected query ran %d Cypher round trips", n)
	}
	// A modest nested query fits.
	r = s.post(t, `{ statements(first: 5) { nodes { speaker { statements(first: 5) { nodes { text } } } } } }`, nil)
	if len(r.Errors) > 0 {
		t.Errorf("modest query rejected: %s", r.raw)
	}
	if n := trips.Load(); n < 1 {
		t.Errorf("the accepted query ran %d round trips", n)
	}
}
