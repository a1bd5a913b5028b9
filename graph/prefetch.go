package graph

import (
	"context"
	"encoding/json"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vikstrous/dataloadgen"

	"newsgraph/graph/loader"
	"newsgraph/graph/model"
	"newsgraph/internal/kg"
)

// A root field that returns one object (entity, node) has no siblings to
// batch with, so waiting for a batch would only add latency. prefetchEntity
// and prefetchEvent read the root's selection set and load, in parallel,
// the fields asked for, priming the loaders: the field resolvers then answer
// at once from the cache. The round trips are the same; the waits are gone.

func (r *Resolver) prefetchEntity(ctx context.Context, e kg.Entity) {
	if !graphql.HasOperationContext(ctx) || graphql.GetFieldContext(ctx) == nil {
		return
	}
	typeName := map[kg.EntityKind]string{kg.Person: "Person", kg.Nation: "Nation", kg.Organisation: "Organisation"}[e.Kind]
	l := r.loaders(ctx)
	vars := graphql.GetOperationContext(ctx).Variables
	var wg sync.WaitGroup
	for _, f := range graphql.CollectFieldsCtx(ctx, []string{typeName, "Entity", "Node"}) {
		switch f.Name {
		case "roles":
			prime(ctx, &wg, l.RolesOfPeople, e.ID, r.Store.RolesOfPeople)
		case "leaders":
			prime(ctx, &wg, l.RolesIn, e.ID, r.Store.RolesIn)
		case "memberships":
			prime(ctx, &wg, l.MembershipsOf, e.ID, r.Store.MembershipsOf)
		case "members":
			prime(ctx, &wg, l.MembersOf, e.ID, r.Store.MembersOf)
		case "sources":
			prime(ctx, &wg, l.SourcesNaming, e.ID, r.Store.SourcesNaming)
		case "timeline":
			prime(ctx, &wg, l.EntityTimelines, e.ID, r.Store.EntityTimelines)
		case "statements", "mentions":
			scope := kg.ScopeSpeaker
			if f.Name == "mentions" {
				scope = kg.ScopeAbout
			}
			r.primeStatements(ctx, &wg, l, scope, e.ID, f.ArgumentMap(vars))
		case "events":
			if first, after, ok := pageArgs(f.ArgumentMap(vars)); ok {
				key := loader.EventPageKey(e.ID, first, after)
				wg.Add(1)
				go func() {
					defer wg.Done()
					if pages, err := r.Store.EventPages(ctx, true, []string{e.ID}, first, after); err == nil {
						l.EventPages.Prime(key, pages[0])
					}
				}()
			}
		}
	}
	wg.Wait()
}

func (r *Resolver) prefetchEvent(ctx context.Context, id string) {
	if !graphql.HasOperationContext(ctx) || graphql.GetFieldContext(ctx) == nil {
		return
	}
	l := r.loaders(ctx)
	vars := graphql.GetOperationContext(ctx).Variables
	var wg sync.WaitGroup
	for _, f := range graphql.CollectFieldsCtx(ctx, []string{"Event", "Node"}) {
		switch f.Name {
		case "participants":
			prime(ctx, &wg, l.Participations, id, r.Store.Participations)
		case "evidence":
			prime(ctx, &wg, l.EventEvidence, id, r.Store.EventEvidence)
		case "statements":
			r.primeStatements(ctx, &wg, l, kg.ScopeEvent, id, f.ArgumentMap(vars))
		}
	}
	wg.Wait()
}

// prime loads one key's value in the background and puts it in the loader.
// On error it does nothing: the resolver then loads, and reports, itself.
func prime[V any](ctx context.Context, wg *sync.WaitGroup, l *dataloadgen.Loader[string, V], id string, fetch func(context.Context, []string) ([]V, error)) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		if v, err := fetch(ctx, []string{id}); err == nil && len(v) == 1 {
			l.Prime(id, v[0])
		}
	}()
}

func (r *Resolver) primeStatements(ctx context.Context, wg *sync.WaitGroup, l *loader.Loaders, scope kg.Scope, id string, args map[string]any) {
	first, after, ok := pageArgs(args)
	if !ok {
		return
	}
	var in struct {
		Filter *model.StatementFilter `json:"filter"`
	}
	if b, err := json.Marshal(args); err != nil || json.Unmarshal(b, &in) != nil {
		return
	}
	f := statementFilter(in.Filter)
	key := loader.StatementPageKey(scope, id, f, first, after)
	wg.Add(1)
	go func() {
		defer wg.Done()
		if pages, err := r.Store.StatementPages(ctx, scope, []string{id}, f, first, after); err == nil {
			l.StatementPages.Prime(key, pages[0])
		}
	}()
}

// pageArgs reads first and after from a field's arguments; ok is false when
// they are not valid, leaving the resolver to report it.
func pageArgs(args map[string]any) (first int, after *string, ok bool) {
	var in struct {
		First *int    `json:"first"`
		After *string `json:"after"`
	}
	b, err := json.Marshal(map[string]any{"first": args["first"], "after": args["after"]})
	if err != nil || json.Unmarshal(b, &in) != nil {
		return 0, nil, false
	}
	n, err := kg.PageSize(in.First)
	if err != nil {
		return 0, nil, false
	}
	return n, in.After, true
}
