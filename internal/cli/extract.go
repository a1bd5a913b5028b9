package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"
	"text/tabwriter"

	"newsgraph/internal/config"
	"newsgraph/internal/extract"
	"newsgraph/internal/kg"
	"newsgraph/internal/store"
	"newsgraph/seed"
)

// extractFlags are extract's own flags.
type extractFlags struct {
	id, title, publisher, url, published string
	report, offline                      bool
}

// extractCommand drafts a source document from a report's raw text and
// prints it, ready for `newsgraph ingest`. The people, nations and
// organisations already in the graph (or, with --offline, in the embedded
// seed) are recognised by name and keep their ids. With --report it also
// says, for every proposed fact, which rule proposed it and how sure it is:
// on stderr as a table, or with --json inside one JSON object on stdout.
var extractCommand = command{
	synopsis: "extract [--json] [--report] [--offline] --title T [--id ID] [--publisher P] [--url U] [--published DATE] FILE",
	argsOK:   func(n int) bool { return n == 1 },
	flags: func(fs *flag.FlagSet, o *options) {
		f := &o.extract
		fs.StringVar(&f.id, "id", "", "the source's id (source:<slug>); derived from publisher, date and title when empty")
		fs.StringVar(&f.title, "title", "", "the report's title (required)")
		fs.StringVar(&f.publisher, "publisher", "", "who published it, e.g. Reuters")
		fs.StringVar(&f.url, "url", "", "where it was published")
		fs.StringVar(&f.published, "published", "", "the publication date, YYYY-MM-DD; weekdays in the text are resolved against it")
		fs.BoolVar(&f.report, "report", false, "also print, for each proposed fact, its rule and confidence")
		fs.BoolVar(&f.offline, "offline", false, "recognise entities from the embedded seed instead of the configured Neo4j")
	},
	own: runExtract,
}

func runExtract(ctx context.Context, opts options, getenv func(string) string, stdout, stderr io.Writer) error {
	f := opts.extract
	fail := func(code int, err error) error {
		fmt.Fprintln(stderr, "newsgraph extract:", message(err))
		return &ExitError{code, err}
	}
	text, err := readText(opts.args[0])
	if err != nil {
		return fail(ExitInvalid, err)
	}
	in := extract.Input{Text: text, ID: f.id, Title: f.title, Publisher: f.publisher, URL: f.url, PublishedAt: kg.Date(f.published)}
	cat, err := catalogue(ctx, f.offline, getenv)
	if err != nil {
		return fail(exitCode(err), err)
	}
	d, err := extract.Extract(in, cat)
	if err != nil {
		return fail(exitCode(err), err)
	}
	if opts.json {
		out := map[string]any{"document": d.Document}
		if f.report {
			out["report"], out["unresolved"] = d.Report, d.Unresolved
		}
		return writeJSON(stdout, out)
	}
	if err := writeJSON(stdout, d.Document); err != nil {
		return err
	}
	if f.report {
		printReport(stderr, d)
	}
	return nil
}

// readText reads the report from a file, or from stdin for "-".
func readText(path string) (string, error) {
	var b []byte
	var err error
	if path == "-" {
		b, err = io.ReadAll(os.Stdin)
	} else {
		b, err = os.ReadFile(path)
	}
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// catalogue is what the graph knows, from Neo4j or the embedded seed.
func catalogue(ctx context.Context, offline bool, getenv func(string) string) (*extract.Catalogue, error) {
	if offline {
		docs, err := seed.Documents()
		if err != nil {
			return nil, err
		}
		return extract.CatalogueFrom(docs...), nil
	}
	cfg, err := config.Load(getenv)
	if err != nil {
		return nil, kg.InvalidInput("configuration", "%v", err)
	}
	st, err := store.Open(cfg.Neo4j, slog.New(slog.DiscardHandler))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", kg.ErrUnavailable, err)
	}
	defer st.Close(context.WithoutCancel(ctx))
	c, err := st.Catalogue(ctx)
	if err != nil {
		return nil, err
	}
	return extract.NewCatalogue(c), nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// printReport lists the proposed facts, least sure first, with what each
// says.
func printReport(w io.Writer, d *extract.Draft) {
	facts := append([]extract.Fact(nil), d.Report...)
	sort.SliceStable(facts, func(i, j int) bool { return facts[i].Confidence < facts[j].Confidence })
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "confidence\tfact\trule\tsays\tmatched in the graph")
	for _, f := range facts {
		fmt.Fprintf(tw, "%.2f\t%s\t%s\t%s\t%s\n", f.Confidence, f.Path, f.Rule, summary(d, f.Path), strings.Join(f.Matched, ", "))
	}
	tw.Flush()
}

// summary is one line about the fact at path.
func summary(d *extract.Draft, path string) string {
	var kind string
	var i int
	if _, err := fmt.Sscanf(strings.NewReplacer("[", " ", "]", "").Replace(path), "%s %d", &kind, &i); err != nil {
		return ""
	}
	clip := func(s string) string {
		if r := []rune(s); len(r) > 70 {
			return string(r[:70]) + "…"
		}
		return s
	}
	doc := d.Document
	switch kind {
	case "statements":
		s := doc.Statements[i]
		return fmt.Sprintf("%s by %s: %s", s.Kind, s.Speaker, clip(s.Text))
	case "unresolved":
		s := d.Unresolved[i]
		return fmt.Sprintf("%s, speaker unknown: %s", s.Kind, clip(s.Text))
	case "entities":
		return doc.Entities[i].ID
	case "roles":
		r := doc.Roles[i]
		return fmt.Sprintf("%s %s of %s", r.Person, r.Title, r.Of)
	case "events":
		return doc.Events[i].ID
	}
	return ""
}
