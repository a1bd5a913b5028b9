// Package floor is the benchmark's floor: a minimal HTTP handler that
// answers the benchmark's seven queries with hand-written Cypher through the
// same Neo4j driver, in the same JSON shape as newsgraph's GraphQL data.
// It is the lowest cost a GraphQL layer over this graph could reach, so
// newsgraph is measured against it. Its Cypher is the benchmark's own, on
// purpose outside internal/store.
package floor

import (
	"cmp"
	"context"
	"embed"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"newsgraph/internal/config"
	"newsgraph/internal/store"
)

//go:embed *.cypher
var files embed.FS

// Cypher returns the text of query name (q1…q7).
func Cypher(name string) string {
	b, err := files.ReadFile(name + ".cypher")
	if err != nil {
		panic(err)
	}
	return string(b)
}

// Server answers /q1?id=, /q2?id=, /q3?event=&about=, /q4?q= (a Lucene
// query), /q5?after= (a JSON string cursor: the last newestKey), /q6?id= and
// /q7?topic=&from=&to= (dates, YYYY-MM-DD).
type Server struct {
	Driver neo4j.DriverWithContext
	DB     string
}

func (s *Server) query(ctx context.Context, name string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := neo4j.ExecuteQuery(ctx, s.Driver, Cypher(name), params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.DB), neo4j.ExecuteQueryWithReadersRouting(),
		neo4j.ExecuteQueryWithoutBookmarkManager(),
		neo4j.ExecuteQueryWithTransactionConfig(neo4j.WithTxTimeout(10*time.Second)))
	if err != nil {
		return nil, err
	}
	return res.Records, nil
}

// Lucene is the Lucene query newsgraph makes of search words; the floor
// and the peer are given it, so all three ask the same indexes the same
// question.
func Lucene(words string) string {
	if sq, err := store.ParseSearch(words); err == nil {
		return sq.Lucene
	}
	return words
}

// URL is the floor's request at base for query q (Q1…Q7) with
// bench/workload's parameters: Q4's words as Lucene, Q5's page as its
// cursor after ("" for the first page).
func URL(base, q string, prm map[string]string, after string) string {
	v := url.Values{}
	for k, x := range prm {
		v.Set(k, x)
	}
	switch q {
	case "Q4":
		v.Set("q", Lucene(prm["q"]))
	case "Q5":
		v = url.Values{"after": {after}}
	}
	return base + "/" + strings.ToLower(q) + "?" + v.Encode()
}

// Plan returns the query a request asks for, by its file name (q1…q7),
// and its parameters; ok is false for an unknown path or a bad cursor.
func Plan(path string, q url.Values) (name string, params map[string]any, ok bool) {
	switch path {
	case "/q1", "/q2", "/q6":
		return path[1:], map[string]any{"id": q.Get("id")}, true
	case "/q7":
		return "q7", map[string]any{"topic": q.Get("topic"), "from": q.Get("from"), "to": q.Get("to")}, true
	case "/q3":
		return "q3", map[string]any{"event": q.Get("event"), "about": q.Get("about")}, true
	case "/q4":
		return "q4", map[string]any{"q": q.Get("q")}, true
	case "/q5":
		var after any
		if a := q.Get("after"); a != "" {
			var key string
			if err := json.Unmarshal([]byte(a), &key); err != nil {
				return "", nil, false
			}
			after = key
		}
		return "q5", map[string]any{"after": after}, true
	}
	return "", nil, false
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name, params, ok := Plan(r.URL.Path, r.URL.Query())
	if !ok {
		http.Error(w, "unknown query or bad cursor", http.StatusBadRequest)
		return
	}
	var out any
	var err error
	switch name {
	case "q1":
		out, err = s.one(r.Context(), name, params, "entity", "entity")
	case "q2":
		var recs []*neo4j.Record
		recs, err = s.query(r.Context(), name, params)
		nodes := column(recs, "node")
		out = map[string]any{"entity": map[string]any{"statements": map[string]any{"nodes": nodes}}}
	case "q3":
		out, err = s.one(r.Context(), name, params, "node", "node")
	case "q4":
		var recs []*neo4j.Record
		recs, err = s.query(r.Context(), name, params)
		hits := make([]any, 0, len(recs))
		for _, rec := range recs {
			id, _, _ := neo4j.GetRecordValue[string](rec, "id")
			score, _, _ := neo4j.GetRecordValue[float64](rec, "score")
			hits = append(hits, map[string]any{"node": map[string]any{"id": id}, "score": score})
		}
		out = map[string]any{"search": hits}
	case "q5":
		var recs []*neo4j.Record
		recs, err = s.query(r.Context(), name, params)
		nodes := column(recs, "node")
		page := map[string]any{"hasNextPage": len(nodes) > 100}
		if len(nodes) > 100 {
			nodes = nodes[:100]
		}
		if n := len(nodes); n > 0 {
			last := nodes[n-1].(map[string]any)
			cursor, _ := json.Marshal(last["newestKey"])
			page["endCursor"] = string(cursor)
		}
		for _, n := range nodes {
			m := n.(map[string]any)
			delete(m, "newestKey")
		}
		out = map[string]any{"statements": map[string]any{"nodes": nodes, "pageInfo": page}}
	case "q6":
		var recs []*neo4j.Record
		recs, err = s.query(r.Context(), name, params)
		counts := make([]any, 0, len(recs))
		for _, rec := range recs {
			counts = append(counts, rec.AsMap())
		}
		out = map[string]any{"statementCounts": counts}
	case "q7":
		var recs []*neo4j.Record
		recs, err = s.query(r.Context(), name, params)
		edges := make([]Edge, 0, len(recs))
		for _, rec := range recs {
			m := rec.AsMap()
			c, _ := m["count"].(int64)
			edges = append(edges, Edge{From: m["from"].(map[string]any), To: m["to"].(map[string]any), Count: c})
		}
		out = map[string]any{"network": Network(edges)}
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"data": out})
}

func (s *Server) one(ctx context.Context, name string, params map[string]any, col, key string) (any, error) {
	recs, err := s.query(ctx, name, params)
	if err != nil {
		return nil, err
	}
	var v any
	if len(recs) > 0 {
		v, _ = recs[0].Get(col)
	}
	return map[string]any{key: v}, nil
}

func column(recs []*neo4j.Record, col string) []any {
	out := make([]any, 0, len(recs))
	for _, rec := range recs {
		v, _ := rec.Get(col)
		out = append(out, v)
	}
	return out
}

// Edge is one speaker-to-target edge of a network: each end as a map with
// at least "id", and how many statements it has.
type Edge struct {
	From, To map[string]any
	Count    int64
}

// Network is the API's network in newsgraph's data shape for edges already
// ranked: the edges as they are, and the nodes on them, each with the sum
// of the counts of its edges (an edge from a node to itself counts once),
// the highest degree first, ties by id. Only the nodes' ids are given.
func Network(edges []Edge) map[string]any {
	type node struct {
		id     string
		degree int64
	}
	var nodes []*node
	at := map[string]*node{}
	add := func(id string, n int64) {
		if at[id] == nil {
			at[id] = &node{id: id}
			nodes = append(nodes, at[id])
		}
		at[id].degree += n
	}
	es := make([]any, 0, len(edges))
	for _, e := range edges {
		from, _ := e.From["id"].(string)
		to, _ := e.To["id"].(string)
		add(from, e.Count)
		if to != from {
			add(to, e.Count)
		}
		es = append(es, map[string]any{"from": e.From, "to": e.To, "count": e.Count})
	}
	slices.SortStableFunc(nodes, func(a, b *node) int {
		if a.degree != b.degree {
			return cmp.Compare(b.degree, a.degree)
		}
		return cmp.Compare(a.id, b.id)
	})
	ns := make([]any, 0, len(nodes))
	for _, n := range nodes {
		ns = append(ns, map[string]any{"node": map[string]any{"id": n.id}, "degree": n.degree})
	}
	return map[string]any{"nodes": ns, "edges": es}
}

// Serve runs the floor on addr as a process of its own, with the NEO4J_*
// settings newsgraph reads, until the process is stopped. The benchmark
// and cpuload run it so: a floor inside the load generator's process
// answered with the generator's own scheduler and no process between
// them, a head start newsgraph's separate process never had.
func Serve(addr string) error {
	cfg, err := config.Load(os.Getenv)
	if err != nil {
		return err
	}
	driver, err := neo4j.NewDriverWithContext(cfg.Neo4j.URI, neo4j.BasicAuth(cfg.Neo4j.User, cfg.Neo4j.Password, ""))
	if err != nil {
		return err
	}
	defer driver.Close(context.Background())
	slog.Info("serving the floor", slog.String("addr", addr), slog.Int("pid", os.Getpid()))
	return http.ListenAndServe(addr, &Server{Driver: driver, DB: cfg.Neo4j.Database})
}
