package graph

import (
	"context"
	"encoding/json"
	"errors"
	"sync"

	"github.com/99designs/gqlgen/graphql"

	"newsgraph/graph/loader"
	"newsgraph/graph/model"
	"newsgraph/internal/kg"
	"newsgraph/internal/store"
)

// A root field that returns one object (entity, node) has no siblings to
// batch with, so waiting for a batch would only add latency. The helpers
// here read the root's selection set and load the fields asked for with,
// or in parallel with, the root object itself (an id names its kind),
// priming the loaders: the field resolvers then answer at once from the
// cache. For an id that names nothing, the loads find nothing and are not
// used.

// entityWithFields reads a root entity together with the lists its
// selection asks for. Roles, leaders, memberships, members and one
// statement page come in the entity's own query (store.EntityBundle); the
// rest (sources, timeline, events, a second page) load in parallel with
// it. Everything is primed into the request's loaders, so the field
// resolvers answer from the cache.
func (r *Resolver) entityWithFields(ctx context.Context, id string, kind kg.EntityKind) (*kg.Entity, error) {
	if !graphql.HasOperationContext(ctx) || graphql.GetFieldContext(ctx) == nil {
		return first(r.Store.EntitiesByID(ctx, []string{id}))
	}
	typeName := map[kg.EntityKind]string{kg.Person: "Person", kg.Nation: "Nation", kg.Organisation: "Organisation"}[kind]
	l := r.loaders(ctx)
	vars := graphql.GetOperationContext(ctx).Variables
	var req store.EntityRequest
	var wg sync.WaitGroup
	for _, f := range graphql.CollectFieldsCtx(ctx, []string{typeName, "Entity", "Node"}) {
		switch f.Name {
		case "roles":
			req.Roles = true
		case "leaders":
			req.Leaders = true
		case "memberships":
			req.Memberships = true
		case "members":
			req.Members = true
		case "sources":
			prime(ctx, &wg, l.SourcesNaming(), id, r.Store.SourcesNaming)
		case "timeline":
			prime(ctx, &wg, l.EntityTimelines(), id, r.Store.EntityTimelines)
		case "statements", "mentions":
			pr, ok := pageRequest(scopeOf(f.Name), f.ArgumentMap(vars))
			switch {
			case !ok: // the field's resolver reports it
			case req.Page == nil:
				req.Page = &pr
			default:
				r.primeStatements(ctx, &wg, l, id, pr)
			}
		case "events":
			if first, after, ok := pageArgs(f.ArgumentMap(vars)); ok {
				key := loader.EventPageKey(id, first, after)
				wg.Add(1)
				go func() {
					defer wg.Done()
					if pages, err := r.Store.EventPages(ctx, kg.ScopeParticipant, []string{id}, first, after); err == nil {
						l.EventPages().Prime(key, pages[0])
					}
				}()
			}
		}
	}
	b, err := r.Store.EntityBundle(ctx, id, req)
	if errors.Is(err, kg.ErrInvalidInput) && req.Page != nil {
		// A bad filter or cursor is the statements field's error, not the
		// entity's: read the entity without the page and let the field's
		// resolver report it at its own path.
		req.Page = nil
		b, err = r.Store.EntityBundle(ctx, id, req)
	}
	wg.Wait()
	if err != nil || b.Entity == nil {
		return b.Entity, err
	}
	if req.Roles {
		l.RolesOfPeople().Prime(id, b.Roles)
	}
	if req.Leaders {
		l.RolesIn().Prime(id, b.Leaders)
	}
	if req.Memberships {
		l.MembershipsOf().Prime(id, b.Memberships)
	}
	if req.Members {
		l.MembersOf().Prime(id, b.Members)
	}
	if pr := req.Page; pr != nil && b.Page != nil {
		l.StatementPages().Prime(loader.StatementPageKey(pr.Scope, id, pr.Filter, pr.First, pr.After), *b.Page)
	}
	return b.Entity, nil
}

// eventWithFields reads a root event together with what its selection
// asks for: participants, evidence and the participants' statement or
// mentions pages in the event's own query (store.EventBundle), its own
// statements in parallel.
func (r *Resolver) eventWithFields(ctx context.Context, id string) (*kg.Event, error) {
	if !graphql.HasOperationContext(ctx) || graphql.GetFieldContext(ctx) == nil {
		return first(r.Store.EventsByID(ctx, []string{id}))
	}
	oc := graphql.GetOperationContext(ctx)
	l := r.loaders(ctx)
	var req store.EventRequest
	var wg sync.WaitGroup
	for _, f := range graphql.CollectFieldsCtx(ctx, []string{"Event", "Node"}) {
		switch f.Name {
		case "participants":
			req.Participants = true
			if req.ParticipantPage == nil {
				req.ParticipantPage = participantPage(oc, f)
			}
		case "evidence":
			req.Evidence = true
		case "statements":
			if pr, ok := pageRequest(kg.ScopeEvent, f.ArgumentMap(oc.Variables)); ok {
				r.primeStatements(ctx, &wg, l, id, pr)
			}
		}
	}
	b, err := r.Store.EventBundle(ctx, id, req)
	if errors.Is(err, kg.ErrInvalidInput) && req.ParticipantPage != nil {
		req.ParticipantPage = nil // reported by the statements field itself
		b, err = r.Store.EventBundle(ctx, id, req)
	}
	wg.Wait()
	if err != nil || b.Event == nil {
		return b.Event, err
	}
	if req.Participants {
		l.Participations().Prime(id, b.Participants)
	}
	if req.Evidence {
		l.EventEvidence().Prime(id, b.Evidence)
	}
	if pr := req.ParticipantPage; pr != nil {
		for i, p := range b.Participants {
			l.StatementPages().Prime(loader.StatementPageKey(pr.Scope, p.EntityID, pr.Filter, pr.First, pr.After), b.ParticipantPages[i])
		}
	}
	return b.Event, nil
}

// participantPage finds the first statements or mentions page asked for
// under participants { entity { … } }, or nil.
func participantPage(oc *graphql.OperationContext, f graphql.CollectedField) *store.PageRequest {
	for _, pf := range graphql.CollectFields(oc, f.Selections, []string{"Participation"}) {
		if pf.Name != "entity" {
			continue
		}
		for _, ef := range graphql.CollectFields(oc, pf.Selections, []string{"Person", "Nation", "Organisation", "Entity", "Node"}) {
			if ef.Name != "statements" && ef.Name != "mentions" {
				continue
			}
			if pr, ok := pageRequest(scopeOf(ef.Name), ef.ArgumentMap(oc.Variables)); ok {
				return &pr
			}
		}
	}
	return nil
}

// prime loads one key's value in the background and puts it in the loader.
// On error it does nothing: the resolver then loads, and reports, itself.
func prime[V any](ctx context.Context, wg *sync.WaitGroup, l *loader.Loader[string, V], id string, fetch func(context.Context, []string) ([]V, error)) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		if v, err := fetch(ctx, []string{id}); err == nil && len(v) == 1 {
			l.Prime(id, v[0])
		}
	}()
}

// primeStatements loads one statement page under id in the background
// and puts it in the loader.
func (r *Resolver) primeStatements(ctx context.Context, wg *sync.WaitGroup, l *loader.Loaders, id string, pr store.PageRequest) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		if pages, err := r.Store.StatementPages(ctx, pr.Scope, []string{id}, pr.Filter, pr.First, pr.After); err == nil && len(pages) == 1 {
			l.StatementPages().Prime(loader.StatementPageKey(pr.Scope, id, pr.Filter, pr.First, pr.After), pages[0])
		}
	}()
}

// scopeOf is the scope of an entity's statements or mentions field.
func scopeOf(field string) kg.Scope {
	if field == "mentions" {
		return kg.ScopeAbout
	}
	return kg.ScopeSpeaker
}

// pageRequest reads a statement page's arguments; ok is false when they
// are not valid, leaving the resolver to report it.
func pageRequest(scope kg.Scope, args map[string]any) (store.PageRequest, bool) {
	first, after, ok := pageArgs(args)
	if !ok {
		return store.PageRequest{}, false
	}
	var in struct {
		Filter  *model.StatementFilter `json:"filter"`
		OrderBy *kg.StatementOrder     `json:"orderBy"`
	}
	// Most pages have neither a filter nor an order; only those that do
	// are read into the model types, through JSON.
	if args["filter"] != nil || args["orderBy"] != nil {
		if b, err := json.Marshal(args); err != nil || json.Unmarshal(b, &in) != nil {
			return store.PageRequest{}, false
		}
	}
	return store.PageRequest{Scope: scope, Filter: orderedFilter(in.Filter, in.OrderBy), First: first, After: after}, true
}

// pageArgs reads first and after from a field's arguments; ok is false when
// they are not valid, leaving the resolver to report it.
func pageArgs(args map[string]any) (first int, after *string, ok bool) {
	var in struct {
		First *int    `json:"first"`
		After *string `json:"after"`
	}
	// The values are a literal's or a coerced variable's: an int64 and a
	// string, or nothing. Anything else goes through JSON, as the
	// resolver's own arguments do.
	n, nOK := args["first"].(int64)
	a, aOK := args["after"].(string)
	switch {
	case (nOK || args["first"] == nil) && (aOK || args["after"] == nil):
		if nOK {
			if int64(int(n)) != n {
				return 0, nil, false
			}
			in.First = new(int(n))
		}
		if aOK {
			in.After = &a
		}
	default:
		b, err := json.Marshal(map[string]any{"first": args["first"], "after": args["after"]})
		if err != nil || json.Unmarshal(b, &in) != nil {
			return 0, nil, false
		}
	}
	size, err := kg.PageSize(in.First)
	if err != nil {
		return 0, nil, false
	}
	return size, in.After, true
}
