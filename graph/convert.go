package graph

import (
	"newsgraph/graph/model"
	"newsgraph/internal/kg"
	"slices"
)

// The functions here turn domain values from the store into GraphQL models,
// pages into connections, and GraphQL filter inputs into domain filters.

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

// orderedFilter is a list's filter with its order; NEWEST is left as the
// zero value so that both spellings of the default share loader keys.
func orderedFilter(f *model.StatementFilter, order *kg.StatementOrder) kg.StatementFilter {
	out := statementFilter(f)
	if order != nil && *order != kg.Newest {
		out.Order = *order
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
	// Clone keeps an empty list non-nil, so that the store refuses it
	// instead of reading it as no condition.
	out.SpeakerIDs, out.AboutIDs = slices.Clone(f.Speakers), slices.Clone(f.AboutAny)
	return out
}

// relay has the fields every connection type in the schema has. The model
// types (model.EntityConnection, …) have the same fields, so a *relay
// converts to any of them; if the schema gives one connection a field the
// others lack, that conversion stops compiling.
type relay[E, N any] struct {
	Edges      []E
	Nodes      []N
	PageInfo   *model.PageInfo
	TotalCount int
}

// connection turns a page into a connection's parts: node maps each item,
// edge pairs it with its cursor. Convert the result to the model type.
func connection[T, N, E any](p kg.Page[T], node func(T) N, edge func(cursor string, node N) E) *relay[E, N] {
	c := &relay[E, N]{Edges: make([]E, len(p.Items)), Nodes: make([]N, len(p.Items)), TotalCount: p.TotalCount,
		PageInfo: pageInfo(p.Cursors, p.HasNextPage, p.HasPreviousPage)}
	for i, it := range p.Items {
		c.Nodes[i] = node(it)
		c.Edges[i] = edge(p.Cursors[i], c.Nodes[i])
	}
	return c
}

func entityEdge(c string, n model.Entity) *model.EntityEdge {
	return &model.EntityEdge{Cursor: c, Node: n}
}

func statementEdge(c string, n *model.Statement) *model.StatementEdge {
	return &model.StatementEdge{Cursor: c, Node: n}
}

func eventEdge(c string, n *model.Event) *model.EventEdge {
	return &model.EventEdge{Cursor: c, Node: n}
}

func sourceEdge(c string, n *model.Source) *model.SourceEdge {
	return &model.SourceEdge{Cursor: c, Node: n}
}

func pageInfo(cursors []string, next, prev bool) *model.PageInfo {
	pi := &model.PageInfo{HasNextPage: next, HasPreviousPage: prev}
	if n := len(cursors); n > 0 {
		pi.StartCursor, pi.EndCursor = &cursors[0], &cursors[n-1]
	}
	return pi
}
