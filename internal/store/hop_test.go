package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"newsgraph/internal/kg"
)

// profiledRows PROFILEs one statement page and returns, per operator name,
// the most rows any such operator produced, with the plan to show.
func profiledRows(t *testing.T, s *Store, scope kg.Scope, anchor string, f kg.StatementFilter, first int) (map[string]int64, string) {
	t.Helper()
	_, rows, plan := profilePage(t, s, scope, anchor, f, first, Fields{})
	return rows, plan
}

// profilePage PROFILEs one statement page with fields and returns the
// result, the most rows each operator produced, and the plan to show.
func profilePage(t *testing.T, s *Store, scope kg.Scope, anchor string, f kg.StatementFilter, first int, fields Fields) (*neo4j.EagerResult, map[string]int64, string) {
	t.Helper()
	ctx := context.Background()
	params, _, err := statementPageParams([]string{anchor}, f, first, nil)
	if err != nil {
		t.Fatal(err)
	}
	cy, params := prepare(WithFields(ctx, fields), statementQuery(scope, f), params)
	res, err := neo4j.ExecuteQuery(ctx, s.driver, "PROFILE "+cy, params, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]int64{}
	var ops []string
	var walk func(p neo4j.ProfiledPlan, depth int)
	walk = func(p neo4j.ProfiledPlan, depth int) {
		details, _ := p.Arguments()["Details"].(string)
		ops = append(ops, fmt.Sprintf("%s%s %s (rows %d)", strings.Repeat("  ", depth), p.Operator(), strings.Join(strings.Fields(details), " "), p.Records()))
		op, _, _ := strings.Cut(p.Operator(), "@")
		rows[op] = max(rows[op], p.Records())
		for _, ch := range p.Children() {
			walk(ch, depth+1)
		}
	}
	walk(res.Summary.Profile(), 0)
	return res, rows, strings.Join(ops, "\n")
}

// A list that starts from one node reads as few statements as the node
// calls for, whatever the planner saw when it first planned the text: here
// it plans on an empty graph, where reading the whole key index and testing
// each statement looked free, and the plan is then used on a graph where a
// quiet speaker has 3 statements of 127. The quiet speaker's page walks its
// 3; the hub's (122 statements) reads the key index from the top, a page
// and a little more. Asked of the profiled plan, not of time.
func TestStatementHopPlanFollowsTheNode(t *testing.T) {
	s := emptyStore(t)
	ctx := context.Background()
	cases := []struct {
		name      string
		scope     kg.Scope
		anchor    string
		f         kg.StatementFilter
		scan      bool
		statement int64 // most rows an operator reading statements may produce
	}{
		{"quiet speaker", kg.ScopeSpeaker, "person:quiet", kg.StatementFilter{}, false, 3},
		{"rare entity", kg.ScopeAbout, "person:rare", kg.StatementFilter{}, false, 3},
		{"hub speaker", kg.ScopeSpeaker, "person:hub", kg.StatementFilter{}, true, 25},
		{"popular entity", kg.ScopeAbout, "nation:popular", kg.StatementFilter{}, true, 25},
		{"quiet speaker in the global list", kg.ScopeNone, "", kg.StatementFilter{SpeakerID: "person:quiet"}, false, 3},
		// Another condition rules the scan out: the hub's 122 are walked.
		{"hub speaker, paraphrases", kg.ScopeSpeaker, "person:hub", kg.StatementFilter{Kind: kg.Paraphrase}, false, 122},
	}
	for _, c := range cases {
		profiledRows(t, s, c.scope, c.anchor, c.f, 20) // planned on the empty graph
	}
	if _, err := s.LoadDocument(ctx, pairDoc(t)); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows, plan := profiledRows(t, s, c.scope, c.anchor, c.f, 20)
			seek := rows["NodeIndexSeekByRange"] + rows["NodeIndexScan"] + rows["NodeByLabelScan"]
			if c.scan && (seek == 0 || seek > c.statement) {
				t.Errorf("the key index gave %d rows; want the scan, at most %d:\n%s", seek, c.statement, plan)
			}
			if !c.scan && seek > 0 {
				t.Errorf("an index or label scan gave %d rows; want the walk from the node:\n%s", seek, plan)
			}
			if n := rows["Expand(All)"]; n > c.statement {
				t.Errorf("an expand produced %d rows; want at most %d:\n%s", n, c.statement, plan)
			}
		})
	}
}

// The scan and the walk give the same pages: each list, walked page by
// page with cursors in both orders, equals the same list with a condition
// that holds for every statement and so rules the scan out.
func TestStatementHopScanPagesEqualTheWalk(t *testing.T) {
	s := emptyStore(t)
	ctx := context.Background()
	if _, err := s.LoadDocument(ctx, pairDoc(t)); err != nil {
		t.Fatal(err)
	}
	walkAll := func(t *testing.T, scope kg.Scope, anchor string, f kg.StatementFilter, first int) (ids []string) {
		t.Helper()
		var after *string
		for range 200 {
			pages, err := s.StatementPages(ctx, scope, []string{anchor}, f, first, after)
			if err != nil {
				t.Fatal(err)
			}
			p := pages[0]
			for _, st := range p.Items {
				ids = append(ids, st.ID)
			}
			if !p.HasNextPage {
				return ids
			}
			after = &p.Cursors[len(p.Cursors)-1]
		}
		t.Fatal("more than 200 pages")
		return nil
	}
	for _, c := range []struct {
		scope  kg.Scope
		anchor string
		want   int
	}{
		{kg.ScopeSpeaker, "person:hub", 122},
		{kg.ScopeAbout, "nation:popular", 122},
		{kg.ScopeSpeaker, "person:quiet", 3},
	} {
		for _, order := range []kg.StatementOrder{"", kg.Oldest} {
			for _, first := range []int{1, 7, 50} {
				t.Run(fmt.Sprintf("%s %s first %d", c.anchor, order, first), func(t *testing.T) {
					got := walkAll(t, c.scope, c.anchor, kg.StatementFilter{Order: order}, first)
					want := walkAll(t, c.scope, c.anchor, kg.StatementFilter{Order: order, Kind: kg.Paraphrase}, first)
					if len(got) != c.want || !slices.Equal(got, want) {
						t.Errorf("%d statements, want %d; the walk's first %v, the page's %v", len(got), c.want, want[:min(len(want), 5)], got[:min(len(got), 5)])
					}
				})
			}
		}
	}
}
