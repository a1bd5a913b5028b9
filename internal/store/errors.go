package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"syscall"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"newsgraph/internal/kg"
)

// What a driver error means: whether to retry (retryable, deadConnection),
// what to tell the caller (wrap, unavailable, timedOut) and how to count it
// (errorCode). The driver's error types and messages are read here only.

// errorCode names an error for metrics: Neo4j's status code, or a class.
func errorCode(err error) string {
	if err == nil {
		return ""
	}
	var dbErr *neo4j.Neo4jError
	switch {
	case errors.As(err, &dbErr):
		return dbErr.Code
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case errors.Is(err, context.Canceled):
		return "canceled"
	case unavailable(err):
		return "connectivity"
	}
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) && len(limit.Errors) > 0 {
		return errorCode(limit.Errors[len(limit.Errors)-1])
	}
	return "other"
}

// retryable reports whether trying again may succeed soon. A full pool is
// not retried: the caller hears at once that the server is busy.
func retryable(err error) bool {
	if refused(err) || poolBusy(err) {
		return false
	}
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) {
		for _, e := range limit.Errors {
			if neo4j.IsRetryable(e) || vanished(e) {
				return true
			}
		}
		return false
	}
	return neo4j.IsRetryable(err) || vanished(err)
}

// vanished reports whether a query used a node or relationship that a
// concurrent transaction deleted between the match and the use (a load
// merging an event that a delete's orphan collection removed). Neo4j calls
// this a client error, but the transaction only lost a race: the store's
// writes re-read everything when run again, so a retry sees the graph
// without it and succeeds.
func vanished(err error) bool {
	var dbErr *neo4j.Neo4jError
	return errors.As(err, &dbErr) && dbErr.Code == "Neo.ClientError.Statement.EntityNotFound"
}

// refused reports whether no connection could be opened at all: Neo4j is
// down or unreachable, and retrying at once will not help.
func refused(err error) bool {
	msg := err.Error()
	return errors.Is(err, syscall.ECONNREFUSED) || strings.Contains(msg, "connection refused") ||
		strings.Contains(msg, "dial tcp") || strings.Contains(msg, "no such host")
}

// poolBusy reports whether no pooled connection came free in time.
func poolBusy(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "Timeout while waiting for connection") || strings.Contains(msg, "No idle connections")
}

// deadConnection reports whether a pooled connection broke under the query.
func deadConnection(err error) bool {
	var conn *neo4j.ConnectivityError
	return errors.As(err, &conn) || strings.Contains(err.Error(), "ConnectivityError")
}

// wrap names the operation and tags errors that mean "the store is down" with
// kg.ErrUnavailable. The driver's text stays in the chain for logs; the
// GraphQL error presenter never shows it to clients.
func (s *Store) wrap(ctx context.Context, op string, err error) error {
	if err == nil {
		return nil
	}
	var kerr *kg.Error
	if errors.As(err, &kerr) || errors.Is(err, kg.ErrUnavailable) {
		return fmt.Errorf("%s: %w", op, err)
	}
	if timedOut(err) || errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("%s: %w: %w", op, &kg.Error{Kind: kg.ErrUnavailable,
			Message: "the request took too long and was stopped, in Neo4j too; ask for less (a smaller first, fewer nested fields) or try again"}, err)
	}
	if poolBusy(err) {
		return fmt.Errorf("%s: %w: %w", op, &kg.Error{Kind: kg.ErrUnavailable,
			Message: "every connection to Neo4j is busy; try again shortly"}, err)
	}
	if unavailable(err) {
		return fmt.Errorf("%s: %w: %w", op, kg.ErrUnavailable, err)
	}
	s.log.LogAttrs(ctx, slog.LevelError, "neo4j query failed", slog.String("op", op), slog.String("error", err.Error()))
	return fmt.Errorf("%s: %w", op, err)
}

// unavailable reports whether err means Neo4j could not be reached or could
// not serve, as opposed to a fault in the query.
func unavailable(err error) bool {
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) {
		// The driver wraps a transaction's retryable failures in this once
		// its retry time is spent (at once, with its retry off; see Open):
		// unavailable if what failed was.
		if len(limit.Errors) == 0 {
			return true
		}
		for _, e := range limit.Errors {
			if unavailable(e) {
				return true
			}
		}
		return false
	}
	var conn *neo4j.ConnectivityError
	if errors.As(err, &conn) {
		return true
	}
	var dbErr *neo4j.Neo4jError
	if errors.As(err, &dbErr) {
		return strings.HasPrefix(dbErr.Code, "Neo.TransientError.") ||
			strings.HasPrefix(dbErr.Code, "Neo.ClientError.Security.") ||
			dbErr.Code == "Neo.ClientError.Database.DatabaseNotFound"
	}
	var authErr *neo4j.InvalidAuthenticationError
	if errors.As(err, &authErr) {
		return true
	}
	var netErr net.Error
	if errors.As(err, &netErr) || errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) {
		return true
	}
	// Pool exhaustion, timeouts and failed connections surface as internal
	// driver types or bare errors; their messages are the stable part of
	// the API we can see.
	msg := err.Error()
	return errors.Is(err, context.DeadlineExceeded) || cannotConnect(err) ||
		strings.Contains(msg, "connection pool") || strings.Contains(msg, "Timeout while waiting for connection")
}

// timedOut reports whether Neo4j stopped a transaction at its timeout.
func timedOut(err error) bool {
	if err == nil {
		return false
	}
	var dbErr *neo4j.Neo4jError
	if errors.As(err, &dbErr) {
		return strings.Contains(dbErr.Code, "TransactionTimedOut")
	}
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) {
		for _, e := range limit.Errors {
			if timedOut(e) {
				return true
			}
		}
	}
	return strings.Contains(err.Error(), "TransactionTimedOut")
}
