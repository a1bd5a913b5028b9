package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"newsgraph/graph/loader"
	"newsgraph/internal/store"
)

// neighbourFields sets, for the whole operation, which neighbours the store
// reads along with statements and facts: a neighbour is read when a field
// of that name appears anywhere in the document. That over-reads at times
// (Role.evidence also turns on statement evidence) but never under-reads,
// and it is the same for every read in the request, so the loaders' caches
// hold one shape. Likewise every page (statements, entities, events,
// sources) counts its list only when totalCount or hasPreviousPage is
// asked for somewhere in the operation (the root lists narrow that to
// their own selection: ownCounts). Search for ids alone, or a page of
// statement text or entity names, then costs a fraction of the db hits.
// Neighbours' details (aliases, descriptions, an event's kind and dates, a
// source's publisher) are read only when a field of theirs is asked for
// somewhere in the operation (store.Fields.Details), statements' text
// only when text or a search snippet is (store.Fields.Text), their kind and
// attribution only when a field of that name is (Fields.Meta), and the
// parts of their cursors only when a cursor is (Fields.Keys).
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
				case "text", "snippet":
					// A search hit's snippet is cut from the statement's text.
					f.Text = true
				case "totalCount", "hasPreviousPage":
					f.Counts = true
				case "aliases", "description", "endDate", "location", "publisher", "url", "publishedAt":
					f.Details = true
				case "kind", "date":
					// An event's kind and date are details; a statement's
					// date is always read and its kind is Meta (a Person's
					// kind comes from its labels). An unresolved field
					// counts as both, to never under-read.
					onEvent := s.ObjectDefinition == nil || s.ObjectDefinition.Name == "Event"
					f.Details = f.Details || onEvent
					f.Meta = f.Meta || s.Name == "kind" && (s.ObjectDefinition == nil || !onEvent)
				case "attribution":
					f.Meta = true
				case "cursor", "startCursor", "endCursor":
					f.Keys = true
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

// ownCounts narrows the request's Counts to the list being resolved, for
// a list read by a query of its own (the root entities, events, sources
// and statements): it counts only when its own totalCount or pageInfo {
// hasPreviousPage } is selected. The operation-wide flag (neighbourFields)
// would have { entities { nodes { statements { totalCount } } } } count
// every entity for a total nobody asked for. Lists read through a loader
// keep the operation's flag: their batches and cache share one shape.
func ownCounts(ctx context.Context) context.Context {
	f := store.FieldsOf(ctx)
	if !f.Counts || graphql.GetFieldContext(ctx) == nil || graphql.GetOperationContext(ctx) == nil {
		return ctx
	}
	f.Counts = countsSelected(ctx)
	return store.WithFields(ctx, f)
}

// countsSelected says whether the connection field being resolved selects
// totalCount or pageInfo { hasPreviousPage }, through fragments too and
// minding @skip and @include, as gqlgen resolves the selection.
func countsSelected(ctx context.Context) bool {
	oc := graphql.GetOperationContext(ctx)
	for _, c := range graphql.CollectFieldsCtx(ctx, nil) {
		switch c.Name {
		case "totalCount":
			return true
		case "pageInfo":
			for _, p := range graphql.CollectFields(oc, c.Selections, nil) {
				if p.Name == "hasPreviousPage" {
					return true
				}
			}
		}
	}
	return false
}

// loaderFields are the fields whose resolvers call a loader, by name, with
// the loaders each may call. A name stands for that field on every type
// (Statement.text is counted as if it were Source.text): counting too many
// only makes a loader batch when it need not have.
var loaderFields = map[string]loader.Kind{
	"text":           loader.KindSourceTexts,
	"roles":          loader.KindRolesOfPeople,
	"leaders":        loader.KindRolesIn,
	"memberships":    loader.KindMembershipsOf,
	"members":        loader.KindMembersOf,
	"participants":   loader.KindParticipations,
	"evidence":       loader.KindEventEvidence | loader.KindSourceEvidence,
	"sources":        loader.KindSourcesNaming,
	"entities":       loader.KindEntitiesIn,
	"quotedCount":    loader.KindEntityCounts,
	"mentionedCount": loader.KindEntityCounts,
	"timeline":       loader.KindEntityTimelines | loader.KindTopicTimelines,
	"statements":     loader.KindStatementPages,
	"mentions":       loader.KindStatementPages,
	"events":         loader.KindEventPages,
}

// loneLoaders tells the loaders which of them at most one field of the
// operation can call (loader.WithAlone): such a loader, asked from a place
// that resolves once (no list above it with more than one item), fetches
// at once instead of waiting for a batch no other key can join. A field
// inside a fragment counts once for every place the fragment is spread.
func loneLoaders(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	if oc == nil || oc.Doc == nil || oc.Operation == nil {
		return next(ctx)
	}
	var alone loader.Kind
	for i, n := range loaderCalls(oc.Doc, oc.Operation.SelectionSet) {
		if n <= 1 {
			alone |= 1 << i
		}
	}
	return next(loader.WithAlone(ctx, alone))
}

// kinds is how many fields of a selection call each loader (bit i of
// loader.Kind at index i), counted up to 2: enough to know "more than one".
type kinds [16]uint8

func (k *kinds) add(o kinds) {
	for i := range k {
		k[i] = min(k[i]+o[i], 2)
	}
}

func loaderCalls(doc *ast.QueryDocument, set ast.SelectionSet) kinds {
	frags := map[string]*kinds{}
	var walk func(ast.SelectionSet) kinds
	walk = func(set ast.SelectionSet) kinds {
		var n kinds
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				for i, k := 0, loaderFields[s.Name]; k != 0; i, k = i+1, k>>1 {
					if k&1 != 0 {
						n[i] = min(n[i]+1, 2)
					}
				}
				n.add(walk(s.SelectionSet))
			case *ast.InlineFragment:
				n.add(walk(s.SelectionSet))
			case *ast.FragmentSpread:
				f, ok := frags[s.Name]
				if !ok {
					frags[s.Name] = &kinds{} // a cycle (invalid anyway) counts nothing
					var fk kinds
					if def := doc.Fragments.ForName(s.Name); def != nil {
						fk = walk(def.SelectionSet)
					}
					f = &fk
					frags[s.Name] = f
				}
				n.add(*f)
			}
		}
		return n
	}
	return walk(set)
}
