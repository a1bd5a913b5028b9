package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"newsgraph/internal/config"
	"newsgraph/internal/loadtest"
	"newsgraph/internal/neo4jtest"
)

// unavailableBound is how fast a request must fail when Neo4j is down.
const unavailableBound = 2 * time.Second

// expectUnavailable checks that GraphQL answers UNAVAILABLE, safely and fast,
// and that /readyz says the store is down.
func expectUnavailable(t *testing.T, s *testServer) {
	t.Helper()
	start := time.Now()
	res, err := client.Post(s.URL+"/graphql", "application/json",
		strings.NewReader(`{"query":"{ entity(id: \"nation:ukraine\") { name } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	r := decode(t, res)
	if took := time.Since(start); took > unavailableBound {
		t.Errorf("UNAVAILABLE took %s, bound %s", took, unavailableBound)
	}
	e := r.onlyError(t)
	if e.Extensions["code"] != "UNAVAILABLE" {
		t.Errorf("error = %s, want code UNAVAILABLE", r.raw)
	}
	for _, leak := range []string{"dial", "bolt", "127.0.0.1", "Connectivity", "store."} {
		if strings.Contains(string(r.raw), leak) {
			t.Errorf("response leaks %q: %s", leak, r.raw)
		}
	}

	start = time.Now()
	res, err = client.Get(s.URL + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if took := time.Since(start); took > unavailableBound {
		t.Errorf("/readyz took %s, bound %s", took, unavailableBound)
	}
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("/readyz = %d %s, want 503", res.StatusCode, body)
	}
	if get(t, s.URL+"/healthz", http.StatusOK) == "" {
		t.Error("/healthz must stay up while Neo4j is down")
	}
}

// The server starts with Neo4j down and says so.
func TestStartsWithNeo4jDown(t *testing.T) {
	cfg := config.Defaults.Neo4j
	cfg.URI = fmt.Sprintf("bolt://127.0.0.1:%d", neo4jtest.FreePort(t))
	s := startServer(t, cfg)
	expectUnavailable(t, s)
}

// Neo4j stops under a running server, then comes back: the server reports
// UNAVAILABLE within the bound and recovers without a restart.
func TestNeo4jOutageAndRecovery(t *testing.T) {
	in := neo4jtest.Start(t)
	s := startServer(t, in.Config())
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	s.srv.prepare(ctx) // what serve does in the background; returns once the schema is in place
	loadSeed(t, s)
	const q = `{ entity(id: "nation:ukraine") { name } }`
	var got struct{ Entity struct{ Name string } }
	s.post(t, q, nil).data(t, &got)
	if got.Entity.Name != "Ukraine" {
		t.Fatalf("before the outage: %+v", got)
	}
	get(t, s.URL+"/readyz", http.StatusOK)

	in.Stop(t)
	expectUnavailable(t, s)
	expectUnavailable(t, s) // and again: no slow path after the first failure

	in.StartAgain(t)
	restarted := time.Now()
	deadline := restarted.Add(30 * time.Second)
	for {
		r := s.post(t, q, nil)
		if len(r.Errors) == 0 {
			r.data(t, &got)
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no answer 30s after Neo4j restarted: %s", r.raw)
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Logf("answers resumed %s after Neo4j was ready again", time.Since(restarted).Round(time.Millisecond))
	if got.Entity.Name != "Ukraine" {
		t.Errorf("after the outage: %+v; the data should have survived the restart", got)
	}
	get(t, s.URL+"/readyz", http.StatusOK)
}

// Neo4j killed under concurrent load: failing requests answer UNAVAILABLE
// within 2 s, never 5xx; /readyz goes false; after the restart answers
// resume within 5 s, with no server restart.
func TestOutageUnderLoad(t *testing.T) {
	in := neo4jtest.Start(t)
	s := startServer(t, in.Config())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s.srv.prepare(ctx)
	loadSeed(t, s)

	stop := make(chan struct{})
	var results []loadtest.Outcome
	done := make(chan struct{})
	go func() { results = loadtest.Until(s.URL, 6, stop, 90*time.Second); close(done) }()

	time.Sleep(2 * time.Second)
	killed := time.Now()
	in.Kill(t)
	time.Sleep(3 * time.Second)
	res, err := client.Get(s.URL + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("/readyz with Neo4j dead: %d", res.StatusCode)
	}
	in.StartAgain(t)
	ready := time.Now()
	time.Sleep(8 * time.Second)
	close(stop)
	<-done

	var failed, recovered int
	var firstSuccess time.Time
	for _, o := range results {
		switch {
		case o.NetErr != nil:
			t.Errorf("request at %s failed at the HTTP level: %v", o.Start.Sub(killed), o.NetErr)
		case o.Status >= 500:
			t.Errorf("HTTP %d at %s after the kill", o.Status, o.Start.Sub(killed))
		case o.Code != "":
			failed++
			if o.Code != "UNAVAILABLE" {
				t.Errorf("failing request answered %s", o.Code)
			}
			if o.Took > 2*time.Second {
				t.Errorf("a failing request took %s (bound 2s)", o.Took)
			}
			if o.Start.After(ready.Add(5 * time.Second)) {
				t.Errorf("request %s after Neo4j was ready still failed", o.Start.Sub(ready))
			}
		case o.Start.After(ready) && firstSuccess.IsZero():
			firstSuccess = o.Start.Add(o.Took)
			fallthrough
		default:
			if o.Start.After(ready) {
				recovered++
			}
		}
	}
	if failed == 0 {
		t.Error("no request failed while Neo4j was dead: the outage was not exercised")
	}
	if recovered == 0 || firstSuccess.IsZero() {
		t.Fatal("no request succeeded after the restart")
	}
	t.Logf("%d requests; %d answered UNAVAILABLE during the outage; first answer %s after Neo4j was ready again",
		len(results), failed, firstSuccess.Sub(ready).Round(time.Millisecond))
}

// With every pooled connection taken, a request fails fast and says why:
// forty requests at once share one connection that may be waited for 100 ms.
func TestPoolExhaustionFailsFast(t *testing.T) {
	s := newTestServer(t, func(c *config.Config) {
		c.Neo4j.MaxPoolSize = 1
		c.Neo4j.AcquireTimeout = 100 * time.Millisecond
		c.ComplexityLimit = 100_000
	})
	const q = `{ statements(first: 100) { nodes { text speaker { name } about { id } evidence { excerpt } } } }`
	var wg sync.WaitGroup
	var mu sync.Mutex
	busy, ok := 0, 0
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			start := time.Now()
			r := s.post(t, q, nil)
			took := time.Since(start)
			mu.Lock()
			defer mu.Unlock()
			if len(r.Errors) == 0 {
				ok++
				return
			}
			e := r.Errors[0]
			if e.Extensions["code"] != "UNAVAILABLE" || !strings.Contains(e.Message, "busy") {
				t.Errorf("under pool exhaustion: %+v", e)
			}
			if took > time.Second {
				t.Errorf("a refused request took %s", took)
			}
			busy++
		}()
	}
	wg.Wait()
	if busy == 0 || ok == 0 {
		t.Errorf("%d answered, %d busy: the pool was not exhausted", ok, busy)
	}
	t.Logf("%d answered, %d told the pool was busy", ok, busy)
}
