// Package storetest gives tests a store on the shared test Neo4j, locked
// for the test, with the schema in place and the graph empty.
package storetest

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"newsgraph/internal/neo4jtest"
	"newsgraph/internal/store"
)

// Store returns a store on the shared test Neo4j, holding its lock for the
// test, with the schema in place and the graph empty.
func Store(t testing.TB) *store.Store {
	t.Helper()
	cfg := neo4jtest.Config(t)
	neo4jtest.Lock(t)
	s, err := store.Open(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	ctx := context.Background()
	if err := s.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}
