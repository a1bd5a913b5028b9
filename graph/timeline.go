package graph

import (
	"context"

	"newsgraph/graph/model"
)

// timeline is an entity's or a topic's events and statements, oldest first.
func (r *Resolver) timeline(ctx context.Context, topic bool, id string) ([]*model.TimelineEntry, error) {
	l := r.loaders(ctx).EntityTimelines
	if topic {
		l = r.loaders(ctx).TopicTimelines
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
