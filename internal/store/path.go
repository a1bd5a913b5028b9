package store

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"newsgraph/internal/kg"
)

// pathLabels is the allow-list of labels a path may start or end at.
var pathLabels = map[kg.IDKind]string{
	kg.KindPerson: "Entity", kg.KindNation: "Entity", kg.KindOrganisation: "Entity",
	kg.KindEvent: "Event", kg.KindStatement: "Statement",
}

// maxPathsConsidered bounds how many shortest paths Neo4j returns before
// they are ordered and cut to the caller's first.
const maxPathsConsidered = 200

// PathTimeout bounds a path search in Neo4j itself: variable-length
// patterns can grow fast on a large graph.
const PathTimeout = 5 * time.Second

// Paths returns up to first shortest paths of at most maxHops links between
// two nodes. Unknown ids are kg.ErrNotFound; no connection is an empty list.
func (s *Store) Paths(ctx context.Context, from, to string, maxHops, first int) ([]kg.Path, error) {
	const op = "store.Paths"
	labels := make([]string, 2)
	for i, arg := range []struct{ field, id string }{{"from", from}, {"to", to}} {
		kind, _, err := kg.ParseID(arg.field, arg.id)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		l, ok := pathLabels[kind]
		if !ok {
			return nil, fmt.Errorf("%s: %w", op, kg.InvalidInput(arg.field, "%q is a %s; paths run between entities, events and statements", arg.id, kind))
		}
		labels[i] = l
	}
	if maxHops < 1 || maxHops > kg.MaxMaxHops {
		return nil, fmt.Errorf("%s: %w", op, kg.InvalidInput("maxHops", "must be between 1 and %d, got %d", kg.MaxMaxHops, maxHops))
	}
	cypher := strings.NewReplacer("{{FROM}}", labels[0], "{{TO}}", labels[1], "{{HOPS}}", strconv.Itoa(maxHops)).Replace(query("paths"))
	cypher, params := prepare(ctx, cypher, map[string]any{"from": from, "to": to, "first": maxPathsConsidered})
	var res *neo4j.EagerResult
	err := s.retry(ctx, func() error {
		countRoundTrip(ctx)
		ctx, end := s.span(ctx, op)
		var err error
		res, err = neo4j.ExecuteQuery(ctx, s.driver, cypher, params,
			neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithReadersRouting(),
			neo4j.ExecuteQueryWithTransactionConfig(neo4j.WithTxTimeout(s.txTimeout(ctx, PathTimeout))))
		end(err)
		return err
	})
	if timedOut(err) && ctx.Err() == nil {
		return nil, fmt.Errorf("%s: %w", op, kg.InvalidInput("maxHops",
			"the path search took longer than %s and was stopped; try a smaller maxHops", min(s.timeout, PathTimeout)))
	}
	if err != nil {
		return nil, s.wrap(ctx, op, err)
	}
	if len(res.Records) != 1 {
		return nil, fmt.Errorf("%s: got %d rows, want 1", op, len(res.Records))
	}
	rec := res.Records[0]
	for _, c := range []struct{ col, id string }{{"fromFound", from}, {"toFound", to}} {
		found, _, err := neo4j.GetRecordValue[bool](rec, c.col)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		if !found {
			return nil, fmt.Errorf("%s: %w", op, kg.NotFound("nothing has id %q", c.id))
		}
	}
	list, _, err := neo4j.GetRecordValue[[]any](rec, "paths")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	paths := make([]kg.Path, 0, len(list))
	for _, item := range list {
		r, ok := asRow(item)
		if !ok {
			return nil, fmt.Errorf("%s: path is %T", op, item)
		}
		var p kg.Path
		for _, n := range r.rows("nodes") {
			node, err := n.pathNode()
			if err != nil {
				return nil, fmt.Errorf("%s: %w", op, err)
			}
			p.Nodes = append(p.Nodes, node)
		}
		for _, l := range r.rows("links") {
			p.Links = append(p.Links, kg.PathLink{Type: l.str("type"), FromID: l.str("from"), ToID: l.str("to"), Evidence: l.evidenceList("evidence")})
		}
		paths = append(paths, p)
	}
	// Neo4j returns equally short paths in no set order; sort them by
	// their nodes' ids so the same question always gets the same answer.
	key := func(p kg.Path) string {
		ids := make([]string, len(p.Nodes))
		for i, n := range p.Nodes {
			ids[i] = n.ID()
		}
		return strings.Join(ids, "\x00")
	}
	sort.SliceStable(paths, func(i, j int) bool { return key(paths[i]) < key(paths[j]) })
	if len(paths) > first {
		paths = paths[:first]
	}
	return paths, nil
}

func (r row) pathNode() (kg.PathNode, error) {
	// A statement comes wrapped ({statement: …}): its projection has no
	// labels, and its kind only when the operation asks for it.
	if s, ok := r.row("statement"); ok {
		st, err := s.statement()
		return kg.PathNode{Statement: &st}, err
	}
	if slices.Contains(r.strs("labels"), "Event") {
		ev := r.event()
		return kg.PathNode{Event: &ev}, nil
	}
	e, err := r.entity()
	return kg.PathNode{Entity: &e}, err
}
