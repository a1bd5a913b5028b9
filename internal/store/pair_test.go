package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"newsgraph/internal/ingest"
	"newsgraph/internal/kg"
)

// pairDoc is a source where one speaker (hub) says 120 things about one
// nation (popular) and 2 about a rarely mentioned person (rare), and a quiet
// speaker says 2 things about the popular nation.
func pairDoc(t *testing.T) *kg.SourceDocument {
	t.Helper()
	var text strings.Builder
	var sts []ingest.StatementInput
	say := func(speaker, about string) {
		line := fmt.Sprintf("Line %03d was said.", len(sts))
		text.WriteString(line + " ")
		sts = append(sts, ingest.StatementInput{
			Kind: kg.Paraphrase, Speaker: speaker, Text: line, About: []string{about},
			Date: kg.Date(fmt.Sprintf("2025-01-%02d", 1+len(sts)%28)), Evidence: &ingest.EvidenceInput{Quote: &line},
		})
	}
	for range 120 {
		say("person:hub", "nation:popular")
	}
	say("person:hub", "person:rare")
	say("person:quiet", "nation:popular")
	say("person:hub", "person:rare")
	say("person:quiet", "nation:popular")
	say("person:quiet", "person:rare")
	doc, err := ingest.Validate(&ingest.Document{
		Source: ingest.SourceInput{ID: "source:pair", Title: "Pairs", Text: text.String()},
		Entities: []ingest.EntityInput{
			{ID: "person:hub", Kind: "PERSON", Name: "Hub"},
			{ID: "person:quiet", Kind: "PERSON", Name: "Quiet"},
			{ID: "person:rare", Kind: "PERSON", Name: "Rare"},
			{ID: "nation:popular", Kind: "NATION", Name: "Popular"},
		},
		Statements: sts,
	})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// A statement list tied to two nodes ("what a said about b") starts from
// the node with fewer statements, whichever of the two the scope or the
// filter names: the plan never walks the hub's 122 statements or the
// popular nation's 122 mentions to find the 2 or 3 that meet the other
// end. Asked of the profiled plan (rows per operator), not of time.
func TestStatementPairStartsFromTheSmallerSide(t *testing.T) {
	s := emptyStore(t)
	ctx := context.Background()
	if _, err := s.LoadDocument(ctx, pairDoc(t)); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		scope  kg.Scope
		anchor string
		f      kg.StatementFilter
		want   int
	}{
		{"hub's statements about rare", kg.ScopeSpeaker, "person:hub", kg.StatementFilter{AboutID: "person:rare"}, 2},
		{"popular's mentions by quiet", kg.ScopeAbout, "nation:popular", kg.StatementFilter{SpeakerID: "person:quiet"}, 2},
		{"every statement of hub about rare", kg.ScopeNone, "", kg.StatementFilter{SpeakerID: "person:hub", AboutID: "person:rare"}, 2},
		{"every statement of quiet about popular", kg.ScopeNone, "", kg.StatementFilter{SpeakerID: "person:quiet", AboutID: "nation:popular"}, 2},
		{"quiet's statements about rare", kg.ScopeSpeaker, "person:quiet", kg.StatementFilter{AboutID: "person:rare"}, 1},
	}
	for _, c := range cases {
		for _, counts := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, counts %v", c.name, counts), func(t *testing.T) {
				fields := Fields{Counts: counts}
				res, rows, plan := profilePage(t, s, c.scope, c.anchor, c.f, 20, fields)
				most := int64(0)
				for op, n := range rows {
					if strings.HasPrefix(op, "Expand") {
						most = max(most, n)
					}
				}
				if most > 10 {
					t.Errorf("an expand produced %d rows; the smaller side has at most 5:\n%s", most, plan)
				}
				if len(res.Records) != 1 {
					t.Fatalf("%d rows, want one page", len(res.Records))
				}
				page, err := decodeStatementPage(res.Records[0], c.f.Order, 20, false, fields)
				if err != nil {
					t.Fatal(err)
				}
				if len(page.Items) != c.want {
					t.Errorf("%d statements, want %d", len(page.Items), c.want)
				}
				if counts && page.TotalCount != c.want {
					t.Errorf("total %d, want %d", page.TotalCount, c.want)
				}
				// Newest first: the dates never rise.
				var dates []string
				for _, st := range page.Items {
					dates = append(dates, string(st.Date))
				}
				if !slices.IsSortedFunc(dates, func(a, b string) int { return strings.Compare(b, a) }) {
					t.Errorf("not newest first: %v", dates)
				}
			})
		}
	}
}
