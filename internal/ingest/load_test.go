package ingest

import (
	"context"
	"errors"
	"testing"

	"newsgraph/internal/store"
	"newsgraph/internal/store/storetest"
)

func openStore(t *testing.T) *store.Store { return storetest.Store(t) }

func counts(t *testing.T, s *store.Store) [2]int64 {
	t.Helper()
	n, r, err := s.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return [2]int64{n, r}
}

// The test document, loaded into Neo4j: 4 entities, a topic, an event and a
// statement with the source make 8 nodes.
func TestLoadIsIdempotent(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	if _, _, err := Load(ctx, s, validDoc()); err != nil {
		t.Fatal(err)
	}
	first := counts(t, s)
	// nodes: source, 4 entities, topic, event, statement. relationships:
	// 4+1+1+1 IN_SOURCE; a role, a membership and 2 participations, each
	// with its evidence relationship; SAID, 2 ABOUT, DURING, ON_TOPIC.
	if first != [2]int64{8, 20} {
		t.Errorf("after one load: %v nodes/relationships, want [8 20]", first)
	}
	if _, _, err := Load(ctx, s, validDoc()); err != nil {
		t.Fatal(err)
	}
	if again := counts(t, s); again != first {
		t.Errorf("loading the same document twice changed the counts: %v, then %v", first, again)
	}
}

// Loading a changed version of a source replaces exactly its facts.
func TestLoadReplacesTheSourcesFacts(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	if _, _, err := Load(ctx, s, validDoc()); err != nil {
		t.Fatal(err)
	}
	full := counts(t, s)

	smaller := validDoc()
	smaller.Entities = smaller.Entities[:3] // drops organisation:coalition…
	smaller.Memberships = nil               // …and the membership naming it
	smaller.Statements[0].About = smaller.Statements[0].About[1:]
	if _, _, err := Load(ctx, s, smaller); err != nil {
		t.Fatal(err)
	}
	// One node (the coalition), its IN_SOURCE, the membership and its
	// evidence, and one ABOUT fewer.
	if got, want := counts(t, s), [2]int64{full[0] - 1, full[1] - 4}; got != want {
		t.Errorf("after replacing with a smaller version: %v, want %v", got, want)
	}
	if _, _, err := Load(ctx, s, validDoc()); err != nil {
		t.Fatal(err)
	}
	if got := counts(t, s); got != full {
		t.Errorf("after restoring the full version: %v, want %v", got, full)
	}
}

// A document with any problem writes nothing.
func TestRejectedDocumentsChangeNothing(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	if _, _, err := Load(ctx, s, validDoc()); err != nil {
		t.Fatal(err)
	}
	before := counts(t, s)
	for _, tt := range rejections {
		doc := validDoc()
		doc.Source.ID = "source:other-report" // would be a new source if it were written
		tt.break_(doc)
		_, _, err := Load(ctx, s, doc)
		var inv *InvalidError
		if !errors.As(err, &inv) {
			t.Errorf("%s: Load = %v, want an *InvalidError", tt.name, err)
		}
		if after := counts(t, s); after != before {
			t.Fatalf("%s: the graph changed from %v to %v", tt.name, before, after)
		}
	}
}

// Loading documents in one batch leaves the same graph as loading them one
// by one.
func TestLoadBatchEqualsOneByOne(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	docs := func() []*Document {
		a, b := validDoc(), validDoc()
		b.Source.ID = "source:second-report"
		b.Entities[0].Aliases = append(b.Entities[0].Aliases, "Volodymyr")
		return []*Document{a, b}
	}
	for _, d := range docs() {
		if _, _, err := Load(ctx, s, d); err != nil {
			t.Fatal(err)
		}
	}
	oneByOne := counts(t, s)
	if err := s.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadBatch(ctx, s, docs()); err != nil {
		t.Fatal(err)
	}
	if batch := counts(t, s); batch != oneByOne {
		t.Errorf("batch load gave %v, one by one %v", batch, oneByOne)
	}
	// Again, over itself: nothing changes.
	if _, err := LoadBatch(ctx, s, docs()); err != nil {
		t.Fatal(err)
	}
	if again := counts(t, s); again != oneByOne {
		t.Errorf("batch load over itself gave %v, want %v", again, oneByOne)
	}
	// One bad document stops the whole batch.
	bad := docs()
	bad[1].Statements[0].Text = "not in the evidence"
	bad[0].Source.ID, bad[1].Source.ID = "source:third", "source:fourth"
	_, err := LoadBatch(ctx, s, bad)
	var inv *InvalidError
	if !errors.As(err, &inv) || inv.Problems[0].Path != "documents[1].statements[0].text" {
		t.Fatalf("bad batch: %v", err)
	}
	if after := counts(t, s); after != oneByOne {
		t.Errorf("a refused batch changed the graph")
	}
}
