package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"

	vegeta "github.com/tsenart/vegeta/v12/lib"

	"newsgraph/bench/floor"
	"newsgraph/bench/workload"
)

// The benchmark's queries (workload.Queries, as newsgraph answers them) in
// the Neo4j GraphQL Library's generated API (bench/peer/typeDefs.graphql).
// Orders are spelled out so that every contender sorts alike; the peer has
// one full-text field per index, so Q4 asks all five and the answers are
// merged by score, as the floor's Cypher does with its UNION.
const (
	peerQ1 = `query Q1($id: ID!) { people(where: {id: {eq: $id}}) { id name rolesConnection(sort: [{edge: {title: ASC}}, {node: {sortKey: ASC}}, {node: {id: ASC}}]) { edges { properties { title } node { id name } } } } }`
	peerQ2 = `query Q2($id: ID!) { entities(where: {id: {eq: $id}}) { said(limit: 20, sort: [{sortDate: DESC}, {sourceId: ASC}, {position: ASC}, {id: ASC}]) { id text date speaker { id name } aboutConnection(sort: [{edge: {ord: ASC}}]) { edges { node { id } } } sourcesConnection { edges { properties { starts ends excerpts } node { id title } } } } } }`
	peerQ3 = `query Q3($event: ID!, $about: ID!) { events(where: {id: {eq: $event}}) { id participants(sort: [{sortKey: ASC}, {id: ASC}]) { id said(where: {about: {some: {id: {eq: $about}}}}, limit: 5, sort: [{sortDate: DESC}, {sourceId: ASC}, {position: ASC}, {id: ASC}]) { id text } } } }`
	peerQ4 = `query Q4($q: String!) { peopleByName(phrase: $q, first: 20) { edges { score node { id } } } nationsByName(phrase: $q, first: 20) { edges { score node { id } } } organisationsByName(phrase: $q, first: 20) { edges { score node { id } } } eventsByName(phrase: $q, first: 20) { edges { score node { id } } } statementsByText(phrase: $q, first: 20) { edges { score node { id } } } }`
	peerQ5 = `query Q5($after: String) { statementsConnection(first: 100, after: $after, sort: [{sortDate: DESC}, {sourceId: ASC}, {position: ASC}, {id: ASC}]) { edges { node { id text } } pageInfo { hasNextPage endCursor } } }`
	// The library counts but cannot group by a value and rank the groups,
	// so for Q6 it returns the statements about the entity with their
	// speakers and the harness counts them (peerCaveats). Its aggregation
	// form, every entity's saidConnection(where: about) { totalCount },
	// scans every entity's statements: 25 s a request at 140,000.
	peerQ6 = `query Q6($id: ID!) { entities(where: {id: {eq: $id}}) { statementsAbout { speaker { id name } } } }`
	// Nor can it count pairs: for Q7 it returns the filter's statements
	// with speaker and about, and the harness builds the network. The date
	// range is newsgraph's: a date overlaps it.
	peerQ7 = `query Q7($topic: ID!, $from: String!, $to: String!) { statements(where: {topics: {some: {id: {eq: $topic}}}, dateEnd: {gte: $from}, dateStart: {lte: $to}}) { speaker { id name } about { id name } } }`
)

// peerCaveats say, by query, where the peer's answer is finished by the
// harness because the library cannot compute it; the report prints them.
var peerCaveats = map[string]string{
	"Q6": "the library cannot group by speaker and rank the groups: the peer returns every statement about the entity with its speaker, " +
		"and the harness counts them by speaker and keeps the top 20. Its timings cover fetching the statements, not the counting " +
		"(done in the harness, untimed). The library's aggregation form (every entity, each with `saidConnection(where: about) { totalCount }`) " +
		"scans every entity's statements: 25 s a request at 140,000 statements, so it is not the one measured.",
	"Q7": "the library cannot count statements by speaker-and-target pairs: the peer returns every statement of the topic and month with its " +
		"speaker and about targets, and the harness counts the edges, keeps the 50 heaviest and sums the nodes' degrees. " +
		"Its timings cover fetching the statements, not the counting (done in the harness, untimed). Its `about` is typed as Entity, " +
		"so it would miss statements about events (the generated data has none).",
}

// contender is one way of answering the queries over HTTP.
type contender struct {
	name string
	base string
	pid  int // the process to sample for RSS
	// request makes the HTTP request for query q with parameters p.
	request func(c *contender, q string, p map[string]string) vegeta.Target
	// normalise maps an answer to newsgraph's data shape, for the gate.
	normalise func(q string, body []byte) (any, error)
	// page reads one Q5 answer: the ids, whether more follow, the cursor.
	page func(body []byte) (ids []string, next bool, cursor string, err error)
	// cursors[k] is the cursor for Q5's page k, found by the gate's walk.
	cursors []string
	// failed holds, by query, the error that left the contender out of it.
	failed map[string]string
}

func graphQLTarget(base, query string, vars map[string]any) vegeta.Target {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return vegeta.Target{Method: http.MethodPost, URL: base + "/graphql", Body: body,
		Header: http.Header{"Content-Type": {"application/json"}}}
}

func newsgraphContender(base string, pid int) *contender {
	return &contender{
		name: "newsgraph", base: base, pid: pid, failed: map[string]string{},
		request: func(c *contender, q string, p map[string]string) vegeta.Target {
			return graphQLTarget(c.base, workload.Queries[q], workload.Vars(q, p, c.cursors))
		},
		normalise: normaliseOwn,
		page:      ownPage,
	}
}

func floorContender(base string, pid int) *contender {
	return &contender{
		name: "floor", base: base, pid: pid, failed: map[string]string{},
		request: func(c *contender, q string, p map[string]string) vegeta.Target {
			after := ""
			if q == "Q5" {
				after = c.cursors[workload.Page(p)]
			}
			return vegeta.Target{Method: http.MethodGet, URL: floor.URL(c.base, q, p, after)}
		},
		normalise: normaliseOwn,
		page:      ownPage,
	}
}

func peerContender(base string, pid int) *contender {
	queries := map[string]string{"Q1": peerQ1, "Q2": peerQ2, "Q3": peerQ3, "Q4": peerQ4, "Q5": peerQ5, "Q6": peerQ6, "Q7": peerQ7}
	return &contender{
		name: "peer", base: base, pid: pid, failed: map[string]string{},
		request: func(c *contender, q string, p map[string]string) vegeta.Target {
			vars := workload.Vars(q, p, c.cursors)
			if q == "Q4" {
				vars["q"] = floor.Lucene(p["q"])
			}
			return graphQLTarget(c.base, queries[q], vars)
		},
		normalise: normalisePeer,
		page: func(body []byte) ([]string, bool, string, error) {
			return connectionPage(body, func(d map[string]any) any { return d["statementsConnection"] }, "edges")
		},
	}
}

// normaliseOwn reads an answer already in newsgraph's shape: newsgraph's
// own, and the floor's, which answers in it by design.
func normaliseOwn(q string, body []byte) (any, error) {
	data, err := graphQLData(body)
	if q == "Q4" && err == nil {
		return searchIDs(data["search"]), nil
	}
	return data, err
}

func ownPage(body []byte) ([]string, bool, string, error) {
	return connectionPage(body, func(d map[string]any) any { return d["statements"] }, "nodes")
}

// graphQLData returns the data of an answer, or an error when it has none
// or carries errors.
func graphQLData(body []byte) (map[string]any, error) {
	var r struct {
		Data   map[string]any
		Errors []any
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, fmt.Errorf("not JSON: %.300s", body)
	}
	if len(r.Errors) > 0 || r.Data == nil {
		return nil, fmt.Errorf("errors: %.600s", body)
	}
	return r.Data, nil
}

// searchHit is one search result, for comparing rankings.
type searchHit struct {
	id    string
	score float64
}

// searchIDs normalises a search answer for the gate: the scores in order
// (rounded: the contenders add them up alike but print them differently),
// and the set of ids scoring above the last one. Hits that tie with the
// last may differ: which of equal scores make the top 20 is Lucene's
// choice, not a contender's.
func searchIDs(hits any) any {
	var hs []searchHit
	list, _ := hits.([]any)
	for _, h := range list {
		m, _ := h.(map[string]any)
		node, _ := m["node"].(map[string]any)
		id, _ := node["id"].(string)
		score, _ := m["score"].(float64)
		hs = append(hs, searchHit{id, score})
	}
	return rankedSet(hs)
}

func rankedSet(hs []searchHit) any {
	slices.SortStableFunc(hs, func(a, b searchHit) int { return cmp.Compare(b.score, a.score) })
	scores, above := []string{}, []string{}
	for _, h := range hs {
		scores = append(scores, fmt.Sprintf("%.4f", h.score))
		if h.score > hs[len(hs)-1].score+1e-6 {
			above = append(above, h.id)
		}
	}
	slices.Sort(above)
	return map[string]any{"scores": scores, "above": above}
}

func connectionPage(body []byte, conn func(map[string]any) any, list string) ([]string, bool, string, error) {
	data, err := graphQLData(body)
	if err != nil {
		return nil, false, "", err
	}
	var c struct {
		Nodes    []struct{ ID string }
		Edges    []struct{ Node struct{ ID string } }
		PageInfo struct {
			HasNextPage bool
			EndCursor   string
		}
	}
	remarshal(conn(data), &c)
	var ids []string
	for _, n := range c.Nodes {
		ids = append(ids, n.ID)
	}
	for _, e := range c.Edges {
		ids = append(ids, e.Node.ID)
	}
	return ids, c.PageInfo.HasNextPage, c.PageInfo.EndCursor, nil
}

// normalisePeer maps the peer's answers to newsgraph's data shape.
func normalisePeer(q string, body []byte) (any, error) {
	data, err := graphQLData(body)
	if err != nil {
		return nil, err
	}
	type node = map[string]any
	first := func(key string) node {
		list, _ := data[key].([]any)
		if len(list) == 0 {
			return nil
		}
		n, _ := list[0].(node)
		return n
	}
	edges := func(conn any) []node {
		var out []node
		c, _ := conn.(node)
		list, _ := c["edges"].([]any)
		for _, e := range list {
			out = append(out, e.(node))
		}
		return out
	}
	switch q {
	case "Q1":
		p := first("people")
		if p == nil {
			return node{"entity": nil}, nil
		}
		roles := []any{}
		for _, e := range edges(p["rolesConnection"]) {
			roles = append(roles, node{"title": e["properties"].(node)["title"], "of": e["node"]})
		}
		return node{"entity": node{"id": p["id"], "name": p["name"], "roles": roles}}, nil
	case "Q2":
		e := first("entities")
		if e == nil {
			return node{"entity": nil}, nil
		}
		nodes := []any{}
		said, _ := e["said"].([]any)
		for _, s := range said {
			st := s.(node)
			about := []any{}
			for _, a := range edges(st["aboutConnection"]) {
				about = append(about, a["node"])
			}
			var evidence any
			if links := edges(st["sourcesConnection"]); len(links) > 0 {
				props := links[0]["properties"].(node)
				at := func(k string) any {
					l, _ := props[k].([]any)
					if len(l) == 0 {
						return nil
					}
					return l[0]
				}
				evidence = node{"start": at("starts"), "end": at("ends"), "excerpt": at("excerpts"), "source": links[0]["node"]}
			}
			nodes = append(nodes, node{"id": st["id"], "text": st["text"], "date": st["date"], "speaker": st["speaker"],
				"about": about, "evidence": evidence})
		}
		return node{"entity": node{"statements": node{"nodes": nodes}}}, nil
	case "Q3":
		ev := first("events")
		if ev == nil {
			return node{"node": nil}, nil
		}
		parts := []any{}
		list, _ := ev["participants"].([]any)
		for _, x := range list {
			p := x.(node)
			said := p["said"]
			if said == nil {
				said = []any{}
			}
			parts = append(parts, node{"entity": node{"id": p["id"], "statements": node{"nodes": said}}})
		}
		return node{"node": node{"id": ev["id"], "participants": parts}}, nil
	case "Q4":
		var hits []searchHit
		for _, field := range []string{"peopleByName", "nationsByName", "organisationsByName", "eventsByName", "statementsByText"} {
			for _, e := range edges(data[field]) {
				score, _ := e["score"].(float64)
				hits = append(hits, searchHit{e["node"].(node)["id"].(string), score})
			}
		}
		slices.SortStableFunc(hits, func(a, b searchHit) int { return cmp.Compare(b.score, a.score) })
		return rankedSet(hits[:min(20, len(hits))]), nil
	case "Q6":
		var entities []struct{ StatementsAbout []peerStatement }
		remarshal(data["entities"], &entities)
		counts := []any{}
		if len(entities) > 0 {
			for _, s := range speakerCounts(entities[0].StatementsAbout, 20) {
				counts = append(counts, node{"key": s.ID, "count": s.Count, "node": node{"id": s.ID, "name": s.Name}})
			}
		}
		return node{"statementCounts": counts}, nil
	case "Q7":
		var statements []peerStatement
		remarshal(data["statements"], &statements)
		return node{"network": floor.Network(networkEdges(statements, 50))}, nil
	}
	return data, nil
}

// speakerCount is a speaker and how many statements it said.
type speakerCount struct {
	ID, Name string
	Count    int64
}

// speakerCounts counts statements by speaker, for the peer's Q6: the first
// largest counts, ties by id, as newsgraph ranks them.
func speakerCounts(statements []peerStatement, first int) []speakerCount {
	at := map[string]int{}
	var out []speakerCount
	for _, st := range statements {
		id, _ := st.Speaker["id"].(string)
		if st.Speaker == nil {
			continue
		}
		if i, ok := at[id]; ok {
			out[i].Count++
			continue
		}
		name, _ := st.Speaker["name"].(string)
		at[id] = len(out)
		out = append(out, speakerCount{id, name, 1})
	}
	slices.SortFunc(out, func(a, b speakerCount) int { return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.ID, b.ID)) })
	return out[:min(first, len(out))]
}

// peerStatement is one statement of the peer's Q6 or Q7 answer.
type peerStatement struct {
	Speaker map[string]any
	About   []map[string]any
}

// networkEdges counts statements by speaker and about target, for the
// peer's Q7: the first heaviest edges, ties by the speaker's id then the
// target's, as newsgraph ranks them.
func networkEdges(statements []peerStatement, first int) []floor.Edge {
	type pair struct{ from, to string }
	at := map[pair]int{}
	var edges []floor.Edge
	for _, st := range statements {
		seen := map[string]bool{} // a statement counts once per target
		for _, x := range st.About {
			from, _ := st.Speaker["id"].(string)
			to, _ := x["id"].(string)
			if st.Speaker == nil || seen[to] {
				continue
			}
			seen[to] = true
			k := pair{from, to}
			if i, ok := at[k]; ok {
				edges[i].Count++
				continue
			}
			at[k] = len(edges)
			edges = append(edges, floor.Edge{From: st.Speaker, To: x, Count: 1})
		}
	}
	id := func(m map[string]any) string { s, _ := m["id"].(string); return s }
	slices.SortFunc(edges, func(a, b floor.Edge) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(id(a.From), id(b.From)), cmp.Compare(id(a.To), id(b.To)))
	})
	return edges[:min(first, len(edges))]
}

func remarshal(v any, into any) {
	b, _ := json.Marshal(v)
	json.Unmarshal(b, into)
}

// roundTrip makes two answers comparable: numbers and maps the same way.
func roundTrip(v any) (out any) {
	remarshal(v, &out)
	return out
}
