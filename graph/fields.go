package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"newsgraph/internal/store"
)

// neighbourFields sets, for the whole operation, which neighbours the store
// reads along with statements and facts: a neighbour is read when a field
// of that name appears anywhere in the document. That over-reads at times
// (Role.evidence also turns on statement evidence) but never under-reads,
// and it is the same for every read in the request, so the loaders' caches
// hold one shape. Likewise statement pages count their statements only
// when totalCount or hasPreviousPage is asked for. Search for ids alone, or
// a page of statement text, then costs a fraction of the db hits.
func neighbourFields(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	if oc == nil || oc.Doc == nil {
		return next(ctx)
	}
	var f store.Fields
	seen := map[string]bool{}
	var walk func(ast.SelectionSet)
	walk = func(set ast.SelectionSet) {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				switch s.Name {
				case "speaker":
					f.Speaker = true
				case "about":
					f.About = true
				case "event":
					f.Event = true
				case "topics":
					f.Topics = true
				case "evidence":
					f.Evidence = true
				case "totalCount", "hasPreviousPage":
					f.Counts = true
				}
				walk(s.SelectionSet)
			case *ast.InlineFragment:
				walk(s.SelectionSet)
			case *ast.FragmentSpread:
				if !seen[s.Name] {
					seen[s.Name] = true
					if def := oc.Doc.Fragments.ForName(s.Name); def != nil {
						walk(def.SelectionSet)
					}
				}
			}
		}
	}
	if oc.Operation != nil {
		walk(oc.Operation.SelectionSet)
	}
	return next(store.WithFields(ctx, f))
}
