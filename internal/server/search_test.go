package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
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
