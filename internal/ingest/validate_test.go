package ingest

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"newsgraph/internal/kg"
)

// baseText has a repeated phrase ("the summit"), a non-ASCII name and a
// quotation, so offsets in code points differ from byte offsets.
const baseText = `Zélenskiy arrived for the summit. "We are ready," Zélenskiy said at the summit in Paris. ` +
	`France's President Emmanuel Macron hosted the summit.`

func str(s string) *string { return &s }
func num(n int) *int       { return &n }

func quote(s string) Evidences { return Evidences{{Quote: &s}} }

// validDoc returns a fresh, valid document; tests break one thing in it.
func validDoc() *Document {
	return &Document{
		Source: SourceInput{ID: "source:test-report", Title: "Test report", Publisher: "Test", PublishedAt: "2025-09-05", Text: baseText},
		Entities: []EntityInput{
			{ID: "person:volodymyr-zelensky", Kind: "PERSON", Name: "Volodymyr Zelensky", Aliases: []string{"Zélenskiy"}, Evidence: quote(`Zélenskiy arrived`)},
			{ID: "person:emmanuel-macron", Kind: "PERSON", Name: "Emmanuel Macron", Aliases: []string{"Macron"}},
			{ID: "nation:france", Kind: "NATION", Name: "France"},
			{ID: "organisation:coalition", Kind: "ORGANISATION", Name: "Coalition"},
		},
		Topics: []TopicInput{{ID: "topic:readiness", Name: "Readiness"}},
		Roles: []RoleInput{
			{Person: "person:emmanuel-macron", Title: "President", Of: "nation:france", Evidence: quote("France's President Emmanuel Macron")},
		},
		Memberships: []MembershipInput{
			{Member: "nation:france", Organisation: "organisation:coalition", Role: "host", Evidence: quote("Macron hosted the summit")},
		},
		Events: []EventInput{{
			ID: "event:2025-09-04-paris-summit", Name: "Paris summit", Kind: "summit", Date: "2025-09-04", Location: "Paris",
			Evidence: quote("the summit in Paris"),
			Participants: []ParticipantInput{
				{Entity: "person:emmanuel-macron", Role: "host", Evidence: quote("Macron hosted the summit")},
				{Entity: "person:volodymyr-zelensky", Evidence: Evidences{{Quote: str("the summit"), Occurrence: num(1)}}},
			},
		}},
		Statements: []StatementInput{{
			Kind: "QUOTE", Speaker: "person:volodymyr-zelensky", Text: "We are ready",
			About: []string{"organisation:coalition", "event:2025-09-04-paris-summit"}, Event: "event:2025-09-04-paris-summit",
			Date: "2025-09-04", Topics: []string{"topic:readiness"},
			Evidence: &EvidenceInput{Quote: str(`"We are ready," Zélenskiy said`)},
		}},
	}
}

func TestValidateResolvesEvidence(t *testing.T) {
	out, err := Validate(validDoc())
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(baseText)
	check := func(what string, e kg.Evidence) {
		t.Helper()
		if e.SourceID != "source:test-report" || string(runes[e.Start:e.End]) != e.Excerpt {
			t.Errorf("%s: [%d,%d) %q does not match the text", what, e.Start, e.End, e.Excerpt)
		}
	}
	st := out.Statements[0]
	check("statement", st.Evidence)
	// The statement starts after one "é": 34 code points, 35 bytes in.
	if want := strings.Index(baseText, `"We`); st.Evidence.Start != want-1 {
		t.Errorf("statement starts at %d, want the code-point offset %d", st.Evidence.Start, want-1)
	}
	if st.ID != "statement:test-report-"+strconv.Itoa(st.Evidence.Start) {
		t.Errorf("derived id %q", st.ID)
	}
	check("role", out.Roles[0].Evidence[0])
	check("membership", out.Memberships[0].Evidence[0])
	check("event", out.Events[0].Evidence[0])
	for _, p := range out.Participations {
		check("participation "+p.EntityID, p.Evidence[0])
	}
	if p := out.Participations[1].Evidence[0]; p.Start != strings.Index(baseText, "the summit")-1 {
		t.Errorf("occurrence 1 of \"the summit\" resolved to %d", p.Start)
	}
	check("entity mention", out.EntityEvidence[0][0])
	if len(out.EntityEvidence[1]) != 0 {
		t.Error("an entity without evidence should have none")
	}

	// Explicit offsets give the same evidence as the quote.
	doc := validDoc()
	doc.Statements[0].Evidence = &EvidenceInput{Start: num(st.Evidence.Start), End: num(st.Evidence.End)}
	again, err := Validate(doc)
	if err != nil {
		t.Fatal(err)
	}
	if again.Statements[0].Evidence != st.Evidence {
		t.Errorf("offsets gave %+v, quote gave %+v", again.Statements[0].Evidence, st.Evidence)
	}
}

// rejections break a valid document in every way the rules forbid.
var rejections = []struct {
	name   string
	break_ func(d *Document)
	path   string
	msg    string
}{
	{"source id kind", func(d *Document) { d.Source.ID = "person:test" }, "source.id", "not a source id"},
	{"source id form", func(d *Document) { d.Source.ID = "Test Report" }, "source.id", "<kind>:<slug>"},
	{"no title", func(d *Document) { d.Source.Title = " " }, "source.title", "required"},
	{"no text", func(d *Document) { d.Source.Text = "" }, "source.text", "required"},
	{"bad url", func(d *Document) { d.Source.URL = "ftp://x" }, "source.url", "not an http(s) URL"},
	{"bad published date", func(d *Document) { d.Source.PublishedAt = "05/09/2025" }, "source.publishedAt", "not a date"},
	{"impossible date", func(d *Document) { d.Source.PublishedAt = "2025-02-30" }, "source.publishedAt", "not a real date"},
	{"entity kind", func(d *Document) { d.Entities[2].Kind = "COUNTRY" }, "entities[2].kind", `"COUNTRY" is not PERSON, NATION or ORGANISATION`},
	{"entity id kind mismatch", func(d *Document) { d.Entities[2].ID = "organisation:france" }, "entities[2].id", "expected a nation"},
	{"entity slug", func(d *Document) { d.Entities[0].ID = "person:Volodymyr_Zelensky" }, "entities[0].id", "bad slug"},
	{"duplicate entity", func(d *Document) { d.Entities[1].ID = "person:volodymyr-zelensky" }, "entities[1].id", "declared twice"},
	{"no name", func(d *Document) { d.Entities[3].Name = "" }, "entities[3].name", "required"},
	{"alias repeats name", func(d *Document) { d.Entities[2].Aliases = []string{"France"} }, "entities[2].aliases[0]", "repeats"},
	{"entity evidence missing", func(d *Document) { d.Entities[0].Evidence = quote("Zelensky arrived") }, "entities[0].evidence.quote", "not found in source text"},
	{"role person unknown", func(d *Document) { d.Roles[0].Person = "person:nobody" }, "roles[0].person", "not declared in this document"},
	{"role of a person", func(d *Document) { d.Roles[0].Of = "person:volodymyr-zelensky" }, "roles[0].of", "expected a nation or organisation"},
	{"role without evidence", func(d *Document) { d.Roles[0].Evidence = nil }, "roles[0].evidence", "missing"},
	{"role no title", func(d *Document) { d.Roles[0].Title = "" }, "roles[0].title", "required"},
	{"duplicate role", func(d *Document) { d.Roles = append(d.Roles, d.Roles[0]) }, "roles[1]", "repeats roles[0]"},
	{"membership in a nation", func(d *Document) { d.Memberships[0].Organisation = "nation:france" }, "memberships[0].organisation", "expected an organisation"},
	{"event kind", func(d *Document) { d.Events[0].Kind = "party" }, "events[0].kind", `"party" is not a known event kind`},
	{"event date", func(d *Document) { d.Events[0].Date = "Thursday" }, "events[0].date", "not a date"},
	{"event end before start", func(d *Document) { d.Events[0].EndDate = "2025-09-01" }, "events[0].endDate", "before the date"},
	{"event evidence missing", func(d *Document) { d.Events[0].Evidence = nil }, "events[0].evidence", "missing"},
	{"ambiguous quote", func(d *Document) { d.Events[0].Participants[1].Evidence = quote("the summit") }, "events[0].participants[1].evidence.quote", "occurs 3 times"},
	{"occurrence out of range", func(d *Document) {
		d.Events[0].Participants[1].Evidence = Evidences{{Quote: str("the summit"), Occurrence: num(4)}}
	}, "events[0].participants[1].evidence.occurrence", "occurs 3 time(s)"},
	{"participant unknown", func(d *Document) { d.Events[0].Participants[0].Entity = "nation:atlantis" }, "events[0].participants[0].entity", "not declared"},
	{"participant twice", func(d *Document) { d.Events[0].Participants[1].Entity = "person:emmanuel-macron" }, "events[0].participants[1].entity", "already takes part"},
	{"statement kind", func(d *Document) { d.Statements[0].Kind = "RUMOUR" }, "statements[0].kind", "not QUOTE or PARAPHRASE"},
	{"quote not verbatim", func(d *Document) { d.Statements[0].Text = "We are prepared" }, "statements[0].text", "verbatim"},
	{"statement evidence not found", func(d *Document) {
		d.Statements[0].Evidence = &EvidenceInput{Quote: str("We are working out")}
	}, "statements[0].evidence.quote", "not found in source text"},
	{"statement evidence missing", func(d *Document) { d.Statements[0].Evidence = nil }, "statements[0].evidence", "missing"},
	{"evidence both ways", func(d *Document) {
		d.Statements[0].Evidence = &EvidenceInput{Quote: str("We are ready"), Start: num(1), End: num(5)}
	}, "statements[0].evidence", "either quote"},
	{"offsets out of range", func(d *Document) {
		d.Statements[0].Evidence = &EvidenceInput{Start: num(10), End: num(10_000)}
	}, "statements[0].evidence", "not a span inside the source text"},
	{"offsets reversed", func(d *Document) {
		d.Statements[0].Evidence = &EvidenceInput{Start: num(20), End: num(10)}
	}, "statements[0].evidence", "not a span"},
	{"only start", func(d *Document) { d.Statements[0].Evidence = &EvidenceInput{Start: num(1)} }, "statements[0].evidence", "both start and end"},
	{"speaker unknown", func(d *Document) { d.Statements[0].Speaker = "person:nobody" }, "statements[0].speaker", "not declared"},
	{"speaker is an event", func(d *Document) { d.Statements[0].Speaker = "event:2025-09-04-paris-summit" }, "statements[0].speaker", "expected a person, nation or organisation"},
	{"about a topic", func(d *Document) { d.Statements[0].About = []string{"topic:readiness"} }, "statements[0].about[0]", "expected a person, nation, organisation or event"},
	{"event is an entity", func(d *Document) { d.Statements[0].Event = "nation:france" }, "statements[0].event", "expected an event"},
	{"topic unknown", func(d *Document) { d.Statements[0].Topics = []string{"topic:weather"} }, "statements[0].topics[0]", "not declared"},
	{"statement date", func(d *Document) { d.Statements[0].Date = "2025-13" }, "statements[0].date", "not a real date"},
	{"topic id kind", func(d *Document) { d.Topics[0].ID = "event:readiness" }, "topics[0].id", "expected a topic"},
}

func TestValidateRejects(t *testing.T) {
	for _, tt := range rejections {
		t.Run(tt.name, func(t *testing.T) {
			doc := validDoc()
			tt.break_(doc)
			_, err := Validate(doc)
			var inv *InvalidError
			if !errors.As(err, &inv) || !errors.Is(err, kg.ErrInvalidInput) {
				t.Fatalf("Validate = %v, want an *InvalidError", err)
			}
			for _, p := range inv.Problems {
				if p.Path == tt.path && strings.Contains(p.Message, tt.msg) {
					return
				}
			}
			t.Errorf("no problem at %s saying %q; got:\n%v", tt.path, tt.msg, err)
		})
	}
}

// Every problem is reported at once, not just the first.
func TestValidateListsEveryProblem(t *testing.T) {
	doc := validDoc()
	doc.Source.Title = ""
	doc.Entities[2].Kind = "COUNTRY"
	doc.Statements[0].Text = "nothing like it"
	_, err := Validate(doc)
	var inv *InvalidError
	if !errors.As(err, &inv) || len(inv.Problems) < 3 {
		t.Fatalf("want at least 3 problems, got %v", err)
	}
	for _, want := range []string{"source.title: is required", "entities[2].kind:", "statements[0].text:"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, json, want string
	}{
		{"unknown field", `{"source": {"id": "source:x", "titel": "x"}}`, `unknown field "titel"`},
		{"wrong type", `{"statements": [{"kind": 3}]}`, "statements.kind"},
		{"not JSON", `{"source": `, "document"},
		{"trailing data", `{} {}`, "after the JSON document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.json))
			var inv *InvalidError
			if !errors.As(err, &inv) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Parse = %v, want an invalid-document error mentioning %q", err, tt.want)
			}
		})
	}
	// Evidence may be one object or a list.
	doc, err := Parse(strings.NewReader(`{"events": [{"id": "event:x", "evidence": {"quote": "a"}}, {"id": "event:y", "evidence": [{"quote": "a"}, {"start": 0, "end": 1}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Events[0].Evidence) != 1 || len(doc.Events[1].Evidence) != 2 || *doc.Events[1].Evidence[1].End != 1 {
		t.Errorf("evidence = %+v", doc.Events)
	}
}

func TestLimits(t *testing.T) {
	doc := validDoc()
	doc.Source.Text = strings.Repeat("é", MaxTextRunes+1)
	_, err := Validate(doc)
	if err == nil || !strings.Contains(err.Error(), "source.text: has 1000001 characters; the limit is 1000000") {
		t.Errorf("text over the cap: %v", err)
	}
	doc = validDoc()
	for i := 0; len(doc.Topics) <= MaxFacts; i++ {
		doc.Topics = append(doc.Topics, TopicInput{ID: "topic:t-" + strconv.Itoa(i), Name: "T"})
	}
	_, err = Validate(doc)
	if err == nil || !strings.Contains(err.Error(), "document: has 20011 facts") || !strings.Contains(err.Error(), "the limit is 20000") {
		t.Errorf("facts over the cap: %v", err)
	}
}
