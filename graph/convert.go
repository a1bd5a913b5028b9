package graph

import (
	"newsgraph/graph/model"
	"newsgraph/internal/kg"
)

// The functions here turn domain values from the store into GraphQL models.

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func optionalDate(d kg.Date) *kg.Date {
	if d == "" {
		return nil
	}
	return &d
}

// entityModel turns a domain entity into the GraphQL type of its kind.
func entityModel(e kg.Entity) model.Entity {
	aliases := e.Aliases
	if aliases == nil {
		aliases = []string{}
	}
	desc := optional(e.Description)
	kind := model.EntityKind(e.Kind)
	switch e.Kind {
	case kg.Nation:
		return &model.Nation{ID: e.ID, Kind: kind, Name: e.Name, Aliases: aliases, Description: desc}
	case kg.Organisation:
		return &model.Organisation{ID: e.ID, Kind: kind, Name: e.Name, Aliases: aliases, Description: desc}
	default:
		return &model.Person{ID: e.ID, Kind: kind, Name: e.Name, Aliases: aliases, Description: desc}
	}
}

func entityModels(es []kg.Entity) []model.Entity {
	out := make([]model.Entity, len(es))
	for i, e := range es {
		out[i] = entityModel(e)
	}
	return out
}

func eventModel(e kg.Event) *model.Event {
	return &model.Event{
		ID: e.ID, Name: e.Name, Kind: e.Kind, Description: optional(e.Description),
		Date: optionalDate(e.Date), EndDate: optionalDate(e.EndDate), Location: optional(e.Location),
	}
}

func sourceModel(s kg.Source) *model.Source {
	return &model.Source{ID: s.ID, Title: s.Title, Publisher: optional(s.Publisher), URL: optional(s.URL), PublishedAt: optionalDate(s.PublishedAt)}
}

func sourceModels(ss []kg.Source) []*model.Source {
	out := make([]*model.Source, len(ss))
	for i, s := range ss {
		out[i] = sourceModel(s)
	}
	return out
}

func evidenceModel(e kg.Evidence) *model.Evidence {
	src := &model.Source{ID: e.SourceID}
	if e.Source != nil {
		src = sourceModel(*e.Source)
	}
	return &model.Evidence{Source: src, Start: e.Start, End: e.End, Excerpt: e.Excerpt}
}

func evidenceModels(es []kg.Evidence) []*model.Evidence {
	out := make([]*model.Evidence, len(es))
	for i, e := range es {
		out[i] = evidenceModel(e)
	}
	return out
}

func topicModel(t kg.Topic) *model.Topic { return &model.Topic{ID: t.ID, Name: t.Name} }

func statementModel(s kg.Statement) *model.Statement {
	m := &model.Statement{
		ID: s.ID, Kind: model.StatementKind(s.Kind), Text: s.Text, Attribution: optional(s.Attribution),
		Date: optionalDate(s.Date), About: []model.Node{}, Topics: []*model.Topic{}, Evidence: evidenceModel(s.Evidence),
	}
	if s.Speaker != nil {
		m.Speaker = entityModel(*s.Speaker)
	}
	for _, a := range s.About {
		switch {
		case a.Entity != nil:
			m.About = append(m.About, entityModel(*a.Entity).(model.Node))
		case a.Event != nil:
			m.About = append(m.About, eventModel(*a.Event))
		}
	}
	if s.Event != nil {
		m.Event = eventModel(*s.Event)
	}
	for _, t := range s.Topics {
		m.Topics = append(m.Topics, topicModel(t))
	}
	return m
}

func roleModels(rs []kg.Role) []*model.Role {
	out := make([]*model.Role, len(rs))
	for i, r := range rs {
		person, _ := entityModel(r.Person).(*model.Person)
		out[i] = &model.Role{Person: person, Title: r.Title, Of: entityModel(r.Of), Evidence: evidenceModels(r.Evidence)}
	}
	return out
}

func membershipModels(ms []kg.Membership) []*model.Membership {
	out := make([]*model.Membership, len(ms))
	for i, m := range ms {
		org, _ := entityModel(m.Organisation).(*model.Organisation)
		out[i] = &model.Membership{Member: entityModel(m.Member), Organisation: org, Role: optional(m.Role), Evidence: evidenceModels(m.Evidence)}
	}
	return out
}

func participationModels(ps []kg.Participation) []*model.Participation {
	out := make([]*model.Participation, len(ps))
	for i, p := range ps {
		out[i] = &model.Participation{Entity: entityModel(p.Entity), Event: eventModel(p.Event), Role: optional(p.Role), Evidence: evidenceModels(p.Evidence)}
	}
	return out
}

// sourceEvidenceModels maps a source's evidence spans; each fact is mapped
// the same way as where it is read on its own.
func sourceEvidenceModels(es []kg.SourceEvidence) []*model.SourceEvidence {
	out := make([]*model.SourceEvidence, 0, len(es))
	for _, e := range es {
		m := &model.SourceEvidence{Kind: model.EvidenceKind(e.Kind), Start: e.Start, End: e.End, Excerpt: e.Excerpt}
		switch {
		case e.Statement != nil:
			m.Fact = statementModel(*e.Statement)
		case e.Event != nil:
			m.Fact = eventModel(*e.Event)
		case e.Role != nil:
			m.Fact = roleModels([]kg.Role{*e.Role})[0]
		case e.Membership != nil:
			m.Fact = membershipModels([]kg.Membership{*e.Membership})[0]
		case e.Participation != nil:
			m.Fact = participationModels([]kg.Participation{*e.Participation})[0]
		case e.Entity != nil:
			f, ok := entityModel(*e.Entity).(model.Fact)
			if !ok {
				continue
			}
			m.Fact = f
		default:
			continue
		}
		out = append(out, m)
	}
	return out
}

func entityFilter(f *model.EntityFilter) kg.EntityFilter {
	var out kg.EntityFilter
	if f == nil {
		return out
	}
	for _, k := range f.Kinds {
		out.Kinds = append(out.Kinds, kg.EntityKind(k))
	}
	if f.Name != nil {
		out.Name = *f.Name
	}
	return out
}

func statementFilter(f *model.StatementFilter) kg.StatementFilter {
	var out kg.StatementFilter
	if f == nil {
		return out
	}
	deref := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	out.SpeakerID, out.AboutID, out.EventID, out.TopicID, out.Text = deref(f.Speaker), deref(f.About), deref(f.Event), deref(f.Topic), deref(f.Text)
	if f.Kind != nil {
		out.Kind = kg.StatementKind(*f.Kind)
	}
	if f.From != nil {
		out.From = *f.From
	}
	if f.To != nil {
		out.To = *f.To
	}
	for _, k := range f.SpeakerKinds {
		out.SpeakerKinds = append(out.SpeakerKinds, kg.EntityKind(k))
	}
	return out
}

// page turns a page's items into a connection's nodes and edges.
func page[T, N, E any](items []T, cursors []string, node func(T) N, edge func(string, N) E) ([]E, []N) {
	edges, nodes := make([]E, len(items)), make([]N, len(items))
	for i, it := range items {
		nodes[i] = node(it)
		edges[i] = edge(cursors[i], nodes[i])
	}
	return edges, nodes
}

func entityConnection(p kg.EntityPage) *model.EntityConnection {
	edges, nodes := page(p.Entities, p.Cursors, entityModel,
		func(c string, n model.Entity) *model.EntityEdge { return &model.EntityEdge{Cursor: c, Node: n} })
	return &model.EntityConnection{Edges: edges, Nodes: nodes, TotalCount: p.TotalCount,
		PageInfo: pageInfo(p.Cursors, p.HasNextPage, p.HasPreviousPage)}
}

func statementConnection(p kg.StatementPage) *model.StatementConnection {
	edges, nodes := page(p.Statements, p.Cursors, statementModel,
		func(c string, n *model.Statement) *model.StatementEdge {
			return &model.StatementEdge{Cursor: c, Node: n}
		})
	return &model.StatementConnection{Edges: edges, Nodes: nodes, TotalCount: p.TotalCount,
		PageInfo: pageInfo(p.Cursors, p.HasNextPage, p.HasPreviousPage)}
}

func eventConnection(p kg.EventPage) *model.EventConnection {
	edges, nodes := page(p.Events, p.Cursors, eventModel,
		func(c string, n *model.Event) *model.EventEdge { return &model.EventEdge{Cursor: c, Node: n} })
	return &model.EventConnection{Edges: edges, Nodes: nodes, TotalCount: p.TotalCount,
		PageInfo: pageInfo(p.Cursors, p.HasNextPage, p.HasPreviousPage)}
}

func sourceConnection(p kg.SourcePage) *model.SourceConnection {
	edges, nodes := page(p.Sources, p.Cursors, sourceModel,
		func(c string, n *model.Source) *model.SourceEdge { return &model.SourceEdge{Cursor: c, Node: n} })
	return &model.SourceConnection{Edges: edges, Nodes: nodes, TotalCount: p.TotalCount,
		PageInfo: pageInfo(p.Cursors, p.HasNextPage, p.HasPreviousPage)}
}

func pageInfo(cursors []string, next, prev bool) *model.PageInfo {
	pi := &model.PageInfo{HasNextPage: next, HasPreviousPage: prev}
	if n := len(cursors); n > 0 {
		pi.StartCursor, pi.EndCursor = &cursors[0], &cursors[n-1]
	}
	return pi
}
