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
