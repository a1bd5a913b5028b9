package server

import (
	"net/http"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"

	"newsgraph/graph"
	"newsgraph/graph/loader"
	"newsgraph/web/explorer"
	"newsgraph/web/playground"
)

// Handler is every path the server answers, behind the middleware every
// request passes through.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()

	// The GraphQL endpoint: each middleware wraps the ones below it.
	cors := withCORS(s.cfg.CORSOrigins)
	requests := Chain(
		s.metrics.http.instrument("graphql"),
		cors,
		s.withDeadline,
		s.guardGraphQL,
		s.countRoundTrips,
		graph.BearerToken,
		s.withLoaders,
		codeTransportErrors,
	)(s.graphql)
	// Subscriptions live as long as their client: no request deadline,
	// and no body guard or error rewriting, which would hold a stream.
	live := Chain(
		s.metrics.http.instrument("graphql-live"),
		cors,
		s.liveConnection,
		graph.BearerToken,
		s.withLoaders,
	)(s.graphql)
	mux.Handle("/graphql", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isLive(r) {
			live.ServeHTTP(w, r)
			return
		}
		requests.ServeHTTP(w, r)
	}))

	// The explorer, the page for journalists, is part of the product: it
	// is served in production too.
	ex := explorer.Handler()
	mux.Handle("GET /{$}", ex)
	mux.Handle("GET /assets/", ex)

	// The playground and the schema file are developers' tools.
	if !s.cfg.Production {
		pg := playground.Handler("/playground", "/graphql")
		mux.Handle("/playground", pg)
		mux.Handle("/playground/", pg)
		mux.HandleFunc("GET /schema.graphql", s.serveSchema)
	}

	export := Chain(s.metrics.http.instrument("export"), cors, s.withDeadline)
	mux.Handle("GET /export/statements.csv", export(s.exportStatements(csvFormat)))
	mux.Handle("GET /export/statements.jsonl", export(s.exportStatements(jsonlFormat)))
	mux.Handle("GET /export/network.gexf", export(s.exportNetwork(gexfFormat)))
	mux.Handle("GET /export/network.graphml", export(s.exportNetwork(graphMLFormat)))
	mux.Handle("GET /export/counts.csv", export(http.HandlerFunc(s.exportCounts)))

	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	// OpenMetrics when the scraper asks for it: only that format carries
	// the exemplars (trace ids) of the latency histograms.
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.metrics.registry, promhttp.HandlerOpts{Registry: s.metrics.registry, EnableOpenMetrics: true}))

	h := Chain(
		withRequestID,
		s.logRequests,
	)(mux)
	if !s.cfg.Tracing {
		return h
	}
	// With tracing on, the outermost layer is the HTTP request's span,
	// continuing a caller's traceparent; health checks and scrapes are
	// not traced. (Off, it is left out: otelhttp's wrapping and its
	// metrics cost every request something even with no exporter.)
	return otelhttp.NewHandler(h, "http",
		otelhttp.WithSpanNameFormatter(func(_ string, r *http.Request) string { return r.Method + " " + r.URL.Path }),
		otelhttp.WithFilter(func(r *http.Request) bool {
			return r.URL.Path != "/healthz" && r.URL.Path != "/readyz" && r.URL.Path != "/metrics"
		}),
	)
}

// isLive says whether a request opens a subscription stream: a WebSocket
// upgrade, or a POST for server-sent events.
func isLive(r *http.Request) bool {
	return strings.EqualFold(r.Header.Get("Upgrade"), "websocket") ||
		(r.Method == http.MethodPost && strings.Contains(r.Header.Get("Accept"), "text/event-stream"))
}

// liveConnection lifts the server's read and write timeouts from a
// subscription's connection, which stays open for as long as the client
// wants. A server-sent-events request is one connection for the limits;
// if a dropped subscriber will not read, its blocked write is cut.
// (A WebSocket's connection starts at its connection_init.)
func (s *Server) liveConnection(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rc := http.NewResponseController(w)
		rc.SetReadDeadline(time.Time{})
		rc.SetWriteDeadline(time.Time{})
		if r.Header.Get("Upgrade") == "" {
			ctx := s.feed.Connect(r.Context(), func() { rc.SetWriteDeadline(time.Now()) })
			r = r.WithContext(ctx)
		}
		next.ServeHTTP(w, r)
	})
}

// withLoaders gives each GraphQL request its own batching loaders.
func (s *Server) withLoaders(next http.Handler) http.Handler {
	return loader.Middleware(s.store, s.cfg.BatchWait, next)
}

func (s *Server) serveSchema(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write(s.schema)
}
