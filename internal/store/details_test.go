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

// A statement's text is read only when Text asks for it, its kind and
// attribution only when Meta does, and its cursor only when Keys does; its
// id comes either way.
func TestStatementTextOnlyWhenAsked(t *testing.T) {
	s, _ := seededStore(t)
	for _, f := range []Fields{{}, {Text: true}, {Meta: true}, {Keys: true}, {Text: true, Meta: true, Keys: true}} {
		pages, err := s.StatementPages(WithFields(t.Context(), f), kg.ScopeNone, []string{""}, kg.StatementFilter{}, 50, nil)
		if err != nil {
			t.Fatal(err)
		}
		p := pages[0]
		if len(p.Items) == 0 || len(p.Cursors) != len(p.Items) {
			t.Fatalf("%+v: %d statements, %d cursors", f, len(p.Items), len(p.Cursors))
		}
		attributed := false
		for i, st := range p.Items {
			if (st.Text != "") != f.Text || st.ID == "" || (st.Kind != "") != f.Meta || (p.Cursors[i] != "") != f.Keys {
				t.Fatalf("%+v: statement %q kind %q text %q cursor %q", f, st.ID, st.Kind, st.Text, p.Cursors[i])
			}
			attributed = attributed || st.Attribution != ""
		}
		if attributed != f.Meta {
			t.Errorf("%+v: some statement has an attribution: %v", f, attributed)
		}
		if !f.Keys {
			continue
		}
		// The cursor reads as the next page's start.
		next, err := s.StatementPages(WithFields(t.Context(), f), kg.ScopeNone, []string{""}, kg.StatementFilter{}, 1, &p.Cursors[0])
		if err != nil {
			t.Fatal(err)
		}
		if got := next[0].Items; len(got) != 1 || got[0].ID != p.Items[1].ID {
			t.Errorf("%+v: the page after the first statement starts at %v, want %s", f, got, p.Items[1].ID)
		}
	}
}
