package store

import (
	"context"
	"fmt"

	"newsgraph/internal/kg"
)

// Topics returns every topic, by name.
func (s *Store) Topics(ctx context.Context) ([]kg.Topic, error) {
	const op = "store.Topics"
	res, err := s.read(ctx, op, query("topics_all"), nil)
	if err != nil {
		return nil, err
	}
	out := make([]kg.Topic, 0, len(res.Records))
	for _, rec := range res.Records {
		v, _ := rec.Get("t")
		r, ok := asRow(v)
		if !ok {
			return nil, fmt.Errorf("%s: topic is %T", op, v)
		}
		out = append(out, kg.Topic{ID: r.str("id"), Name: r.str("name")})
	}
	return out, nil
}

// TopicsByID returns topics in the order of ids; nil where absent.
func (s *Store) TopicsByID(ctx context.Context, ids []string) ([]*kg.Topic, error) {
	const op = "store.TopicsByID"
	res, err := s.read(ctx, op, query("topics_by_id"), map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	return perKey(res.Records, len(ids), "t", func(v any) (*kg.Topic, error) {
		r, _ := asRow(v)
		return &kg.Topic{ID: r.str("id"), Name: r.str("name")}, nil
	})
}
