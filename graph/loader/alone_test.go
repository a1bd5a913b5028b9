package loader

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// recorder is a fetch function that records each batch it is given.
type recorder struct {
	mu      sync.Mutex
	batches [][]string
}

func (r *recorder) fetch(_ context.Context, keys []string) ([]string, []error) {
	r.mu.Lock()
	r.batches = append(r.batches, slices.Clone(keys))
	r.mu.Unlock()
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = "v:" + k
	}
	return out, nil
}

func (r *recorder) got() [][]string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.batches)
}

// field is the context of a field resolving under parent (a root field
// when parent is nil).
func field(parent context.Context) context.Context {
	if parent == nil {
		parent = context.Background()
	}
	return graphql.WithFieldContext(parent, &graphql.FieldContext{Object: "T", IsResolver: true})
}

// items are the contexts of the items of a list field resolved to list.
func items(parent context.Context, list []string) []context.Context {
	listCtx := graphql.WithFieldContext(parent, &graphql.FieldContext{Object: "T", Result: list})
	out := make([]context.Context, len(list))
	for i := range list {
		out[i] = graphql.WithFieldContext(listCtx, &graphql.FieldContext{Index: &i, Result: &list[i]})
	}
	return out
}

const forever = time.Hour

// A key that only one resolver can ask for is fetched at once: with an
// hour's batch wait, the load still returns promptly, in one fetch.
func TestLoaderAloneFetchesAtOnce(t *testing.T) {
	var r recorder
	l := newLoader(KindSourcesNaming, r.fetch, forever)
	op := WithAlone(context.Background(), KindSourcesNaming)

	cases := map[string]context.Context{
		"root field":                  field(op),
		"under one-item list":         field(items(field(op), []string{"only"})[0]),
		"under nested one-item lists": field(items(field(items(field(op), []string{"a"})[0]), []string{"b"})[0]),
	}
	for name, ctx := range cases {
		done := make(chan struct{})
		go func() {
			defer close(done)
			if v, err := l.Load(ctx, name); err != nil || v != "v:"+name {
				t.Errorf("%s: got %q, %v", name, v, err)
			}
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: no answer in 5 s: the load waits for the batch", name)
		}
	}
	if got := r.got(); len(got) != 3 {
		t.Errorf("fetches %v, want one per key", got)
	}
	// Cached: no second fetch.
	if v, _ := l.Load(field(op), "root field"); v != "v:root field" || len(r.got()) != 3 {
		t.Errorf("a cached key fetched again: %v", r.got())
	}
}

// A primed key is answered from the cache, alone or not.
func TestLoaderAlonePrimed(t *testing.T) {
	var r recorder
	l := newLoader(KindSourcesNaming, r.fetch, forever)
	l.Prime("k", "primed")
	if l.Prime("k", "again") {
		t.Error("Prime replaced a primed key")
	}
	v, err := l.Load(field(WithAlone(context.Background(), KindSourcesNaming)), "k")
	if v != "primed" || err != nil || len(r.got()) != 0 {
		t.Errorf("got %q, %v; fetches %v", v, err, r.got())
	}
}

// The items of a list with several items still batch into one fetch, and so
// does a key whose loader another field of the operation may also call.
func TestLoaderSeveralParentsBatch(t *testing.T) {
	const wait = 50 * time.Millisecond
	for name, op := range map[string]context.Context{
		"several parents":            WithAlone(context.Background(), KindSourcesNaming),
		"loader shared in operation": WithAlone(context.Background(), KindRolesOfPeople),
		"no operation":               context.Background(),
	} {
		t.Run(name, func(t *testing.T) {
			var r recorder
			l := newLoader(KindSourcesNaming, r.fetch, wait)
			keys := []string{"a", "b", "c"}
			var ctxs []context.Context
			if name == "several parents" {
				for _, c := range items(field(op), keys) {
					ctxs = append(ctxs, field(c))
				}
			} else {
				// One place each, but the operation does not vouch for
				// the loader: every load waits and they batch.
				for range keys {
					ctxs = append(ctxs, field(op))
				}
			}
			start := time.Now()
			var wg sync.WaitGroup
			for i, k := range keys {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if v, err := l.Load(ctxs[i], k); v != "v:"+k || err != nil {
						t.Errorf("%s: got %q, %v", k, v, err)
					}
				}()
			}
			wg.Wait()
			if d := time.Since(start); d < wait {
				t.Errorf("answered in %v, before the batch wait of %v", d, wait)
			}
			got := r.got()
			if len(got) != 1 || len(got[0]) != 3 {
				t.Errorf("fetches %v, want one of three keys", got)
			}
		})
	}
}

// A key asked at once and in a batch at the same time is fetched once.
func TestLoaderAloneAndBatchedShareCache(t *testing.T) {
	var r recorder
	l := newLoader(KindSourcesNaming, r.fetch, 50*time.Millisecond)
	op := WithAlone(context.Background(), KindSourcesNaming)
	var wg sync.WaitGroup
	for _, c := range append(items(field(op), []string{"x", "y"}), field(op)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if v, err := l.Load(field(c), "k"); v != "v:k" || err != nil {
				t.Errorf("got %q, %v", v, err)
			}
		}()
	}
	wg.Wait()
	if got := r.got(); len(got) != 1 {
		t.Errorf("fetches %v, want one", got)
	}
}

// A fetch error or panic reaches the one caller of an at-once fetch.
func TestLoaderAloneErrors(t *testing.T) {
	ctx := field(WithAlone(context.Background(), KindSourcesNaming))
	failing := newLoader(KindSourcesNaming, func(context.Context, []string) ([]string, []error) {
		return nil, []error{fmt.Errorf("down")}
	}, forever)
	if _, err := failing.Load(ctx, "k"); err == nil || err.Error() != "down" {
		t.Errorf("error %v", err)
	}
	panicking := newLoader(KindSourcesNaming, func(context.Context, []string) ([]string, []error) {
		panic("boom")
	}, forever)
	if _, err := panicking.Load(ctx, "k"); err == nil {
		t.Error("a panic in fetch gave no error")
	}
}
