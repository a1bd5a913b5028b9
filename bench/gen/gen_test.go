package main

import (
	"encoding/json"
	"testing"

	"newsgraph/internal/ingest"
)

// Generated documents are valid, and the same seed gives the same documents.
func TestDocumentsAreValidAndDeterministic(t *testing.T) {
	g := New(Sizes{People: 500, Nations: 20, Organisations: 30, Events: 50, Statements: 1000, Sources: 100}, 3)
	total := 0
	for k := 0; k < 100; k++ {
		doc := g.Document(k)
		v, err := ingest.Validate(doc)
		if err != nil {
			t.Fatalf("document %d: %v", k, err)
		}
		total += len(v.Statements)
		if len(v.Roles) == 0 {
			t.Fatalf("document %d has no roles", k)
		}
		a, _ := json.Marshal(doc)
		b, _ := json.Marshal(New(g.Sizes, 3).Document(k))
		if string(a) != string(b) {
			t.Fatalf("document %d differs between two runs with the same seed", k)
		}
	}
	if total != 1000 {
		t.Errorf("%d statements, want 1000", total)
	}
}
