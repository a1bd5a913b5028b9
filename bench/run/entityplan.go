package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// entityOrderQuery lists the most quoted entities, the ordering that must
// not read statements: the counts are kept on the entities at ingest.
const entityOrderQuery = `query($after: String) { entities(orderBy: MOST_QUOTED, first: 20, after: $after) { edges { cursor node { id quotedCount } } } }`

// planResult is the PROFILEd plan of one page of entities by MOST_QUOTED.
type planResult struct {
	Page      int      `json:"page"`
	DBHits    int64    `json:"db_hits"`
	Operators []string `json:"operators"` // the plan, one operator a line, indented by depth
	// Statements names the operators that read Statement nodes; the run
	// fails when there are any.
	Statements []string `json:"statements,omitempty"`
}

// entityOrderPlans PROFILEs the Cypher newsgraph sends for the first two
// pages of entities(orderBy: MOST_QUOTED), as its debug log shows it, and
// fails the run if any operator touches a Statement: sorting by how often
// an entity is quoted must read the entities' stored counts, not count
// statements.
func entityOrderPlans(ctx context.Context, driver neo4j.DriverWithContext, db, bin string) []planResult {
	logs := &lineBuffer{}
	debug := startNewsgraph(bin, logs)
	defer debug.stop()
	var out []planResult
	var after any
	for page := 1; page <= 2; page++ {
		logs.take()
		body, _, err := do(graphQLTarget(debug.url, entityOrderQuery, map[string]any{"after": after}))
		if err != nil {
			fatalf("entity order plan: %v", err)
		}
		var ans struct {
			Data struct {
				Entities struct {
					Edges []struct{ Cursor string }
				}
			}
		}
		if err := json.Unmarshal(body, &ans); err != nil || len(ans.Data.Entities.Edges) == 0 {
			fatalf("entity order plan: no entities in %.300s", body)
		}
		after = ans.Data.Entities.Edges[len(ans.Data.Entities.Edges)-1].Cursor
		time.Sleep(100 * time.Millisecond) // let the log lines arrive
		calls := cypherFromLog(logs.take())
		if len(calls) != 1 {
			fatalf("entity order plan: page %d took %d Cypher queries, want 1", page, len(calls))
		}
		res, err := neo4j.ExecuteQuery(ctx, driver, "PROFILE "+calls[0].cypher, calls[0].params, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(db), neo4j.ExecuteQueryWithReadersRouting())
		if err != nil {
			fatalf("entity order plan: %v", err)
		}
		r := planResult{Page: page}
		walkPlan(res.Summary.Profile(), 0, &r)
		log.Printf("newsgraph entities by MOST_QUOTED, page %d: %d db hits, %d operators reading statements", page, r.DBHits, len(r.Statements))
		if len(r.Statements) > 0 {
			fatalf("entity order plan: page %d reads statements:\n%s", page, strings.Join(r.Operators, "\n"))
		}
		out = append(out, r)
	}
	return out
}

// walkPlan adds p and its children to r, depth first.
func walkPlan(p neo4j.ProfiledPlan, depth int, r *planResult) {
	if p == nil {
		return
	}
	details, _ := p.Arguments()["Details"].(string)
	line := fmt.Sprintf("%s%s %s (rows %d, db hits %d)", strings.Repeat("  ", depth), p.Operator(), details, p.Records(), p.DbHits())
	r.Operators = append(r.Operators, line)
	r.DBHits += p.DbHits()
	if strings.Contains(details, ":Statement") || strings.Contains(details, ":SAID") || strings.Contains(details, ":ABOUT") {
		r.Statements = append(r.Statements, line)
	}
	for _, c := range p.Children() {
		walkPlan(c, depth+1, r)
	}
}
