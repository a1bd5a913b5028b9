package loader

import (
	"context"
	"fmt"
	"reflect"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vikstrous/dataloadgen"
)

// The batch wait is pure latency when no other key can arrive: a field
// under a root object, or under lists that each hold one item, is resolved
// once, and if no other field of the operation feeds the same loader, its
// key is the only one the loader will get. Such a load is fetched at once,
// in the resolver's goroutine; every other load waits for its batch as
// before. Whether a key can be the only one is decided from two facts:
//
//   - the operation: which loaders more than one field of its document can
//     call (the graph package counts them before execution and passes the
//     rest with WithAlone), and
//   - the resolver's place: every list above it, in gqlgen's field
//     contexts, has exactly one item.
//
// A wrong "alone" would cost a round trip (two single keys fetched apart
// that a batch would have joined), never a wrong answer; so the count is
// conservative: a field name counts wherever it appears, on any type.

// Kind names one of a request's loaders, as a bit in a set of them.
type Kind uint16

// The loaders, one bit each.
const (
	KindSourceTexts Kind = 1 << iota
	KindRolesOfPeople
	KindRolesIn
	KindMembershipsOf
	KindMembersOf
	KindParticipations
	KindEventEvidence
	KindSourcesNaming
	KindEntitiesIn
	KindEntityCounts
	KindSourceEvidence
	KindEntityTimelines
	KindTopicTimelines
	KindStatementPages
	KindEventPages
)

type aloneKey struct{}

// WithAlone records the loaders that at most one field of the operation can
// call. Without it (tests calling resolvers directly), every load batches.
func WithAlone(ctx context.Context, k Kind) context.Context {
	return context.WithValue(ctx, aloneKey{}, k)
}

// Loader is one request's loader of one kind: it caches every key's value
// for the request, batches the keys that may have siblings with
// dataloadgen (which then only batches: the cache is here), and fetches a
// key that cannot have any at once.
type Loader[K comparable, V any] struct {
	kind  Kind
	fetch func(context.Context, []K) ([]V, []error)
	batch *dataloadgen.Loader[K, V]

	mu    sync.Mutex
	cache map[K]*entry[V]
}

// entry is a key's value, ready when done is closed.
type entry[V any] struct {
	done chan struct{}
	v    V
	err  error
}

// ready is the done channel of a primed entry.
var ready = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

func newLoader[K comparable, V any](kind Kind, fetch func(context.Context, []K) ([]V, []error), wait time.Duration) *Loader[K, V] {
	return &Loader[K, V]{
		kind:  kind,
		fetch: fetch,
		batch: dataloadgen.NewLoader(fetch, dataloadgen.WithWait(wait), dataloadgen.WithBatchCapacity(500), dataloadgen.WithoutCache()),
		cache: map[K]*entry[V]{},
	}
}

// Load returns key's value: from the cache, at once when the key cannot
// have siblings, or else with its batch.
func (l *Loader[K, V]) Load(ctx context.Context, key K) (V, error) {
	l.mu.Lock()
	e, ok := l.cache[key]
	if !ok {
		e = &entry[V]{done: make(chan struct{})}
		l.cache[key] = e
	}
	l.mu.Unlock()
	if ok {
		<-e.done
		return e.v, e.err
	}
	if l.alone(ctx) {
		e.v, e.err = l.fetchOne(ctx, key)
	} else {
		e.v, e.err = l.batch.Load(ctx, key)
	}
	close(e.done)
	return e.v, e.err
}

// Prime puts key's value in the cache unless it is there (or on its way)
// already; it reports whether it did.
func (l *Loader[K, V]) Prime(key K, v V) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, ok := l.cache[key]; ok {
		return false
	}
	l.cache[key] = &entry[V]{done: ready, v: v}
	return true
}

// fetchOne fetches one key now, reading the answer as dataloadgen would.
func (l *Loader[K, V]) fetchOne(ctx context.Context, key K) (v V, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic during fetch: %v", p)
		}
	}()
	vs, errs := l.fetch(ctx, []K{key})
	switch {
	case len(errs) > 0 && errs[0] != nil:
		return v, errs[0]
	case len(vs) != 1:
		return v, fmt.Errorf("bug in fetch function: %d values returned for 1 key", len(vs))
	}
	return vs[0], nil
}

// alone reports whether this load's key is the only one its loader can be
// asked for now: the operation has one field that calls this loader, and
// the resolver asking runs once.
func (l *Loader[K, V]) alone(ctx context.Context) bool {
	if k, _ := ctx.Value(aloneKey{}).(Kind); k&l.kind == 0 {
		return false
	}
	return once(ctx)
}

// once reports whether the field resolving in ctx runs once in the
// operation: every list item above it is the only item of its list. An
// item's field context has an Index, and its parent is the list's field,
// whose Result is the list (gqlgen sets it before marshalling the items).
func once(ctx context.Context) bool {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return false
	}
	for ; fc != nil; fc = fc.Parent {
		if fc.Index == nil {
			continue
		}
		if *fc.Index != 0 || fc.Parent == nil || lenOf(fc.Parent.Result) != 1 {
			return false
		}
	}
	return true
}

// lenOf is the length of a list result, or -1 if it is not a list.
func lenOf(v any) int {
	r := reflect.ValueOf(v)
	if r.Kind() == reflect.Pointer && !r.IsNil() {
		r = r.Elem()
	}
	if r.Kind() != reflect.Slice {
		return -1
	}
	return r.Len()
}
