package graph

import (
	"context"
	"fmt"

	"newsgraph/graph/loader"
	"newsgraph/graph/model"
	"newsgraph/internal/kg"
)

// timeline is an entity's (ScopeEntity) or a topic's (ScopeTopic) events
// and statements, oldest first.
func (r *Resolver) timeline(ctx context.Context, scope kg.Scope, id string) ([]*model.TimelineEntry, error) {
	var l *loader.Loader[string, []kg.TimelineEntry]
	switch scope {
	case kg.ScopeEntity:
		l = r.loaders(ctx).EntityTimelines()
	case kg.ScopeTopic:
		l = r.loaders(ctx).TopicTimelines()
	default:
		return nil, fmt.Errorf("graph.timeline: no timeline has scope %q", scope)
	}
	entries, err := l.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	out := make([]*model.TimelineEntry, len(entries))
	for i, e := range entries {
		m := &model.TimelineEntry{Date: optionalDate(e.Date), Relation: e.Relation}
		if e.Event != nil {
			m.Node = eventModel(*e.Event)
		} else {
			m.Node = statementModel(*e.Statement)
		}
		out[i] = m
	}
	return out, nil
}
