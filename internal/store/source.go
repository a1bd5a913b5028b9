package store

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"newsgraph/internal/kg"
)

const sourceCursorList = "sources"

// SourcePage returns one page of sources, newest first.
func (s *Store) SourcePage(ctx context.Context, first int, after *string) (kg.Page[kg.Source], error) {
	const op = "store.SourcePage"
	key, err := kg.DecodeCursor(sourceCursorList, 2, after)
	if err != nil {
		return kg.Page[kg.Source]{}, fmt.Errorf("%s: %w", op, err)
	}
	params := map[string]any{"limit": first + 1, "cursor": nil}
	if key != nil {
		params["cursor"] = key
	}
	res, err := s.read(ctx, op, query("sources_page"), params)
	if err != nil {
		return kg.Page[kg.Source]{}, err
	}
	if len(res.Records) != 1 {
		return kg.Page[kg.Source]{}, fmt.Errorf("%s: got %d rows, want 1", op, len(res.Records))
	}
	var p kg.Page[kg.Source]
	info, err := readPage(res.Records[0], first, key != nil, func(r row) error {
		src := r.source()
		p.Items = append(p.Items, src)
		p.Cursors = append(p.Cursors, kg.EncodeCursor(sourceCursorList, r.str("sortDate"), src.ID))
		return nil
	})
	if err != nil {
		return kg.Page[kg.Source]{}, fmt.Errorf("%s: %w", op, err)
	}
	p.TotalCount, p.HasNextPage, p.HasPreviousPage = info.total, info.hasNext, info.prev
	return p, nil
}

// SourcesByID returns sources, without their text, in the order of ids;
// nil where absent.
func (s *Store) SourcesByID(ctx context.Context, ids []string) ([]*kg.Source, error) {
	const op = "store.SourcesByID"
	res, err := s.read(ctx, op, query("sources_by_id"), map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	return perKey(res.Records, len(ids), "s", func(v any) (*kg.Source, error) {
		r, _ := asRow(v)
		src := r.source()
		return &src, nil
	})
}

// SourceTexts returns the full texts of sources, in the order of ids.
func (s *Store) SourceTexts(ctx context.Context, ids []string) ([]string, error) {
	const op = "store.SourceTexts"
	res, err := s.read(ctx, op, query("source_texts"), map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	return perKey(res.Records, len(ids), "text", func(v any) (string, error) {
		t, _ := v.(string)
		return t, nil
	})
}

// SourcesNaming returns, for each entity, the sources that name it.
func (s *Store) SourcesNaming(ctx context.Context, entityIDs []string) ([][]kg.Source, error) {
	const op = "store.SourcesNaming"
	res, err := s.read(ctx, op, query("sources_by_entity"), map[string]any{"ids": entityIDs})
	if err != nil {
		return nil, err
	}
	return perKey(res.Records, len(entityIDs), "sources", func(v any) ([]kg.Source, error) {
		var out []kg.Source
		for _, r := range (row{"s": v}).rows("s") {
			out = append(out, r.source())
		}
		return out, nil
	})
}

// EntitiesNamedIn returns, for each source, the entities it names.
func (s *Store) EntitiesNamedIn(ctx context.Context, sourceIDs []string) ([][]kg.Entity, error) {
	const op = "store.EntitiesNamedIn"
	res, err := s.read(ctx, op, query("entities_by_source"), map[string]any{"ids": sourceIDs})
	if err != nil {
		return nil, err
	}
	return perKey(res.Records, len(sourceIDs), "entities", func(v any) ([]kg.Entity, error) {
		list, _ := v.([]any)
		out := make([]kg.Entity, 0, len(list))
		for _, item := range list {
			n, ok := item.(neo4j.Node)
			if !ok {
				return nil, fmt.Errorf("entity is %T", item)
			}
			e, err := nodeRow(n).entity()
			if err != nil {
				return nil, err
			}
			out = append(out, e)
		}
		return out, nil
	})
}
