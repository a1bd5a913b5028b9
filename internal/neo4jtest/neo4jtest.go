// Package neo4jtest gives tests a real Neo4j. Tests use the shared instance
// that `make test` starts (NEWSGRAPH_TEST_NEO4J_*), or start a private
// instance of their own through tools/neo4j when they must stop and restart
// the database. There is no fake: every test that runs Cypher runs it on Neo4j.
package neo4jtest

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"newsgraph/internal/config"
)

// Environment variables set by `make test` (tools/test).
const (
	EnvURI      = "NEWSGRAPH_TEST_NEO4J_URI"
	EnvPassword = "NEWSGRAPH_TEST_NEO4J_PASSWORD"
	// EnvRequire makes a missing test Neo4j a failure instead of a skip, so
	// `make test` can never pass by skipping the integration tests.
	EnvRequire = "NEWSGRAPH_TEST_REQUIRE_NEO4J"
)

// Config returns the shared test Neo4j's settings. Without one, the test is
// skipped, or fails when EnvRequire is set. Under -short every test that
// needs Neo4j is skipped, so `go test -short ./...` runs the Neo4j-free
// tests alone, in seconds.
func Config(t testing.TB) config.Neo4j {
	t.Helper()
	if testing.Short() {
		t.Skip("needs Neo4j; -short runs only the Neo4j-free tests")
	}
	uri := os.Getenv(EnvURI)
	if uri == "" {
		if os.Getenv(EnvRequire) != "" {
			t.Fatalf("%s is not set but %s is: the test Neo4j is missing", EnvURI, EnvRequire)
		}
		t.Skipf("no test Neo4j: run `make test`, or set %s", EnvURI)
	}
	c := config.Defaults.Neo4j
	c.URI = uri
	c.Password = os.Getenv(EnvPassword)
	return c
}

// Lock gives the calling test exclusive use of the shared test database until
// it ends. `go test ./...` runs packages in parallel, and Neo4j Community has
// one user database, so tests that reset the graph take turns through a file
// lock named after the database's URI.
func Lock(t testing.TB) {
	t.Helper()
	// A test may open several servers; the process takes the file lock once
	// and counts, since a second flock from the same process would wait on
	// itself.
	held.Lock()
	defer held.Unlock()
	if held.n > 0 {
		held.n++
		t.Cleanup(func() { held.Lock(); held.n--; held.Unlock() })
		return
	}
	uri := os.Getenv(EnvURI)
	name := filepath.Join(os.TempDir(), "newsgraph-neo4jtest-"+strconv.FormatUint(fnv(uri), 16)+".lock")
	f, err := os.OpenFile(name, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		t.Fatalf("open lock %s: %v", name, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		t.Fatalf("lock %s: %v", name, err)
	}
	held.n = 1
	t.Cleanup(func() {
		held.Lock()
		defer held.Unlock()
		if held.n--; held.n == 0 {
			syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
			f.Close()
		}
	})
}

// held counts this process's holds on the shared database's lock.
var held struct {
	sync.Mutex
	n int
}

func fnv(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// Instance is a private Neo4j, started through tools/neo4j on a free port with
// its own throwaway data directory. Tests that stop the database use one, so
// they never disturb tests running against the shared instance.
type Instance struct {
	Port     int
	Dir      string
	Password string
	tools    string
}

// Start starts a private instance and stops it when the test ends. It needs
// the same Java and Maven cache as `make test`, so it is skipped (or fails,
// under EnvRequire) where the shared test Neo4j is not configured either.
func Start(t testing.TB) *Instance {
	t.Helper()
	in := New(t)
	in.StartAgain(t)
	return in
}

// New prepares a private instance without starting it, for tests that
// build its database offline first (Admin); StartAgain starts it.
func New(t testing.TB) *Instance {
	t.Helper()
	Config(t) // skip or fail consistently with the shared instance
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	in := &Instance{
		Port:     FreePort(t),
		Dir:      t.TempDir(),
		Password: "private-test-pw",
		tools:    filepath.Join(root, "tools", "neo4j"),
	}
	t.Cleanup(func() { in.run(t, "stop") })
	return in
}

// AdminEnv is the environment under which tools/neo4j/admin (the
// instance's neo4j-admin) works on this instance's data, and the command
// itself.
func (in *Instance) AdminEnv() (command string, env map[string]string) {
	return filepath.Join(in.tools, "admin"), map[string]string{
		"NEO4J_PORT": strconv.Itoa(in.Port),
		"NEO4J_DIR":  in.Dir,
	}
}

// StartAgain starts the instance after Stop, on the same port and data.
func (in *Instance) StartAgain(t testing.TB) {
	t.Helper()
	start := time.Now()
	in.run(t, "start")
	t.Logf("private Neo4j on port %d started in %s", in.Port, time.Since(start).Round(100*time.Millisecond))
}

// Stop stops the instance (SIGTERM through its pid file).
func (in *Instance) Stop(t testing.TB) {
	t.Helper()
	in.run(t, "stop")
}

// Config returns settings that reach this instance.
func (in *Instance) Config() config.Neo4j {
	c := config.Defaults.Neo4j
	c.URI = fmt.Sprintf("bolt://127.0.0.1:%d", in.Port)
	c.Password = in.Password
	return c
}

func (in *Instance) run(t testing.TB, script string) {
	t.Helper()
	cmd := exec.Command(filepath.Join(in.tools, script))
	cmd.Env = append(os.Environ(),
		"NEO4J_PORT="+strconv.Itoa(in.Port),
		"NEO4J_DIR="+in.Dir,
		"NEO4J_PASSWORD="+in.Password,
		"NEO4J_AUTH=true",
		"NEO4J_HEAP=512m",
		// Short-lived: C1 alone warms up sooner than the full JIT.
		"NEO4J_JIT=quick",
	)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("tools/neo4j/%s: %v\n%s", script, err, out)
	}
}

// FreePort returns a loopback port that nothing listens on now: for a
// server to listen on, or for a Neo4j that is down.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// repoRoot finds the module root from the test's working directory.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}

// Kill ends the instance at once with SIGKILL, as a crash would: no clean
// shutdown, open transactions lost.
func (in *Instance) Kill(t testing.TB) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(in.Dir, "neo4j.pid"))
	if err != nil {
		t.Fatalf("kill: %v", err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatalf("kill: bad pid file: %v", err)
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatalf("kill %d: %v", pid, err)
	}
	for i := 0; i < 200; i++ {
		if syscall.Kill(pid, 0) != nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("pid %d still alive after SIGKILL", pid)
}
