package graph

import (
	"context"
	"strings"

	"newsgraph/graph/model"
	"newsgraph/internal/kg"
)

// statementCounts counts the filter's statements by one dimension. Each
// bucket keeps its scope and the filter, so its statements field lists
// exactly the statements it counts.
func (r *Resolver) statementCounts(ctx context.Context, filter *model.StatementFilter, by kg.CountDimension, first *int) ([]*model.Count, error) {
	n, err := kg.PageSize(first)
	if err != nil {
		return nil, err
	}
	f := statementFilter(filter)
	counts, err := r.Store.StatementCounts(ctx, f, by, n)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Count, len(counts))
	for i, c := range counts {
		out[i] = &model.Count{Key: c.Key, Count: c.Count, Node: countNodeModel(c.Node), Scope: kg.CountScope[by], Anchor: c.Key, Filter: f}
	}
	return out, nil
}

func countNodeModel(n *kg.CountNode) model.Node {
	switch {
	case n == nil:
		return nil
	case n.Entity != nil:
		return entityModel(*n.Entity).(model.Node)
	case n.Event != nil:
		return eventModel(*n.Event)
	case n.Topic != nil:
		return topicModel(*n.Topic)
	case n.Source != nil:
		return sourceModel(*n.Source)
	}
	return nil
}

func refModel(n kg.NodeRef) model.Node {
	if n.Event != nil {
		return eventModel(*n.Event)
	}
	return entityModel(*n.Entity).(model.Node)
}

// network answers the speaker-to-target network of the filter's statements.
func (r *Resolver) network(ctx context.Context, filter *model.StatementFilter, first *int) (*model.Network, error) {
	n, err := kg.PageSize(first)
	if err != nil {
		return nil, err
	}
	f := statementFilter(filter)
	net, err := r.Store.Network(ctx, f, n)
	if err != nil {
		return nil, err
	}
	out := &model.Network{Nodes: make([]*model.NetworkNode, len(net.Nodes)), Edges: make([]*model.NetworkEdge, len(net.Edges))}
	for i, nd := range net.Nodes {
		out.Nodes[i] = &model.NetworkNode{Node: refModel(nd.Node), Degree: nd.Degree}
	}
	for i, e := range net.Edges {
		kinds := make([]*model.StatementKindCount, len(e.Kinds))
		for j, k := range e.Kinds {
			kinds[j] = &model.StatementKindCount{Kind: k.Kind, Count: k.Count}
		}
		to := refModel(e.To)
		out.Edges[i] = &model.NetworkEdge{
			From: entityModel(e.From), To: to, Count: e.Count, Kinds: kinds,
			Anchor: strings.Join([]string{e.From.ID, refID(e.To)}, " "), Filter: f,
		}
	}
	return out, nil
}

func refID(n kg.NodeRef) string {
	if n.Event != nil {
		return n.Event.ID
	}
	return n.Entity.ID
}
