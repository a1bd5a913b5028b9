package graph

import (
	"bytes"
	"context"
	"encoding/json"

	"newsgraph/graph/model"
	"newsgraph/internal/ingest"
	"newsgraph/internal/kg"
)

// ingestSource loads a document through the one ingestion path. The input
// is turned back into the JSON document format, so the mutation, the CLI
// and the seed parse and validate exactly alike.
func (r *Resolver) ingestSource(ctx context.Context, in model.SourceDocumentInput) (*model.IngestResult, error) {
	if err := r.authorize(ctx); err != nil {
		return nil, err
	}
	raw, err := json.Marshal(in)
	if err != nil {
		return nil, err
	}
	doc, err := ingest.Parse(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	valid, report, err := ingest.Load(ctx, r.Store, doc)
	if err != nil {
		return nil, err
	}
	return &model.IngestResult{Source: sourceModel(valid.Source), Counts: countModels(report)}, nil
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
	return &model.DeleteResult{ID: id, Counts: countModels(report)}, nil
}

func countModels(rep kg.LoadReport) []*model.KindCount {
	out := make([]*model.KindCount, len(rep))
	for i, k := range rep {
		out[i] = &model.KindCount{Kind: k.Kind, Created: k.Created, Updated: k.Updated, Unchanged: k.Unchanged, Deleted: k.Deleted}
	}
	return out
}
