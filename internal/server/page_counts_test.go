package server

import (
	"bufio"
	"bytes"
	"encoding/json"
	"log/slog"
	"sync"
	"testing"

	"newsgraph/internal/neo4jtest"
)

// cypherLog keeps the JSON log lines of a store at debug level.
type cypherLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *cypherLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

// take returns, and forgets, the $with.counts of each read logged since
// the last take, by store operation ("store.Entities" → [false]); a read
// without $with is not listed.
func (l *cypherLog) take(t *testing.T) map[string][]bool {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	out := map[string][]bool{}
	sc := bufio.NewScanner(&l.buf)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var line struct {
			Msg    string
			Op     string
			Params struct {
				With *struct{ Counts bool }
			}
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("log line %s: %v", sc.Bytes(), err)
		}
		if line.Msg == "cypher" && line.Params.With != nil {
			out[line.Op] = append(out[line.Op], line.Params.With.Counts)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	l.buf.Reset()
	return out
}

// The entity, event and source lists count (totalCount, hasPreviousPage)
// only when the request asks: the store is sent $with.counts false when
// neither field is selected, and totalCount is exact when it is. The root
// lists look at their own selection, so a total asked of a nested list
// does not make them count.
func TestPagesCountOnlyWhenAsked(t *testing.T) {
	s := newTestServer(t) // the seed, and the lock on the test database
	logs := &cypherLog{}
	debug := startServerLogging(t, neo4jtest.Config(t), slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	debug.srv.prepared.Store(true)

	// The oracles: every entity, event and source, listed without totals.
	var all struct {
		Entities, Events, Sources struct{ Nodes []struct{ ID string } }
	}
	s.post(t, `{ entities(first: 100) { nodes { id } } events(first: 100) { nodes { id } } sources(first: 100) { nodes { id } } }`, nil).data(t, &all)
	entities, events, sources := len(all.Entities.Nodes), len(all.Events.Nodes), len(all.Sources.Nodes)
	if entities < 3 || events < 3 || sources < 1 {
		t.Fatalf("the seed is too small: %d entities, %d events, %d sources", entities, events, sources)
	}
	var ukraine struct {
		Entity struct {
			Events struct{ Nodes []struct{ ID string } }
		}
	}
	s.post(t, `{ entity(id: "nation:ukraine") { events(first: 100) { nodes { id } } } }`, nil).data(t, &ukraine)

	var said struct {
		Statements struct {
			Nodes    []struct{ ID string }
			PageInfo struct{ HasNextPage bool }
		}
	}
	s.post(t, `{ statements(first: 100, filter: {speaker: "person:emmanuel-macron"}) { nodes { id } pageInfo { hasNextPage } } }`, nil).data(t, &said)
	macron := len(said.Statements.Nodes)
	if macron == 0 || said.Statements.PageInfo.HasNextPage {
		t.Fatalf("the seed should quote Macron, fewer than 100 times: %d", macron)
	}

	for _, c := range []struct {
		name  string
		query string
		vars  map[string]any
		// The operation whose reads are checked, whether they count, and
		// the totalCount the answer must hold (where it asks for one).
		op     string
		counts bool
		total  int
	}{
		{"entities without totalCount", `{ entities(first: 2) { nodes { id } pageInfo { hasNextPage endCursor } } }`, nil, "store.Entities", false, 0},
		{"entities with totalCount", `{ entities(first: 2) { totalCount nodes { id } } }`, nil, "store.Entities", true, entities},
		{"entities most quoted with totalCount", `{ entities(first: 2, orderBy: MOST_QUOTED) { totalCount } }`, nil, "store.Entities", true, entities},
		{"entities with hasPreviousPage", `{ entities(first: 2) { pageInfo { hasPreviousPage } } }`, nil, "store.Entities", true, 0},
		{"entities with totalCount in a fragment", `{ entities(first: 2) { ...C } } fragment C on EntityConnection { totalCount }`, nil, "store.Entities", true, entities},
		{"entities with totalCount skipped", `query($s: Boolean!) { entities(first: 2) { totalCount @skip(if: $s) nodes { id } } }`, map[string]any{"s": true}, "store.Entities", false, 0},
		{"entities with totalCount not skipped", `query($s: Boolean!) { entities(first: 2) { totalCount @skip(if: $s) nodes { id } } }`, map[string]any{"s": false}, "store.Entities", true, entities},
		{"entities, a nested list's totalCount", `{ entities(first: 2) { nodes { id mentions(first: 1) { totalCount } } } }`, nil, "store.Entities", false, 0},
		{"entities, and a sibling's totalCount", `{ entities(first: 2) { nodes { id } } sources(first: 1) { totalCount } }`, nil, "store.Entities", false, 0},
		{"events without totalCount", `{ events(first: 2) { nodes { id } } }`, nil, "store.EventPages", false, 0},
		{"events with totalCount", `{ events(first: 2) { totalCount } }`, nil, "store.EventPages", true, events},
		{"an entity's events without totalCount", `{ entity(id: "nation:ukraine") { events(first: 1) { nodes { id } } } }`, nil, "store.EventPages", false, 0},
		{"an entity's events with totalCount", `{ entity(id: "nation:ukraine") { events(first: 1) { totalCount } } }`, nil, "store.EventPages", true, len(ukraine.Entity.Events.Nodes)},
		{"statements without totalCount", `{ statements(first: 2) { nodes { id speaker { id } } } }`, nil, "store.StatementPages", false, 0},
		{"statements, and a sibling's totalCount", `{ statements(first: 2) { nodes { id } } entities(first: 1) { totalCount } }`, nil, "store.StatementPages", false, 0},
		{"statements with totalCount", `{ statements(first: 2, filter: {speaker: "person:emmanuel-macron"}) { totalCount } }`, nil, "store.StatementPages", true, macron},
		{"sources without totalCount", `{ sources(first: 1) { nodes { id } } }`, nil, "store.SourcePage", false, 0},
		{"sources with totalCount", `{ sources(first: 1) { totalCount } }`, nil, "store.SourcePage", true, sources},
	} {
		t.Run(c.name, func(t *testing.T) {
			logs.take(t)
			var got map[string]struct {
				TotalCount *int
				Events     *struct{ TotalCount *int }
			}
			debug.post(t, c.query, c.vars).data(t, &got)
			reads := logs.take(t)[c.op]
			if len(reads) == 0 {
				t.Fatalf("no %s read logged", c.op)
			}
			for _, counts := range reads {
				if counts != c.counts {
					t.Errorf("%s sent $with.counts %v, want %v", c.op, counts, c.counts)
				}
			}
			if c.total == 0 {
				return
			}
			for field, v := range got {
				n := v.TotalCount
				if v.Events != nil {
					n = v.Events.TotalCount
				}
				if n == nil || *n != c.total {
					t.Errorf("%s: totalCount %v, want %d", field, n, c.total)
				}
			}
		})
	}
}
