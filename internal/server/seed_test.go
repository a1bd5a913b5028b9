package server

import (
	"context"
	"testing"

	"newsgraph/internal/config"
	"newsgraph/internal/neo4jtest"
)

type zelenskyJSON struct {
	Entities struct {
		Nodes []struct{ ID, Name string }
	}
}

// The server seeds an empty graph at start, and only an empty graph.
func TestSeedsAnEmptyGraphAtStart(t *testing.T) {
	cfg := neo4jtest.Config(t)
	neo4jtest.Lock(t)
	ctx := context.Background()

	s := startServer(t, cfg)
	if err := s.store.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	s.srv.prepare(ctx)
	if !s.srv.prepared.Load() {
		t.Fatal("prepare returned without preparing")
	}
	seeded, _, err := s.store.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if seeded == 0 {
		t.Fatal("nothing was seeded into the empty graph")
	}
	// Round trip: document, Neo4j, GraphQL. Both spellings find Zelensky.
	for _, spelling := range []string{"Zelensky", "Zelenskiy"} {
		var got zelenskyJSON
		s.post(t, `query($n: String) { entities(filter: {name: $n}) { nodes { id name } } }`, map[string]any{"n": spelling}).data(t, &got)
		if len(got.Entities.Nodes) != 1 || got.Entities.Nodes[0].ID != "person:volodymyr-zelensky" {
			t.Errorf("%s found %+v", spelling, got.Entities.Nodes)
		}
	}

	// A graph that holds a source is left alone at the next start.
	if err := s.store.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	loadSeed(t, s)
	before, _, _ := s.store.Counts(ctx)
	again := startServer(t, cfg)
	again.srv.prepare(ctx)
	after, _, _ := again.store.Counts(ctx)
	if after != before {
		t.Errorf("restarting over a loaded graph changed it: %d nodes, then %d", before, after)
	}

	// NEWSGRAPH_SEED=false leaves an empty graph empty.
	if err := s.store.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	off := startServer(t, cfg, func(c *config.Config) { c.Seed = false })
	off.srv.prepare(ctx)
	if n, _, _ := off.store.Counts(ctx); n != 0 {
		t.Errorf("with seeding off, the empty graph got %d nodes", n)
	}
}
