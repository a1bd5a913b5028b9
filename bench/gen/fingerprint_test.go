package main

import (
	"context"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"

	"newsgraph/internal/ingest"
	"newsgraph/internal/store"
	"newsgraph/internal/store/storetest"
)

// The bulk path leaves the same graph as loading the documents one by one:
// the same nodes and relationships, with the same properties (entity
// counts, aliases and name keys included), compared as a fingerprint of
// the whole graph. The documents come from the benchmark's generator on a
// small population, so every batch shares popular entities, and a second
// seed gives changed versions of some sources, which replace the first.
func TestFingerprintBulkEqualsOneByOne(t *testing.T) {
	s := storetest.Store(t)
	ctx := context.Background()
	sizes := Sizes{People: 60, Nations: 6, Organisations: 9, Events: 12, Statements: 480, Sources: 48}
	first, second := New(sizes, 7), New(sizes, 8)
	var docs []func() *ingest.Document
	for k := range sizes.Sources {
		docs = append(docs, func() *ingest.Document { return first.Document(k) })
	}
	for k := range 16 { // new versions of sources 0–15
		docs = append(docs, func() *ingest.Document { return second.Document(k) })
	}

	for i, d := range docs {
		if _, _, err := ingest.Load(ctx, s, d()); err != nil {
			t.Fatalf("document %d one by one: %v", i, err)
		}
	}
	want := graphPrint(t, s)
	wantLines, err := s.GraphLines(ctx)
	if err != nil {
		t.Fatal(err)
	}

	check := func(name string, skip func(line string) bool) {
		t.Helper()
		got := graphPrint(t, s)
		if skip != nil {
			gotLines, err := s.GraphLines(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !maps.Equal(got.Nodes, want.Nodes) || !maps.Equal(got.Relationships, want.Relationships) {
				t.Errorf("%s: nodes %v, relationships %v; one by one: nodes %v, relationships %v", name, got.Nodes, got.Relationships, want.Nodes, want.Relationships)
			}
			diff(t, slices.DeleteFunc(slices.Clone(wantLines), skip), slices.DeleteFunc(gotLines, skip))
			return
		}
		if got.Hash == want.Hash {
			return
		}
		t.Errorf("%s: nodes %v, relationships %v; one by one: nodes %v, relationships %v", name, got.Nodes, got.Relationships, want.Nodes, want.Relationships)
		gotLines, err := s.GraphLines(ctx)
		if err != nil {
			t.Fatal(err)
		}
		diff(t, wantLines, gotLines)
	}

	// In batches, one after another: the first 48 documents, then the
	// replacements.
	if err := s.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	for _, part := range [][2]int{{0, 20}, {20, 48}, {48, 64}} {
		var batch []*ingest.Document
		for _, d := range docs[part[0]:part[1]] {
			batch = append(batch, d())
		}
		if _, err := ingest.LoadBatch(ctx, s, batch); err != nil {
			t.Fatalf("batch %v: %v", part, err)
		}
	}
	check("batches in turn", nil)

	// In small batches from two concurrent workers, as bench/gen loads:
	// the popular entities' counts must still come out exact.
	if err := s.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	for _, part := range [][2]int{{0, 48}, {48, 64}} {
		var wg sync.WaitGroup
		errs := make(chan error, 2)
		for w := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for at := part[0] + 6*w; at < part[1]; at += 12 {
					var batch []*ingest.Document
					for _, d := range docs[at:min(at+6, part[1])] {
						batch = append(batch, d())
					}
					if _, err := ingest.LoadBatch(ctx, s, batch); err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatalf("concurrent batches %v: %v", part, err)
		}
	}
	// An event's properties are those of the last document loaded that
	// describes it, and concurrent batches commit in no fixed order; all
	// else (the entities' counts included) must be the same.
	check("concurrent batches", func(line string) bool { return strings.HasPrefix(line, "node Event ") })
}

func graphPrint(t *testing.T, s *store.Store) store.GraphPrint {
	t.Helper()
	p, err := s.GraphFingerprint(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if p.Nodes["Source"] == 0 {
		t.Fatalf("the graph has no sources: %v", p.Nodes)
	}
	return p
}

// diff reports the first lines only one side has.
func diff(t *testing.T, want, got []string) {
	t.Helper()
	if slices.Equal(want, got) {
		return
	}
	t.Error("the graphs differ")
	in := func(list []string) map[string]int {
		m := map[string]int{}
		for _, l := range list {
			m[l]++
		}
		return m
	}
	w, g := in(want), in(got)
	shown := 0
	for _, l := range want {
		if g[l] < w[l] && shown < 10 {
			t.Logf("only one by one: %.300s", l)
			shown++
		}
	}
	shown = 0
	for _, l := range got {
		if w[l] < g[l] && shown < 10 {
			t.Logf("only in bulk:    %.300s", l)
			shown++
		}
	}
}
