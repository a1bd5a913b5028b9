package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"newsgraph/internal/config"
)

// benchQueries are the benchmark's Q1–Q4 (bench/workload) over the seed
// graph.
var benchQueries = []struct {
	name, query string
	vars        map[string]any
}{
	{"Q1", `query Q1($id: ID!) { entity(id: $id) { id name ... on Person { roles { title of { id name } } } } }`,
		map[string]any{"id": "person:mark-rutte"}},
	{"Q2", `query Q2($id: ID!) { entity(id: $id) { statements(first: 20) { nodes { id text date speaker { id name } about { id } evidence { start end excerpt source { id title } } } } } }`,
		map[string]any{"id": "person:emmanuel-macron"}},
	{"Q3", `query Q3($event: ID!, $about: ID!) { node(id: $event) { ... on Event { id participants { entity { id statements(filter: {about: $about}, first: 5) { nodes { id text } } } } } } }`,
		map[string]any{"event": "event:2025-09-04-coalition-of-the-willing-summit", "about": "nation:ukraine"}},
	{"Q4", `query Q4($q: String!) { search(query: $q, first: 20) { node { id } score } }`,
		map[string]any{"q": "troops"}},
}

// BenchmarkGraphQL serves Q1–Q4 through the whole handler (middleware,
// gqlgen, store, the Neo4j driver) in process, without a network between
// client and server, and reports allocations per request: the server's
// own, the driver's included. It needs the test Neo4j:
//
//	NEWSGRAPH_TEST_NEO4J_URI=bolt://127.0.0.1:7687 NEWSGRAPH_TEST_NEO4J_PASSWORD=… \
//	  go test -run '^$' -bench BenchmarkGraphQL -benchmem ./internal/server/
func BenchmarkGraphQL(b *testing.B) {
	s := newTestServer(b, func(c *config.Config) { c.BatchWait = config.Defaults.BatchWait; c.TraceRoundTrips = false })
	h := s.srv.Handler()
	for _, q := range benchQueries {
		body, _ := json.Marshal(map[string]any{"query": q.query, "variables": q.vars})
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				w := httptest.NewRecorder()
				r := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
				r.Header.Set("Content-Type", "application/json")
				h.ServeHTTP(w, r)
				if w.Code != http.StatusOK || bytes.Contains(w.Body.Bytes(), []byte(`"errors"`)) {
					b.Fatalf("%d %.300s", w.Code, w.Body.Bytes())
				}
			}
		})
	}
}
