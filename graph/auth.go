package graph

import (
	"context"
	"crypto/subtle"
	"net/http"
	"strings"

	"newsgraph/internal/kg"
)

type bearerKey struct{}

// BearerToken keeps the request's bearer token, if any, for the mutations
// to check; reads never look at it.
func BearerToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Get("Authorization")
		if scheme, token, ok := strings.Cut(h, " "); ok && strings.EqualFold(scheme, "Bearer") {
			r = r.WithContext(context.WithValue(r.Context(), bearerKey{}, strings.TrimSpace(token)))
		}
		next.ServeHTTP(w, r)
	})
}

// authorize lets a mutation through only with the configured API token,
// compared in constant time so its value cannot be guessed by timing.
func (r *Resolver) authorize(ctx context.Context) error {
	if r.APIToken == "" {
		return &kg.Error{Kind: kg.ErrUnauthenticated,
			Message: "mutations are disabled on this server; its operator enables them by setting NEWSGRAPH_API_TOKEN"}
	}
	token, _ := ctx.Value(bearerKey{}).(string)
	if token == "" {
		return &kg.Error{Kind: kg.ErrUnauthenticated, Message: "this mutation needs the API token: send Authorization: Bearer <token>"}
	}
	if subtle.ConstantTimeCompare([]byte(token), []byte(r.APIToken)) != 1 {
		return &kg.Error{Kind: kg.ErrUnauthenticated, Message: "the API token is wrong"}
	}
	return nil
}
