// Command eval measures the extractor: it drafts every gold report (the
// seed and the development set in internal/extract/testdata/gold), scores
// each draft against its gold document, and prints the table, then the
// seed's figures against their targets. `make eval` runs it.
package main

import (
	"flag"
	"fmt"
	"os"

	"newsgraph/internal/extract/eval"
	"newsgraph/seed"
)

func main() {
	dir := flag.String("gold", "internal/extract/testdata/gold", "directory of gold NAME.txt / NAME.json pairs")
	verbose := flag.Bool("v", false, "list, for each report, the statements and roles that did not match")
	flag.Parse()
	if err := run(*dir, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "eval:", err)
		os.Exit(1)
	}
}

func run(dir string, verbose bool) error {
	seeds, err := seed.Documents()
	if err != nil {
		return err
	}
	var golds []eval.Gold
	for _, d := range seeds {
		golds = append(golds, eval.Gold{Name: "seed: " + d.Source.ID, Doc: d})
	}
	dev, err := eval.LoadDir(dir)
	if err != nil {
		return err
	}
	golds = append(golds, dev...)
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
