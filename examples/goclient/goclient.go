// Package goclient is an example of calling newsgraph from Go with typed
// operations: genqlient generates generated.go from operations.graphql and
// the server's schema, so a schema change that breaks the query fails at
// `go generate`, and a field used wrongly fails to compile.
//
//	client := graphql.NewClient("http://localhost:8080/graphql", http.DefaultClient)
//	all, err := goclient.AllSaidAbout(ctx, client, "person:mark-rutte", "person:vladimir-putin")
//
// cmd/said-about is the same as a command.
package goclient

//go:generate go tool genqlient

import (
	"context"

	"github.com/Khan/genqlient/graphql"
)

// Statement is one statement of SaidAbout's answer.
type Statement = SaidAboutStatementsStatementConnectionNodesStatement

// AllSaidAbout follows SaidAbout's pages to the end: everything speaker
// said about about, newest first.
func AllSaidAbout(ctx context.Context, client graphql.Client, speaker, about string) ([]Statement, error) {
	var out []Statement
	var after *string
	first := 100 // the most a page may hold
	for {
		resp, err := SaidAbout(ctx, client, speaker, about, &first, after)
		if err != nil {
			return nil, err
		}
		page := resp.Statements
		out = append(out, page.Nodes...)
		if !page.PageInfo.HasNextPage || page.PageInfo.EndCursor == nil {
			return out, nil
		}
		after = page.PageInfo.EndCursor
	}
}
