package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/vektah/gqlparser/v2/formatter"

	"newsgraph/graph"
	"newsgraph/graph/loader"
	"newsgraph/internal/config"
	"newsgraph/internal/ingest"
	"newsgraph/internal/store"
	"newsgraph/seed"
	"newsgraph/web/explorer"
	"newsgraph/web/playground"
)

// app is the running server: configuration, store and HTTP routes. Only
// package main wires these packages together.
type app struct {
	cfg      config.Config
	store    *store.Store
	log      *slog.Logger
	graphql  http.Handler
	schema   []byte
	registry *prometheus.Registry
	metrics  *httpMetrics
	// prepared is set once the schema has been ensured in Neo4j.
	prepared atomic.Bool
	// afterGraphQL, when set (by tests), hears how many Cypher round trips
	// each GraphQL request made, including requests rejected before running.
	afterGraphQL func(roundTrips int64)
}

func newApp(cfg config.Config, st *store.Store, log *slog.Logger) *app {
	resolver := &graph.Resolver{Store: st, Log: log, APIToken: cfg.APIToken}
	es := graph.NewExecutableSchema(resolver)
	var sdl bytesWriter
	formatter.NewFormatter(&sdl, formatter.WithComments()).FormatSchema(es.Schema())

	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	metrics := newHTTPMetrics(reg)
	st.Observe(metrics.observeQuery)

	return &app{
		cfg:   cfg,
		store: st,
		log:   log,
		graphql: graph.NewHandler(resolver, graph.HandlerOptions{
			ComplexityLimit: cfg.ComplexityLimit, MaxDepth: cfg.MaxDepth, MaxAliases: cfg.MaxAliases, MaxTokens: cfg.MaxTokens,
			Production: cfg.Production, TraceRoundTrips: cfg.TraceRoundTrips, Log: log, Observe: metrics.observeOperation,
		}),
		schema:   sdl,
		registry: reg,
		metrics:  metrics,
	}
}

type bytesWriter []byte

func (b *bytesWriter) Write(p []byte) (int, error) { *b = append(*b, p...); return len(p), nil }

// handler routes every path the server answers.
func (a *app) handler() http.Handler {
	m := a.metrics
	mux := http.NewServeMux()
	mux.Handle("/graphql", m.instrument("graphql", a.guardGraphQL(a.countRoundTrips(graph.BearerToken(loader.Middleware(a.store, a.cfg.BatchWait, codeTransportErrors(a.graphql)))))))
	// The explorer, the page for journalists, is part of the product: it
	// is served in production too. The playground is a developer's tool.
	ex := explorer.Handler()
	mux.Handle("GET /{$}", ex)
	mux.Handle("GET /assets/", ex)
	if !a.cfg.Production {
		mux.Handle("/playground", playground.Handler("/playground", "/graphql", examples))
		mux.Handle("/playground/", playground.Handler("/playground", "/graphql", examples))
	}
	if !a.cfg.Production {
		mux.HandleFunc("GET /schema.graphql", a.serveSchema)
	}
	mux.Handle("GET /export/statements.csv", m.instrument("export", a.withDeadline(a.exportStatements("csv"))))
	mux.Handle("GET /export/statements.jsonl", m.instrument("export", a.withDeadline(a.exportStatements("jsonl"))))
	mux.HandleFunc("GET /healthz", a.healthz)
	mux.HandleFunc("GET /readyz", a.readyz)
	mux.Handle("GET /metrics", promhttp.HandlerFor(a.registry, promhttp.HandlerOpts{Registry: a.registry}))
	return withRequestID(a.logRequests(mux))
}

// countRoundTrips gives each GraphQL request a counter of Cypher round trips.
func (a *app) countRoundTrips(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, n := store.WithRoundTripCounter(r.Context())
		next.ServeHTTP(w, r.WithContext(ctx))
		if a.afterGraphQL != nil {
			a.afterGraphQL(n.Load())
		}
	})
}

// prepare creates the schema in Neo4j and seeds an empty graph, retrying
// until it succeeds, so the server can start before the database and catch
// up when it arrives.
func (a *app) prepare(ctx context.Context) {
	wait := 500 * time.Millisecond
	for {
		err := a.store.EnsureSchema(ctx)
		if err == nil && a.cfg.Seed {
			err = a.seed(ctx)
		}
		if err == nil {
			a.prepared.Store(true)
			a.log.Info("neo4j ready")
			return
		}
		a.log.Warn("neo4j not ready; will retry", slog.String("error", err.Error()), slog.Duration("in", wait))
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		wait = min(wait*2, 10*time.Second)
	}
}

// seed loads the embedded seed documents when the graph holds no source.
// Several replicas may race here; loading is idempotent, so the loser
// merely rewrites the same graph.
func (a *app) seed(ctx context.Context) error {
	has, err := a.store.HasSources(ctx)
	if err != nil || has {
		return err
	}
	docs, err := seed.Parsed()
	if err != nil {
		return err
	}
	for _, doc := range docs {
		start := time.Now()
		d, _, err := ingest.Load(ctx, a.store, doc)
		if err != nil {
			return err
		}
		a.log.Info("seeded", slog.String("source", d.Source.ID),
			slog.Int("entities", len(d.Entities)), slog.Int("events", len(d.Events)),
			slog.Int("statements", len(d.Statements)), slog.Duration("took", time.Since(start)))
	}
	return nil
}

func (a *app) healthz(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// readyz answers 200 only when Neo4j answers a query and the schema is in
// place, within two seconds; load balancers route away otherwise.
func (a *app) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := a.store.Ping(ctx); err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "neo4j": "unreachable"})
		return
	}
	if !a.prepared.Load() {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "starting", "neo4j": "up", "schema": "pending"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready", "neo4j": "up"})
}

func (a *app) serveSchema(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write(a.schema)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// logRequests logs one line per request, after it is served.
func (a *app) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		level := slog.LevelDebug
		if rec.status >= 500 {
			level = slog.LevelWarn
		}
		a.log.LogAttrs(r.Context(), level, "http request",
			slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.Int("status", rec.status), slog.Duration("duration", time.Since(start)))
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }
