package graph

import (
	"context"

	"newsgraph/graph/loader"
	"newsgraph/graph/model"
	"newsgraph/internal/kg"
)

// Helpers behind the resolvers, one file per schema type they serve
// (node.go, entity.go, statement.go, event.go, source.go, topic.go,
// timeline.go): each asks the store or a loader and maps the result.
// Resolvers stay one call long.

func (r *Resolver) loaders(ctx context.Context) *loader.Loaders { return loader.For(ctx, r.Store) }

// node looks up any node by id. A well-formed id that names nothing gives
// null, not an error; a malformed id is the caller's mistake. Root lookups
// go straight to the store: a loader would wait to batch with siblings a
// root field seldom has.
func (r *Resolver) node(ctx context.Context, id string) (model.Node, error) {
	kind, _, err := kg.ParseID("id", id)
	if err != nil {
		return nil, err
	}
	switch kind {
	case kg.KindEvent:
		ev, err := r.eventWithFields(ctx, id)
		if ev == nil || err != nil {
			return nil, err
		}
		return eventModel(*ev), nil
	case kg.KindStatement:
		st, err := first(r.Store.StatementsByID(ctx, []string{id}))
		if st == nil || err != nil {
			return nil, err
		}
		return statementModel(*st), nil
	case kg.KindTopic:
		t, err := first(r.Store.TopicsByID(ctx, []string{id}))
		if t == nil || err != nil {
			return nil, err
		}
		return topicModel(*t), nil
	case kg.KindSource:
		s, err := first(r.Store.SourcesByID(ctx, []string{id}))
		if s == nil || err != nil {
			return nil, err
		}
		return sourceModel(*s), nil
	}
	e, err := r.entity(ctx, id)
	if e == nil || err != nil {
		return nil, err
	}
	return e.(model.Node), nil
}

// first returns the only result of a one-key store lookup.
func first[T any](list []*T, err error) (*T, error) {
	if err != nil || len(list) == 0 {
		return nil, err
	}
	return list[0], nil
}
