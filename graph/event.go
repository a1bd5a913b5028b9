package graph

import (
	"context"

	"newsgraph/graph/loader"
	"newsgraph/graph/model"
	"newsgraph/internal/kg"
)

func (r *Resolver) events(ctx context.Context, entityID string, first *int, after *string) (*model.EventConnection, error) {
	n, err := kg.PageSize(first)
	if err != nil {
		return nil, err
	}
	var page kg.Page[kg.Event]
	if entityID == "" {
		pages, err := r.Store.EventPages(ctx, false, []string{""}, n, after)
		if err != nil {
			return nil, err
		}
		page = pages[0]
	} else if page, err = r.loaders(ctx).EventPages.Load(ctx, loader.EventPageKey(entityID, n, after)); err != nil {
		return nil, err
	}
	return (*model.EventConnection)(connection(page, eventModel, eventEdge)), nil
}

func (r *Resolver) participants(ctx context.Context, eventID string) ([]*model.Participation, error) {
	ps, err := r.loaders(ctx).Participations.Load(ctx, eventID)
	return participationModels(ps), err
}

func (r *Resolver) eventEvidence(ctx context.Context, eventID string) ([]*model.Evidence, error) {
	es, err := r.loaders(ctx).EventEvidence.Load(ctx, eventID)
	return evidenceModels(es), err
}
