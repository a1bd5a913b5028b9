// Package extract drafts a source document from a news report's raw text:
// the quotations and reported speech in it, who said them, the people,
// nations and organisations it names, their roles, events and dates. The
// draft is in the ingestion format and passes validation as it is; a
// report beside it gives, for every proposed fact, the rule that produced
// it and a confidence, so that a reviewer can check the least sure first.
//
// It is a set of rules written for the patterns of wire-service writing,
// with a gazetteer of the world's nations and common organisations and the
// graph's own names, not a statistical model: it is fast (well over a
// megabyte of text a second) and every decision can be traced to a rule.
package extract

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"newsgraph/internal/ingest"
	"newsgraph/internal/kg"
	"newsgraph/internal/names"
)

// MaxTextLength is the longest report accepted, in characters.
const MaxTextLength = 1_000_000

// Input is a report to draft.
type Input struct {
	Text        string
	ID          string // the source's id; derived from the publisher, date and title when empty
	Title       string
	Publisher   string
	URL         string
	PublishedAt kg.Date
}

// Draft is the extractor's proposal.
type Draft struct {
	// Document is in the ingestion format and passes validation as it is.
	Document *ingest.Document
	// Report has one entry per proposed fact, in document order, then the
	// statements whose speaker the text does not give (Unresolved).
	Report []Fact
	// Unresolved are statements found in the text whose speaker could not
	// be resolved: a reviewer must choose one before they can be added.
	Unresolved []ingest.StatementInput
}

// Fact explains one proposed fact.
type Fact struct {
	// Path is where the fact is: "statements[3]", "roles[0]", "entities[2]",
	// "events[1]", or "unresolved[0]" for Draft.Unresolved.
	Path string `json:"path"`
	// Rule names the pattern that produced it, e.g.
	// "quote-then-attribution/named".
	Rule string `json:"rule"`
	// Confidence is in [0, 1]; reviewers check the lowest first.
	Confidence float64 `json:"confidence"`
	// Matched are the ids of entities already in the graph that the fact
	// refers to.
	Matched []string `json:"matched,omitempty"`
}

// extraction is the state of one run.
type extraction struct {
	in              Input
	t               *text
	toks            []token
	lex             *lexicon
	mentionAt       []*mention
	entities        []*entity
	byID            map[string]*entity
	roles           []*role
	events          []*event
	statements      []*statement
	said            []saidAt
	lastAttribution map[*entity]string
	eventOfTok      []*event // built on first use, after findEvents
	dominant        *entity
	dominantDone    bool
	// titleOf is the title a person was named with, even where the text
	// gives no body it is of ("Cagayan Gov. Ramon Ilagan").
	titleOf map[*entity]string
	// listedTitle caches listedTitleAt: end+1, or 0 when not yet asked.
	listedTitle []int32
}

// Extract drafts a source document from a report. cat may be nil: the
// gazetteer alone is used then. The error is a kg.ErrInvalidInput error
// for text that is empty, not UTF-8 or too long.
func Extract(in Input, cat *Catalogue) (*Draft, error) {
	if err := in.Check(); err != nil {
		return nil, err
	}
	if cat == nil {
		cat = &Catalogue{}
	}
	lex, err := cat.lexicon()
	if err != nil {
		return nil, err
	}
	return run(in, lex)
}

// Check refuses input no draft can be made from, with a kg.ErrInvalidInput
// error naming the field: text that is empty, not UTF-8 or too long, no
// title, a malformed publication date. It is cheap, so callers check
// before fetching a catalogue.
func (in Input) Check() error {
	switch {
	case !utf8.ValidString(in.Text):
		return kg.InvalidInput("text", "is not valid UTF-8")
	case strings.TrimSpace(in.Text) == "":
		return kg.InvalidInput("text", "is empty")
	case utf8.RuneCountInString(in.Text) > MaxTextLength:
		return kg.InvalidInput("text", "is longer than %d characters", MaxTextLength)
	case strings.TrimSpace(in.Title) == "":
		return kg.InvalidInput("title", "is empty")
	}
	if in.PublishedAt != "" {
		if _, err := kg.ParseDate("publishedAt", string(in.PublishedAt)); err != nil {
			return err
		}
	}
	if in.ID != "" {
		if kind, _, err := kg.ParseID("id", in.ID); err != nil {
			return err
		} else if kind != kg.KindSource {
			return kg.InvalidInput("id", "%q is not a source id (source:<slug>)", in.ID)
		}
	}
	return nil
}

func run(in Input, lex *lexicon) (*Draft, error) {
	x := &extraction{in: in, lex: lex, byID: map[string]*entity{}, lastAttribution: map[*entity]string{}, titleOf: map[*entity]string{}}
	x.t = newText(in.Text)
	x.toks = tokenize(x.t)
	x.mentionAt = make([]*mention, len(x.toks))
	x.findKnown()
	x.findOrganisations()
	x.findRoles()
	x.findSurnames()
	x.pronounTitles()
	x.findEvents()
	x.learnGenders()
	x.findStatements()
	ranges := x.sentenceTokens()
	x.linkStatements(ranges)
	x.statementDates(ranges)
	x.eventIDs()
	tm := newTopicModel(lex.topics)
	for _, st := range x.statements {
		st.topics = tm.topicsFor(st.text)
	}
	return x.draft()
}

// SourceID derives a source id: publisher, publication date and the
// first words of the title.
func SourceID(in Input) string {
	var parts []string
	if p := names.Slug(in.Publisher); p != "" {
		parts = append(parts, p)
	}
	if in.PublishedAt != "" {
		parts = append(parts, string(in.PublishedAt))
	}
	words := strings.Split(names.Slug(in.Title), "-")
	if len(words) > 6 {
		words = words[:6]
	}
	if t := strings.Join(words, "-"); t != "" {
		parts = append(parts, t)
	}
	if len(parts) == 0 {
		return "source:untitled"
	}
	return "source:" + strings.Join(parts, "-")
}

// ev turns a byte span into evidence with code-point offsets.
func (x *extraction) ev(sp span) *ingest.EvidenceInput {
	s, e := x.t.codePoint(sp.start), x.t.codePoint(sp.end)
	return &ingest.EvidenceInput{Start: &s, End: &e}
}

// draft assembles the document and the report, and checks the document
// with the ingestion rules; a fact that breaks one (which would be a bug
// here) is dropped rather than handed on.
func (x *extraction) draft() (*Draft, error) {
	d := &Draft{Document: &ingest.Document{Source: ingest.SourceInput{
		ID: x.in.ID, Title: strings.TrimSpace(x.in.Title), Publisher: x.in.Publisher, URL: x.in.URL,
		PublishedAt: x.in.PublishedAt, Text: x.in.Text,
	}}}
	if d.Document.Source.ID == "" {
		d.Document.Source.ID = SourceID(x.in)
	}
	doc := d.Document
	used := map[*entity]bool{}
	use := func(e *entity) string { used[e] = true; return e.id }
	matched := func(es ...*entity) []string {
		var out []string
		for _, e := range es {
			if e != nil && e.existing && !slices.Contains(out, e.id) {
				out = append(out, e.id)
			}
		}
		return out
	}
	var facts []Fact
	// Statements first, so entities they need are marked used.
	var stFacts []Fact
	for _, st := range x.statements {
		in := ingest.StatementInput{Kind: st.kind, Text: st.text, Attribution: st.attribution, Date: kg.Date(st.date), Evidence: x.ev(st.ev)}
		for _, a := range st.about {
			in.About = append(in.About, a.id)
		}
		for _, ev := range st.aboutEvents {
			in.About = append(in.About, ev.id)
		}
		if st.event != nil {
			in.Event = st.event.id
		}
		in.Topics = st.topics
		if st.speaker == nil {
			d.Unresolved = append(d.Unresolved, in)
			continue
		}
		in.Speaker = use(st.speaker)
		for _, a := range st.about {
			use(a)
		}
		doc.Statements = append(doc.Statements, in)
		stFacts = append(stFacts, Fact{Path: fmt.Sprintf("statements[%d]", len(doc.Statements)-1), Rule: st.rule,
			Confidence: round(st.confidence), Matched: matched(append([]*entity{st.speaker}, st.about...)...)})
	}
	var unFacts []Fact
	for i, st := range x.unresolvedStatements() {
		unFacts = append(unFacts, Fact{Path: fmt.Sprintf("unresolved[%d]", i), Rule: st.rule, Confidence: round(min(st.confidence, 0.25)), Matched: matched(st.about...)})
		for _, a := range st.about {
			use(a)
		}
	}
	// The about lists of unresolved statements may name entities the
	// document must declare once a speaker is chosen.
	var roleFacts []Fact
	for _, r := range x.roles {
		doc.Roles = append(doc.Roles, ingest.RoleInput{Person: use(r.person), Title: r.title, Of: use(r.of), Evidence: ingest.Evidences{*x.ev(r.ev)}})
		roleFacts = append(roleFacts, Fact{Path: fmt.Sprintf("roles[%d]", len(doc.Roles)-1), Rule: r.rule, Confidence: r.confidence, Matched: matched(r.person, r.of)})
	}
	var evFacts []Fact
	for _, ev := range x.events {
		in := ingest.EventInput{ID: ev.id, Name: ev.name, Kind: ev.kind, Date: kg.Date(ev.date), Location: ev.location}
		for _, sp := range ev.evidence {
			in.Evidence = append(in.Evidence, *x.ev(sp))
		}
		seen := map[*entity]bool{}
		for i, p := range ev.participants {
			if seen[p.who] {
				continue
			}
			seen[p.who] = true
			in.Participants = append(in.Participants, ingest.ParticipantInput{Entity: use(p.who), Evidence: ingest.Evidences{*x.ev(ev.evidence[min(i, len(ev.evidence)-1)])}})
		}
		doc.Events = append(doc.Events, in)
		evFacts = append(evFacts, Fact{Path: fmt.Sprintf("events[%d]", len(doc.Events)-1), Rule: "event-phrase", Confidence: ev.confidence})
	}
	// Entities: every one a fact refers to, and every one the report names
	// outright (not only as an adjective).
	var entFacts []Fact
	for _, e := range x.entities {
		named := false
		var first *mention
		for _, m := range e.mentions {
			if m.form != formAdjective {
				named = true
				if first == nil {
					first = m
				}
			}
		}
		if !used[e] && !named {
			continue
		}
		if first == nil && len(e.mentions) > 0 {
			first = e.mentions[0]
		}
		in := ingest.EntityInput{ID: e.id, Kind: e.kind, Name: e.name, Aliases: e.aliasesUsed}
		if first != nil {
			in.Evidence = ingest.Evidences{*x.ev(first.span)}
		}
		doc.Entities = append(doc.Entities, in)
		entFacts = append(entFacts, Fact{Path: fmt.Sprintf("entities[%d]", len(doc.Entities)-1), Rule: e.rule, Confidence: e.confidence, Matched: matched(e)})
	}
	// Topics the statements are on.
	for _, t := range x.lex.topics {
		for _, st := range doc.Statements {
			if slices.Contains(st.Topics, t.ID) {
				doc.Topics = append(doc.Topics, ingest.TopicInput{ID: t.ID, Name: t.Name})
				break
			}
		}
	}
	facts = append(facts, entFacts...)
	facts = append(facts, roleFacts...)
	facts = append(facts, evFacts...)
	facts = append(facts, stFacts...)
	facts = append(facts, unFacts...)
	d.Report = facts
	if _, err := ingest.Validate(doc); err != nil {
		return nil, fmt.Errorf("extract: the draft breaks the ingestion rules: %w", err)
	}
	return d, nil
}

func (x *extraction) unresolvedStatements() []*statement {
	var out []*statement
	for _, st := range x.statements {
		if st.speaker == nil {
			out = append(out, st)
		}
	}
	return out
}

func round(f float64) float64 { return float64(int(f*100+0.5)) / 100 }
