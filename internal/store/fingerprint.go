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
