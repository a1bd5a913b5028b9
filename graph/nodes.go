package graph

import (
	"context"

	"newsgraph/graph/loader"
	"newsgraph/graph/model"
	"newsgraph/internal/kg"
)

// Helpers behind the resolvers: each asks the store or a loader and maps
// the result. Resolvers stay one call long.

func (r *Resolver) loaders(ctx context.Context) *loader.Loaders { return loader.For(ctx, r.Store) }

// node looks up any node by id. A well-formed id that names nothing gives
// null, not an error; a malformed id is the caller's mistake. Root lookups
// go straight to the store: a loader would wait to batch with siblings a
// root field seldom has.
func (r *Resolver) node(ctx context.Context, id string) (model.Node, error) {
	kind, _, err := kg.ParseID("id", id)
	if err != nil {
		return nil, err
	}
	switch kind {
	case kg.KindEvent:
		ev, err := r.eventWithFields(ctx, id)
		if ev == nil || err != nil {
			return nil, err
		}
		return eventModel(*ev), nil
	case kg.KindStatement:
		st, err := first(r.Store.StatementsByID(ctx, []string{id}))
		if st == nil || err != nil {
			return nil, err
		}
		return statementModel(*st), nil
	case kg.KindTopic:
		t, err := first(r.Store.TopicsByID(ctx, []string{id}))
		if t == nil || err != nil {
			return nil, err
		}
		return topicModel(*t), nil
	case kg.KindSource:
		s, err := first(r.Store.SourcesByID(ctx, []string{id}))
		if s == nil || err != nil {
			return nil, err
		}
		return sourceModel(*s), nil
	}
	e, err := r.entity(ctx, id)
	if e == nil || err != nil {
		return nil, err
	}
	return e.(model.Node), nil
}

// first returns the only result of a one-key store lookup.
func first[T any](list []*T, err error) (*T, error) {
	if err != nil || len(list) == 0 {
		return nil, err
	}
	return list[0], nil
}

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

// statements answers every statement connection: top level (ScopeNone) in
// one store call, nested ones through the page loader so that the pages of
// all parents come back in one round trip.
func (r *Resolver) statements(ctx context.Context, scope kg.Scope, anchor string, filter *model.StatementFilter, first *int, after *string) (*model.StatementConnection, error) {
	n, err := kg.PageSize(first)
	if err != nil {
		return nil, err
	}
	f := statementFilter(filter)
	var page kg.Page[kg.Statement]
	if scope == kg.ScopeNone {
		pages, err := r.Store.StatementPages(ctx, scope, []string{""}, f, n, after)
		if err != nil {
			return nil, err
		}
		page = pages[0]
	} else if page, err = r.loaders(ctx).StatementPages.Load(ctx, loader.StatementPageKey(scope, anchor, f, n, after)); err != nil {
		return nil, err
	}
	return (*model.StatementConnection)(connection(page, statementModel, statementEdge)), nil
}

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

func (r *Resolver) sources(ctx context.Context, first *int, after *string) (*model.SourceConnection, error) {
	n, err := kg.PageSize(first)
	if err != nil {
		return nil, err
	}
	page, err := r.Store.SourcePage(ctx, n, after)
	if err != nil {
		return nil, err
	}
	return (*model.SourceConnection)(connection(page, sourceModel, sourceEdge)), nil
}

func (r *Resolver) topics(ctx context.Context) ([]*model.Topic, error) {
	ts, err := r.Store.Topics(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Topic, len(ts))
	for i, t := range ts {
		out[i] = topicModel(t)
	}
	return out, nil
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

func (r *Resolver) participants(ctx context.Context, eventID string) ([]*model.Participation, error) {
	ps, err := r.loaders(ctx).Participations.Load(ctx, eventID)
	return participationModels(ps), err
}

func (r *Resolver) eventEvidence(ctx context.Context, eventID string) ([]*model.Evidence, error) {
	es, err := r.loaders(ctx).EventEvidence.Load(ctx, eventID)
	return evidenceModels(es), err
}

func (r *Resolver) sourceText(ctx context.Context, sourceID string) (string, error) {
	return r.loaders(ctx).SourceTexts.Load(ctx, sourceID)
}

func (r *Resolver) sourceEvidence(ctx context.Context, sourceID string) ([]*model.SourceEvidence, error) {
	es, err := r.loaders(ctx).SourceEvidence.Load(ctx, sourceID)
	return sourceEvidenceModels(es), err
}

func (r *Resolver) entitiesIn(ctx context.Context, sourceID string) ([]model.Entity, error) {
	es, err := r.loaders(ctx).EntitiesIn.Load(ctx, sourceID)
	return entityModels(es), err
}

// timeline is an entity's or a topic's events and statements, oldest first.
func (r *Resolver) timeline(ctx context.Context, topic bool, id string) ([]*model.TimelineEntry, error) {
	l := r.loaders(ctx).EntityTimelines
	if topic {
		l = r.loaders(ctx).TopicTimelines
	}
	entries, err := l.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	out := make([]*model.TimelineEntry, len(entries))
	for i, e := range entries {
		m := &model.TimelineEntry{Date: optionalDate(e.Date), Relation: e.Relation}
		if e.Event != nil {
			m.Node = eventModel(*e.Event)
		} else {
			m.Node = statementModel(*e.Statement)
		}
		out[i] = m
	}
	return out, nil
}
