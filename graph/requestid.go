package graph

import "context"

type requestIDKey struct{}

// WithRequestID returns a context carrying the request's id, which every
// log line and every error of the request shows.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// RequestID returns the request's id, or "".
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}
