package store

import (
	"context"
	"io"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"newsgraph/internal/kg"
	"newsgraph/internal/neo4jtest"
	"newsgraph/seed"
)

// openStore opens the test database, holding its lock for the test, with
// a minute for each query (loading the seed on a busy machine): these tests
// write old shapes of the graph by hand, in this package.
func openStore(t *testing.T) *Store {
	t.Helper()
	neo4jtest.Lock(t)
	cfg := neo4jtest.Config(t)
	cfg.QueryTimeout = time.Minute
	s, err := Open(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	return s
}

// emptyStore is openStore with the schema in place and the graph empty.
func emptyStore(t *testing.T) *Store {
	t.Helper()
	s := openStore(t)
	if err := s.EnsureSchema(t.Context()); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAll(t.Context()); err != nil {
		t.Fatal(err)
	}
	return s
}

// seededStore is emptyStore with the seed documents loaded one by one.
func seededStore(t *testing.T) (*Store, []*kg.SourceDocument) {
	t.Helper()
	s := emptyStore(t)
	docs, err := seed.Documents()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if _, err := s.LoadDocument(t.Context(), d); err != nil {
			t.Fatal(err)
		}
	}
	return s, docs
}

// rerunWritesNothing runs a migration again and fails the test if it set
// any property: migrations must be idempotent.
func rerunWritesNothing(t *testing.T, s *Store, name string) {
	t.Helper()
	res, err := neo4j.ExecuteQuery(t.Context(), s.driver, query(name), nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		t.Fatal(err)
	}
	if n := res.Summary.Counters().PropertiesSet(); n != 0 {
		t.Errorf("%s run again set %d properties", name, n)
	}
}

// A graph written before evidence moved to its own relationships keeps its
// evidence: EnsureSchema moves the lists, and reads find them.
func TestMigrateEvidenceLists(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	if err := s.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	// The old shape: evidence as parallel lists on the fact relationship.
	_, err := neo4j.ExecuteQuery(ctx, s.driver, `
CREATE (:Source {id: 'source:old', title: 'Old', text: 'Ana is the Chair of the Board.', sortDate: ''})
CREATE (p:Entity:Person {id: 'person:ana', name: 'Ana', sortKey: 'ana', aliases: [], nameKeys: ['ana']})
CREATE (o:Entity:Organisation {id: 'organisation:board', name: 'Board', sortKey: 'board', aliases: [], nameKeys: ['board']})
CREATE (p)-[:HOLDS_ROLE {title: 'Chair', evSources: ['source:old'], evStarts: [0], evEnds: [30], evExcerpts: ['Ana is the Chair of the Board.']}]->(o)`,
		nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	roles, err := s.RolesOfPeople(ctx, []string{"person:ana"})
	if err != nil {
		t.Fatal(err)
	}
	if len(roles[0]) != 1 || len(roles[0][0].Evidence) != 1 || roles[0][0].Evidence[0].Excerpt != "Ana is the Chair of the Board." ||
		roles[0][0].Evidence[0].SourceID != "source:old" {
		t.Fatalf("roles after the migration: %+v", roles)
	}
	res, err := neo4j.ExecuteQuery(ctx, s.driver, `MATCH ()-[r:HOLDS_ROLE]->() RETURN r.evSources IS NULL AS gone`,
		nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		t.Fatal(err)
	}
	if gone, _, _ := neo4j.GetRecordValue[bool](res.Records[0], "gone"); !gone {
		t.Error("the old lists are still on the relationship")
	}
	// Running it again changes nothing.
	n1, r1, _ := s.Counts(ctx)
	if err := s.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	if n2, r2, _ := s.Counts(ctx); n1 != n2 || r1 != r2 {
		t.Errorf("a second migration changed the counts: %d/%d → %d/%d", n1, r1, n2, r2)
	}
}

// A graph loaded before entities kept their statement counts gets them at
// start: EnsureSchema counts them for the entities that lack them, in
// batches, and a second run changes nothing.
func TestMigrateEntityCounts(t *testing.T) {
	s, docs := seededStore(t)
	ctx := context.Background()
	want := map[string]kg.EntityCounts{}
	for _, d := range docs {
		for _, e := range d.Entities {
			want[e.ID] = want[e.ID]
		}
		for _, st := range d.Statements {
			c := want[st.SpeakerID]
			c.Quoted++
			want[st.SpeakerID] = c
			for _, a := range st.AboutIDs {
				if !strings.HasPrefix(a, "event:") {
					c := want[a]
					c.Mentioned++
					want[a] = c
				}
			}
		}
	}
	cypher := func(q string) []*neo4j.Record {
		t.Helper()
		res, err := neo4j.ExecuteQuery(ctx, s.driver, q, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
		if err != nil {
			t.Fatal(err)
		}
		return res.Records
	}
	stored := func() map[string]*kg.EntityCounts {
		t.Helper()
		ids := slices.Sorted(maps.Keys(want))
		cs, err := s.EntityCounts(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]*kg.EntityCounts{}
		for i, id := range ids {
			out[id] = cs[i]
		}
		return out
	}
	// The old shape: no counts at all, or (a half-done write) only one.
	cypher(`MATCH (e:Entity) WHERE e.id <> 'person:emmanuel-macron' REMOVE e.quotedCount, e.mentionedCount`)
	cypher(`MATCH (e:Entity {id: 'person:emmanuel-macron'}) REMOVE e.mentionedCount SET e.quotedCount = 999`)
	for id, c := range stored() {
		if c != nil {
			t.Fatalf("%s still has counts %+v after they were removed", id, *c)
		}
	}
	if err := s.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	got := stored()
	for id, w := range want {
		if got[id] == nil || *got[id] != w {
			t.Errorf("%s: counts after the migration %v, want %+v", id, got[id], w)
		}
	}
	if want["person:emmanuel-macron"].Quoted == 0 || want["nation:ukraine"].Mentioned == 0 {
		t.Fatalf("the seed should quote Macron and mention Ukraine: %+v", want)
	}
	// Running it again writes nothing.
	n1, r1, _ := s.Counts(ctx)
	rerunWritesNothing(t, s, "migrate_entity_counts")
	if n2, r2, _ := s.Counts(ctx); n1 != n2 || r1 != r2 {
		t.Errorf("a second migration changed the graph: %d/%d → %d/%d", n1, r1, n2, r2)
	}
}
