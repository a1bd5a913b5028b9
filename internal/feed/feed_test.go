package feed

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"newsgraph/internal/kg"
)

// memFeed is the store's side of the feed in memory: a list of changes and
// each source's statements. The store's own Cypher is tested against Neo4j
// in internal/store and internal/server; this tests delivery.
type memFeed struct {
	mu      sync.Mutex
	changes []kg.Change
	stmts   map[string][]kg.Statement
	// failPages makes the next n statement reads fail, as when Neo4j is down.
	failPages int
	pageCalls int
	prunes    int
}

func (m *memFeed) add(c kg.Change, sts ...kg.Statement) {
	m.mu.Lock()
	defer m.mu.Unlock()
	c.Seq = int64(len(m.changes) + 1)
	m.changes = append(m.changes, c)
	if m.stmts == nil {
		m.stmts = map[string][]kg.Statement{}
	}
	m.stmts[c.SourceID] = append(m.stmts[c.SourceID], sts...)
}

func (m *memFeed) FeedHead(context.Context) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return int64(len(m.changes)), nil
}

func (m *memFeed) ChangesSince(_ context.Context, after int64, limit int) ([]kg.Change, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []kg.Change
	for _, c := range m.changes {
		if c.Seq > after && len(out) < limit {
			out = append(out, c)
		}
	}
	return out, nil
}

func (m *memFeed) PruneChanges(context.Context, time.Duration) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.prunes++
	return 0, nil
}

func (m *memFeed) StatementPages(_ context.Context, scope kg.Scope, anchors []string, f kg.StatementFilter, _ int, _ *string) ([]kg.Page[kg.Statement], error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.pageCalls++
	if m.failPages > 0 {
		m.failPages--
		return nil, errors.New("neo4j: connection refused")
	}
	var p kg.Page[kg.Statement]
	for _, st := range m.stmts[anchors[0]] {
		if f.SpeakerID == "" || st.SpeakerID == f.SpeakerID {
			p.Items = append(p.Items, st)
			p.Cursors = append(p.Cursors, st.ID)
		}
	}
	return []kg.Page[kg.Statement]{p}, nil
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func start(t *testing.T, st Store, opts Options) *Follower {
	t.Helper()
	if opts.Poll == 0 {
		opts.Poll = 5 * time.Millisecond
	}
	if opts.MaxSubscriptions == 0 {
		opts.MaxSubscriptions = 100
	}
	f := New(st, opts, quiet())
	ctx, cancel := context.WithCancel(context.Background())
	go f.Run(ctx)
	t.Cleanup(func() { f.Close(); cancel() })
	return f
}

func recv[T any](t *testing.T, ch <-chan T) T {
	t.Helper()
	select {
	case v, ok := <-ch:
		if !ok {
			t.Fatal("the channel closed")
		}
		return v
	case <-time.After(5 * time.Second):
		t.Fatal("nothing arrived")
	}
	panic("unreachable")
}

func waitUntil(t *testing.T, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !ok(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
	}
}

func statement(id, speaker string) kg.Statement {
	return kg.Statement{ID: id, SpeakerID: speaker, Text: "words of " + speaker}
}

// Changes arrive in commit order; statement subscribers get the added
// statements their filter matches, and none of a replace's old ones.
func TestDeliveryInOrderAndFiltered(t *testing.T) {
	m := &memFeed{}
	m.add(kg.Change{Kind: kg.SourceIngested, SourceID: "source:before"}) // before anyone subscribed
	f := start(t, m, Options{Buffer: 10})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srcs, err := f.Sources(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	ann, err := f.Statements(ctx, kg.StatementFilter{SpeakerID: "person:ann"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	waitUntil(t, func() bool { return f.Subscriptions() == 2 })
	time.Sleep(20 * time.Millisecond) // the follower has read the head

	m.add(kg.Change{Kind: kg.SourceIngested, SourceID: "source:a", Added: []string{"statement:a1", "statement:a2"}},
		statement("statement:a1", "person:ann"), statement("statement:a2", "person:bob"))
	m.add(kg.Change{Kind: kg.SourceReplaced, SourceID: "source:a", Added: []string{"statement:a3"}},
		statement("statement:a3", "person:ann"))
	m.add(kg.Change{Kind: kg.SourceDeleted, SourceID: "source:a"})

	for _, want := range []string{"INGESTED source:a", "REPLACED source:a", "DELETED source:a"} {
		if c := recv(t, srcs); string(c.Kind)+" "+c.SourceID != want {
			t.Errorf("got %s %s, want %s", c.Kind, c.SourceID, want)
		}
	}
	// a1 (Ann's, new); a2 is Bob's; the replace brought only a3, though
	// a1 is still in the source's list.
	for _, want := range []string{"statement:a1", "statement:a3"} {
		if st := recv(t, ann); st.ID != want {
			t.Errorf("statement %s, want %s", st.ID, want)
		}
	}
	select {
	case st := <-ann:
		t.Errorf("unexpected statement %s", st.ID)
	case <-time.After(30 * time.Millisecond):
	}
}

// A failed read (Neo4j down) delivers nothing and is retried from the same
// change: nothing is lost and nothing comes twice.
func TestFailedReadIsRetriedWithoutDuplicates(t *testing.T) {
	m := &memFeed{}
	f := start(t, m, Options{Buffer: 10})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srcs, _ := f.Sources(ctx, nil)
	all, _ := f.Statements(ctx, kg.StatementFilter{}, nil)
	waitUntil(t, func() bool { return f.Subscriptions() == 2 })
	time.Sleep(20 * time.Millisecond)
	m.mu.Lock()
	m.failPages = 3
	m.mu.Unlock()
	m.add(kg.Change{Kind: kg.SourceIngested, SourceID: "source:a", Added: []string{"statement:a1"}}, statement("statement:a1", "person:ann"))
	if c := recv(t, srcs); c.SourceID != "source:a" {
		t.Errorf("change %+v", c)
	}
	if st := recv(t, all); st.ID != "statement:a1" {
		t.Errorf("statement %+v", st)
	}
	select {
	case c := <-srcs:
		t.Errorf("delivered twice: %+v", c)
	case <-time.After(50 * time.Millisecond):
	}
	if m.pageCalls < 4 {
		t.Errorf("%d statement reads, want the 3 failures and a success", m.pageCalls)
	}
}

// A subscriber that falls a buffer behind is dropped with a message; one
// that does not take the message either has its connection closed.
func TestSlowSubscriberIsDropped(t *testing.T) {
	m := &memFeed{}
	f := start(t, m, Options{Buffer: 2, DropGrace: 50 * time.Millisecond})
	var mu sync.Mutex
	var reason error
	hungUp := make(chan struct{})
	ctx := f.Connect(context.Background(), func() { close(hungUp) })
	srcs, err := f.Sources(ctx, func(err error) { mu.Lock(); reason = err; mu.Unlock() })
	if err != nil {
		t.Fatal(err)
	}
	waitUntil(t, func() bool { return f.Subscriptions() == 1 })
	time.Sleep(20 * time.Millisecond)
	for i := range 5 {
		m.add(kg.Change{Kind: kg.SourceIngested, SourceID: "source:s" + string(rune('a'+i))})
	}
	select {
	case <-hungUp:
	case <-time.After(5 * time.Second):
		t.Fatal("the connection of a subscriber that took no message was not closed")
	}
	mu.Lock()
	defer mu.Unlock()
	var kerr *kg.Error
	if !errors.As(reason, &kerr) || !strings.Contains(kerr.Message, "fell behind") || !strings.Contains(kerr.Message, "2 events") {
		t.Errorf("drop reason %v", reason)
	}
	// What it had buffered, then the end.
	n := 0
	for range srcs {
		n++
	}
	if n != 2 {
		t.Errorf("%d buffered events, want 2", n)
	}
	waitUntil(t, func() bool { return f.Subscriptions() == 0 })
}

func TestLimits(t *testing.T) {
	tests := []struct {
		name       string
		opts       Options
		connection bool
		n          int    // subscriptions to open
		refused    string // a part of the last one's error; "" if it is admitted
	}{
		{"within the limits", Options{MaxSubscriptions: 3, MaxPerConnection: 3}, true, 3, ""},
		{"over the connection's limit", Options{MaxSubscriptions: 10, MaxPerConnection: 2}, true, 3, "NEWSGRAPH_MAX_SUBSCRIPTIONS_PER_CONNECTION"},
		{"over the server's limit", Options{MaxSubscriptions: 2, MaxPerConnection: 10}, true, 3, "NEWSGRAPH_MAX_SUBSCRIPTIONS"},
		{"without a connection, only the server's", Options{MaxSubscriptions: 10, MaxPerConnection: 1}, false, 3, ""},
		{"subscriptions off", Options{MaxSubscriptions: -1}, false, 1, "subscriptions are off"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := start(t, &memFeed{}, tt.opts)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.connection {
				ctx = f.Connect(ctx, nil)
			}
			var err error
			for range tt.n {
				_, err = f.Sources(ctx, nil)
			}
			if tt.refused == "" && err != nil {
				t.Fatalf("refused: %v", err)
			}
			if tt.refused != "" && (err == nil || !strings.Contains(err.Error(), tt.refused)) {
				t.Fatalf("err %v, want one naming %s", err, tt.refused)
			}
			cancel()
			waitUntil(t, func() bool { return f.Subscriptions() == 0 })
		})
	}
}

// Close completes every subscription and ends every connection.
func TestCloseEndsSubscriptionsAndConnections(t *testing.T) {
	f := start(t, &memFeed{}, Options{Buffer: 1})
	ended := make(chan struct{})
	ctx := f.Connect(context.Background(), func() { close(ended) })
	srcs, _ := f.Sources(ctx, nil)
	f.Close()
	if _, ok := <-srcs; ok {
		t.Error("a subscription outlived Close")
	}
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("the connection outlived Close")
	}
	if _, err := f.Sources(context.Background(), nil); err == nil {
		t.Error("a subscription was admitted after Close")
	}
}

// With nobody subscribed the follower reads nothing, but still prunes:
// ingests append to the feed whether or not anyone listens.
func TestIdleFollowerPrunesOnly(t *testing.T) {
	m := &memFeed{}
	m.add(kg.Change{Kind: kg.SourceIngested, SourceID: "source:a", Added: []string{"statement:a1"}}, statement("statement:a1", "person:ann"))
	start(t, m, Options{Keep: time.Hour, PruneEvery: 20 * time.Millisecond})
	waitUntil(t, func() bool { m.mu.Lock(); defer m.mu.Unlock(); return m.prunes >= 3 })
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.pageCalls != 0 {
		t.Errorf("%d statement reads with nobody subscribed", m.pageCalls)
	}
}
