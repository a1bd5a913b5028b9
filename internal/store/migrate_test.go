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

// forgetMigrations deletes the markers of the named migrations, or of all
// of them: the database as an older binary left it, which never recorded
// a migration. Tests that write an old shape of the graph by hand call it
// before EnsureSchema, which otherwise (rightly) skips what it has done.
func forgetMigrations(t *testing.T, s *Store, names ...string) {
	t.Helper()
	_, err := neo4j.ExecuteQuery(t.Context(), s.driver, `
MATCH (m:SchemaMigration) WHERE $names = [] OR m.name IN $names DELETE m`,
		map[string]any{"names": names}, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		t.Fatal(err)
	}
}

// migrationMarkers returns how many markers each migration has.
func migrationMarkers(t *testing.T, s *Store) map[string]int64 {
	t.Helper()
	res, err := neo4j.ExecuteQuery(t.Context(), s.driver, `MATCH (m:SchemaMigration) RETURN m.name AS name, count(*) AS n`,
		nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, rec := range res.Records {
		name, _, _ := neo4j.GetRecordValue[string](rec, "name")
		n, _, _ := neo4j.GetRecordValue[int64](rec, "n")
		out[name] = n
	}
	return out
}

// allMarked fails the test unless every migration has exactly one marker.
func allMarked(t *testing.T, s *Store, step string) {
	t.Helper()
	got := migrationMarkers(t, s)
	for _, name := range migrations {
		if got[name] != 1 {
			t.Errorf("%s: %s has %d markers, want 1 (markers %v)", step, name, got[name], got)
		}
	}
	if len(got) != len(migrations) {
		t.Errorf("%s: markers %v, want one for each of %v", step, got, migrations)
	}
}

// unmigrated counts, for each migration, what its WHERE clause still
// finds: the old shape it exists to rewrite.
func unmigrated(t *testing.T, s *Store) map[string]int64 {
	t.Helper()
	res, err := neo4j.ExecuteQuery(t.Context(), s.driver, `
RETURN COUNT { MATCH ()-[r:HOLDS_ROLE|MEMBER_OF|PARTICIPATED_IN]->() WHERE r.evSources IS NOT NULL } AS migrate_evidence_lists,
       COUNT { MATCH (e:Entity) WHERE e.quotedCount IS NULL OR e.mentionedCount IS NULL } AS migrate_entity_counts,
       COUNT { MATCH (st:Statement) WHERE st.newestKey IS NULL OR st.oldestKey IS NULL } AS migrate_statement_keys,
       COUNT { MATCH (n:Event|Topic)-[l:IN_SOURCE]->(:Source) WHERE (n:Event AND l.kind IS NULL) OR (n:Topic AND l.name IS NULL) } AS migrate_event_versions`,
		nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, name := range migrations {
		n, _, err := neo4j.GetRecordValue[int64](res.Records[0], name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = n
	}
	return out
}

// plantOldShapes writes one thing in the old shape for each migration:
// evidence as lists on a role, an entity without counts, a statement
// without keys, an event's and a topic's links without their versions.
func plantOldShapes(t *testing.T, s *Store) {
	t.Helper()
	for _, q := range []string{
		`MATCH (p:Person), (o:Organisation) WITH p, o ORDER BY p.id, o.id LIMIT 1
CREATE (p)-[:HOLDS_ROLE {title: 'Old chair', evSources: ['source:old'], evStarts: [0], evEnds: [3], evExcerpts: ['Old']}]->(o)`,
		`MATCH (e:Entity) WITH e ORDER BY e.id LIMIT 1 REMOVE e.quotedCount, e.mentionedCount`,
		`MATCH (st:Statement) WITH st ORDER BY st.id LIMIT 1 REMOVE st.newestKey, st.oldestKey`,
		`MATCH (ev:Event)-[l:IN_SOURCE]->(:Source) WITH l ORDER BY ev.id LIMIT 1 REMOVE l.kind`,
		`MATCH (tp:Topic)-[l:IN_SOURCE]->(:Source) WITH l ORDER BY tp.id LIMIT 1 REMOVE l.name`,
	} {
		res, err := neo4j.ExecuteQuery(t.Context(), s.driver, q, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
		if err != nil {
			t.Fatal(err)
		}
		if c := res.Summary.Counters(); c.PropertiesSet() == 0 && c.RelationshipsCreated() == 0 {
			t.Fatalf("the seed has nothing for %q to change", q)
		}
	}
}

// Each migration runs until it has completed once, then never again: a
// marked graph's start sends only the schema statements and one read of
// the markers, and leaves old shapes written behind its back alone; a
// graph without a marker (an older binary's) is migrated and marked.
func TestMigrationsRunOnce(t *testing.T) {
	s, _ := seededStore(t)
	ctx := t.Context()
	// emptyStore's EnsureSchema marked every migration and DeleteAll kept
	// the markers; the code then loaded the seed in the migrated shape.
	allMarked(t, s, "after the seed")
	want := map[string]int64{}
	for _, name := range migrations {
		want[name] = 0
	}
	if got := unmigrated(t, s); !maps.Equal(got, want) {
		t.Fatalf("the seed as loaded needs migrating: %v", got)
	}

	plantOldShapes(t, s)
	for _, name := range migrations {
		want[name] = 1
	}
	want["migrate_event_versions"] = 2 // an event's link and a topic's
	if got := unmigrated(t, s); !maps.Equal(got, want) {
		t.Fatalf("after planting the old shapes: %v, want %v", got, want)
	}

	// Marked: no migration runs, so the old shapes stay.
	counted, trips := WithRoundTripCounter(ctx)
	if err := s.EnsureSchema(counted); err != nil {
		t.Fatal(err)
	}
	if got, wantTrips := trips.Load(), int64(len(statements("schema"))+1); got != wantTrips {
		t.Errorf("a marked start sent %d queries, want %d (the schema and the markers)", got, wantTrips)
	}
	if got := unmigrated(t, s); !maps.Equal(got, want) {
		t.Errorf("a marked start migrated: %v, want %v", got, want)
	}

	// One marker gone: that migration alone runs, and is marked again.
	forgetMigrations(t, s, "migrate_statement_keys")
	counted, trips = WithRoundTripCounter(ctx)
	if err := s.EnsureSchema(counted); err != nil {
		t.Fatal(err)
	}
	if got, wantTrips := trips.Load(), int64(len(statements("schema"))+1+2); got != wantTrips {
		t.Errorf("a start with one migration to do sent %d queries, want %d", got, wantTrips)
	}
	want["migrate_statement_keys"] = 0
	if got := unmigrated(t, s); !maps.Equal(got, want) {
		t.Errorf("with statement keys unmarked: %v, want %v", got, want)
	}
	allMarked(t, s, "after migrating the statement keys")

	// No markers, as an older binary leaves the database: all run.
	forgetMigrations(t, s)
	if err := s.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	for _, name := range migrations {
		want[name] = 0
	}
	if got := unmigrated(t, s); !maps.Equal(got, want) {
		t.Errorf("an unmarked start left old shapes: %v", got)
	}
	allMarked(t, s, "after an unmarked start")
}

// A fresh database (no markers, no graph) ends its first start with every
// migration marked, which then costs the next start nothing; the markers
// are not part of the graph Counts measures.
func TestMigrationsMarkAFreshDatabase(t *testing.T) {
	s := emptyStore(t)
	forgetMigrations(t, s)
	if nodes, rels, err := s.Counts(t.Context()); err != nil || nodes != 0 || rels != 0 {
		t.Fatalf("not empty: %d nodes, %d relationships, %v", nodes, rels, err)
	}
	if err := s.EnsureSchema(t.Context()); err != nil {
		t.Fatal(err)
	}
	allMarked(t, s, "after the first start")
	if nodes, rels, err := s.Counts(t.Context()); err != nil || nodes != 0 || rels != 0 {
		t.Errorf("Counts of the marked empty graph: %d nodes, %d relationships, %v; want 0, 0", nodes, rels, err)
	}
	if p, err := s.GraphFingerprint(t.Context()); err != nil || len(p.Nodes) != 0 {
		t.Errorf("the marked empty graph's fingerprint has nodes %v (%v)", p.Nodes, err)
	}
	counted, trips := WithRoundTripCounter(t.Context())
	if err := s.EnsureSchema(counted); err != nil {
		t.Fatal(err)
	}
	if got, want := trips.Load(), int64(len(statements("schema"))+1); got != want {
		t.Errorf("the second start sent %d queries, want %d", got, want)
	}
	// A wipe keeps them.
	if err := s.DeleteAll(t.Context()); err != nil {
		t.Fatal(err)
	}
	allMarked(t, s, "after DeleteAll")
}

// Two servers starting together on an unmarked graph in the old shape
// both succeed, the graph is migrated, and each migration has one marker.
func TestMigrationsConcurrentStarts(t *testing.T) {
	s, _ := seededStore(t)
	plantOldShapes(t, s)
	forgetMigrations(t, s)
	other, err := Open(neo4jtest.Config(t), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close(context.Background()) })
	errs := make(chan error, 2)
	for _, st := range []*Store{s, other} {
		go func() { errs <- st.EnsureSchema(t.Context()) }()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	for name, n := range unmigrated(t, s) {
		if n != 0 {
			t.Errorf("%s: %d still in the old shape", name, n)
		}
	}
	allMarked(t, s, "after two concurrent starts")
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
	forgetMigrations(t, s)
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
	forgetMigrations(t, s)
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
