package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
)

// leaks are strings that must never reach a client: pieces of our own
// Cypher, and driver and runtime internals. (Error messages may echo the
// caller's own input, injection strings included; that is not a leak.)
var leaks = []string{"IN_SOURCE", "UNWIND $", "db.index.fulltext", "RETURN collect(", "Neo4jError", "Neo.ClientError",
	"ConnectivityError", "TransactionExecutionLimit", "goroutine ", ".go:", "panic:", "runtime error", "bolt://"}

// allowedCodes are the codes the contract allows.
var allowedCodes = map[string]bool{"BAD_USER_INPUT": true, "NOT_FOUND": true, "UNAUTHENTICATED": true, "UNAVAILABLE": true, "COMPLEXITY_LIMIT_EXCEEDED": true}

type hostileCase struct {
	name        string
	method      string
	contentType string
	body        []byte
	url         string
	// status, when not zero, is the HTTP status wanted.
	status int
}

func gqlBody(query string, vars map[string]any) []byte {
	b, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return b
}

// hostileInputs builds the suite: injection strings in every string
// argument and filter field, Lucene syntax, deep, wide and aliased queries,
// oversized and malformed bodies, and numbers out of range.
func hostileInputs() []hostileCase {
	var cases []hostileCase
	injections := []string{
		`x' OR 1=1 //`, `") MATCH (n) DETACH DELETE n //`, `person:x' }) MATCH (n) DETACH DELETE n RETURN 1 //`,
		"person:x\n MATCH (n) DETACH DELETE n", `\u0027; CALL dbms.components() //`, `{id: 'x'}`, `$ids`, `person:x` + strings.Repeat("-a", 150),
		`person:../../etc/passwd`, `${jndi:ldap://x}`, `<script>alert(1)</script>`, "person:\x00nul",
	}
	targets := []struct{ name, query, varName string }{
		{"node.id", `query($v: ID!) { node(id: $v) { id } }`, "v"},
		{"entity.id", `query($v: ID!) { entity(id: $v) { id } }`, "v"},
		{"entities.filter.name", `query($v: String) { entities(filter: {name: $v}) { totalCount } }`, "v"},
		{"entities.after", `query($v: String) { entities(after: $v) { totalCount } }`, "v"},
		{"statements.filter.speaker", `query($v: ID) { statements(filter: {speaker: $v}) { totalCount } }`, "v"},
		{"statements.filter.about", `query($v: ID) { statements(filter: {about: $v}) { totalCount } }`, "v"},
		{"statements.filter.event", `query($v: ID) { statements(filter: {event: $v}) { totalCount } }`, "v"},
		{"statements.filter.topic", `query($v: ID) { statements(filter: {topic: $v}) { totalCount } }`, "v"},
		{"statements.filter.text", `query($v: String) { statements(filter: {text: $v}) { totalCount } }`, "v"},
		{"statements.filter.from", `query($v: Date) { statements(filter: {from: $v}) { totalCount } }`, "v"},
		{"statements.after", `query($v: String) { statements(after: $v) { totalCount } }`, "v"},
		{"search.query", `query($v: String!) { search(query: $v) { score } }`, "v"},
		{"paths.from", `query($v: ID!) { paths(from: $v, to: "person:mark-rutte") { length } }`, "v"},
		{"paths.to", `query($v: ID!) { paths(from: "person:mark-rutte", to: $v) { length } }`, "v"},
		{"nested mentions filter", `query($v: String) { entity(id: "nation:ukraine") { mentions(filter: {text: $v}) { totalCount } } }`, "v"},
	}
	for _, tg := range targets {
		for i, inj := range injections {
			cases = append(cases, hostileCase{name: fmt.Sprintf("%s injection %d", tg.name, i), body: gqlBody(tg.query, map[string]any{tg.varName: inj})})
		}
	}
	for i, l := range []string{`AND`, `OR NOT`, `*:*`, `name:putin`, `putin~2`, `"unclosed`, `(a OR b`, `[a TO z]`, `/.*/`, `\`, `+-&&||!(){}[]^"~*?:\/`, `a^1000`} {
		cases = append(cases,
			hostileCase{name: fmt.Sprintf("lucene search %d", i), body: gqlBody(`query($q: String!) { search(query: $q) { score } }`, map[string]any{"q": l})},
			hostileCase{name: fmt.Sprintf("lucene text filter %d", i), body: gqlBody(`query($q: String) { statements(filter: {text: $q}) { totalCount } }`, map[string]any{"q": l})})
	}
	deep := "{ entity(id: \"nation:ukraine\") { " + strings.Repeat("... on Nation { leaders { person { roles { of { ", 4) + "id" + strings.Repeat(" } } } } }", 4) + " } }"
	wide := "{ " + strings.Repeat("entities(first: 100) { nodes { id name } } ", 1) + strings.Repeat("topics { id name statements(first: 100) { nodes { text } } } ", 1) + "}"
	var aliased strings.Builder
	aliased.WriteString("{ ")
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&aliased, "a%d: entity(id: \"nation:ukraine\") { name } ", i)
	}
	aliased.WriteString("}")
	cases = append(cases,
		hostileCase{name: "deep query", body: gqlBody(deep, nil)},
		hostileCase{name: "wide nested query", body: gqlBody(wide, nil)},
		hostileCase{name: "40 aliases", body: gqlBody(aliased.String(), nil)},
		hostileCase{name: "fragment cycle", body: gqlBody(`query { node(id: "nation:ukraine") { ...A } } fragment A on Nation { leaders { person { ...B } } } fragment B on Person { roles { of { ...A } } }`, nil)},
		hostileCase{name: "many tokens", body: gqlBody("{ "+strings.Repeat("__typename ", 20000)+"}", nil)},
		hostileCase{name: "10 MiB body", body: bytes.Repeat([]byte("x"), 10<<20), status: http.StatusRequestEntityTooLarge},
		hostileCase{name: "10 MiB query", body: gqlBody(strings.Repeat(" ", 10<<20)+"{ topics { id } }", nil), status: http.StatusRequestEntityTooLarge},
		hostileCase{name: "batch", body: []byte(`[{"query":"{ topics { id } }"},{"query":"{ topics { id } }"}]`), status: http.StatusBadRequest},
		hostileCase{name: "empty body", body: []byte(``), status: http.StatusBadRequest},
		hostileCase{name: "invalid JSON", body: []byte(`{"query": "{ topics { id } }"`), status: http.StatusBadRequest},
		hostileCase{name: "JSON string", body: []byte(`"{ topics { id } }"`), status: http.StatusBadRequest},
		hostileCase{name: "JSON null", body: []byte(`null`), status: http.StatusBadRequest},
		hostileCase{name: "invalid UTF-8 in query", body: []byte("{\"query\": \"{ search(query: \\\"\xff\xfe\xfd\\\") { score } }\"}")},
		hostileCase{name: "invalid UTF-8 in variables", body: []byte("{\"query\": \"query($q: String!) { search(query: $q) { score } }\", \"variables\": {\"q\": \"\xc3\x28\"}}")},
		hostileCase{name: "query not a string", body: []byte(`{"query": 42}`)},
		hostileCase{name: "variables not an object", body: []byte(`{"query": "{ topics { id } }", "variables": [1,2]}`)},
		hostileCase{name: "no query", body: []byte(`{}`)},
		hostileCase{name: "unknown operation name", body: []byte(`{"query": "query A { topics { id } }", "operationName": "B"}`)},
		hostileCase{name: "two operations, no name", body: []byte(`{"query": "query A { topics { id } } query B { topics { id } }"}`)},
		hostileCase{name: "mutation over GET", method: http.MethodGet, url: "/graphql?query=" + strings.ReplaceAll(`mutation { deleteSource(id: "source:x") { id } }`, " ", "%20")},
		hostileCase{name: "form content type", contentType: "application/x-www-form-urlencoded", body: []byte(`query=%7Btopics%7Bid%7D%7D`)},
	)
	for i, n := range []any{-1, -2147483648, 0, 101, 2147483647, 2147483648, 9223372036854775807, 1e100, -1e100, "20", 3.5, true, nil} {
		cases = append(cases, hostileCase{name: fmt.Sprintf("first %d (%v)", i, n), body: gqlBody(`query($n: Int) { statements(first: $n) { totalCount } }`, map[string]any{"n": n})})
	}
	for i, lit := range []string{"-1", "0", "101", "99999999999999999999999", "1.5", `"10"`, "null"} {
		cases = append(cases, hostileCase{name: fmt.Sprintf("first literal %d", i), body: gqlBody(`{ entities(first: `+lit+`) { totalCount } }`, nil)},
			hostileCase{name: fmt.Sprintf("maxHops literal %d", i), body: gqlBody(`{ paths(from: "person:mark-rutte", to: "organisation:nato", maxHops: `+lit+`) { length } }`, nil)})
	}
	return cases
}

// The hostile-input suite: every input gets the right kind of answer, never
// a 5xx, never an internal detail, and the graph is unchanged.
func TestHostileInputs(t *testing.T) {
	s := newTestServer(t, withToken)
	cases := hostileInputs()
	if len(cases) < 200 {
		t.Fatalf("only %d hostile inputs; the suite promises at least 200", len(cases))
	}
	nodes, rels, _ := s.store.Counts(t.Context())
	for _, c := range cases {
		method := c.method
		if method == "" {
			method = http.MethodPost
		}
		u := s.URL + "/graphql"
		if c.url != "" {
			u = s.URL + c.url
		}
		req, _ := http.NewRequest(method, u, bytes.NewReader(c.body))
		ct := c.contentType
		if ct == "" {
			ct = "application/json"
		}
		req.Header.Set("Content-Type", ct)
		res, err := client.Do(req)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode >= 500 {
			t.Errorf("%s: HTTP %d: %.300s", c.name, res.StatusCode, body)
		}
		if c.status != 0 && res.StatusCode != c.status {
			t.Errorf("%s: HTTP %d, want %d", c.name, res.StatusCode, c.status)
		}
		for _, leak := range leaks {
			if bytes.Contains(body, []byte(leak)) {
				t.Errorf("%s: the response leaks %q: %.300s", c.name, leak, body)
			}
		}
		var r struct {
			Errors []struct {
				Message    string
				Extensions map[string]any
			}
		}
		if err := json.Unmarshal(body, &r); err != nil {
			t.Errorf("%s: response is not JSON: %.200s", c.name, body)
			continue
		}
		for _, e := range r.Errors {
			code, _ := e.Extensions["code"].(string)
			if !allowedCodes[code] {
				t.Errorf("%s: error code %q (%s)", c.name, code, e.Message)
			}
		}
	}
	if n, r, _ := s.store.Counts(t.Context()); n != nodes || r != rels {
		t.Errorf("hostile inputs changed the graph: %d/%d → %d/%d", nodes, rels, n, r)
	}
	t.Logf("%d hostile inputs, none answered 5xx or leaked", len(cases))
}
