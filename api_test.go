package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"newsgraph/internal/config"
	"newsgraph/internal/kg"
	"newsgraph/seed"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// The playground's example queries answer exactly as their golden files say.
// Each golden file was read against the report when written; -update
// rewrites them after a deliberate change to the seed.
func TestPlaygroundExamples(t *testing.T) {
	s := newTestServer(t)
	for i, ex := range examples {
		name := fmt.Sprintf("%02d-%s", i+1, strings.Trim(regexp.MustCompile(`[^a-z0-9]+`).ReplaceAllString(strings.ToLower(ex.Title), "-"), "-"))
		if len(name) > 60 {
			name = strings.TrimRight(name[:60], "-")
		}
		t.Run(name, func(t *testing.T) {
			r := s.post(t, ex.Query, nil)
			if len(r.Errors) > 0 {
				t.Fatalf("errors: %s", r.raw)
			}
			var pretty bytes.Buffer
			if err := json.Indent(&pretty, r.Data, "", "  "); err != nil {
				t.Fatal(err)
			}
			pretty.WriteByte('\n')
			golden := filepath.Join("testdata", "examples", name+".json")
			if *update {
				if err := os.WriteFile(golden, pretty.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestPlaygroundExamples -update to create it)", err)
			}
			if !bytes.Equal(pretty.Bytes(), want) {
				t.Errorf("answer differs from %s:\n%s", golden, pretty.String())
			}
		})
	}
}

// oracle answers statement filters from the seed documents themselves,
// independently of Neo4j and Cypher.
type oracle struct {
	statements []kg.Statement
	kinds      map[string]kg.EntityKind
	text       map[string]string
}

func newOracle(t *testing.T) *oracle {
	t.Helper()
	docs, err := seed.Documents()
	if err != nil {
		t.Fatal(err)
	}
	o := &oracle{kinds: map[string]kg.EntityKind{}, text: map[string]string{}}
	for _, d := range docs {
		o.statements = append(o.statements, d.Statements...)
		o.text[d.Source.ID] = d.Source.Text
		for _, e := range d.Entities {
			o.kinds[e.ID] = e.Kind
		}
	}
	// The contract's order: newest first (a partial date as its first day,
	// undated last), then source, then position in the source, then id.
	sortKey := func(s kg.Statement) string {
		if s.Date == "" {
			return ""
		}
		return s.Date.Start()
	}
	sort.SliceStable(o.statements, func(i, j int) bool {
		a, b := o.statements[i], o.statements[j]
		if ka, kb := sortKey(a), sortKey(b); ka != kb {
			return ka > kb
		}
		if a.Evidence.SourceID != b.Evidence.SourceID {
			return a.Evidence.SourceID < b.Evidence.SourceID
		}
		if a.Evidence.Start != b.Evidence.Start {
			return a.Evidence.Start < b.Evidence.Start
		}
		return a.ID < b.ID
	})
	return o
}

var wordRE = regexp.MustCompile(`[\pL\pN]+`)

// filter applies a GraphQL StatementFilter, written as JSON, to the seed.
func (o *oracle) filter(f map[string]any) []string {
	str := func(k string) string { v, _ := f[k].(string); return v }
	ids := []string{}
	for _, s := range o.statements {
		if v := str("speaker"); v != "" && s.SpeakerID != v {
			continue
		}
		if v := str("about"); v != "" && !slices.Contains(s.AboutIDs, v) {
			continue
		}
		if v := str("event"); v != "" && s.EventID != v {
			continue
		}
		if v := str("topic"); v != "" && !slices.Contains(s.TopicIDs, v) {
			continue
		}
		if v := str("kind"); v != "" && string(s.Kind) != v {
			continue
		}
		if v := str("from"); v != "" && (s.Date == "" || s.Date.End() < kg.Date(v).Start()) {
			continue
		}
		if v := str("to"); v != "" && (s.Date == "" || s.Date.Start() > kg.Date(v).End()) {
			continue
		}
		if v := str("text"); v != "" {
			words := wordRE.FindAllString(strings.ToLower(s.Text), -1)
			ok := true
			for _, w := range wordRE.FindAllString(strings.ToLower(v), -1) {
				ok = ok && slices.ContainsFunc(words, func(tok string) bool { return strings.HasPrefix(tok, w) })
			}
			if !ok {
				continue
			}
		}
		if v, ok := f["speakerKinds"].([]string); ok && !slices.Contains(v, string(o.kinds[s.SpeakerID])) {
			continue
		}
		ids = append(ids, s.ID)
	}
	return ids
}

type statementIDs struct {
	TotalCount int
	Nodes      []struct{ ID string }
}

func (c statementIDs) ids() []string {
	out := []string{}
	for _, n := range c.Nodes {
		out = append(out, n.ID)
	}
	return out
}

var statementFilters = []struct {
	name   string
	filter map[string]any
}{
	{"no filter", map[string]any{}},
	{"speaker", map[string]any{"speaker": "person:emmanuel-macron"}},
	{"speaker, a nation", map[string]any{"speaker": "nation:germany"}},
	{"about an entity", map[string]any{"about": "person:vladimir-putin"}},
	{"about an event", map[string]any{"about": "event:2025-09-04-coalition-of-the-willing-summit"}},
	{"event", map[string]any{"event": "event:2025-09-04-paris-press-conference"}},
	{"topic", map[string]any{"topic": "topic:troop-deployment"}},
	{"kind quote", map[string]any{"kind": "QUOTE"}},
	{"kind paraphrase", map[string]any{"kind": "PARAPHRASE"}},
	{"from a day", map[string]any{"from": "2025-09-04"}},
	{"to a day", map[string]any{"to": "2025-09-03"}},
	{"from a month: partial dates overlap", map[string]any{"from": "2025-09"}},
	{"to a month", map[string]any{"to": "2025-08"}},
	{"from and to, one day", map[string]any{"from": "2025-09-03", "to": "2025-09-03"}},
	{"text, one word", map[string]any{"text": "troops"}},
	{"text, the start of a word", map[string]any{"text": "troop"}},
	{"text, any case, two words", map[string]any{"text": "TROOPS ukraine"}},
	{"text with Lucene syntax", map[string]any{"text": `troops AND (ukraine) "x`}},
	{"speaker kinds", map[string]any{"speakerKinds": []string{"NATION", "ORGANISATION"}}},
	{"speaker and about", map[string]any{"speaker": "person:mark-rutte", "about": "person:vladimir-putin"}},
	{"kind and speaker kinds", map[string]any{"kind": "PARAPHRASE", "speakerKinds": []string{"NATION"}}},
	{"topic and from", map[string]any{"topic": "topic:security-guarantees", "from": "2025-09-04"}},
	{"event and kind", map[string]any{"event": "event:2025-09-04-paris-press-conference", "kind": "QUOTE"}},
	{"text and speaker", map[string]any{"text": "Putin", "speaker": "person:mark-rutte"}},
	{"about, topic and to", map[string]any{"about": "nation:ukraine", "topic": "topic:peace-talks", "to": "2025-09-03"}},
	{"everything", map[string]any{"speaker": "person:volodymyr-zelensky", "about": "nation:ukraine", "event": "event:2025-09-04-paris-press-conference",
		"topic": "topic:security-guarantees", "kind": "QUOTE", "from": "2025-09", "to": "2025-09-30", "text": "security", "speakerKinds": []string{"PERSON"}}},
	{"nothing matches", map[string]any{"speaker": "person:giorgia-meloni", "kind": "QUOTE"}},
	{"unknown but well-formed id", map[string]any{"speaker": "person:nobody"}},
}

// Every filter field works alone and in combination, at the top level and
// under every connection that takes a filter.
func TestStatementFilters(t *testing.T) {
	s := newTestServer(t)
	o := newOracle(t)
	const q = `query($f: StatementFilter) { statements(filter: $f, first: 100) { totalCount nodes { id } } }`
	for _, tt := range statementFilters {
		t.Run(tt.name, func(t *testing.T) {
			want := o.filter(tt.filter)
			var got struct{ Statements statementIDs }
			s.post(t, q, map[string]any{"f": tt.filter}).data(t, &got)
			if !slices.Equal(got.Statements.ids(), want) || got.Statements.TotalCount != len(want) {
				t.Errorf("got %d %q,\nwant %d %q", got.Statements.TotalCount, got.Statements.ids(), len(want), want)
			}
		})
	}
	if n := len(o.filter(map[string]any{"from": "2025-09"})); n <= len(o.filter(map[string]any{"from": "2025-09-04"})) {
		t.Errorf("the month should include more statements than its last days; the partial-date case is not exercised")
	}

	// The same filters hang under every parent: the parent narrows, the filter narrows further.
	parents := []struct {
		name, query string
		scope       map[string]any
	}{
		{"Person.statements", `query($f: StatementFilter) { x: entity(id: "person:emmanuel-macron") { statements(filter: $f, first: 100) { totalCount nodes { id } } } }`, map[string]any{"speaker": "person:emmanuel-macron"}},
		{"Nation.mentions", `query($f: StatementFilter) { x: entity(id: "nation:ukraine") { mentions(filter: $f, first: 100) { totalCount nodes { id } } } }`, map[string]any{"about": "nation:ukraine"}},
		{"Organisation.statements", `query($f: StatementFilter) { x: entity(id: "organisation:european-governments") { statements(filter: $f, first: 100) { totalCount nodes { id } } } }`, map[string]any{"speaker": "organisation:european-governments"}},
		{"Event.statements", `query($f: StatementFilter) { x: node(id: "event:2025-09-04-paris-press-conference") { ... on Event { statements(filter: $f, first: 100) { totalCount nodes { id } } } } }`, map[string]any{"event": "event:2025-09-04-paris-press-conference"}},
		{"Topic.statements", `query($f: StatementFilter) { x: node(id: "topic:security-guarantees") { ... on Topic { statements(filter: $f, first: 100) { totalCount nodes { id } } } } }`, map[string]any{"topic": "topic:security-guarantees"}},
		{"Source.statements", `query($f: StatementFilter) { x: node(id: "source:reuters-2025-09-05-coalition-of-the-willing") { ... on Source { statements(filter: $f, first: 100) { totalCount nodes { id } } } } }`, map[string]any{}},
	}
	for _, p := range parents {
		for _, f := range []map[string]any{{}, {"kind": "QUOTE"}, {"text": "security"}, {"from": "2025-09-04"}, {"topic": "topic:security-guarantees", "kind": "PARAPHRASE"}} {
			t.Run(fmt.Sprintf("%s %v", p.name, f), func(t *testing.T) {
				both := map[string]any{}
				for k, v := range f {
					both[k] = v
				}
				for k, v := range p.scope {
					if _, clash := both[k]; !clash {
						both[k] = v
					}
				}
				want := o.filter(both)
				if k, v := "topic", f["topic"]; v != nil && p.scope[k] != nil && v != p.scope[k] {
					want = []string{}
				}
				var got struct {
					X map[string]statementIDs
				}
				s.post(t, p.query, map[string]any{"f": f}).data(t, &got)
				var c statementIDs
				for _, v := range got.X {
					c = v
				}
				if !slices.Equal(c.ids(), want) || c.TotalCount != len(want) {
					t.Errorf("got %d %q,\nwant %d %q", c.TotalCount, c.ids(), len(want), want)
				}
			})
		}
	}
}

// Every connection, walked a page at a time with first 1 and first 7: no
// duplicates, no gaps, the union is totalCount, pageInfo right both ways.
func TestPaginationWalks(t *testing.T) {
	s := newTestServer(t)
	loadExample(t, s) // a second source, so sources have pages to walk
	conns := []struct {
		name string
		// query has $first and $after, and its connection is at path.
		query string
		path  []string
	}{
		{"entities", `query($first: Int, $after: String) { c: entities(first: $first, after: $after) { ...C } }`, nil},
		{"statements", `query($first: Int, $after: String) { c: statements(first: $first, after: $after) { ...C } }`, nil},
		{"events", `query($first: Int, $after: String) { c: events(first: $first, after: $after) { ...C } }`, nil},
		{"sources", `query($first: Int, $after: String) { c: sources(first: $first, after: $after) { ...C } }`, nil},
		{"Person.statements", `query($first: Int, $after: String) { p: entity(id: "person:emmanuel-macron") { c: statements(first: $first, after: $after) { ...C } } }`, []string{"p"}},
		{"Nation.mentions", `query($first: Int, $after: String) { p: entity(id: "nation:ukraine") { c: mentions(first: $first, after: $after) { ...C } } }`, []string{"p"}},
		{"Person.events", `query($first: Int, $after: String) { p: entity(id: "person:emmanuel-macron") { c: events(first: $first, after: $after) { ...C } } }`, []string{"p"}},
		{"Event.statements", `query($first: Int, $after: String) { p: node(id: "event:2025-09-04-paris-press-conference") { ... on Event { c: statements(first: $first, after: $after) { ...C } } } }`, []string{"p"}},
		{"Topic.statements", `query($first: Int, $after: String) { p: node(id: "topic:security-guarantees") { ... on Topic { c: statements(first: $first, after: $after) { ...C } } } }`, []string{"p"}},
		{"Source.statements", `query($first: Int, $after: String) { p: node(id: "source:reuters-2025-09-05-coalition-of-the-willing") { ... on Source { c: statements(first: $first, after: $after) { ...C } } } }`, []string{"p"}},
	}
	type page struct {
		TotalCount int
		PageInfo   struct {
			HasNextPage, HasPreviousPage bool
			StartCursor, EndCursor       *string
		}
		Edges []struct {
			Cursor string
			Node   struct{ ID string }
		}
	}
	get := func(t *testing.T, query string, path []string, vars map[string]any) page {
		t.Helper()
		var raw map[string]json.RawMessage
		s.post(t, query+` fragment C on `+fragmentType(query)+` { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ... on Node { id } } } }`, vars).data(t, &raw)
		for _, p := range path {
			var next map[string]json.RawMessage
			if err := json.Unmarshal(raw[p], &next); err != nil {
				t.Fatal(err)
			}
			raw = next
		}
		var pg page
		if err := json.Unmarshal(raw["c"], &pg); err != nil {
			t.Fatal(err)
		}
		return pg
	}
	for _, c := range conns {
		full := get(t, c.query, c.path, map[string]any{"first": 100})
		if full.TotalCount < 2 || full.PageInfo.HasNextPage || len(full.Edges) != full.TotalCount {
			t.Fatalf("%s: first 100 gave %d of %d edges; the walk needs a list of at least 2 that fits one page", c.name, len(full.Edges), full.TotalCount)
		}
		var want []string
		for _, e := range full.Edges {
			want = append(want, e.Node.ID)
		}
		for _, size := range []int{1, 7} {
			t.Run(fmt.Sprintf("%s first %d", c.name, size), func(t *testing.T) {
				var walked []string
				vars := map[string]any{"first": size}
				for n := 0; n <= len(want); n++ {
					pg := get(t, c.query, c.path, vars)
					if pg.TotalCount != full.TotalCount {
						t.Fatalf("page %d: totalCount %d, want %d", n, pg.TotalCount, full.TotalCount)
					}
					if pg.PageInfo.HasPreviousPage != (n > 0) {
						t.Errorf("page %d: hasPreviousPage %v", n, pg.PageInfo.HasPreviousPage)
					}
					if len(pg.Edges) == 0 || len(pg.Edges) > size {
						t.Fatalf("page %d: %d edges", n, len(pg.Edges))
					}
					if *pg.PageInfo.StartCursor != pg.Edges[0].Cursor || *pg.PageInfo.EndCursor != pg.Edges[len(pg.Edges)-1].Cursor {
						t.Errorf("page %d: startCursor/endCursor do not match the edges", n)
					}
					for _, e := range pg.Edges {
						walked = append(walked, e.Node.ID)
					}
					wantNext := len(walked) < len(want)
					if pg.PageInfo.HasNextPage != wantNext {
						t.Fatalf("page %d: hasNextPage %v after %d of %d", n, pg.PageInfo.HasNextPage, len(walked), len(want))
					}
					if !wantNext {
						break
					}
					vars["after"] = *pg.PageInfo.EndCursor
				}
				if !slices.Equal(walked, want) {
					t.Errorf("walked %q\nwant   %q", walked, want)
				}
			})
		}
	}
}

// fragmentType names the connection type a test query's fragment spreads on.
func fragmentType(query string) string {
	switch {
	case strings.Contains(query, "entities("):
		return "EntityConnection"
	case strings.Contains(query, "events("):
		return "EventConnection"
	case strings.Contains(query, "sources("):
		return "SourceConnection"
	}
	return "StatementConnection"
}

func roundTrips(t *testing.T, r gqlResponse) int {
	t.Helper()
	var ext struct {
		Extensions struct {
			Neo4j struct{ RoundTrips int }
		}
	}
	if err := json.Unmarshal(r.raw, &ext); err != nil {
		t.Fatal(err)
	}
	return ext.Extensions.Neo4j.RoundTrips
}

// Round trips are bounded by the query's depth, not by how many nodes come back.
func TestRoundTrips(t *testing.T) {
	s := newTestServer(t)

	r := s.post(t, `{ statements(first: 20) { nodes { id text speaker { id name } about { id ... on Entity { name } } evidence { start end excerpt source { title } } } } }`, nil)
	var got struct{ Statements struct{ Nodes []any } }
	r.data(t, &got)
	if len(got.Statements.Nodes) != 20 {
		t.Fatalf("got %d statements", len(got.Statements.Nodes))
	}
	if n := roundTrips(t, r); n < 1 || n > 4 {
		t.Errorf("20 statements with speaker, about and evidence took %d round trips, want 1 to 4", n)
	}

	// One level of loaders per nested list, however many parents: the same
	// query over 1 and over every entity costs the same.
	const nested = `query($n: Int) { entities(first: $n) { nodes { id sources { title } events(first: 2) { totalCount }
	  ... on Person { roles { title of { name } } statements(first: 2) { nodes { text speaker { name } } } }
	  ... on Nation { leaders { title } memberships { role } }
	  ... on Organisation { members { role } } } } }`
	counts := map[int]int{}
	for _, n := range []int{1, 26} {
		counts[n] = roundTrips(t, s.post(t, nested, map[string]any{"n": n}))
	}
	// entities; sources; events; roles; statements; leaders; memberships; members
	if counts[26] != 8 {
		t.Errorf("nested query over all entities took %d round trips, want 8 (one per level and loader)", counts[26])
	}
	if counts[1] > counts[26] {
		t.Errorf("1 entity took %d round trips, 26 took %d", counts[1], counts[26])
	}
}

// Over the complexity limit, a query is rejected before any Cypher runs.
func TestComplexityRejectsBeforeCypher(t *testing.T) {
	var trips atomic.Int64
	trips.Store(-1)
	s := newTestServer(t, func(c *config.Config) { c.ComplexityLimit = 1000 })
	s.app.afterGraphQL = func(n int64) { trips.Store(n) }
	// 100 statements × 100 of their speaker's statements each: far over.
	r := s.post(t, `{ statements(first: 100) { nodes { speaker { statements(first: 100) { nodes { text } } } } } }`, nil)
	if e := r.onlyError(t); e.Extensions["code"] != "COMPLEXITY_LIMIT_EXCEEDED" {
		t.Fatalf("error %+v", e)
	}
	if n := trips.Load(); n != 0 {
		t.Errorf("the rejected query ran %d Cypher round trips", n)
	}
	// A modest nested query fits.
	r = s.post(t, `{ statements(first: 5) { nodes { speaker { statements(first: 5) { nodes { text } } } } } }`, nil)
	if len(r.Errors) > 0 {
		t.Errorf("modest query rejected: %s", r.raw)
	}
	if n := trips.Load(); n < 1 {
		t.Errorf("the accepted query ran %d round trips", n)
	}
}

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
	if n != 37 {
		t.Errorf("checked %d statements, want the seed's 37", n)
	}
}

// A source's evidence over GraphQL: every span the seed document gives, of
// every kind, in text order, each excerpt its text, each fact of the type its
// kind names and (mentions aside) listing this very span among its evidence;
// in a fixed number of round trips however many spans there are.
func TestSourceEvidenceOverGraphQL(t *testing.T) {
	// Every fact's own evidence list, priced as a full page each, is over
	// the default limit.
	s := newTestServer(t, func(c *config.Config) { c.ComplexityLimit = 100_000 })
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

// The graph walks in every direction: each type's fields on one example.
func TestTraversals(t *testing.T) {
	s := newTestServer(t)
	var got struct {
		Rutte struct {
			Roles []struct {
				Title    string
				Of       struct{ Name string }
				Evidence []struct{ Excerpt string }
			}
			Statements struct{ TotalCount int }
			Mentions   struct{ TotalCount int }
			Events     struct{ Nodes []struct{ ID string } }
			Sources    []struct{ ID string }
		}
		Nato struct {
			Leaders  []struct{ Person struct{ Name string } }
			Mentions struct{ TotalCount int }
		}
		Coalition struct {
			Members []struct {
				Member struct{ Name string }
				Role   string
			}
		}
		France struct {
			Memberships []struct{ Organisation struct{ Name string } }
			Leaders     []struct{ Person struct{ Name string } }
		}
		Call struct {
			Name, Kind, Date string
			Participants     []struct {
				Entity struct{ Name string }
				Role   string
				Event  struct{ ID string }
			}
			Evidence   []struct{ Excerpt string }
			Statements struct{ TotalCount int }
		}
		Quote struct {
			Nodes []struct {
				Speaker     struct{ Name string }
				Attribution string
				Event       struct{ Name string }
				Topics      []struct{ Name string }
				About       []struct {
					Typename string `json:"__typename"`
					ID       string
				}
			}
		}
		Topics []struct{ ID string }
		Source struct {
			Title, Publisher, PublishedAt string
			Entities                      []struct{ ID string }
		}
	}
	s.post(t, `{
  rutte: entity(id: "person:mark-rutte") { ... on Person { roles { title of { name } evidence { excerpt } } }
    statements { totalCount } mentions { totalCount } events { nodes { id } } sources { id } }
  nato: entity(id: "organisation:nato") { mentions { totalCount } ... on Organisation { leaders { person { name } } } }
  coalition: entity(id: "organisation:coalition-of-the-willing") { ... on Organisation { members { member { name } role } } }
  france: entity(id: "nation:france") { ... on Nation { memberships { organisation { name } } leaders { person { name } } } }
  call: node(id: "event:2025-09-04-call-with-donald-trump") { ... on Event { name kind date participants { entity { name } role event { id } }
    evidence { excerpt } statements { totalCount } } }
  quote: statements(filter: {speaker: "organisation:white-house"}) { nodes { speaker { name } attribution event { name } topics { name } about { __typename id } } }
  topics { id }
  source: node(id: "source:reuters-2025-09-05-coalition-of-the-willing") { ... on Source { title publisher publishedAt entities { id } } }
}`, nil).data(t, &got)

	if len(got.Rutte.Roles) != 1 || got.Rutte.Roles[0].Title != "Secretary General" || got.Rutte.Roles[0].Of.Name != "NATO" ||
		got.Rutte.Roles[0].Evidence[0].Excerpt != "NATO Secretary General Mark Rutte" {
		t.Errorf("Rutte's roles: %+v", got.Rutte.Roles)
	}
	if got.Rutte.Statements.TotalCount != 4 || got.Rutte.Mentions.TotalCount != 0 || len(got.Rutte.Events.Nodes) != 2 || len(got.Rutte.Sources) != 1 {
		t.Errorf("Rutte: %+v", got.Rutte)
	}
	if len(got.Nato.Leaders) != 1 || got.Nato.Leaders[0].Person.Name != "Mark Rutte" || got.Nato.Mentions.TotalCount != 1 {
		t.Errorf("NATO: %+v", got.Nato)
	}
	if len(got.Coalition.Members) != 2 || got.Coalition.Members[0].Member.Name != "Britain" || got.Coalition.Members[1].Role != "co-chair" {
		t.Errorf("coalition members: %+v", got.Coalition.Members)
	}
	if len(got.France.Memberships) != 1 || got.France.Memberships[0].Organisation.Name != "Coalition of the Willing" ||
		len(got.France.Leaders) != 1 || got.France.Leaders[0].Person.Name != "Emmanuel Macron" {
		t.Errorf("France: %+v", got.France)
	}
	c := got.Call
	if c.Kind != "call" || c.Date != "2025-09-04" || len(c.Participants) != 4 || c.Participants[0].Role != "by phone" ||
		c.Participants[0].Event.ID != "event:2025-09-04-call-with-donald-trump" || len(c.Evidence) != 1 || c.Statements.TotalCount != 3 {
		t.Errorf("the call: %+v", c)
	}
	if q := got.Quote.Nodes; len(q) != 1 || q[0].Speaker.Name != "White House" || q[0].Attribution != "a White House official" ||
		q[0].Event.Name != "Call with Donald Trump after the summit" || len(q[0].Topics) != 1 || len(q[0].About) != 4 ||
		q[0].About[0].Typename != "Person" || q[0].About[0].ID != "person:donald-trump" {
		t.Errorf("the White House quote: %+v", q)
	}
	if len(got.Topics) != 11 || got.Topics[0].ID != "topic:ceasefire" {
		t.Errorf("topics: %+v", got.Topics)
	}
	if got.Source.Publisher != "Reuters" || got.Source.PublishedAt != "2025-09-05" || len(got.Source.Entities) != 26 {
		t.Errorf("source: %+v", got.Source)
	}
}

// Unknown ids are null; ids, cursors and dates that are not well formed are
// BAD_USER_INPUT naming the argument.
func TestReadBadInput(t *testing.T) {
	s := newTestServer(t)
	var nulls struct{ A, B, C, D, E, F any }
	s.post(t, `{ a: node(id: "event:2031-01-01-nothing") { id } b: node(id: "statement:nothing") { id } c: node(id: "topic:nothing") { id }
	  d: node(id: "source:nothing") { id } e: entity(id: "nation:atlantis") { id } f: entity(id: "event:2025-09-04-coalition-of-the-willing-summit") { id } }`, nil).data(t, &nulls)
	if nulls.A != nil || nulls.B != nil || nulls.C != nil || nulls.D != nil || nulls.E != nil || nulls.F != nil {
		t.Errorf("unknown ids should give null: %+v", nulls)
	}
	tests := []struct {
		name, query string
		vars        map[string]any
		argument    string
	}{
		{"malformed node id", `{ node(id: "summit") { id } }`, nil, "id"},
		{"malformed speaker", `{ statements(filter: {speaker: "Rutte"}) { totalCount } }`, nil, "filter.speaker"},
		{"speaker of the wrong kind", `{ statements(filter: {speaker: "topic:sanctions"}) { totalCount } }`, nil, "filter.speaker"},
		{"event of the wrong kind", `{ statements(filter: {event: "nation:ukraine"}) { totalCount } }`, nil, "filter.event"},
		{"bad statements cursor", `{ statements(after: "bm9wZQ") { totalCount } }`, nil, "after"},
		{"entity cursor on statements", `query($a: String) { statements(after: $a) { totalCount } }`, map[string]any{"a": kg.EncodeCursor("entities", "x", "y")}, "after"},
		{"bad events cursor", `{ events(after: "x") { totalCount } }`, nil, "after"},
		{"bad nested cursor", `{ entity(id: "nation:ukraine") { mentions(after: "x") { totalCount } } }`, nil, "after"},
		{"bad date literal", `{ statements(filter: {from: "2025-13"}) { totalCount } }`, nil, "filter.from"},
		{"bad date variable", `query($d: Date) { statements(filter: {to: $d}) { totalCount } }`, map[string]any{"d": "4 September"}, "filter.to"},
		{"dates reversed", `{ statements(filter: {from: "2025-09-04", to: "2025-08"}) { totalCount } }`, nil, "filter.to"},
		{"text without words", `{ statements(filter: {text: "+-&&"}) { totalCount } }`, nil, "filter.text"},
		{"first too big", `{ sources(first: 101) { totalCount } }`, nil, "first"},
		{"nested first zero", `{ entity(id: "nation:ukraine") { mentions(first: 0) { totalCount } } }`, nil, "first"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := s.post(t, tt.query, tt.vars)
			if len(r.Errors) == 0 {
				t.Fatalf("no error: %s", r.raw)
			}
			e := r.Errors[0]
			if e.Extensions["code"] != "BAD_USER_INPUT" {
				t.Errorf("code %v: %s", e.Extensions["code"], r.raw)
			}
			if a, _ := e.Extensions["argument"].(string); tt.argument != "" && (a != tt.argument || !strings.HasPrefix(e.Message, tt.argument+":")) {
				t.Errorf("argument %q, message %q; want both to name %s", a, e.Message, tt.argument)
			}
		})
	}
}
