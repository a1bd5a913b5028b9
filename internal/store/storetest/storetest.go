// Package storetest gives tests a store on the shared test Neo4j, locked
// for the test, with the schema in place and the graph empty.
package storetest

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"newsgraph/internal/ingest"
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

// Example parses a document under seed/examples, the fictional reports
// written for the tests, as ingest.Parse reads it.
func Example(t testing.TB, name string) *ingest.Document {
	t.Helper()
	_, here, _, _ := runtime.Caller(0)
	f, err := os.Open(filepath.Join(filepath.Dir(here), "..", "..", "..", "seed", "examples", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := ingest.Parse(f)
	if err != nil {
		t.Fatalf("seed/examples/%s: %v", name, err)
	}
	return doc
}
