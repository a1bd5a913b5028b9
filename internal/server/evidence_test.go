package server

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"newsgraph/internal/config"
	"newsgraph/seed"
)

// Every statement's evidence, read back over GraphQL, is its source's text
// at its offsets, in code points; and every QUOTE stands in its excerpt.
func TestEvidenceOverGraphQL(t *testing.T) {
	s := newTestServer(t, func(c *config.Config) { c.ComplexityLimit = 100_000 })
	var got struct {
		Sources struct {
			Nodes []struct {
				ID, Text   string
				Statements struct {
					Nodes []struct {
						ID, Kind, Text string
						Evidence       struct {
							Start, End int
							Excerpt    string
							Source     struct{ ID string }
						}
					}
				}
			}
		}
	}
	s.post(t, `{ sources { nodes { id text statements(first: 100) { nodes { id kind text evidence { start end excerpt source { id } } } } } } }`, nil).data(t, &got)
	n := 0
	for _, src := range got.Sources.Nodes {
		runes := []rune(src.Text)
		for _, st := range src.Statements.Nodes {
			n++
			e := st.Evidence
			if e.Source.ID != src.ID || string(runes[e.Start:e.End]) != e.Excerpt {
				t.Errorf("%s: [%d,%d) in %s is not %q", st.ID, e.Start, e.End, e.Source.ID, e.Excerpt)
			}
			if st.Kind == "QUOTE" && !strings.Contains(e.Excerpt, st.Text) {
				t.Errorf("%s: QUOTE %q is not in %q", st.ID, st.Text, e.Excerpt)
			}
		}
	}
	if n != 38 {
		t.Errorf("checked %d statements, want the seed's 38", n)
	}
}

// A source's evidence over GraphQL: every span the seed document gives, of
// every kind, in text order, each excerpt its text, each fact of the type its
// kind names and (mentions aside) listing this very span among its evidence;
// in a fixed number of round trips however many spans there are.
func TestSourceEvidenceOverGraphQL(t *testing.T) {
	// With each fact's own evidence: a fragment per member of the Fact
	// union, which costs its dearest member (graph.Cost), so the query fits
	// the default limit.
	s := newTestServer(t)
	docs, err := seed.Documents()
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	want := map[string]int{"STATEMENT": len(d.Statements), "ROLE": 0, "MEMBERSHIP": 0, "PARTICIPATION": 0, "EVENT": 0, "MENTION": 0}
	for _, ev := range d.Events {
		want["EVENT"] += len(ev.Evidence)
	}
	for _, es := range d.EntityEvidence {
		want["MENTION"] += len(es)
	}
	for _, r := range d.Roles {
		want["ROLE"] += len(r.Evidence)
	}
	for _, m := range d.Memberships {
		want["MEMBERSHIP"] += len(m.Evidence)
	}
	for _, p := range d.Participations {
		want["PARTICIPATION"] += len(p.Evidence)
	}
	type ev struct {
		Start, End int
		Source     struct{ ID string }
	}
	var got struct {
		Node struct {
			Text     string
			Evidence []struct {
				Kind, Excerpt string
				Start, End    int
				Fact          struct {
					Typename string `json:"__typename"`
					ID       string
					Evidence []ev
					Single   *ev
				}
			}
		}
	}
	r := s.post(t, `query($id: ID!) { node(id: $id) { ... on Source { text evidence { kind start end excerpt fact { __typename
	  ... on Statement { id single: evidence { start end source { id } } }
	  ... on Event { id evidence { start end source { id } } }
	  ... on Role { title evidence { start end source { id } } }
	  ... on Membership { role evidence { start end source { id } } }
	  ... on Participation { role evidence { start end source { id } } }
	  ... on Entity { id } } } } } }`, map[string]any{"id": d.Source.ID})
	r.data(t, &got)
	types := map[string][]string{
		"STATEMENT": {"Statement"}, "EVENT": {"Event"}, "ROLE": {"Role"}, "MEMBERSHIP": {"Membership"},
		"PARTICIPATION": {"Participation"}, "MENTION": {"Person", "Nation", "Organisation"},
	}
	runes := []rune(got.Node.Text)
	counts := map[string]int{}
	for i, e := range got.Node.Evidence {
		counts[e.Kind]++
		if e.Excerpt != string(runes[e.Start:e.End]) {
			t.Errorf("%s [%d,%d): excerpt %q is not the text there", e.Kind, e.Start, e.End, e.Excerpt)
		}
		if i > 0 {
			if p := got.Node.Evidence[i-1]; p.Start > e.Start || p.Start == e.Start && p.End > e.End {
				t.Errorf("span %d [%d,%d) comes after [%d,%d)", i, e.Start, e.End, p.Start, p.End)
			}
		}
		if !slices.Contains(types[e.Kind], e.Fact.Typename) {
			t.Errorf("%s [%d,%d): fact is a %s", e.Kind, e.Start, e.End, e.Fact.Typename)
		}
		if e.Kind == "MENTION" {
			continue
		}
		list := e.Fact.Evidence
		if e.Fact.Single != nil {
			list = append(list, *e.Fact.Single)
		}
		self := ev{Start: e.Start, End: e.End}
		self.Source.ID = d.Source.ID
		if !slices.Contains(list, self) {
			t.Errorf("%s [%d,%d): the fact's evidence %+v does not hold the span", e.Kind, e.Start, e.End, list)
		}
	}
	if fmt.Sprint(counts) != fmt.Sprint(want) {
		t.Errorf("spans by kind %v, want %v", counts, want)
	}
	// node; text; the spans and their facts; the events' evidence.
	if n := roundTrips(t, r); n != 4 {
		t.Errorf("source evidence took %d round trips, want 4", n)
	}
}
