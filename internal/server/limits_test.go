package server

import (
	"strings"
	"testing"

	"newsgraph/internal/config"
)

func TestComplexityLimit(t *testing.T) {
	s := newTestServer(t, func(c *config.Config) { c.ComplexityLimit = 50 })
	// 20 entities × (id + name + edges…) is well over 50.
	r := s.post(t, `{ entities(first: 20) { nodes { id name aliases description kind } } }`, nil)
	e := r.onlyError(t)
	if e.Extensions["code"] != "COMPLEXITY_LIMIT_EXCEEDED" || !strings.Contains(e.Message, "exceeds the limit of 50") {
		t.Errorf("error = %+v", e)
	}
	// The cost scales with first: one entity fits.
	var ok struct {
		Entities struct{ Nodes []struct{ ID string } }
	}
	s.post(t, `{ entities(first: 1) { nodes { id name aliases description kind } } }`, nil).data(t, &ok)
	if len(ok.Entities.Nodes) != 1 {
		t.Errorf("first: 1 gave %d nodes", len(ok.Entities.Nodes))
	}
}

// Each limit refuses its query with a clear error, before any Cypher runs.
func TestRequestLimits(t *testing.T) {
	trips := int64(-1)
	s := newTestServer(t, func(c *config.Config) { c.MaxDepth, c.MaxAliases, c.MaxTokens = 4, 3, 200 })
	s.srv.afterGraphQL = func(n int64) { trips = n }
	tests := []struct {
		name, query, code, msg string
	}{
		{"depth", `{ entity(id: "nation:ukraine") { ... on Nation { leaders { person { roles { of { id } } } } } } }`, "COMPLEXITY_LIMIT_EXCEEDED", "nested 6 fields deep, which exceeds the limit of 4"},
		{"aliases", `{ a: topics { id } b: topics { id } c: topics { id } d: topics { id } }`, "COMPLEXITY_LIMIT_EXCEEDED", "4 aliased fields, which exceeds the limit of 3"},
		{"tokens", "{ " + strings.Repeat("__typename ", 300) + "}", "BAD_USER_INPUT", "token limit"},
	}
	for _, tt := range tests {
		trips = -1
		e := s.post(t, tt.query, nil).onlyError(t)
		if e.Extensions["code"] != tt.code || !strings.Contains(e.Message, tt.msg) {
			t.Errorf("%s: %+v", tt.name, e)
		}
		if trips != 0 {
			t.Errorf("%s: %d Cypher round trips before refusing", tt.name, trips)
		}
	}
	// Introspection is not counted towards depth: the playground's schema query works.
	if r := s.post(t, `{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }`, nil); len(r.Errors) > 0 {
		t.Errorf("introspection refused: %.300s", r.raw)
	}
	// Within the limits, fine.
	if r := s.post(t, `{ a: topics { id } b: topics { id } }`, nil); len(r.Errors) > 0 {
		t.Errorf("two aliases refused: %s", r.raw)
	}
}
