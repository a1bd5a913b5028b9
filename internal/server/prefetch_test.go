package server

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"
)

// The store reads a statement's neighbours, and counts pages, only when the
// operation names those fields (graph/fields.go). However a query names
// them — aliases, named and inline fragments, under search — it must get
// the same answer as the plain query.
func TestNeighbourFieldsFollowTheQuery(t *testing.T) {
	s := newTestServer(t)
	const plain = `{ statements(first: 38) { totalCount nodes { id text speaker { id } about { id } event { id } topics { id } evidence { start end excerpt } } } }`
	var want struct{ Statements json.RawMessage }
	s.post(t, plain, nil).data(t, &want)

	for name, q := range map[string]string{
		"aliases": `{ statements(first: 38) { totalCount nodes { id text s: speaker { id } a: about { id } e: event { id } t: topics { id } ev: evidence { start end excerpt } } } }`,
		"named fragment": `query { statements(first: 38) { totalCount nodes { ...F } } }
			fragment F on Statement { id text speaker { id } about { id } event { id } topics { id } evidence { start end excerpt } }`,
		"nested fragments": `query { statements(first: 38) { ...C } }
			fragment C on StatementConnection { totalCount nodes { id text ...G } }
			fragment G on Statement { speaker { id } ... on Statement { about { id } event { id } topics { id } evidence { start end excerpt } } }`,
	} {
		t.Run(name, func(t *testing.T) {
			var got struct{ Statements json.RawMessage }
			s.post(t, q, nil).data(t, &got)
			var a, b any
			json.Unmarshal(want.Statements, &a)
			json.Unmarshal(got.Statements, &b)
			// Aliases rename keys: compare by position instead.
			if !reflect.DeepEqual(values(a), values(b)) {
				t.Errorf("answer differs from the plain query's\nplain: %.600s\n  got: %.600s", want.Statements, got.Statements)
			}
		})
	}

	// Under search, a statement hit's speaker comes through an inline fragment.
	var hits struct {
		Search []struct {
			Node struct {
				ID      string
				Speaker *struct{ ID string }
			}
		}
	}
	s.post(t, `{ search(query: "troops", first: 20) { node { id ... on Statement { speaker { id } } } } }`, nil).data(t, &hits)
	statements := 0
	for _, h := range hits.Search {
		if len(h.Node.ID) > 10 && h.Node.ID[:10] == "statement:" {
			statements++
			if h.Node.Speaker == nil || h.Node.Speaker.ID == "" {
				t.Errorf("search hit %s came without its speaker", h.Node.ID)
			}
		}
	}
	if statements == 0 {
		t.Fatal("search for troops found no statements")
	}

	// Counts: asked for, they are right; not asked for, paging still works.
	var first struct {
		Statements struct {
			PageInfo struct{ EndCursor string }
		}
	}
	s.post(t, `{ statements(first: 5) { pageInfo { endCursor } } }`, nil).data(t, &first)
	var counted struct {
		Statements struct {
			TotalCount int
			PageInfo   struct{ HasPreviousPage, HasNextPage bool }
		}
	}
	s.post(t, `query($a: String) { statements(first: 5, after: $a) { totalCount pageInfo { hasPreviousPage hasNextPage } } }`,
		map[string]any{"a": first.Statements.PageInfo.EndCursor}).data(t, &counted)
	if c := counted.Statements; c.TotalCount != 38 || !c.PageInfo.HasPreviousPage || !c.PageInfo.HasNextPage {
		t.Errorf("second page of 5: %+v, want totalCount 38, a previous and a next page", c)
	}
	var uncounted struct {
		Statements struct {
			Nodes    []struct{ ID string }
			PageInfo struct{ HasNextPage bool }
		}
	}
	s.post(t, `query($a: String) { statements(first: 5, after: $a) { nodes { id } pageInfo { hasNextPage } } }`,
		map[string]any{"a": first.Statements.PageInfo.EndCursor}).data(t, &uncounted)
	if u := uncounted.Statements; len(u.Nodes) != 5 || !u.PageInfo.HasNextPage {
		t.Errorf("second page of 5 without counts: %+v", u)
	}
}

// An event's participants and their statements are prefetched together
// (graph/prefetch.go): the answer must equal asking for each participant's
// statements on its own.
func TestParticipantStatementsPrefetch(t *testing.T) {
	s := newTestServer(t)
	const about = "person:vladimir-putin"
	for _, event := range []string{"event:2025-09-04-coalition-of-the-willing-summit", "event:2025-09-04-call-with-donald-trump"} {
		var tree struct {
			Node struct {
				Participants []struct {
					Entity struct {
						ID         string
						Statements struct{ Nodes []struct{ ID string } }
					}
				}
			}
		}
		s.post(t, `query($e: ID!, $a: ID!) { node(id: $e) { ... on Event { participants { entity { id statements(filter: {about: $a}, first: 5) { nodes { id } } } } } } }`,
			map[string]any{"e": event, "a": about}).data(t, &tree)
		if len(tree.Node.Participants) == 0 {
			t.Fatalf("%s has no participants", event)
		}
		found := 0
		for _, p := range tree.Node.Participants {
			var one struct {
				Entity struct {
					Statements struct{ Nodes []struct{ ID string } }
				}
			}
			s.post(t, `query($id: ID!, $a: ID!) { entity(id: $id) { statements(filter: {about: $a}, first: 5) { nodes { id } } } }`,
				map[string]any{"id": p.Entity.ID, "a": about}).data(t, &one)
			if !reflect.DeepEqual(p.Entity.Statements.Nodes, one.Entity.Statements.Nodes) {
				t.Errorf("%s, participant %s: %v in the tree, %v alone", event, p.Entity.ID, p.Entity.Statements.Nodes, one.Entity.Statements.Nodes)
			}
			found += len(one.Entity.Statements.Nodes)
		}
		if found == 0 {
			t.Errorf("%s: no participant said anything about %s; the test proves nothing", event, about)
		}
	}
}

// values drops a JSON value's object keys, keeping values in key order of
// the plain query: enough to compare answers whose fields were aliased.
func values(v any) any {
	switch x := v.(type) {
	case map[string]any:
		var keys []string
		for k := range x {
			keys = append(keys, k)
		}
		// Key order differs under aliases; values are compared as a
		// multiset of their canonical JSON.
		var out []string
		for _, k := range keys {
			b, _ := json.Marshal(values(x[k]))
			out = append(out, string(b))
		}
		slices.Sort(out)
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = values(e)
		}
		return out
	}
	return v
}

// Neighbours' details (store.Fields.Details) are read only when asked for:
// asked for anywhere, through a fragment on Event or Entity too, every
// neighbour carries them, equal to reading the node on its own.
func TestNeighbourDetailsFollowTheQuery(t *testing.T) {
	s := newTestServer(t)
	type neighbour struct {
		ID          string
		Name        string
		Aliases     []string
		Description *string
		Kind        *string
		Date        *string
	}
	var page struct {
		Statements struct {
			Nodes []struct {
				Speaker  neighbour
				About    []neighbour
				Evidence struct {
					Source struct{ ID, Publisher, URL, PublishedAt string }
				}
			}
		}
	}
	s.post(t, `query { statements(first: 38) { nodes { speaker { ...E } about { id ... on Entity { ...E } ... on Event { name kind date } } evidence { source { ...S } } } } }
		fragment E on Entity { id name aliases description }
		fragment S on Source { id publisher url publishedAt }`, nil).data(t, &page)
	if len(page.Statements.Nodes) == 0 {
		t.Fatal("no statements")
	}
	seen := map[string]neighbour{}
	published := 0
	for _, n := range page.Statements.Nodes {
		seen[n.Speaker.ID] = n.Speaker
		for _, a := range n.About {
			seen[a.ID] = a
		}
		if src := n.Evidence.Source; src.Publisher != "" && src.PublishedAt != "" { // the seed gives no url
			published++
		}
	}
	if published == 0 {
		t.Error("no evidence source came with its publisher and date")
	}
	described, events := 0, 0
	for id, got := range seen {
		var one struct{ Node neighbour }
		s.post(t, `query($id: ID!) { node(id: $id) { ... on Entity { id name aliases description } ... on Event { id name kind date } } }`,
			map[string]any{"id": id}).data(t, &one)
		if !reflect.DeepEqual(got, one.Node) {
			t.Errorf("%s as a neighbour: %+v; on its own: %+v", id, got, one.Node)
		}
		if got.Description != nil && *got.Description != "" {
			described++
		}
		if got.Kind != nil {
			events++
		}
	}
	if described == 0 || events == 0 {
		t.Errorf("%d neighbours with a description, %d events among %d neighbours: the test proves little", described, events, len(seen))
	}
}
