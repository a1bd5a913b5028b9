package graph

import (
	"context"
	"testing"

	"github.com/99designs/gqlgen/complexity"
	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"newsgraph/internal/config"
)

func parseOp(t *testing.T, es graphql.ExecutableSchema, q string) *ast.OperationDefinition {
	t.Helper()
	doc, errs := gqlparser.LoadQuery(es.Schema(), q)
	if len(errs) > 0 {
		t.Fatalf("%s: %v", q, errs)
	}
	return doc.Operations[0]
}

func cost(t *testing.T, es graphql.ExecutableSchema, q string) int {
	t.Helper()
	return Cost(context.Background(), es, parseOp(t, es, q), nil)
}

// sourceEvidenceQuery asks for a source's evidence with each fact's own
// evidence, a fragment per member of the Fact union (the query of
// internal/server's TestSourceEvidenceOverGraphQL).
const sourceEvidenceQuery = `query($id: ID!) { node(id: $id) { ... on Source { text evidence { kind start end excerpt fact { __typename
  ... on Statement { id single: evidence { start end source { id } } }
  ... on Event { id evidence { start end source { id } } }
  ... on Role { title evidence { start end source { id } } }
  ... on Membership { role evidence { start end source { id } } }
  ... on Participation { role evidence { start end source { id } } }
  ... on Entity { id } } } } } }`

func TestCost(t *testing.T) {
	es := NewExecutableSchema(&Resolver{})
	ev := `evidence { start end source { id } }` // 1 + listCost × 4 = 21
	role := `{ node(id: "s") { ... on Source { evidence { fact { ... on Role { title ` + ev + ` } } } } } }`
	event := `{ node(id: "s") { ... on Source { evidence { fact { ... on Event { id name ` + ev + ` } } } } } }`
	both := `{ node(id: "s") { ... on Source { evidence { fact { ... on Role { title ` + ev + ` } ... on Event { id name ` + ev + ` } } } } } }`

	tests := []struct {
		name  string
		query string
		want  int
	}{
		// fact: 1 + (title 1 + evidence 21) = 23; Source.evidence: 1 + 100 × 23; node: 1 + that.
		{"union, one fragment", role, 1 + 1 + 100*23},
		// Event's fragment is dearer by one field.
		{"union, the other fragment", event, 1 + 1 + 100*24},
		// Both: an item is a Role or an Event, never both: the dearer.
		{"union with two fragments costs the max", both, 1 + 1 + 100*24},
		// An interface's fragments likewise: a Person's roles or a Nation's leaders and memberships.
		{"interface fragments cost the max",
			`{ entity(id: "e") { id ... on Person { roles { title } } ... on Nation { leaders { title } memberships { role } } } }`,
			1 + 1 + 2*(1+5*1)},
		// Fields common to every member add to each member's fragment.
		{"fields beside fragments", `{ node(id: "s") { id ... on Source { title } ... on Topic { name } } }`, 1 + 2},
		// Nested connections multiply: inner 1 + 10 × (nodes 1 + text 1) = 21,
		// speaker 22, nodes 23, outer 1 + 10 × 23.
		{"nested lists multiply", `{ statements(first: 10) { nodes { speaker { statements(first: 10) { nodes { text } } } } } }`, 1 + 10*23},
		// A fragment spread counts where it is spread, once per spread.
		{"named fragments", `query { a: entity(id: "e") { ...F } b: entity(id: "f") { ...F } } fragment F on Person { roles { title } }`, 2 * (1 + 1 + 5*1)},
		{"introspection is free", `{ __schema { types { name } } }`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cost(t, es, tt.query); got != tt.want {
				t.Errorf("cost %d, want %d", got, tt.want)
			}
		})
	}
	if r, e, b := cost(t, es, role), cost(t, es, event), cost(t, es, both); b >= r+e-2 {
		t.Errorf("a union's fragments add up: role %d + event %d, both %d", r, e, b)
	}
}

// Without unions or interface fragments, the cost is gqlgen's own.
func TestCostMatchesGqlgenWithoutAbstractFragments(t *testing.T) {
	es := NewExecutableSchema(&Resolver{})
	for _, q := range []string{
		`{ statements(first: 20) { nodes { id text speaker { id name } about { id } evidence { start end excerpt source { id title } } } } }`,
		`{ statements(first: 100) { nodes { speaker { statements(first: 100) { nodes { text } } } } } }`,
		`{ entities(first: 20) { nodes { id name aliases description kind } } }`,
		`{ entities { nodes { id } pageInfo { hasNextPage } } }`,
		`{ sources(first: 3) { nodes { id statements { nodes { text topics { id } } } } } }`,
		`{ search(query: "x", first: 20) { node { id } score } }`,
		`{ topics { id timeline { date } statements(first: 5) { totalCount } } }`,
	} {
		op := parseOp(t, es, q)
		got, want := Cost(context.Background(), es, op, nil), complexity.Calculate(context.Background(), es, op, nil)
		if got != want {
			t.Errorf("%s: cost %d, gqlgen's %d", q, got, want)
		}
	}
}

// Source.evidence with each fact's evidence fits the default limit now
// that the Fact union costs its dearest member, not the sum of all eight.
func TestSourceEvidenceFitsDefaultLimit(t *testing.T) {
	es := NewExecutableSchema(&Resolver{})
	op := parseOp(t, es, sourceEvidenceQuery)
	vars := map[string]any{"id": "source:x"}
	got := Cost(context.Background(), es, op, vars)
	if got > config.Defaults.ComplexityLimit {
		t.Errorf("cost %d, over the default limit %d", got, config.Defaults.ComplexityLimit)
	}
	if sum := complexity.Calculate(context.Background(), es, op, vars); sum <= config.Defaults.ComplexityLimit {
		t.Errorf("gqlgen's sum is %d, within the limit: the test no longer shows the difference", sum)
	}
}

// The limit still refuses a huge query, with the code and a message that
// names the cost and the limit.
func TestComplexityLimitRefuses(t *testing.T) {
	es := NewExecutableSchema(&Resolver{})
	ext := &ComplexityLimit{Limit: config.Defaults.ComplexityLimit}
	if err := ext.Validate(es); err != nil {
		t.Fatal(err)
	}
	check := func(q string) *gqlerror.Error {
		doc, errs := gqlparser.LoadQuery(es.Schema(), q)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		oc := &graphql.OperationContext{Doc: doc, Operation: doc.Operations[0]}
		return ext.MutateOperationContext(context.Background(), oc)
	}
	err := check(`{ statements(first: 100) { nodes { speaker { statements(first: 100) { nodes { text } } } } } }`)
	if err == nil {
		t.Fatal("100 × 100 statements accepted")
	}
	// speaker's page: 1 + 100 × 2; a node: 1 + speaker (1 + 201); the outer page: 1 + 100 × 203.
	if err.Message != "operation has complexity 20301, which exceeds the limit of 5000" || err.Extensions["code"] != "COMPLEXITY_LIMIT_EXCEEDED" {
		t.Errorf("error %q %v", err.Message, err.Extensions)
	}
	if err := check(`{ statements(first: 5) { nodes { speaker { statements(first: 5) { nodes { text } } } } } }`); err != nil {
		t.Errorf("modest query refused: %v", err)
	}
}

// TestComplexityRemembersByPageSize checks the memo of costs: the same
// operation with other ids costs what it did, and with another page size
// (a variable) what that size costs, not what the first request's did.
func TestComplexityRemembersByPageSize(t *testing.T) {
	es := NewExecutableSchema(&Resolver{})
	ext := &ComplexityLimit{Limit: config.Defaults.ComplexityLimit}
	if err := ext.Validate(es); err != nil {
		t.Fatal(err)
	}
	const q = `query Q($id: ID!, $n: Int) { entity(id: $id) { ... on Person { statements(first: $n) { nodes { id about { ... on Entity { id } } } } } } }`
	doc, errs := gqlparser.LoadQuery(es.Schema(), q)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	price := func(vars map[string]any) (int, *gqlerror.Error) {
		oc := &graphql.OperationContext{RawQuery: q, Doc: doc, Operation: doc.Operations[0], Variables: vars}
		err := ext.MutateOperationContext(context.Background(), oc)
		stats, _ := oc.Stats.GetExtension("ComplexityLimit").(*extension.ComplexityStats)
		if stats == nil {
			t.Fatal("no complexity stats")
		}
		return stats.Complexity, err
	}
	for _, c := range []struct {
		vars    map[string]any
		refused bool
	}{
		{map[string]any{"id": "person:a", "n": int64(5)}, false},
		{map[string]any{"id": "person:b", "n": int64(5)}, false},
		{map[string]any{"id": "person:a", "n": int64(100)}, false},
		{map[string]any{"id": "person:a", "n": nil}, false},
		{map[string]any{"id": "person:c", "n": int64(5)}, false},
	} {
		want := Cost(context.Background(), es, doc.Operations[0], c.vars)
		got, err := price(c.vars)
		if got != want || (err != nil) != c.refused {
			t.Errorf("%v: cost %d (%v), want %d", c.vars, got, err, want)
		}
	}
	if a, b := Cost(context.Background(), es, doc.Operations[0], map[string]any{"n": int64(5)}),
		Cost(context.Background(), es, doc.Operations[0], map[string]any{"n": int64(100)}); a == b {
		t.Fatalf("page sizes 5 and 100 cost the same (%d): the test shows nothing", a)
	}
}
