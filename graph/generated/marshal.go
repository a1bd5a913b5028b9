package generated

// This file is written by hand; generated.go and concurrent_fields.go are
// generated (go generate: gqlgen, then graph/execpatch).

import (
	"context"
	"strings"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// marshalSlice marshals a list's elements, standing in for gqlgen's
// graphql.MarshalSliceConcurrently at every call in generated.go
// (graph/execpatch rewrites them).
//
// gqlgen starts a goroutine per element so that what the elements resolve
// through per-request loaders is asked for together, in one batch. Where
// nothing under the list resolves through a resolver (concurrentFields),
// every value is already in memory (a root resolver fetched the page and
// its neighbours in one query), and those goroutines only cost: their
// start, their stacks' growth and the scheduler's wake-ups were a tenth of
// the server's CPU on a page of 20 search hits. Such a list is marshalled
// in line, in order, on the caller's goroutine; any other goes to gqlgen.
func marshalSlice(ctx context.Context, length int, workerLimit int64, omitPanicHandler bool, marshalElement func(ctx context.Context, i int) graphql.Marshaler) graphql.Array {
	if length < 2 || waitsOnResolvers(graphql.GetFieldContext(ctx)) {
		return graphql.MarshalSliceConcurrently(ctx, length, workerLimit, omitPanicHandler, marshalElement)
	}
	ret := make(graphql.Array, length)
	for i := range length {
		ret[i] = marshalInLine(graphql.WithFieldContext(ctx, &graphql.FieldContext{Index: &i}), omitPanicHandler, marshalElement, i)
	}
	return ret
}

// noDeferredGroup stands in for graphql.NewDeferredGroup, which every
// object's marshaller in generated.go calls (graph/execpatch rewrites
// them). The schema has no @defer, so no group ever holds a field, and
// gqlgen's only cost: the object's path, built by walking up every field
// above it, an empty field set and a map, for each object marshalled (7%
// of the bytes a Q2 request allocated).
func noDeferredGroup(ctx context.Context) graphql.DeferredGroup {
	return graphql.DeferredGroup{Context: ctx}
}

// marshalInLine catches a panic of one element as gqlgen does: the element
// is null and the error is reported at its path.
func marshalInLine(ctx context.Context, omitPanicHandler bool, marshalElement func(ctx context.Context, i int) graphql.Marshaler, i int) (res graphql.Marshaler) {
	if !omitPanicHandler {
		defer func() {
			if r := recover(); r != nil {
				graphql.AddError(ctx, graphql.Recover(ctx, r))
				res = graphql.Null
			}
		}()
	}
	return marshalElement(ctx, i)
}

// concurrentFields are the fields gqlgen resolves concurrently, as
// Type.field: resolvers, which may wait on a per-request loader.
// concurrent_fields.go sets it; until it does, every list keeps gqlgen's
// way.
var concurrentFields map[string]bool

// concurrentFieldNames are those fields' names whatever the type, for a
// field selected on an interface or a union.
var concurrentFieldNames = sync.OnceValue(func() map[string]bool {
	names := make(map[string]bool, len(concurrentFields))
	for k := range concurrentFields {
		names[k[strings.IndexByte(k, '.')+1:]] = true
	}
	return names
})

// waitsOnResolvers reports whether a list's elements select, at any depth,
// a field gqlgen resolves concurrently (a resolver: it may wait on a
// loader). Without a field context it says yes, keeping gqlgen's way.
func waitsOnResolvers(fc *graphql.FieldContext) bool {
	if fc == nil || concurrentFields == nil {
		return true
	}
	return selectsResolver(fc.Field.Selections, 0)
}

// selectsResolver walks a selection set, fragments included and whatever
// their @skip or @include. A field selected on an object type is looked up
// as Type.field; one selected on an interface or a union, whose concrete
// type is known only per element, counts if any type resolves a field of
// that name.
func selectsResolver(set ast.SelectionSet, depth int) bool {
	if depth > 32 {
		// Deeper than any query the complexity limit lets through: keep
		// gqlgen's way rather than walk on.
		return true
	}
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.ObjectDefinition == nil {
				return true
			}
			if s.ObjectDefinition.Kind == ast.Object {
				if concurrentFields[s.ObjectDefinition.Name+"."+s.Name] {
					return true
				}
			} else if concurrentFieldNames()[s.Name] {
				return true
			}
			if selectsResolver(s.SelectionSet, depth+1) {
				return true
			}
		case *ast.InlineFragment:
			if selectsResolver(s.SelectionSet, depth+1) {
				return true
			}
		case *ast.FragmentSpread:
			if s.Definition == nil || selectsResolver(s.Definition.SelectionSet, depth+1) {
				return true
			}
		}
	}
	return false
}
