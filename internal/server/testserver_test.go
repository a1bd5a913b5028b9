package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"
	"time"

	"newsgraph/internal/config"
	"newsgraph/internal/ingest"
	"newsgraph/internal/kg"
	"newsgraph/internal/neo4jtest"
	"newsgraph/internal/store"
	"newsgraph/seed"
)

// testServer is the real server, in-process, over HTTP, against a real Neo4j.
type testServer struct {
	*httptest.Server
	store *store.Store
	srv   *Server
}

// testLogger discards logs unless the test runs with -v, where they help.
func testLogger() *slog.Logger {
	if testing.Verbose() {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// failureLogger is testLogger for one test: without -v it keeps the
// server's warnings and errors, and prints them if the test fails, so
// that an INTERNAL answer in a full run comes with the error behind it.
// They go to a buffer, not to t, because the server's goroutines may log
// after the test has ended.
func failureLogger(t testing.TB) *slog.Logger {
	if testing.Verbose() {
		return testLogger()
	}
	var mu sync.Mutex
	var buf bytes.Buffer
	t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		if t.Failed() && buf.Len() > 0 {
			t.Logf("the server's warnings and errors:\n%s", buf.String())
		}
	})
	return slog.New(slog.NewTextHandler(lockedWriter{&mu, &buf}, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

// lockedWriter serialises writes to w under mu.
type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// startServer serves the server on neo4jCfg. It does not touch the graph.
func startServer(t testing.TB, neo4jCfg config.Neo4j, tune ...func(*config.Config)) *testServer {
	t.Helper()
	return startServerLogging(t, neo4jCfg, failureLogger(t), tune...)
}

// startServerLogging is startServer with the server's and the store's
// logger given: at debug level the store logs every read's Cypher and
// parameters, which is how a test sees what a request sent to Neo4j.
func startServerLogging(t testing.TB, neo4jCfg config.Neo4j, log *slog.Logger, tune ...func(*config.Config)) *testServer {
	t.Helper()
	cfg := config.Defaults
	cfg.Neo4j = neo4jCfg
	// Tests count round trips, so loaders get time enough to batch every
	// sibling on a loaded machine; production batches for 2 ms.
	cfg.TraceRoundTrips = true
	cfg.BatchWait = 30 * time.Millisecond
	for _, f := range tune {
		f(&cfg)
	}
	st, err := store.Open(cfg.Neo4j, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close(context.Background()) })
	a := New(cfg, st, log)
	srv := httptest.NewServer(a.Handler())
	t.Cleanup(srv.Close)
	// The change feed's follower, which Serve starts in production.
	feedCtx, stopFeed := context.WithCancel(context.Background())
	go a.feed.Run(feedCtx)
	t.Cleanup(func() { a.feed.Close(); stopFeed() })
	return &testServer{Server: srv, store: st, srv: a}
}

// newTestServer serves the server on the shared test Neo4j, holding its lock,
// with the schema ensured and the graph holding exactly the fixture.
func newTestServer(t testing.TB, tune ...func(*config.Config)) *testServer {
	t.Helper()
	cfg := neo4jtest.Config(t)
	neo4jtest.Lock(t)
	s := startServer(t, cfg, tune...)
	untilAvailable(t, s.store.EnsureSchema)
	s.srv.prepared.Store(true)
	untilAvailable(t, s.store.DeleteAll)
	untilAvailable(t, func(ctx context.Context) error { return loadSeedDocs(ctx, s) })
	return s
}

// untilAvailable runs step until it does not answer ErrUnavailable, as the
// server's own start does. A test that shrinks the pool to one connection
// with a 100-ms wait shares it with the change feed's follower, and on a
// loaded machine the first connection's handshake alone may take longer.
func untilAvailable(t testing.TB, step func(context.Context) error) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		err := step(context.Background())
		if err == nil {
			return
		}
		if !errors.Is(err, kg.ErrUnavailable) || time.Now().After(deadline) {
			t.Fatal(err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// loadSeed loads the seed documents through the ingest path, as the server
// does at start.
func loadSeed(t testing.TB, s *testServer) {
	t.Helper()
	if err := loadSeedDocs(context.Background(), s); err != nil {
		t.Fatal(err)
	}
}

func loadSeedDocs(ctx context.Context, s *testServer) error {
	docs, err := seed.Parsed()
	if err != nil {
		return err
	}
	for _, d := range docs {
		if _, _, err := ingest.Load(ctx, s.store, d); err != nil {
			return err
		}
	}
	return nil
}

// loadExample loads seed/examples/harbour-talks.json, a second, fictional
// source written for the tests, and returns it as loaded.
func loadExample(t *testing.T, s *testServer) *kg.SourceDocument {
	t.Helper()
	loaded, err := loadExampleNamed(t, s, "harbour-talks.json")
	if err != nil {
		t.Fatal(err)
	}
	return loaded
}

// loadExampleNamed loads a document under seed/examples through the ingest
// path.
func loadExampleNamed(t *testing.T, s *testServer, name string) (*kg.SourceDocument, error) {
	t.Helper()
	doc, err := seed.Example(name)
	if err != nil {
		t.Fatal(err)
	}
	loaded, _, err := ingest.Load(t.Context(), s.store, doc)
	return loaded, err
}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
	status int
	raw    []byte
}

// post sends one GraphQL request and decodes the response.
func (s *testServer) post(t *testing.T, query string, vars map[string]any) gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	res, err := http.Post(s.URL+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return decode(t, res)
}

func decode(t *testing.T, res *http.Response) gqlResponse {
	t.Helper()
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	var r gqlResponse
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatalf("response is not JSON (%d): %s", res.StatusCode, raw)
	}
	r.status, r.raw = res.StatusCode, raw
	return r
}

// data decodes a successful response's data into v, failing on any error.
func (r gqlResponse) data(t *testing.T, v any) {
	t.Helper()
	if len(r.Errors) > 0 {
		t.Fatalf("unexpected errors: %s", r.raw)
	}
	if err := json.Unmarshal(r.Data, v); err != nil {
		t.Fatalf("decode data: %v\n%s", err, r.raw)
	}
}

// onlyError returns the response's single error, failing otherwise.
func (r gqlResponse) onlyError(t *testing.T) gqlError {
	t.Helper()
	if len(r.Errors) != 1 {
		t.Fatalf("want exactly one error, got %s", r.raw)
	}
	return r.Errors[0]
}

func sha256Sum(b []byte) [32]byte { return sha256.Sum256(b) }

func get(t *testing.T, u string, status int) string {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != status {
		t.Fatalf("GET %s: %d, want %d: %s", u, res.StatusCode, status, b)
	}
	return string(b)
}

func sha256Hex(s string) string {
	return fmt.Sprintf("%x", sha256Sum([]byte(s)))
}

// client never waits long, so a hang fails the test instead of stalling it.
var client = &http.Client{Timeout: 10 * time.Second}

const testToken = "test-token-0123456789abcdef"

func withToken(c *config.Config) { c.APIToken = testToken }

// postAs sends a GraphQL request with an Authorization header.
func (s *testServer) postAs(t *testing.T, auth, query string, vars map[string]any) gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return decode(t, res)
}
