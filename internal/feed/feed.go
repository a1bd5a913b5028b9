// Package feed delivers the graph's change feed to live subscribers.
//
// Every ingest and delete writes what it did into the graph, numbered in
// commit order (store/feed.go). A Follower polls that feed, with a bounded
// and indexed query, while it has subscribers, and hands each change to its
// own subscribers: sourceChanged gets every change, statementAdded the new
// statements that match its filter, read back through the same statement
// query as any other read. Because the feed is in Neo4j, an ingest made
// through one server replica reaches subscribers on every replica.
//
// Delivery is at least once and in commit order: a change is delivered
// only after everything it needs is read, and a failed read (Neo4j down)
// is retried from the same change. A subscriber that falls more than its
// buffer behind is dropped with a message rather than buffered without
// bound.
package feed

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"newsgraph/internal/kg"
)

// Store is what the follower reads (store.Store).
type Store interface {
	FeedHead(ctx context.Context) (int64, error)
	ChangesSince(ctx context.Context, after int64, limit int) ([]kg.Change, error)
	PruneChanges(ctx context.Context, keep time.Duration) (int, error)
	StatementPages(ctx context.Context, scope kg.Scope, anchors []string, f kg.StatementFilter, first int, after *string) ([]kg.Page[kg.Statement], error)
}

// Options are the follower's rates and limits.
type Options struct {
	// Poll is how often the feed is read while anyone subscribes.
	Poll time.Duration
	// Keep is how long changes stay in the feed before pruning; 0 keeps
	// them forever.
	Keep time.Duration
	// MaxSubscriptions bounds the live subscriptions of this server, and
	// MaxPerConnection those of one WebSocket connection.
	MaxSubscriptions, MaxPerConnection int
	// Buffer is how many events a subscriber may have unread before it is
	// dropped.
	Buffer int
	// DropGrace is how long a dropped subscriber has to take its message
	// before its connection is closed (default 5 s), and PruneEvery how
	// often the feed is pruned (default a minute).
	DropGrace, PruneEvery time.Duration
}

// batch is how many changes one poll reads at most.
const batch = 100

// Follower follows the change feed for one server's subscribers.
type Follower struct {
	st   Store
	opts Options
	log  *slog.Logger

	mu      sync.Mutex
	sources map[*sub[kg.Change]]struct{}
	stmts   map[*sub[kg.Statement]]kg.StatementFilter
	closed  bool
	conns   map[*context.CancelFunc]struct{}
	count   atomic.Int64
	// wake tells an idle Run that a first subscriber arrived.
	wake chan struct{}
	// delivered counts changes handed to subscribers, for tests and metrics.
	delivered atomic.Int64
}

// New returns a follower; Run starts it.
func New(st Store, opts Options, log *slog.Logger) *Follower {
	if opts.DropGrace <= 0 {
		opts.DropGrace = 5 * time.Second
	}
	if opts.PruneEvery <= 0 {
		opts.PruneEvery = time.Minute
	}
	return &Follower{
		st: st, opts: opts, log: log,
		sources: map[*sub[kg.Change]]struct{}{},
		stmts:   map[*sub[kg.Statement]]kg.StatementFilter{},
		conns:   map[*context.CancelFunc]struct{}{},
		wake:    make(chan struct{}, 1),
	}
}

// Subscriptions is how many subscriptions are live.
func (f *Follower) Subscriptions() int { return int(f.count.Load()) }

// Delivered is how many changes the follower has handed on.
func (f *Follower) Delivered() int64 { return f.delivered.Load() }

// ErrClosed is the reason given to subscribers when the server stops.
var ErrClosed = errors.New("the server is shutting down")

// sub is one subscriber: a buffered channel closed exactly once, when the
// subscriber goes, is dropped, or the follower closes.
type sub[T any] struct {
	mu      sync.Mutex
	ch      chan T
	closed  bool
	dropped func(error)
	// stuck runs when the subscriber is dropped for falling behind.
	stuck func()
}

// send hands v to the subscriber without waiting; a full buffer drops it.
func (s *sub[T]) send(v T, what string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	select {
	case s.ch <- v:
	default:
		s.closed = true
		if s.dropped != nil {
			s.dropped(&kg.Error{Kind: kg.ErrUnavailable, Message: fmt.Sprintf(
				"%s fell behind: %d events were not read in time, so this subscription was dropped; subscribe again", what, cap(s.ch))})
		}
		close(s.ch)
		if s.stuck != nil {
			go s.stuck()
		}
	}
}

func (s *sub[T]) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	s.closed = true
	close(s.ch)
}

// conn is one client connection's share of the limits, and its way out.
type conn struct {
	n atomic.Int64
	// hangUp closes the connection: for a subscriber so far behind that
	// even its drop message cannot be written.
	hangUp func()
}

type connKey struct{}

// WithConnection marks ctx as one client connection's (a WebSocket, or
// one server-sent-events request): MaxPerConnection counts its
// subscriptions, and hangUp closes it when a dropped subscriber does not
// take its drop message within the grace period.
func WithConnection(ctx context.Context, hangUp func()) context.Context {
	return context.WithValue(ctx, connKey{}, &conn{hangUp: hangUp})
}

// Connect returns the context of a new client connection (a WebSocket's,
// from its connection_init): its subscriptions count against
// MaxPerConnection, and it ends, closing the connection, when a dropped
// subscriber will not read or when the follower closes (the server's
// shutdown). onEnd, if given, also runs then (e.g. to cut a blocked write).
func (f *Follower) Connect(ctx context.Context, onEnd func()) context.Context {
	ctx, cancel := context.WithCancel(ctx)
	hangUp := func() {
		if onEnd != nil {
			onEnd()
		}
		cancel()
	}
	f.mu.Lock()
	closed := f.closed
	if !closed {
		f.conns[&cancel] = struct{}{}
	}
	f.mu.Unlock()
	if closed {
		hangUp()
	}
	context.AfterFunc(ctx, func() {
		f.mu.Lock()
		delete(f.conns, &cancel)
		f.mu.Unlock()
	})
	return WithConnection(ctx, hangUp)
}

// admit counts a new subscription against the limits, or says why not.
// subscribe has turned subscriptions away already when they are off.
func (f *Follower) admit(ctx context.Context) (c *conn, release func(), err error) {
	c, _ = ctx.Value(connKey{}).(*conn)
	release = func() {
		f.count.Add(-1)
		if c != nil {
			c.n.Add(-1)
		}
	}
	n := f.count.Add(1)
	if c != nil {
		if per := c.n.Add(1); f.opts.MaxPerConnection > 0 && per > int64(f.opts.MaxPerConnection) {
			release()
			return nil, nil, &kg.Error{Kind: kg.ErrInvalidInput, Message: fmt.Sprintf(
				"this connection already has %d subscriptions, the most one connection may have (NEWSGRAPH_MAX_SUBSCRIPTIONS_PER_CONNECTION); complete one first", f.opts.MaxPerConnection)}
		}
	}
	if n > int64(f.opts.MaxSubscriptions) {
		release()
		return nil, nil, &kg.Error{Kind: kg.ErrUnavailable, Message: fmt.Sprintf(
			"this server already serves %d subscriptions, its limit (NEWSGRAPH_MAX_SUBSCRIPTIONS); try again later", f.opts.MaxSubscriptions)}
	}
	return c, release, nil
}

// Sources subscribes to every change: ingested, replaced and deleted
// sources. The channel closes when ctx ends, when the subscriber is
// dropped (dropped hears why first) or when the follower stops.
func (f *Follower) Sources(ctx context.Context, dropped func(error)) (<-chan kg.Change, error) {
	return subscribe(ctx, f, f.sources, struct{}{}, dropped)
}

// Statements subscribes to the statements that arrive with new and
// replaced sources and match filter.
func (f *Follower) Statements(ctx context.Context, filter kg.StatementFilter, dropped func(error)) (<-chan kg.Statement, error) {
	return subscribe(ctx, f, f.stmts, filter, dropped)
}

func subscribe[T, V any](ctx context.Context, f *Follower, set map[*sub[T]]V, v V, dropped func(error)) (<-chan T, error) {
	if f.opts.MaxSubscriptions <= 0 {
		return nil, &kg.Error{Kind: kg.ErrUnavailable, Message: "subscriptions are off on this server (NEWSGRAPH_MAX_SUBSCRIPTIONS=0)"}
	}
	c, release, err := f.admit(ctx)
	if err != nil {
		return nil, err
	}
	s := &sub[T]{ch: make(chan T, max(f.opts.Buffer, 1)), dropped: dropped}
	if c != nil && c.hangUp != nil {
		s.stuck = func() {
			select {
			case <-ctx.Done(): // the transport took the message and ended it
			case <-time.After(f.opts.DropGrace):
				f.log.LogAttrs(ctx, slog.LevelWarn, "subscriber dropped and not reading; closing its connection")
				c.hangUp()
			}
		}
	}
	f.mu.Lock()
	if f.closed {
		f.mu.Unlock()
		release()
		return nil, &kg.Error{Kind: kg.ErrUnavailable, Message: ErrClosed.Error()}
	}
	set[s] = v
	f.mu.Unlock()
	select {
	case f.wake <- struct{}{}:
	default:
	}
	context.AfterFunc(ctx, func() {
		f.mu.Lock()
		delete(set, s)
		f.mu.Unlock()
		s.close()
		release()
	})
	return s.ch, nil
}

// Close ends every subscription (each subscriber's channel closes, which
// completes it), then every connection, and refuses new ones: the
// server's shutdown. Connections get a moment to send the completions.
func (f *Follower) Close() {
	f.mu.Lock()
	f.closed = true
	conns := make([]context.CancelFunc, 0, len(f.conns))
	for c := range f.conns {
		conns = append(conns, *c)
	}
	srcs := make([]*sub[kg.Change], 0, len(f.sources))
	for s := range f.sources {
		srcs = append(srcs, s)
	}
	stmts := make([]*sub[kg.Statement], 0, len(f.stmts))
	for s := range f.stmts {
		stmts = append(stmts, s)
	}
	f.mu.Unlock()
	for _, s := range srcs {
		s.close()
	}
	for _, s := range stmts {
		s.close()
	}
	if len(conns) > 0 {
		time.Sleep(100 * time.Millisecond)
	}
	for _, cancel := range conns {
		cancel()
	}
}

// Run follows the feed until ctx ends. It reads nothing while nobody
// subscribes; the first subscriber starts it from the feed's head, so
// subscribers get the changes committed after they subscribed.
func (f *Follower) Run(ctx context.Context) {
	last := int64(-1)
	var lastPrune time.Time
	failing := false
	for ctx.Err() == nil {
		if f.count.Load() == 0 {
			// Idle, it still prunes now and then: every ingest appends to
			// the feed whether or not anyone listens.
			last = -1
			if f.opts.Keep > 0 && time.Since(lastPrune) >= f.opts.PruneEvery {
				lastPrune = time.Now()
				f.prune(ctx)
			}
			select {
			case <-ctx.Done():
				return
			case <-f.wake:
			case <-time.After(f.opts.PruneEvery):
			}
			continue
		}
		n, err := f.poll(ctx, &last)
		if err != nil {
			if !failing && ctx.Err() == nil {
				f.log.LogAttrs(ctx, slog.LevelWarn, "change feed: read failed; retrying", slog.String("error", err.Error()))
			}
			failing = true
		} else if failing {
			f.log.LogAttrs(ctx, slog.LevelInfo, "change feed: reading again", slog.Int64("after", last))
			failing = false
		}
		if err == nil && f.opts.Keep > 0 && time.Since(lastPrune) >= f.opts.PruneEvery {
			lastPrune = time.Now()
			f.prune(ctx)
		}
		if err == nil && n == batch {
			continue // more are waiting
		}
		select {
		case <-ctx.Done():
		case <-time.After(f.opts.Poll):
		}
	}
}

func (f *Follower) prune(ctx context.Context) {
	n, err := f.st.PruneChanges(ctx, f.opts.Keep)
	switch {
	case err != nil && ctx.Err() == nil:
		f.log.LogAttrs(ctx, slog.LevelWarn, "change feed: prune failed", slog.String("error", err.Error()))
	case n > 0:
		f.log.LogAttrs(ctx, slog.LevelDebug, "change feed: pruned", slog.Int("changes", n))
	}
}

// poll reads and delivers the changes after *last, advancing it past each
// one delivered.
func (f *Follower) poll(ctx context.Context, last *int64) (int, error) {
	if *last < 0 {
		head, err := f.st.FeedHead(ctx)
		if err != nil {
			return 0, err
		}
		*last = head
	}
	changes, err := f.st.ChangesSince(ctx, *last, batch)
	if err != nil {
		return 0, err
	}
	for _, c := range changes {
		if err := f.deliver(ctx, c); err != nil {
			return 0, err
		}
		*last = c.Seq
		f.delivered.Add(1)
	}
	return len(changes), nil
}

// deliver reads what change c's statement subscribers need, then hands c
// on: nothing is sent until every read succeeded, so a retry sends nothing
// twice.
func (f *Follower) deliver(ctx context.Context, c kg.Change) error {
	f.mu.Lock()
	srcs := make([]*sub[kg.Change], 0, len(f.sources))
	for s := range f.sources {
		srcs = append(srcs, s)
	}
	// Subscribers with the same filter share one read of the statements.
	type group struct {
		flt  kg.StatementFilter
		subs []*sub[kg.Statement]
	}
	groups := map[kg.FilterKey]*group{}
	if c.Kind != kg.SourceDeleted && len(c.Added) > 0 {
		for s, flt := range f.stmts {
			key := flt.Key()
			g := groups[key]
			if g == nil {
				g = &group{flt: flt}
				groups[key] = g
			}
			g.subs = append(g.subs, s)
		}
	}
	f.mu.Unlock()

	matched := make(map[*group][]kg.Statement, len(groups))
	for _, g := range groups {
		sts, err := f.added(ctx, c, g.flt)
		if err != nil {
			return fmt.Errorf("statements of change %d (%s): %w", c.Seq, c.SourceID, err)
		}
		matched[g] = sts
	}
	for _, s := range srcs {
		s.send(c, "sourceChanged")
	}
	for g, sts := range matched {
		for _, st := range sts {
			for _, s := range g.subs {
				s.send(st, "statementAdded")
			}
		}
	}
	return nil
}

// added reads change c's new statements that match flt, through the same
// query as Source.statements(filter:), in that list's order.
func (f *Follower) added(ctx context.Context, c kg.Change, flt kg.StatementFilter) ([]kg.Statement, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	want := make(map[string]bool, len(c.Added))
	for _, id := range c.Added {
		want[id] = true
	}
	var out []kg.Statement
	var after *string
	for {
		pages, err := f.st.StatementPages(ctx, kg.ScopeSource, []string{c.SourceID}, flt, kg.MaxPageSize, after)
		if err != nil {
			return nil, err
		}
		if len(pages) != 1 {
			return nil, fmt.Errorf("%d pages for one source", len(pages))
		}
		p := pages[0]
		for _, st := range p.Items {
			if want[st.ID] {
				out = append(out, st)
			}
		}
		if !p.HasNextPage || len(p.Cursors) == 0 {
			return out, nil
		}
		after = &p.Cursors[len(p.Cursors)-1]
	}
}
