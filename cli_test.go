package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsgraph/internal/neo4jtest"
)

// runCLITest runs the binary's main path in-process with the test Neo4j's
// settings, returning the exit code and what it printed.
func runCLITest(t *testing.T, uri string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	env := map[string]string{"NEO4J_URI": uri, "NEO4J_PASSWORD": os.Getenv(neo4jtest.EnvPassword)}
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, func(k string) string { return env[k] }, &out, &errOut)
	var exit *exitError
	switch {
	case err == nil:
		code = 0
	case errors.As(err, &exit):
		code = exit.code
	default:
		t.Fatalf("run %v: %v", args, err)
	}
	return code, out.String(), errOut.String()
}

func TestCLI(t *testing.T) {
	s := newTestServer(t)
	uri := neo4jtest.Config(t).URI
	good := filepath.Join("seed", "examples", "varno-accord.json")
	before, rels, _ := s.store.Counts(t.Context())

	// A broken copy of the example: two problems.
	var doc map[string]any
	b, _ := os.ReadFile(good)
	json.Unmarshal(b, &doc)
	doc["statements"].([]any)[0].(map[string]any)["speaker"] = "person:nobody"
	doc["events"].([]any)[0].(map[string]any)["date"] = "2026-13-01"
	bad := filepath.Join(t.TempDir(), "bad.json")
	b, _ = json.Marshal(doc)
	os.WriteFile(bad, b, 0o644)

	code, out, _ := runCLITest(t, uri, "ingest", bad)
	if code != 1 || !strings.Contains(out, "invalid, nothing written: 2 problem(s)") ||
		!strings.Contains(out, "statements[0].speaker:") || !strings.Contains(out, "events[0].date:") {
		t.Errorf("invalid document: exit %d\n%s", code, out)
	}
	code, out, _ = runCLITest(t, uri, "ingest", "--json", bad)
	var results []cliResult
	if err := json.Unmarshal([]byte(out), &results); err != nil || code != 1 || len(results) != 1 || results[0].OK || len(results[0].Problems) != 2 {
		t.Errorf("invalid document, --json: exit %d, %v\n%s", code, err, out)
	}
	if n, r, _ := s.store.Counts(t.Context()); n != before || r != rels {
		t.Fatalf("the refused document changed the graph")
	}

	code, out, _ = runCLITest(t, uri, "ingest", good)
	if code != 0 || !strings.Contains(out, "ok") || !strings.Contains(out, "statements      3 created") {
		t.Errorf("good document: exit %d\n%s", code, out)
	}
	code, out, _ = runCLITest(t, uri, "ingest", "--json", good)
	results = nil
	json.Unmarshal([]byte(out), &results)
	if code != 0 || len(results) != 1 || !results[0].OK || results[0].Source != "source:northern-ledger-2026-03-20-varno-accord" {
		t.Errorf("again, --json: exit %d\n%s", code, out)
	}
	for _, c := range results[0].Counts {
		if c.Created+c.Updated+c.Deleted != 0 {
			t.Errorf("ingesting again changed %s: %+v", c.Kind, c)
		}
	}
	// Several files: the worst outcome sets the exit code.
	if code, _, _ := runCLITest(t, uri, "ingest", good, bad); code != 1 {
		t.Errorf("good and bad together: exit %d, want 1", code)
	}
	if code, out, _ := runCLITest(t, uri, "ingest", "no-such-file.json"); code != 1 || !strings.Contains(out, "no such file") {
		t.Errorf("missing file: exit %d %s", code, out)
	}

	code, out, _ = runCLITest(t, uri, "delete", "--json", "source:northern-ledger-2026-03-20-varno-accord")
	results = nil
	json.Unmarshal([]byte(out), &results)
	if code != 0 || len(results) != 1 || !results[0].OK {
		t.Errorf("delete: exit %d\n%s", code, out)
	}
	if n, r, _ := s.store.Counts(t.Context()); n != before || r != rels {
		t.Errorf("after ingest and delete: %d/%d, want %d/%d", n, r, before, rels)
	}
	for _, args := range [][]string{{"delete", "source:northern-ledger-2026-03-20-varno-accord"}, {"delete", "nation:france"}, {"delete", "Rutte"}, {"delete"}, {"ingest"}} {
		if code, _, _ := runCLITest(t, uri, args...); code != 1 {
			t.Errorf("%v: exit %d, want 1", args, code)
		}
	}

	// Neo4j unreachable: exit 2.
	down := fmt.Sprintf("bolt://127.0.0.1:%d", closedPort(t))
	for _, args := range [][]string{{"ingest", good}, {"delete", "source:x"}, {"ingest", "--json", good}} {
		code, out, _ := runCLITest(t, down, args...)
		if code != 2 {
			t.Errorf("%v with Neo4j down: exit %d, want 2\n%s", args, code, out)
		}
	}
}
