// Package cli runs newsgraph's subcommands other than serving: one file per
// subcommand (ingest, import, delete, extract). They draft, load and remove source
// documents through the same extraction, validation and store code as the
// GraphQL mutations, and speak to a person at a terminal or, with --json,
// to a script.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"

	"newsgraph/internal/config"
	"newsgraph/internal/errcode"
	"newsgraph/internal/ingest"
	"newsgraph/internal/kg"
	"newsgraph/internal/store"
)

// Exit codes of the subcommands.
const (
	ExitOK          = 0
	ExitInvalid     = 1 // the input is wrong: fix the document, the id or the arguments
	ExitUnavailable = 2 // Neo4j could not be reached: try again later
)

// ExitError carries a subcommand's exit code to main.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string { return e.Err.Error() }

func (e *ExitError) Unwrap() error { return e.Err }

// command is one subcommand.
type command struct {
	// synopsis is the command line, as usage shows it.
	synopsis string
	// argsOK checks the number of positional arguments.
	argsOK func(n int) bool
	// flags adds the command's own flags, beyond --json, to opts.
	flags func(fs *flag.FlagSet, opts *options)
	// run does the work with the store, one result per argument, and the
	// worst exit code among them.
	run func(ctx context.Context, st *store.Store, args []string) ([]result, int)
	// own, when set, runs the command instead of run: for commands that
	// print something other than results, or may not need Neo4j.
	own func(ctx context.Context, opts options, getenv func(string) string, stdout, stderr io.Writer) error
}

// commands are the subcommands by name. extract is added in extract.go,
// which refers back to this table's helpers.
var commands = map[string]command{
	"ingest": ingestCommand,
	"import": importCommand,
	"delete": deleteCommand,
}

func init() { commands["extract"] = extractCommand }

// Usage is the whole program's usage line.
func Usage() string {
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	parts := []string{"serve"}
	for _, name := range names {
		parts = append(parts, commands[name].synopsis)
	}
	return "usage: newsgraph [" + strings.Join(parts, " | ") + "]"
}

// options are a subcommand's parsed command line.
type options struct {
	json bool
	args []string
	// extract's and import's own flags.
	extract extractFlags
	imp     importFlags
}

// parse reads a subcommand's flags and arguments; a mistake is an
// ExitInvalid error, with the subcommand's usage printed to stderr.
func parse(name string, args []string, stderr io.Writer) (command, options, error) {
	cmd, ok := commands[name]
	if !ok {
		return cmd, options{}, fmt.Errorf("unknown command %q; %s", name, Usage())
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts options
	fs.BoolVar(&opts.json, "json", false, "print results as JSON")
	if cmd.flags != nil {
		cmd.flags(fs, &opts)
	}
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newsgraph "+cmd.synopsis)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return cmd, options{}, &ExitError{ExitInvalid, err}
	}
	if !cmd.argsOK(fs.NArg()) {
		fs.Usage()
		return cmd, options{}, &ExitError{ExitInvalid, fmt.Errorf("%s: wrong arguments", name)}
	}
	opts.args = fs.Args()
	return cmd, opts, nil
}

// Run runs the subcommand name with its arguments, configured from
// getenv. It returns an *ExitError when the command fails, and a plain
// error for an unknown command.
func Run(ctx context.Context, name string, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cmd, opts, err := parse(name, args, stderr)
	if err != nil {
		return err
	}
	if cmd.own != nil {
		return cmd.own(ctx, opts, getenv, stdout, stderr)
	}
	cfg, err := config.Load(getenv)
	if err != nil {
		fmt.Fprintln(stderr, "newsgraph:", err)
		return &ExitError{ExitInvalid, err}
	}
	st, err := store.Open(cfg.Neo4j, slog.New(slog.DiscardHandler))
	if err != nil {
		return &ExitError{ExitUnavailable, err}
	}
	defer st.Close(context.WithoutCancel(ctx))
	if err := st.EnsureSchema(ctx); err != nil {
		return report(stdout, opts.json, []result{{OK: false, Error: message(err)}}, exitCode(err))
	}
	results, code := cmd.run(ctx, st, opts.args)
	return report(stdout, opts.json, results, code)
}

// result is what one file or id came to, in --json output.
type result struct {
	File     string           `json:"file,omitempty"`
	Source   string           `json:"source,omitempty"`
	OK       bool             `json:"ok"`
	Counts   []kg.KindReport  `json:"counts,omitempty"`
	Problems []ingest.Problem `json:"problems,omitempty"`
	Error    string           `json:"error,omitempty"`
}

// finish records err, if any, in res and gives its exit code.
func finish(res result, err error) (result, int) {
	if err == nil {
		res.OK = true
		return res, ExitOK
	}
	if p, _ := errcode.Of(err); p.Problems != nil {
		res.Problems = p.Problems
	} else {
		res.Error = message(err)
	}
	return res, exitCode(err)
}

// exitCode maps an error to the exit codes: the input's fault, or
// Neo4j's (anything unexpected included, since trying again may help).
func exitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	if errors.Is(err, os.ErrNotExist) {
		return ExitInvalid
	}
	switch p, _ := errcode.Of(err); p.Code {
	case errcode.BadUserInput, errcode.NotFound, errcode.Unauthenticated:
		return ExitInvalid
	}
	return ExitUnavailable
}

// message words an error for the person at the terminal: the public
// message where the error has one written for a caller; otherwise its
// whole text, since the operator running the command may see internals.
func message(err error) string {
	p, _ := errcode.Of(err)
	switch {
	case errcode.Written(err):
		return p.Message
	case p.Code == errcode.Unavailable:
		return "Neo4j is unavailable: " + err.Error()
	}
	return err.Error()
}

func report(w io.Writer, asJSON bool, results []result, code int) error {
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
	if code != ExitOK {
		return &ExitError{code, errors.New("failed")}
	}
	return nil
}

func human(r result) string {
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
