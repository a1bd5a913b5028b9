package store

import (
	"context"
	"fmt"
	"math"
	"strconv"
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
		if out[i], err = liveEntity(nodeRow(node)); err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
	}
	return out, nil
}

// EntityCounts returns the stored statement counts of the entities with
// these ids, in the same order; the slot of a missing id is nil. One round
// trip, whatever the number of ids.
func (s *Store) EntityCounts(ctx context.Context, ids []string) ([]*kg.EntityCounts, error) {
	const op = "store.EntityCounts"
	res, err := s.read(ctx, op, query("entities_counts"), map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	if len(res.Records) != len(ids) {
		return nil, fmt.Errorf("%s: got %d rows for %d ids", op, len(res.Records), len(ids))
	}
	out := make([]*kg.EntityCounts, len(ids))
	for i, rec := range res.Records {
		q, qNil, err := neo4j.GetRecordValue[int64](rec, "quoted")
		if err != nil && !qNil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		m, mNil, err := neo4j.GetRecordValue[int64](rec, "mentioned")
		if err != nil && !mNil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		if !qNil && !mNil {
			out[i] = &kg.EntityCounts{Quoted: int(q), Mentioned: int(m)}
		}
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

// entityOrders are, for each order of the entity list, the predicate its
// range index answers in order (seek), the ORDER BY, the after-the-cursor
// test, and the cursor list with how a cursor's key is read from an entity
// node. NAME's cursor is (sortKey, id), as it always was; the count orders'
// are (count, sortKey, id), ties broken by name then id. Each order has its
// own cursor list, so a cursor from one is refused by another.
var entityOrders = map[kg.EntityOrder]struct {
	seek, order, after, cursors string
	count                       string // the node property counted, "" for NAME
}{
	kg.ByName: {
		seek:    "e.sortKey IS NOT NULL",
		order:   "e.sortKey, e.id",
		after:   "(e.sortKey > $cursor[0] OR (e.sortKey = $cursor[0] AND e.id > $cursor[1]))",
		cursors: entityCursorList,
	},
	kg.MostQuoted: {
		seek:    "e.quotedCount <= $cursorCount",
		order:   "e.quotedCount DESC, e.sortKey, e.id",
		after:   "(e.quotedCount < $cursorCount OR (e.quotedCount = $cursorCount AND (e.sortKey > $cursor[1] OR (e.sortKey = $cursor[1] AND e.id > $cursor[2]))))",
		cursors: entityCursorList + "-most-quoted",
		count:   "quotedCount",
	},
	kg.MostMentioned: {
		seek:    "e.mentionedCount <= $cursorCount",
		order:   "e.mentionedCount DESC, e.sortKey, e.id",
		after:   "(e.mentionedCount < $cursorCount OR (e.mentionedCount = $cursorCount AND (e.sortKey > $cursor[1] OR (e.sortKey = $cursor[1] AND e.id > $cursor[2]))))",
		cursors: entityCursorList + "-most-mentioned",
		count:   "mentionedCount",
	},
}

// entitiesPageQuery is entities_page with the order's fragments filled in.
func entitiesPageQuery(order kg.EntityOrder) string {
	o := entityOrders[order]
	return strings.NewReplacer("{{SEEK}}", o.seek, "{{ORDER}}", o.order, "{{AFTER}}", o.after).Replace(query("entities_page"))
}

// Entities returns one page of entities matching f, in the given order
// ("" is by name), after the cursor `after` (nil for the first page).
func (s *Store) Entities(ctx context.Context, f kg.EntityFilter, order kg.EntityOrder, first int, after *string) (kg.Page[kg.Entity], error) {
	const op = "store.Entities"
	if order == "" {
		order = kg.ByName
	}
	o, ok := entityOrders[order]
	if !ok {
		return kg.Page[kg.Entity]{}, fmt.Errorf("%s: %w", op, kg.InvalidInput("orderBy", "%q is not NAME, MOST_QUOTED or MOST_MENTIONED", order))
	}
	keyLen := 2
	if o.count != "" {
		keyLen = 3
	}
	key, err := kg.DecodeCursor(o.cursors, keyLen, after)
	if err != nil {
		return kg.Page[kg.Entity]{}, fmt.Errorf("%s: %w", op, err)
	}
	// With no cursor the count orders start from the largest count: the
	// seek bound is then every count.
	cursorCount := int64(math.MaxInt64)
	if key != nil && o.count != "" {
		n, err := strconv.ParseInt(key[0], 10, 64)
		if err != nil || n < 0 {
			return kg.Page[kg.Entity]{}, fmt.Errorf("%s: %w", op, kg.InvalidInput("after", "is not a cursor from this list"))
		}
		cursorCount = n
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
		"labels": labels, "name": folded, "limit": first + 1, "cursor": nil, "cursorCount": cursorCount,
	}
	if key != nil {
		params["cursor"] = key
	}
	res, err := s.read(ctx, op, entitiesPageQuery(order), params)
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
		if o.count != "" {
			page.Cursors = append(page.Cursors, kg.EncodeCursor(o.cursors, strconv.Itoa(r.int(o.count)), r.str("sortKey"), e.ID))
		} else {
			page.Cursors = append(page.Cursors, kg.EncodeCursor(o.cursors, r.str("sortKey"), e.ID))
		}
	}
	return page, nil
}
