package server

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"newsgraph/internal/kg"
	"newsgraph/seed"
)

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
	o.add(docs...)
	return o
}

// add puts more loaded documents (loadExample's) into the oracle.
func (o *oracle) add(docs ...*kg.SourceDocument) {
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
}

// oldest puts ids of the oracle's statements in OLDEST order: oldest
// first (a partial date as its first day), undated last, then source,
// position and id as in the contract's order.
func (o *oracle) oldest(ids []string) []string {
	at := map[string]int{}
	for i, st := range o.statements {
		at[st.ID] = i
	}
	key := func(id string) string {
		if d := o.statements[at[id]].Date; d != "" {
			return d.Start()
		}
		return "~"
	}
	out := slices.Clone(ids)
	slices.SortStableFunc(out, func(a, b string) int {
		if c := strings.Compare(key(a), key(b)); c != 0 {
			return c
		}
		return at[a] - at[b] // same day: the contract's order already holds
	})
	return out
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
		if v, ok := f["speakers"].([]string); ok && !slices.Contains(v, s.SpeakerID) {
			continue
		}
		if v, ok := f["aboutAny"].([]string); ok && !slices.ContainsFunc(v, func(id string) bool { return slices.Contains(s.AboutIDs, id) }) {
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
	{"speakers, any of", map[string]any{"speakers": []string{"person:mark-rutte", "nation:germany", "person:emmanuel-macron"}}},
	{"speakers, one", map[string]any{"speakers": []string{"person:volodymyr-zelensky"}}},
	{"speakers and speaker: both", map[string]any{"speakers": []string{"person:mark-rutte", "nation:germany"}, "speaker": "nation:germany"}},
	{"about any of, an entity and an event", map[string]any{"aboutAny": []string{"person:vladimir-putin", "nation:ukraine", "event:2025-09-04-coalition-of-the-willing-summit"}}},
	{"about any of, with about", map[string]any{"aboutAny": []string{"person:vladimir-putin", "nation:ukraine"}, "about": "nation:ukraine"}},
	{"speakers, about any of, kind", map[string]any{"speakers": []string{"person:mark-rutte", "person:volodymyr-zelensky"}, "aboutAny": []string{"nation:ukraine", "person:vladimir-putin"}, "kind": "QUOTE"}},
	{"speakers and text", map[string]any{"speakers": []string{"person:mark-rutte", "person:emmanuel-macron"}, "text": "Putin"}},
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
		{"statements oldest first", `query($first: Int, $after: String) { c: statements(first: $first, after: $after, orderBy: OLDEST) { ...C } }`, nil},
		{"Nation.mentions oldest first", `query($first: Int, $after: String) { p: entity(id: "nation:ukraine") { c: mentions(first: $first, after: $after, orderBy: OLDEST) { ...C } } }`, []string{"p"}},
		{"Topic.statements oldest first", `query($first: Int, $after: String) { p: node(id: "topic:security-guarantees") { ... on Topic { c: statements(first: $first, after: $after, orderBy: OLDEST) { ...C } } } }`, []string{"p"}},
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

// OLDEST lists are the oracle's statements oldest first under every filter,
// at the root and under a parent; both orders can stand side by side in one
// request (the loaders and the prefetch keep them apart), and a cursor from
// one order is refused by the other.
func TestStatementOrder(t *testing.T) {
	s := newTestServer(t)
	o := newOracle(t)
	const q = `query($f: StatementFilter) { statements(filter: $f, first: 100, orderBy: OLDEST) { totalCount nodes { id } } }`
	for _, tt := range statementFilters {
		t.Run(tt.name, func(t *testing.T) {
			want := o.oldest(o.filter(tt.filter))
			var got struct{ Statements statementIDs }
			s.post(t, q, map[string]any{"f": tt.filter}).data(t, &got)
			if !slices.Equal(got.Statements.ids(), want) || got.Statements.TotalCount != len(want) {
				t.Errorf("got %d %q,\nwant %d %q", got.Statements.TotalCount, got.Statements.ids(), len(want), want)
			}
		})
	}
	all := o.filter(map[string]any{})
	if slices.Equal(o.oldest(all), all) || o.statements[len(o.statements)-1].Date != "" {
		t.Fatalf("the seed should have dated statements in more than one order and undated ones; the test exercises nothing")
	}

	var both struct {
		X struct {
			Newest, Oldest, Default statementIDs
		}
	}
	s.post(t, `{ x: entity(id: "nation:ukraine") { newest: mentions(first: 100, orderBy: NEWEST) { totalCount nodes { id } }
	  oldest: mentions(first: 100, orderBy: OLDEST) { totalCount nodes { id } } default: mentions(first: 100) { totalCount nodes { id } } } }`, nil).data(t, &both)
	about := o.filter(map[string]any{"about": "nation:ukraine"})
	if !slices.Equal(both.X.Newest.ids(), about) || !slices.Equal(both.X.Default.ids(), about) || !slices.Equal(both.X.Oldest.ids(), o.oldest(about)) {
		t.Errorf("one request, both orders:\nnewest %q\ndefault %q\noldest %q\nwant %q and %q", both.X.Newest.ids(), both.X.Default.ids(), both.X.Oldest.ids(), about, o.oldest(about))
	}

	var newest struct {
		Statements struct{ PageInfo struct{ EndCursor string } }
	}
	s.post(t, `{ statements(first: 2) { pageInfo { endCursor } } }`, nil).data(t, &newest)
	r := s.post(t, `query($a: String) { statements(first: 2, after: $a, orderBy: OLDEST) { totalCount } }`, map[string]any{"a": newest.Statements.PageInfo.EndCursor})
	if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" || r.Errors[0].Extensions["argument"] != "after" {
		t.Errorf("a NEWEST cursor in an OLDEST list: %s", r.raw)
	}
}

// Every statement filter, walked three at a time in both orders, gives the
// oracle's list: the keyset cursor and the date bounds on the order's key
// neither skip nor repeat a statement, with or without an anchor. A cursor
// whose date is not a date is refused, not misread.
func TestStatementWalksFiltered(t *testing.T) {
	s := newTestServer(t)
	o := newOracle(t)
	const q = `query($f: StatementFilter, $after: String, $order: StatementOrder) {
	  statements(filter: $f, first: 3, after: $after, orderBy: $order) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`
	for _, tt := range statementFilters {
		for _, order := range []string{"NEWEST", "OLDEST"} {
			t.Run(tt.name+" "+order, func(t *testing.T) {
				want := o.filter(tt.filter)
				if order == "OLDEST" {
					want = o.oldest(want)
				}
				walked := []string{}
				vars := map[string]any{"f": tt.filter, "order": order}
				for page := 0; page <= len(want)/3+1; page++ {
					var got struct {
						Statements struct {
							statementIDs
							PageInfo struct {
								HasNextPage bool
								EndCursor   *string
							}
						}
					}
					s.post(t, q, vars).data(t, &got)
					if got.Statements.TotalCount != len(want) {
						t.Fatalf("page %d: totalCount %d, want %d", page, got.Statements.TotalCount, len(want))
					}
					walked = append(walked, got.Statements.ids()...)
					if !got.Statements.PageInfo.HasNextPage {
						break
					}
					vars["after"] = *got.Statements.PageInfo.EndCursor
				}
				if !slices.Equal(walked, want) {
					t.Errorf("walked %q\nwant   %q", walked, want)
				}
			})
		}
	}
	bad := kg.EncodeCursor("statements", "2025-13-45", "source:a", "0", "statement:a")
	r := s.post(t, `query($a: String) { statements(first: 2, after: $a) { totalCount } }`, map[string]any{"a": bad})
	if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" || r.Errors[0].Extensions["argument"] != "after" {
		t.Errorf("a cursor with a bad date: %s", r.raw)
	}
}
