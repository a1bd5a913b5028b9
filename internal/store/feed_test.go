package store

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"newsgraph/internal/ingest"
	"newsgraph/internal/kg"
)

// Every ingest and delete appends to the change feed in its own
// transaction, numbered in commit order, and the feed stays out of the
// graph's counts.
func TestChangeFeed(t *testing.T) {
	s := emptyStore(t)
	ctx := context.Background()
	head, err := s.FeedHead(ctx)
	if err != nil {
		t.Fatal(err)
	}
	doc := pairDoc(t)
	var all []string
	for _, st := range doc.Statements {
		all = append(all, st.ID)
	}
	slices.Sort(all)
	if _, err := s.LoadDocument(ctx, doc); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadDocument(ctx, doc); err != nil { // the same again: a replace adding nothing
		t.Fatal(err)
	}
	if _, err := s.DeleteSource(ctx, "source:pair"); err != nil {
		t.Fatal(err)
	}
	if err := s.LoadDocuments(ctx, []*kg.SourceDocument{doc}); err != nil { // the bulk path
		t.Fatal(err)
	}
	if err := s.LoadDocuments(ctx, []*kg.SourceDocument{doc}); err != nil {
		t.Fatal(err)
	}
	// A load that fails (here: a statement twice, against the unique id
	// constraint) rolls back its change with everything else.
	bad := *doc
	bad.Source.ID = "source:bad"
	bad.Statements = append(slices.Clone(doc.Statements), doc.Statements[0])
	if _, err := s.LoadDocument(ctx, &bad); err == nil {
		t.Fatal("a document with a statement twice loaded")
	}

	got, err := s.ChangesSince(ctx, head, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 5 {
		t.Fatalf("%d changes, want 5: %+v", len(got), got)
	}
	want := []struct {
		kind  kg.ChangeKind
		added int
	}{{kg.SourceIngested, len(all)}, {kg.SourceReplaced, 0}, {kg.SourceDeleted, 0}, {kg.SourceIngested, len(all)}, {kg.SourceReplaced, len(all)}}
	for i, c := range got {
		if c.Seq != head+int64(i)+1 || c.Kind != want[i].kind || c.SourceID != "source:pair" || len(c.Added) != want[i].added {
			t.Errorf("change %d: seq %d %s %s, %d added; want seq %d %s, %d added", i, c.Seq, c.Kind, c.SourceID, len(c.Added), head+int64(i)+1, want[i].kind, want[i].added)
		}
		if time.Since(c.At) > time.Minute || c.At.After(time.Now().Add(time.Second)) {
			t.Errorf("change %d at %s", i, c.At)
		}
	}
	if !slices.Equal(got[0].Added, all) {
		t.Errorf("the first load added %v, want every statement", got[0].Added)
	}
	counts := map[string]kg.KindReport{}
	for _, k := range got[0].Counts {
		counts[k.Kind] = k
	}
	if counts["statements"].Created != len(all) || counts["entities"].Created != 4 {
		t.Errorf("the first load's counts: %+v", got[0].Counts)
	}
	if del := got[2].Counts; len(del) == 0 || del[len(del)-1].Kind != "statements" || del[len(del)-1].Deleted != len(all) {
		t.Errorf("the delete's counts: %+v", del)
	}
	if len(got[3].Counts) != 0 {
		t.Errorf("the bulk path reported counts: %+v", got[3].Counts)
	}

	// Limit and after page through the feed.
	if two, err := s.ChangesSince(ctx, head+1, 2); err != nil || len(two) != 2 || two[0].Seq != head+2 {
		t.Errorf("ChangesSince(head+1, 2) = %+v, %v", two, err)
	}
	// The feed is bookkeeping: the graph's counts leave it out.
	nodes, _, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if nodes != int64(4+len(all)+1) {
		t.Errorf("graph counts %d nodes, want %d (entities, statements, the source)", nodes, 4+len(all)+1)
	}
}

// smallDoc is a source of one statement, source:w<i>.
func smallDoc(t *testing.T, i int) *kg.SourceDocument {
	t.Helper()
	line := fmt.Sprintf("Writer %d said this.", i)
	doc, err := ingest.Validate(&ingest.Document{
		Source:     ingest.SourceInput{ID: fmt.Sprintf("source:w%d", i), Title: "W", Text: line},
		Entities:   []ingest.EntityInput{{ID: fmt.Sprintf("person:w%d", i), Kind: "PERSON", Name: fmt.Sprintf("Writer %d", i)}},
		Statements: []ingest.StatementInput{{Kind: kg.Paraphrase, Speaker: fmt.Sprintf("person:w%d", i), Text: line, Evidence: &ingest.EvidenceInput{Quote: &line}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// Concurrent writers get distinct, gap-free sequence numbers: the counter
// is taken last in each transaction and held to its commit.
func TestChangeFeedConcurrentWriters(t *testing.T) {
	s := emptyStore(t)
	ctx := context.Background()
	head, err := s.FeedHead(ctx)
	if err != nil {
		t.Fatal(err)
	}
	const writers = 6
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.LoadDocument(ctx, smallDoc(t, i%3)); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	got, err := s.ChangesSince(ctx, head, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != writers {
		t.Fatalf("%d changes for %d loads", len(got), writers)
	}
	// Three sources, each loaded twice: in commit order, each source's
	// first change is INGESTED and its second REPLACED.
	seen := map[string]int{}
	for i, c := range got {
		if c.Seq != head+int64(i)+1 {
			t.Errorf("change %d has seq %d, want %d", i, c.Seq, head+int64(i)+1)
		}
		seen[c.SourceID]++
		if want := map[int]kg.ChangeKind{1: kg.SourceIngested, 2: kg.SourceReplaced}[seen[c.SourceID]]; c.Kind != want {
			t.Errorf("change %d (%s, load %d) is %s, want %s", c.Seq, c.SourceID, seen[c.SourceID], c.Kind, want)
		}
	}
	// Before the source lock, two loads of one new source could both find
	// no source, and both create its statements: one failed on the
	// statement id constraint.
	errs = make(chan error, 4)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.LoadDocument(ctx, pairDoc(t)); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent loads of one source: %v", err)
	}
	if n, err := s.PruneChanges(ctx, time.Hour); err != nil || n != 0 {
		t.Errorf("pruning changes younger than an hour: %d, %v", n, err)
	}
}
