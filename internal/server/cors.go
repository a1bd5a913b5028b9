package server

import (
	"net/http"
	"slices"
	"strings"
)

// corsHeaders are the request headers a cross-origin page may send: the
// ones GraphQL clients set (Apollo's client awareness and preflight
// headers among them) and the bearer token.
var corsHeaders = []string{
	"accept", "authorization", "content-type", "x-request-id",
	"apollo-require-preflight", "apollographql-client-name", "apollographql-client-version",
}

// withCORS lets pages from the configured origins (NEWSGRAPH_CORS_ORIGINS)
// call the API from a browser, as the fetch standard's CORS protocol says:
// a preflight (OPTIONS with Access-Control-Request-Method) from an allowed
// origin gets 204 with the methods and headers it may use; a preflight from
// any other origin gets 403 and no CORS headers, so the browser refuses;
// an actual request from an allowed origin gets Access-Control-Allow-Origin
// and the response headers its script may read. With no origins
// configured it adds nothing. Tokens travel in Authorization, not cookies,
// so credentials are not allowed.
func withCORS(origins []string) Middleware {
	if len(origins) == 0 {
		return func(next http.Handler) http.Handler { return next }
	}
	anyOrigin := slices.Contains(origins, "*")
	allowed := func(o string) bool { return anyOrigin || slices.Contains(origins, strings.ToLower(o)) }
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Add("Vary", "Origin")
			origin := r.Header.Get("Origin")
			if origin == "" {
				next.ServeHTTP(w, r)
				return
			}
			preflight := r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != ""
			if !allowed(origin) {
				if preflight {
					http.Error(w, "origin "+origin+" may not call this API (NEWSGRAPH_CORS_ORIGINS)", http.StatusForbidden)
					return
				}
				// Served without CORS headers: the browser keeps the answer
				// from the page, and non-browser clients are unaffected.
				next.ServeHTTP(w, r)
				return
			}
			h := w.Header()
			if anyOrigin {
				h.Set("Access-Control-Allow-Origin", "*")
			} else {
				h.Set("Access-Control-Allow-Origin", origin)
			}
			if !preflight {
				h.Set("Access-Control-Expose-Headers", "ETag, X-Request-Id")
				next.ServeHTTP(w, r)
				return
			}
			h.Add("Vary", "Access-Control-Request-Method, Access-Control-Request-Headers")
			method := r.Header.Get("Access-Control-Request-Method")
			if method != http.MethodGet && method != http.MethodPost {
				http.Error(w, "method "+method+" is not allowed; use GET or POST", http.StatusMethodNotAllowed)
				return
			}
			for name := range strings.SplitSeq(r.Header.Get("Access-Control-Request-Headers"), ",") {
				name = strings.ToLower(strings.TrimSpace(name))
				if name != "" && !slices.Contains(corsHeaders, name) {
					http.Error(w, "request header "+name+" is not allowed", http.StatusForbidden)
					return
				}
			}
			h.Set("Access-Control-Allow-Methods", "GET, POST")
			h.Set("Access-Control-Allow-Headers", strings.Join(corsHeaders, ", "))
			h.Set("Access-Control-Max-Age", "600")
			w.WriteHeader(http.StatusNoContent)
		})
	}
}
