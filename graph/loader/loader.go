// Package loader holds the per-request batching loaders behind GraphQL field
// resolvers. Each loader turns the keys its resolvers ask for in one tick
// into one store call (UNWIND $ids …), which returns values in key order,
// so the number of Cypher round trips grows with a query's depth, not with
// how many nodes it returns.
package loader

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"
	"time"

	"github.com/vikstrous/dataloadgen"

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
	opts            []dataloadgen.Option
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
	l    *dataloadgen.Loader[K, V]
}

// get returns the loader, made by mk(l) the first time. mk captures
// nothing, so asking for a loader allocates nothing once it exists.
func (z *lazy[K, V]) get(l *Loaders, mk func(*Loaders) *dataloadgen.Loader[K, V]) *dataloadgen.Loader[K, V] {
	z.once.Do(func() { z.l = mk(l) })
	return z.l
}

// PageKey asks for one page of a nested connection: the parent (Anchor),
// how it relates (Scope), and the field's arguments, encoded so that keys
// with equal arguments batch into one query.
type PageKey struct {
	Scope  kg.Scope
	Anchor string
	Args   string
}

// pageArgs are a connection field's arguments.
type pageArgs struct {
	Filter kg.StatementFilter `json:"f"`
	First  int                `json:"n"`
	After  *string            `json:"a"`
}

// StatementPageKey makes the key for a page of statements under anchor.
func StatementPageKey(scope kg.Scope, anchor string, f kg.StatementFilter, first int, after *string) PageKey {
	b, _ := json.Marshal(pageArgs{Filter: f, First: first, After: after})
	return PageKey{Scope: scope, Anchor: anchor, Args: string(b)}
}

// EventPageKey makes the key for a page of an entity's events.
func EventPageKey(entityID string, first int, after *string) PageKey {
	b, _ := json.Marshal(pageArgs{First: first, After: after})
	return PageKey{Scope: kg.ScopeParticipant, Anchor: entityID, Args: string(b)}
}

// New makes a request's loaders over st, each batching for wait. The
// loaders themselves are made when first asked for.
func New(st *store.Store, wait time.Duration) *Loaders {
	return &Loaders{st: st, opts: []dataloadgen.Option{dataloadgen.WithWait(wait), dataloadgen.WithBatchCapacity(500)}}
}

// SourceTexts is the request's loader over store.SourceTexts.
func (l *Loaders) SourceTexts() *dataloadgen.Loader[string, string] {
	return l.sourceTexts.get(l, func(l *Loaders) *dataloadgen.Loader[string, string] {
		return dataloadgen.NewLoader(one(l.st.SourceTexts), l.opts...)
	})
}

// RolesOfPeople is the request's loader over store.RolesOfPeople.
func (l *Loaders) RolesOfPeople() *dataloadgen.Loader[string, []kg.Role] {
	return l.rolesOfPeople.get(l, func(l *Loaders) *dataloadgen.Loader[string, []kg.Role] {
		return dataloadgen.NewLoader(one(l.st.RolesOfPeople), l.opts...)
	})
}

// RolesIn is the request's loader over store.RolesIn.
func (l *Loaders) RolesIn() *dataloadgen.Loader[string, []kg.Role] {
	return l.rolesIn.get(l, func(l *Loaders) *dataloadgen.Loader[string, []kg.Role] {
		return dataloadgen.NewLoader(one(l.st.RolesIn), l.opts...)
	})
}

// MembershipsOf is the request's loader over store.MembershipsOf.
func (l *Loaders) MembershipsOf() *dataloadgen.Loader[string, []kg.Membership] {
	return l.membershipsOf.get(l, func(l *Loaders) *dataloadgen.Loader[string, []kg.Membership] {
		return dataloadgen.NewLoader(one(l.st.MembershipsOf), l.opts...)
	})
}

// MembersOf is the request's loader over store.MembersOf.
func (l *Loaders) MembersOf() *dataloadgen.Loader[string, []kg.Membership] {
	return l.membersOf.get(l, func(l *Loaders) *dataloadgen.Loader[string, []kg.Membership] {
		return dataloadgen.NewLoader(one(l.st.MembersOf), l.opts...)
	})
}

// Participations is the request's loader over store.Participations.
func (l *Loaders) Participations() *dataloadgen.Loader[string, []kg.Participation] {
	return l.participations.get(l, func(l *Loaders) *dataloadgen.Loader[string, []kg.Participation] {
		return dataloadgen.NewLoader(one(l.st.Participations), l.opts...)
	})
}

// EventEvidence is the request's loader over store.EventEvidence.
func (l *Loaders) EventEvidence() *dataloadgen.Loader[string, []kg.Evidence] {
	return l.eventEvidence.get(l, func(l *Loaders) *dataloadgen.Loader[string, []kg.Evidence] {
		return dataloadgen.NewLoader(one(l.st.EventEvidence), l.opts...)
	})
}

// SourcesNaming is the request's loader over store.SourcesNaming.
func (l *Loaders) SourcesNaming() *dataloadgen.Loader[string, []kg.Source] {
	return l.sourcesNaming.get(l, func(l *Loaders) *dataloadgen.Loader[string, []kg.Source] {
		return dataloadgen.NewLoader(one(l.st.SourcesNaming), l.opts...)
	})
}

// EntitiesIn is the request's loader over store.EntitiesNamedIn.
func (l *Loaders) EntitiesIn() *dataloadgen.Loader[string, []kg.Entity] {
	return l.entitiesIn.get(l, func(l *Loaders) *dataloadgen.Loader[string, []kg.Entity] {
		return dataloadgen.NewLoader(one(l.st.EntitiesNamedIn), l.opts...)
	})
}

// EntityCounts is the request's loader over store.EntityCounts.
func (l *Loaders) EntityCounts() *dataloadgen.Loader[string, *kg.EntityCounts] {
	return l.entityCounts.get(l, func(l *Loaders) *dataloadgen.Loader[string, *kg.EntityCounts] {
		return dataloadgen.NewLoader(one(l.st.EntityCounts), l.opts...)
	})
}

// SourceEvidence is the request's loader over store.SourceEvidence.
func (l *Loaders) SourceEvidence() *dataloadgen.Loader[string, []kg.SourceEvidence] {
	return l.sourceEvidence.get(l, func(l *Loaders) *dataloadgen.Loader[string, []kg.SourceEvidence] {
		return dataloadgen.NewLoader(one(l.st.SourceEvidence), l.opts...)
	})
}

// EntityTimelines is the request's loader over store.EntityTimelines.
func (l *Loaders) EntityTimelines() *dataloadgen.Loader[string, []kg.TimelineEntry] {
	return l.entityTimelines.get(l, func(l *Loaders) *dataloadgen.Loader[string, []kg.TimelineEntry] {
		return dataloadgen.NewLoader(one(l.st.EntityTimelines), l.opts...)
	})
}

// TopicTimelines is the request's loader over store.TopicTimelines.
func (l *Loaders) TopicTimelines() *dataloadgen.Loader[string, []kg.TimelineEntry] {
	return l.topicTimelines.get(l, func(l *Loaders) *dataloadgen.Loader[string, []kg.TimelineEntry] {
		return dataloadgen.NewLoader(one(l.st.TopicTimelines), l.opts...)
	})
}

// StatementPages is the request's loader over store.StatementPages.
func (l *Loaders) StatementPages() *dataloadgen.Loader[PageKey, kg.Page[kg.Statement]] {
	return l.statementPages.get(l, func(l *Loaders) *dataloadgen.Loader[PageKey, kg.Page[kg.Statement]] {
		return dataloadgen.NewLoader(pages(func(ctx context.Context, k PageKey, anchors []string, a pageArgs) ([]kg.Page[kg.Statement], error) {
			return l.st.StatementPages(ctx, k.Scope, anchors, a.Filter, a.First, a.After)
		}), l.opts...)
	})
}

// EventPages is the request's loader over store.EventPages.
func (l *Loaders) EventPages() *dataloadgen.Loader[PageKey, kg.Page[kg.Event]] {
	return l.eventPages.get(l, func(l *Loaders) *dataloadgen.Loader[PageKey, kg.Page[kg.Event]] {
		return dataloadgen.NewLoader(pages(func(ctx context.Context, k PageKey, anchors []string, a pageArgs) ([]kg.Page[kg.Event], error) {
			return l.st.EventPages(ctx, k.Scope, anchors, a.First, a.After)
		}), l.opts...)
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
		groups := map[[2]string]*group{}
		var order [][2]string
		for i, k := range keys {
			g := [2]string{string(k.Scope), k.Args}
			if groups[g] == nil {
				groups[g] = &group{}
				order = append(order, g)
			}
			groups[g].at = append(groups[g].at, i)
			groups[g].anchors = append(groups[g].anchors, k.Anchor)
		}
		for _, g := range order {
			grp := groups[g]
			var a pageArgs
			if err := json.Unmarshal([]byte(g[1]), &a); err != nil {
				for _, i := range grp.at {
					errs[i] = err
				}
				continue
			}
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

// For returns the request's loaders. Outside a request (tests calling
// resolvers directly) it makes fresh ones, so callers never get nil.
func For(ctx context.Context, st *store.Store) *Loaders {
	if l, ok := ctx.Value(ctxKey{}).(*Loaders); ok {
		return l
	}
	return New(st, DefaultWait)
}
