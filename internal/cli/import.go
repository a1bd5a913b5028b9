package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"newsgraph/internal/config"
	"newsgraph/internal/ingest"
	"newsgraph/internal/kg"
	"newsgraph/internal/store"
)

// importFlags are import's own flags.
type importFlags struct {
	csv     string
	csvOnly bool
}

// importCommand is the first load of a new database: every document is
// validated as `newsgraph ingest` would, in order (a document may refer to
// what an earlier one declares), and, only if all are valid, the graph
// that loading them one by one would leave is written as CSV files and
// built by Neo4j's offline importer (neo4j-admin database import full),
// which needs Neo4j stopped and the database new. The first start of
// newsgraph afterwards completes the graph and builds its indexes.
var importCommand = command{
	synopsis: "import [--json] [--csv DIR] [--csv-only] FILE|DIR…",
	argsOK:   func(n int) bool { return n > 0 },
	flags: func(fs *flag.FlagSet, o *options) {
		fs.StringVar(&o.imp.csv, "csv", "", "write the CSV files here and keep them (a new or empty directory); default a temporary directory, removed afterwards")
		fs.BoolVar(&o.imp.csvOnly, "csv-only", false, "write the CSV files and print the neo4j-admin command instead of running it (for a Neo4j in Docker); needs --csv")
	},
	own: runImport,
}

func runImport(ctx context.Context, opts options, getenv func(string) string, stdout, stderr io.Writer) error {
	f := opts.imp
	fail := func(code int, err error) error {
		fmt.Fprintln(stderr, "newsgraph import:", message(err))
		return &ExitError{code, err}
	}
	if f.csvOnly && f.csv == "" {
		return fail(ExitInvalid, errors.New("--csv-only needs --csv DIR: the files must outlive the command"))
	}
	cfg, err := config.Load(getenv)
	if err != nil {
		return fail(ExitInvalid, err)
	}
	files, err := documentFiles(opts.args)
	if err != nil {
		return fail(ExitInvalid, err)
	}
	started := time.Now()

	dir := f.csv
	if dir == "" {
		if dir, err = os.MkdirTemp("", "newsgraph-import-"); err != nil {
			return fail(ExitUnavailable, err)
		}
		defer os.RemoveAll(dir)
	}
	w, err := store.NewImportWriter(dir)
	if err != nil {
		return fail(exitCode(err), err)
	}
	// One pass: files are parsed ahead by parallel workers, then
	// validated in order (each against the documents before it) and
	// written. After the first bad document the rest are still validated,
	// so that every problem is reported, but no longer written, and the
	// files are removed: one bad document fails the import, since a
	// database built without it is not the one asked for.
	fl := ingest.NewFirstLoad()
	var results []result
	seen := map[string]string{}
	for p := range parseFiles(files, runtime.GOMAXPROCS(0)) {
		res, valid := validateParsed(ctx, fl, p, seen)
		if valid == nil {
			results = append(results, res)
			continue
		}
		if len(results) > 0 {
			continue
		}
		if err := w.AddDocument(valid); err != nil {
			res, _ = finish(res, err)
			results = append(results, res)
		}
	}
	if len(results) > 0 {
		w.Abort()
		if f.csv != "" {
			w.Remove()
		}
		fmt.Fprintf(stderr, "newsgraph import: %d of %d documents are invalid; nothing was written\n", len(results), len(files))
		return report(stdout, opts.json, results, ExitInvalid)
	}
	sum, err := w.Close()
	if err != nil {
		return fail(exitCode(err), err)
	}
	validated := time.Since(started)

	database := cfg.Neo4j.Database
	if database == "" {
		database = "neo4j"
	}
	args := adminArgs(sum, dir, database)
	if f.csvOnly {
		fmt.Fprintf(stdout, "wrote %d sources and %d statements as CSV in %s (%s)\nbuild the database with Neo4j stopped:\n  neo4j-admin %s\n",
			sum.Sources, sum.Statements, dir, validated.Round(time.Millisecond), strings.Join(args, " "))
		return nil
	}
	cmd := exec.CommandContext(ctx, cfg.Neo4j.Admin, args...)
	cmd.Stdout, cmd.Stderr = stderr, stderr
	if err := cmd.Run(); err != nil {
		return fail(ExitUnavailable, fmt.Errorf("%s database import: %w (the database must be new and Neo4j stopped; the importer's report is above)", cfg.Neo4j.Admin, err))
	}
	took := time.Since(started)
	fmt.Fprintf(stdout, "imported %d sources, %d statements, %d entities, %d events, %d topics in %s (%.0f statements/s; validation and CSV %s)\n"+
		"start Neo4j, then newsgraph: its first start completes the graph and builds the indexes\n",
		sum.Sources, sum.Statements, sum.Entities, sum.Events, sum.Topics, took.Round(time.Millisecond),
		float64(sum.Statements)/took.Seconds(), validated.Round(time.Millisecond))
	return nil
}

// parsed is one file read and parsed.
type parsed struct {
	file string
	doc  *ingest.Document
	err  error
}

// parseFiles parses files with workers goroutines and yields them in
// order, a bounded window ahead of the reader.
func parseFiles(files []string, workers int) <-chan parsed {
	out := make(chan parsed, 4*workers)
	slots := make(chan chan parsed, 4*workers)
	go func() {
		defer close(slots)
		sem := make(chan struct{}, workers)
		for _, file := range files {
			slot := make(chan parsed, 1)
			slots <- slot
			sem <- struct{}{}
			go func() {
				defer func() { <-sem }()
				p := parsed{file: file}
				fh, err := os.Open(file)
				if err != nil {
					p.err = err
				} else {
					p.doc, p.err = ingest.Parse(fh)
					fh.Close()
				}
				slot <- p
			}()
		}
	}()
	go func() {
		defer close(out)
		for slot := range slots {
			out <- <-slot
		}
	}()
	return out
}

// validateParsed validates one parsed file against the documents before
// it; seen maps source ids to the file that brought them. The document is
// nil when the file is bad, and the result says why.
func validateParsed(ctx context.Context, fl *ingest.FirstLoad, p parsed, seen map[string]string) (result, *kg.SourceDocument) {
	res := result{File: p.file}
	if p.err != nil {
		res, _ = finish(res, p.err)
		return res, nil
	}
	res.Source = p.doc.Source.ID
	if other, dup := seen[p.doc.Source.ID]; dup {
		res.Error = fmt.Sprintf("source %s is also in %s; an import loads each source once", p.doc.Source.ID, other)
		return res, nil
	}
	v, err := fl.Validate(ctx, p.doc)
	if err != nil {
		res, _ = finish(res, err)
		return res, nil
	}
	seen[p.doc.Source.ID] = p.file
	return res, v
}

// documentFiles expands the arguments: a directory stands for its .json
// files in name order.
func documentFiles(args []string) ([]string, error) {
	var files []string
	for _, a := range args {
		info, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			files = append(files, a)
			continue
		}
		matches, err := filepath.Glob(filepath.Join(a, "*.json"))
		if err != nil {
			return nil, err
		}
		if len(matches) == 0 {
			return nil, fmt.Errorf("%s holds no .json documents", a)
		}
		slices.Sort(matches)
		files = append(files, matches...)
	}
	return files, nil
}

// adminArgs are neo4j-admin's arguments for the files: string ids in one
// id space per label, fields that span lines (source texts), the list
// delimiter the files use, and a read buffer large enough for the largest
// source text (ingest.MaxTextRunes characters of up to 4 bytes, quotes
// doubled).
func adminArgs(sum store.ImportSummary, dir, database string) []string {
	// The database comes first: --nodes and --relationships take every
	// argument after them that is not an option.
	args := []string{"database", "import", "full", database,
		"--id-type=string", "--multiline-fields=true", "--array-delimiter=U+001F", "--read-buffer-size=16m",
		"--report-file=" + filepath.Join(dir, "import.report")}
	for _, n := range sum.Nodes {
		args = append(args, "--nodes="+n)
	}
	for _, r := range sum.Relationships {
		args = append(args, "--relationships="+r)
	}
	return args
}
