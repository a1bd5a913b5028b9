package main

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"newsgraph/internal/config"
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

func TestBadInput(t *testing.T) {
	s := newTestServer(t)
	nodes, rels, err := s.store.Counts(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, query string
		vars        map[string]any
		argument    string
		message     string
	}{
		{"first 0", `{ entities(first: 0) { totalCount } }`, nil, "first", "first: must be between 1 and 100, got 0"},
		{"first 101", `{ entities(first: 101) { totalCount } }`, nil, "first", "first: must be between 1 and 100, got 101"},
		{"first negative", `query($n: Int) { entities(first: $n) { totalCount } }`, map[string]any{"n": -3}, "first", "got -3"},
		{"bad cursor", `{ entities(after: "bm90IGEgY3Vyc29y") { totalCount } }`, nil, "after", "not a cursor from this list"},
		{"malformed id", `{ entity(id: "Emmanuel Macron") { id } }`, nil, "id", "not an id of the form <kind>:<slug>"},
		{"unknown id kind", `{ node(id: "planet:mars") { id } }`, nil, "id", `unknown kind "planet"`},
		{"injection in id", `{ entity(id: "person:x' }) MATCH (n) DETACH DELETE n //") { id } }`, nil, "id", "bad slug"},
		{"punctuation name", `{ entities(filter: {name: "***"}) { totalCount } }`, nil, "filter.name", "no letters or digits"},
		{"unknown enum", `{ entities(filter: {kinds: [PLANET]}) { totalCount } }`, nil, "", "PLANET"},
		{"syntax error", `{ entities(first: ) { totalCount } }`, nil, "", "Unexpected )"},
		{"unknown field", `{ entities { total } }`, nil, "", `Cannot query field "total"`},
		{"huge first", `{ entities(first: 99999999999) { totalCount } }`, nil, "first", "got 99999999999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := s.post(t, tt.query, tt.vars)
			e := r.onlyError(t)
			if e.Extensions["code"] != "BAD_USER_INPUT" {
				t.Errorf("code = %v, want BAD_USER_INPUT (%s)", e.Extensions["code"], r.raw)
			}
			if a, _ := e.Extensions["argument"].(string); a != tt.argument {
				t.Errorf("argument = %q, want %q", a, tt.argument)
			}
			if !strings.Contains(e.Message, tt.message) {
				t.Errorf("message %q does not say %q", e.Message, tt.message)
			}
		})
	}
	// None of that changed the graph.
	if n, r, err := s.store.Counts(t.Context()); err != nil || n != nodes || r != rels {
		t.Errorf("graph holds %d nodes and %d relationships (err %v), want %d and %d as before", n, r, err, nodes, rels)
	}
}

func TestComplexityLimit(t *testing.T) {
	s := newTestServer(t, func(c *config.Config) { c.ComplexityLimit = 50 })
	// 20 entities × (id + name + edges…) is well over 50.
	r := s.post(t, `{ entities(first: 20) { nodes { id name aliases description kind } } }`, nil)
	e := r.onlyError(t)
	if e.Extensions["code"] != "COMPLEXITY_LIMIT_EXCEEDED" || !strings.Contains(e.Message, "exceeds the limit of 50") {
		t.Errorf("error = %+v", e)
	}
	// The cost scales with first: one entity fits.
	var ok struct {
		Entities struct{ Nodes []struct{ ID string } }
	}
	s.post(t, `{ entities(first: 1) { nodes { id name aliases description kind } } }`, nil).data(t, &ok)
	if len(ok.Entities.Nodes) != 1 {
		t.Errorf("first: 1 gave %d nodes", len(ok.Entities.Nodes))
	}
}

func TestTransportsAndAPQ(t *testing.T) {
	s := newTestServer(t)
	const q = `{ entity(id: "nation:france") { name } }`

	res, err := http.Get(s.URL + "/graphql?query=" + url.QueryEscape(q))
	if err != nil {
		t.Fatal(err)
	}
	var got struct{ Entity struct{ Name string } }
	decode(t, res).data(t, &got)
	if got.Entity.Name != "France" {
		t.Errorf("GET: %+v", got)
	}

	// Automatic persisted queries: the hash alone is unknown at first, then
	// hash plus query registers it, then the hash alone works.
	const hash = "3b5a6a2e0e1ca5a0a6bd1f2a5b2f8a0f33e93b8b0a4f7e8d2c2ab1c9f5b8d1e7"
	ext := func(h string) string {
		return url.QueryEscape(fmt.Sprintf(`{"persistedQuery":{"version":1,"sha256Hash":%q}}`, h))
	}
	sum := sha256Hex(q)
	res, _ = http.Get(s.URL + "/graphql?extensions=" + ext(sum))
	if e := decode(t, res).onlyError(t); !strings.Contains(e.Message, "PersistedQueryNotFound") {
		t.Errorf("unknown hash: %+v", e)
	}
	res, _ = http.Get(s.URL + "/graphql?query=" + url.QueryEscape(q) + "&extensions=" + ext(sum))
	decode(t, res).data(t, &got)
	res, _ = http.Get(s.URL + "/graphql?extensions=" + ext(sum))
	decode(t, res).data(t, &got)
	if got.Entity.Name != "France" {
		t.Errorf("APQ by hash: %+v", got)
	}
	res, _ = http.Get(s.URL + "/graphql?query=" + url.QueryEscape(q) + "&extensions=" + ext(hash))
	if e := decode(t, res).onlyError(t); e.Extensions["code"] != "BAD_USER_INPUT" {
		t.Errorf("mismatched hash: %+v", e)
	}
}

func TestRoutes(t *testing.T) {
	s := newTestServer(t)
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	// The explorer at /: its page, and assets that come from this server
	// only, cached for good (their names carry a content hash).
	page := get(t, s.URL+"/", http.StatusOK)
	if !strings.Contains(page, "<title>newsgraph explorer</title>") {
		t.Errorf("/ is not the explorer: %.300s", page)
	}
	assets := 0
	for _, attr := range []string{`src="`, `href="`} {
		for _, part := range strings.Split(page, attr)[1:] {
			link := part[:strings.IndexByte(part, '"')]
			if strings.HasPrefix(link, "#") {
				continue
			}
			if !strings.HasPrefix(link, "/assets/") && link != "/playground" {
				t.Errorf("the explorer loads %q from elsewhere", link)
				continue
			}
			if strings.HasPrefix(link, "/assets/") {
				assets++
				res, err := noRedirect.Get(s.URL + link)
				if err != nil {
					t.Fatal(err)
				}
				res.Body.Close()
				if res.StatusCode != http.StatusOK || !strings.Contains(res.Header.Get("Cache-Control"), "immutable") {
					t.Errorf("%s: %d, Cache-Control %q", link, res.StatusCode, res.Header.Get("Cache-Control"))
				}
			}
		}
	}
	if assets == 0 {
		t.Error("the explorer page loads no script or style")
	}

	body := get(t, s.URL+"/playground", http.StatusOK)
	if !strings.Contains(body, "<title>newsgraph playground</title>") || !strings.Contains(body, "RutteOnPutin") || !strings.Contains(body, "SanctionsStatements") {
		t.Errorf("playground page lacks its title or examples")
	}
	// Everything the page loads comes from this server: no CDN.
	for _, attr := range []string{`src="`, `href="`} {
		for _, part := range strings.Split(body, attr)[1:] {
			if link := part[:strings.IndexByte(part, '"')]; !strings.HasPrefix(link, "/playground/assets/") {
				t.Errorf("playground loads %q from outside the binary", link)
			}
		}
	}
	for _, asset := range []string{"graphiql.min.js", "graphiql.min.css", "react.production.min.js", "react-dom.production.min.js"} {
		if b := get(t, s.URL+"/playground/assets/"+asset, http.StatusOK); len(b) < 1000 {
			t.Errorf("asset %s is %d bytes", asset, len(b))
		}
	}

	if b := get(t, s.URL+"/healthz", http.StatusOK); !strings.Contains(b, `"ok"`) {
		t.Errorf("/healthz: %s", b)
	}
	if b := get(t, s.URL+"/readyz", http.StatusOK); !strings.Contains(b, `"ready"`) {
		t.Errorf("/readyz: %s", b)
	}
	sdl := get(t, s.URL+"/schema.graphql", http.StatusOK)
	for _, want := range []string{"interface Entity implements Node", "entities(filter: EntityFilter, first: Int, after: String): EntityConnection!",
		"type Statement implements Node", "scalar Date", "input StatementFilter"} {
		if !strings.Contains(sdl, want) {
			t.Errorf("/schema.graphql lacks %q", want)
		}
	}
	s.post(t, `{ entities { totalCount } }`, nil)
	if m := get(t, s.URL+"/metrics", http.StatusOK); !strings.Contains(m, `newsgraph_http_requests_total{code="200",handler="graphql",method="post"}`) {
		t.Errorf("/metrics does not count the GraphQL request")
	}
	get(t, s.URL+"/nowhere", http.StatusNotFound)
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

func get(t *testing.T, u string, status int) string {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != status {
		t.Fatalf("GET %s: %d, want %d: %s", u, res.StatusCode, status, b)
	}
	return string(b)
}

func sha256Hex(s string) string {
	return fmt.Sprintf("%x", sha256Sum([]byte(s)))
}
