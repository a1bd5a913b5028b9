package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"newsgraph/internal/kg"
)

// While Neo4j is down, a request that tries it anyway holds a goroutine
// and a pool slot for up to the acquire timeout: a Neo4j restarting after
// a crash binds its Bolt port before it answers handshakes, so connects
// hang rather than fail. At the soak's 122 reads a second that piled up
// nearly 300 requests in flight and 25 MiB of memory the runtime kept
// afterwards. So the store keeps a circuit breaker: once a connection is
// refused or a handshake fails, requests answer UNAVAILABLE at once, and
// one request in each probeEvery goes through to try Neo4j; the first
// round trip that reaches Neo4j (an answer, or an error Neo4j itself
// raised) closes it. A busy pool does not open it: that is load, and
// waiting for a connection is the right answer to load.

// probeEvery is how often a request tries Neo4j while the breaker is open.
const probeEvery = 100 * time.Millisecond

// errNeo4jDown is what requests answer while the breaker is open: plain
// unavailability, so that clients hear what they hear when Neo4j refuses
// the connection itself.
var errNeo4jDown = fmt.Errorf("Neo4j could not be reached a moment ago (the store's breaker is open): %w", kg.ErrUnavailable)

type breaker struct {
	open      atomic.Bool
	nextProbe atomic.Int64 // unix nanoseconds from which the next probe may go
}

// allow says whether a request may try Neo4j now: always while the
// breaker is closed, and one request a probeEvery while it is open.
func (b *breaker) allow(now time.Time) bool {
	if !b.open.Load() {
		return true
	}
	next := b.nextProbe.Load()
	return now.UnixNano() >= next && b.nextProbe.CompareAndSwap(next, now.Add(probeEvery).UnixNano())
}

// record updates the breaker with the outcome of one round trip.
func (b *breaker) record(now time.Time, err error) {
	switch {
	case err == nil || reachedNeo4j(err):
		b.open.Store(false)
	case cannotConnect(err):
		if !b.open.Swap(true) {
			b.nextProbe.Store(now.Add(probeEvery).UnixNano())
		}
	}
}

// cannotConnect reports whether no connection to Neo4j could be made at
// all: refused, or a server that does not complete the Bolt handshake. A
// Neo4j that has just been restarted, or is overwhelmed, can answer the
// handshake with no version at all ("did not accept any of the requested
// Bolt versions"): the same server spoke Bolt a moment before and will
// again, so it is an outage, not a fault in newsgraph.
func cannotConnect(err error) bool {
	return refused(err) || strings.Contains(err.Error(), "Bolt versions")
}

// reachedNeo4j reports whether the error came from Neo4j itself (a
// constraint, a syntax error, a timeout it enforced): the server is up.
func reachedNeo4j(err error) bool {
	var dbErr *neo4j.Neo4jError
	return errors.As(err, &dbErr)
}

type probeKey struct{}

// Probe marks ctx as a health check, which the breaker always lets
// through: /readyz must see Neo4j as it is, not as the breaker last saw it.
func Probe(ctx context.Context) context.Context { return context.WithValue(ctx, probeKey{}, true) }

func isProbe(ctx context.Context) bool { v, _ := ctx.Value(probeKey{}).(bool); return v }
