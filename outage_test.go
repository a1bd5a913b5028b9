package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"newsgraph/internal/config"
	"newsgraph/internal/neo4jtest"
)

// unavailableBound is how fast a request must fail when Neo4j is down.
const unavailableBound = 2 * time.Second

// client never waits long, so a hang fails the test instead of stalling it.
var client = &http.Client{Timeout: 10 * time.Second}

func closedPort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	return port
}

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
	cfg.URI = fmt.Sprintf("bolt://127.0.0.1:%d", closedPort(t))
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
	s.app.prepare(ctx) // what serve does in the background; returns once the schema is in place
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

func TestRunRejectsBadConfig(t *testing.T) {
	env := map[string]string{"NEO4J_URI": "http://localhost:7474", "ADDR": "nope"}
	err := run(context.Background(), nil, func(k string) string { return env[k] }, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "NEO4J_URI") || !strings.Contains(err.Error(), "ADDR") {
		t.Fatalf("run = %v, want an error naming NEO4J_URI and ADDR", err)
	}
	if err := run(context.Background(), []string{"frobnicate"}, func(string) string { return "" }, io.Discard, io.Discard); err == nil ||
		!strings.Contains(err.Error(), "frobnicate") {
		t.Fatalf("unknown command: %v", err)
	}
}

// run serves until its context ends, then shuts down cleanly.
func TestRunServesAndShutsDown(t *testing.T) {
	addr := fmt.Sprintf("127.0.0.1:%d", closedPort(t))
	env := map[string]string{
		"ADDR":      addr,
		"NEO4J_URI": fmt.Sprintf("bolt://127.0.0.1:%d", closedPort(t)),
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, nil, func(k string) string { return env[k] }, io.Discard, io.Discard) }()

	deadline := time.Now().Add(10 * time.Second)
	for {
		res, err := client.Get("http://" + addr + "/healthz")
		if err == nil {
			res.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("server did not come up: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run returned %v after shutdown", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("run did not return after its context ended")
	}
	if _, err := client.Get("http://" + addr + "/healthz"); err == nil {
		t.Error("server still answers after shutdown")
	}
}
