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
// Configuration comes from the environment; see internal/config and the
// README. The work is done in internal/server and internal/cli.
package main

//go:generate go tool gqlgen generate
//go:generate go run ./graph/execpatch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"newsgraph/internal/cli"
	"newsgraph/internal/config"
	"newsgraph/internal/server"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		var exit *cli.ExitError
		if errors.As(err, &exit) {
			os.Exit(exit.Code)
		}
		fmt.Fprintln(os.Stderr, "newsgraph:", err)
		os.Exit(1)
	}
}

// run is main without the process: it parses the command, loads the
// configuration and hands off. Serving returns when ctx is cancelled (by
// SIGINT or SIGTERM) and the server has drained.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] != "serve" {
		return cli.Run(ctx, args[0], args[1:], getenv, stdout, stderr)
	}
	cfg, err := config.Load(getenv)
	if err != nil {
		return err
	}
	return server.Run(ctx, cfg, server.NewLogger(cfg, stderr))
}
