package errcode

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"newsgraph/internal/ingest"
	"newsgraph/internal/kg"
)

// driverText stands in for what the Neo4j driver puts in an error.
const driverText = "Neo4jError: Neo.ClientError.Statement.SyntaxError (MATCH (e:Entity {id: $id}) RETURN e) at bolt://10.0.0.5:7687"

func TestOf(t *testing.T) {
	tests := []struct {
		name    string
		err     error
		code    Code
		message string
		field   string
		ours    bool
	}{
		{"invalid argument", fmt.Errorf("store.Entities: %w", kg.InvalidInput("first", "must be between 1 and 100, got 0")),
			BadUserInput, "first: must be between 1 and 100, got 0", "first", true},
		{"not found", kg.NotFound("no entity has id %q", "person:x"), NotFound, `no entity has id "person:x"`, "", true},
		{"unauthenticated", &kg.Error{Kind: kg.ErrUnauthenticated, Message: "the API token is wrong"},
			Unauthenticated, "the API token is wrong", "", true},
		{"store down", fmt.Errorf("store.Entities: %w: %w", kg.ErrUnavailable, errors.New(driverText)), Unavailable, MsgUnavailable, "", true},
		{"bare sentinel", fmt.Errorf("op: %w: %s", kg.ErrInvalidInput, driverText), BadUserInput, "invalid input", "", true},
		{"bare not found", fmt.Errorf("op: %w", kg.ErrNotFound), NotFound, "not found", "", true},
		{"rejected document", fmt.Errorf("ingest: %w", &ingest.InvalidError{Problems: []ingest.Problem{{Path: "statements[0].speaker", Message: "unknown"}}}),
			BadUserInput, "invalid document: 1 problem\n  statements[0].speaker: unknown", "", true},
		{"unknown failure", fmt.Errorf("store.Entities: %s", driverText), Internal, MsgInternal, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ours := Of(tt.err)
			if p.Code != tt.code || p.Message != tt.message || p.Field != tt.field || ours != tt.ours {
				t.Errorf("Of = %+v, %v; want %s %q field %q, %v", p, ours, tt.code, tt.message, tt.field, tt.ours)
			}
			if strings.Contains(p.Message, "MATCH") || strings.Contains(p.Message, "bolt://") {
				t.Errorf("message leaks driver text: %q", p.Message)
			}
		})
	}
}

func TestHTTPStatus(t *testing.T) {
	for code, want := range map[Code]int{
		BadUserInput: http.StatusBadRequest, NotFound: http.StatusNotFound, Unauthenticated: http.StatusUnauthorized,
		Unavailable: http.StatusServiceUnavailable, ComplexityLimitExceeded: http.StatusUnprocessableEntity, Internal: http.StatusInternalServerError,
	} {
		if got := code.HTTPStatus(); got != want {
			t.Errorf("%s.HTTPStatus() = %d, want %d", code, got, want)
		}
	}
}
