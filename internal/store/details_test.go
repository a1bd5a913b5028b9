package store

import (
	"testing"

	"newsgraph/internal/kg"
)

// Without Details a statement's neighbours are their id, name and labels:
// no alias, description or publisher is read; with them, each comes back.
func TestNeighbourDetailsOnlyWhenAsked(t *testing.T) {
	s, _ := seededStore(t)
	fields := Fields{Speaker: true, About: true, Evidence: true}
	detail := func(f Fields) (descriptions, aliases, publishers, names int) {
		t.Helper()
		pages, err := s.StatementPages(WithFields(t.Context(), f), kg.ScopeNone, []string{""}, kg.StatementFilter{}, 50, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range pages[0].Items {
			ents := []kg.Entity{*st.Speaker}
			for _, a := range st.About {
				if a.Entity != nil {
					ents = append(ents, *a.Entity)
				}
			}
			for _, e := range ents {
				if e.Description != "" {
					descriptions++
				}
				aliases += len(e.Aliases)
				if e.Name != "" {
					names++
				}
			}
			if src := st.Evidence.Source; src != nil && src.Publisher != "" {
				publishers++
			}
		}
		return
	}
	d, a, p, n := detail(fields)
	if d != 0 || a != 0 || p != 0 || n == 0 {
		t.Errorf("without details: %d descriptions, %d aliases, %d publishers, %d names; want none but the names", d, a, p, n)
	}
	fields.Details = true
	d, a, p, n = detail(fields)
	if d == 0 || a == 0 || p == 0 || n == 0 {
		t.Errorf("with details: %d descriptions, %d aliases, %d publishers, %d names; want some of each", d, a, p, n)
	}
}

// A statement's text is read only when Text asks for it; its id, kind and
// date come either way.
func TestStatementTextOnlyWhenAsked(t *testing.T) {
	s, _ := seededStore(t)
	for _, want := range []bool{false, true} {
		pages, err := s.StatementPages(WithFields(t.Context(), Fields{Text: want}), kg.ScopeNone, []string{""}, kg.StatementFilter{}, 50, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(pages[0].Items) == 0 {
			t.Fatal("no statements")
		}
		for _, st := range pages[0].Items {
			if (st.Text != "") != want || st.ID == "" || st.Kind == "" {
				t.Fatalf("Text %v: statement %q kind %q has text %q", want, st.ID, st.Kind, st.Text)
			}
		}
	}
}
