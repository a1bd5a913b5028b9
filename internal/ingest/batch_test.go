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

func (g *countingGraph) SameNames(context.Context, kg.EntityKind, []string) (map[string][]string, error) {
	return nil, nil
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
