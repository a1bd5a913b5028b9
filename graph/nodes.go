package graph

import (
	"context"
	"errors"

	"newsgraph/graph/model"
	"newsgraph/internal/kg"
)

// node looks up any node by id. A well-formed id that names nothing gives
// null, not an error; a malformed id is the caller's mistake.
func (r *Resolver) node(ctx context.Context, id string) (model.Node, error) {
	kind, _, err := kg.ParseID("id", id)
	if err != nil {
		return nil, err
	}
	if _, ok := kg.EntityKindOf(kind); ok {
		e, err := r.entity(ctx, id)
		if e == nil || err != nil {
			return nil, err
		}
		return e.(model.Node), nil
	}
	// Events, statements, topics and sources are not in the API yet.
	return nil, nil
}

// entity looks up an entity by id; null when absent or not an entity's id.
func (r *Resolver) entity(ctx context.Context, id string) (model.Entity, error) {
	kind, _, err := kg.ParseID("id", id)
	if err != nil {
		return nil, err
	}
	if _, ok := kg.EntityKindOf(kind); !ok {
		return nil, nil
	}
	e, err := r.Store.Entity(ctx, id)
	if errors.Is(err, kg.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return entityModel(e), nil
}
