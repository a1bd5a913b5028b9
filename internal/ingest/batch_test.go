package ingest

import (
	"context"
	"slices"
	"testing"

	"newsgraph/internal/kg"
)

// countingGraph is a Graph over a fixed map that counts its lookups. It
// tests only the batching of lookups; validation against Neo4j is tested
// with the real store (load_test.go).
type countingGraph struct {
	nodes map[string]kg.IDKind
	calls [][]string
	names map[string][]string // name key → ids, for SameNames
	named [][]string          // the keys of each SameNames call
}

func (g *countingGraph) NodeKinds(_ context.Context, ids []string) (map[string]kg.IDKind, error) {
	g.calls = append(g.calls, slices.Clone(ids))
	out := map[string]kg.IDKind{}
	for _, id := range ids {
		if k, ok := g.nodes[id]; ok {
			out[id] = k
		}
	}
	return out, nil
}

func (g *countingGraph) SameNames(_ context.Context, _ kg.EntityKind, keys []string) (map[string][]string, error) {
	g.named = append(g.named, slices.Clone(keys))
	out := map[string][]string{}
	for _, k := range keys {
		if ids, ok := g.names[k]; ok {
			out[k] = ids
		}
	}
	return out, nil
}

// The name keys of the entities a batch declares new are looked up once
// per kind for the whole batch, not once per document; entities the graph
// holds are not looked up.
func TestBatchNameLookupIsOnePerKind(t *testing.T) {
	g := &countingGraph{nodes: map[string]kg.IDKind{"person:a": kg.KindPerson}, names: map[string][]string{"ann lee": {"person:x"}}}
	docs := []*Document{
		{Entities: []EntityInput{{ID: "person:a", Kind: "PERSON", Name: "Ann Old"}, {ID: "person:b", Kind: "PERSON", Name: "Ann Lee"}}},
		{Entities: []EntityInput{{ID: "person:c", Kind: "PERSON", Name: "Bo Ray", Aliases: []string{"Ray"}}, {ID: "nation:n", Kind: "NATION", Name: "Nowhere"}}},
	}
	b, err := lookUpBatch(context.Background(), g, docs)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.named) != 2 { // persons, nations
		t.Fatalf("%d name lookups, want one per kind: %v", len(g.named), g.named)
	}
	got, _ := b.SameNames(context.Background(), kg.EntityKind("PERSON"), []string{"ann lee", "bo ray", "ray"})
	if len(g.named) != 2 || !slices.Equal(got["ann lee"], []string{"person:x"}) || len(got) != 1 {
		t.Errorf("SameNames from the batch: %v, calls %v", got, g.named)
	}
	if slices.ContainsFunc(g.named, func(keys []string) bool { return slices.Contains(keys, "ann old") }) {
		t.Errorf("looked up the name of an entity the graph holds: %v", g.named)
	}
	// A key the batch never asked about still goes to the graph.
	b.SameNames(context.Background(), kg.EntityKind("PERSON"), []string{"ann lee", "zed"})
	if len(g.named) != 3 || !slices.Equal(g.named[2], []string{"zed"}) {
		t.Errorf("unasked key: calls %v", g.named)
	}
}

func TestBatchLookupIsOneRoundTrip(t *testing.T) {
	g := &countingGraph{nodes: map[string]kg.IDKind{"person:a": kg.KindPerson, "topic:t": kg.KindTopic}}
	docs := []*Document{
		{Entities: []EntityInput{{ID: "person:b"}}, Statements: []StatementInput{{Speaker: "person:a", Topics: []string{"topic:t"}}}},
		{Roles: []RoleInput{{Person: "person:a", Of: "nation:x"}}},
	}
	b, err := lookUpBatch(context.Background(), g, docs)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		ids  []string
		want map[string]kg.IDKind
	}{
		{[]string{"person:a", "person:b"}, map[string]kg.IDKind{"person:a": kg.KindPerson}},
		{[]string{"topic:t", "nation:x"}, map[string]kg.IDKind{"topic:t": kg.KindTopic}},
		{nil, map[string]kg.IDKind{}},
	} {
		got, err := b.NodeKinds(context.Background(), tc.ids)
		if err != nil || len(got) != len(tc.want) {
			t.Errorf("NodeKinds(%v) = %v, %v; want %v", tc.ids, got, err, tc.want)
		}
		for id, k := range tc.want {
			if got[id] != k {
				t.Errorf("NodeKinds(%v)[%s] = %v, want %v", tc.ids, id, got[id], k)
			}
		}
	}
	if len(g.calls) != 1 {
		t.Fatalf("%d lookups for ids the batch mentions, want 1: %v", len(g.calls), g.calls)
	}
	// An id the batch never mentioned still goes to the graph.
	got, _ := b.NodeKinds(context.Background(), []string{"person:a", "topic:t", "person:zzz"})
	if len(g.calls) != 2 || !slices.Equal(g.calls[1], []string{"person:zzz"}) || len(got) != 2 {
		t.Errorf("unmentioned id: calls %v, answer %v", g.calls, got)
	}
}
