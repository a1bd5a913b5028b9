package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"newsgraph/internal/kg"
	"newsgraph/internal/names"
)

// entityLabels is the allow-list of entity labels: the only label strings
// that ever reach Cypher come from here, never from input.
var entityLabels = map[kg.EntityKind]string{
	kg.Person:       "Person",
	kg.Nation:       "Nation",
	kg.Organisation: "Organisation",
}

// maxNameFilter bounds the name filter; no entity name comes close.
const maxNameFilter = 200

// entityCursorList names entity cursors so other lists refuse them.
const entityCursorList = "entities"

// EntitiesByID returns the entities with these ids, in the same order; the
// slot of a missing id is nil. One round trip, whatever the number of ids.
func (s *Store) EntitiesByID(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	const op = "store.EntitiesByID"
	res, err := s.read(ctx, op, query("entities_by_id"), map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := make([]*kg.Entity, len(ids))
	for i, rec := range res.Records {
		if i >= len(ids) {
			break
		}
		node, isNil, err := neo4j.GetRecordValue[neo4j.Node](rec, "e")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		if isNil {
			continue
		}
		e, err := nodeRow(node).entity()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		out[i] = &e
	}
	return out, nil
}

// Entity returns one entity, or an error wrapping kg.ErrNotFound.
func (s *Store) Entity(ctx context.Context, id string) (kg.Entity, error) {
	es, err := s.EntitiesByID(ctx, []string{id})
	if err != nil {
		return kg.Entity{}, err
	}
	if es[0] == nil {
		return kg.Entity{}, fmt.Errorf("store.Entity: %w", kg.NotFound("no entity has id %q", id))
	}
	return *es[0], nil
}

// Entities returns one page of entities matching f, in name order, after the
// cursor `after` (nil for the first page).
func (s *Store) Entities(ctx context.Context, f kg.EntityFilter, first int, after *string) (kg.Page[kg.Entity], error) {
	const op = "store.Entities"
	key, err := kg.DecodeCursor(entityCursorList, 2, after)
	if err != nil {
		return kg.Page[kg.Entity]{}, fmt.Errorf("%s: %w", op, err)
	}
	if len(f.Name) > maxNameFilter {
		return kg.Page[kg.Entity]{}, fmt.Errorf("%s: %w", op, kg.InvalidInput("filter.name", "is longer than %d bytes", maxNameFilter))
	}
	folded := names.Fold(f.Name)
	if folded == "" && strings.TrimSpace(f.Name) != "" {
		return kg.Page[kg.Entity]{}, fmt.Errorf("%s: %w", op, kg.InvalidInput("filter.name", "%q has no letters or digits to match", f.Name))
	}
	labels := make([]string, 0, len(entityLabels))
	kinds := f.Kinds
	if len(kinds) == 0 {
		kinds = kg.EntityKinds
	}
	for _, k := range kinds {
		l, ok := entityLabels[k]
		if !ok {
			return kg.Page[kg.Entity]{}, fmt.Errorf("%s: %w", op, kg.InvalidInput("filter.kinds", "unknown kind %q", k))
		}
		labels = append(labels, l)
	}
	params := map[string]any{
		"labels": labels, "name": folded, "limit": first + 1,
		"afterKey": nil, "afterID": nil,
	}
	if key != nil {
		params["afterKey"], params["afterID"] = key[0], key[1]
	}
	res, err := s.read(ctx, op, query("entities_page"), params)
	if err != nil {
		return kg.Page[kg.Entity]{}, err
	}
	if len(res.Records) != 1 {
		return kg.Page[kg.Entity]{}, fmt.Errorf("%s: got %d rows, want 1", op, len(res.Records))
	}
	rec := res.Records[0]
	total, _, err := neo4j.GetRecordValue[int64](rec, "total")
	if err != nil {
		return kg.Page[kg.Entity]{}, fmt.Errorf("%s: %w", op, err)
	}
	before, _, err := neo4j.GetRecordValue[int64](rec, "before")
	if err != nil {
		return kg.Page[kg.Entity]{}, fmt.Errorf("%s: %w", op, err)
	}
	list, _, err := neo4j.GetRecordValue[[]any](rec, "page")
	if err != nil {
		return kg.Page[kg.Entity]{}, fmt.Errorf("%s: %w", op, err)
	}
	page := kg.Page[kg.Entity]{TotalCount: int(total), HasPreviousPage: before > 0}
	for i, item := range list {
		if i == first {
			page.HasNextPage = true
			break
		}
		node, ok := item.(neo4j.Node)
		if !ok {
			return kg.Page[kg.Entity]{}, fmt.Errorf("%s: page item is %T, want a node", op, item)
		}
		r := nodeRow(node)
		e, err := r.entity()
		if err != nil {
			return kg.Page[kg.Entity]{}, fmt.Errorf("%s: %w", op, err)
		}
		page.Items = append(page.Items, e)
		page.Cursors = append(page.Cursors, kg.EncodeCursor(entityCursorList, r.str("sortKey"), e.ID))
	}
	return page, nil
}
