package store

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"newsgraph/internal/ingest"
	"newsgraph/internal/kg"
)

// versionDoc is a source declaring the shared event and topic its own way.
func versionDoc(t *testing.T, id, name, date, location, description, topic string) *kg.SourceDocument {
	t.Helper()
	text := "Ana went to the " + name + " in " + location + " about " + topic + "."
	q := func(s string) ingest.Evidences { return ingest.Evidences{{Quote: &s}} }
	doc, err := ingest.Validate(&ingest.Document{
		Source:   ingest.SourceInput{ID: id, Title: id, Text: text},
		Entities: []ingest.EntityInput{{ID: "person:ana", Kind: "PERSON", Name: "Ana", Evidence: q("Ana")}},
		Topics:   []ingest.TopicInput{{ID: "topic:energy", Name: topic}},
		Events: []ingest.EventInput{{
			ID: "event:e000645", Name: name, Kind: "summit", Date: kg.Date(date), Location: location, Description: description,
			Participants: []ingest.ParticipantInput{{Entity: "person:ana", Evidence: q("Ana went")}},
			Evidence:     q("the " + name),
		}},
		Statements: []ingest.StatementInput{{
			Kind: kg.Paraphrase, Speaker: "person:ana", Text: "went to the " + name, Event: "event:e000645", Topics: []string{"topic:energy"},
			Evidence: &q("Ana went to the " + name)[0],
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// graphPrint renders the whole graph comparably: the lines the graph's
// fingerprint hashes (every node and relationship with its properties).
func graphPrint(t *testing.T, s *Store) string {
	t.Helper()
	lines, err := s.GraphLines(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(lines, "\n")
}

func eventAndTopic(t *testing.T, s *Store) string {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), s.driver, `
MATCH (ev:Event {id: 'event:e000645'}), (t:Topic {id: 'topic:energy'})
RETURN [ev.name, ev.date, ev.location, ev.description, ev.sortDate, t.name] AS v`,
		nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 {
		return "<missing>"
	}
	return fmt.Sprint(res.Records[0].Values[0])
}

// When several sources declare the same event (or name the same topic)
// differently, the graph after any loads, replaces and deletes is the
// graph a clean load of the remaining sources, in id order, gives: the
// version of the greatest source id, recomputed when a source goes.
func TestEventVersionsFollowRemainingSources(t *testing.T) {
	s := emptyStore(t)
	ctx := context.Background()
	a := versionDoc(t, "source:eventfix-a", "Paris summit", "2020-01-01", "Paris", "", "Energy")
	b := versionDoc(t, "source:eventfix-b", "Lyon summit", "2020-01-03", "Lyon", "A second day", "Energy policy")
	b2 := versionDoc(t, "source:eventfix-b", "Lyon meeting", "2020-01", "Lyon", "", "Energy policy")
	reset := func() {
		t.Helper()
		if err := s.DeleteAll(ctx); err != nil {
			t.Fatal(err)
		}
	}
	loadAll := func(docs ...*kg.SourceDocument) {
		t.Helper()
		for _, d := range docs {
			if _, err := s.LoadDocument(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
	}
	del := func(id string) {
		t.Helper()
		if _, err := s.DeleteSource(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	clean := func(docs ...*kg.SourceDocument) (graph, event string) {
		t.Helper()
		reset()
		loadAll(docs...) // in id order: the callers pass them so
		return graphPrint(t, s), eventAndTopic(t, s)
	}
	onlyA, eventA := clean(a)
	onlyB, eventB := clean(b)
	both, eventBoth := clean(a, b)
	aAndB2, eventB2 := clean(a, b2)
	if eventA == eventB || eventB == eventB2 || eventBoth != eventB {
		t.Fatalf("the documents should declare the event differently, and the greatest id win: a %s, b %s, b2 %s, both %s", eventA, eventB, eventB2, eventBoth)
	}
	if !strings.Contains(eventA, "2020-01-01") {
		t.Fatalf("a clean load of a: %s", eventA)
	}

	tests := []struct {
		name        string
		steps       func()
		graph, want string
	}{
		{"load a, b, delete b", func() { loadAll(a, b); del(b.Source.ID) }, onlyA, eventA},
		{"load b, a, delete b", func() { loadAll(b, a); del(b.Source.ID) }, onlyA, eventA},
		{"load a, b, delete a", func() { loadAll(a, b); del(a.Source.ID) }, onlyB, eventB},
		{"load b, a, delete a", func() { loadAll(b, a); del(a.Source.ID) }, onlyB, eventB},
		{"load b, a", func() { loadAll(b, a) }, both, eventBoth},
		{"load a, b, replace b", func() { loadAll(a, b, b2) }, aAndB2, eventB2},
		{"load b, a, replace b", func() { loadAll(b, a, b2) }, aAndB2, eventB2},
		{"load b2, a, replace b2 with b, then b with b2", func() { loadAll(b2, a, b, b2) }, aAndB2, eventB2},
		{"bulk load b, a", func() {
			if err := s.LoadDocuments(ctx, []*kg.SourceDocument{b, a}); err != nil {
				t.Fatal(err)
			}
		}, both, eventBoth},
		{"bulk load b, a, delete b", func() {
			if err := s.LoadDocuments(ctx, []*kg.SourceDocument{b, a}); err != nil {
				t.Fatal(err)
			}
			del(b.Source.ID)
		}, onlyA, eventA},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reset()
			tt.steps()
			if got := eventAndTopic(t, s); got != tt.want {
				t.Errorf("event and topic %s, want %s (a clean load of what remains)", got, tt.want)
			}
			if got := graphPrint(t, s); got != tt.graph {
				t.Errorf("the graph differs from a clean load of what remains:\ngot:\n%s\nwant:\n%s", got, tt.graph)
			}
		})
	}
}

// An event or topic loaded before the links kept each source's version
// keeps its properties until a source changes them: EnsureSchema copies
// them onto the links, and a delete then recomputes from those.
func TestMigrateEventVersions(t *testing.T) {
	s := emptyStore(t)
	ctx := context.Background()
	a := versionDoc(t, "source:eventfix-a", "Paris summit", "2020-01-01", "Paris", "", "Energy")
	b := versionDoc(t, "source:eventfix-b", "Lyon summit", "2020-01-03", "Lyon", "A second day", "Energy policy")
	if _, err := s.LoadDocument(ctx, a); err != nil {
		t.Fatal(err)
	}
	wantA := eventAndTopic(t, s)
	if _, err := s.LoadDocument(ctx, b); err != nil {
		t.Fatal(err)
	}
	want := eventAndTopic(t, s)
	// The old shape: links without versions.
	_, err := neo4j.ExecuteQuery(ctx, s.driver, `
MATCH (n:Event|Topic)-[l:IN_SOURCE]->() REMOVE l.name, l.kind, l.description, l.date, l.endDate, l.dateStart, l.dateEnd, l.location`,
		nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		t.Fatal(err)
	}
	// Unversioned links are passed over: a delete keeps what is there.
	forgetMigrations(t, s)
	if err := s.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	if got := eventAndTopic(t, s); got != want {
		t.Fatalf("after the migration %s, want %s", got, want)
	}
	res, err := neo4j.ExecuteQuery(ctx, s.driver, `
MATCH (n:Event|Topic)-[l:IN_SOURCE]->() RETURN count(*) AS links, count(l.name) AS named`,
		nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		t.Fatal(err)
	}
	links, _, _ := neo4j.GetRecordValue[int64](res.Records[0], "links")
	named, _, _ := neo4j.GetRecordValue[int64](res.Records[0], "named")
	if links != 4 || named != 4 {
		t.Fatalf("%d links, %d with a version after the migration; want 4, 4", links, named)
	}
	// Reloading a puts its own version back; deleting b then leaves a's.
	if _, err := s.LoadDocument(ctx, a); err != nil {
		t.Fatal(err)
	}
	if got := eventAndTopic(t, s); got != want {
		t.Fatalf("after reloading a: %s, want b's version %s", got, want)
	}
	if _, err := s.DeleteSource(ctx, b.Source.ID); err != nil {
		t.Fatal(err)
	}
	if got := eventAndTopic(t, s); got != wantA {
		t.Fatalf("after deleting b: %s, want a's version %s", got, wantA)
	}
	rerunWritesNothing(t, s, "migrate_event_versions")
}
