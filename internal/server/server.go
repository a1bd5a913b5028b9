// Package server is newsgraph's HTTP application: the GraphQL endpoint and
// its middleware chain, the explorer and the playground, the CSV and JSON
// Lines export, health checks and metrics, and the start-up work of
// preparing (and, when empty, seeding) the graph. It is the only package
// outside graph/ that mounts the GraphQL handler.
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"runtime/debug"
	"sync/atomic"
	"time"

	"github.com/vektah/gqlparser/v2/formatter"

	"newsgraph/graph"
	"newsgraph/internal/config"
	"newsgraph/internal/feed"
	"newsgraph/internal/ingest"
	"newsgraph/internal/store"
	"newsgraph/internal/telemetry"
	"newsgraph/seed"
)

// Server is the running application: configuration, store and HTTP routes.
type Server struct {
	cfg     config.Config
	store   *store.Store
	log     *slog.Logger
	graphql http.Handler
	schema  []byte
	metrics *metrics
	// feed follows the graph's change feed for this server's subscribers.
	feed *feed.Follower
	// prepared is set once the schema has been ensured in Neo4j.
	prepared atomic.Bool
	// afterGraphQL, when set (by tests), hears how many Cypher round trips
	// each GraphQL request made, including requests rejected before running.
	afterGraphQL func(roundTrips int64)
}

// New builds the server over an open store. It does not touch the graph:
// Serve prepares it.
func New(cfg config.Config, st *store.Store, log *slog.Logger) *Server {
	sc := cfg.Subscriptions
	follower := feed.New(st, feed.Options{Poll: sc.FeedPoll, Keep: sc.FeedKeep, MaxSubscriptions: sc.Max,
		MaxPerConnection: sc.PerConnection, Buffer: sc.Buffer}, log)
	resolver := &graph.Resolver{Store: st, Log: log, APIToken: cfg.APIToken, Feed: follower}
	es := graph.NewExecutableSchema(resolver)
	var sdl bytesWriter
	formatter.NewFormatter(&sdl, formatter.WithComments()).FormatSchema(es.Schema())

	m := newMetrics()
	st.Observe(m.queries.observe)
	m.observeFeed(follower)
	return &Server{
		cfg:   cfg,
		store: st,
		log:   log,
		graphql: graph.NewHandler(resolver, graph.HandlerOptions{
			ComplexityLimit: cfg.ComplexityLimit, MaxDepth: cfg.MaxDepth, MaxAliases: cfg.MaxAliases, MaxTokens: cfg.MaxTokens,
			Production: cfg.Production, TraceRoundTrips: cfg.TraceRoundTrips, Tracing: cfg.Tracing, Log: log, Observe: m.operations.observe,
			CacheMaxAge: cfg.CacheMaxAge, Ping: sc.Ping, WebSocketOrigins: originHosts(cfg.CORSOrigins),
		}),
		feed:    follower,
		schema:  sdl,
		metrics: m,
	}
}

// version is the module version the binary was built from, for traces.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "devel"
}

// originHosts turns CORS origins into the host patterns the WebSocket
// handshake checks a page's Origin against.
func originHosts(origins []string) []string {
	out := make([]string, 0, len(origins))
	for _, o := range origins {
		if o == "*" {
			out = append(out, "*")
		} else if u, err := url.Parse(o); err == nil {
			out = append(out, u.Host)
		}
	}
	return out
}

type bytesWriter []byte

func (b *bytesWriter) Write(p []byte) (int, error) { *b = append(*b, p...); return len(p), nil }

// Run opens the store named by cfg, listens on cfg.Addr and serves until
// ctx ends, then drains.
func Run(ctx context.Context, cfg config.Config, log *slog.Logger) error {
	st, err := store.Open(cfg.Neo4j, log)
	if err != nil {
		return err
	}
	defer st.Close(context.WithoutCancel(ctx))
	if cfg.Tracing {
		shutdown, err := telemetry.Setup(ctx, version())
		if err != nil {
			return err
		}
		defer shutdown(context.WithoutCancel(ctx))
		log.Info("tracing: exporting spans over OTLP")
	}
	if cfg.GCPercent > 0 {
		debug.SetGCPercent(cfg.GCPercent)
	}
	if cfg.PprofAddr != "" {
		if _, err := servePprof(ctx, cfg.PprofAddr, log); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	return New(cfg, st, log).Serve(ctx, ln)
}

// Serve runs the HTTP server on ln until ctx ends, then stops accepting
// connections and lets in-flight requests finish within the shutdown
// timeout. Meanwhile it prepares the graph, retrying until Neo4j answers.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	prepCtx, cancelPrep := context.WithCancel(ctx)
	defer cancelPrep()
	go s.prepare(prepCtx)
	feedCtx, stopFeed := context.WithCancel(context.WithoutCancel(ctx))
	defer stopFeed()
	go s.feed.Run(feedCtx)

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	s.log.Info("newsgraph listening",
		slog.String("addr", ln.Addr().String()),
		slog.String("playground", "http://"+displayAddr(ln.Addr())+"/playground"),
		slog.String("neo4j", s.cfg.Neo4j.URI))

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.log.Info("shutting down", slog.Duration("timeout", s.cfg.ShutdownTimeout),
		slog.Int("subscriptions", s.feed.Subscriptions()))
	// Subscriptions complete and their connections close first: Shutdown
	// neither waits for nor closes hijacked (WebSocket) connections.
	s.feed.Close()
	stopFeed()
	shutCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	s.log.Info("stopped")
	return nil
}

// prepare creates the schema in Neo4j and seeds an empty graph, retrying
// until it succeeds, so the server can start before the database and catch
// up when it arrives.
func (s *Server) prepare(ctx context.Context) {
	wait := 500 * time.Millisecond
	for {
		err := s.store.EnsureSchema(ctx)
		if err == nil && s.cfg.Seed {
			err = s.seed(ctx)
		}
		if err == nil {
			s.prepared.Store(true)
			s.log.Info("neo4j ready")
			return
		}
		s.log.Warn("neo4j not ready; will retry", slog.String("error", err.Error()), slog.Duration("in", wait))
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
func (s *Server) seed(ctx context.Context) error {
	has, err := s.store.HasSources(ctx)
	if err != nil || has {
		return err
	}
	docs, err := seed.Parsed()
	if err != nil {
		return err
	}
	for _, doc := range docs {
		start := time.Now()
		d, _, err := ingest.Load(ctx, s.store, doc)
		if err != nil {
			return err
		}
		s.log.Info("seeded", slog.String("source", d.Source.ID),
			slog.Int("entities", len(d.Entities)), slog.Int("events", len(d.Events)),
			slog.Int("statements", len(d.Statements)), slog.Duration("took", time.Since(start)))
	}
	return nil
}

// NewLogger is the server's logger: text or JSON as configured, with the
// request's id on every record logged inside a request.
func NewLogger(cfg config.Config, w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: cfg.LogLevel}
	if cfg.LogJSON {
		return slog.New(requestIDHandler{slog.NewJSONHandler(w, opts)})
	}
	return slog.New(requestIDHandler{slog.NewTextHandler(w, opts)})
}

// displayAddr turns ":8080" into "localhost:8080" for the log line a person clicks.
func displayAddr(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return addr.String()
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}
