package server

import (
	"cmp"
	"fmt"
	"slices"
	"testing"

	"newsgraph/internal/names"
)

// countedEntity is an entity with its stored counts and, as the oracle, the
// totalCount of its statement and mention lists.
type countedEntity struct {
	ID             string
	Name           string
	QuotedCount    int
	MentionedCount int
	Statements     struct{ TotalCount int }
	Mentions       struct{ TotalCount int }
}

const countedQuery = `query($f: EntityFilter) { entities(first: 100, filter: $f) { pageInfo { hasNextPage } nodes {
  id name quotedCount mentionedCount statements(first: 1) { totalCount } mentions(first: 1) { totalCount } } } }`

// countedEntities reads every entity a filter selects, in name order.
func (s *testServer) countedEntities(t *testing.T, filter map[string]any) []countedEntity {
	t.Helper()
	var got struct {
		Entities struct {
			PageInfo struct{ HasNextPage bool }
			Nodes    []countedEntity
		}
	}
	s.post(t, countedQuery, map[string]any{"f": filter}).data(t, &got)
	if got.Entities.PageInfo.HasNextPage {
		t.Fatal("more than 100 entities")
	}
	return got.Entities.Nodes
}

// checkEntityCounts asserts that every entity's quotedCount and
// mentionedCount equal its statement lists' totals.
func (s *testServer) checkEntityCounts(t *testing.T, step string) []countedEntity {
	t.Helper()
	es := s.countedEntities(t, nil)
	for _, e := range es {
		if e.QuotedCount != e.Statements.TotalCount || e.MentionedCount != e.Mentions.TotalCount {
			t.Errorf("%s: %s quotedCount %d mentionedCount %d; its statements %d, mentions %d",
				step, e.ID, e.QuotedCount, e.MentionedCount, e.Statements.TotalCount, e.Mentions.TotalCount)
		}
	}
	return es
}

// orderedBy sorts entities as an order by count promises: largest first,
// then by name ignoring case and accents, then by id.
func orderedBy(es []countedEntity, count func(countedEntity) int) []string {
	sorted := slices.Clone(es)
	slices.SortFunc(sorted, func(a, b countedEntity) int {
		return cmp.Or(cmp.Compare(count(b), count(a)), cmp.Compare(names.Fold(a.Name), names.Fold(b.Name)), cmp.Compare(a.ID, b.ID))
	})
	out := make([]string, len(sorted))
	for i, e := range sorted {
		out[i] = e.ID
	}
	return out
}

func TestEntityOrder(t *testing.T) {
	s := newTestServer(t)
	loadExample(t, s)
	if _, err := loadExampleNamed(t, s, "varno-accord.json"); err != nil {
		t.Fatal(err)
	}
	s.checkEntityCounts(t, "seed and two sources")

	quoted := func(e countedEntity) int { return e.QuotedCount }
	mentioned := func(e countedEntity) int { return e.MentionedCount }
	filters := []struct {
		name   string
		filter map[string]any
	}{
		{"all", nil},
		{"nations", map[string]any{"kinds": []string{"NATION"}}},
		{"people and organisations", map[string]any{"kinds": []string{"PERSON", "ORGANISATION"}}},
		{"named an", map[string]any{"name": "an"}},
		{"nations named an", map[string]any{"name": "an", "kinds": []string{"NATION"}}},
		{"nobody", map[string]any{"name": "nobody-at-all"}},
	}
	const q = `query($f: EntityFilter, $o: EntityOrder, $n: Int, $a: String) { entities(filter: $f, orderBy: $o, first: $n, after: $a) {
	  totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id quotedCount mentionedCount } } } }`
	for _, order := range []string{"NAME", "MOST_QUOTED", "MOST_MENTIONED"} {
		for _, f := range filters {
			t.Run(order+"/"+f.name, func(t *testing.T) {
				selected := s.countedEntities(t, f.filter)
				want := make([]string, len(selected))
				for i, e := range selected {
					want[i] = e.ID
				}
				byID := map[string]countedEntity{}
				for _, e := range selected {
					byID[e.ID] = e
				}
				switch order {
				case "MOST_QUOTED":
					want = orderedBy(selected, quoted)
				case "MOST_MENTIONED":
					want = orderedBy(selected, mentioned)
				}
				if f.name == "all" && order != "NAME" && slices.Equal(want, orderedBy(selected, func(countedEntity) int { return 0 })) {
					t.Fatal("the order by count equals the order by name: the test proves nothing")
				}
				for _, size := range []int{1, 7, 100} {
					var walked []string
					var after any
					for page := 0; page <= len(want); page++ {
						var got struct {
							Entities struct {
								TotalCount int
								PageInfo   struct {
									HasNextPage, HasPreviousPage bool
									EndCursor                    string
								}
								Edges []struct {
									Cursor string
									Node   struct {
										ID                          string
										QuotedCount, MentionedCount int
									}
								}
							}
						}
						s.post(t, q, map[string]any{"f": f.filter, "o": order, "n": size, "a": after}).data(t, &got)
						c := got.Entities
						if c.TotalCount != len(want) || c.PageInfo.HasPreviousPage != (page > 0) || len(c.Edges) > size {
							t.Fatalf("first %d, page %d: totalCount %d (want %d), hasPreviousPage %v, %d edges",
								size, page, c.TotalCount, len(want), c.PageInfo.HasPreviousPage, len(c.Edges))
						}
						for _, e := range c.Edges {
							walked = append(walked, e.Node.ID)
							if o := byID[e.Node.ID]; e.Node.QuotedCount != o.QuotedCount || e.Node.MentionedCount != o.MentionedCount {
								t.Errorf("%s: counts %d/%d in this order, %d/%d by name", e.Node.ID, e.Node.QuotedCount, e.Node.MentionedCount, o.QuotedCount, o.MentionedCount)
							}
						}
						if !c.PageInfo.HasNextPage {
							break
						}
						after = c.PageInfo.EndCursor
					}
					if !slices.Equal(walked, want) {
						t.Errorf("first %d: walked %q,\nwant   %q", size, walked, want)
					}
				}
			})
		}
	}
}

// A cursor belongs to its order: another order refuses it, naming after.
func TestEntityOrderCursors(t *testing.T) {
	s := newTestServer(t)
	const q = `query($o: EntityOrder, $a: String) { entities(first: 2, orderBy: $o, after: $a) { pageInfo { endCursor } nodes { id } } }`
	orders := []string{"NAME", "MOST_QUOTED", "MOST_MENTIONED"}
	cursors := map[string]string{}
	for _, o := range orders {
		var got struct {
			Entities struct{ PageInfo struct{ EndCursor string } }
		}
		s.post(t, q, map[string]any{"o": o}).data(t, &got)
		cursors[o] = got.Entities.PageInfo.EndCursor
	}
	// The default order is NAME: its cursors are the ones entities always had.
	var def struct {
		Entities struct{ PageInfo struct{ EndCursor string } }
	}
	s.post(t, `{ entities(first: 2) { pageInfo { endCursor } } }`, nil).data(t, &def)
	if def.Entities.PageInfo.EndCursor != cursors["NAME"] {
		t.Errorf("the default order's cursor %q differs from NAME's %q", def.Entities.PageInfo.EndCursor, cursors["NAME"])
	}
	for _, from := range orders {
		for _, to := range orders {
			r := s.post(t, q, map[string]any{"o": to, "a": cursors[from]})
			if from == to {
				if len(r.Errors) != 0 {
					t.Errorf("%s cursor in %s: %s", from, to, r.raw)
				}
				continue
			}
			if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" || r.Errors[0].Extensions["argument"] != "after" {
				t.Errorf("a %s cursor in a %s list: %s", from, to, r.raw)
			}
		}
	}
	r := s.post(t, `{ entities(orderBy: LOUDEST) { totalCount } }`, nil)
	if len(r.Errors) == 0 {
		t.Errorf("an unknown order: %s", r.raw)
	}
}

// quotedCount and mentionedCount cost no round trip on a page of entities
// (they are on the nodes it reads), and one batched round trip where
// entities come from elsewhere, however many there are.
func TestEntityCountsRoundTrips(t *testing.T) {
	s := newTestServer(t)
	for _, order := range []string{"NAME", "MOST_QUOTED", "MOST_MENTIONED"} {
		r := s.post(t, fmt.Sprintf(`{ entities(first: 100, orderBy: %s, filter: {kinds: [PERSON, NATION, ORGANISATION]}) {
		  totalCount nodes { id name quotedCount mentionedCount } } }`, order), nil)
		var got struct {
			Entities struct{ Nodes []countedEntity }
		}
		r.data(t, &got)
		if len(got.Entities.Nodes) != seedEntityCount(t) {
			t.Fatalf("%s: %d entities", order, len(got.Entities.Nodes))
		}
		if n := roundTrips(t, r); n != 1 {
			t.Errorf("a page of entities by %s with their counts took %d round trips, want 1", order, n)
		}
	}
	r := s.post(t, `{ entity(id: "nation:ukraine") { quotedCount mentionedCount } }`, nil)
	var one struct {
		Entity struct{ QuotedCount, MentionedCount int }
	}
	r.data(t, &one)
	if one.Entity.MentionedCount == 0 || roundTrips(t, r) != 1 {
		t.Errorf("entity(id:) with counts: %+v in %d round trips, want 1", one, roundTrips(t, r))
	}
	r = s.post(t, `{ statements(first: 100) { nodes { speaker { id quotedCount } } } }`, nil)
	var sts struct {
		Statements struct {
			Nodes []struct{ Speaker struct{ QuotedCount int } }
		}
	}
	r.data(t, &sts)
	if n := roundTrips(t, r); n != 2 {
		t.Errorf("100 statements with their speakers' counts took %d round trips, want 2", n)
	}
	// Subjects are one list deeper: at most one more batch.
	r2 := s.post(t, `{ statements(first: 100) { nodes { speaker { quotedCount } about { ... on Entity { mentionedCount } } } } }`, nil)
	if n := roundTrips(t, r2); n < 2 || n > 3 {
		t.Errorf("100 statements with their speakers' and subjects' counts took %d round trips, want 2 or 3", n)
	}
	for _, st := range sts.Statements.Nodes {
		if st.Speaker.QuotedCount == 0 {
			t.Errorf("a speaker with quotedCount 0: %s", r.raw)
			break
		}
	}
}

// Ingesting, replacing and deleting a source through the API keeps every
// entity's counts equal to its statement lists' totals.
func TestEntityCountsFollowMutations(t *testing.T) {
	s := newTestServer(t, withToken)
	auth := "Bearer " + testToken
	before := s.checkEntityCounts(t, "seed")
	doc := exampleDoc(t, "varno-accord.json")
	if r := s.postAs(t, auth, ingestMutation, map[string]any{"doc": doc}); len(r.Errors) != 0 {
		t.Fatal(string(r.raw))
	}
	after := s.checkEntityCounts(t, "ingested")
	if slices.Equal(before, after) {
		t.Fatal("the second source changed no count: the test proves nothing")
	}

	// Replaced with different statements: the first goes, the second
	// changes subject, the third changes speaker.
	sts := doc["statements"].([]any)[1:]
	sts[0].(map[string]any)["about"] = []any{"organisation:nato"}
	sts[1].(map[string]any)["speaker"] = "person:emmanuel-macron"
	sts[1].(map[string]any)["about"] = []any{"nation:ukraine", "nation:calvoria"}
	doc["statements"] = sts
	if r := s.postAs(t, auth, ingestMutation, map[string]any{"doc": doc}); len(r.Errors) != 0 {
		t.Fatal(string(r.raw))
	}
	replaced := s.checkEntityCounts(t, "replaced")
	if slices.Equal(after, replaced) {
		t.Fatal("the replacement changed no count: the test proves nothing")
	}

	src := doc["source"].(map[string]any)["id"]
	if r := s.postAs(t, auth, deleteMutation, map[string]any{"id": src}); len(r.Errors) != 0 {
		t.Fatal(string(r.raw))
	}
	if deleted := s.checkEntityCounts(t, "deleted"); !slices.Equal(deleted, before) {
		t.Errorf("after the delete the entities and counts are not the seed's:\n%+v\nwant\n%+v", deleted, before)
	}
}
