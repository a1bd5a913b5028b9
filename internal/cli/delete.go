package cli

import (
	"context"

	"newsgraph/internal/kg"
	"newsgraph/internal/store"
)

// deleteCommand removes one source and every fact only it supports, as the
// deleteSource mutation does.
var deleteCommand = command{
	synopsis: "delete [--json] SOURCE_ID",
	argsOK:   func(n int) bool { return n == 1 },
	run: func(ctx context.Context, st *store.Store, ids []string) ([]result, int) {
		res, code := deleteSource(ctx, st, ids[0])
		return []result{res}, code
	},
}

func deleteSource(ctx context.Context, st *store.Store, id string) (result, int) {
	res := result{Source: id}
	kind, _, err := kg.ParseID("id", id)
	if err == nil && kind != kg.KindSource {
		err = kg.InvalidInput("id", "%q is not a source id (source:<slug>)", id)
	}
	if err == nil {
		res.Counts, err = st.DeleteSource(ctx, id)
	}
	return finish(res, err)
}
