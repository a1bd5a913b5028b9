package cli

import (
	"context"
	"os"

	"newsgraph/internal/ingest"
	"newsgraph/internal/kg"
	"newsgraph/internal/store"
)

// ingestCommand loads source documents, each through the same validation
// and loading as the ingestSource mutation. Each file stands alone: a bad
// one is reported and skipped, and the worst outcome sets the exit code.
var ingestCommand = command{
	synopsis: "ingest [--json] FILE…",
	argsOK:   func(n int) bool { return n > 0 },
	run: func(ctx context.Context, st *store.Store, files []string) ([]result, int) {
		var results []result
		code := ExitOK
		for _, file := range files {
			res, c := ingestFile(ctx, st, file)
			results = append(results, res)
			code = max(code, c)
		}
		return results, code
	},
}

func ingestFile(ctx context.Context, st *store.Store, file string) (result, int) {
	res := result{File: file}
	f, err := os.Open(file)
	if err != nil {
		res.Error = err.Error()
		return res, ExitInvalid
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
