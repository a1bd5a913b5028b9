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
	return entityModel(*e), nil
}

func (r *Resolver) entities(ctx context.Context, filter *model.EntityFilter, first *int, after *string) (*model.EntityConnection, error) {
	n, err := kg.PageSize(first)
	if err != nil {
		return nil, err
	}
	page, err := r.Store.Entities(ctx, entityFilter(filter), n, after)
	if err != nil {
		return nil, err
	}
	return (*model.EntityConnection)(connection(page, entityModel, entityEdge)), nil
}

func (r *Resolver) sourcesNaming(ctx context.Context, entityID string) ([]*model.Source, error) {
	ss, err := r.loaders(ctx).SourcesNaming.Load(ctx, entityID)
	return sourceModels(ss), err
}

func (r *Resolver) rolesOf(ctx context.Context, personID string) ([]*model.Role, error) {
	rs, err := r.loaders(ctx).RolesOfPeople.Load(ctx, personID)
	return roleModels(rs), err
}

func (r *Resolver) leaders(ctx context.Context, entityID string) ([]*model.Role, error) {
	rs, err := r.loaders(ctx).RolesIn.Load(ctx, entityID)
	return roleModels(rs), err
}

func (r *Resolver) memberships(ctx context.Context, entityID string) ([]*model.Membership, error) {
	ms, err := r.loaders(ctx).MembershipsOf.Load(ctx, entityID)
	return membershipModels(ms), err
}

func (r *Resolver) members(ctx context.Context, organisationID string) ([]*model.Membership, error) {
	ms, err := r.loaders(ctx).MembersOf.Load(ctx, organisationID)
	return membershipModels(ms), err
}
