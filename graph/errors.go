package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"newsgraph/internal/ingest"
	"newsgraph/internal/kg"
)

// The codes in extensions.code, as DESIGN.md's contract lists them.
const (
	CodeBadUserInput       = "BAD_USER_INPUT"
	CodeNotFound           = "NOT_FOUND"
	CodeUnauthenticated    = "UNAUTHENTICATED"
	CodeUnavailable        = "UNAVAILABLE"
	CodeComplexityExceeded = "COMPLEXITY_LIMIT_EXCEEDED"
	CodeInternal           = "INTERNAL"
)

// Messages shown instead of an error's own text, which may hold driver
// output, Cypher or a stack.
const (
	msgUnavailable = "the graph store is unavailable; try again shortly"
	msgInternal    = "internal error"
)

// errPanic marks an error made from a recovered panic.
var errPanic = errors.New("panic")

// ErrorPresenter maps every error to a client-safe message and an
// extensions.code. Errors the caller can act on (kg.Error, GraphQL syntax
// and validation) keep their message; anything else is logged in full here
// and shown only as its code. In production, GraphQL's own syntax and
// validation messages, which can describe the schema, are masked too.
// Every error carries the request's id, to find its log lines.
func ErrorPresenter(log *slog.Logger, production bool) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		out := graphql.DefaultErrorPresenter(ctx, err)
		code, msg, field := classify(err, out)
		if production && code == CodeBadUserInput && field == "" && !isOurs(err) {
			msg = "the request is not a valid GraphQL operation for this API"
		}
		if field == kg.CoercedArgument {
			// A scalar's parser does not know which argument it is
			// parsing; the path beyond the field's own path says.
			field = argumentPath(ctx, out.Path)
			msg = field + msg[len(kg.CoercedArgument):]
		}
		if code == CodeInternal {
			log.LogAttrs(ctx, slog.LevelError, "graphql error", slog.String("error", err.Error()), slog.String("path", out.Path.String()))
		}
		if code == CodeUnavailable {
			log.LogAttrs(ctx, slog.LevelWarn, "graph store unavailable", slog.String("error", err.Error()), slog.String("path", out.Path.String()))
		}
		res := &gqlerror.Error{
			Message:    msg,
			Path:       out.Path,
			Locations:  out.Locations,
			Extensions: map[string]any{"code": code},
		}
		var inv *ingest.InvalidError
		if errors.As(err, &inv) {
			res.Extensions["problems"] = inv.Problems
		}
		if id := RequestID(ctx); id != "" {
			res.Extensions["requestId"] = id
		}
		if lim, ok := out.Extensions["limit"]; ok && code == CodeComplexityExceeded {
			res.Extensions["limit"] = lim
		}
		if field != "" {
			res.Extensions["argument"] = field
		}
		return res
	}
}

// classify decides an error's code and public message.
func classify(err error, presented *gqlerror.Error) (code, msg, field string) {
	var kerr *kg.Error
	var inv *ingest.InvalidError
	switch {
	case errors.As(err, &inv):
		return CodeBadUserInput, inv.Error(), ""
	case errors.As(err, &kerr):
		return codeOf(kerr.Kind), kerr.Error(), kerr.Field
	case errors.Is(err, kg.ErrUnavailable):
		return CodeUnavailable, msgUnavailable, ""
	case errors.Is(err, kg.ErrNotFound):
		return CodeNotFound, "not found", ""
	case errors.Is(err, kg.ErrUnauthenticated):
		return CodeUnauthenticated, "unauthenticated", ""
	case errors.Is(err, kg.ErrInvalidInput):
		return CodeBadUserInput, "invalid input", ""
	case errors.Is(err, errPanic):
		return CodeInternal, msgInternal, ""
	case introspectionDisabled(err):
		// gqlgen's own error when the Introspection extension is off.
		return CodeBadUserInput, "introspection is disabled on this server", ""
	}
	// Errors from gqlgen itself: parsing, validation, argument coercion and
	// the complexity limit. They describe the request, never our internals,
	// and carry no wrapped error.
	var gerr *gqlerror.Error
	if errors.As(err, &gerr) && gerr.Err == nil {
		switch c, _ := gerr.Extensions["code"].(string); c {
		case CodeComplexityExceeded:
			return CodeComplexityExceeded, gerr.Message, ""
		default:
			// GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED and coercion
			// errors without a code are all the request's fault.
			return CodeBadUserInput, gerr.Message, ""
		}
	}
	return CodeInternal, msgInternal, ""
}

// introspectionDisabled reports gqlgen's error for introspection when the
// Introspection extension is off.
func introspectionDisabled(err error) bool {
	for e := err; e != nil; e = errors.Unwrap(e) {
		if e.Error() == "introspection disabled" {
			return true
		}
	}
	return false
}

// isOurs reports whether err is one of this server's own errors, whose
// messages are written for callers, rather than gqlgen's.
func isOurs(err error) bool {
	var kerr *kg.Error
	var inv *ingest.InvalidError
	return errors.As(err, &kerr) || errors.As(err, &inv)
}

// argumentPath names the argument an input error is about, as
// "filter.to", from the error's path less the path of the field.
func argumentPath(ctx context.Context, p ast.Path) string {
	var fieldLen int
	if fc := graphql.GetFieldContext(ctx); fc != nil {
		fieldLen = len(fc.Path())
	}
	if fieldLen == 0 || fieldLen >= len(p) {
		fieldLen = 1
	}
	if len(p) <= fieldLen {
		return "argument"
	}
	parts := make([]string, 0, len(p)-fieldLen)
	for _, el := range p[fieldLen:] {
		switch e := el.(type) {
		case ast.PathName:
			parts = append(parts, string(e))
		case ast.PathIndex:
			parts = append(parts, strconv.Itoa(int(e)))
		}
	}
	return strings.Join(parts, ".")
}

func codeOf(kind error) string {
	switch kind {
	case kg.ErrInvalidInput:
		return CodeBadUserInput
	case kg.ErrNotFound:
		return CodeNotFound
	case kg.ErrUnavailable:
		return CodeUnavailable
	case kg.ErrUnauthenticated:
		return CodeUnauthenticated
	}
	return CodeInternal
}

// RecoverFunc turns a resolver panic into an INTERNAL error and logs the
// stack on the server, never in the response.
func RecoverFunc(log *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		log.LogAttrs(ctx, slog.LevelError, "panic in resolver",
			slog.String("panic", fmt.Sprint(p)), slog.String("stack", string(debug.Stack())))
		return fmt.Errorf("%w: %v", errPanic, p)
	}
}
