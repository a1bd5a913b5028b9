package graph

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"newsgraph/graph/model"
	"newsgraph/internal/extract"
	"newsgraph/internal/ingest"
)

// catalogueTTL bounds how stale the names draftSource recognises may be
// when another replica has ingested; this replica's own writes clear it.
const catalogueTTL = 30 * time.Second

// drafts caches the graph's catalogue for draftSource: reading every
// entity's names per request would cost more than drafting.
type drafts struct {
	mu  sync.Mutex
	cat *extract.Catalogue
	at  time.Time
}

func (d *drafts) forget() {
	d.mu.Lock()
	d.cat = nil
	d.mu.Unlock()
}

// catalogue is the graph's catalogue, read at most once per TTL.
func (r *Resolver) catalogue(ctx context.Context) (*extract.Catalogue, error) {
	r.drafts.mu.Lock()
	defer r.drafts.mu.Unlock()
	if r.drafts.cat != nil && time.Since(r.drafts.at) < catalogueTTL {
		return r.drafts.cat, nil
	}
	c, err := r.Store.Catalogue(ctx)
	if err != nil {
		return nil, err
	}
	cat := extract.NewCatalogue(c)
	// An empty graph is about to be seeded (by another path than this
	// resolver's mutations): do not keep its emptiness for 30 s.
	if len(c.Entities) > 0 {
		r.drafts.cat, r.drafts.at = cat, time.Now()
	}
	return cat, nil
}

// draftSource drafts a document from raw text; it writes nothing. The
// input is checked before the catalogue is read, so bad text costs no
// round trip.
func (r *Resolver) draftSource(ctx context.Context, in model.SourceDraftInput) (*model.SourceDraft, error) {
	if err := r.authorize(ctx); err != nil {
		return nil, err
	}
	x := extract.Input{Text: in.Text, Title: in.Title, Publisher: deref(in.Publisher), URL: deref(in.URL), ID: deref(in.ID)}
	if in.PublishedAt != nil {
		x.PublishedAt = *in.PublishedAt
	}
	if err := x.Check(); err != nil {
		return nil, err
	}
	cat, err := r.catalogue(ctx)
	if err != nil {
		return nil, err
	}
	d, err := extract.Extract(x, cat)
	if err != nil {
		return nil, err
	}
	return draftModel(d), nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return strings.TrimSpace(*s)
}

// validateSource checks a document as ingestSource would, writing
// nothing. Problems are the answer, not an error.
func (r *Resolver) validateSource(ctx context.Context, doc ingest.Document) (*model.SourceValidation, error) {
	if err := r.authorize(ctx); err != nil {
		return nil, err
	}
	_, err := ingest.ValidateWith(ctx, &doc, r.Store)
	var inv *ingest.InvalidError
	switch {
	case err == nil:
		return &model.SourceValidation{Valid: true, Problems: []*model.ValidationProblem{}}, nil
	case errors.As(err, &inv):
		return &model.SourceValidation{Problems: mapAll(inv.Problems, func(p ingest.Problem) *model.ValidationProblem {
			return &model.ValidationProblem{Path: p.Path, Message: p.Message}
		})}, nil
	}
	return nil, err
}

// sourceDocument rebuilds a source's ingestion document from the spans of
// its text and the facts they support. Everything in it is public
// already (Source.text, Source.evidence), so it needs no token.
func (r *Resolver) sourceDocument(ctx context.Context, id string) (*model.DraftDocument, error) {
	srcs, err := r.Store.SourcesByID(ctx, []string{id})
	if err != nil || len(srcs) == 0 || srcs[0] == nil {
		return nil, err
	}
	src := *srcs[0]
	texts, err := r.Store.SourceTexts(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	src.Text = texts[0]
	spans, err := r.Store.SourceEvidence(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	doc := ingest.DocumentOf(src, spans[0])
	existing := map[string]bool{}
	for _, e := range doc.Entities {
		existing[e.ID] = true
	}
	return documentModel(doc, existing), nil
}

// draftModel turns a draft into its GraphQL shape. The draft's types are
// the ingestion format's, whose optional strings are "" when absent; the
// output types say null instead, so the draft is converted rather than
// bound.
func draftModel(d *extract.Draft) *model.SourceDraft {
	doc := d.Document
	existing := map[string]bool{}
	for _, f := range d.Report {
		if strings.HasPrefix(f.Path, "entities[") {
			for _, id := range f.Matched {
				existing[id] = true
			}
		}
	}
	return &model.SourceDraft{
		Document:   documentModel(doc, existing),
		Report:     mapAll(d.Report, draftFact),
		Unresolved: mapAll(d.Unresolved, draftStatement),
	}
}

// documentModel is an ingestion document in its GraphQL output shape;
// existing says which entities the graph already has.
func documentModel(doc *ingest.Document, existing map[string]bool) *model.DraftDocument {
	return &model.DraftDocument{
		Source: &model.DraftSource{ID: doc.Source.ID, Title: doc.Source.Title, Publisher: optional(doc.Source.Publisher),
			URL: optional(doc.Source.URL), PublishedAt: optionalDate(doc.Source.PublishedAt), Text: doc.Source.Text},
		Entities:    mapAll(doc.Entities, func(e ingest.EntityInput) *model.DraftEntity { return draftEntity(e, existing[e.ID]) }),
		Roles:       mapAll(doc.Roles, draftRole),
		Memberships: mapAll(doc.Memberships, draftMembership),
		Topics:      mapAll(doc.Topics, func(t ingest.TopicInput) *model.DraftTopic { return &model.DraftTopic{ID: t.ID, Name: t.Name} }),
		Events:      mapAll(doc.Events, draftEvent),
		Statements:  mapAll(doc.Statements, draftStatement),
	}
}

func draftEvidence(e ingest.EvidenceInput) *model.DraftEvidence {
	var s, n int
	if e.Start != nil {
		s = *e.Start
	}
	if e.End != nil {
		n = *e.End
	}
	return &model.DraftEvidence{Start: s, End: n}
}

func draftEvidences(es ingest.Evidences) []*model.DraftEvidence {
	return mapAll([]ingest.EvidenceInput(es), draftEvidence)
}

func draftEntity(e ingest.EntityInput, existing bool) *model.DraftEntity {
	return &model.DraftEntity{ID: e.ID, Kind: e.Kind, Name: e.Name, Aliases: nonNil(e.Aliases), Description: optional(e.Description),
		Existing: existing, Evidence: draftEvidences(e.Evidence)}
}

func draftRole(r ingest.RoleInput) *model.DraftRole {
	return &model.DraftRole{Person: r.Person, Title: r.Title, Of: r.Of, Evidence: draftEvidences(r.Evidence)}
}

func draftMembership(m ingest.MembershipInput) *model.DraftMembership {
	return &model.DraftMembership{Member: m.Member, Organisation: m.Organisation, Role: optional(m.Role), Evidence: draftEvidences(m.Evidence)}
}

func draftEvent(e ingest.EventInput) *model.DraftEvent {
	return &model.DraftEvent{ID: e.ID, Name: e.Name, Kind: e.Kind, Description: optional(e.Description), Date: optionalDate(e.Date),
		EndDate: optionalDate(e.EndDate), Location: optional(e.Location),
		Participants: mapAll(e.Participants, func(p ingest.ParticipantInput) *model.DraftParticipant {
			return &model.DraftParticipant{Entity: p.Entity, Role: optional(p.Role), Evidence: draftEvidences(p.Evidence)}
		}),
		Evidence: draftEvidences(e.Evidence)}
}

func draftStatement(s ingest.StatementInput) *model.DraftStatement {
	out := &model.DraftStatement{Kind: s.Kind, Text: s.Text, Speaker: optional(s.Speaker), Attribution: optional(s.Attribution),
		About: nonNil(s.About), Event: optional(s.Event), Date: optionalDate(s.Date), Topics: nonNil(s.Topics)}
	if s.Evidence != nil {
		out.Evidence = draftEvidence(*s.Evidence)
	}
	return out
}

func draftFact(f extract.Fact) *model.DraftFact {
	return &model.DraftFact{Path: f.Path, Rule: f.Rule, Confidence: f.Confidence, Matched: nonNil(f.Matched)}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
