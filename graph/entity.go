package graph

import (
	"context"

	"newsgraph/graph/model"
	"newsgraph/internal/kg"
)

// entity looks up an entity by id; null when absent or not an entity's id.
func (r *Resolver) entity(ctx context.Context, id string) (model.Entity, error) {
	kind, _, err := kg.ParseID("id", id)
	if err != nil {
		return nil, err
	}
	ek, ok := kg.EntityKindOf(kind)
	if !ok {
		return nil, nil
	}
	e, err := r.entityWithFields(ctx, id, ek)
	if e == nil || err != nil {
		return nil, err
	}
	r.primeCounts(ctx, *e)
	return entityModel(*e), nil
}

func (r *Resolver) entities(ctx context.Context, filter *model.EntityFilter, first *int, after *string, order *kg.EntityOrder) (*model.EntityConnection, error) {
	n, err := kg.PageSize(first)
	if err != nil {
		return nil, err
	}
	var o kg.EntityOrder
	if order != nil {
		o = *order
	}
	page, err := r.Store.Entities(ownCounts(ctx), entityFilter(filter), o, n, after)
	if err != nil {
		return nil, err
	}
	r.primeCounts(ctx, page.Items...)
	return (*model.EntityConnection)(connection(page, entityModel, entityEdge)), nil
}

// primeCounts hands the counts that came with entities (whole nodes carry
// them) to the request's EntityCounts loader, so quotedCount and
// mentionedCount on them cost no round trip; entities read without them
// load theirs in one batch.
func (r *Resolver) primeCounts(ctx context.Context, es ...kg.Entity) {
	l := r.loaders(ctx).EntityCounts()
	for _, e := range es {
		if e.Counts != nil {
			l.Prime(e.ID, e.Counts)
		}
	}
}

// entityCounts are an entity's stored statement counts; zero for an
// entity deleted since it was read.
func (r *Resolver) entityCounts(ctx context.Context, id string) (kg.EntityCounts, error) {
	c, err := r.loaders(ctx).EntityCounts().Load(ctx, id)
	if c == nil || err != nil {
		return kg.EntityCounts{}, err
	}
	return *c, nil
}

func (r *Resolver) quotedCount(ctx context.Context, id string) (int, error) {
	c, err := r.entityCounts(ctx, id)
	return c.Quoted, err
}

func (r *Resolver) mentionedCount(ctx context.Context, id string) (int, error) {
	c, err := r.entityCounts(ctx, id)
	return c.Mentioned, err
}

func (r *Resolver) sourcesNaming(ctx context.Context, entityID string) ([]*model.Source, error) {
	ss, err := r.loaders(ctx).SourcesNaming().Load(ctx, entityID)
	return sourceModels(ss), err
}

func (r *Resolver) rolesOf(ctx context.Context, personID string) ([]*model.Role, error) {
	rs, err := r.loaders(ctx).RolesOfPeople().Load(ctx, personID)
	return roleModels(rs), err
}

func (r *Resolver) leaders(ctx context.Context, entityID string) ([]*model.Role, error) {
	rs, err := r.loaders(ctx).RolesIn().Load(ctx, entityID)
	return roleModels(rs), err
}

func (r *Resolver) memberships(ctx context.Context, entityID string) ([]*model.Membership, error) {
	ms, err := r.loaders(ctx).MembershipsOf().Load(ctx, entityID)
	return membershipModels(ms), err
}

func (r *Resolver) members(ctx context.Context, organisationID string) ([]*model.Membership, error) {
	ms, err := r.loaders(ctx).MembersOf().Load(ctx, organisationID)
	return membershipModels(ms), err
}
