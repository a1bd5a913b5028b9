package server

import (
	"slices"
	"testing"
)

type pathJSON struct {
	Length int
	Nodes  []struct{ ID string }
	Links  []struct {
		Type     string
		From, To struct{ ID string }
		Evidence []struct {
			Start, End int
			Excerpt    string
			Source     struct{ ID string }
		}
	}
}

func TestPaths(t *testing.T) {
	s := newTestServer(t)
	o := newOracle(t)
	text := o.text["source:reuters-2025-09-05-coalition-of-the-willing"]
	const q = `query($from: ID!, $to: ID!, $hops: Int) { paths(from: $from, to: $to, maxHops: $hops, first: 10) {
	  length nodes { id } links { type from { id } to { id } evidence { start end excerpt source { id } } } } }`
	paths := func(from, to string, hops any) []pathJSON {
		t.Helper()
		var got struct{ Paths []pathJSON }
		s.post(t, q, map[string]any{"from": from, "to": to, "hops": hops}).data(t, &got)
		return got.Paths
	}

	// Bulgaria's prime minister and NATO's Secretary General: four links, by
	// what they said about the same nation.
	ps := paths("person:rosen-zhelyazkov", "person:mark-rutte", nil)
	if len(ps) == 0 {
		t.Fatal("no path from Zhelyazkov to Rutte")
	}
	allowed := []string{"HOLDS_ROLE", "MEMBER_OF", "PARTICIPATED_IN", "SAID", "ABOUT"}
	for _, p := range ps {
		if p.Length != 4 || len(p.Links) != 4 || len(p.Nodes) != 5 {
			t.Errorf("path of length %d with %d links and %d nodes; want the shortest, 4", p.Length, len(p.Links), len(p.Nodes))
		}
		if p.Nodes[0].ID != "person:rosen-zhelyazkov" || p.Nodes[len(p.Nodes)-1].ID != "person:mark-rutte" {
			t.Errorf("path runs %s → %s", p.Nodes[0].ID, p.Nodes[len(p.Nodes)-1].ID)
		}
		for i, l := range p.Links {
			ends := []string{l.From.ID, l.To.ID}
			if !slices.Contains(allowed, l.Type) || !slices.Contains(ends, p.Nodes[i].ID) || !slices.Contains(ends, p.Nodes[i+1].ID) {
				t.Errorf("link %d %s %s→%s does not join %s and %s", i, l.Type, l.From.ID, l.To.ID, p.Nodes[i].ID, p.Nodes[i+1].ID)
			}
			if len(l.Evidence) == 0 {
				t.Errorf("link %d (%s) has no evidence", i, l.Type)
			}
			for _, e := range l.Evidence {
				if string([]rune(text)[e.Start:e.End]) != e.Excerpt {
					t.Errorf("link %d evidence [%d,%d) is not %q", i, e.Start, e.End, e.Excerpt)
				}
			}
		}
	}
	// A role link carries the role's evidence.
	ps = paths("person:mark-rutte", "organisation:nato", 1)
	if len(ps) != 1 || ps[0].Links[0].Type != "HOLDS_ROLE" || ps[0].Links[0].Evidence[0].Excerpt != "NATO Secretary General Mark Rutte" {
		t.Errorf("Rutte to NATO: %+v", ps)
	}
	// maxHops bounds the search: the 4-link connection is not found in 3.
	if ps := paths("person:rosen-zhelyazkov", "person:mark-rutte", 3); len(ps) != 0 {
		t.Errorf("maxHops 3 found %d paths of length %d", len(ps), ps[0].Length)
	}
	// No connection at all: an empty list. The fictional second source
	// shares nothing with the report.
	loadExample(t, s)
	if ps := paths("person:ilsa-marend", "person:mark-rutte", 6); len(ps) != 0 {
		t.Errorf("found a path between unconnected sources: %+v", ps)
	}
	for _, tt := range []struct {
		from, to string
		hops     any
		code     string
	}{
		{"person:nobody", "person:mark-rutte", nil, "NOT_FOUND"},
		{"person:mark-rutte", "event:2031-01-01-nothing", nil, "NOT_FOUND"},
		{"person:mark-rutte", "organisation:nato", 7, "BAD_USER_INPUT"},
		{"person:mark-rutte", "organisation:nato", 0, "BAD_USER_INPUT"},
		{"Rutte", "organisation:nato", nil, "BAD_USER_INPUT"},
		{"topic:sanctions", "organisation:nato", nil, "BAD_USER_INPUT"},
	} {
		e := s.post(t, q, map[string]any{"from": tt.from, "to": tt.to, "hops": tt.hops}).onlyError(t)
		if e.Extensions["code"] != tt.code {
			t.Errorf("paths(%s, %s, %v): %+v, want %s", tt.from, tt.to, tt.hops, e, tt.code)
		}
	}
}
