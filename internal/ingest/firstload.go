package ingest

import (
	"context"
	"slices"

	"newsgraph/internal/kg"
	"newsgraph/internal/names"
)

// FirstLoad validates the documents of a first load into an empty graph
// (the offline import) in order, each against the rules and against the
// documents accepted before it, exactly as loading them one by one with
// Load would validate each against the graph the earlier ones left: a
// reference may name what an earlier document declared, and a new entity
// may not take an earlier entity's name unless marked distinct.
type FirstLoad struct {
	g memoryGraph
}

// NewFirstLoad starts from an empty graph.
func NewFirstLoad() *FirstLoad {
	return &FirstLoad{g: memoryGraph{kinds: map[string]kg.IDKind{}, names: map[kg.EntityKind]map[string][]string{}}}
}

// Validate checks one document; when it is valid, the documents after it
// see what it declares. An invalid document changes nothing.
func (f *FirstLoad) Validate(ctx context.Context, doc *Document) (*kg.SourceDocument, error) {
	valid, err := ValidateWith(ctx, doc, f.g)
	if err != nil {
		return nil, err
	}
	for _, e := range valid.Entities {
		f.g.kinds[e.ID] = e.Kind.IDKind()
		byKey := f.g.names[e.Kind]
		if byKey == nil {
			byKey = map[string][]string{}
			f.g.names[e.Kind] = byKey
		}
		for _, k := range names.Keys(e.Name, e.Aliases) {
			if !slices.Contains(byKey[k], e.ID) {
				byKey[k] = append(byKey[k], e.ID)
			}
		}
	}
	for _, e := range valid.Events {
		f.g.kinds[e.ID] = kg.KindEvent
	}
	for _, t := range valid.Topics {
		f.g.kinds[t.ID] = kg.KindTopic
	}
	return valid, nil
}

// memoryGraph answers validation's questions from the documents accepted
// so far: which ids exist, and which entities carry a name key.
type memoryGraph struct {
	kinds map[string]kg.IDKind
	names map[kg.EntityKind]map[string][]string
}

func (g memoryGraph) NodeKinds(_ context.Context, ids []string) (map[string]kg.IDKind, error) {
	out := map[string]kg.IDKind{}
	for _, id := range ids {
		if k, ok := g.kinds[id]; ok {
			out[id] = k
		}
	}
	return out, nil
}

func (g memoryGraph) SameNames(_ context.Context, kind kg.EntityKind, keys []string) (map[string][]string, error) {
	out := map[string][]string{}
	for _, k := range keys {
		if ids := g.names[kind][k]; len(ids) > 0 {
			out[k] = slices.Clone(ids)
		}
	}
	return out, nil
}
