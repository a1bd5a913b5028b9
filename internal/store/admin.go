package store

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Counts returns how many nodes and relationships the graph holds: the
// measure tests use to prove that rejected input changed nothing.
func (s *Store) Counts(ctx context.Context) (nodes, relationships int64, err error) {
	const op = "store.Counts"
	res, err := s.read(ctx, op, query("counts"), nil)
	if err != nil {
		return 0, 0, err
	}
	if len(res.Records) != 1 {
		return 0, 0, fmt.Errorf("%s: got %d rows, want 1", op, len(res.Records))
	}
	if nodes, _, err = neo4j.GetRecordValue[int64](res.Records[0], "nodes"); err != nil {
		return 0, 0, fmt.Errorf("%s: %w", op, err)
	}
	if relationships, _, err = neo4j.GetRecordValue[int64](res.Records[0], "relationships"); err != nil {
		return 0, 0, fmt.Errorf("%s: %w", op, err)
	}
	return nodes, relationships, nil
}

// DeleteAll removes every node and relationship, keeping the schema and
// its migration markers (EnsureSchema): an empty graph has nothing to
// migrate, and what is loaded into it afterwards is written by code that
// writes the migrated shape, so the markers stay true. It exists for tests
// and bench/gen -wipe, which each start from an empty graph; nothing in
// the server or the CLI calls it.
func (s *Store) DeleteAll(ctx context.Context) error {
	return s.wrap(ctx, "store.DeleteAll", s.autoCommit(ctx, "delete_all_relationships", "delete_all"))
}

// autoCommit runs the named queries one after another, each in an
// implicit (auto-commit) transaction: CALL … IN TRANSACTIONS cannot run
// in a managed one, so this uses a session's Run rather than ExecuteWrite.
func (s *Store) autoCommit(ctx context.Context, names ...string) error {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(context.WithoutCancel(ctx))
	for _, name := range names {
		countRoundTrip(ctx)
		res, err := sess.Run(ctx, query(name), nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// HasSources reports whether any source is loaded: the server seeds only
// an empty graph, so a developer's own data is never overwritten.
func (s *Store) HasSources(ctx context.Context) (bool, error) {
	const op = "store.HasSources"
	res, err := s.read(ctx, op, query("sources_any"), nil)
	if err != nil {
		return false, err
	}
	if len(res.Records) != 1 {
		return false, fmt.Errorf("%s: got %d rows, want 1", op, len(res.Records))
	}
	exists, _, err := neo4j.GetRecordValue[bool](res.Records[0], "any")
	if err != nil {
		return false, fmt.Errorf("%s: %w", op, err)
	}
	return exists, nil
}

// RunningQueries lists the queries of the transactions Neo4j is running
// now: how tests and operators see that a cancelled request left nothing
// behind in the database.
func (s *Store) RunningQueries(ctx context.Context) ([]string, error) {
	const op = "store.RunningQueries"
	res, err := neo4j.ExecuteQuery(ctx, s.driver, query("transactions_running"), nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		return nil, s.wrap(ctx, op, err)
	}
	if len(res.Records) != 1 {
		return nil, fmt.Errorf("%s: got %d rows", op, len(res.Records))
	}
	list, _, err := neo4j.GetRecordValue[[]any](res.Records[0], "queries")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	return (row{"q": list}).strs("q"), nil
}
