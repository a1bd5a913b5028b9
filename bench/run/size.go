package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// graphSize counts the statements and sources in the graph (Neo4j's count
// store answers both without reading them).
func graphSize(ctx context.Context, driver neo4j.DriverWithContext, db string) (statements, sources int) {
	res, err := neo4j.ExecuteQuery(ctx, driver,
		"CALL () { MATCH (st:Statement) RETURN count(st) AS statements } CALL () { MATCH (s:Source) RETURN count(s) AS sources } RETURN statements, sources",
		nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		fatalf("counting the graph: %v", err)
	}
	st, _, err1 := neo4j.GetRecordValue[int64](res.Records[0], "statements")
	so, _, err2 := neo4j.GetRecordValue[int64](res.Records[0], "sources")
	if err1 != nil || err2 != nil {
		fatalf("counting the graph: %v, %v", err1, err2)
	}
	return int(st), int(so)
}

// grouped prints a count with thousands separators: 1,000,000.
func grouped(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// short names a graph's size in a column heading: 20k, 200k, 1M.
func short(n int) string {
	switch {
	case n >= 1_000_000 && n%1_000_000 == 0:
		return fmt.Sprintf("%dM", n/1_000_000)
	case n >= 1_000 && n%1_000 == 0:
		return fmt.Sprintf("%dk", n/1_000)
	}
	return grouped(n)
}
