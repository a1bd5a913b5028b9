package store

import (
	"context"
	"fmt"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"newsgraph/internal/kg"
)

// The look-ups validation makes before a document is loaded: which ids
// exist, and which entities go by a name (ingest.Graph).

// NodeKinds returns, for the ids that exist as entities, events or topics,
// the kind of each.
func (s *Store) NodeKinds(ctx context.Context, ids []string) (map[string]kg.IDKind, error) {
	const op = "store.NodeKinds"
	res, err := s.read(ctx, op, query("nodes_kinds"), map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := map[string]kg.IDKind{}
	for _, rec := range res.Records {
		id, _, _ := neo4j.GetRecordValue[string](rec, "id")
		labels, isNil, err := neo4j.GetRecordValue[[]any](rec, "labels")
		if err != nil || isNil {
			continue
		}
		ls := (row{"l": labels}).strs("l")
		if k, ok := entityKind(ls); ok {
			out[id] = k.IDKind()
		} else if slices.Contains(ls, "Event") {
			out[id] = kg.KindEvent
		} else if slices.Contains(ls, "Topic") {
			out[id] = kg.KindTopic
		}
	}
	return out, nil
}

// SameNames returns, for each folded name key, the ids of existing
// entities of kind whose name or an alias folds to it.
func (s *Store) SameNames(ctx context.Context, kind kg.EntityKind, keys []string) (map[string][]string, error) {
	const op = "store.SameNames"
	label, ok := entityLabels[kind]
	if !ok {
		return nil, fmt.Errorf("%s: unknown kind %q", op, kind)
	}
	res, err := s.read(ctx, op, query("entities_same_name"), map[string]any{"label": label, "keys": keys})
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, rec := range res.Records {
		key, _, _ := neo4j.GetRecordValue[string](rec, "key")
		ids, _, _ := neo4j.GetRecordValue[[]any](rec, "ids")
		out[key] = (row{"i": ids}).strs("i")
	}
	return out, nil
}
