package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"newsgraph/internal/ingest"
	"newsgraph/internal/kg"
	"newsgraph/internal/store"
	"newsgraph/internal/store/storetest"
)

func open(t *testing.T) *store.Store { return storetest.Store(t) }

// fixtureText is a small source for the store's own tests; the seed is
// tested through the server.
const fixtureText = "Ukraine's President Volodymyr Zelensky (Zelenskiy to some) met France's President Emmanuel Macron. " +
	"NATO chief Mark Rutte joined the Coalition of the Willing. Éric Gauthier watched."

func fixtureDoc() *ingest.Document {
	ev := func(q string) ingest.Evidences { return ingest.Evidences{{Quote: &q}} }
	return &ingest.Document{
		Source: ingest.SourceInput{ID: "source:store-fixture", Title: "Store fixture", Text: fixtureText},
		Entities: []ingest.EntityInput{
			{ID: "person:volodymyr-zelensky", Kind: "PERSON", Name: "Volodymyr Zelensky", Aliases: []string{"Zelenskiy", "Zelensky"}, Description: "President of Ukraine", Evidence: ev("Volodymyr Zelensky")},
			{ID: "person:emmanuel-macron", Kind: "PERSON", Name: "Emmanuel Macron", Aliases: []string{"Macron"}},
			{ID: "person:mark-rutte", Kind: "PERSON", Name: "Mark Rutte", Aliases: []string{"Rutte"}},
			{ID: "person:eric-gauthier", Kind: "PERSON", Name: "Éric Gauthier"}, // sorts as "eric", between the Es
			{ID: "nation:ukraine", Kind: "NATION", Name: "Ukraine"},
			{ID: "nation:france", Kind: "NATION", Name: "France"},
			{ID: "organisation:nato", Kind: "ORGANISATION", Name: "NATO"},
			{ID: "organisation:coalition-of-the-willing", Kind: "ORGANISATION", Name: "Coalition of the Willing", Aliases: []string{"coalition"}},
		},
		Roles: []ingest.RoleInput{
			{Person: "person:volodymyr-zelensky", Title: "President", Of: "nation:ukraine", Evidence: ev("Ukraine's President Volodymyr Zelensky")},
		},
	}
}

const fixtureEntities = 8

func load(t *testing.T, s *store.Store) {
	t.Helper()
	doc, err := ingest.Validate(fixtureDoc())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadDocument(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
}

func ids(es []kg.Entity) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.ID
	}
	return out
}

func TestLoadIsIdempotent(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	load(t, s)
	n1, r1, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	load(t, s)
	n2, r2, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// 8 entities and the source; 8 IN_SOURCE links, a role and its evidence.
	if n1 != fixtureEntities+1 || r1 != fixtureEntities+2 || n1 != n2 || r1 != r2 {
		t.Fatalf("counts after one load %d/%d, after two %d/%d; want %d/%d both times", n1, r1, n2, r2, fixtureEntities+1, fixtureEntities+2)
	}
}

func TestEntitiesByIDKeepsKeyOrder(t *testing.T) {
	s := open(t)
	load(t, s)
	keys := []string{"nation:ukraine", "person:nobody", "person:mark-rutte", "nation:ukraine"}
	got, err := s.EntitiesByID(context.Background(), keys)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(keys) {
		t.Fatalf("got %d results for %d keys", len(got), len(keys))
	}
	for i, k := range keys {
		switch {
		case k == "person:nobody" && got[i] != nil:
			t.Errorf("slot %d: want nil for a missing id, got %+v", i, got[i])
		case k != "person:nobody" && (got[i] == nil || got[i].ID != k):
			t.Errorf("slot %d: want %s, got %+v", i, k, got[i])
		}
	}
	e, err := s.Entity(context.Background(), "person:volodymyr-zelensky")
	if err != nil {
		t.Fatal(err)
	}
	if e.Kind != kg.Person || e.Name != "Volodymyr Zelensky" || !slices.Equal(e.Aliases, []string{"Zelenskiy", "Zelensky"}) || e.Description != "President of Ukraine" {
		t.Errorf("Entity = %+v", e)
	}
	if _, err := s.Entity(context.Background(), "person:nobody"); !errors.Is(err, kg.ErrNotFound) {
		t.Errorf("missing entity: err = %v, want ErrNotFound", err)
	}
}

func TestEntitiesOrderAndFilters(t *testing.T) {
	s := open(t)
	load(t, s)
	tests := []struct {
		name string
		f    kg.EntityFilter
		want []string
	}{
		{"all, by folded name", kg.EntityFilter{}, []string{
			"organisation:coalition-of-the-willing", "person:emmanuel-macron", "person:eric-gauthier",
			"nation:france", "person:mark-rutte", "organisation:nato", "nation:ukraine", "person:volodymyr-zelensky"}},
		{"kinds", kg.EntityFilter{Kinds: []kg.EntityKind{kg.Nation, kg.Organisation}}, []string{
			"organisation:coalition-of-the-willing", "nation:france", "organisation:nato", "nation:ukraine"}},
		{"alias, any case", kg.EntityFilter{Name: "ZELENSKIY"}, []string{"person:volodymyr-zelensky"}},
		{"accents in the query", kg.EntityFilter{Name: "Zélensky"}, []string{"person:volodymyr-zelensky"}},
		{"accents in the name", kg.EntityFilter{Name: "eric"}, []string{"person:eric-gauthier"}},
		{"part of a name", kg.EntityFilter{Name: "ru"}, []string{"person:mark-rutte"}},
		{"name and kind", kg.EntityFilter{Name: "coalition", Kinds: []kg.EntityKind{kg.Person}}, nil},
		{"blank name means any", kg.EntityFilter{Name: "  ", Kinds: []kg.EntityKind{kg.Nation}}, []string{"nation:france", "nation:ukraine"}},
		{"no match", kg.EntityFilter{Name: "putin"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := s.Entities(context.Background(), tt.f, "", 100, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(p.Items); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if p.TotalCount != len(tt.want) || p.HasNextPage || p.HasPreviousPage {
				t.Errorf("total %d next %v prev %v", p.TotalCount, p.HasNextPage, p.HasPreviousPage)
			}
		})
	}
}

func TestEntitiesPaging(t *testing.T) {
	s := open(t)
	load(t, s)
	ctx := context.Background()
	all, err := s.Entities(ctx, kg.EntityFilter{}, "", 100, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []int{1, 3, 7, 8} {
		var walked []string
		var after *string
		for page := 0; ; page++ {
			p, err := s.Entities(ctx, kg.EntityFilter{}, "", size, after)
			if err != nil {
				t.Fatal(err)
			}
			if p.TotalCount != fixtureEntities {
				t.Fatalf("size %d page %d: totalCount %d", size, page, p.TotalCount)
			}
			if p.HasPreviousPage != (page > 0) {
				t.Fatalf("size %d page %d: hasPreviousPage %v", size, page, p.HasPreviousPage)
			}
			walked = append(walked, ids(p.Items)...)
			if !p.HasNextPage {
				break
			}
			after = &p.Cursors[len(p.Cursors)-1]
		}
		if !slices.Equal(walked, ids(all.Items)) {
			t.Errorf("size %d: walked %q, want %q", size, walked, ids(all.Items))
		}
	}
}

func TestEntitiesBadInput(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	bad := "not-a-cursor"
	other := kg.EncodeCursor("statements", "x", "y")
	tests := []struct {
		name  string
		f     kg.EntityFilter
		after *string
		field string
	}{
		{"garbage cursor", kg.EntityFilter{}, &bad, "after"},
		{"cursor from another list", kg.EntityFilter{}, &other, "after"},
		{"punctuation only", kg.EntityFilter{Name: "!!!"}, nil, "filter.name"},
		{"unknown kind", kg.EntityFilter{Kinds: []kg.EntityKind{"PLANET"}}, nil, "filter.kinds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Entities(ctx, tt.f, "", 10, tt.after)
			var kerr *kg.Error
			if !errors.As(err, &kerr) || kerr.Kind != kg.ErrInvalidInput || kerr.Field != tt.field {
				t.Fatalf("err = %v, want invalid input on %s", err, tt.field)
			}
		})
	}
}
