package graph

import (
	"context"

	"newsgraph/graph/generated"
	"newsgraph/graph/model"
	"newsgraph/internal/kg"
)

func (r *queryResolver) Node(ctx context.Context, id string) (model.Node, error) {
	return r.node(ctx, id)
}

func (r *queryResolver) Entity(ctx context.Context, id string) (model.Entity, error) {
	return r.entity(ctx, id)
}

func (r *queryResolver) Entities(ctx context.Context, filter *model.EntityFilter, first *int, after *string) (*model.EntityConnection, error) {
	n, err := kg.PageSize(first)
	if err != nil {
		return nil, err
	}
	page, err := r.Store.Entities(ctx, entityFilter(filter), n, after)
	if err != nil {
		return nil, err
	}
	return entityConnection(page), nil
}

func (r *Resolver) Query() generated.QueryResolver { return &queryResolver{r} }

type queryResolver struct{ *Resolver }
