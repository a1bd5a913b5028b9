package store_test

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"testing"

	"newsgraph/internal/ingest"
	"newsgraph/internal/kg"
	"newsgraph/seed"
)

// span is one piece of evidence as a comparable value: what it supports,
// where, and which fact.
type span struct {
	kind       kg.EvidenceKind
	start, end int
	fact       string
}

// documentSpans lists every span a document gives, from the document
// itself: what SourceEvidence must read back from the graph.
func documentSpans(d *kg.SourceDocument) []span {
	var out []span
	add := func(kind kg.EvidenceKind, fact string, es ...kg.Evidence) {
		for _, e := range es {
			out = append(out, span{kind, e.Start, e.End, fact})
		}
	}
	for _, st := range d.Statements {
		add(kg.StatementEvidence, st.ID, st.Evidence)
	}
	for _, ev := range d.Events {
		add(kg.EventEvidence, ev.ID, ev.Evidence...)
	}
	for i, e := range d.Entities {
		add(kg.MentionEvidence, e.ID, d.EntityEvidence[i]...)
	}
	for _, r := range d.Roles {
		add(kg.RoleEvidence, r.PersonID+" "+r.Title+" "+r.OfID, r.Evidence...)
	}
	for _, m := range d.Memberships {
		add(kg.MembershipEvidence, m.MemberID+" "+m.OrganisationID, m.Evidence...)
	}
	for _, p := range d.Participations {
		add(kg.ParticipationEvidence, p.EntityID+" "+p.EventID, p.Evidence...)
	}
	return out
}

// readSpan names the fact a read span carries, checking that exactly the
// field its kind names is set.
func readSpan(t *testing.T, e kg.SourceEvidence) span {
	t.Helper()
	s := span{kind: e.Kind, start: e.Start, end: e.End}
	set := 0
	for _, p := range []bool{e.Statement != nil, e.Event != nil, e.Role != nil, e.Membership != nil, e.Participation != nil, e.Entity != nil} {
		if p {
			set++
		}
	}
	if set != 1 {
		t.Errorf("%+v: %d facts set, want 1", e, set)
	}
	switch e.Kind {
	case kg.StatementEvidence:
		s.fact = e.Statement.ID
	case kg.EventEvidence:
		s.fact = e.Event.ID
	case kg.MentionEvidence:
		s.fact = e.Entity.ID
	case kg.RoleEvidence:
		s.fact = e.Role.PersonID + " " + e.Role.Title + " " + e.Role.OfID
	case kg.MembershipEvidence:
		s.fact = e.Membership.MemberID + " " + e.Membership.OrganisationID
	case kg.ParticipationEvidence:
		s.fact = e.Participation.EntityID + " " + e.Participation.EventID
	default:
		t.Fatalf("kind %q", e.Kind)
	}
	return s
}

func compareSpans(a, b span) int {
	return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end), cmp.Compare(a.kind, b.kind), cmp.Compare(a.fact, b.fact))
}

// A source's evidence is exactly the spans its document gave, every kind of
// fact included, in text order, each excerpt the text at its offsets; a
// second source that shares a role adds nothing to the first's list, but
// the shared role carries the evidence of both.
func TestSourceEvidenceIsTheDocumentsSpans(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	loadSeed(t, s)
	load(t, s) // the fixture: Zelensky is President of Ukraine here too
	docs, err := seed.Documents()
	if err != nil {
		t.Fatal(err)
	}
	fixture, err := ingest.Validate(fixtureDoc())
	if err != nil {
		t.Fatal(err)
	}
	docs = append(docs, fixture)
	ids := []string{"source:nothing"}
	for _, d := range docs {
		ids = append(ids, d.Source.ID)
	}
	got, err := s.SourceEvidence(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(ids) || len(got[0]) != 0 {
		t.Fatalf("%d lists for %d ids; unknown source has %d spans", len(got), len(ids), len(got[0]))
	}
	for i, d := range docs {
		list := got[i+1]
		want := documentSpans(d)
		slices.SortFunc(want, compareSpans)
		kinds := map[kg.EvidenceKind]int{}
		read := make([]span, len(list))
		runes := []rune(d.Source.Text)
		for j, e := range list {
			read[j] = readSpan(t, e)
			kinds[e.Kind]++
			if e.Excerpt != string(runes[e.Start:e.End]) {
				t.Errorf("%s: [%d,%d) excerpt %q is not the text there", d.Source.ID, e.Start, e.End, e.Excerpt)
			}
		}
		if !slices.Equal(read, want) {
			t.Errorf("%s: read %d spans, want %d:\nread %v\nwant %v", d.Source.ID, len(read), len(want), read, want)
		}
		if !slices.IsSortedFunc(read, compareSpans) {
			t.Errorf("%s: spans not in text order", d.Source.ID)
		}
		t.Logf("%s: %v", d.Source.ID, kinds)
	}
	// The seed gives evidence of every kind.
	seedKinds := map[kg.EvidenceKind]bool{}
	for _, e := range got[1] {
		seedKinds[e.Kind] = true
	}
	if len(seedKinds) != 6 {
		t.Errorf("seed spans cover kinds %v, want all six", seedKinds)
	}
	// The role both sources give comes whole: two sources' evidence.
	for _, e := range got[len(got)-1] {
		if e.Kind != kg.RoleEvidence {
			continue
		}
		var sources []string
		for _, ev := range e.Role.Evidence {
			sources = append(sources, ev.SourceID)
		}
		slices.Sort(sources)
		if want := []string{docs[0].Source.ID, fixture.Source.ID}; fmt.Sprint(sources) != fmt.Sprint(slices.Sorted(slices.Values(want))) {
			t.Errorf("shared role %s %s: evidence from %v, want %v", e.Role.PersonID, e.Role.OfID, sources, want)
		}
		if e.Role.Person.Name != "Volodymyr Zelensky" || e.Role.Of.Name != "Ukraine" {
			t.Errorf("role ends not read: %+v", e.Role)
		}
	}
}
