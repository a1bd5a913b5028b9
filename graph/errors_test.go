package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"newsgraph/internal/errcode"
	"newsgraph/internal/kg"
)

// driverText stands in for what the Neo4j driver puts in an error: Cypher,
// addresses and the server's own words. None of it may reach a client.
const driverText = "Neo4jError: Neo.ClientError.Statement.SyntaxError (MATCH (e:Entity {id: $id}) RETURN e) at bolt://10.0.0.5:7687"

func TestErrorPresenter(t *testing.T) {
	validation := gqlerror.Errorf(`Cannot query field "nme" on type "Person".`)
	validation.Extensions = map[string]any{"code": "GRAPHQL_VALIDATION_FAILED"}
	parse := gqlerror.Errorf("Expected Name, found <EOF>")
	parse.Extensions = map[string]any{"code": "GRAPHQL_PARSE_FAILED"}
	complexity := gqlerror.Errorf("operation has complexity 9000, which exceeds the limit of 5000")
	complexity.Extensions = map[string]any{"code": "COMPLEXITY_LIMIT_EXCEEDED"}

	tests := []struct {
		name     string
		err      error
		code     errcode.Code
		message  string
		argument string
	}{
		{"invalid argument", fmt.Errorf("store.Entities: %w", kg.InvalidInput("first", "must be between 1 and 100, got 0")),
			errcode.BadUserInput, "first: must be between 1 and 100, got 0", "first"},
		{"not found", fmt.Errorf("store.Entity: %w", kg.NotFound("no entity has id %q", "person:x")),
			errcode.NotFound, `no entity has id "person:x"`, ""},
		{"store down", fmt.Errorf("store.Entities: %w: %w", kg.ErrUnavailable, errors.New(driverText)),
			errcode.Unavailable, errcode.MsgUnavailable, ""},
		{"bare sentinel with driver text", fmt.Errorf("op: %w: %s", kg.ErrInvalidInput, driverText),
			errcode.BadUserInput, "invalid input", ""},
		{"unknown failure", fmt.Errorf("store.Entities: %s", driverText), errcode.Internal, errcode.MsgInternal, ""},
		{"panic", fmt.Errorf("%w: runtime error: index out of range [3] with length 2\ngoroutine 7 [running]:\nmain.go:12", errPanic),
			errcode.Internal, errcode.MsgInternal, ""},
		{"validation", validation, errcode.BadUserInput, validation.Message, ""},
		{"parse", parse, errcode.BadUserInput, parse.Message, ""},
		{"complexity", complexity, errcode.ComplexityLimitExceeded, complexity.Message, ""},
		{"gqlerror wrapping an internal error", gqlerror.WrapPath(nil, errors.New(driverText)), errcode.Internal, errcode.MsgInternal, ""},
	}
	var logs bytes.Buffer
	present := ErrorPresenter(slog.New(slog.NewTextHandler(&logs, nil)), false)
	ctx := graphql.WithResponseContext(context.Background(), graphql.DefaultErrorPresenter, nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := present(ctx, tt.err)
			if got.Extensions["code"] != string(tt.code) {
				t.Errorf("code = %v, want %s", got.Extensions["code"], tt.code)
			}
			if got.Message != tt.message {
				t.Errorf("message = %q, want %q", got.Message, tt.message)
			}
			if a, _ := got.Extensions["argument"].(string); a != tt.argument {
				t.Errorf("argument = %q, want %q", a, tt.argument)
			}
			for _, leak := range []string{"MATCH", "Neo4jError", "bolt://", "goroutine", ".go:"} {
				if strings.Contains(got.Message, leak) || strings.Contains(fmt.Sprint(got.Extensions), leak) {
					t.Errorf("response leaks %q: %q %v", leak, got.Message, got.Extensions)
				}
			}
		})
	}
	if !strings.Contains(logs.String(), "MATCH (e:Entity") {
		t.Error("internal errors should be logged in full on the server")
	}
}

func TestRecoverFuncHidesPanic(t *testing.T) {
	var logs bytes.Buffer
	err := RecoverFunc(slog.New(slog.NewTextHandler(&logs, nil)))(context.Background(), "boom")
	got := ErrorPresenter(slog.New(slog.NewTextHandler(&logs, nil)), false)(context.Background(), err)
	if got.Extensions["code"] != string(errcode.Internal) || got.Message != errcode.MsgInternal {
		t.Errorf("presented panic = %q %v", got.Message, got.Extensions)
	}
	if !strings.Contains(logs.String(), "boom") || !strings.Contains(logs.String(), "stack") {
		t.Errorf("the panic and its stack should be logged: %s", logs.String())
	}
}
