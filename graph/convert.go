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
	switch e.Kind {
	case kg.Nation:
		return &model.Nation{ID: e.ID, Kind: e.Kind, Name: e.Name, Aliases: aliases, Description: desc}
	case kg.Organisation:
		return &model.Organisation{ID: e.ID, Kind: e.Kind, Name: e.Name, Aliases: aliases, Description: desc}
	default:
		return &model.Person{ID: e.ID, Kind: e.Kind, Name: e.Name, Aliases: aliases, Description: desc}
	}
}

func entityModels(es []kg.Entity) []model.Entity { return mapAll(es, entityModel) }

func eventModel(e kg.Event) *model.Event {
	return &model.Event{
		ID: e.ID, Name: e.Name, Kind: e.Kind, Description: optional(e.Description),
		Date: optionalDate(e.Date), EndDate: optionalDate(e.EndDate), Location: optional(e.Location),
	}
}

func sourceModel(s kg.Source) *model.Source {
	return &model.Source{ID: s.ID, Title: s.Title, Publisher: optional(s.Publisher), URL: optional(s.URL), PublishedAt: optionalDate(s.PublishedAt)}
}

func sourceModels(ss []kg.Source) []*model.Source { return mapAll(ss, sourceModel) }

func evidenceModel(e kg.Evidence) *model.Evidence {
	src := &model.Source{ID: e.SourceID}
	if e.Source != nil {
		src = sourceModel(*e.Source)
	}
	return &model.Evidence{Source: src, Start: e.Start, End: e.End, Excerpt: e.Excerpt}
}

func evidenceModels(es []kg.Evidence) []*model.Evidence { return mapAll(es, evidenceModel) }

func topicModel(t kg.Topic) *model.Topic { return &model.Topic{ID: t.ID, Name: t.Name} }

func statementModel(s kg.Statement) *model.Statement {
	m := &model.Statement{
		ID: s.ID, Kind: s.Kind, Text: s.Text, Attribution: optional(s.Attribution),
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

func roleModel(r kg.Role) *model.Role {
	person, _ := entityModel(r.Person).(*model.Person)
	return &model.Role{Person: person, Title: r.Title, Of: entityModel(r.Of), Evidence: evidenceModels(r.Evidence)}
}

func roleModels(rs []kg.Role) []*model.Role { return mapAll(rs, roleModel) }

func membershipModel(m kg.Membership) *model.Membership {
	org, _ := entityModel(m.Organisation).(*model.Organisation)
	return &model.Membership{Member: entityModel(m.Member), Organisation: org, Role: optional(m.Role), Evidence: evidenceModels(m.Evidence)}
}

func membershipModels(ms []kg.Membership) []*model.Membership { return mapAll(ms, membershipModel) }

func participationModel(p kg.Participation) *model.Participation {
	return &model.Participation{Entity: entityModel(p.Entity), Event: eventModel(p.Event), Role: optional(p.Role), Evidence: evidenceModels(p.Evidence)}
}

func participationModels(ps []kg.Participation) []*model.Participation {
	return mapAll(ps, participationModel)
}

func mapAll[T, M any](ts []T, f func(T) M) []M {
	out := make([]M, len(ts))
	for i, t := range ts {
		out[i] = f(t)
	}
	return out
}

// sourceEvidenceModels maps a source's evidence spans; each fact is mapped
// the same way as where it is read on its own.
func sourceEvidenceModels(es []kg.SourceEvidence) []*model.SourceEvidence {
	out := make([]*model.SourceEvidence, 0, len(es))
	for _, e := range es {
		m := &model.SourceEvidence{Kind: e.Kind, Start: e.Start, End: e.End, Excerpt: e.Excerpt}
		switch {
		case e.Statement != nil:
			m.Fact = statementModel(*e.Statement)
		case e.Event != nil:
			m.Fact = eventModel(*e.Event)
		case e.Role != nil:
			m.Fact = roleModel(*e.Role)
		case e.Membership != nil:
			m.Fact = membershipModel(*e.Membership)
		case e.Participation != nil:
			m.Fact = participationModel(*e.Participation)
		case e.Entity != nil:
			m.Fact = entityModel(*e.Entity).(model.Fact) // every entity type is a Fact
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
	out.Kinds = append(out.Kinds, f.Kinds...)
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
		out.Kind = *f.Kind
	}
	if f.From != nil {
		out.From = *f.From
	}
	if f.To != nil {
		out.To = *f.To
	}
	out.SpeakerKinds = append(out.SpeakerKinds, f.SpeakerKinds...)
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
