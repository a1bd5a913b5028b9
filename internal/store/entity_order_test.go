package store_test

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"testing"

	"newsgraph/internal/ingest"
	"newsgraph/internal/kg"
	"newsgraph/internal/names"
	"newsgraph/internal/store"
	"newsgraph/seed"
)

// countsOf counts, by hand, the statements each entity said and is the
// subject of in the documents loaded: the oracle the stored counts must
// equal.
func countsOf(docs map[string]*kg.SourceDocument) map[string]kg.EntityCounts {
	out := map[string]kg.EntityCounts{}
	for _, d := range docs {
		for _, st := range d.Statements {
			c := out[st.SpeakerID]
			c.Quoted++
			out[st.SpeakerID] = c
			for _, a := range st.AboutIDs {
				c := out[a]
				c.Mentioned++
				out[a] = c
			}
		}
	}
	return out
}

// allEntities reads every entity with its stored counts.
func allEntities(t *testing.T, s *store.Store) []kg.Entity {
	t.Helper()
	p, err := s.Entities(context.Background(), kg.EntityFilter{}, "", 100, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.HasNextPage {
		t.Fatal("more than 100 entities")
	}
	return p.Items
}

// checkCounts asserts that every entity's stored counts equal the oracle's,
// both on the node as read and through EntityCounts.
func checkCounts(t *testing.T, s *store.Store, step string, docs map[string]*kg.SourceDocument) {
	t.Helper()
	want := countsOf(docs)
	es := allEntities(t, s)
	ids := ids(es)
	stored, err := s.EntityCounts(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range es {
		if e.Counts == nil || stored[i] == nil {
			t.Fatalf("%s: %s has no counts (node %v, EntityCounts %v)", step, e.ID, e.Counts, stored[i])
		}
		if *e.Counts != want[e.ID] || *stored[i] != want[e.ID] {
			t.Errorf("%s: %s counts node %+v, EntityCounts %+v; counted by hand %+v", step, e.ID, *e.Counts, *stored[i], want[e.ID])
		}
	}
}

// The counts on entity nodes follow every load, replace and delete exactly.
func TestEntityCountsFollowLoads(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	docs := map[string]*kg.SourceDocument{}
	for _, d := range seedDocs(t) {
		if _, err := s.LoadDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
		docs[d.Source.ID] = d
	}
	checkCounts(t, s, "seed", docs)
	seeded := countsOf(docs)

	// A second source that speaks of seed entities (France, Ukraine, the
	// Coalition) and brings new ones.
	doc := example(t, "varno-accord.json")
	loaded, _, err := ingest.Load(ctx, s, doc)
	if err != nil {
		t.Fatal(err)
	}
	docs[loaded.Source.ID] = loaded
	checkCounts(t, s, "second source", docs)
	if countsOf(docs)["nation:france"] == seeded["nation:france"] {
		t.Fatal("the second source should change France's counts, or this test proves nothing")
	}

	// Replaced: the first statement goes, the others change subject and
	// the last changes speaker.
	doc = example(t, "varno-accord.json")
	doc.Statements = doc.Statements[1:]
	doc.Statements[0].About = []string{"organisation:nato"}
	doc.Statements[1].Speaker = "person:emmanuel-macron"
	doc.Statements[1].About = []string{"nation:ukraine", "nation:calvoria"}
	loaded, _, err = ingest.Load(ctx, s, doc)
	if err != nil {
		t.Fatal(err)
	}
	docs[loaded.Source.ID] = loaded
	checkCounts(t, s, "replaced", docs)

	// Deleted.
	if _, err := s.DeleteSource(ctx, loaded.Source.ID); err != nil {
		t.Fatal(err)
	}
	delete(docs, loaded.Source.ID)
	checkCounts(t, s, "deleted", docs)

	// The bulk path too.
	if err := s.LoadDocuments(ctx, []*kg.SourceDocument{loaded}); err != nil {
		t.Fatal(err)
	}
	docs[loaded.Source.ID] = loaded
	checkCounts(t, s, "bulk", docs)
}

func seedDocs(t *testing.T) []*kg.SourceDocument {
	t.Helper()
	docs, err := seed.Documents()
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// byCount is the order the count orders promise, worked out in Go.
func byCount(es []kg.Entity, count func(kg.EntityCounts) int) []string {
	sorted := slices.Clone(es)
	slices.SortFunc(sorted, func(a, b kg.Entity) int {
		return cmp.Or(cmp.Compare(count(*b.Counts), count(*a.Counts)),
			cmp.Compare(names.Fold(a.Name), names.Fold(b.Name)), cmp.Compare(a.ID, b.ID))
	})
	return ids(sorted)
}

func TestEntitiesByCount(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	for _, d := range seedDocs(t) {
		if _, err := s.LoadDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := ingest.Load(ctx, s, example(t, "varno-accord.json")); err != nil {
		t.Fatal(err)
	}
	quoted := func(c kg.EntityCounts) int { return c.Quoted }
	mentioned := func(c kg.EntityCounts) int { return c.Mentioned }
	// The entities a filter selects, in name order (tested elsewhere).
	byName := func(f kg.EntityFilter) []kg.Entity {
		p, err := s.Entities(ctx, f, kg.ByName, 100, nil)
		if err != nil || p.HasNextPage {
			t.Fatalf("%v, or more than 100 entities", err)
		}
		return p.Items
	}
	nations := kg.EntityFilter{Kinds: []kg.EntityKind{kg.Nation}}
	people := kg.EntityFilter{Kinds: []kg.EntityKind{kg.Person}}
	tests := []struct {
		name  string
		order kg.EntityOrder
		f     kg.EntityFilter
		count func(kg.EntityCounts) int
	}{
		{"most quoted", kg.MostQuoted, kg.EntityFilter{}, quoted},
		{"most mentioned", kg.MostMentioned, kg.EntityFilter{}, mentioned},
		{"most quoted nations", kg.MostQuoted, nations, quoted},
		{"most mentioned people", kg.MostMentioned, people, mentioned},
		{"most mentioned named an", kg.MostMentioned, kg.EntityFilter{Name: "an"}, mentioned},
		{"most quoted people named on", kg.MostQuoted, kg.EntityFilter{Name: "on", Kinds: []kg.EntityKind{kg.Person}}, quoted},
		{"no match", kg.MostQuoted, kg.EntityFilter{Name: "nobody-at-all"}, quoted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			named := byName(tt.f)
			want := byCount(named, tt.count)
			if len(want) > 2 && slices.Equal(want, ids(named)) {
				t.Fatal("the order by count equals the order by name: the test proves nothing")
			}
			for _, size := range []int{1, 3, 100} {
				var walked []string
				var after *string
				for page := 0; ; page++ {
					p, err := s.Entities(ctx, tt.f, tt.order, size, after)
					if err != nil {
						t.Fatal(err)
					}
					if p.TotalCount != len(want) || p.HasPreviousPage != (page > 0) {
						t.Fatalf("size %d page %d: total %d (want %d), hasPreviousPage %v", size, page, p.TotalCount, len(want), p.HasPreviousPage)
					}
					walked = append(walked, ids(p.Items)...)
					if !p.HasNextPage {
						break
					}
					after = &p.Cursors[len(p.Cursors)-1]
				}
				if !slices.Equal(walked, want) {
					t.Errorf("size %d: walked %q,\nwant %q", size, walked, want)
				}
			}
		})
	}
}

// A cursor belongs to its order: passed to another, it is refused on
// after, never misread.
func TestEntitiesCursorBelongsToItsOrder(t *testing.T) {
	s := open(t)
	load(t, s)
	ctx := context.Background()
	orders := []kg.EntityOrder{kg.ByName, kg.MostQuoted, kg.MostMentioned}
	cursors := map[kg.EntityOrder]string{}
	for _, o := range orders {
		p, err := s.Entities(ctx, kg.EntityFilter{}, o, 1, nil)
		if err != nil {
			t.Fatal(err)
		}
		cursors[o] = p.Cursors[0]
	}
	badCount := kg.EncodeCursor("entities-most-quoted", "many", "x", "y")
	for _, from := range orders {
		for _, to := range orders {
			c := cursors[from]
			_, err := s.Entities(ctx, kg.EntityFilter{}, to, 1, &c)
			var kerr *kg.Error
			switch {
			case from == to && err != nil:
				t.Errorf("%s cursor in %s: %v", from, to, err)
			case from != to && (!errors.As(err, &kerr) || kerr.Kind != kg.ErrInvalidInput || kerr.Field != "after"):
				t.Errorf("%s cursor in %s: err = %v, want invalid input on after", from, to, err)
			}
		}
	}
	_, err := s.Entities(ctx, kg.EntityFilter{}, kg.MostQuoted, 1, &badCount)
	var kerr *kg.Error
	if !errors.As(err, &kerr) || kerr.Field != "after" {
		t.Errorf("a count that is not a number: err = %v, want invalid input on after", err)
	}
	_, err = s.Entities(ctx, kg.EntityFilter{}, "LOUDEST", 1, nil)
	if !errors.As(err, &kerr) || kerr.Field != "orderBy" {
		t.Errorf("unknown order: err = %v, want invalid input on orderBy", err)
	}
}

// example parses one of seed/examples' reports.
func example(t *testing.T, name string) *ingest.Document {
	t.Helper()
	doc, err := seed.Example(name)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
