package store

import (
	"context"
	"maps"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"newsgraph/internal/kg"
)

// Events and topics that several sources declare take their properties
// from the source with the greatest id, as a clean load of the sources in
// id order would (the last write wins). Each source's version stays on its
// IN_SOURCE link, so that after a load, a replace or a delete the touched
// events and topics are recomputed from the sources that remain.

// refreshVersions recomputes the events and topics that lost a source
// (orphan candidates; those deleted are simply not found) and those the
// documents declare. Ids go sorted, so concurrent loads lock in one order.
func refreshVersions(ctx context.Context, tx neo4j.ManagedTransaction, lost orphanCandidates, docs []*kg.SourceDocument) error {
	events := slices.Clone(lost["Event"])
	topics := map[string]map[string]any{}
	topic := func(id string) map[string]any {
		if topics[id] == nil {
			topics[id] = map[string]any{"id": id, "force": false, "names": []string{}}
		}
		return topics[id]
	}
	for _, id := range lost["Topic"] {
		topic(id)["force"] = true
	}
	for _, d := range docs {
		for _, e := range d.Events {
			events = append(events, e.ID)
		}
		for _, t := range d.Topics {
			r := topic(t.ID)
			r["names"] = append(r["names"].([]string), t.Name)
		}
	}
	rows := make([]map[string]any, 0, len(topics))
	for _, id := range slices.Sorted(maps.Keys(topics)) {
		rows = append(rows, topics[id])
	}
	if err := run(ctx, tx, "topics_refresh", map[string]any{"rows": rows}); err != nil {
		return err
	}
	return run(ctx, tx, "events_refresh", map[string]any{"ids": nonNil(slices.Compact(slices.Sorted(slices.Values(events))))})
}
