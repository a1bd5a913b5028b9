package graph

import (
	"newsgraph/graph/model"
	"newsgraph/internal/kg"
)

// entityModel turns a domain entity into the GraphQL type of its kind.
func entityModel(e kg.Entity) model.Entity {
	aliases := e.Aliases
	if aliases == nil {
		aliases = []string{}
	}
	var desc *string
	if e.Description != "" {
		desc = &e.Description
	}
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

func entityConnection(p kg.EntityPage) *model.EntityConnection {
	c := &model.EntityConnection{
		Edges:      make([]*model.EntityEdge, len(p.Entities)),
		Nodes:      make([]model.Entity, len(p.Entities)),
		TotalCount: p.TotalCount,
	}
	for i, e := range p.Entities {
		m := entityModel(e)
		c.Nodes[i] = m
		c.Edges[i] = &model.EntityEdge{Cursor: p.Cursors[i], Node: m}
	}
	c.PageInfo = pageInfo(p.Cursors, p.HasNextPage, p.HasPreviousPage)
	return c
}

func pageInfo(cursors []string, next, prev bool) *model.PageInfo {
	pi := &model.PageInfo{HasNextPage: next, HasPreviousPage: prev}
	if n := len(cursors); n > 0 {
		pi.StartCursor, pi.EndCursor = &cursors[0], &cursors[n-1]
	}
	return pi
}
