package graph

import (
	"context"

	"newsgraph/graph/model"
	"newsgraph/internal/ingest"
	"newsgraph/internal/kg"
)

// ingestSource loads a document through the one ingestion path. gqlgen
// binds SourceDocumentInput to ingest.Document, the type the CLI and the
// seed parse their JSON into, so the mutation, the CLI and the seed
// validate exactly alike.
func (r *Resolver) ingestSource(ctx context.Context, doc ingest.Document) (*model.IngestResult, error) {
	if err := r.authorize(ctx); err != nil {
		return nil, err
	}
	valid, report, err := ingest.Load(ctx, r.Store, &doc)
	if err != nil {
		return nil, err
	}
	r.drafts.forget()
	return &model.IngestResult{Source: sourceModel(valid.Source), Counts: countModels(report)}, nil
}

// evidences sets an input's evidence list. In JSON a single object may
// stand for a list of one, so the ingest types hold evidence as a named
// slice (ingest.Evidences) with its own decoding; gqlgen binds lists only
// to plain slices, so each evidence field has an input resolver that hands
// its list here.
func evidences(in []*ingest.EvidenceInput) ingest.Evidences {
	if in == nil {
		return nil
	}
	out := make(ingest.Evidences, len(in))
	for i, e := range in {
		out[i] = *e
	}
	return out
}

func (r *Resolver) deleteSource(ctx context.Context, id string) (*model.DeleteResult, error) {
	if err := r.authorize(ctx); err != nil {
		return nil, err
	}
	if kind, _, err := kg.ParseID("id", id); err != nil {
		return nil, err
	} else if kind != kg.KindSource {
		return nil, kg.InvalidInput("id", "%q is not a source id (source:<slug>)", id)
	}
	report, err := r.Store.DeleteSource(ctx, id)
	if err != nil {
		return nil, err
	}
	r.drafts.forget()
	return &model.DeleteResult{ID: id, Counts: countModels(report)}, nil
}

func countModels(rep kg.LoadReport) []*model.KindCount {
	out := make([]*model.KindCount, len(rep))
	for i, k := range rep {
		out[i] = &model.KindCount{Kind: k.Kind, Created: k.Created, Updated: k.Updated, Unchanged: k.Unchanged, Deleted: k.Deleted}
	}
	return out
}
