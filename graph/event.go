package graph

import (
	"context"
	"fmt"

	"newsgraph/graph/loader"
	"newsgraph/graph/model"
	"newsgraph/internal/kg"
)

// events answers every event connection: every event (ScopeNone) in one
// store call, an entity's (ScopeParticipant) through the page loader, so
// that the pages of all parents come back in one round trip.
func (r *Resolver) events(ctx context.Context, scope kg.Scope, anchor string, first *int, after *string) (*model.EventConnection, error) {
	n, err := kg.PageSize(first)
	if err != nil {
		return nil, err
	}
	var page kg.Page[kg.Event]
	switch scope {
	case kg.ScopeNone:
		pages, err := r.Store.EventPages(ownCounts(ctx), scope, []string{""}, n, after)
		if err != nil {
			return nil, err
		}
		page = pages[0]
	case kg.ScopeParticipant:
		if page, err = r.loaders(ctx).EventPages().Load(ctx, loader.EventPageKey(anchor, n, after)); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("graph.events: no event list has scope %q", scope)
	}
	return (*model.EventConnection)(connection(page, eventModel, eventEdge)), nil
}

func (r *Resolver) participants(ctx context.Context, eventID string) ([]*model.Participation, error) {
	ps, err := r.loaders(ctx).Participations().Load(ctx, eventID)
	return participationModels(ps), err
}

func (r *Resolver) eventEvidence(ctx context.Context, eventID string) ([]*model.Evidence, error) {
	es, err := r.loaders(ctx).EventEvidence().Load(ctx, eventID)
	return evidenceModels(es), err
}
