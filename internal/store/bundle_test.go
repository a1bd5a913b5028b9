package store_test

import (
	"context"
	"reflect"
	"testing"

	"newsgraph/internal/kg"
	"newsgraph/internal/store"
	"newsgraph/seed"
)

// EntityBundle answers in one query what the separate methods answer in
// several; for every entity of the seed, with every part asked for, the
// answers must be the same.
func TestEntityBundleEqualsSeparateReads(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	docs, err := seed.Documents()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if _, err := s.LoadDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	page, err := s.Entities(ctx, kg.EntityFilter{}, 100, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Entities) < 20 {
		t.Fatalf("only %d entities in the seed", len(page.Entities))
	}
	about := kg.StatementFilter{AboutID: "person:vladimir-putin"}
	for _, e := range page.Entities {
		for _, pr := range []store.PageRequest{
			{Scope: kg.ScopeSpeaker, First: 3},
			{Scope: kg.ScopeAbout, First: 100},
			{Scope: kg.ScopeSpeaker, Filter: about, First: 5},
		} {
			b, err := s.EntityBundle(ctx, e.ID, store.EntityRequest{Roles: true, Leaders: true, Memberships: true, Members: true, Page: &pr})
			if err != nil {
				t.Fatalf("%s: %v", e.ID, err)
			}
			one, _ := s.EntitiesByID(ctx, []string{e.ID})
			roles, _ := s.RolesOfPeople(ctx, []string{e.ID})
			leaders, _ := s.RolesIn(ctx, []string{e.ID})
			memberships, _ := s.MembershipsOf(ctx, []string{e.ID})
			members, _ := s.MembersOf(ctx, []string{e.ID})
			pages, err := s.StatementPages(ctx, pr.Scope, []string{e.ID}, pr.Filter, pr.First, pr.After)
			if err != nil {
				t.Fatal(err)
			}
			for name, pair := range map[string][2]any{
				"entity":      {b.Entity, one[0]},
				"roles":       {b.Roles, roles[0]},
				"leaders":     {b.Leaders, leaders[0]},
				"memberships": {b.Memberships, memberships[0]},
				"members":     {b.Members, members[0]},
				"page":        {*b.Page, pages[0]},
			} {
				if !reflect.DeepEqual(pair[0], pair[1]) {
					t.Errorf("%s, page %+v: %s differ\nbundle:   %+v\nseparate: %+v", e.ID, pr, name, pair[0], pair[1])
				}
			}
		}
	}
	b, err := s.EntityBundle(ctx, "person:nobody", store.EntityRequest{Roles: true, Page: &store.PageRequest{Scope: kg.ScopeSpeaker, First: 5}})
	if err != nil || b.Entity != nil {
		t.Errorf("unknown id: %+v, %v", b, err)
	}
}
