// Package ingest reads and validates source documents: one source and the
// facts it supports, in the JSON format the README describes. The GraphQL
// SourceDocumentInput is bound to Document, so the seed loader and the CLI
// (through Parse) and the ingestSource mutation (through gqlgen) fill the
// same type, and all three go through Load and Validate: a document is
// judged the same way whichever door it comes in by. Validation finds every
// problem at once, each with its path, and turns quoted evidence into
// code-point offsets; nothing is written unless the whole document is valid.
package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"newsgraph/internal/kg"
	"newsgraph/internal/names"
)

// Document is a source document as written: references are ids, evidence is
// quoted or given as offsets. Optional strings are empty when absent. Kinds
// and dates are as written, not yet checked: Validate checks them.
type Document struct {
	Source      SourceInput       `json:"source"`
	Entities    []EntityInput     `json:"entities"`
	Roles       []RoleInput       `json:"roles"`
	Memberships []MembershipInput `json:"memberships"`
	Topics      []TopicInput      `json:"topics"`
	Events      []EventInput      `json:"events"`
	Statements  []StatementInput  `json:"statements"`
}

// SourceInput is the article itself.
type SourceInput struct {
	ID          string  `json:"id"`
	Title       string  `json:"title"`
	Publisher   string  `json:"publisher,omitempty"`
	URL         string  `json:"url,omitempty"`
	PublishedAt kg.Date `json:"publishedAt,omitempty"`
	Text        string  `json:"text"`
}

// EntityInput declares a person, nation or organisation the source names.
type EntityInput struct {
	ID          string        `json:"id"`
	Kind        kg.EntityKind `json:"kind"`
	Name        string        `json:"name"`
	Aliases     []string      `json:"aliases,omitempty"`
	Description string        `json:"description,omitempty"`
	Evidence    Evidences     `json:"evidence,omitempty"`
	// Distinct says the entity is not the existing entity of the same kind
	// with the same name or alias (two people called John Smith).
	Distinct bool `json:"distinct,omitempty"`
}

// EvidenceInput points into the source text: a verbatim Quote (with
// Occurrence, counted from 1, when it occurs more than once), or explicit
// Start and End code-point offsets.
type EvidenceInput struct {
	Quote      *string `json:"quote,omitempty"`
	Occurrence *int    `json:"occurrence,omitempty"`
	Start      *int    `json:"start,omitempty"`
	End        *int    `json:"end,omitempty"`
}

// Evidences is one piece of evidence or several; in JSON, a single object
// is accepted where a list is, since most facts have exactly one.
type Evidences []EvidenceInput

// UnmarshalJSON accepts an object or an array of objects.
func (e *Evidences) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '{' {
		var one EvidenceInput
		if err := strictUnmarshal(b, &one); err != nil {
			return err
		}
		*e = Evidences{one}
		return nil
	}
	var many []EvidenceInput
	if err := strictUnmarshal(b, &many); err != nil {
		return err
	}
	*e = many
	return nil
}

// RoleInput says a person holds a title in a nation or organisation.
type RoleInput struct {
	Person   string    `json:"person"`
	Title    string    `json:"title"`
	Of       string    `json:"of"`
	Evidence Evidences `json:"evidence"`
}

// MembershipInput says a nation or organisation belongs to an organisation.
type MembershipInput struct {
	Member       string    `json:"member"`
	Organisation string    `json:"organisation"`
	Role         string    `json:"role,omitempty"`
	Evidence     Evidences `json:"evidence"`
}

// TopicInput declares a topic statements can be on.
type TopicInput struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// EventInput declares an event and who took part.
type EventInput struct {
	ID           string             `json:"id"`
	Name         string             `json:"name"`
	Kind         string             `json:"kind"`
	Description  string             `json:"description,omitempty"`
	Date         kg.Date            `json:"date,omitempty"`
	EndDate      kg.Date            `json:"endDate,omitempty"`
	Location     string             `json:"location,omitempty"`
	Participants []ParticipantInput `json:"participants,omitempty"`
	Evidence     Evidences          `json:"evidence"`
}

// ParticipantInput is an entity's part in an event.
type ParticipantInput struct {
	Entity   string    `json:"entity"`
	Role     string    `json:"role,omitempty"`
	Evidence Evidences `json:"evidence"`
}

// StatementInput is a quote or a paraphrase. ID may be omitted; the loader
// then derives a stable one from the source and the evidence's position.
type StatementInput struct {
	ID          string           `json:"id,omitempty"`
	Kind        kg.StatementKind `json:"kind"`
	Speaker     string           `json:"speaker"`
	Attribution string           `json:"attribution,omitempty"`
	Text        string           `json:"text"`
	About       []string         `json:"about,omitempty"`
	Event       string           `json:"event,omitempty"`
	Date        kg.Date          `json:"date,omitempty"`
	Topics      []string         `json:"topics,omitempty"`
	Evidence    *EvidenceInput   `json:"evidence"`
}

// Parse reads one JSON document. Unknown fields are errors, so a misspelt
// field name is reported instead of silently dropped.
func Parse(r io.Reader) (*Document, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("ingest.Parse: %w", err)
	}
	var doc Document
	if err := strictUnmarshal(b, &doc); err != nil {
		return nil, invalid(Problem{Path: "document", Message: jsonMessage(err)})
	}
	return &doc, nil
}

func strictUnmarshal(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("unexpected data after the JSON document")
	}
	return nil
}

// jsonMessage words a decoding error with the field's path where Go gives it.
func jsonMessage(err error) string {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) && typeErr.Field != "" {
		return fmt.Sprintf("field %s: expected %s, got JSON %s", typeErr.Field, typeErr.Type, typeErr.Value)
	}
	var syntaxErr *json.SyntaxError
	if errors.As(err, &syntaxErr) {
		return fmt.Sprintf("invalid JSON at byte %d: %s", syntaxErr.Offset, syntaxErr.Error())
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// Graph answers what validation needs to know about the graph already
// there: which ids exist, and which entities go by a name.
type Graph interface {
	NodeKinds(ctx context.Context, ids []string) (map[string]kg.IDKind, error)
	SameNames(ctx context.Context, kind kg.EntityKind, keys []string) (map[string][]string, error)
}

// Loader writes a validated document and knows the graph; *store.Store is
// the one in use.
type Loader interface {
	Graph
	LoadDocument(ctx context.Context, doc *kg.SourceDocument) (kg.LoadReport, error)
}

// Load validates a document against the rules and the graph and, only if it
// is valid, writes it in one transaction. It is the one path by which
// documents enter the graph: the seed, the CLI and the mutation all call it.
func Load(ctx context.Context, l Loader, doc *Document) (*kg.SourceDocument, kg.LoadReport, error) {
	valid, err := ValidateWith(ctx, doc, l)
	if err != nil {
		return nil, nil, err
	}
	report, err := l.LoadDocument(ctx, valid)
	if err != nil {
		return nil, nil, fmt.Errorf("ingest.Load %s: %w", valid.Source.ID, err)
	}
	return valid, report, nil
}

// BatchLoader writes many validated documents in one transaction.
type BatchLoader interface {
	Graph
	LoadDocuments(ctx context.Context, docs []*kg.SourceDocument) error
}

// LoadBatch validates every document and, only if all are valid, writes
// them in one transaction: the bulk door to the same path, for archives
// and benchmark data. A problem in any document is reported with its index
// ("documents[3].statements[0]…") and nothing is written.
func LoadBatch(ctx context.Context, l BatchLoader, docs []*Document) ([]*kg.SourceDocument, error) {
	valid, err := ValidateBatch(ctx, l, docs)
	if err != nil {
		return nil, err
	}
	if err := l.LoadDocuments(ctx, valid); err != nil {
		return nil, fmt.Errorf("ingest.LoadBatch: %w", err)
	}
	return valid, nil
}

// ValidateBatch is LoadBatch's first half: every document validated
// against the rules and the graph, with one lookup for the whole batch,
// and every problem reported with its document's index. A loader that
// validates batches while an earlier one is being written calls it, then
// LoadDocuments.
func ValidateBatch(ctx context.Context, g Graph, docs []*Document) ([]*kg.SourceDocument, error) {
	valid := make([]*kg.SourceDocument, len(docs))
	var problems []Problem
	batch, err := lookUpBatch(ctx, g, docs)
	if err != nil {
		return nil, err
	}
	for i, d := range docs {
		v, err := ValidateWith(ctx, d, batch)
		var inv *InvalidError
		switch {
		case errors.As(err, &inv):
			for _, p := range inv.Problems {
				problems = append(problems, Problem{Path: fmt.Sprintf("documents[%d].%s", i, p.Path), Message: p.Message})
			}
		case err != nil:
			return nil, err
		}
		valid[i] = v
	}
	if len(problems) > 0 {
		return nil, invalid(problems...)
	}
	return valid, nil
}

// batchGraph answers NodeKinds from one lookup made for a whole batch, so
// validating fifty documents costs one round trip instead of fifty. Ids it
// was not asked about go to the graph.
type batchGraph struct {
	Graph
	looked map[string]bool
	kinds  map[string]kg.IDKind
	// names answers SameNames for the keys of every entity the batch
	// declares and the graph does not hold, looked up once per kind.
	names map[kg.EntityKind]map[string][]string
}

// lookUpBatch looks up every id the documents mention, declared or
// referred to: a superset of what each document's validation asks.
func lookUpBatch(ctx context.Context, g Graph, docs []*Document) (*batchGraph, error) {
	seen := map[string]bool{}
	var ids []string
	add := func(list ...string) {
		for _, id := range list {
			if id != "" && !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	for _, d := range docs {
		for _, e := range d.Entities {
			add(e.ID)
		}
		references(d, add)
	}
	kinds, err := g.NodeKinds(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("ingest.LoadBatch: %w", err)
	}
	// The name keys validation will ask about: those of declared entities
	// the graph does not hold (sameNames skips the others).
	keys := map[kg.EntityKind][]string{}
	keySeen := map[kg.EntityKind]map[string]bool{}
	for _, d := range docs {
		for _, e := range d.Entities {
			kind := kg.EntityKind(e.Kind)
			if _, exists := kinds[e.ID]; exists || e.Distinct || !kind.Valid() {
				continue
			}
			if keySeen[kind] == nil {
				keySeen[kind] = map[string]bool{}
			}
			for _, k := range names.Keys(e.Name, e.Aliases) {
				if !keySeen[kind][k] {
					keySeen[kind][k] = true
					keys[kind] = append(keys[kind], k)
				}
			}
		}
	}
	found := map[kg.EntityKind]map[string][]string{}
	for _, kind := range kg.EntityKinds {
		if len(keys[kind]) == 0 {
			continue
		}
		f, err := g.SameNames(ctx, kind, keys[kind])
		if err != nil {
			return nil, fmt.Errorf("ingest.LoadBatch: %w", err)
		}
		found[kind] = map[string][]string{}
		for _, k := range keys[kind] {
			found[kind][k] = f[k]
		}
	}
	return &batchGraph{Graph: g, looked: seen, kinds: kinds, names: found}, nil
}

// SameNames answers from the batch's lookup, and asks the graph only about
// keys it was not asked about.
func (b *batchGraph) SameNames(ctx context.Context, kind kg.EntityKind, keys []string) (map[string][]string, error) {
	out := map[string][]string{}
	var missing []string
	for _, k := range keys {
		if ids, ok := b.names[kind][k]; ok {
			if len(ids) > 0 {
				out[k] = ids
			}
		} else {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		more, err := b.Graph.SameNames(ctx, kind, missing)
		if err != nil {
			return nil, err
		}
		for k, ids := range more {
			out[k] = ids
		}
	}
	return out, nil
}

func (b *batchGraph) NodeKinds(ctx context.Context, ids []string) (map[string]kg.IDKind, error) {
	out := map[string]kg.IDKind{}
	var missing []string
	for _, id := range ids {
		if !b.looked[id] {
			missing = append(missing, id)
		} else if k, ok := b.kinds[id]; ok {
			out[id] = k
		}
	}
	if len(missing) > 0 {
		more, err := b.Graph.NodeKinds(ctx, missing)
		if err != nil {
			return nil, err
		}
		for id, k := range more {
			out[id] = k
		}
	}
	return out, nil
}
