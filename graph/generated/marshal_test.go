package generated

import (
	"context"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// listField parses and validates query against the schema and returns the
// field named list (the first one met, depth first).
func listField(t *testing.T, query, list string) *ast.Field {
	t.Helper()
	doc, errs := gqlparser.LoadQuery(parsedSchema, query)
	if errs != nil {
		t.Fatalf("query does not validate: %v", errs)
	}
	var find func(ast.SelectionSet) *ast.Field
	find = func(set ast.SelectionSet) *ast.Field {
		for _, sel := range set {
			var sub ast.SelectionSet
			switch s := sel.(type) {
			case *ast.Field:
				if s.Name == list {
					return s
				}
				sub = s.SelectionSet
			case *ast.InlineFragment:
				sub = s.SelectionSet
			case *ast.FragmentSpread:
				sub = s.Definition.SelectionSet
			}
			if f := find(sub); f != nil {
				return f
			}
		}
		return nil
	}
	f := find(doc.Operations[0].SelectionSet)
	if f == nil {
		t.Fatalf("no field %q in %s", list, query)
	}
	return f
}

func TestSelectsResolver(t *testing.T) {
	tests := []struct {
		name, query, list string
		want              bool
	}{
		{"a page of statements and their neighbours (Q2)", `query($id: ID!) { entity(id: $id) { statements(first: 20) { nodes { id text date speaker { id name } about { id } evidence { start end excerpt source { id title } } } } } }`, "nodes", false},
		{"search hits (Q4)", `{ search(query: "x", first: 20) { node { id ... on Entity { name } } score } }`, "search", false},
		{"a person's roles (Q1)", `query($id: ID!) { entity(id: $id) { ... on Person { roles { title of { id name } } } } }`, "roles", false},
		{"participants' statements go through a loader (Q3)", `query($e: ID!) { node(id: $e) { ... on Event { participants { entity { id statements(first: 5) { nodes { id } } } } } } }`, "participants", true},
		{"a resolver on an object type, under a fragment", `{ statements(first: 5) { nodes { about { ... on Person { roles { title } } } } } }`, "nodes", true},
		{"a resolver behind a named fragment", `query { statements(first: 5) { nodes { ...S } } } fragment S on Statement { speaker { ... on Nation { leaders { title } } } }`, "nodes", true},
		{"an interface field named like a resolver counts", `{ statements(first: 5) { nodes { speaker { quotedCount } } } }`, "nodes", true},
		{"a source's text is a resolver; a statement's is not", `{ sources(first: 5) { nodes { id text } } }`, "nodes", true},
		{"a statement's evidence and text are in memory", `{ statements(first: 5) { nodes { text evidence { excerpt } } } }`, "nodes", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := listField(t, tt.query, tt.list)
			if got := selectsResolver(f.SelectionSet, 0); got != tt.want {
				t.Errorf("selectsResolver = %v, want %v", got, tt.want)
			}
		})
	}
}

// listContext is a request's context inside the list field named list.
func listContext(t *testing.T, query, list string) context.Context {
	t.Helper()
	f := listField(t, query, list)
	ctx := graphql.WithResponseContext(context.Background(), graphql.DefaultErrorPresenter, graphql.DefaultRecover)
	return graphql.WithFieldContext(ctx, &graphql.FieldContext{Field: graphql.CollectedField{Field: f, Selections: f.SelectionSet}})
}

func TestMarshalSliceInLine(t *testing.T) {
	ctx := listContext(t, `{ statements(first: 5) { nodes { id text } } }`, "nodes")
	var running, order []int
	var mu sync.Mutex
	got := marshalSlice(ctx, 4, 0, false, func(ctx context.Context, i int) graphql.Marshaler {
		mu.Lock()
		running = append(running, i)
		inFlight := len(running)
		mu.Unlock()
		if inFlight != 1 {
			t.Errorf("element %d runs beside another", i)
		}
		if idx := graphql.GetFieldContext(ctx).Index; idx == nil || *idx != i {
			t.Errorf("element %d has index %v", i, idx)
		}
		time.Sleep(time.Millisecond)
		mu.Lock()
		running = running[:0]
		order = append(order, i)
		mu.Unlock()
		if i == 2 {
			panic("element 2")
		}
		return graphql.MarshalInt(i)
	})
	if len(order) != 4 || order[0] != 0 || order[1] != 1 || order[2] != 2 || order[3] != 3 {
		t.Errorf("elements ran in order %v, want 0 1 2 3", order)
	}
	if got[2] != graphql.Null || got[3] == graphql.Null {
		t.Errorf("a panicking element gives null, and only it: %v", got)
	}
	if errs := graphql.GetErrors(ctx); len(errs) != 1 {
		t.Errorf("the panic is reported once: %v", errs)
	}
}

func TestMarshalSliceConcurrentUnderResolvers(t *testing.T) {
	ctx := listContext(t, `query($e: ID!) { node(id: $e) { ... on Event { participants { entity { id statements(first: 5) { nodes { id } } } } } } }`, "participants")
	// Each element waits until all have started: only concurrent
	// elements, as loaders need to batch, get past it.
	const n = 3
	var started atomic.Int32
	all := make(chan struct{})
	got := marshalSlice(ctx, n, 0, false, func(ctx context.Context, i int) graphql.Marshaler {
		if started.Add(1) == n {
			close(all)
		}
		select {
		case <-all:
			return graphql.MarshalInt(i)
		case <-time.After(5 * time.Second):
			t.Errorf("element %d waited alone: the elements did not run concurrently", i)
			return graphql.Null
		}
	})
	for i, m := range got {
		if m == graphql.Null {
			t.Errorf("element %d is null", i)
		}
	}
}

// TestNoDeferredGroups checks that go generate left no object building
// gqlgen's deferred group (its path, field set and map), and that the
// stand-in keeps the context and holds no deferred field.
func TestNoDeferredGroups(t *testing.T) {
	src, err := os.ReadFile("generated.go")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(src), "graphql.NewDeferredGroup("); n > 0 {
		t.Errorf("generated.go calls graphql.NewDeferredGroup %d times: run go generate ./... (graph/execpatch)", n)
	}
	if strings.Count(string(src), "noDeferredGroup(ctx)") == 0 {
		t.Error("generated.go never calls noDeferredGroup")
	}
	ctx := context.WithValue(context.Background(), struct{}{}, 1)
	if g := noDeferredGroup(ctx); g.Context != ctx || len(g.Defers) != 0 || g.Path != nil {
		t.Errorf("noDeferredGroup = %+v", g)
	}
}
