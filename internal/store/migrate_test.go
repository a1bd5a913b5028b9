package store

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"newsgraph/internal/neo4jtest"
)

// A graph written before evidence moved to its own relationships keeps its
// evidence: EnsureSchema moves the lists, and reads find them.
func TestMigrateEvidenceLists(t *testing.T) {
	cfg := neo4jtest.Config(t)
	neo4jtest.Lock(t)
	s, err := Open(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	ctx := context.Background()
	if err := s.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	// The old shape: evidence as parallel lists on the fact relationship.
	_, err = neo4j.ExecuteQuery(ctx, s.driver, `
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
