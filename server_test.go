package main

// The process tests: run() as main calls it, the built binary under
// SIGTERM, and the Docker files. Everything the server does over HTTP is
// tested in internal/server, and the subcommands in internal/cli.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/goccy/go-yaml"

	"newsgraph/internal/gqltest"
	"newsgraph/internal/loadtest"
	"newsgraph/internal/neo4jtest"
	"newsgraph/internal/store"
)

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
	addr := fmt.Sprintf("127.0.0.1:%d", neo4jtest.FreePort(t))
	env := map[string]string{
		"ADDR":      addr,
		"NEO4J_URI": fmt.Sprintf("bolt://127.0.0.1:%d", neo4jtest.FreePort(t)),
	}
	client := &http.Client{Timeout: 10 * time.Second}
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

// SIGTERM under load: requests in flight finish, new connections are
// refused, and nothing answers 5xx.
func TestGracefulShutdownUnderLoad(t *testing.T) {
	cfg := neo4jtest.Config(t)
	neo4jtest.Lock(t)
	bin := filepath.Join(t.TempDir(), "newsgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	addr := fmt.Sprintf("127.0.0.1:%d", neo4jtest.FreePort(t))
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
	var results []loadtest.Outcome
	done := make(chan struct{})
	go func() { results = loadtest.Until(base, 4, stop, 30*time.Second); close(done) }()
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
		case o.NetErr != nil:
			// Only new connections may fail, and only by being refused: a
			// request the server accepted is never cut off.
			if o.Start.Before(sent.Add(-time.Second)) {
				t.Errorf("a request sent well before SIGTERM failed: %v", o.NetErr)
			}
			if !strings.Contains(o.NetErr.Error(), "connection refused") {
				t.Errorf("after SIGTERM a request failed with %v, want a refused connection", o.NetErr)
			}
			refused++
		case o.Status >= 500:
			t.Errorf("HTTP %d during shutdown", o.Status)
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

// There is no Docker engine where the tests run, so this checks the compose
// file and the Dockerfile by reading them.
func TestDockerCompose(t *testing.T) {
	raw, err := os.ReadFile("docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		Services map[string]struct {
			Image       string            `yaml:"image"`
			Build       any               `yaml:"build"`
			Environment map[string]string `yaml:"environment"`
			Ports       []string          `yaml:"ports"`
			Volumes     []string          `yaml:"volumes"`
			Healthcheck *struct {
				Test     []string `yaml:"test"`
				Interval string   `yaml:"interval"`
				Retries  int      `yaml:"retries"`
			} `yaml:"healthcheck"`
			DependsOn map[string]struct {
				Condition string `yaml:"condition"`
			} `yaml:"depends_on"`
		} `yaml:"services"`
		Volumes map[string]any `yaml:"volumes"`
	}
	if err := yaml.Unmarshal(raw, &c); err != nil {
		t.Fatalf("docker-compose.yml: %v", err)
	}

	db, ok := c.Services["neo4j"]
	if !ok {
		t.Fatal("no neo4j service")
	}
	if !regexp.MustCompile(`^neo4j:5\.26\.\d+-community$`).MatchString(db.Image) {
		t.Errorf("neo4j image %q is not a pinned 5.26.x community tag", db.Image)
	}
	if db.Image != "neo4j:5.26.30-community" {
		t.Errorf("neo4j image %q differs from the version tools/neo4j runs (5.26.30)", db.Image)
	}
	if !slices.ContainsFunc(db.Ports, func(p string) bool { return strings.HasSuffix(p, ":7687") }) {
		t.Errorf("neo4j does not publish Bolt: %q", db.Ports)
	}
	if db.Healthcheck == nil || len(db.Healthcheck.Test) < 2 || !strings.Contains(strings.Join(db.Healthcheck.Test, " "), "cypher-shell") || db.Healthcheck.Retries == 0 {
		t.Errorf("neo4j healthcheck should run a query with cypher-shell: %+v", db.Healthcheck)
	}
	if !slices.ContainsFunc(db.Volumes, func(v string) bool {
		name, _, _ := strings.Cut(v, ":")
		_, declared := c.Volumes[name]
		return declared && strings.HasSuffix(v, ":/data")
	}) {
		t.Errorf("neo4j /data is not on a named volume: %q", db.Volumes)
	}
	if !strings.HasPrefix(db.Environment["NEO4J_AUTH"], "neo4j/") {
		t.Errorf("NEO4J_AUTH = %q", db.Environment["NEO4J_AUTH"])
	}

	app, ok := c.Services["newsgraph"]
	if !ok {
		t.Fatal("no newsgraph service")
	}
	if app.Build == nil {
		t.Error("newsgraph is not built from the Dockerfile")
	}
	if !slices.Contains(app.Ports, "8080:8080") {
		t.Errorf("newsgraph ports %q, want 8080:8080", app.Ports)
	}
	if dep, ok := app.DependsOn["neo4j"]; !ok || dep.Condition != "service_healthy" {
		t.Errorf("newsgraph must wait for a healthy neo4j: %+v", app.DependsOn)
	}
	if app.Environment["NEO4J_URI"] != "bolt://neo4j:7687" {
		t.Errorf("NEO4J_URI = %q, want the neo4j service", app.Environment["NEO4J_URI"])
	}
	for _, k := range []string{"NEO4J_USER", "NEO4J_PASSWORD", "ADDR"} {
		if app.Environment[k] == "" {
			t.Errorf("newsgraph environment lacks %s", k)
		}
	}
	// The server's password must be the one Neo4j is given.
	if pw := strings.TrimPrefix(db.Environment["NEO4J_AUTH"], "neo4j/"); pw != app.Environment["NEO4J_PASSWORD"] {
		t.Errorf("password mismatch: neo4j gets %q, newsgraph %q", pw, app.Environment["NEO4J_PASSWORD"])
	}
}

func TestDockerfile(t *testing.T) {
	raw, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	froms := regexp.MustCompile(`(?m)^FROM\s+(\S+)`).FindAllStringSubmatch(string(raw), -1)
	if len(froms) < 2 {
		t.Fatalf("Dockerfile has %d stages, want a multi-stage build", len(froms))
	}
	mod, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	goVersion := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindStringSubmatch(string(mod))[1]
	if !strings.HasPrefix(froms[0][1], "golang:"+goVersion) {
		t.Errorf("build stage %q does not use Go %s from go.mod", froms[0][1], goVersion)
	}
	if !strings.Contains(string(raw), "COPY --from=") || !strings.Contains(string(raw), "ENTRYPOINT") {
		t.Error("the final stage should copy the binary from the build stage and run it")
	}
}

// Subscriptions across replicas: two server processes on one Neo4j. A
// subscriber on B sees an ingest and a delete made through A (B learns of
// them only from the change feed in the graph), with its filter applied;
// then SIGTERM on B completes its subscriptions and closes the connection
// cleanly before B exits.
func TestSubscriptionsAcrossReplicas(t *testing.T) {
	cfg := neo4jtest.Config(t)
	neo4jtest.Lock(t)
	st, err := store.Open(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := st.EnsureSchema(ctx); err == nil {
		err = st.DeleteAll(ctx) // A seeds the empty graph
	}
	st.Close(ctx)
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "newsgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	const token = "replica-test-token-0123456789"
	start := func(name, seed string) (string, *exec.Cmd, *strings.Builder) {
		addr := fmt.Sprintf("127.0.0.1:%d", neo4jtest.FreePort(t))
		cmd := exec.Command(bin)
		cmd.Env = append(os.Environ(), "ADDR="+addr, "NEO4J_URI="+cfg.URI, "NEO4J_PASSWORD="+cfg.Password,
			"NEWSGRAPH_SEED="+seed, "NEWSGRAPH_API_TOKEN="+token, "NEWSGRAPH_FEED_POLL=50ms")
		logs := new(strings.Builder)
		cmd.Stderr = logs
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		base := "http://" + addr
		for i := 0; ; i++ {
			if res, err := http.Get(base + "/readyz"); err == nil {
				res.Body.Close()
				if res.StatusCode == 200 {
					break
				}
			}
			if i > 600 {
				t.Fatalf("replica %s did not get ready:\n%s", name, logs)
			}
			time.Sleep(50 * time.Millisecond)
		}
		return base, cmd, logs
	}
	a, _, _ := start("A", "true")
	b, bCmd, bLogs := start("B", "false")

	c := gqltest.Dial(t, b)
	c.Subscribe("ilsa", `subscription { statementAdded(filter: {speaker: "person:ilsa-marend"}) { id speaker { id } evidence { source { id } } } }`, nil)
	c.Subscribe("src", `subscription { sourceChanged { kind sourceId addedStatements } }`, nil)
	for i := 0; !strings.Contains(get(t, b+"/metrics"), "newsgraph_subscriptions 2"); i++ {
		if i > 200 {
			t.Fatal("B never counted two subscriptions")
		}
		time.Sleep(20 * time.Millisecond)
	}

	doc, err := os.ReadFile("seed/examples/harbour-talks.json")
	if err != nil {
		t.Fatal(err)
	}
	const src = "source:northern-ledger-2026-03-12-harbour-talks"
	gqltest.Post(t, a, token, `mutation ($d: SourceDocumentInput!) { ingestSource(document: $d) { source { id } } }`, map[string]any{"d": json.RawMessage(doc)})
	var change struct {
		SourceChanged struct{ Kind, SourceID string }
	}
	var added struct {
		StatementAdded struct {
			ID       string
			Speaker  struct{ ID string }
			Evidence struct{ Source struct{ ID string } }
		}
	}
	for range 2 {
		m := c.Next(15 * time.Second)
		switch m.ID {
		case "src":
			gqltest.Data(t, m, &change)
		case "ilsa":
			gqltest.Data(t, m, &added)
		default:
			t.Fatalf("unexpected %s %s: %s", m.ID, m.Type, m.Payload)
		}
	}
	if change.SourceChanged.Kind != "INGESTED" || change.SourceChanged.SourceID != src {
		t.Errorf("B's sourceChanged: %+v", change)
	}
	if added.StatementAdded.Speaker.ID != "person:ilsa-marend" || added.StatementAdded.Evidence.Source.ID != src {
		t.Errorf("B's statementAdded: %+v", added)
	}
	c.Quiet(500 * time.Millisecond) // the other two statements do not match

	gqltest.Post(t, a, token, `mutation { deleteSource(id: "`+src+`") { id } }`, nil)
	c.NextData("src", 15*time.Second, &change)
	if change.SourceChanged.Kind != "DELETED" {
		t.Errorf("after the delete through A: %+v", change)
	}

	// SIGTERM: each subscription completes, then the connection closes.
	if err := bCmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	completed := map[string]bool{}
	for len(completed) < 2 {
		m := c.Next(10 * time.Second)
		if m.Type != "complete" {
			t.Fatalf("after SIGTERM: %s %s %s", m.ID, m.Type, m.Payload)
		}
		completed[m.ID] = true
	}
	if _, err := c.Read(10 * time.Second); err == nil || errors.Is(err, gqltest.ErrNoMessage) {
		t.Errorf("the connection stayed open after SIGTERM: %v", err)
	} else if status := websocket.CloseStatus(err); status != websocket.StatusNormalClosure {
		t.Errorf("closed with %v (%v), want a normal closure", status, err)
	}
	exited := make(chan error, 1)
	go func() { exited <- bCmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("B exited with %v\n%s", err, bLogs)
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("B did not exit within 15s of SIGTERM\n%s", bLogs)
	}
}

func get(t *testing.T, u string) string {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return string(b)
}
