// Package loader holds the per-request batching loaders behind GraphQL field
// resolvers. Each loader turns the keys its resolvers ask for in one tick
// into one store call (UNWIND $ids …), which returns values in key order,
// so the number of Cypher round trips grows with a query's depth, not with
// how many nodes it returns. A key that can have no siblings is fetched
// without waiting for a batch (alone.go).
package loader

import (
	"context"
	"net/http"
	"sync"
	"time"

	"newsgraph/internal/kg"
	"newsgraph/internal/store"
)

// DefaultWait is how long a loader collects keys before it fetches.
// gqlgen starts the resolvers of a list's items in goroutines at once, so a
// couple of milliseconds catches them all in the common case; under heavy
// load a batch may split in two, which costs a round trip, never an answer.
const DefaultWait = 2 * time.Millisecond

// Loaders are one request's loaders. A new set per request keeps caches
// from leaking between callers. Each loader is made on first use: most
// requests touch one or two of them, and making all fifteen was one in
// eleven of a request's allocations.
type Loaders struct {
	st              *store.Store
	wait            time.Duration
	sourceTexts     lazy[string, string]
	rolesOfPeople   lazy[string, []kg.Role]
	rolesIn         lazy[string, []kg.Role]
	membershipsOf   lazy[string, []kg.Membership]
	membersOf       lazy[string, []kg.Membership]
	participations  lazy[string, []kg.Participation]
	eventEvidence   lazy[string, []kg.Evidence]
	sourcesNaming   lazy[string, []kg.Source]
	entitiesIn      lazy[string, []kg.Entity]
	entityCounts    lazy[string, *kg.EntityCounts]
	sourceEvidence  lazy[string, []kg.SourceEvidence]
	entityTimelines lazy[string, []kg.TimelineEntry]
	topicTimelines  lazy[string, []kg.TimelineEntry]
	statementPages  lazy[PageKey, kg.Page[kg.Statement]]
	eventPages      lazy[PageKey, kg.Page[kg.Event]]
}

// lazy is a loader made on first use.
type lazy[K comparable, V any] struct {
	once sync.Once
	l    *Loader[K, V]
}

// get returns the loader, made by mk(l) the first time. mk captures
// nothing, so asking for a loader allocates nothing once it exists.
func (z *lazy[K, V]) get(l *Loaders, mk func(*Loaders) *Loader[K, V]) *Loader[K, V] {
	z.once.Do(func() { z.l = mk(l) })
	return z.l
}

// PageKey asks for one page of a nested connection: the parent (Anchor),
// how it relates (Scope), and the field's arguments, held comparably so
// that keys with equal arguments batch into one query.
type PageKey struct {
	Scope  kg.Scope
	Anchor string
	args   pageArgs
}

// pageArgs are a connection field's arguments in a comparable form: the
// filter's key (kg.FilterKey), and after's absence marked apart from an
// empty cursor.
type pageArgs struct {
	filter   kg.FilterKey
	first    int
	after    string
	hasAfter bool
}

func argsOf(f kg.FilterKey, first int, after *string) pageArgs {
	a := pageArgs{filter: f, first: first}
	if after != nil {
		a.after, a.hasAfter = *after, true
	}
	return a
}

func (a pageArgs) afterPtr() *string {
	if !a.hasAfter {
		return nil
	}
	after := a.after
	return &after
}

// StatementPageKey makes the key for a page of statements under anchor.
func StatementPageKey(scope kg.Scope, anchor string, f kg.StatementFilter, first int, after *string) PageKey {
	return PageKey{Scope: scope, Anchor: anchor, args: argsOf(f.Key(), first, after)}
}

// EventPageKey makes the key for a page of an entity's events.
func EventPageKey(entityID string, first int, after *string) PageKey {
	return PageKey{Scope: kg.ScopeParticipant, Anchor: entityID, args: argsOf(kg.FilterKey{}, first, after)}
}

// New makes a request's loaders over st, each batching for wait. The
// loaders themselves are made when first asked for.
func New(st *store.Store, wait time.Duration) *Loaders {
	return &Loaders{st: st, wait: wait}
}

// SourceTexts is the request's loader over store.SourceTexts.
func (l *Loaders) SourceTexts() *Loader[string, string] {
	return l.sourceTexts.get(l, func(l *Loaders) *Loader[string, string] {
		return newLoader(KindSourceTexts, one(l.st.SourceTexts), l.wait)
	})
}

// RolesOfPeople is the request's loader over store.RolesOfPeople.
func (l *Loaders) RolesOfPeople() *Loader[string, []kg.Role] {
	return l.rolesOfPeople.get(l, func(l *Loaders) *Loader[string, []kg.Role] {
		return newLoader(KindRolesOfPeople, one(l.st.RolesOfPeople), l.wait)
	})
}

// RolesIn is the request's loader over store.RolesIn.
func (l *Loaders) RolesIn() *Loader[string, []kg.Role] {
	return l.rolesIn.get(l, func(l *Loaders) *Loader[string, []kg.Role] {
		return newLoader(KindRolesIn, one(l.st.RolesIn), l.wait)
	})
}

// MembershipsOf is the request's loader over store.MembershipsOf.
func (l *Loaders) MembershipsOf() *Loader[string, []kg.Membership] {
	return l.membershipsOf.get(l, func(l *Loaders) *Loader[string, []kg.Membership] {
		return newLoader(KindMembershipsOf, one(l.st.MembershipsOf), l.wait)
	})
}

// MembersOf is the request's loader over store.MembersOf.
func (l *Loaders) MembersOf() *Loader[string, []kg.Membership] {
	return l.membersOf.get(l, func(l *Loaders) *Loader[string, []kg.Membership] {
		return newLoader(KindMembersOf, one(l.st.MembersOf), l.wait)
	})
}

// Participations is the request's loader over store.Participations.
func (l *Loaders) Participations() *Loader[string, []kg.Participation] {
	return l.participations.get(l, func(l *Loaders) *Loader[string, []kg.Participation] {
		return newLoader(KindParticipations, one(l.st.Participations), l.wait)
	})
}

// EventEvidence is the request's loader over store.EventEvidence.
func (l *Loaders) EventEvidence() *Loader[string, []kg.Evidence] {
	return l.eventEvidence.get(l, func(l *Loaders) *Loader[string, []kg.Evidence] {
		return newLoader(KindEventEvidence, one(l.st.EventEvidence), l.wait)
	})
}

// SourcesNaming is the request's loader over store.SourcesNaming.
func (l *Loaders) SourcesNaming() *Loader[string, []kg.Source] {
	return l.sourcesNaming.get(l, func(l *Loaders) *Loader[string, []kg.Source] {
		return newLoader(KindSourcesNaming, one(l.st.SourcesNaming), l.wait)
	})
}

// EntitiesIn is the request's loader over store.EntitiesNamedIn.
func (l *Loaders) EntitiesIn() *Loader[string, []kg.Entity] {
	return l.entitiesIn.get(l, func(l *Loaders) *Loader[string, []kg.Entity] {
		return newLoader(KindEntitiesIn, one(l.st.EntitiesNamedIn), l.wait)
	})
}

// EntityCounts is the request's loader over store.EntityCounts.
func (l *Loaders) EntityCounts() *Loader[string, *kg.EntityCounts] {
	return l.entityCounts.get(l, func(l *Loaders) *Loader[string, *kg.EntityCounts] {
		return newLoader(KindEntityCounts, one(l.st.EntityCounts), l.wait)
	})
}

// SourceEvidence is the request's loader over store.SourceEvidence.
func (l *Loaders) SourceEvidence() *Loader[string, []kg.SourceEvidence] {
	return l.sourceEvidence.get(l, func(l *Loaders) *Loader[string, []kg.SourceEvidence] {
		return newLoader(KindSourceEvidence, one(l.st.SourceEvidence), l.wait)
	})
}

// EntityTimelines is the request's loader over store.EntityTimelines.
func (l *Loaders) EntityTimelines() *Loader[string, []kg.TimelineEntry] {
	return l.entityTimelines.get(l, func(l *Loaders) *Loader[string, []kg.TimelineEntry] {
		return newLoader(KindEntityTimelines, one(l.st.EntityTimelines), l.wait)
	})
}

// TopicTimelines is the request's loader over store.TopicTimelines.
func (l *Loaders) TopicTimelines() *Loader[string, []kg.TimelineEntry] {
	return l.topicTimelines.get(l, func(l *Loaders) *Loader[string, []kg.TimelineEntry] {
		return newLoader(KindTopicTimelines, one(l.st.TopicTimelines), l.wait)
	})
}

// StatementPages is the request's loader over store.StatementPages.
func (l *Loaders) StatementPages() *Loader[PageKey, kg.Page[kg.Statement]] {
	return l.statementPages.get(l, func(l *Loaders) *Loader[PageKey, kg.Page[kg.Statement]] {
		return newLoader(KindStatementPages, pages(func(ctx context.Context, k PageKey, anchors []string, a pageArgs) ([]kg.Page[kg.Statement], error) {
			return l.st.StatementPages(ctx, k.Scope, anchors, a.filter.Filter(), a.first, a.afterPtr())
		}), l.wait)
	})
}

// EventPages is the request's loader over store.EventPages.
func (l *Loaders) EventPages() *Loader[PageKey, kg.Page[kg.Event]] {
	return l.eventPages.get(l, func(l *Loaders) *Loader[PageKey, kg.Page[kg.Event]] {
		return newLoader(KindEventPages, pages(func(ctx context.Context, k PageKey, anchors []string, a pageArgs) ([]kg.Page[kg.Event], error) {
			return l.st.EventPages(ctx, k.Scope, anchors, a.first, a.afterPtr())
		}), l.wait)
	})
}

// one adapts a store call that answers every key in order into a loader
// fetch: one round trip, and the same error for every key when it fails.
func one[T any](f func(context.Context, []string) ([]T, error)) func(context.Context, []string) ([]T, []error) {
	return func(ctx context.Context, keys []string) ([]T, []error) {
		v, err := f(ctx, keys)
		if err != nil {
			return nil, []error{err}
		}
		return v, nil
	}
}

// pages groups page keys by scope and arguments, and fetches each group's
// pages in one store call.
func pages[T any](fetch func(context.Context, PageKey, []string, pageArgs) ([]T, error)) func(context.Context, []PageKey) ([]T, []error) {
	return func(ctx context.Context, keys []PageKey) ([]T, []error) {
		out := make([]T, len(keys))
		errs := make([]error, len(keys))
		type group struct {
			at      []int
			anchors []string
		}
		type groupKey struct {
			scope kg.Scope
			args  pageArgs
		}
		groups := map[groupKey]*group{}
		var order []groupKey
		for i, k := range keys {
			g := groupKey{k.Scope, k.args}
			if groups[g] == nil {
				groups[g] = &group{}
				order = append(order, g)
			}
			groups[g].at = append(groups[g].at, i)
			groups[g].anchors = append(groups[g].anchors, k.Anchor)
		}
		for _, g := range order {
			grp := groups[g]
			a := g.args
			res, err := fetch(ctx, keys[grp.at[0]], grp.anchors, a)
			for j, i := range grp.at {
				if err != nil {
					errs[i] = err
				} else {
					out[i] = res[j]
				}
			}
		}
		return out, errs
	}
}

type ctxKey struct{}

// Middleware gives each request its own loaders.
func Middleware(st *store.Store, wait time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, New(st, wait))))
	})
}

// Fresh replaces the loaders in ctx, if any, with new ones over the same
// store: each event of a long-lived subscription reads the graph as it is
// now, not as the connection's loaders cached it.
func Fresh(ctx context.Context) context.Context {
	if l, ok := ctx.Value(ctxKey{}).(*Loaders); ok {
		return context.WithValue(ctx, ctxKey{}, New(l.st, l.wait))
	}
	return ctx
}

// For returns the request's loaders. Outside a request (tests calling
// resolvers directly) it makes fresh ones, so callers never get nil.
func For(ctx context.Context, st *store.Store) *Loaders {
	if l, ok := ctx.Value(ctxKey{}).(*Loaders); ok {
		return l
	}
	return New(st, DefaultWait)
}
