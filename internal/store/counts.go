package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"newsgraph/internal/kg"
)

// countKeys are the Cypher expressions of a statement st's bucket key for
// the value dimensions. A date counts in the period it states; a statement
// whose date is missing or less precise than the period is kg.Undated.
// The statement page scopes of the buckets (statementPatterns) test the
// same expressions, so a bucket's statements are exactly those it counts.
var countKeys = map[kg.CountDimension]string{
	kg.ByKind:  "st.kind",
	kg.ByDay:   "CASE WHEN size(coalesce(st.date, '')) = 10 THEN st.date ELSE '" + kg.Undated + "' END",
	kg.ByMonth: "CASE WHEN size(coalesce(st.date, '')) >= 7 THEN left(st.date, 7) ELSE '" + kg.Undated + "' END",
	kg.ByYear:  "CASE WHEN size(coalesce(st.date, '')) >= 4 THEN left(st.date, 4) ELSE '" + kg.Undated + "' END",
}

// countBy is the BY fragment of statement_counts for each dimension: it
// binds st, x (the bucket's node, or null) and key. Only these fixed
// fragments go into the query; the dimension picks one, never input text.
var countBy = map[kg.CountDimension]string{
	kg.BySpeaker: "MATCH (x:Entity)-[:SAID]->(st)\nWITH st, x, x.id AS key",
	kg.ByAbout:   "MATCH (st)-[:ABOUT]->(x)\nWITH st, x, x.id AS key",
	kg.ByTopic:   "MATCH (st)-[:ON_TOPIC]->(x:Topic)\nWITH st, x, x.id AS key",
	kg.ByEvent:   "MATCH (st)-[:DURING]->(x:Event)\nWITH st, x, x.id AS key",
	kg.BySource:  "MATCH (st)-[:IN_SOURCE]->(x:Source)\nWITH st, x, x.id AS key",
	kg.ByKind:    "WITH st, null AS x, " + countKeys[kg.ByKind] + " AS key",
	kg.ByDay:     "WITH st, null AS x, " + countKeys[kg.ByDay] + " AS key",
	kg.ByMonth:   "WITH st, null AS x, " + countKeys[kg.ByMonth] + " AS key",
	kg.ByYear:    "WITH st, null AS x, " + countKeys[kg.ByYear] + " AS key",
}

// StatementCounts counts the statements of a filter by one dimension, in
// one round trip: the first largest buckets, ties by key.
func (s *Store) StatementCounts(ctx context.Context, f kg.StatementFilter, by kg.CountDimension, first int) ([]kg.Count, error) {
	const op = "store.StatementCounts"
	bySlot, ok := countBy[by]
	if !ok {
		return nil, fmt.Errorf("%s: %w", op, kg.InvalidInput("by", "unknown dimension %q", by))
	}
	fp, err := checkStatementFilter(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	match, filter := statementMatch(kg.ScopeNone, f)
	cypher := strings.NewReplacer("{{MATCH}}", match, "{{WHERE}}", filter, "{{BY}}", bySlot).Replace(query("statement_counts"))
	res, err := s.read(ctx, op, cypher, map[string]any{"f": fp, "limit": first})
	if err != nil {
		return nil, err
	}
	out := make([]kg.Count, 0, len(res.Records))
	for _, rec := range res.Records {
		m := row(rec.AsMap())
		c := kg.Count{Key: m.str("key"), Count: m.int("count")}
		if n, ok := m.row("node"); ok {
			if c.Node, err = n.countNode(); err != nil {
				return nil, fmt.Errorf("%s: %w", op, err)
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// countNode reads a bucket's node: an entity, an event, a topic or a source.
func (r row) countNode() (*kg.CountNode, error) {
	labels := r.strs("labels")
	switch {
	case slices.Contains(labels, "Event"):
		ev := r.event()
		return &kg.CountNode{Event: &ev}, nil
	case slices.Contains(labels, "Topic"):
		return &kg.CountNode{Topic: &kg.Topic{ID: r.str("id"), Name: r.str("name")}}, nil
	case slices.Contains(labels, "Source"):
		src := r.source()
		return &kg.CountNode{Source: &src}, nil
	}
	e, err := r.entity()
	if err != nil {
		return nil, err
	}
	return &kg.CountNode{Entity: &e}, nil
}

// Network returns the first heaviest edges from speakers to what their
// statements of the filter are about, and the nodes on them, each with the
// sum of the counts of its edges; in one round trip.
func (s *Store) Network(ctx context.Context, f kg.StatementFilter, first int) (kg.Network, error) {
	const op = "store.Network"
	fp, err := checkStatementFilter(f)
	if err != nil {
		return kg.Network{}, fmt.Errorf("%s: %w", op, err)
	}
	match, filter := statementMatch(kg.ScopeNone, f)
	cypher := strings.NewReplacer("{{MATCH}}", match, "{{WHERE}}", filter).Replace(query("network"))
	res, err := s.read(ctx, op, cypher, map[string]any{"f": fp, "limit": first})
	if err != nil {
		return kg.Network{}, err
	}
	net := kg.Network{Nodes: []kg.NetworkNode{}, Edges: []kg.NetworkEdge{}}
	at := map[string]int{}
	addNode := func(id string, n kg.NodeRef, count int) {
		i, ok := at[id]
		if !ok {
			i = len(net.Nodes)
			at[id] = i
			net.Nodes = append(net.Nodes, kg.NetworkNode{Node: n})
		}
		net.Nodes[i].Degree += count
	}
	for _, rec := range res.Records {
		m := row(rec.AsMap())
		if vanishedEnd(m) {
			continue
		}
		fr, _ := m.row("from")
		from, err := fr.entity()
		if err != nil {
			return kg.Network{}, fmt.Errorf("%s: %w", op, err)
		}
		tr, _ := m.row("to")
		to, err := tr.ref()
		if err != nil {
			return kg.Network{}, fmt.Errorf("%s: %w", op, err)
		}
		e := kg.NetworkEdge{From: from, To: to, Count: m.int("count"), Kinds: []kg.StatementKindCount{}}
		kinds := m.strs("kinds")
		for _, k := range []kg.StatementKind{kg.Quote, kg.Paraphrase} {
			if n := countOf(kinds, string(k)); n > 0 {
				e.Kinds = append(e.Kinds, kg.StatementKindCount{Kind: k, Count: n})
			}
		}
		net.Edges = append(net.Edges, e)
		addNode(from.ID, kg.NodeRef{Entity: &from}, e.Count)
		if id := tr.str("id"); id != from.ID { // a self-loop is one edge on its node
			addNode(id, to, e.Count)
		}
	}
	// The busiest nodes first, ties by id.
	slices.SortStableFunc(net.Nodes, func(a, b kg.NetworkNode) int {
		if a.Degree != b.Degree {
			return b.Degree - a.Degree
		}
		return strings.Compare(refID(a.Node), refID(b.Node))
	})
	return net, nil
}

// vanishedEnd reports whether a network row's speaker or target was
// deleted while the query ran: reads see other transactions' commits
// (read committed), so a source deleted between the count and the
// projection leaves a node with no labels and no properties. The soak saw
// it once in 3 minutes of a delete every 3 s; the edge no longer exists,
// so it is left out rather than failing the request.
func vanishedEnd(m row) bool {
	for _, end := range []string{"from", "to"} {
		r, ok := m.row(end)
		if !ok || vanishedNode(r) {
			return true
		}
	}
	return false
}

// vanishedNode reports whether a projected node was deleted while the
// query ran: its id or its labels come back empty (the soak saw each).
func vanishedNode(r row) bool {
	return r.str("id") == "" || len(r.strs("labels")) == 0
}

// liveEntity decodes an entity a query found, or returns nil when it was
// deleted while the query ran (vanishedNode): reads see other
// transactions' commits, and a read a moment later would not find it. The
// soak saw entity(id) answer INTERNAL when a delete took the entity
// between the match and the projection.
func liveEntity(r row) (*kg.Entity, error) {
	if vanishedNode(r) {
		return nil, nil
	}
	e, err := r.entity()
	if err != nil {
		return nil, err
	}
	return &e, nil
}

func countOf(list []string, s string) int {
	n := 0
	for _, v := range list {
		if v == s {
			n++
		}
	}
	return n
}

func refID(n kg.NodeRef) string {
	if n.Event != nil {
		return n.Event.ID
	}
	if n.Entity != nil {
		return n.Entity.ID
	}
	return ""
}
