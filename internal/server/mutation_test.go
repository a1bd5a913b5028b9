package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"newsgraph/internal/ingest"
	"newsgraph/internal/neo4jtest"
	"newsgraph/internal/store"
)

// exampleDoc reads a document under seed/examples as a JSON value, for the
// mutation's variables.
func exampleDoc(t *testing.T, name string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "seed", "examples", name))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

const ingestMutation = `mutation($doc: SourceDocumentInput!) { ingestSource(document: $doc) {
  source { id title } counts { kind created updated unchanged deleted } } }`

const deleteMutation = `mutation($id: ID!) { deleteSource(id: $id) { id counts { kind created updated unchanged deleted } } }`

type kindCount struct {
	Kind                                 string
	Created, Updated, Unchanged, Deleted int
}

func countsOf(t *testing.T, r gqlResponse, field string) map[string]kindCount {
	t.Helper()
	var got map[string]struct{ Counts []kindCount }
	r.data(t, &got)
	out := map[string]kindCount{}
	for _, c := range got[field].Counts {
		out[c.Kind] = c
	}
	return out
}

// ingestChangesNothing loads doc through the API and checks that neither the
// result's counts nor the graph's node and relationship totals moved.
func (s *testServer) ingestChangesNothing(t *testing.T, auth string, doc any, what string) {
	t.Helper()
	n0, r0, _ := s.store.Counts(t.Context())
	for k, c := range countsOf(t, s.postAs(t, auth, ingestMutation, map[string]any{"doc": doc}), "ingestSource") {
		if c.Created+c.Updated+c.Deleted != 0 {
			t.Errorf("%s changed %s: %+v", what, k, c)
		}
	}
	if n, r, _ := s.store.Counts(t.Context()); n != n0 || r != r0 {
		t.Errorf("%s changed the graph: %d/%d → %d/%d", what, n0, r0, n, r)
	}
}

func TestMutationAuth(t *testing.T) {
	vars := map[string]any{"doc": exampleDoc(t, "varno-accord.json")}

	off := newTestServer(t)
	e := off.postAs(t, "Bearer "+testToken, ingestMutation, vars).onlyError(t)
	if e.Extensions["code"] != "UNAUTHENTICATED" || !strings.Contains(e.Message, "disabled") || !strings.Contains(e.Message, "NEWSGRAPH_API_TOKEN") {
		t.Errorf("with no token configured: %+v", e)
	}

	on := newTestServer(t, withToken)
	before, rels, _ := on.store.Counts(t.Context())
	for _, auth := range []string{"", "Bearer", "Bearer wrong-token-0123456789", "Basic " + testToken, testToken, "Bearer " + testToken + "x"} {
		e := on.postAs(t, auth, ingestMutation, vars).onlyError(t)
		if e.Extensions["code"] != "UNAUTHENTICATED" {
			t.Errorf("Authorization %q: %+v", auth, e)
		}
		e = on.postAs(t, auth, deleteMutation, map[string]any{"id": "source:reuters-2025-09-05-coalition-of-the-willing"}).onlyError(t)
		if e.Extensions["code"] != "UNAUTHENTICATED" {
			t.Errorf("delete with Authorization %q: %+v", auth, e)
		}
	}
	if n, r, _ := on.store.Counts(t.Context()); n != before || r != rels {
		t.Fatalf("refused mutations changed the graph: %d/%d → %d/%d", before, rels, n, r)
	}
	// Reads stay public.
	var got struct{ Entity struct{ Name string } }
	on.postAs(t, "", `{ entity(id: "nation:france") { name } }`, nil).data(t, &got)
	if got.Entity.Name != "France" {
		t.Errorf("public read: %+v", got)
	}
	// The right token works, in either case of "Bearer".
	c := countsOf(t, on.postAs(t, "bearer "+testToken, ingestMutation, vars), "ingestSource")
	if c["statements"].Created != 3 {
		t.Errorf("ingest with the token: %+v", c)
	}
}

// Ingest, ingest again, replace with a changed version, delete: against a
// second document that shares entities with the seed.
func TestIngestReplaceDelete(t *testing.T) {
	s := newTestServer(t, withToken)
	auth := "Bearer " + testToken
	seedNodes, seedRels, _ := s.store.Counts(t.Context())
	doc := exampleDoc(t, "varno-accord.json")

	first := countsOf(t, s.postAs(t, auth, ingestMutation, map[string]any{"doc": doc}), "ingestSource")
	// Declared: Andrin, Calvoria, France (shared with the seed); referred to:
	// the coalition and Ukraine (from the seed).
	want := map[string]kindCount{
		"entities": {Created: 5}, "topics": {Created: 1}, "events": {Created: 1}, "participations": {Created: 2},
		"roles": {Created: 1}, "statements": {Created: 3},
	}
	for k, w := range want {
		if c := first[k]; c.Created != w.Created || c.Updated+c.Unchanged+c.Deleted != 0 {
			t.Errorf("first ingest %s: %+v, want %d created", k, c, w.Created)
		}
	}
	n1, _, _ := s.store.Counts(t.Context())
	// New nodes: source, Andrin, Calvoria, topic, event, 3 statements.
	if n1 != seedNodes+8 {
		t.Errorf("nodes %d, want seed %d + 8", n1, seedNodes)
	}

	// Again: nothing changes.
	s.ingestChangesNothing(t, auth, doc, "second ingest")
	var france struct {
		Entity struct {
			Aliases []string
			Sources []struct{ ID string }
		}
	}
	s.post(t, `{ entity(id: "nation:france") { aliases sources { id } } }`, nil).data(t, &france)
	if len(france.Entity.Aliases) != 1 || france.Entity.Aliases[0] != "French Republic" || len(france.Entity.Sources) != 2 {
		t.Errorf("France after the second source: %+v", france.Entity)
	}

	// A changed version: one statement fewer, one text edited.
	changed := exampleDoc(t, "varno-accord.json")
	sts := changed["statements"].([]any)
	changed["statements"] = sts[:2]
	sts[0].(map[string]any)["text"] = "Calvoria will ask to join the coalition."
	rep := countsOf(t, s.postAs(t, auth, ingestMutation, map[string]any{"doc": changed}), "ingestSource")
	if c := rep["statements"]; c.Updated != 1 || c.Unchanged != 1 || c.Deleted != 1 || c.Created != 0 {
		t.Errorf("replace, statements: %+v", c)
	}
	if n, _, _ := s.store.Counts(t.Context()); n != n1-1 {
		t.Errorf("after the replace: %d nodes, want %d", n, n1-1)
	}
	// The seed's own facts are untouched.
	var seedFacts struct {
		Statements struct{ TotalCount int }
		France     struct {
			Statements struct{ TotalCount int }
			Leaders    []struct{ Title string }
		}
	}
	s.post(t, `{ statements(filter: {from: "2022", to: "2025-12"}) { totalCount }
	  france: entity(id: "nation:france") { statements { totalCount } ... on Nation { leaders { title } } } }`, nil).data(t, &seedFacts)
	if seedFacts.Statements.TotalCount != 34 || seedFacts.France.Statements.TotalCount != 1 || len(seedFacts.France.Leaders) != 1 {
		t.Errorf("seed facts after the replace: %+v", seedFacts)
	}

	// Delete: back to exactly the seed.
	del := countsOf(t, s.postAs(t, auth, deleteMutation, map[string]any{"id": "source:northern-ledger-2026-03-20-varno-accord"}), "deleteSource")
	if c := del["entities"]; c.Deleted != 2 || c.Updated != 3 {
		t.Errorf("delete, entities: %+v; want Andrin and Calvoria deleted, France, the coalition and Ukraine kept", c)
	}
	if n, r, _ := s.store.Counts(t.Context()); n != seedNodes || r != seedRels {
		t.Errorf("after delete: %d/%d, want the seed's %d/%d", n, r, seedNodes, seedRels)
	}
	s.post(t, `{ entity(id: "nation:france") { aliases sources { id } } }`, nil).data(t, &france)
	if len(france.Entity.Aliases) != 0 || len(france.Entity.Sources) != 1 {
		t.Errorf("France after the delete kept the deleted source's alias or link: %+v", france.Entity)
	}
	var gone struct{ Entity any }
	s.post(t, `{ entity(id: "nation:calvoria") { id } }`, nil).data(t, &gone)
	if gone.Entity != nil {
		t.Errorf("Calvoria, named only by the deleted source, is still there")
	}
	e := s.postAs(t, auth, deleteMutation, map[string]any{"id": "source:northern-ledger-2026-03-20-varno-accord"}).onlyError(t)
	if e.Extensions["code"] != "NOT_FOUND" {
		t.Errorf("deleting it again: %+v", e)
	}
}

func TestIngestValidationOverGraphQL(t *testing.T) {
	s := newTestServer(t, withToken)
	auth := "Bearer " + testToken
	before, rels, _ := s.store.Counts(t.Context())

	tests := []struct {
		name   string
		break_ func(doc map[string]any)
		path   string
		msg    string
	}{
		{"quote not in text", func(d map[string]any) {
			d["statements"].([]any)[1].(map[string]any)["evidence"] = map[string]any{"quote": "words nobody wrote"}
		}, "statements[1].evidence.quote", "not found in source text"},
		{"unknown reference", func(d map[string]any) {
			d["statements"].([]any)[0].(map[string]any)["about"] = []any{"nation:atlantis"}
		}, "statements[0].about[0]", "the graph has no such id"},
		{"same name as an existing entity", func(d map[string]any) {
			d["entities"] = append(d["entities"].([]any), map[string]any{"id": "person:e-macron", "kind": "PERSON", "name": "Emmanuel Macron"})
		}, "entities[3].name", "did you mean person:emmanuel-macron?"},
		{"alias of an existing entity", func(d map[string]any) {
			d["entities"] = append(d["entities"].([]any), map[string]any{"id": "person:v-z", "kind": "PERSON", "name": "V. Z.", "aliases": []any{"ZELENSKIY"}})
		}, "entities[3].name", "did you mean person:volodymyr-zelensky?"},
		{"bad date", func(d map[string]any) { d["source"].(map[string]any)["publishedAt"] = "2026-02-30" }, "", "publishedAt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := exampleDoc(t, "varno-accord.json")
			tt.break_(doc)
			r := s.postAs(t, auth, ingestMutation, map[string]any{"doc": doc})
			e := r.onlyError(t)
			if e.Extensions["code"] != "BAD_USER_INPUT" || !strings.Contains(e.Message, tt.msg) {
				t.Fatalf("error %+v, want BAD_USER_INPUT saying %q", e, tt.msg)
			}
			if tt.path != "" {
				problems, _ := e.Extensions["problems"].([]any)
				found := false
				for _, p := range problems {
					pm, _ := p.(map[string]any)
					found = found || (pm["path"] == tt.path && strings.Contains(fmt.Sprint(pm["message"]), tt.msg))
				}
				if !found {
					t.Errorf("extensions.problems lacks %s: %v", tt.path, e.Extensions["problems"])
				}
			}
			if n, r, _ := s.store.Counts(t.Context()); n != before || r != rels {
				t.Fatalf("a refused document changed the graph: %d/%d → %d/%d", before, rels, n, r)
			}
		})
	}
	// Marked distinct, the namesake is welcome; existing ids need no declaring.
	doc := exampleDoc(t, "varno-accord.json")
	doc["entities"] = append(doc["entities"].([]any), map[string]any{"id": "person:emmanuel-macron-calvoria", "kind": "PERSON",
		"name": "Emmanuel Macron", "distinct": true, "description": "A Calvorian namesake"})
	doc["statements"].([]any)[1].(map[string]any)["about"] = []any{"person:emmanuel-macron", "nation:ukraine"}
	if r := s.postAs(t, auth, ingestMutation, map[string]any{"doc": doc}); len(r.Errors) > 0 {
		t.Fatalf("distinct namesake refused: %s", r.raw)
	}
}

// Eight documents, loaded at once, all declaring the same new entity and
// referring to the seed's: no duplicate entity, no lost fact.
func TestConcurrentIngest(t *testing.T) {
	s := newTestServer(t)
	seedNodes, _, _ := s.store.Counts(t.Context())
	const n = 8
	docs := make([]*ingest.Document, n)
	for i := range docs {
		text := fmt.Sprintf("Report %d. Shared Spokesperson said Ukraine needs help number %d.", i, i)
		q := func(s string) ingest.Evidences { return ingest.Evidences{{Quote: &s}} }
		docs[i] = &ingest.Document{
			Source: ingest.SourceInput{ID: fmt.Sprintf("source:concurrent-%d", i), Title: fmt.Sprintf("Concurrent %d", i), Text: text},
			Entities: []ingest.EntityInput{{ID: "person:shared-spokesperson", Kind: "PERSON", Name: "Shared Spokesperson",
				Aliases: []string{fmt.Sprintf("Spokesperson %d", i)}, Evidence: q("Shared Spokesperson")}},
			Statements: []ingest.StatementInput{{Kind: "PARAPHRASE", Speaker: "person:shared-spokesperson",
				Text: fmt.Sprintf("Ukraine needs help number %d.", i), About: []string{"nation:ukraine"},
				Evidence: &ingest.EvidenceInput{Quote: func() *string { s := fmt.Sprintf("Ukraine needs help number %d.", i); return &s }()}}},
		}
	}
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range docs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _, errs[i] = ingest.Load(context.Background(), s.store, docs[i])
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Entities struct{ TotalCount int }
		Entity   struct {
			Aliases    []string
			Statements struct{ TotalCount int }
			Sources    []struct{ ID string }
		}
		Ukraine struct{ Mentions struct{ TotalCount int } }
	}
	s.post(t, `{ entities(filter: {name: "Shared Spokesperson"}) { totalCount }
	  entity(id: "person:shared-spokesperson") { aliases statements { totalCount } sources { id } }
	  ukraine: entity(id: "nation:ukraine") { mentions(filter: {speaker: "person:shared-spokesperson"}) { totalCount } } }`, nil).data(t, &got)
	if got.Entities.TotalCount != 1 || len(got.Entity.Aliases) != n || got.Entity.Statements.TotalCount != n || len(got.Entity.Sources) != n ||
		got.Ukraine.Mentions.TotalCount != n {
		t.Errorf("after %d concurrent ingests: %+v", n, got)
	}
	// Nodes: 8 sources, 8 statements, 1 entity.
	if nodes, _, _ := s.store.Counts(t.Context()); nodes != seedNodes+2*n+1 {
		t.Errorf("nodes %d, want %d", nodes, seedNodes+2*n+1)
	}
}

// Neo4j killed in the middle of a large ingest: afterwards the source is
// wholly there or wholly absent, and loading it again gives the same graph
// as a clean load.
func TestIngestSurvivesACrash(t *testing.T) {
	in := neo4jtest.Start(t)
	s := startServer(t, in.Config())
	ctx := context.Background()
	if err := s.store.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	doc := bigDocument(3000)
	done := make(chan error, 1)
	loadCtx, trips := store.WithRoundTripCounter(ctx)
	go func() { _, _, err := ingest.Load(loadCtx, s.store, doc); done <- err }()
	// Let the write transaction get as far as creating the statements (two
	// lookups to validate, then twelve queries in the transaction before
	// statements_create), then pull the plug.
	for trips.Load() < 14 {
		select {
		case err := <-done:
			t.Fatalf("the load finished before the crash could hit it (%v); make the document bigger", err)
		case <-time.After(time.Millisecond):
		}
	}
	in.Kill(t)
	err := <-done
	t.Logf("ingest during the crash returned: %v", err)
	in.StartAgain(t)

	var nodes, rels int64
	deadline := time.Now().Add(30 * time.Second)
	for {
		var err error
		if nodes, rels, err = s.store.Counts(ctx); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no answer from Neo4j after the restart: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	whole := nodes == int64(1+1+3000) // source, speaker, statements
	if !(nodes == 0 && rels == 0) && !whole {
		t.Fatalf("after the crash the graph holds %d nodes and %d relationships: a half-written source", nodes, rels)
	}
	t.Logf("after the crash: %d nodes (%s)", nodes, map[bool]string{true: "wholly present", false: "wholly absent"}[whole])

	if _, _, err := ingest.Load(ctx, s.store, doc); err != nil {
		t.Fatal(err)
	}
	afterN, afterR, _ := s.store.Counts(ctx)
	if err := s.store.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ingest.Load(ctx, s.store, doc); err != nil {
		t.Fatal(err)
	}
	cleanN, cleanR, _ := s.store.Counts(ctx)
	if afterN != cleanN || afterR != cleanR {
		t.Errorf("re-ingest after the crash gave %d/%d, a clean ingest %d/%d", afterN, afterR, cleanN, cleanR)
	}
}

// bigDocument generates a valid document with n statements.
func bigDocument(n int) *ingest.Document {
	var text strings.Builder
	var sts []ingest.StatementInput
	for i := 0; i < n; i++ {
		line := fmt.Sprintf("Statement number %d was made by the tester.", i)
		text.WriteString(line + "\n")
		l := line
		sts = append(sts, ingest.StatementInput{Kind: "QUOTE", Speaker: "person:crash-tester", Text: line[:len(line)-1],
			Evidence: &ingest.EvidenceInput{Quote: &l}})
	}
	return &ingest.Document{
		Source:     ingest.SourceInput{ID: "source:crash-test", Title: "Crash test", Text: text.String()},
		Entities:   []ingest.EntityInput{{ID: "person:crash-tester", Kind: "PERSON", Name: "Crash Tester"}},
		Statements: sts,
	}
}
