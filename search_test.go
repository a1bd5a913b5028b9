package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"newsgraph/internal/kg"
)

type hit struct {
	Score   float64
	Snippet *string
	Node    struct {
		Typename string `json:"__typename"`
		ID       string
	}
}

func search(t *testing.T, s *testServer, q string) []hit {
	t.Helper()
	var got struct{ Search []hit }
	s.post(t, `query($q: String!) { search(query: $q, first: 20) { score snippet node { __typename id } } }`, map[string]any{"q": q}).data(t, &got)
	return got.Search
}

func TestSearchRanking(t *testing.T) {
	s := newTestServer(t)
	tests := []struct {
		query string
		first string   // the top hit
		also  []string // hits that must follow it
	}{
		// An exact name or alias beats a partial match in another name.
		{"Zelensky", "person:volodymyr-zelensky", []string{"event:2025-09-04-paris-press-conference"}},
		{"zelensky", "person:volodymyr-zelensky", nil},
		{"ZELENSKY", "person:volodymyr-zelensky", nil},
		{"Zelenskiy", "person:volodymyr-zelensky", []string{"statement:reuters-2025-09-05-coalition-of-the-willing-511"}},
		{"Zélenskiy", "person:volodymyr-zelensky", nil},
		{"Trump", "person:donald-trump", []string{"event:2025-09-04-call-with-donald-trump", "event:2025-08-alaska-meeting"}},
		{"Donald Trump", "person:donald-trump", nil},
		// Aliases.
		{"Kyiv", "nation:ukraine", nil},
		{"Berlin", "nation:germany", nil},
		{"Moscow", "nation:russia", nil},
		// Statements and events by their words.
		{"maritime domain", "statement:reuters-2025-09-05-coalition-of-the-willing-3543", nil},
		{`"common sense"`, "statement:reuters-2025-09-05-coalition-of-the-willing-4587", []string{"statement:reuters-2025-09-05-coalition-of-the-willing-4587-2"}},
		{"Beijing commemoration", "event:2025-09-beijing-commemoration", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			hits := search(t, s, tt.query)
			if len(hits) == 0 || hits[0].Node.ID != tt.first {
				t.Fatalf("top hit %+v, want %s", hits, tt.first)
			}
			for _, id := range tt.also {
				i := slices.IndexFunc(hits, func(h hit) bool { return h.Node.ID == id })
				if i < 1 {
					t.Errorf("%s is not among the hits after the first: %+v", id, hits)
				}
			}
			if hits[0].Snippet == nil || !strings.Contains(*hits[0].Snippet, "**") {
				t.Errorf("top hit's snippet does not mark the match: %v", hits[0].Snippet)
			}
			for i := 1; i < len(hits); i++ {
				if hits[i].Score > hits[i-1].Score && hits[i-1].Node.ID != tt.first {
					t.Errorf("hits out of score order at %d: %+v", i, hits)
				}
			}
		})
	}
	// Every hit's snippet marks a word that the query asked for.
	for _, h := range search(t, s, "troops") {
		if h.Snippet == nil || !strings.Contains(strings.ToLower(*h.Snippet), "**troops**") {
			t.Errorf("snippet %v of %s lacks **troops**", h.Snippet, h.Node.ID)
		}
	}
}

// Hostile input never causes a server error: each answer is a result or a
// BAD_USER_INPUT, never INTERNAL or a 5xx.
func TestSearchHostileInput(t *testing.T) {
	s := newTestServer(t)
	inputs := []string{
		`AND`, `OR NOT`, `*`, `?`, `~`, `^2`, `zelensky~0.5`, `name:putin`, `title:"x"`, `+putin -rutte`, `putin && rutte || macron`,
		`(putin`, `putin)`, `[a TO z]`, `{a TO z}`, `/regex.*/`, `\`, `\\`, `\"`, `"`, `""`, `"unbalanced`, `"a" "b" "`,
		`!`, `:`, `putin:`, `-`, `&&`, `||`, `a:b:c`, `'; DROP`, `') MATCH (n) DETACH DELETE n //`, `$x`, `{{x}}`,
		`Зеленський`, `泽连斯基`, `زيلينسكي`, `😀 Zelensky`, "tab\tnewline\nzero\x00", "\u202e reversed", `ﬁ ligature`,
		strings.Repeat("a", 10_000), strings.Repeat("zelensky ", 1200), strings.Repeat(`\"`, 300), strings.Repeat("*", 400),
	}
	before, rels, _ := s.store.Counts(t.Context())
	for _, in := range inputs {
		body, _ := json.Marshal(map[string]any{"query": `query($q: String!) { search(query: $q) { score node { id } } }`, "variables": map[string]any{"q": in}})
		res, err := http.Post(s.URL+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		r := decode(t, res)
		name := in
		if len(name) > 30 {
			name = name[:30] + "…"
		}
		if r.status >= 500 {
			t.Errorf("%q: HTTP %d", name, r.status)
		}
		for _, e := range r.Errors {
			if e.Extensions["code"] != "BAD_USER_INPUT" {
				t.Errorf("%q: error %+v", name, e)
			}
		}
		if len(r.Errors) == 0 && r.Data == nil {
			t.Errorf("%q: neither data nor errors", name)
		}
	}
	if after, rels2, _ := s.store.Counts(t.Context()); after != before || rels2 != rels {
		t.Errorf("search changed the graph: %d/%d nodes, %d/%d relationships", before, after, rels, rels2)
	}
	for _, blank := range []string{"", "   ", "\t\n"} {
		e := s.post(t, `query($q: String!) { search(query: $q) { score } }`, map[string]any{"q": blank}).onlyError(t)
		if e.Extensions["code"] != "BAD_USER_INPUT" || e.Extensions["argument"] != "query" {
			t.Errorf("blank %q: %+v", blank, e)
		}
	}
}

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

func TestTimelineOrder(t *testing.T) {
	s := newTestServer(t)
	type entry struct {
		Date     *string
		Relation string
		Node     struct {
			Typename string `json:"__typename"`
			ID       string
		}
	}
	var got struct {
		Trump struct{ Timeline []entry }
		Topic struct{ Timeline []entry }
	}
	s.post(t, `{ trump: entity(id: "person:donald-trump") { timeline { date relation node { __typename id } } }
	  topic: node(id: "topic:security-guarantees") { ... on Topic { timeline { date relation node { __typename id } } } } }`, nil).data(t, &got)
	for name, tl := range map[string][]entry{"Trump": got.Trump.Timeline, "topic": got.Topic.Timeline} {
		if len(tl) < 5 {
			t.Fatalf("%s timeline has %d entries", name, len(tl))
		}
		undated := false
		for i, e := range tl {
			if e.Date == nil {
				undated = true
				continue
			}
			if undated {
				t.Errorf("%s: dated entry %s after an undated one", name, e.Node.ID)
			}
			if i == 0 || tl[i-1].Date == nil {
				continue
			}
			prev, cur := kg.Date(*tl[i-1].Date), kg.Date(*e.Date)
			// Oldest first; a partial date sits at the start of its period,
			// before the days in it.
			if prev.Start() > cur.Start() || (prev.Start() == cur.Start() && len(prev) > len(cur)) {
				t.Errorf("%s: %s (%s) before %s (%s)", name, tl[i-1].Node.ID, prev, e.Node.ID, cur)
			}
		}
	}
	tl := got.Trump.Timeline
	if tl[0].Node.ID != "event:2025-08-alaska-meeting" || tl[0].Relation != "PARTICIPATED" {
		t.Errorf("Trump's timeline starts with %+v, want the Alaska meeting", tl[0])
	}
	var rels []string
	for _, e := range tl {
		if !slices.Contains(rels, e.Relation) {
			rels = append(rels, e.Relation)
		}
	}
	slices.Sort(rels)
	if !slices.Equal(rels, []string{"MENTIONED", "PARTICIPATED", "SAID"}) {
		t.Errorf("Trump's timeline relations %v", rels)
	}
	// A month-only date comes before the days of that month.
	i := slices.IndexFunc(tl, func(e entry) bool { return e.Date != nil && *e.Date == "2025-09" })
	j := slices.IndexFunc(tl, func(e entry) bool { return e.Date != nil && *e.Date == "2025-09-03" })
	if i < 0 || j < 0 || i > j {
		t.Errorf("2025-09 at %d, 2025-09-03 at %d", i, j)
	}
}

// The CSV export parses back into exactly the statements the same filter
// returns over GraphQL, column by column.
func TestExportMatchesGraphQL(t *testing.T) {
	s := newTestServer(t)
	filters := []map[string]any{
		{},
		{"speaker": "person:mark-rutte"},
		{"kind": "QUOTE", "from": "2025-09-04"},
		{"topic": "topic:security-guarantees", "speakerKinds": []string{"PERSON", "NATION"}},
		{"text": "troops", "about": "nation:ukraine"},
		{"speaker": "person:giorgia-meloni", "kind": "QUOTE"},
	}
	for _, f := range filters {
		var want struct {
			Statements struct {
				Nodes []struct {
					ID, Kind, Text string
					Date           *string
					Attribution    *string
					Speaker        struct{ Name string }
					About          []struct{ Name string }
					Event          *struct{ Name string }
					Topics         []struct{ Name string }
					Evidence       struct {
						Start, End int
						Excerpt    string
						Source     struct {
							Title string
							URL   *string
						}
					}
				}
			}
		}
		s.post(t, `query($f: StatementFilter) { statements(filter: $f, first: 100) { nodes { id kind text date attribution speaker { name }
		  about { ... on Entity { name } ... on Event { name } } event { name } topics { name } evidence { start end excerpt source { title url } } } } }`,
			map[string]any{"f": f}).data(t, &want)

		params := url.Values{}
		for k, v := range f {
			if list, ok := v.([]string); ok {
				params.Set(k, strings.Join(list, ","))
			} else {
				params.Set(k, v.(string))
			}
		}
		res, err := http.Get(s.URL + "/export/statements.csv?" + params.Encode())
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") {
			t.Fatalf("%v: %d %s", f, res.StatusCode, body)
		}
		rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
		if err != nil {
			t.Fatalf("%v: the CSV does not parse: %v", f, err)
		}
		if !slices.Equal(rows[0], exportColumns) {
			t.Errorf("header %q", rows[0])
		}
		rows = rows[1:]
		if len(rows) != len(want.Statements.Nodes) {
			t.Fatalf("%v: %d CSV rows, %d statements over GraphQL", f, len(rows), len(want.Statements.Nodes))
		}
		deref := func(p *string) string {
			if p == nil {
				return ""
			}
			return *p
		}
		for i, n := range want.Statements.Nodes {
			var about, topics []string
			for _, a := range n.About {
				about = append(about, a.Name)
			}
			for _, tp := range n.Topics {
				topics = append(topics, tp.Name)
			}
			event := ""
			if n.Event != nil {
				event = n.Event.Name
			}
			wantRow := []string{n.ID, deref(n.Date), n.Kind, n.Speaker.Name, deref(n.Attribution), strings.Join(about, "; "), event,
				strings.Join(topics, "; "), n.Text, n.Evidence.Source.Title, deref(n.Evidence.Source.URL),
				itoa(n.Evidence.Start), itoa(n.Evidence.End), n.Evidence.Excerpt}
			if !slices.Equal(rows[i], wantRow) {
				t.Errorf("%v row %d:\n got %q\nwant %q", f, i, rows[i], wantRow)
			}
		}
	}

	// JSON Lines: one object per statement, the same ids in the same order.
	res, err := http.Get(s.URL + "/export/statements.jsonl?speaker=person:mark-rutte")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	dec := json.NewDecoder(res.Body)
	var ids []string
	for dec.More() {
		var obj struct {
			ID    string
			About []string
		}
		if err := dec.Decode(&obj); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, obj.ID)
	}
	if len(ids) != 4 {
		t.Errorf("jsonl for Rutte has %d statements, want 4", len(ids))
	}

	for _, bad := range []string{"from=yesterday", "kind=RUMOUR", "speaker=Rutte", "colour=red", "speakerKinds=PLANET", "text=%2B%2B", "from=2025-09-04&to=2025-08", "speaker=person:a&speaker=person:b"} {
		res, err := http.Get(s.URL + "/export/statements.csv?" + bad)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(string(b), "BAD_USER_INPUT") {
			t.Errorf("%s: %d %s, want 400", bad, res.StatusCode, b)
		}
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }
