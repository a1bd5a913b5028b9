package store

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Which failures the store's retry loop tries again, by Neo4j code. An
// entity deleted under a write by a concurrent transaction is retried: the
// store's writes re-read everything when run again.
func TestRetryableErrors(t *testing.T) {
	db := func(code string) error { return &neo4j.Neo4jError{Code: code, Msg: "m"} }
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"deadlock", db("Neo.TransientError.Transaction.DeadlockDetected"), true},
		{"lock timeout", db("Neo.TransientError.Transaction.LockAcquisitionTimeout"), true},
		{"entity deleted concurrently", db("Neo.ClientError.Statement.EntityNotFound"), true},
		{"entity deleted, wrapped by the load", fmt.Errorf("events_upsert: %w", db("Neo.ClientError.Statement.EntityNotFound")), true},
		{"entity deleted, in the driver's limit", &neo4j.TransactionExecutionLimit{Errors: []error{db("Neo.ClientError.Statement.EntityNotFound")}}, true},
		{"not a leader", db("Neo.ClientError.Cluster.NotALeader"), true},
		{"syntax error", db("Neo.ClientError.Statement.SyntaxError"), false},
		{"constraint violated", db("Neo.ClientError.Schema.ConstraintValidationFailed"), false},
		{"type error", db("Neo.ClientError.Statement.TypeError"), false},
		{"parameter missing", db("Neo.ClientError.Statement.ParameterMissing"), false},
		{"wrapped syntax error", fmt.Errorf("events_upsert: %w", db("Neo.ClientError.Statement.SyntaxError")), false},
		{"limit of client errors", &neo4j.TransactionExecutionLimit{Errors: []error{db("Neo.ClientError.Statement.SyntaxError")}}, false},
		{"plain error", errors.New("boom"), false},
		{"cancelled", context.Canceled, false},
		{"refused", errors.New("dial tcp 127.0.0.1:7687: connect: connection refused"), false},
		{"pool busy", errors.New("Timeout while waiting for connection"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := retryable(tt.err); got != tt.want {
				t.Errorf("retryable(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}

// Which failures mean "Neo4j cannot serve right now" (UNAVAILABLE to the
// client) rather than a fault in a query (INTERNAL). The handshake
// failures are what a Neo4j answers in the seconds after a restart under
// load, as the soak saw.
func TestUnavailableErrors(t *testing.T) {
	db := func(code string) error { return &neo4j.Neo4jError{Code: code, Msg: "m"} }
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"connection refused", errors.New("ConnectivityError: dial tcp 127.0.0.1:7687: connect: connection refused"), true},
		{"pool busy", errors.New("Timeout while waiting for connection to any of [[127.0.0.1:7687]]: context deadline exceeded"), true},
		{"handshake with no version", errors.New("server did not accept any of the requested Bolt versions ([4]bolt.protocolVersion{})"), true},
		{"handshake with no offer", errors.New("none of the server offered Bolt versions are supported (offered: []bolt.protocolVersion{})"), true},
		{"handshake failure in the driver's limit", &neo4j.TransactionExecutionLimit{Errors: []error{errors.New("none of the server offered Bolt versions are supported")}}, true},
		{"transient", db("Neo.TransientError.General.DatabaseUnavailable"), true},
		{"deadline", fmt.Errorf("read: %w", context.DeadlineExceeded), true},
		{"syntax error", db("Neo.ClientError.Statement.SyntaxError"), false},
		{"limit of client errors", &neo4j.TransactionExecutionLimit{Errors: []error{db("Neo.ClientError.Statement.SyntaxError")}}, false},
		{"plain error", errors.New("boom"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := unavailable(tt.err); got != tt.want {
				t.Errorf("unavailable(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}
