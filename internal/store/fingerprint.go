package store

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// SourceIDs returns the id of every source in the graph, in id order.
// It reads them all at once: it is for checks over a whole graph (the soak
// harness), not for serving.
func (s *Store) SourceIDs(ctx context.Context) ([]string, error) {
	const op = "store.SourceIDs"
	res, err := s.read(ctx, op, query("source_ids"), nil)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(res.Records))
	for _, rec := range res.Records {
		id, _, err := neo4j.GetRecordValue[string](rec, "id")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// SourceFingerprints renders every fact each source contributes, as the
// loads and deletes compare them (fingerprint): for each id, a map from
// "kind\x00key" to a comparable rendering of the fact; empty for a source
// the graph does not hold. Two graphs hold a source alike when its
// fingerprints are equal. All ids are read in one read transaction.
func (s *Store) SourceFingerprints(ctx context.Context, ids []string) ([]map[string]string, error) {
	const op = "store.SourceFingerprints"
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeRead})
	defer sess.Close(context.WithoutCancel(ctx))
	res, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		out := make([]map[string]string, len(ids))
		for i, id := range ids {
			p, err := fingerprint(ctx, tx, id)
			if err != nil {
				return nil, err
			}
			out[i] = p.value
		}
		return out, nil
	}, neo4j.WithTxTimeout(s.timeout))
	if err != nil {
		return nil, s.wrap(ctx, op, err)
	}
	return res.([]map[string]string), nil
}
