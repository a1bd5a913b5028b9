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
	loadSeed(t, s)
	page, err := s.Entities(ctx, kg.EntityFilter{}, "", 100, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) < 20 {
		t.Fatalf("only %d entities in the seed", len(page.Items))
	}
	about := kg.StatementFilter{AboutID: "person:vladimir-putin"}
	for _, e := range page.Items {
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

// EventBundle likewise equals the separate reads, participants' pages
// included, for every event of the seed.
func TestEventBundleEqualsSeparateReads(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	loadSeed(t, s)
	events, err := s.EventPages(ctx, kg.ScopeNone, []string{""}, 100, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(events[0].Items) < 5 {
		t.Fatalf("only %d events in the seed", len(events[0].Items))
	}
	for _, ev := range events[0].Items {
		for _, pr := range []store.PageRequest{
			{Scope: kg.ScopeSpeaker, First: 2},
			{Scope: kg.ScopeAbout, First: 100},
			{Scope: kg.ScopeSpeaker, Filter: kg.StatementFilter{AboutID: "person:vladimir-putin"}, First: 5},
		} {
			b, err := s.EventBundle(ctx, ev.ID, store.EventRequest{Evidence: true, ParticipantPage: &pr})
			if err != nil {
				t.Fatalf("%s: %v", ev.ID, err)
			}
			one, _ := s.EventsByID(ctx, []string{ev.ID})
			parts, _ := s.Participations(ctx, []string{ev.ID})
			evidence, _ := s.EventEvidence(ctx, []string{ev.ID})
			var anchors []string
			for _, p := range parts[0] {
				anchors = append(anchors, p.EntityID)
			}
			var pages []kg.Page[kg.Statement]
			if len(anchors) > 0 {
				if pages, err = s.StatementPages(ctx, pr.Scope, anchors, pr.Filter, pr.First, pr.After); err != nil {
					t.Fatal(err)
				}
			}
			for name, pair := range map[string][2]any{
				"event":        {b.Event, one[0]},
				"participants": {b.Participants, parts[0]},
				"evidence":     {b.Evidence, evidence[0]},
				"pages":        {b.ParticipantPages, pages},
			} {
				if !reflect.DeepEqual(pair[0], pair[1]) {
					t.Errorf("%s, page %+v: %s differ\nbundle:   %+v\nseparate: %+v", ev.ID, pr, name, pair[0], pair[1])
				}
			}
		}
	}
	b, err := s.EventBundle(ctx, "event:nothing", store.EventRequest{Participants: true})
	if err != nil || b.Event != nil {
		t.Errorf("unknown id: %+v, %v", b, err)
	}
}

// loadSeed writes the seed's documents.
func loadSeed(t *testing.T, s *store.Store) {
	t.Helper()
	docs, err := seed.Documents()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if _, err := s.LoadDocument(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
}
