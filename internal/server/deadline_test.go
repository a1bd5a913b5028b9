package server

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"newsgraph/internal/config"
	"newsgraph/internal/ingest"
)

// A path query slower than the request's deadline is stopped, in Neo4j
// too: the caller hears so, and the transaction is gone from SHOW
// TRANSACTIONS.
func TestDeadlineStopsTheQueryInNeo4j(t *testing.T) {
	s := newTestServer(t, func(c *config.Config) { c.RequestTimeout = 5 * time.Millisecond })
	// A dense cluster: 40 people each said something about each of 40
	// nations, so two people are joined by hundreds of shortest paths.
	var text strings.Builder
	doc := &ingest.Document{}
	for p := 0; p < 40; p++ {
		doc.Entities = append(doc.Entities, ingest.EntityInput{ID: fmt.Sprintf("person:dense-p%d", p), Kind: "PERSON", Name: fmt.Sprintf("Dense P%d", p)})
		doc.Entities = append(doc.Entities, ingest.EntityInput{ID: fmt.Sprintf("nation:dense-n%d", p), Kind: "NATION", Name: fmt.Sprintf("Dense N%d", p)})
	}
	for p := 0; p < 40; p++ {
		for n := 0; n < 40; n++ {
			line := fmt.Sprintf("P%d spoke of N%d.", p, n)
			text.WriteString(line + "\n")
			q := line
			doc.Statements = append(doc.Statements, ingest.StatementInput{Kind: "PARAPHRASE", Speaker: fmt.Sprintf("person:dense-p%d", p),
				Text: line, About: []string{fmt.Sprintf("nation:dense-n%d", n)}, Evidence: &ingest.EvidenceInput{Quote: &q}})
		}
	}
	doc.Source = ingest.SourceInput{ID: "source:dense", Title: "Dense", Text: text.String()}
	if _, _, err := ingest.Load(context.Background(), s.store, doc); err != nil {
		t.Fatal(err)
	}

	start := time.Now()
	e := s.post(t, `{ paths(from: "person:dense-p0", to: "person:dense-p1", maxHops: 6, first: 100) { length nodes { id ... on Statement { text speaker { name } } } } }`, nil).onlyError(t)
	took := time.Since(start)
	if e.Extensions["code"] != "UNAVAILABLE" || !strings.Contains(e.Message, "took too long") {
		t.Fatalf("slow path query: %+v", e)
	}
	if took > 2*time.Second {
		t.Errorf("the stopped query answered after %s", took)
	}
	deadline := time.Now().Add(3 * time.Second)
	for {
		running, err := s.store.RunningQueries(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		still := false
		for _, q := range running {
			still = still || strings.Contains(q, "allShortestPaths")
		}
		if !still {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the path query is still running in Neo4j 3s after its deadline: %q", running)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
