package store

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"newsgraph/internal/kg"
)

// keyed is a statement's place in the lists: what the orders compare.
type keyed struct {
	sortDate, sourceID string
	position           int
	id                 string
}

// compareNewest and compareOldest are the two orders as the contract states
// them (and as the page query sorted before the keys): by date (newest or
// oldest first, undated last), then source id, position and id.
func compareNewest(a, b keyed) int {
	if a.sortDate != b.sortDate {
		return -strings.Compare(a.sortDate, b.sortDate) // "" is lowest, so last
	}
	return compareRest(a, b)
}

func compareOldest(a, b keyed) int {
	da, db := a.sortDate, b.sortDate
	if da == "" {
		da = "~"
	}
	if db == "" {
		db = "~"
	}
	if c := strings.Compare(da, db); c != 0 {
		return c
	}
	return compareRest(a, b)
}

func compareRest(a, b keyed) int {
	return cmp.Or(strings.Compare(a.sourceID, b.sourceID), cmp.Compare(a.position, b.position), strings.Compare(a.id, b.id))
}

// The keys sort as the orders do, on the cases a string can get wrong: a
// source id that is a prefix of another, positions of different lengths,
// undated statements, years and days across boundaries.
func TestStatementKeyOrder(t *testing.T) {
	dates := []string{"", "2025-09-04", "2025-09-01", "2025-08-31", "2024-12-31", "2025-01-01", "1999-01-01", "0999-06-15", "2100-02-28"}
	sources := []string{"source:a", "source:a-b", "source:a-a", "source:ab", "source:b", "source:a0"}
	ids := []string{"statement:x", "statement:x-1", "statement:x1", "statement:y"}
	positions := []int{0, 9, 10, 99, 100, 12345}
	r := rand.New(rand.NewPCG(1, 2))
	var all []keyed
	for range 3000 {
		all = append(all, keyed{dates[r.IntN(len(dates))], sources[r.IntN(len(sources))], positions[r.IntN(len(positions))], ids[r.IntN(len(ids))]})
	}
	for _, o := range []struct {
		order kg.StatementOrder
		cmp   func(a, b keyed) int
	}{{"", compareNewest}, {kg.Oldest, compareOldest}} {
		byKey := func(a, b keyed) int {
			ka, err := statementKey(o.order, a.sortDate, a.sourceID, a.position, a.id)
			if err != nil {
				t.Fatal(err)
			}
			kb, err := statementKey(o.order, b.sortDate, b.sourceID, b.position, b.id)
			if err != nil {
				t.Fatal(err)
			}
			return strings.Compare(ka, kb)
		}
		want, got := slices.Clone(all), slices.Clone(all)
		slices.SortStableFunc(want, o.cmp)
		slices.SortStableFunc(got, byKey)
		for i := range want {
			if o.cmp(want[i], got[i]) != 0 {
				t.Fatalf("order %q: at %d the keys give %+v, the order %+v", o.order, i, got[i], want[i])
			}
		}
	}
	if _, err := statementKey("", "2025-13-01", "source:a", 0, "statement:x"); err == nil {
		t.Error("a key for month 13")
	}
}

// The date filter bounds the keys: every statement the filter can match
// lies in the range, in both orders (the query still tests the dates).
func TestStatementKeyRange(t *testing.T) {
	var all []kg.Date
	for _, y := range []string{"2023", "2024", "2025"} {
		all = append(all, kg.Date(y))
		for m := 1; m <= 12; m++ {
			all = append(all, kg.Date(fmt.Sprintf("%s-%02d", y, m)))
			for _, d := range []int{1, 15, 28} {
				all = append(all, kg.Date(fmt.Sprintf("%s-%02d-%02d", y, m, d)))
			}
		}
	}
	for _, f := range []kg.StatementFilter{
		{From: "2024-06-15"}, {To: "2024-06-15"}, {From: "2024-03", To: "2024-03"}, {From: "2024", To: "2024"},
		{From: "2025-01-01"}, {To: "2023-12-31"}, {From: "2024-12-31", To: "2025-01-01"},
	} {
		for _, order := range []kg.StatementOrder{"", kg.Oldest} {
			lo, hi, err := statementKeyRange(order, "", f)
			if err != nil {
				t.Fatal(err)
			}
			matched := 0
			for _, d := range all {
				if (f.From != "" && d.End() < f.From.Start()) || (f.To != "" && d.Start() > f.To.End()) {
					continue
				}
				matched++
				k, err := statementKey(order, d.Start(), "source:s", 0, "statement:s")
				if err != nil {
					t.Fatal(err)
				}
				if k <= lo || k >= hi {
					t.Errorf("filter %+v, order %q: %s (key %q) matches but lies outside (%q, %q)", f, order, d, k, lo, hi)
				}
			}
			if matched == 0 {
				t.Fatalf("filter %+v matches nothing; the test exercises nothing", f)
			}
		}
	}
	// An undated statement lies inside the range without a date filter.
	lo, hi, _ := statementKeyRange("", "", kg.StatementFilter{})
	if k, _ := statementKey("", "", "source:s", 0, "statement:s"); k <= lo || k >= hi {
		t.Errorf("an undated key %q lies outside (%q, %q)", k, lo, hi)
	}
}

// statementKeysStored reads every statement's place and stored keys.
func statementKeysStored(t *testing.T, s *Store) map[string][3]string {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), s.driver, `MATCH (st:Statement)
RETURN st.id AS id, st.sortDate AS sortDate, st.sourceId AS sourceId, st.position AS position, st.newestKey AS newest, st.oldestKey AS oldest`,
		nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][3]string{}
	for _, rec := range res.Records {
		m := rec.AsMap()
		str := func(k string) string { v, _ := m[k].(string); return v }
		pos, _ := m["position"].(int64)
		var want [2]string
		for i, o := range []kg.StatementOrder{"", kg.Oldest} {
			if want[i], err = statementKey(o, str("sortDate"), str("sourceId"), int(pos), str("id")); err != nil {
				t.Fatal(err)
			}
		}
		if (str("newest") != "" && str("newest") != want[0]) || (str("oldest") != "" && str("oldest") != want[1]) {
			t.Errorf("%s: stored keys %q, %q; statementKey gives %q, %q", str("id"), str("newest"), str("oldest"), want[0], want[1])
		}
		out[str("id")] = [3]string{str("newest"), str("oldest")}
	}
	return out
}

// Ingest stores the keys statementKey builds (cursors are turned into keys
// in Go, so the two must agree); a graph loaded before the keys gets the
// same keys at start, and a second run writes nothing.
func TestMigrateStatementKeys(t *testing.T) {
	s, _ := seededStore(t)
	ctx := context.Background()
	loaded := statementKeysStored(t, s)
	undated := 0
	for id, k := range loaded {
		if k[0] == "" || k[1] == "" {
			t.Fatalf("%s was loaded without keys", id)
		}
		if strings.HasPrefix(k[0], "~") {
			undated++
		}
	}
	if len(loaded) < 10 || undated == 0 {
		t.Fatalf("the seed should have statements, undated ones among them: %d, %d undated", len(loaded), undated)
	}
	cypher := func(q string) neo4j.ResultSummary {
		t.Helper()
		res, err := neo4j.ExecuteQuery(ctx, s.driver, q, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
		if err != nil {
			t.Fatal(err)
		}
		return res.Summary
	}
	// The old shape: no keys, or (a half-done write) only one.
	cypher(`MATCH (st:Statement) WITH st ORDER BY st.id SKIP 1 REMOVE st.newestKey, st.oldestKey`)
	cypher(`MATCH (st:Statement) WITH st ORDER BY st.id LIMIT 1 REMOVE st.oldestKey`)
	for id, k := range statementKeysStored(t, s) {
		if k[1] != "" {
			t.Fatalf("%s still has a key after they were removed", id)
		}
	}
	forgetMigrations(t, s)
	if err := s.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	if got := statementKeysStored(t, s); len(got) != len(loaded) {
		t.Errorf("%d statements after the migration, %d before", len(got), len(loaded))
	} else {
		for id, k := range loaded {
			if got[id] != k {
				t.Errorf("%s: keys after the migration %q, at load %q", id, got[id], k)
			}
		}
	}
	rerunWritesNothing(t, s, "migrate_statement_keys")
}

// A page of statements that nothing narrows to an anchor reads the order's
// index from the cursor on, in order, and sorts nothing: the plan has an
// index seek on the key and no Sort, Top or scan of every statement. Asked
// of the plan, which the index hint fixes, so it holds however large the
// graph.
func TestStatementPagePlan(t *testing.T) {
	// Statements, so that a scan that runs shows rows.
	s, _ := seededStore(t)
	ctx := context.Background()
	cursor := kg.EncodeCursor(statementCursorList, "2025-09-04", "source:a", "12", "statement:a")
	oldCursor := kg.EncodeCursor(statementCursorList+"-oldest", "2025-09-04", "source:a", "12", "statement:a")
	for _, f := range []kg.StatementFilter{
		{}, {Kind: kg.Quote}, {From: "2025-09"}, {To: "2025-09-03"}, {From: "2025-09-01", To: "2025-09-30", Kind: kg.Paraphrase},
		{SpeakerKinds: []kg.EntityKind{"NATION"}},
	} {
		for _, order := range []kg.StatementOrder{"", kg.Oldest} {
			f.Order = order
			after := &cursor
			if order == kg.Oldest {
				after = &oldCursor
			}
			for _, a := range []*string{nil, after} {
				params, _, err := statementPageParams([]string{""}, f, 100, a)
				if err != nil {
					t.Fatal(err)
				}
				for _, counts := range []bool{false, true} {
					fields := Fields{Speaker: true, About: true, Event: true, Topics: true, Evidence: true, Counts: counts}
					cy, params := prepare(WithFields(ctx, fields), statementQuery(kg.ScopeNone, f), params)
					res, err := neo4j.ExecuteQuery(ctx, s.driver, "PROFILE "+cy, params, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
					if err != nil {
						t.Fatal(err)
					}
					var ops []string
					var walk func(p neo4j.ProfiledPlan, depth int)
					walk = func(p neo4j.ProfiledPlan, depth int) {
						details, _ := p.Arguments()["Details"].(string)
						ops = append(ops, fmt.Sprintf("%s%s %s (rows %d)", strings.Repeat("  ", depth), p.Operator(), details, p.Records()))
						for _, c := range p.Children() {
							walk(c, depth+1)
						}
					}
					// The profiled plan: the driver's EXPLAIN plan can list one
					// child twice (SemiApply's, with the speaker-kinds filter).
					walk(res.Summary.Profile(), 0)
					plan := strings.Join(ops, "\n")
					key := "newestKey"
					if order == kg.Oldest {
						key = "oldestKey"
					}
					seek := false
					for _, op := range ops {
						op = strings.TrimSpace(op)
						// A seek past the cursor, or (where the planner finds the
						// graph small, or a filter selective) a scan of the same
						// index: either reads statements in the key's order, so
						// the Limit stops the read without a sort.
						if (strings.HasPrefix(op, "NodeIndexSeekByRange") || strings.HasPrefix(op, "NodeIndexScan")) && strings.Contains(op, ":Statement("+key+")") {
							seek = true
						}
						// The count (asked only with counts) may scan; the page may not sort.
						if strings.HasPrefix(op, "Sort") || strings.HasPrefix(op, "Top") || strings.HasPrefix(op, "PartialSort") {
							t.Errorf("filter %+v, after %v, counts %v: the plan sorts:\n%s", f, a != nil, counts, plan)
						}
						// The count's scan is planned but must not run when
						// totals are not asked for.
						if !counts && strings.HasPrefix(op, "NodeByLabelScan") && !strings.HasSuffix(op, "(rows 0)") {
							t.Errorf("filter %+v, after %v: the page scans every statement:\n%s", f, a != nil, plan)
						}
					}
					if !seek {
						t.Errorf("filter %+v, after %v, counts %v: the page does not read the %s index:\n%s", f, a != nil, counts, key, plan)
					}
				}
			}
		}
	}
}
