package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"newsgraph/bench/floor"
	"newsgraph/bench/workload"
)

// profileResult is the Cypher one contender sent for one example of a
// query, with the db hits PROFILE counts for it.
type profileResult struct {
	Query     string   `json:"query"`
	Contender string   `json:"contender"`
	Queries   int      `json:"queries"`
	DBHits    int64    `json:"db_hits"`
	Cypher    []string `json:"cypher"`
}

type cypherCall struct {
	cypher string
	params map[string]any
}

// profiles PROFILEs each contender's Cypher for the first parameters of
// every query: the floor's files as they are, newsgraph's as its debug log
// shows them (a second instance, at debug level, serves these requests),
// and the peer's as its driver wrapper recorded them.
func profiles(ctx context.Context, driver neo4j.DriverWithContext, db, bin string, cs []*contender, queries []string, p workload.Set) []profileResult {
	logs := &lineBuffer{}
	debug := startNewsgraph(bin, logs)
	defer debug.stop()
	var out []profileResult
	for _, q := range queries {
		prm := p.Pick(q, 0)
		for _, c := range cs {
			if c.failed[q] != "" {
				continue
			}
			var calls []cypherCall
			var hits []int64
			switch c.name {
			case "floor":
				t := c.request(c, q, prm)
				u, _ := url.Parse(t.URL)
				name, params, _ := floor.Plan(u.Path, u.Query())
				calls = []cypherCall{{floor.Cypher(name), params}}
			case "newsgraph":
				dbg := *c
				dbg.base = debug.url
				logs.take()
				if _, _, err := do(dbg.request(&dbg, q, prm)); err != nil {
					fatalf("profile: newsgraph %s: %v", q, err)
				}
				time.Sleep(100 * time.Millisecond) // let the log lines arrive
				calls = cypherFromLog(logs.take())
			case "peer":
				if _, _, err := do(c.request(c, q, prm)); err != nil {
					fatalf("profile: peer %s: %v", q, err)
				}
				var ps []struct {
					Query  string
					DBHits int64
				}
				res, err := http.Get(c.base + "/profile")
				if err != nil {
					fatalf("profile: peer: %v", err)
				}
				json.NewDecoder(res.Body).Decode(&ps)
				res.Body.Close()
				for _, x := range ps {
					calls = append(calls, cypherCall{cypher: x.Query})
					hits = append(hits, x.DBHits)
				}
			}
			r := profileResult{Query: q, Contender: c.name, Queries: len(calls)}
			for i, call := range calls {
				r.Cypher = append(r.Cypher, call.cypher)
				if hits != nil {
					r.DBHits += hits[i]
					continue
				}
				n, err := profile(ctx, driver, db, call)
				if err != nil {
					fatalf("profile: %s %s: %v\n%s", c.name, q, err, call.cypher)
				}
				r.DBHits += n
			}
			log.Printf("%-9s %s PROFILE: %d queries, %d db hits", c.name, q, r.Queries, r.DBHits)
			out = append(out, r)
		}
	}
	return out
}

func profile(ctx context.Context, driver neo4j.DriverWithContext, db string, call cypherCall) (int64, error) {
	res, err := neo4j.ExecuteQuery(ctx, driver, "PROFILE "+call.cypher, call.params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(db), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return 0, err
	}
	var sum func(neo4j.ProfiledPlan) int64
	sum = func(p neo4j.ProfiledPlan) int64 {
		if p == nil {
			return 0
		}
		n := p.DbHits()
		for _, c := range p.Children() {
			n += sum(c)
		}
		return n
	}
	return sum(res.Summary.Profile()), nil
}

// cypherFromLog picks the reads out of newsgraph's debug log (JSON lines
// with msg "cypher"), with their parameters decoded back to Cypher's types.
func cypherFromLog(lines []string) []cypherCall {
	var out []cypherCall
	for _, line := range lines {
		dec := json.NewDecoder(strings.NewReader(line))
		dec.UseNumber()
		var entry struct {
			Msg    string
			Cypher string
			Params map[string]any
		}
		if dec.Decode(&entry) != nil || entry.Msg != "cypher" {
			continue
		}
		out = append(out, cypherCall{entry.Cypher, numbers(entry.Params).(map[string]any)})
	}
	return out
}

// numbers turns JSON numbers back into int64 or float64, as the server
// sent them: Cypher's LIMIT wants an integer.
func numbers(v any) any {
	switch x := v.(type) {
	case json.Number:
		if n, err := x.Int64(); err == nil {
			return n
		}
		f, _ := x.Float64()
		return f
	case map[string]any:
		for k, e := range x {
			x[k] = numbers(e)
		}
		if x == nil {
			return map[string]any{}
		}
		return x
	case []any:
		for i, e := range x {
			x[i] = numbers(e)
		}
	}
	return v
}

// lineBuffer collects a process's output lines.
type lineBuffer struct {
	mu      sync.Mutex
	partial bytes.Buffer
	lines   []string
}

var _ io.Writer = (*lineBuffer)(nil)

func (b *lineBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.partial.Write(p)
	data := b.partial.Bytes()
	last := bytes.LastIndexByte(data, '\n')
	if last < 0 {
		return len(p), nil
	}
	for _, l := range strings.Split(string(data[:last]), "\n") {
		b.lines = append(b.lines, l)
	}
	rest := append([]byte(nil), data[last+1:]...)
	b.partial.Reset()
	b.partial.Write(rest)
	return len(p), nil
}

// take returns the lines so far and forgets them.
func (b *lineBuffer) take() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	l := b.lines
	b.lines = nil
	return l
}
