package store

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// statements splits an embedded file of several statements (schema,
// import_finish) into statements, dropping comments.
func statements(name string) []string {
	var stmts []string
	var cur strings.Builder
	for _, line := range strings.Split(query(name), "\n") {
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

// migrations are the start-up migrations, in the order they run: each
// brings what an older newsgraph wrote to the shape the current code
// writes. Each must scan its whole label or relationship type to find
// what lacks a property (IS NULL cannot use a range index), which at a
// million statements is most of a start's time; so each runs until it has
// once completed on the database, and a (:SchemaMigration {name}) node
// says so. A graph loaded by an older binary has no markers and migrates
// at its next start; a new migration is appended here and runs once on
// every graph. The name is the marker's key: a renamed migration runs
// again (harmless, they are idempotent, but slow).
var migrations = []string{"migrate_evidence_lists", "migrate_entity_counts", "migrate_statement_keys", "migrate_event_versions"}

// EnsureSchema creates the constraints and indexes the queries rely on,
// and runs the migrations not yet recorded as done. It is idempotent, so
// every start runs it; on a migrated graph it costs the schema statements
// and one read of the markers. Schema changes cannot share a transaction
// with each other, so each runs alone.
func (s *Store) EnsureSchema(ctx context.Context) error {
	const op = "store.EnsureSchema"
	// Replicas starting together race to create the same schema; Neo4j
	// answers the loser with a transient deadlock, which retry absorbs.
	for _, stmt := range statements("schema") {
		err := s.retry(ctx, func() error {
			countRoundTrip(ctx)
			_, err := neo4j.ExecuteQuery(ctx, s.driver, stmt, nil, neo4j.EagerResultTransformer,
				neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithWritersRouting())
			return err
		})
		if err != nil {
			return s.wrap(ctx, op, fmt.Errorf("%.60s…: %w", stmt, err))
		}
	}
	done, importPending, err := s.migrationsDone(ctx)
	if err != nil {
		return s.wrap(ctx, op, err)
	}
	if importPending {
		if err := s.retry(ctx, func() error { return s.finishImport(ctx) }); err != nil {
			return s.wrap(ctx, op, err)
		}
	}
	for _, name := range migrations {
		if done[name] {
			continue
		}
		if err := s.migrate(ctx, name); err != nil {
			return s.wrap(ctx, op, fmt.Errorf("%s: %w", name, err))
		}
	}
	return nil
}

// migrationsDone reads the names of the migrations recorded as completed,
// and whether an offline import awaits completion.
// From the writer, not a follower: a follower that has not yet seen a
// marker would only cost a needless migration, but the writer is where
// the migrations then run.
func (s *Store) migrationsDone(ctx context.Context) (map[string]bool, bool, error) {
	var res *neo4j.EagerResult
	err := s.retry(ctx, func() error {
		countRoundTrip(ctx)
		var err error
		res, err = neo4j.ExecuteQuery(ctx, s.driver, query("migrations_done"), nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithWritersRouting())
		return err
	})
	if err != nil {
		return nil, false, fmt.Errorf("migrations_done: %w", err)
	}
	if len(res.Records) != 1 {
		return nil, false, fmt.Errorf("migrations_done: got %d rows, want 1", len(res.Records))
	}
	names, _, err := neo4j.GetRecordValue[[]any](res.Records[0], "done")
	if err != nil {
		return nil, false, fmt.Errorf("migrations_done: %w", err)
	}
	pending, _, err := neo4j.GetRecordValue[bool](res.Records[0], "importPending")
	if err != nil {
		return nil, false, fmt.Errorf("migrations_done: %w", err)
	}
	done := make(map[string]bool, len(names))
	for _, n := range names {
		if name, ok := n.(string); ok {
			done[name] = true
		}
	}
	return done, pending, nil
}

// migrate runs one migration, then records it. The marker is written only
// after the migration's last batch has committed, so a start that dies
// halfway leaves none and the next start runs the migration again over
// what remains. Two servers starting together may both run it: each
// migration only touches what still lacks the new shape, and the marker
// is a MERGE on a constrained name, so the second finds the work and the
// marker done.
func (s *Store) migrate(ctx context.Context, name string) error {
	start := time.Now()
	if err := s.retry(ctx, func() error { return s.autoCommit(ctx, name) }); err != nil {
		return err
	}
	err := s.retry(ctx, func() error {
		countRoundTrip(ctx)
		_, err := neo4j.ExecuteQuery(ctx, s.driver, query("migration_mark"), map[string]any{"name": name}, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithWritersRouting())
		return err
	})
	if err != nil {
		return fmt.Errorf("migration_mark: %w", err)
	}
	s.log.Info("migration completed", slog.String("migration", name), slog.Duration("took", time.Since(start)))
	return nil
}

// finishImport completes a graph the offline import wrote, once: see
// import_finish.cypher.
func (s *Store) finishImport(ctx context.Context) error {
	start := time.Now()
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(context.WithoutCancel(ctx))
	for _, stmt := range statements("import_finish") {
		countRoundTrip(ctx)
		r, err := sess.Run(ctx, stmt, nil)
		if err == nil {
			_, err = r.Consume(ctx)
		}
		if err != nil {
			return fmt.Errorf("import_finish: %.60s…: %w", stmt, err)
		}
	}
	s.log.Info("completed the imported graph", slog.Duration("took", time.Since(start)))
	return nil
}
