package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// GraphPrint summarises the whole graph: how many nodes carry each set of
// labels and how many relationships each type has, and a hash of every
// node's labels and properties and every relationship's type, ends (by id)
// and properties, sorted. Two graphs with equal prints hold the same facts
// (Neo4j's internal ids aside).
type GraphPrint struct {
	Nodes         map[string]int // "Entity:Person" → count
	Relationships map[string]int // "SAID" → count
	Hash          string
}

// GraphFingerprint reads the whole graph and returns its print: for tests
// that compare two ways of loading the same documents.
func (s *Store) GraphFingerprint(ctx context.Context) (GraphPrint, error) {
	out := GraphPrint{Nodes: map[string]int{}, Relationships: map[string]int{}}
	lines, err := s.GraphLines(ctx)
	if err != nil {
		return out, err
	}
	h := sha256.New()
	for _, l := range lines {
		what, rest, _ := strings.Cut(l, " ")
		key, _, _ := strings.Cut(rest, " ")
		if what == "node" {
			out.Nodes[key]++
		} else {
			out.Relationships[key]++
		}
		h.Write([]byte(l))
		h.Write([]byte{'\n'})
	}
	out.Hash = hex.EncodeToString(h.Sum(nil))
	return out, nil
}

// GraphLines is the sorted rendering GraphFingerprint hashes, one line per
// node or relationship, for a test to show where two graphs differ. fmt
// prints maps with their keys sorted, so equal property maps print alike.
func (s *Store) GraphLines(ctx context.Context) ([]string, error) {
	res, err := s.read(ctx, "store.GraphLines", query("graph_fingerprint"), nil)
	if err != nil {
		return nil, err
	}
	var lines []string
	for _, rec := range res.Records {
		what, _, _ := neo4j.GetRecordValue[string](rec, "what")
		labels, _, _ := neo4j.GetRecordValue[[]any](rec, "labels")
		ls := (row{"l": labels}).strs("l")
		slices.Sort(ls)
		from, _ := rec.Get("from")
		to, _ := rec.Get("to")
		props, _ := rec.Get("props")
		lines = append(lines, fmt.Sprintf("%s %s %v %v %v", what, strings.Join(ls, ":"), from, to, props))
	}
	slices.Sort(lines)
	return lines, nil
}

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
