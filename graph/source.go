package graph

import (
	"context"

	"newsgraph/graph/model"
	"newsgraph/internal/kg"
)

func (r *Resolver) sources(ctx context.Context, first *int, after *string) (*model.SourceConnection, error) {
	n, err := kg.PageSize(first)
	if err != nil {
		return nil, err
	}
	page, err := r.Store.SourcePage(ownCounts(ctx), n, after)
	if err != nil {
		return nil, err
	}
	return (*model.SourceConnection)(connection(page, sourceModel, sourceEdge)), nil
}

func (r *Resolver) sourceText(ctx context.Context, sourceID string) (string, error) {
	return r.loaders(ctx).SourceTexts().Load(ctx, sourceID)
}

func (r *Resolver) sourceEvidence(ctx context.Context, sourceID string) ([]*model.SourceEvidence, error) {
	es, err := r.loaders(ctx).SourceEvidence().Load(ctx, sourceID)
	return sourceEvidenceModels(es), err
}

func (r *Resolver) entitiesIn(ctx context.Context, sourceID string) ([]model.Entity, error) {
	es, err := r.loaders(ctx).EntitiesIn().Load(ctx, sourceID)
	return entityModels(es), err
}
