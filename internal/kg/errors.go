package kg

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error that crosses a package boundary wraps one of
// these (or none, which means "internal"), and the GraphQL error presenter
// maps them to extensions.code.
var (
	// ErrNotFound means the thing asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalidInput means the caller sent something malformed or out of range.
	ErrInvalidInput = errors.New("invalid input")
	// ErrUnavailable means the graph store cannot be reached right now.
	ErrUnavailable = errors.New("graph store unavailable")
	// ErrUnauthenticated means the caller lacks the credentials a write needs.
	ErrUnauthenticated = errors.New("unauthenticated")
)

// Error is an error whose message was written for the API's caller. Internal
// errors may be wrapped around it with operation names; the presenter shows
// only this message, so nothing internal leaks.
type Error struct {
	// Kind is one of the sentinel errors above.
	Kind error
	// Field names the argument or input path that is wrong, when there is one.
	Field string
	// Message says what is wrong, in words the caller can act on.
	Message string
}

func (e *Error) Error() string {
	if e.Field == "" {
		return e.Message
	}
	return e.Field + ": " + e.Message
}

func (e *Error) Unwrap() error { return e.Kind }

// CoercedArgument is the Field of errors from parsing a scalar, such as a
// Date, where the parser cannot know the argument's name; the API layer
// replaces it with the argument's path.
const CoercedArgument = "(argument)"

// InvalidInput returns an ErrInvalidInput error about one argument or field.
func InvalidInput(field, format string, args ...any) error {
	return &Error{Kind: ErrInvalidInput, Field: field, Message: fmt.Sprintf(format, args...)}
}

// NotFound returns an ErrNotFound error naming what is missing.
func NotFound(format string, args ...any) error {
	return &Error{Kind: ErrNotFound, Message: fmt.Sprintf(format, args...)}
}
