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

	"newsgraph/internal/errcode"
	"newsgraph/internal/kg"
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
		p := classify(err)
		if production && p.Code == errcode.BadUserInput && p.Field == "" && !errcode.Written(err) {
			p.Message = "the request is not a valid GraphQL operation for this API"
		}
		if p.Field == kg.CoercedArgument {
			// A scalar's parser does not know which argument it is
			// parsing; the path beyond the field's own path says.
			p.Field = argumentPath(ctx, out.Path)
			p.Message = p.Field + p.Message[len(kg.CoercedArgument):]
		}
		if p.Code == errcode.Internal {
			log.LogAttrs(ctx, slog.LevelError, "graphql error", slog.String("error", err.Error()), slog.String("path", out.Path.String()))
		}
		if p.Code == errcode.Unavailable {
			log.LogAttrs(ctx, slog.LevelWarn, "graph store unavailable", slog.String("error", err.Error()), slog.String("path", out.Path.String()))
		}
		res := &gqlerror.Error{
			Message:    p.Message,
			Path:       out.Path,
			Locations:  out.Locations,
			Extensions: map[string]any{"code": string(p.Code)},
		}
		if p.Problems != nil {
			res.Extensions["problems"] = p.Problems
		}
		if id := RequestID(ctx); id != "" {
			res.Extensions["requestId"] = id
		}
		if lim, ok := out.Extensions["limit"]; ok && p.Code == errcode.ComplexityLimitExceeded {
			res.Extensions["limit"] = lim
		}
		if p.Field != "" {
			res.Extensions["argument"] = p.Field
		}
		return res
	}
}

// classify decides an error's code and public message: newsgraph's own
// errors through errcode, then what only the GraphQL layer sees (panics,
// gqlgen's own errors).
func classify(err error) errcode.Public {
	if p, ok := errcode.Of(err); ok {
		return p
	}
	internal := errcode.Public{Code: errcode.Internal, Message: errcode.MsgInternal}
	switch {
	case errors.Is(err, errPanic):
		return internal
	case introspectionDisabled(err):
		// gqlgen's own error when the Introspection extension is off.
		return errcode.Public{Code: errcode.BadUserInput, Message: "introspection is disabled on this server"}
	}
	// Errors from gqlgen itself: parsing, validation, argument coercion and
	// the complexity limit. They describe the request, never our internals,
	// and carry no wrapped error.
	var gerr *gqlerror.Error
	if errors.As(err, &gerr) && gerr.Err == nil {
		if c, _ := gerr.Extensions["code"].(string); c == string(errcode.ComplexityLimitExceeded) {
			return errcode.Public{Code: errcode.ComplexityLimitExceeded, Message: gerr.Message}
		}
		// GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED and coercion
		// errors without a code are all the request's fault.
		return errcode.Public{Code: errcode.BadUserInput, Message: gerr.Message}
	}
	return internal
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

// RecoverFunc turns a resolver panic into an INTERNAL error and logs the
// stack on the server, never in the response.
func RecoverFunc(log *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		log.LogAttrs(ctx, slog.LevelError, "panic in resolver",
			slog.String("panic", fmt.Sprint(p)), slog.String("stack", string(debug.Stack())))
		return fmt.Errorf("%w: %v", errPanic, p)
	}
}
