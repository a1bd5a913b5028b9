package store

import (
	"fmt"
	"slices"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"newsgraph/internal/kg"
)

// Queries return map projections; these read them into kg types, checking
// every type instead of asserting blindly. A query that returns whole
// nodes has them read through nodeRow, by the same code.

type row map[string]any

func asRow(v any) (row, bool) {
	m, ok := v.(map[string]any)
	return row(m), ok
}

// nodeRow reads a node as a projection of it would: its properties, and
// its labels under "labels".
func nodeRow(n neo4j.Node) row {
	r := make(row, len(n.Props)+1)
	for k, v := range n.Props {
		r[k] = v
	}
	labels := make([]any, len(n.Labels))
	for i, l := range n.Labels {
		labels[i] = l
	}
	r["labels"] = labels
	return r
}

func (r row) str(k string) string {
	s, _ := r[k].(string)
	return s
}

func (r row) int(k string) int {
	n, _ := r[k].(int64)
	return int(n)
}

func (r row) strs(k string) []string {
	list, _ := r[k].([]any)
	out := make([]string, 0, len(list))
	for _, v := range list {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func (r row) row(k string) (row, bool) { return asRow(r[k]) }

func (r row) rows(k string) []row {
	list, _ := r[k].([]any)
	out := make([]row, 0, len(list))
	for _, v := range list {
		if m, ok := asRow(v); ok {
			out = append(out, m)
		}
	}
	return out
}

// entityKind reads an entity's kind from its labels.
func entityKind(labels []string) (kg.EntityKind, bool) {
	for k, l := range entityLabels {
		if slices.Contains(labels, l) {
			return k, true
		}
	}
	return "", false
}

func (r row) entity() (kg.Entity, error) {
	kind, ok := entityKind(r.strs("labels"))
	if !ok {
		return kg.Entity{}, fmt.Errorf("node %q is not an entity (labels %v)", r.str("id"), r.strs("labels"))
	}
	aliases := r.strs("aliases")
	if len(aliases) == 0 {
		aliases = nil
	}
	e := kg.Entity{ID: r.str("id"), Kind: kind, Name: r.str("name"), Aliases: aliases, Description: r.str("description")}
	// Whole nodes carry the stored counts; projections that leave them out
	// leave Counts nil, and GraphQL loads them when asked.
	q, hasQ := r["quotedCount"].(int64)
	m, hasM := r["mentionedCount"].(int64)
	if hasQ && hasM {
		e.Counts = &kg.EntityCounts{Quoted: int(q), Mentioned: int(m)}
	}
	return e, nil
}

func (r row) event() kg.Event {
	return kg.Event{
		ID: r.str("id"), Name: r.str("name"), Kind: r.str("kind"), Description: r.str("description"),
		Date: kg.Date(r.str("date")), EndDate: kg.Date(r.str("endDate")), Location: r.str("location"),
	}
}

func (r row) source() kg.Source {
	return kg.Source{ID: r.str("id"), Title: r.str("title"), Publisher: r.str("publisher"), URL: r.str("url"),
		PublishedAt: kg.Date(r.str("publishedAt"))}
}

func (r row) evidence() kg.Evidence {
	e := kg.Evidence{Start: r.int("start"), End: r.int("end"), Excerpt: r.str("excerpt")}
	if s, ok := r.row("source"); ok {
		src := s.source()
		e.Source, e.SourceID = &src, src.ID
	}
	return e
}

func (r row) evidenceList(k string) []kg.Evidence {
	rows := r.rows(k)
	out := make([]kg.Evidence, len(rows))
	for i, e := range rows {
		out[i] = e.evidence()
	}
	return out
}

// ref reads what a statement is about: an entity or an event.
func (r row) ref() (kg.NodeRef, error) {
	if slices.Contains(r.strs("labels"), "Event") {
		ev := r.event()
		return kg.NodeRef{Event: &ev}, nil
	}
	e, err := r.entity()
	if err != nil {
		return kg.NodeRef{}, err
	}
	return kg.NodeRef{Entity: &e}, nil
}

func (r row) statement() (kg.Statement, error) {
	st := kg.Statement{
		ID: r.str("id"), Kind: kg.StatementKind(r.str("kind")), Text: r.str("text"),
		Attribution: r.str("attribution"), Date: kg.Date(r.str("date")),
	}
	if sp, ok := r.row("speaker"); ok {
		e, err := sp.entity()
		if err != nil {
			return st, err
		}
		st.Speaker, st.SpeakerID = &e, e.ID
	}
	about := r.rows("about")
	sort.SliceStable(about, func(i, j int) bool { return about[i].int("ord") < about[j].int("ord") })
	for _, a := range about {
		ref, err := a.ref()
		if err != nil {
			return st, err
		}
		st.About = append(st.About, ref)
	}
	if ev, ok := r.row("event"); ok {
		e := ev.event()
		st.Event, st.EventID = &e, e.ID
	}
	topics := r.rows("topics")
	sort.SliceStable(topics, func(i, j int) bool { return topics[i].int("ord") < topics[j].int("ord") })
	for _, t := range topics {
		st.Topics = append(st.Topics, kg.Topic{ID: t.str("id"), Name: t.str("name")})
	}
	if ev, ok := r.row("evidence"); ok {
		st.Evidence = ev.evidence()
	}
	return st, nil
}

// fact is a role, membership or participation row: from → to.
type fact struct {
	from     kg.Entity
	to       row
	title    string
	role     string
	evidence []kg.Evidence
}

func (r row) fact() (fact, error) {
	from, ok := r.row("from")
	if !ok {
		return fact{}, fmt.Errorf("fact without a start node")
	}
	e, err := from.entity()
	if err != nil {
		return fact{}, err
	}
	to, _ := r.row("to")
	return fact{from: e, to: to, title: r.str("title"), role: r.str("role"), evidence: r.evidenceList("evidence")}, nil
}

// perKey reads queries that return one row per requested id, in order, with
// a value column; a missing or null value gives the zero value.
func perKey[T any](recs []*neo4j.Record, n int, col string, read func(any) (T, error)) ([]T, error) {
	out := make([]T, n)
	for i, rec := range recs {
		if i >= n {
			break
		}
		v, ok := rec.Get(col)
		if !ok || v == nil {
			continue
		}
		t, err := read(v)
		if err != nil {
			return nil, err
		}
		out[i] = t
	}
	return out, nil
}
