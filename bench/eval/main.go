// Command eval measures the extractor: it drafts every gold report (the
// seed, the development set in internal/extract/testdata/gold and the
// held-out set in internal/extract/testdata/heldout), scores each draft
// against its gold document, and prints the table with totals per set,
// then the seed's figures against their targets. `make eval` runs it.
package main

import (
	"flag"
	"fmt"
	"os"

	"newsgraph/internal/extract/eval"
	"newsgraph/seed"
)

func main() {
	dir := flag.String("gold", "internal/extract/testdata/gold", "directory of the development set's NAME.txt / NAME.json pairs")
	heldout := flag.String("heldout", "internal/extract/testdata/heldout", "directory of the late set: reports written after the rules, scored once unseen (see EVALUATION.md)")
	verbose := flag.Bool("v", false, "list, for each report, the statements and roles that did not match")
	flag.Parse()
	if err := run(*dir, *heldout, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "eval:", err)
		os.Exit(1)
	}
}

func run(dir, heldout string, verbose bool) error {
	seeds, err := seed.Documents()
	if err != nil {
		return err
	}
	var golds []eval.Gold
	for _, d := range seeds {
		golds = append(golds, eval.Gold{Name: "seed: " + d.Source.ID, Set: "seed", Doc: d})
	}
	dev, err := eval.LoadDir(dir, "development")
	if err != nil {
		return err
	}
	golds = append(golds, dev...)
	held, err := eval.LoadDir(heldout, "late set")
	if err != nil {
		return err
	}
	golds = append(golds, held...)
	rows, err := eval.Run(golds)
	if err != nil {
		return err
	}
	eval.Print(os.Stdout, rows)
	fmt.Println()
	if verbose {
		for _, r := range rows {
			fmt.Printf("%s\n%s\n", r.Name, r.Misses)
		}
	}
	m := rows[0].Counts.Measures()
	failed := false
	fmt.Println("seed targets:")
	for _, t := range eval.Targets {
		v := t.Value(m)
		mark := "ok"
		if v < t.Min {
			mark, failed = "BELOW TARGET", true
		}
		fmt.Printf("  %-20s %.2f (target >= %.2f) %s\n", t.Name, v, t.Min, mark)
	}
	if failed {
		os.Exit(2)
	}
	return nil
}
