package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"newsgraph/graph/model"
	"newsgraph/internal/errcode"
	"newsgraph/internal/kg"
	"newsgraph/internal/store"
)

// Subscriptions come from the change feed (internal/feed): the resolvers
// only check the filter, subscribe, and turn domain values into models.
// The channels gqlgen reads are closed when the feed's are: the client
// completes the subscription, the subscriber is dropped (after its error
// is queued, which the WebSocket transport sends in place of complete), or
// the server stops.

func (r *Resolver) statementAdded(ctx context.Context, filter *model.StatementFilter) (<-chan *model.Statement, error) {
	f := statementFilter(filter)
	if err := store.CheckStatementFilter(f); err != nil {
		return nil, err
	}
	in, err := r.Feed.Statements(ctx, f, dropped(ctx))
	if err != nil {
		return nil, err
	}
	return forward(ctx, in, statementModel), nil
}

func (r *Resolver) sourceChanged(ctx context.Context) (<-chan *model.SourceChange, error) {
	in, err := r.Feed.Sources(ctx, dropped(ctx))
	if err != nil {
		return nil, err
	}
	return forward(ctx, in, sourceChangeModel), nil
}

func sourceChangeModel(c kg.Change) *model.SourceChange {
	return &model.SourceChange{
		Kind: c.Kind, SourceID: c.SourceID, Counts: countModels(c.Counts), AddedStatements: len(c.Added),
		Sequence: int(c.Seq), At: c.At.UTC().Format("2006-01-02T15:04:05.000Z07:00"),
	}
}

// changedSource is the source a change names, as the graph holds it now.
func (r *Resolver) changedSource(ctx context.Context, c *model.SourceChange) (*model.Source, error) {
	if c.Kind == kg.SourceDeleted {
		return nil, nil
	}
	s, err := first(r.Store.SourcesByID(ctx, []string{c.SourceID}))
	if s == nil || err != nil {
		return nil, err
	}
	return sourceModel(*s), nil
}

// dropped queues a subscriber's drop reason for the WebSocket transport to
// send as the subscription's error, coded as every other error is.
func dropped(ctx context.Context) func(error) {
	return func(err error) {
		p, _ := errcode.Of(err)
		transport.AddSubscriptionError(ctx, &gqlerror.Error{Message: p.Message, Extensions: map[string]any{"code": string(p.Code)}})
	}
}

// forward maps a feed channel to the models gqlgen sends, closing with it.
// It stops when the subscription ends even if gqlgen no longer reads.
func forward[T, M any](ctx context.Context, in <-chan T, conv func(T) M) <-chan M {
	out := make(chan M)
	go func() {
		defer close(out)
		for v := range in {
			select {
			case out <- conv(v):
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}
