package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// schemaStatements splits cypher/schema.cypher into statements, dropping comments.
func schemaStatements() []string {
	var stmts []string
	var cur strings.Builder
	for _, line := range strings.Split(query("schema"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "//") {
			continue
		}
		cur.WriteString(line)
		if strings.HasSuffix(line, ";") {
			stmts = append(stmts, strings.TrimSuffix(cur.String(), ";"))
			cur.Reset()
		} else {
			cur.WriteByte(' ')
		}
	}
	return stmts
}

// EnsureSchema creates the constraints and indexes the queries rely on. It is
// idempotent, so every start runs it. Schema changes cannot share a
// transaction with each other, so each runs alone.
func (s *Store) EnsureSchema(ctx context.Context) error {
	// Replicas starting together race to create the same schema; Neo4j
	// answers the loser with a transient deadlock, which retry absorbs.
	for _, stmt := range schemaStatements() {
		err := s.retry(ctx, func() error {
			_, err := neo4j.ExecuteQuery(ctx, s.driver, stmt, nil, neo4j.EagerResultTransformer,
				neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithWritersRouting())
			return err
		})
		if err != nil {
			return s.wrap(ctx, "store.EnsureSchema", fmt.Errorf("%.60s…: %w", stmt, err))
		}
	}
	err := s.retry(ctx, func() error {
		return s.autoCommit(ctx, "migrate_evidence_lists", "migrate_entity_counts", "migrate_statement_keys", "migrate_event_versions")
	})
	return s.wrap(ctx, "store.EnsureSchema", err)
}
