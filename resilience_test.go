package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"newsgraph/internal/config"
	"newsgraph/internal/ingest"
	"newsgraph/internal/neo4jtest"
)

// outcome is one request's fate under load.
type outcome struct {
	start  time.Time
	took   time.Duration
	status int
	code   string // first error's code, "" for success
	neterr error
}

// loadUntil sends queries from workers until stop closes, at most until
// the bound, and returns every outcome. The load stays on loopback.
func loadUntil(t *testing.T, base string, workers int, stop <-chan struct{}, bound time.Duration) []outcome {
	t.Helper()
	queries := []string{
		`{ entity(id: "nation:ukraine") { name } }`,
		`{ statements(first: 5) { nodes { text speaker { name } } } }`,
		`{ search(query: "troops", first: 3) { score } }`,
	}
	var mu sync.Mutex
	var all []outcome
	var wg sync.WaitGroup
	deadline := time.Now().Add(bound)
	c := &http.Client{Timeout: 10 * time.Second}
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; time.Now().Before(deadline); i++ {
				select {
				case <-stop:
					return
				default:
				}
				o := outcome{start: time.Now()}
				res, err := c.Get(base + "/graphql?query=" + url.QueryEscape(queries[(i+w)%len(queries)]))
				o.took = time.Since(o.start)
				if err != nil {
					o.neterr = err
				} else {
					body, _ := io.ReadAll(res.Body)
					res.Body.Close()
					o.status = res.StatusCode
					if i := strings.Index(string(body), `"code":"`); i >= 0 {
						rest := string(body)[i+8:]
						o.code = rest[:strings.IndexByte(rest, '"')]
					}
				}
				mu.Lock()
				all = append(all, o)
				mu.Unlock()
				time.Sleep(20 * time.Millisecond)
			}
		}()
	}
	wg.Wait()
	return all
}

// Neo4j killed under concurrent load: failing requests answer UNAVAILABLE
// within 2 s, never 5xx; /readyz goes false; after the restart answers
// resume within 5 s, with no server restart.
func TestOutageUnderLoad(t *testing.T) {
	in := neo4jtest.Start(t)
	s := startServer(t, in.Config())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s.app.prepare(ctx)
	loadSeed(t, s)

	stop := make(chan struct{})
	var results []outcome
	done := make(chan struct{})
	go func() { results = loadUntil(t, s.URL, 6, stop, 90*time.Second); close(done) }()

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
		case o.neterr != nil:
			t.Errorf("request at %s failed at the HTTP level: %v", o.start.Sub(killed), o.neterr)
		case o.status >= 500:
			t.Errorf("HTTP %d at %s after the kill", o.status, o.start.Sub(killed))
		case o.code != "":
			failed++
			if o.code != "UNAVAILABLE" {
				t.Errorf("failing request answered %s", o.code)
			}
			if o.took > 2*time.Second {
				t.Errorf("a failing request took %s (bound 2s)", o.took)
			}
			if o.start.After(ready.Add(5 * time.Second)) {
				t.Errorf("request %s after Neo4j was ready still failed", o.start.Sub(ready))
			}
		case o.start.After(ready) && firstSuccess.IsZero():
			firstSuccess = o.start.Add(o.took)
			fallthrough
		default:
			if o.start.After(ready) {
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

// SIGTERM under load: requests in flight finish, new connections are
// refused, and nothing answers 5xx.
func TestGracefulShutdownUnderLoad(t *testing.T) {
	cfg := neo4jtest.Config(t)
	neo4jtest.Lock(t)
	bin := filepath.Join(t.TempDir(), "newsgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	addr := fmt.Sprintf("127.0.0.1:%d", closedPort(t))
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "ADDR="+addr, "NEO4J_URI="+cfg.URI, "NEO4J_PASSWORD="+cfg.Password, "NEWSGRAPH_SEED=false",
		"NEWSGRAPH_SHUTDOWN_TIMEOUT=10s")
	var logs strings.Builder
	cmd.Stderr = &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	base := "http://" + addr
	for i := 0; ; i++ {
		if res, err := http.Get(base + "/healthz"); err == nil {
			res.Body.Close()
			break
		}
		if i > 200 {
			t.Fatalf("server did not start:\n%s", logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}

	stop := make(chan struct{})
	var results []outcome
	done := make(chan struct{})
	go func() { results = loadUntil(t, base, 4, stop, 30*time.Second); close(done) }()
	time.Sleep(1500 * time.Millisecond)
	sent := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("server exited with %v\n%s", err, logs.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("server did not exit within 20s of SIGTERM")
	}
	// Keep the load on a moment longer: those requests must be refused.
	time.Sleep(500 * time.Millisecond)
	close(stop)
	<-done
	if c, err := net.Dial("tcp", addr); err == nil {
		c.Close()
		t.Error("a new connection was accepted after the shutdown")
	}

	var ok, refused int
	for _, o := range results {
		switch {
		case o.neterr != nil:
			// Only new connections may fail, and only by being refused: a
			// request the server accepted is never cut off.
			if o.start.Before(sent.Add(-time.Second)) {
				t.Errorf("a request sent well before SIGTERM failed: %v", o.neterr)
			}
			if !strings.Contains(o.neterr.Error(), "connection refused") {
				t.Errorf("after SIGTERM a request failed with %v, want a refused connection", o.neterr)
			}
			refused++
		case o.status >= 500:
			t.Errorf("HTTP %d during shutdown", o.status)
		default:
			ok++
		}
	}
	if ok == 0 || refused == 0 {
		t.Errorf("%d answered, %d refused: the shutdown was not exercised under load", ok, refused)
	}
	if !strings.Contains(logs.String(), "stopped") {
		t.Errorf("no clean stop in the logs:\n%s", logs.String())
	}
	t.Logf("%d requests answered, %d refused after SIGTERM, none 5xx", ok, refused)
}

// A path query slower than the request's deadline is stopped, in Neo4j
// too: the caller hears so, and the transaction is gone from SHOW
// TRANSACTIONS.
func TestDeadlineStopsTheQueryInNeo4j(t *testing.T) {
	s := newTestServer(t, func(c *config.Config) { c.RequestTimeout = 5 * time.Millisecond })
	// A dense cluster: 40 people each said something about each of 40
	// nations, so two people are joined by hundreds of shortest paths.
	var text strings.Builder
	doc := &ingest.Document{}
	for p := 0; p < 40; p++ {
		doc.Entities = append(doc.Entities, ingest.EntityInput{ID: fmt.Sprintf("person:dense-p%d", p), Kind: "PERSON", Name: fmt.Sprintf("Dense P%d", p)})
		doc.Entities = append(doc.Entities, ingest.EntityInput{ID: fmt.Sprintf("nation:dense-n%d", p), Kind: "NATION", Name: fmt.Sprintf("Dense N%d", p)})
	}
	for p := 0; p < 40; p++ {
		for n := 0; n < 40; n++ {
			line := fmt.Sprintf("P%d spoke of N%d.", p, n)
			text.WriteString(line + "\n")
			q := line
			doc.Statements = append(doc.Statements, ingest.StatementInput{Kind: "PARAPHRASE", Speaker: fmt.Sprintf("person:dense-p%d", p),
				Text: line, About: []string{fmt.Sprintf("nation:dense-n%d", n)}, Evidence: &ingest.EvidenceInput{Quote: &q}})
		}
	}
	doc.Source = ingest.SourceInput{ID: "source:dense", Title: "Dense", Text: text.String()}
	if _, _, err := ingest.Load(context.Background(), s.store, doc); err != nil {
		t.Fatal(err)
	}

	start := time.Now()
	e := s.post(t, `{ paths(from: "person:dense-p0", to: "person:dense-p1", maxHops: 6, first: 100) { length nodes { id ... on Statement { text speaker { name } } } } }`, nil).onlyError(t)
	took := time.Since(start)
	if e.Extensions["code"] != "UNAVAILABLE" || !strings.Contains(e.Message, "took too long") {
		t.Fatalf("slow path query: %+v", e)
	}
	if took > 2*time.Second {
		t.Errorf("the stopped query answered after %s", took)
	}
	deadline := time.Now().Add(3 * time.Second)
	for {
		running, err := s.store.RunningQueries(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		still := false
		for _, q := range running {
			still = still || strings.Contains(q, "allShortestPaths")
		}
		if !still {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the path query is still running in Neo4j 3s after its deadline: %q", running)
		}
		time.Sleep(50 * time.Millisecond)
	}
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
