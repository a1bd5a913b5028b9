package graph

import (
	"context"

	"newsgraph/graph/model"
)

func (r *Resolver) topics(ctx context.Context) ([]*model.Topic, error) {
	ts, err := r.Store.Topics(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Topic, len(ts))
	for i, t := range ts {
		out[i] = topicModel(t)
	}
	return out, nil
}
