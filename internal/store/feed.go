package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"newsgraph/internal/kg"
)

// The change feed. Neo4j Community has no change data capture, so the
// transactions that ingest and delete sources write what they did into
// the graph as (:Change {seq, kind, sourceId, added, counts, at}) nodes,
// numbered in commit order (feed_append.cypher). Every server follows the
// feed with a bounded, indexed poll (ChangesSince) and tells its own
// subscribers, so an ingest through one replica reaches subscribers on all
// of them. The feed is bookkeeping: graph counts and fingerprints leave it
// out, and it is pruned by age (PruneChanges).

// change is one entry to append, in the write transaction that made it.
type change struct {
	kind     kg.ChangeKind
	sourceID string
	added    []string // the statements that were not in the graph before
	report   kg.LoadReport
}

func appendChanges(ctx context.Context, tx neo4j.ManagedTransaction, cs []change) error {
	if len(cs) == 0 {
		return nil
	}
	rows := make([]map[string]any, len(cs))
	for i, c := range cs {
		counts := []byte("[]")
		if c.report != nil {
			var err error
			if counts, err = json.Marshal(c.report); err != nil {
				return fmt.Errorf("feed_append: %w", err)
			}
		}
		rows[i] = map[string]any{"kind": string(c.kind), "sourceId": c.sourceID, "added": nonNil(c.added), "counts": string(counts)}
	}
	return run(ctx, tx, "feed_append", map[string]any{"changes": rows})
}

// addedStatements are the statements in after that before did not have,
// in id order.
func addedStatements(before, after prints) []string {
	var out []string
	for key := range after.value {
		if _, had := before.value[key]; had {
			continue
		}
		if id, ok := strings.CutPrefix(key, "statements\x00"); ok {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

// loadChange is the feed entry of one source's load.
func loadChange(id string, before, after prints, report kg.LoadReport) change {
	kind := kg.SourceReplaced
	if len(before.value) == 0 {
		kind = kg.SourceIngested
	}
	return change{kind: kind, sourceID: id, added: addedStatements(before, after), report: report}
}

// lockSources takes the write locks of the sources about to be loaded
// (source_lock.cypher), creating the new ones, and returns which existed.
func lockSources(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]bool, error) {
	countRoundTrip(ctx)
	res, err := tx.Run(ctx, query("source_lock"), map[string]any{"ids": slices.Sorted(slices.Values(ids))})
	if err != nil {
		return nil, fmt.Errorf("source_lock: %w", err)
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return nil, fmt.Errorf("source_lock: %w", err)
	}
	existing, _, err := neo4j.GetRecordValue[[]any](rec, "existing")
	if err != nil {
		return nil, fmt.Errorf("source_lock: %w", err)
	}
	out := make(map[string]bool, len(existing))
	for _, e := range existing {
		if s, ok := e.(string); ok {
			out[s] = true
		}
	}
	return out, nil
}

// bulkChanges are the feed entries of LoadDocuments, which compares no
// fingerprints: every statement of a document counts as added, and the
// counts are left empty.
func bulkChanges(docs []*kg.SourceDocument, existing map[string]bool) []change {
	out := make([]change, len(docs))
	for i, d := range docs {
		kind := kg.SourceIngested
		if existing[d.Source.ID] {
			kind = kg.SourceReplaced
		}
		ids := make([]string, len(d.Statements))
		for j, st := range d.Statements {
			ids[j] = st.ID
		}
		out[i] = change{kind: kind, sourceID: d.Source.ID, added: ids}
	}
	return out
}

// FeedHead returns the feed's last sequence number: a follower that starts
// now reads the changes after it.
func (s *Store) FeedHead(ctx context.Context) (int64, error) {
	const op = "store.FeedHead"
	res, err := s.read(ctx, op, query("feed_head"), nil)
	if err != nil {
		return 0, err
	}
	if len(res.Records) != 1 {
		return 0, fmt.Errorf("%s: %d rows", op, len(res.Records))
	}
	seq, _, err := neo4j.GetRecordValue[int64](res.Records[0], "seq")
	if err != nil {
		return 0, fmt.Errorf("%s: %w", op, err)
	}
	return seq, nil
}

// ChangesSince returns up to limit changes after sequence number after,
// oldest first.
func (s *Store) ChangesSince(ctx context.Context, after int64, limit int) ([]kg.Change, error) {
	const op = "store.ChangesSince"
	res, err := s.read(ctx, op, query("feed_since"), map[string]any{"after": after, "limit": limit})
	if err != nil {
		return nil, err
	}
	out := make([]kg.Change, 0, len(res.Records))
	for _, rec := range res.Records {
		var c kg.Change
		var counts, at string
		var added []any
		if c.Seq, _, err = neo4j.GetRecordValue[int64](rec, "seq"); err == nil {
			var kind string
			if kind, _, err = neo4j.GetRecordValue[string](rec, "kind"); err == nil {
				c.Kind = kg.ChangeKind(kind)
			}
		}
		if err == nil {
			c.SourceID, _, err = neo4j.GetRecordValue[string](rec, "sourceId")
		}
		if err == nil {
			added, _, err = neo4j.GetRecordValue[[]any](rec, "added")
		}
		if err == nil {
			counts, _, err = neo4j.GetRecordValue[string](rec, "counts")
		}
		if err == nil {
			at, _, err = neo4j.GetRecordValue[string](rec, "at")
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		for _, a := range added {
			if id, ok := a.(string); ok {
				c.Added = append(c.Added, id)
			}
		}
		if err := json.Unmarshal([]byte(counts), &c.Counts); err != nil {
			return nil, fmt.Errorf("%s: change %d's counts: %w", op, c.Seq, err)
		}
		if c.At, err = time.Parse(time.RFC3339Nano, at); err != nil {
			return nil, fmt.Errorf("%s: change %d's time: %w", op, c.Seq, err)
		}
		out = append(out, c)
	}
	return out, nil
}

// PruneChanges removes changes older than keep (a bounded number per
// call) and returns how many went.
func (s *Store) PruneChanges(ctx context.Context, keep time.Duration) (int, error) {
	const op = "store.PruneChanges"
	res, err := s.write(ctx, op, func(tx neo4j.ManagedTransaction) (any, error) {
		countRoundTrip(ctx)
		r, err := tx.Run(ctx, query("feed_prune"), map[string]any{"keepSeconds": int64(keep / time.Second)})
		if err != nil {
			return nil, err
		}
		rec, err := r.Single(ctx)
		if err != nil {
			return nil, err
		}
		n, _, err := neo4j.GetRecordValue[int64](rec, "pruned")
		return int(n), err
	})
	if err != nil {
		return 0, err
	}
	return res.(int), nil
}
