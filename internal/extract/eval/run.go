package eval

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"newsgraph/internal/extract"
	"newsgraph/internal/ingest"
	"newsgraph/internal/kg"
)

// Gold is one gold document: the report and its facts, validated.
type Gold struct {
	Name string
	// Set names the group it belongs to (seed, development, held-out),
	// which the table totals separately.
	Set string
	Doc *kg.SourceDocument
}

// LoadDir reads every NAME.json in dir as a gold document of set.
func LoadDir(dir, set string) ([]Gold, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var out []Gold
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		doc, err := ingest.Parse(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		valid, err := ingest.Validate(doc)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out = append(out, Gold{Name: strings.TrimSuffix(filepath.Base(p), ".json"), Set: set, Doc: valid})
	}
	return out, nil
}

// Row is one document's result.
type Row struct {
	Name    string
	Set     string
	Counts  Counts
	Elapsed time.Duration
	Bytes   int
	// Misses explains what did not match.
	Misses string
}

// Run drafts every gold report and scores it. The catalogue for each is
// built from all the other gold documents, never from the one scored: the
// extractor must find that report's people and roles in its text.
func Run(golds []Gold) ([]Row, error) {
	var rows []Row
	for i, g := range golds {
		var others []*kg.SourceDocument
		for j, o := range golds {
			if j != i {
				others = append(others, o.Doc)
			}
		}
		cat := extract.CatalogueFrom(others...)
		src := g.Doc.Source
		start := time.Now()
		d, err := extract.Extract(extract.Input{Text: src.Text, ID: src.ID, Title: src.Title, Publisher: src.Publisher, URL: src.URL, PublishedAt: src.PublishedAt}, cat)
		elapsed := time.Since(start)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", g.Name, err)
		}
		draft, err := ingest.Validate(d.Document)
		if err != nil {
			return nil, fmt.Errorf("%s: the draft is not valid: %w", g.Name, err)
		}
		var unresolved []kg.Evidence
		for _, u := range d.Unresolved {
			unresolved = append(unresolved, kg.Evidence{Start: *u.Evidence.Start, End: *u.Evidence.End})
		}
		var misses strings.Builder
		Explain(&misses, draft, g.Doc, unresolved)
		rows = append(rows, Row{Name: g.Name, Set: g.Set, Counts: Score(draft, g.Doc, unresolved), Elapsed: elapsed, Bytes: len(src.Text), Misses: misses.String()})
	}
	return rows, nil
}

// Total adds the rows up.
func Total(rows []Row) Counts {
	var c Counts
	for _, r := range rows {
		c.Add(r.Counts)
	}
	return c
}

// Print writes the table: one row per document and the micro-averaged
// total.
func Print(w io.Writer, rows []Row) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "document\tstmts\tP\tR\tF1\tQUOTE P\tQUOTE R\tPARA P\tPARA R\tspeaker\tabout F1\tdate\tent P\tent R\trole P\trole R\tunresolved\tms\t")
	line := func(name string, c Counts, ms float64) {
		m := c.Measures()
		fmt.Fprintf(tw, "%s\t%d/%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%d\t%.1f\t\n",
			name, c.Draft, c.Gold, m.Precision, m.Recall, m.F1, m.QuotePrecision, m.QuoteRecall, m.ParaPrecision, m.ParaRecall,
			m.SpeakerAccuracy, m.AboutF1, m.DateAccuracy, m.EntityPrecision, m.EntityRecall, m.RolePrecision, m.RoleRecall,
			c.Unresolved, ms)
	}
	var total time.Duration
	var sets []string
	bySet := map[string][]Row{}
	for _, r := range rows {
		line(r.Name, r.Counts, float64(r.Elapsed.Microseconds())/1000)
		total += r.Elapsed
		if bySet[r.Set] == nil {
			sets = append(sets, r.Set)
		}
		bySet[r.Set] = append(bySet[r.Set], r)
	}
	for _, set := range sets {
		if len(bySet[set]) > 1 {
			var ms time.Duration
			for _, r := range bySet[set] {
				ms += r.Elapsed
			}
			line(set+" (micro)", Total(bySet[set]), float64(ms.Microseconds())/1000)
		}
	}
	line("all (micro)", Total(rows), float64(total.Microseconds())/1000)
	tw.Flush()
}

// Targets are the figures the seed report must reach.
var Targets = []struct {
	Name  string
	Value func(Measures) float64
	Min   float64
}{
	{"QUOTE recall", func(m Measures) float64 { return m.QuoteRecall }, 0.95},
	{"speaker accuracy", func(m Measures) float64 { return m.SpeakerAccuracy }, 0.95},
	{"PARAPHRASE recall", func(m Measures) float64 { return m.ParaRecall }, 0.70},
	{"statement precision", func(m Measures) float64 { return m.Precision }, 0.85},
	{"role recall", func(m Measures) float64 { return m.RoleRecall }, 0.90},
}
