package server

import (
	"fmt"
	"slices"
	"testing"

	"newsgraph/seed"
)

type entityJSON struct {
	Typename    string   `json:"__typename"`
	ID          string   `json:"id"`
	Kind        string   `json:"kind"`
	Name        string   `json:"name"`
	Aliases     []string `json:"aliases"`
	Description *string  `json:"description"`
}

type connectionJSON struct {
	TotalCount int `json:"totalCount"`
	PageInfo   struct {
		HasNextPage     bool    `json:"hasNextPage"`
		HasPreviousPage bool    `json:"hasPreviousPage"`
		StartCursor     *string `json:"startCursor"`
		EndCursor       *string `json:"endCursor"`
	} `json:"pageInfo"`
	Edges []struct {
		Cursor string     `json:"cursor"`
		Node   entityJSON `json:"node"`
	} `json:"edges"`
	Nodes []entityJSON `json:"nodes"`
}

func TestEntityByID(t *testing.T) {
	s := newTestServer(t)
	const q = `query($id: ID!) { entity(id: $id) { __typename id kind name aliases description } }`

	var got struct{ Entity *entityJSON }
	s.post(t, q, map[string]any{"id": "person:volodymyr-zelensky"}).data(t, &got)
	if got.Entity == nil {
		t.Fatal("entity is null")
	}
	e := *got.Entity
	if e.Typename != "Person" || e.Kind != "PERSON" || e.Name != "Volodymyr Zelensky" ||
		!slices.Equal(e.Aliases, []string{"Volodymyr Zelenskiy", "Zelensky", "Zelenskiy"}) || e.Description == nil || *e.Description != "President of Ukraine" {
		t.Errorf("entity = %+v", e)
	}

	s.post(t, q, map[string]any{"id": "organisation:european-council"}).data(t, &got)
	if got.Entity == nil || got.Entity.Typename != "Organisation" || got.Entity.Description != nil || got.Entity.Aliases == nil || len(got.Entity.Aliases) != 0 {
		t.Errorf("European Council = %+v; want an Organisation with no description and an empty alias list", got.Entity)
	}

	// A well-formed id that names nothing is null, not an error.
	s.post(t, q, map[string]any{"id": "person:nobody-at-all"}).data(t, &got)
	if got.Entity != nil {
		t.Errorf("unknown id gave %+v, want null", got.Entity)
	}
}

func TestNode(t *testing.T) {
	s := newTestServer(t)
	const q = `query($id: ID!) { node(id: $id) { __typename id ... on Entity { name kind } } }`
	tests := []struct {
		id, typename, name string
	}{
		{"nation:bulgaria", "Nation", "Bulgaria"},
		{"person:rosen-zhelyazkov", "Person", "Rosen Zhelyazkov"},
		{"organisation:coalition-of-the-willing", "Organisation", "Coalition of the Willing"},
		{"nation:atlantis", "", ""},
		{"event:2031-01-01-no-such-event", "", ""},
	}
	for _, tt := range tests {
		var got struct {
			Node *struct {
				Typename string `json:"__typename"`
				ID, Name string
			}
		}
		s.post(t, q, map[string]any{"id": tt.id}).data(t, &got)
		switch {
		case tt.typename == "" && got.Node != nil:
			t.Errorf("node(%s) = %+v, want null", tt.id, got.Node)
		case tt.typename != "" && (got.Node == nil || got.Node.Typename != tt.typename || got.Node.ID != tt.id || got.Node.Name != tt.name):
			t.Errorf("node(%s) = %+v, want %s %q", tt.id, got.Node, tt.typename, tt.name)
		}
	}
}

func TestEntitiesNameFilter(t *testing.T) {
	s := newTestServer(t)
	const q = `query($f: EntityFilter) { entities(filter: $f) { totalCount nodes { id } } }`
	tests := []struct {
		name   string
		filter map[string]any
		want   []string
	}{
		{"alias lower case", map[string]any{"name": "zelenskiy"}, []string{"person:volodymyr-zelensky"}},
		{"upper case", map[string]any{"name": "ZELENSKY"}, []string{"person:volodymyr-zelensky"}},
		{"accented", map[string]any{"name": "Zélenský"}, []string{"person:volodymyr-zelensky"}},
		{"alias alone", map[string]any{"name": "Macron"}, []string{"person:emmanuel-macron"}},
		{"surname prefix", map[string]any{"name": "zhel"}, []string{"person:rosen-zhelyazkov"}},
		{"full name spacing", map[string]any{"name": "  mark   RUTTE "}, []string{"person:mark-rutte"}},
		{"kind only, in name order", map[string]any{"kinds": []string{"NATION"}}, []string{
			"nation:united-kingdom", "nation:bulgaria", "nation:china", "nation:france", "nation:germany", "nation:italy",
			"nation:north-korea", "nation:romania", "nation:russia", "nation:turkey", "nation:ukraine", "nation:united-states"}},
		{"kind and name", map[string]any{"kinds": []string{"ORGANISATION"}, "name": "co"}, []string{"organisation:coalition-of-the-willing", "organisation:european-council"}},
		{"alias that is a capital", map[string]any{"name": "kyiv"}, []string{"nation:ukraine"}},
		{"two kinds", map[string]any{"kinds": []string{"PERSON", "NATION"}, "name": "ru"}, []string{"person:donald-trump", "person:mark-rutte", "nation:russia"}},
		{"kind excludes", map[string]any{"kinds": []string{"NATION"}, "name": "macron"}, []string{}},
		{"empty kinds list means all", map[string]any{"kinds": []string{}, "name": "nato"}, []string{"organisation:nato"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got struct {
				Entities struct {
					TotalCount int
					Nodes      []struct{ ID string }
				}
			}
			s.post(t, q, map[string]any{"f": tt.filter}).data(t, &got)
			ids := []string{}
			for _, n := range got.Entities.Nodes {
				ids = append(ids, n.ID)
			}
			if !slices.Equal(ids, tt.want) || got.Entities.TotalCount != len(tt.want) {
				t.Errorf("got %q (total %d), want %q", ids, got.Entities.TotalCount, tt.want)
			}
		})
	}
}

func TestEntitiesPagination(t *testing.T) {
	s := newTestServer(t)
	const q = `query($first: Int, $after: String) {
  entities(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id } }
    nodes { id }
  }
}`
	var def struct{ Entities connectionJSON }
	s.post(t, q, nil).data(t, &def)
	if n := seedEntityCount(t); def.Entities.TotalCount != n || len(def.Entities.Nodes) != 20 || !def.Entities.PageInfo.HasNextPage {
		t.Fatalf("default page: total %d, %d nodes, next %v; want total %d, 20 nodes and more to come",
			def.Entities.TotalCount, len(def.Entities.Nodes), def.Entities.PageInfo.HasNextPage, n)
	}
	var all struct{ Entities connectionJSON }
	s.post(t, q, map[string]any{"first": 100}).data(t, &all)
	var want []string
	for _, n := range all.Entities.Nodes {
		want = append(want, n.ID)
	}

	for _, size := range []int{1, 7, 20} {
		t.Run(fmt.Sprintf("first %d", size), func(t *testing.T) {
			var walked []string
			var after any
			for page := 0; page <= len(want); page++ {
				var got struct{ Entities connectionJSON }
				s.post(t, q, map[string]any{"first": size, "after": after}).data(t, &got)
				c := got.Entities
				if c.TotalCount != len(want) {
					t.Fatalf("page %d: totalCount %d", page, c.TotalCount)
				}
				if len(c.Edges) != len(c.Nodes) || len(c.Edges) > size {
					t.Fatalf("page %d: %d edges, %d nodes, first %d", page, len(c.Edges), len(c.Nodes), size)
				}
				for i, e := range c.Edges {
					if e.Node.ID != c.Nodes[i].ID {
						t.Fatalf("edges and nodes disagree at %d", i)
					}
					walked = append(walked, e.Node.ID)
				}
				if c.PageInfo.HasPreviousPage != (page > 0) {
					t.Errorf("page %d: hasPreviousPage = %v", page, c.PageInfo.HasPreviousPage)
				}
				if *c.PageInfo.StartCursor != c.Edges[0].Cursor || *c.PageInfo.EndCursor != c.Edges[len(c.Edges)-1].Cursor {
					t.Errorf("page %d: start/end cursors do not match the edges", page)
				}
				if !c.PageInfo.HasNextPage {
					break
				}
				after = *c.PageInfo.EndCursor
			}
			if !slices.Equal(walked, want) {
				t.Errorf("walked %q, want %q", walked, want)
			}
		})
	}

	// Past the end: an empty page with null cursors.
	var last struct{ Entities connectionJSON }
	s.post(t, q, map[string]any{"first": 1, "after": all.Entities.Edges[len(want)-1].Cursor}).data(t, &last)
	if len(last.Entities.Nodes) != 0 || last.Entities.PageInfo.HasNextPage || !last.Entities.PageInfo.HasPreviousPage ||
		last.Entities.PageInfo.StartCursor != nil || last.Entities.PageInfo.EndCursor != nil {
		t.Errorf("after the last edge: %+v", last.Entities)
	}
}

// seedEntityCount is how many entities the seed declares.
func seedEntityCount(t *testing.T) int {
	t.Helper()
	docs, err := seed.Documents()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range docs {
		n += len(d.Entities)
	}
	return n
}
