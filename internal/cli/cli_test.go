package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"newsgraph/internal/ingest"
	"newsgraph/internal/kg"
	"newsgraph/internal/neo4jtest"
	"newsgraph/internal/store"
	"newsgraph/seed"
)

// runCLITest runs a subcommand in-process with the test Neo4j's settings,
// returning the exit code and what it printed.
func runCLITest(t *testing.T, uri string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	env := map[string]string{"NEO4J_URI": uri, "NEO4J_PASSWORD": os.Getenv(neo4jtest.EnvPassword)}
	var out, errOut bytes.Buffer
	err := Run(context.Background(), args[0], args[1:], func(k string) string { return env[k] }, &out, &errOut)
	var exit *ExitError
	switch {
	case err == nil:
		code = 0
	case errors.As(err, &exit):
		code = exit.Code
	default:
		t.Fatalf("run %v: %v", args, err)
	}
	return code, out.String(), errOut.String()
}

// seededStore opens the shared test Neo4j, holding its lock, with the
// graph holding exactly the seed.
func seededStore(t *testing.T) *store.Store {
	t.Helper()
	cfg := neo4jtest.Config(t)
	neo4jtest.Lock(t)
	ctx := t.Context()
	st, err := store.Open(cfg, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close(context.Background()) })
	if err := st.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	docs, err := seed.Parsed()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if _, _, err := ingest.Load(ctx, st, d); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

func TestCLI(t *testing.T) {
	st := seededStore(t)
	uri := neo4jtest.Config(t).URI
	good := filepath.Join("..", "..", "seed", "examples", "varno-accord.json")
	before, rels, _ := st.Counts(t.Context())

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
	var results []result
	if err := json.Unmarshal([]byte(out), &results); err != nil || code != 1 || len(results) != 1 || results[0].OK || len(results[0].Problems) != 2 {
		t.Errorf("invalid document, --json: exit %d, %v\n%s", code, err, out)
	}
	if n, r, _ := st.Counts(t.Context()); n != before || r != rels {
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
	if n, r, _ := st.Counts(t.Context()); n != before || r != rels {
		t.Errorf("after ingest and delete: %d/%d, want %d/%d", n, r, before, rels)
	}
	for _, args := range [][]string{{"delete", "source:northern-ledger-2026-03-20-varno-accord"}, {"delete", "nation:france"}, {"delete", "Rutte"}, {"delete"}, {"ingest"}} {
		if code, _, _ := runCLITest(t, uri, args...); code != 1 {
			t.Errorf("%v: exit %d, want 1", args, code)
		}
	}

	// Neo4j unreachable: exit 2.
	down := fmt.Sprintf("bolt://127.0.0.1:%d", neo4jtest.FreePort(t))
	for _, args := range [][]string{{"ingest", good}, {"delete", "source:x"}, {"ingest", "--json", good}} {
		code, out, _ := runCLITest(t, down, args...)
		if code != 2 {
			t.Errorf("%v with Neo4j down: exit %d, want 2\n%s", args, code, out)
		}
	}
}

// The command line is read before anything is opened: these need no Neo4j.
func TestParse(t *testing.T) {
	tests := []struct {
		name string
		args []string
		json bool
		rest []string
		code int    // 0: parsed; else the ExitError's code
		err  string // for a plain error (unknown command)
	}{
		{"ingest files", []string{"ingest", "a.json", "b.json"}, false, []string{"a.json", "b.json"}, 0, ""},
		{"ingest --json", []string{"ingest", "--json", "a.json"}, true, []string{"a.json"}, 0, ""},
		{"ingest nothing", []string{"ingest"}, false, nil, ExitInvalid, ""},
		{"delete one id", []string{"delete", "source:x"}, false, []string{"source:x"}, 0, ""},
		{"delete --json", []string{"delete", "-json", "source:x"}, true, []string{"source:x"}, 0, ""},
		{"delete two ids", []string{"delete", "source:x", "source:y"}, false, nil, ExitInvalid, ""},
		{"delete nothing", []string{"delete"}, false, nil, ExitInvalid, ""},
		{"unknown flag", []string{"ingest", "--yaml", "a.json"}, false, nil, ExitInvalid, ""},
		{"unknown command", []string{"frobnicate"}, false, nil, 0, `unknown command "frobnicate"; usage: newsgraph [serve | delete`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			_, opts, err := parse(tt.args[0], tt.args[1:], &stderr)
			var exit *ExitError
			switch {
			case tt.err != "":
				if err == nil || errors.As(err, &exit) || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want a plain error containing %q", err, tt.err)
				}
			case tt.code != 0:
				if !errors.As(err, &exit) || exit.Code != tt.code {
					t.Fatalf("err = %v, want exit code %d", err, tt.code)
				}
				if !strings.Contains(stderr.String(), "usage: newsgraph "+tt.args[0]) {
					t.Errorf("no usage on stderr: %q", stderr.String())
				}
			default:
				if err != nil {
					t.Fatal(err)
				}
				if opts.json != tt.json || !slices.Equal(opts.args, tt.rest) {
					t.Errorf("options %+v, want json=%v args=%v", opts, tt.json, tt.rest)
				}
			}
		})
	}
}

// Exit codes and messages follow errcode: the input's fault is 1, Neo4j's 2.
func TestExitCodeAndMessage(t *testing.T) {
	tests := []struct {
		name string
		err  error
		code int
		msg  string
	}{
		{"invalid input", fmt.Errorf("op: %w", kg.InvalidInput("id", "%q is not a source id", "nation:france")), ExitInvalid, `id: "nation:france" is not a source id`},
		{"not found", kg.NotFound("no source %q", "source:x"), ExitInvalid, `no source "source:x"`},
		{"missing file", fmt.Errorf("open: %w", os.ErrNotExist), ExitInvalid, "open: file does not exist"},
		{"Neo4j down", fmt.Errorf("store: %w: connection refused", kg.ErrUnavailable), ExitUnavailable, "Neo4j is unavailable: store: graph store unavailable: connection refused"},
		{"unexpected", errors.New("boom"), ExitUnavailable, "boom"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := exitCode(tt.err); got != tt.code {
				t.Errorf("exitCode = %d, want %d", got, tt.code)
			}
			if got := message(tt.err); got != tt.msg {
				t.Errorf("message = %q, want %q", got, tt.msg)
			}
		})
	}
}

func TestParseExtract(t *testing.T) {
	var stderr bytes.Buffer
	_, opts, err := parse("extract", []string{"--offline", "--report", "--title", "Talks end", "--publisher", "Reuters", "--published", "2026-03-02", "--id", "source:x", "report.txt"}, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	f := opts.extract
	if !f.offline || !f.report || f.title != "Talks end" || f.publisher != "Reuters" || f.published != "2026-03-02" || f.id != "source:x" || !slices.Equal(opts.args, []string{"report.txt"}) {
		t.Errorf("options %+v", opts)
	}
	if _, _, err := parse("extract", []string{"--title", "x", "a.txt", "b.txt"}, &stderr); err == nil {
		t.Error("two files: want an error")
	}
}

// Bad reports are refused with a message naming what is wrong, before
// anything is opened; no Neo4j is needed to see it.
func TestExtractBadInput(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, []byte("  \n"), 0o644)
	binary := filepath.Join(dir, "binary.txt")
	os.WriteFile(binary, []byte{0xff, 0xfe, 'a'}, 0o644)
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte(`"We are ready," the minister said.`), 0o644)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"extract", "--offline", "--title", "T", empty}, "text: is empty"},
		{[]string{"extract", "--offline", "--title", "T", binary}, "text: is not valid UTF-8"},
		{[]string{"extract", "--offline", "--title", "T", filepath.Join(dir, "missing.txt")}, "no such file"},
		{[]string{"extract", "--offline", "--title", "T", "--published", "2026-13-01", good}, "publishedAt:"},
		{[]string{"extract", "--offline", good}, "title: is empty"},
		{[]string{"extract", "--offline", "--published", "2026-02-01", binary}, "not valid UTF-8"},
	} {
		code, _, stderr := runCLITest(t, "bolt://127.0.0.1:1", tt.args...)
		if code != ExitInvalid || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 1 and %q", tt.args[1:], code, stderr, tt.want)
		}
	}
}

// The door the README shows: draft the seed report offline, then ingest
// the draft as it is into an empty graph.
func TestExtractThenIngest(t *testing.T) {
	st := seededStore(t)
	if err := st.DeleteAll(t.Context()); err != nil {
		t.Fatal(err)
	}
	uri := neo4jtest.Config(t).URI
	report := filepath.Join("..", "..", "seed", "reuters-2025-09-05-coalition-of-the-willing.txt")
	code, out, stderr := runCLITest(t, uri, "extract", "--offline", "--report", "--title", "Twenty-six nations pledge postwar security guarantees to Ukraine at Paris summit",
		"--publisher", "Reuters", "--published", "2025-09-05", report)
	if code != 0 {
		t.Fatalf("extract: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "confidence") || !strings.Contains(stderr, "statements[0]") {
		t.Errorf("--report printed no table:\n%s", stderr)
	}
	draft := filepath.Join(t.TempDir(), "draft.json")
	os.WriteFile(draft, []byte(out), 0o644)
	code, out, _ = runCLITest(t, uri, "ingest", "--json", draft)
	var results []result
	if err := json.Unmarshal([]byte(out), &results); err != nil || code != 0 || !results[0].OK {
		t.Fatalf("ingest of the draft: exit %d\n%s", code, out)
	}
	created := map[string]int{}
	for _, c := range results[0].Counts {
		created[c.Kind] = c.Created
	}
	if created["statements"] < 30 || created["entities"] < 20 || created["roles"] < 8 {
		t.Errorf("the draft loaded too little: %+v", results[0].Counts)
	}
	// The drafted graph answers like the curated one for a known quote.
	n, _, err := st.Counts(t.Context())
	if err != nil || n == 0 {
		t.Fatalf("graph after ingest: %d nodes, %v", n, err)
	}
}
