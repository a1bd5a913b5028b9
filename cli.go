package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"newsgraph/internal/config"
	"newsgraph/internal/ingest"
	"newsgraph/internal/kg"
	"newsgraph/internal/store"
)

// Exit codes of the CLI subcommands.
const (
	exitOK          = 0
	exitInvalid     = 1 // the input is wrong: fix the document or the id
	exitUnavailable = 2 // Neo4j could not be reached: try again later
)

// exitError carries a subcommand's exit code to main.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

// cliResult is what one file or id came to, in --json output.
type cliResult struct {
	File     string           `json:"file,omitempty"`
	Source   string           `json:"source,omitempty"`
	OK       bool             `json:"ok"`
	Counts   []kg.KindReport  `json:"counts,omitempty"`
	Problems []ingest.Problem `json:"problems,omitempty"`
	Error    string           `json:"error,omitempty"`
}

// runCLI runs `newsgraph ingest [--json] FILE…` or `newsgraph delete
// [--json] SOURCE_ID` through the same validation and loading as the
// mutation.
func runCLI(ctx context.Context, cmd string, args []string, cfg config.Config, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print results as JSON")
	fs.Usage = func() {
		if cmd == "ingest" {
			fmt.Fprintln(stderr, "usage: newsgraph ingest [--json] FILE…")
		} else {
			fmt.Fprintln(stderr, "usage: newsgraph delete [--json] SOURCE_ID")
		}
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return &exitError{exitInvalid, err}
	}
	if fs.NArg() == 0 || (cmd == "delete" && fs.NArg() != 1) {
		fs.Usage()
		return &exitError{exitInvalid, fmt.Errorf("%s: wrong arguments", cmd)}
	}

	st, err := store.Open(cfg.Neo4j, newLogger(cfg, io.Discard))
	if err != nil {
		return &exitError{exitUnavailable, err}
	}
	defer st.Close(context.WithoutCancel(ctx))
	if err := st.EnsureSchema(ctx); err != nil {
		return report(stdout, *asJSON, []cliResult{{OK: false, Error: publicCLIError(err)}}, exitCode(err))
	}

	var results []cliResult
	code := exitOK
	if cmd == "delete" {
		res, c := deleteOne(ctx, st, fs.Arg(0))
		results, code = append(results, res), c
	} else {
		for _, file := range fs.Args() {
			res, c := ingestFile(ctx, st, file)
			results = append(results, res)
			code = max(code, c)
		}
	}
	return report(stdout, *asJSON, results, code)
}

func ingestFile(ctx context.Context, st *store.Store, file string) (cliResult, int) {
	res := cliResult{File: file}
	f, err := os.Open(file)
	if err != nil {
		res.Error = err.Error()
		return res, exitInvalid
	}
	defer f.Close()
	doc, err := ingest.Parse(f)
	if err == nil {
		res.Source = doc.Source.ID
		var rep kg.LoadReport
		_, rep, err = ingest.Load(ctx, st, doc)
		res.Counts = rep
	}
	return finish(res, err)
}

func deleteOne(ctx context.Context, st *store.Store, id string) (cliResult, int) {
	res := cliResult{Source: id}
	kind, _, err := kg.ParseID("id", id)
	if err == nil && kind != kg.KindSource {
		err = kg.InvalidInput("id", "%q is not a source id (source:<slug>)", id)
	}
	if err == nil {
		res.Counts, err = st.DeleteSource(ctx, id)
	}
	return finish(res, err)
}

func finish(res cliResult, err error) (cliResult, int) {
	if err == nil {
		res.OK = true
		return res, exitOK
	}
	var inv *ingest.InvalidError
	if errors.As(err, &inv) {
		res.Problems = inv.Problems
	} else {
		res.Error = publicCLIError(err)
	}
	return res, exitCode(err)
}

// exitCode maps an error to the CLI's exit codes.
func exitCode(err error) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, kg.ErrUnavailable):
		return exitUnavailable
	case errors.Is(err, kg.ErrInvalidInput), errors.Is(err, kg.ErrNotFound), errors.Is(err, os.ErrNotExist):
		return exitInvalid
	}
	return exitUnavailable
}

// publicCLIError words an error for the person at the terminal: the
// caller-facing message where there is one.
func publicCLIError(err error) string {
	var kerr *kg.Error
	switch {
	case errors.As(err, &kerr):
		return kerr.Error()
	case errors.Is(err, kg.ErrUnavailable):
		return "Neo4j is unavailable: " + err.Error()
	}
	return err.Error()
}

func report(w io.Writer, asJSON bool, results []cliResult, code int) error {
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if err := enc.Encode(results); err != nil {
			return err
		}
	} else {
		for _, r := range results {
			fmt.Fprintln(w, human(r))
		}
	}
	if code != exitOK {
		return &exitError{code, errors.New("failed")}
	}
	return nil
}

func human(r cliResult) string {
	var b strings.Builder
	name := r.Source
	if r.File != "" {
		name = r.File
		if r.Source != "" {
			name += " (" + r.Source + ")"
		}
	}
	switch {
	case r.OK:
		fmt.Fprintf(&b, "%s: ok", name)
		for _, c := range r.Counts {
			if c.Created+c.Updated+c.Unchanged+c.Deleted == 0 {
				continue
			}
			fmt.Fprintf(&b, "\n  %-15s %d created, %d updated, %d unchanged, %d deleted", c.Kind, c.Created, c.Updated, c.Unchanged, c.Deleted)
		}
	case len(r.Problems) > 0:
		fmt.Fprintf(&b, "%s: invalid, nothing written: %d problem(s)", name, len(r.Problems))
		for _, p := range r.Problems {
			fmt.Fprintf(&b, "\n  %s", p)
		}
	default:
		fmt.Fprintf(&b, "%s: %s", name, r.Error)
	}
	return b.String()
}
