// Package errcode is newsgraph's one error contract: the codes a caller
// sees (GraphQL's extensions.code, the export's and the HTTP guard's JSON
// "code", the CLI's exit status) and the public message of each error.
// GraphQL, the HTTP server and the CLI all classify errors here, so the
// same failure reads the same wherever it surfaces, and nothing internal
// (driver text, Cypher, a stack) is ever shown for it.
package errcode

import (
	"errors"
	"net/http"

	"newsgraph/internal/ingest"
	"newsgraph/internal/kg"
)

// Code is the value of extensions.code (and of "code" in the non-GraphQL
// JSON errors).
type Code string

// The codes of the API contract.
const (
	BadUserInput            Code = "BAD_USER_INPUT"
	NotFound                Code = "NOT_FOUND"
	Unauthenticated         Code = "UNAUTHENTICATED"
	Unavailable             Code = "UNAVAILABLE"
	ComplexityLimitExceeded Code = "COMPLEXITY_LIMIT_EXCEEDED"
	Internal                Code = "INTERNAL"
)

// Messages shown instead of an error's own text, which may hold driver
// output, Cypher or a stack.
const (
	MsgUnavailable = "the graph store is unavailable; try again shortly"
	MsgInternal    = "internal error"
)

// HTTPStatus is the status a response whose only error has code c takes
// outside GraphQL (the export, the request guard).
func (c Code) HTTPStatus() int {
	switch c {
	case BadUserInput:
		return http.StatusBadRequest
	case NotFound:
		return http.StatusNotFound
	case Unauthenticated:
		return http.StatusUnauthorized
	case Unavailable:
		return http.StatusServiceUnavailable
	case ComplexityLimitExceeded:
		return http.StatusUnprocessableEntity
	}
	return http.StatusInternalServerError
}

// Public is what a caller may see of an error.
type Public struct {
	Code Code
	// Message is written for the caller: what is wrong, in words they can
	// act on, or the fixed message of the code when the error's own text
	// is internal.
	Message string
	// Field names the argument or input path that is wrong, when one is.
	Field string
	// Problems lists every problem of a rejected ingestion document.
	Problems []ingest.Problem
}

// Of classifies one of newsgraph's own errors: a rejected document, a
// kg.Error, or an error wrapping a kg sentinel. ok is false for anything
// else (a GraphQL parse error, a panic, a bare driver error), which the
// caller classifies itself or shows as Internal; p is then Internal.
func Of(err error) (p Public, ok bool) {
	var inv *ingest.InvalidError
	var kerr *kg.Error
	switch {
	case errors.As(err, &inv):
		return Public{Code: BadUserInput, Message: inv.Error(), Problems: inv.Problems}, true
	case errors.As(err, &kerr):
		return Public{Code: codeOf(kerr.Kind), Message: kerr.Error(), Field: kerr.Field}, true
	case errors.Is(err, kg.ErrUnavailable):
		return Public{Code: Unavailable, Message: MsgUnavailable}, true
	case errors.Is(err, kg.ErrNotFound):
		return Public{Code: NotFound, Message: "not found"}, true
	case errors.Is(err, kg.ErrUnauthenticated):
		return Public{Code: Unauthenticated, Message: "unauthenticated"}, true
	case errors.Is(err, kg.ErrInvalidInput):
		return Public{Code: BadUserInput, Message: "invalid input"}, true
	}
	return Public{Code: Internal, Message: MsgInternal}, false
}

// Written reports whether err carries a message written for the caller (a
// kg.Error or a rejected document), as opposed to a bare sentinel or a
// library's own words.
func Written(err error) bool {
	var kerr *kg.Error
	var inv *ingest.InvalidError
	return errors.As(err, &kerr) || errors.As(err, &inv)
}

func codeOf(kind error) Code {
	switch kind {
	case kg.ErrInvalidInput:
		return BadUserInput
	case kg.ErrNotFound:
		return NotFound
	case kg.ErrUnavailable:
		return Unavailable
	case kg.ErrUnauthenticated:
		return Unauthenticated
	}
	return Internal
}
