// Command newsgraph serves a Neo4j knowledge graph of the news over GraphQL:
// who said what about whom, each answer traced to the sentence in its source.
//
// Usage:
//
//	newsgraph                          serve on $ADDR (default :8080)
//	newsgraph ingest [--json] FILE…    load source documents
//	newsgraph delete [--json] SOURCE_ID
//
// ingest and delete exit 0 on success, 1 for invalid input and 2 when
// Neo4j is unavailable.
//
// Configuration comes from the environment; see internal/config and the README.
package main

//go:generate go tool gqlgen generate

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"newsgraph/internal/config"
	"newsgraph/internal/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		var exit *exitError
		if errors.As(err, &exit) {
			os.Exit(exit.code)
		}
		fmt.Fprintln(os.Stderr, "newsgraph:", err)
		os.Exit(1)
	}
}

// run is main without the process: it returns when ctx is cancelled (by
// SIGINT or SIGTERM) and the server has drained.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cmd := "serve"
	if len(args) > 0 {
		cmd, args = args[0], args[1:]
	}
	if cmd != "serve" && cmd != "ingest" && cmd != "delete" {
		return fmt.Errorf("unknown command %q; usage: newsgraph [serve | ingest [--json] FILE… | delete [--json] SOURCE_ID]", cmd)
	}
	cfg, err := config.Load(getenv)
	if err != nil {
		if cmd != "serve" {
			fmt.Fprintln(stderr, "newsgraph:", err)
			return &exitError{exitInvalid, err}
		}
		return err
	}
	if cmd != "serve" {
		return runCLI(ctx, cmd, args, cfg, stdout, stderr)
	}
	log := newLogger(cfg, stderr)

	st, err := store.Open(cfg.Neo4j, log)
	if err != nil {
		return err
	}
	defer st.Close(context.WithoutCancel(ctx))

	a := newApp(cfg, st, log)
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	return a.serve(ctx, ln)
}

// serve runs the HTTP server on ln until ctx ends, then stops accepting
// connections and lets in-flight requests finish within the shutdown timeout.
func (a *app) serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           a.handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(a.log.Handler(), slog.LevelWarn),
	}
	prepCtx, cancelPrep := context.WithCancel(ctx)
	defer cancelPrep()
	go a.prepare(prepCtx)

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	a.log.Info("newsgraph listening",
		slog.String("addr", ln.Addr().String()),
		slog.String("playground", "http://"+displayAddr(ln.Addr())+"/playground"),
		slog.String("neo4j", a.cfg.Neo4j.URI))

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	a.log.Info("shutting down", slog.Duration("timeout", a.cfg.ShutdownTimeout))
	shutCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), a.cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	a.log.Info("stopped")
	return nil
}

func newLogger(cfg config.Config, w io.Writer) *slog.Logger {
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
