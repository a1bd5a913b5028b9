package server

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"newsgraph/internal/neo4jtest"
)

// The explorer in a real browser: Debian's headless Chromium, driven by
// playwright-core, runs web/explorer/e2e/run.mjs against this server and a
// private, seeded Neo4j — search, entity, graph, connection finder, CSV,
// source view, narrow screens, keyboard, and the counts: the home page's
// figures, a bar's statements and a network edge's statements, each
// compared with what the API answers; then the review desk, with the
// API token (add a report, review, publish, find, delete, and back); then
// live updates: statements ingested while the home page and an entity's
// page are open join them, marked new — then Neo4j stops and the page must
// say so. Screenshots of every view go to $NEWSGRAPH_TEST_OUTPUT
// (default: a temporary directory), named in the log.
func TestExplorerInBrowser(t *testing.T) {
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	missing := ""
	if _, err := os.Stat(chromium); err != nil {
		missing = "Chromium (" + chromium + ")"
	} else if _, err := os.Stat("../../web/explorer/node_modules/playwright-core"); err != nil {
		missing = "playwright-core (npm ci --prefix web/explorer)"
	} else if _, err := exec.LookPath("node"); err != nil {
		missing = "Node.js"
	}
	if missing != "" {
		if os.Getenv("NEWSGRAPH_TEST_REQUIRE_BROWSER") != "" {
			t.Fatalf("the browser tests need %s; tools/test installs it", missing)
		}
		t.Skipf("no %s: the browser tests are skipped (make test installs what they need)", missing)
	}
	shots := os.Getenv("NEWSGRAPH_TEST_OUTPUT")
	if shots == "" {
		shots = t.TempDir()
	}
	shots = filepath.Join(shots, "explorer-screenshots")

	in := neo4jtest.Start(t)
	s := startServer(t, in.Config(), withToken)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	s.srv.prepare(ctx)
	loadSeed(t, s)
	// A second source, months after the seed's (one statement dated only
	// to its month): the home page's chart has months to order and a gap.
	loadExample(t, s)

	run := func(phase string) {
		t.Helper()
		cmd := exec.Command("node", "e2e/run.mjs", phase)
		cmd.Dir = "../../web/explorer"
		cmd.Env = append(os.Environ(), "BASE_URL="+s.URL, "SHOTS="+shots, "CHROMIUM="+chromium, "TOKEN="+testToken)
		out, err := cmd.CombinedOutput()
		t.Logf("e2e %s:\n%s", phase, out)
		if err != nil {
			t.Fatalf("e2e %s failed: %v (screenshots in %s)", phase, err, shots)
		}
	}
	run("main")
	run("desk")
	run("live")
	in.Stop(t)
	run("outage")
	t.Logf("screenshots in %s", shots)
}
