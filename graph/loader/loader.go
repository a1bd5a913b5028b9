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
// from leaking between callers.
type Loaders struct {
	SourceTexts     *dataloadgen.Loader[string, string]
	RolesOfPeople   *dataloadgen.Loader[string, []kg.Role]
	RolesIn         *dataloadgen.Loader[string, []kg.Role]
	MembershipsOf   *dataloadgen.Loader[string, []kg.Membership]
	MembersOf       *dataloadgen.Loader[string, []kg.Membership]
	Participations  *dataloadgen.Loader[string, []kg.Participation]
	EventEvidence   *dataloadgen.Loader[string, []kg.Evidence]
	SourcesNaming   *dataloadgen.Loader[string, []kg.Source]
	EntitiesIn      *dataloadgen.Loader[string, []kg.Entity]
	EntityCounts    *dataloadgen.Loader[string, *kg.EntityCounts]
	SourceEvidence  *dataloadgen.Loader[string, []kg.SourceEvidence]
	EntityTimelines *dataloadgen.Loader[string, []kg.TimelineEntry]
	TopicTimelines  *dataloadgen.Loader[string, []kg.TimelineEntry]
	StatementPages  *dataloadgen.Loader[PageKey, kg.Page[kg.Statement]]
	EventPages      *dataloadgen.Loader[PageKey, kg.Page[kg.Event]]
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

// New makes a request's loaders over st, each batching for wait.
func New(st *store.Store, wait time.Duration) *Loaders {
	opts := []dataloadgen.Option{dataloadgen.WithWait(wait), dataloadgen.WithBatchCapacity(500)}
	return &Loaders{
		SourceTexts:     dataloadgen.NewLoader(one(st.SourceTexts), opts...),
		RolesOfPeople:   dataloadgen.NewLoader(one(st.RolesOfPeople), opts...),
		RolesIn:         dataloadgen.NewLoader(one(st.RolesIn), opts...),
		MembershipsOf:   dataloadgen.NewLoader(one(st.MembershipsOf), opts...),
		MembersOf:       dataloadgen.NewLoader(one(st.MembersOf), opts...),
		Participations:  dataloadgen.NewLoader(one(st.Participations), opts...),
		EventEvidence:   dataloadgen.NewLoader(one(st.EventEvidence), opts...),
		SourcesNaming:   dataloadgen.NewLoader(one(st.SourcesNaming), opts...),
		EntitiesIn:      dataloadgen.NewLoader(one(st.EntitiesNamedIn), opts...),
		EntityCounts:    dataloadgen.NewLoader(one(st.EntityCounts), opts...),
		SourceEvidence:  dataloadgen.NewLoader(one(st.SourceEvidence), opts...),
		EntityTimelines: dataloadgen.NewLoader(one(st.EntityTimelines), opts...),
		TopicTimelines:  dataloadgen.NewLoader(one(st.TopicTimelines), opts...),
		StatementPages: dataloadgen.NewLoader(pages(func(ctx context.Context, k PageKey, anchors []string, a pageArgs) ([]kg.Page[kg.Statement], error) {
			return st.StatementPages(ctx, k.Scope, anchors, a.Filter, a.First, a.After)
		}), opts...),
		EventPages: dataloadgen.NewLoader(pages(func(ctx context.Context, k PageKey, anchors []string, a pageArgs) ([]kg.Page[kg.Event], error) {
			return st.EventPages(ctx, k.Scope, anchors, a.First, a.After)
		}), opts...),
	}
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
