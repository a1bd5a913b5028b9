package graph

import (
	"context"

	"newsgraph/graph/loader"
	"newsgraph/graph/model"
	"newsgraph/internal/kg"
)

// statements answers every statement connection: top level (ScopeNone) in
// one store call, nested ones through the page loader so that the pages of
// all parents come back in one round trip.
func (r *Resolver) statements(ctx context.Context, scope kg.Scope, anchor string, filter *model.StatementFilter, first *int, after *string, order *kg.StatementOrder) (*model.StatementConnection, error) {
	return r.statementsIn(ctx, scope, anchor, orderedFilter(filter, order), first, after)
}

// statementsIn is statements with a domain filter; it also answers the
// statements behind a count or a network edge, through the loader, so the
// pages of every bucket come back in one round trip.
func (r *Resolver) statementsIn(ctx context.Context, scope kg.Scope, anchor string, f kg.StatementFilter, first *int, after *string) (*model.StatementConnection, error) {
	n, err := kg.PageSize(first)
	if err != nil {
		return nil, err
	}
	var page kg.Page[kg.Statement]
	if scope == kg.ScopeNone {
		// Read alone, not through the loader: it may count for its own
		// selection (ownCounts).
		pages, err := r.Store.StatementPages(ownCounts(ctx), scope, []string{""}, f, n, after)
		if err != nil {
			return nil, err
		}
		page = pages[0]
	} else if page, err = r.loaders(ctx).StatementPages().Load(ctx, loader.StatementPageKey(scope, anchor, f, n, after)); err != nil {
		return nil, err
	}
	return (*model.StatementConnection)(connection(page, statementModel, statementEdge)), nil
}
