package graph

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"newsgraph/graph/model"
	"newsgraph/internal/kg"
	"newsgraph/internal/snippet"
	"newsgraph/internal/store"
)

// snippetWidth is about how many characters of context a hit shows.
const snippetWidth = 160

func (r *Resolver) search(ctx context.Context, query string, first *int) ([]*model.SearchHit, error) {
	n, err := kg.PageSize(first)
	if err != nil {
		return nil, err
	}
	q, err := store.ParseSearch(query)
	if err != nil {
		return nil, err
	}
	hits, err := r.Store.Search(ctx, q, n)
	if err != nil {
		return nil, err
	}
	// Snippets cost a scan of each hit's text: make them only when asked.
	wantSnippet := true
	if graphql.GetFieldContext(ctx) != nil {
		wantSnippet = false
		for _, f := range graphql.CollectFieldsCtx(ctx, []string{"SearchHit"}) {
			wantSnippet = wantSnippet || f.Name == "snippet"
		}
	}
	out := make([]*model.SearchHit, 0, len(hits))
	for _, h := range hits {
		hit := &model.SearchHit{Score: h.Score}
		var text string
		switch {
		case h.Entity != nil:
			hit.Node = entityModel(*h.Entity).(model.Node)
			text = h.Entity.Name
			if len(h.Entity.Aliases) > 0 {
				text += " (" + strings.Join(h.Entity.Aliases, ", ") + ")"
			}
		case h.Event != nil:
			hit.Node = eventModel(*h.Event)
			text = h.Event.Name
		case h.Statement != nil:
			hit.Node = statementModel(*h.Statement)
			text = h.Statement.Text
		}
		if wantSnippet {
			hit.Snippet = optional(snippet.Make(text, q.Terms, snippetWidth))
		}
		out = append(out, hit)
	}
	return out, nil
}

func (r *Resolver) paths(ctx context.Context, from, to string, maxHops, first *int) ([]*model.Path, error) {
	hops, n := kg.DefaultMaxHops, kg.DefaultPaths
	if maxHops != nil {
		hops = *maxHops
	}
	if first != nil {
		var err error
		if n, err = kg.PageSize(first); err != nil {
			return nil, err
		}
	}
	paths, err := r.Store.Paths(ctx, from, to, hops, n)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Path, len(paths))
	for i, p := range paths {
		nodes := map[string]model.Node{}
		mp := &model.Path{Length: len(p.Links), Nodes: make([]model.Node, len(p.Nodes)), Links: make([]*model.PathLink, len(p.Links))}
		for j, pn := range p.Nodes {
			mp.Nodes[j] = pathNodeModel(pn)
			nodes[pn.ID()] = mp.Nodes[j]
		}
		for j, l := range p.Links {
			mp.Links[j] = &model.PathLink{From: nodes[l.FromID], To: nodes[l.ToID], Type: l.Type, Evidence: evidenceModels(l.Evidence)}
		}
		out[i] = mp
	}
	return out, nil
}

func pathNodeModel(n kg.PathNode) model.Node {
	switch {
	case n.Event != nil:
		return eventModel(*n.Event)
	case n.Statement != nil:
		return statementModel(*n.Statement)
	}
	return entityModel(*n.Entity).(model.Node)
}
