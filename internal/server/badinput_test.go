package server

import (
	"strings"
	"testing"

	"newsgraph/internal/kg"
)

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
		{"empty speakers list", `{ statements(filter: {speakers: []}) { totalCount } }`, nil, "filter.speakers"},
		{"a malformed id in speakers", `{ statements(filter: {speakers: ["person:mark-rutte", "Rutte"]}) { totalCount } }`, nil, "filter.speakers[1]"},
		{"a topic in aboutAny", `{ statements(filter: {aboutAny: ["topic:sanctions"]}) { totalCount } }`, nil, "filter.aboutAny[0]"},
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
