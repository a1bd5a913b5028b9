package store

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"newsgraph/internal/kg"
)

// countReads PROFILEs a page query and returns the db hits and rows of
// everything under the aggregation that counts the list (the one whose
// details name "AS total"), with its plan to show on failure.
func countReads(t *testing.T, s *Store, ctx context.Context, cypher string, params map[string]any) (hits, rows int64, plan string) {
	t.Helper()
	cypher, params = prepare(ctx, cypher, params)
	res, err := neo4j.ExecuteQuery(ctx, s.driver, "PROFILE "+cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		t.Fatal(err)
	}
	var ops []string
	found := false
	var walk func(p neo4j.ProfiledPlan, depth int, counting bool)
	walk = func(p neo4j.ProfiledPlan, depth int, counting bool) {
		details, _ := p.Arguments()["Details"].(string)
		ops = append(ops, fmt.Sprintf("%s%s %s (rows %d, db hits %d)", strings.Repeat("  ", depth), p.Operator(),
			strings.Join(strings.Fields(details), " "), p.Records(), p.DbHits()))
		if counting {
			hits += p.DbHits()
			rows += p.Records()
		}
		if strings.HasPrefix(p.Operator(), "EagerAggregation") && strings.Contains(details, "AS total") {
			found, counting = true, true
		}
		for _, c := range p.Children() {
			walk(c, depth+1, counting)
		}
	}
	walk(res.Summary.Profile(), 0, false)
	plan = strings.Join(ops, "\n")
	if !found {
		t.Fatalf("no count in the plan:\n%s", plan)
	}
	return hits, rows, plan
}

// The entity, event and source pages count their lists (totalCount,
// hasPreviousPage) only when the request's Fields ask for counts: without,
// the count reads nothing, however many entities, events or sources the
// graph holds, and the totals are 0; with, they are exact.
func TestPagesCountOnlyWhenAsked(t *testing.T) {
	s, _ := seededStore(t)
	counted := WithFields(t.Context(), AllFields)
	uncounted := WithFields(t.Context(), Fields{Speaker: true, About: true, Event: true, Topics: true, Evidence: true})
	total := func(q string) int {
		t.Helper()
		res, err := neo4j.ExecuteQuery(t.Context(), s.driver, q, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
		if err != nil {
			t.Fatal(err)
		}
		n, _, _ := neo4j.GetRecordValue[int64](res.Records[0], "n")
		return int(n)
	}

	// The Cypher of each page, as the store sends it: every count scans.
	entityParams := func(labels []string, name string) map[string]any {
		return map[string]any{"labels": labels, "name": name, "limit": 3, "cursor": nil, "cursorCount": int64(math.MaxInt64)}
	}
	allKinds := []string{"Person", "Nation", "Organisation"}
	cases := []struct {
		name   string
		cypher string
		params map[string]any
	}{
		{"entities by name", entitiesPageQuery(kg.ByName), entityParams(allKinds, "")},
		{"entities most quoted", entitiesPageQuery(kg.MostQuoted), entityParams(allKinds, "")},
		{"entities most mentioned", entitiesPageQuery(kg.MostMentioned), entityParams(allKinds, "")},
		{"entities by name, filtered", entitiesPageQuery(kg.ByName), entityParams([]string{"Person"}, "ma")},
		{"entities after a cursor", entitiesPageQuery(kg.ByName), map[string]any{
			"labels": allKinds, "name": "", "limit": 3, "cursor": []string{"f", "x"}, "cursorCount": int64(math.MaxInt64)}},
		{"events", query("events_page"), map[string]any{"anchors": []string{""}, "scoped": false, "limit": 3, "cursor": nil}},
		{"events of an entity", query("events_page"), map[string]any{"anchors": []string{"nation:ukraine"}, "scoped": true, "limit": 3, "cursor": nil}},
		{"sources", query("sources_page"), map[string]any{"limit": 3, "cursor": nil}},
	}
	for _, c := range cases {
		if hits, rows, plan := countReads(t, s, uncounted, c.cypher, c.params); hits != 0 || rows > 1 {
			// One row: an argument (the anchor) the count is applied to.
			t.Errorf("%s without counts: the count read %d rows, %d db hits:\n%s", c.name, rows, hits, plan)
		}
		// The same measure sees the count when it runs, so the check above
		// is not vacuous.
		if hits, _, plan := countReads(t, s, counted, c.cypher, c.params); hits == 0 {
			t.Errorf("%s with counts: the count read nothing:\n%s", c.name, plan)
		}
	}

	// Through the store's methods: totals 0 without counts, exact with.
	entities := total(`MATCH (e:Entity) RETURN count(e) AS n`)
	events := total(`MATCH (ev:Event) RETURN count(ev) AS n`)
	ukraine := total(`MATCH (:Entity {id: 'nation:ukraine'})-[:PARTICIPATED_IN]->(ev:Event) RETURN count(ev) AS n`)
	sources := total(`MATCH (s:Source) RETURN count(s) AS n`)
	if entities < 4 || events < 4 || ukraine < 1 || sources < 1 {
		t.Fatalf("the seed is too small for this test: %d entities, %d events (%d of Ukraine's), %d sources", entities, events, ukraine, sources)
	}
	for _, ctx := range []context.Context{uncounted, counted} {
		asked := ctx == counted
		want := func(n int) int {
			if asked {
				return n
			}
			return 0
		}
		for _, order := range []kg.EntityOrder{kg.ByName, kg.MostQuoted, kg.MostMentioned} {
			p1, err := s.Entities(ctx, kg.EntityFilter{}, order, 2, nil)
			if err != nil {
				t.Fatal(err)
			}
			p2, err := s.Entities(ctx, kg.EntityFilter{}, order, 2, &p1.Cursors[1])
			if err != nil {
				t.Fatal(err)
			}
			if p1.TotalCount != want(entities) || p2.TotalCount != want(entities) || p1.HasPreviousPage || p2.HasPreviousPage != asked ||
				len(p2.Items) != 2 || !p2.HasNextPage {
				t.Errorf("entities by %s, counts %v: totals %d and %d, previous pages %v and %v, second page %d items; want totals %d",
					order, asked, p1.TotalCount, p2.TotalCount, p1.HasPreviousPage, p2.HasPreviousPage, len(p2.Items), want(entities))
			}
		}
		ev, err := s.EventPages(ctx, kg.ScopeNone, []string{""}, 2, nil)
		if err != nil {
			t.Fatal(err)
		}
		ev2, err := s.EventPages(ctx, kg.ScopeNone, []string{""}, 2, &ev[0].Cursors[1])
		if err != nil {
			t.Fatal(err)
		}
		if ev[0].TotalCount != want(events) || ev2[0].TotalCount != want(events) || ev2[0].HasPreviousPage != asked || len(ev2[0].Items) != 2 {
			t.Errorf("events, counts %v: totals %d and %d, second page previous %v, %d items; want totals %d",
				asked, ev[0].TotalCount, ev2[0].TotalCount, ev2[0].HasPreviousPage, len(ev2[0].Items), want(events))
		}
		scoped, err := s.EventPages(ctx, kg.ScopeParticipant, []string{"nation:ukraine"}, 2, nil)
		if err != nil {
			t.Fatal(err)
		}
		if scoped[0].TotalCount != want(ukraine) || len(scoped[0].Items) != min(2, ukraine) {
			t.Errorf("Ukraine's events, counts %v: total %d, %d items; want total %d", asked, scoped[0].TotalCount, len(scoped[0].Items), want(ukraine))
		}
		src, err := s.SourcePage(ctx, 1, nil)
		if err != nil {
			t.Fatal(err)
		}
		if src.TotalCount != want(sources) || len(src.Items) != 1 {
			t.Errorf("sources, counts %v: total %d, %d items; want total %d", asked, src.TotalCount, len(src.Items), want(sources))
		}
	}
	// A context without Fields (the CLI's, a test's) counts, as before.
	p, err := s.Entities(t.Context(), kg.EntityFilter{}, kg.ByName, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.TotalCount != entities {
		t.Errorf("entities without Fields in the context: total %d, want %d", p.TotalCount, entities)
	}
}
