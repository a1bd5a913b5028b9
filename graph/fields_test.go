package graph

import (
	"context"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"newsgraph/graph/loader"
	"newsgraph/internal/store"
)

// Which loaders one field alone can call: a name counts wherever it
// appears, and a fragment's fields once for every spread.
func TestLoaderCalls(t *testing.T) {
	alone := func(q string) loader.Kind {
		t.Helper()
		doc, err := parser.ParseQuery(&ast.Source{Input: q})
		if err != nil {
			t.Fatal(err)
		}
		var k loader.Kind
		for i, n := range loaderCalls(doc, doc.Operations[0].SelectionSet) {
			if n <= 1 {
				k |= 1 << i
			}
		}
		return k
	}
	for _, c := range []struct {
		q      string
		kind   loader.Kind
		isLone bool
	}{
		{`{ node(id: "s") { ... on Statement { speaker { sources { title } } } } }`, loader.KindSourcesNaming, true},
		{`{ node(id: "s") { ... on Statement { speaker { sources { title } } about { ... on Entity { sources { title } } } } } }`, loader.KindSourcesNaming, false},
		{`{ a: node(id: "t") { ... on Topic { statements { totalCount } } } b: node(id: "u") { ... on Topic { mentions: statements { totalCount } } } }`, loader.KindStatementPages, false},
		{`{ node(id: "s") { ...F } } fragment F on Source { evidence { start } }`, loader.KindSourceEvidence, true},
		{`{ a: node(id: "s") { ...F } b: node(id: "t") { ...F } } fragment F on Source { evidence { start } }`, loader.KindSourceEvidence, false},
		{`{ a: node(id: "s") { ...F } } fragment F on Source { evidence { start } ...G } fragment G on Source { evidence { end } }`, loader.KindEventEvidence, false},
		{`{ node(id: "s") { ... on Person { quotedCount mentionedCount } } }`, loader.KindEntityCounts, false},
	} {
		if got := alone(c.q)&c.kind != 0; got != c.isLone {
			t.Errorf("%s: alone %v for kind %b, want %v", c.q, got, c.kind, c.isLone)
		}
	}
}

// TestNeighbourFieldsMetaAndKeys checks when statements carry their kind
// and attribution (Meta) and their cursors' parts (Keys): only when the
// operation asks for a field that shows them.
func TestNeighbourFieldsMetaAndKeys(t *testing.T) {
	es := NewExecutableSchema(&Resolver{})
	for _, c := range []struct {
		q          string
		meta, keys bool
	}{
		{`{ statements { nodes { id text date } } }`, false, false},
		{`{ statements { nodes { id kind } } }`, true, false},
		{`{ statements { nodes { id attribution } } }`, true, false},
		{`{ statements { edges { cursor node { id } } } }`, false, true},
		{`{ statements { pageInfo { endCursor } nodes { id } } }`, false, true},
		{`{ statements { pageInfo { startCursor hasNextPage } } }`, false, true},
		{`{ statements { nodes { ...S } } } fragment S on Statement { kind }`, true, false},
		// An event's kind is one of its details, not a statement's Meta.
		{`{ events { nodes { kind } } }`, false, false},
		{`{ statements { pageInfo { hasNextPage } nodes { event { kind } } } }`, false, false},
	} {
		doc, errs := gqlparser.LoadQuery(es.Schema(), c.q)
		if len(errs) > 0 {
			t.Fatalf("%s: %v", c.q, errs)
		}
		ctx := graphql.WithOperationContext(context.Background(), &graphql.OperationContext{Doc: doc, Operation: doc.Operations[0]})
		var f store.Fields
		neighbourFields(ctx, func(ctx context.Context) graphql.ResponseHandler {
			f = store.FieldsOf(ctx)
			return nil
		})
		if f.Meta != c.meta || f.Keys != c.keys {
			t.Errorf("%s: Meta %v, Keys %v; want %v, %v", c.q, f.Meta, f.Keys, c.meta, c.keys)
		}
	}
}
