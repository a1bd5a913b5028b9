package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The breaker: which outcomes open and close it, and how many requests go
// through while it is open.
func TestBreaker(t *testing.T) {
	t0 := time.Date(2026, 12, 2, 5, 0, 0, 0, time.UTC)
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	refusedErr := errors.New("ConnectivityError: dial tcp 127.0.0.1:7687: connect: connection refused")
	handshake := errors.New("server did not accept any of the requested Bolt versions")
	busy := errors.New("Timeout while waiting for connection to any of [[127.0.0.1:7687]]: context deadline exceeded")
	neo4jErr := &neo4j.Neo4jError{Code: "Neo.ClientError.Schema.ConstraintValidationFailed", Msg: "m"}

	tests := []struct {
		name     string
		outcomes []error // recorded one after another at t0
		open     bool
	}{
		{"new", nil, false},
		{"refused", []error{refusedErr}, true},
		{"failed handshake", []error{handshake}, true},
		{"busy pool is load, not an outage", []error{busy, busy}, false},
		{"a request deadline is not an outage", []error{context.DeadlineExceeded}, false},
		{"an answer closes it", []error{refusedErr, nil}, false},
		{"an error Neo4j raised closes it", []error{refusedErr, neo4jErr}, false},
		{"a busy pool leaves it open", []error{refusedErr, busy}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b breaker
			for _, err := range tt.outcomes {
				b.record(t0, err)
			}
			if got := b.open.Load(); got != tt.open {
				t.Errorf("open = %v, want %v", got, tt.open)
			}
		})
	}

	t.Run("one probe a probeEvery while open", func(t *testing.T) {
		var b breaker
		if !b.allow(t0) || !b.allow(t0) {
			t.Fatal("a closed breaker refused a request")
		}
		b.record(t0, refusedErr)
		allowed := 0
		for ms := 0; ms < 1000; ms += 10 { // a request every 10 ms for a second
			if b.allow(at(ms)) {
				allowed++
			}
		}
		if want := int(time.Second / probeEvery); allowed < want-1 || allowed > want {
			t.Errorf("%d requests went through in a second, want about %d", allowed, want)
		}
		b.record(at(1000), nil)
		if !b.allow(at(1001)) || !b.allow(at(1001)) {
			t.Error("the breaker still refuses after an answer")
		}
	})
	t.Run("health checks always go through", func(t *testing.T) {
		if !isProbe(Probe(context.Background())) || isProbe(context.Background()) {
			t.Error("Probe does not mark the context")
		}
	})
}
