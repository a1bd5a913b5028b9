package graph

import (
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"newsgraph/graph/loader"
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
