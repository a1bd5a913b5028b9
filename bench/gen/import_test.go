package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsgraph/internal/cli"
	"newsgraph/internal/ingest"
	"newsgraph/internal/neo4jtest"
	"newsgraph/internal/store"
	"newsgraph/internal/store/storetest"
	"newsgraph/seed"
)

// `newsgraph import` builds, offline, the same graph as loading the
// documents one by one through ingest.Load: every node and relationship
// with every property, compared line by line. The documents are the seed's
// (roles, memberships, participations, aliases, descriptions, partial and
// missing dates) and the generator's on a small population (popular
// entities shared by many sources, events several sources describe). A
// set with one bad document imports nothing; a second import into the
// database it built is refused and leaves it as it was.
func TestImportEqualsOneByOne(t *testing.T) {
	s := storetest.Store(t)
	ctx := context.Background()

	dir := t.TempDir()
	var files []string
	write := func(name string, b []byte) {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	for i, name := range seed.Names() {
		b, err := os.ReadFile(filepath.Join("..", "..", "seed", name))
		if err != nil {
			t.Fatal(err)
		}
		write(fmt.Sprintf("a%02d-%s", i, name), b)
	}
	g := New(Sizes{People: 60, Nations: 6, Organisations: 9, Events: 12, Statements: 480, Sources: 48}, 7)
	for k := range 48 {
		b, err := json.Marshal(g.Document(k))
		if err != nil {
			t.Fatal(err)
		}
		write(fmt.Sprintf("b%03d.json", k), b)
	}

	// One by one, in the order the import reads them (a directory's
	// files in name order).
	for _, f := range files {
		b, _ := os.ReadFile(f)
		doc, err := ingest.Parse(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := ingest.Load(ctx, s, doc); err != nil {
			t.Fatalf("%s one by one: %v", f, err)
		}
	}
	want, err := s.GraphLines(ctx)
	if err != nil {
		t.Fatal(err)
	}

	in := neo4jtest.New(t)
	admin, env := in.AdminEnv()
	for k, v := range env {
		t.Setenv(k, v) // tools/neo4j/admin reads them
	}
	database := filepath.Join(in.Dir, "data", "databases", "neo4j")

	// A bad document among good ones: a statement by someone no earlier
	// document declares (the generator's people are declared by the
	// documents that quote them, so this one is not).
	broken := t.TempDir()
	for _, f := range files[:3] {
		b, _ := os.ReadFile(f)
		os.WriteFile(filepath.Join(broken, filepath.Base(f)), b, 0o644)
	}
	bad := g.Document(0)
	bad.Source.ID = "source:import-broken"
	bad.Statements[0].Speaker = "person:nobody-declared"
	b, _ := json.Marshal(bad)
	os.WriteFile(filepath.Join(broken, "z-broken.json"), b, 0o644)
	code, out, errOut := runImport(t, admin, broken)
	if code != cli.ExitInvalid || !strings.Contains(out, "z-broken.json") || !strings.Contains(out, "statements[0].speaker") ||
		!strings.Contains(errOut, "nothing was written") {
		t.Fatalf("import with a bad document: exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	if _, err := os.Stat(database); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a refused import left a database behind: %v", err)
	}

	code, out, errOut = runImport(t, admin, dir)
	if code != 0 || !strings.Contains(out, fmt.Sprintf("imported %d sources", len(files))) {
		t.Fatalf("import: exit %d\nstdout: %s\nstderr: %.2000s", code, out, errOut)
	}
	in.StartAgain(t)
	check := func(when string) {
		t.Helper()
		st, err := store.Open(in.Config(), slog.New(slog.DiscardHandler))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close(ctx)
		// The first start completes the imported graph (empty lists).
		if err := st.EnsureSchema(ctx); err != nil {
			t.Fatal(err)
		}
		got, err := st.GraphLines(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) < 1000 {
			t.Fatalf("%s: the imported graph has %d nodes and relationships", when, len(got))
		}
		diff(t, want, got)
	}
	check("after the import")

	in.Stop(t)
	code, _, errOut = runImport(t, admin, dir)
	if code != cli.ExitUnavailable || !strings.Contains(errOut, "must be new") {
		t.Fatalf("a second import into the same database: exit %d\nstderr: %.3000s", code, errOut)
	}
	in.StartAgain(t)
	check("after a refused second import")
}

func runImport(t *testing.T, admin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	env := map[string]string{"NEWSGRAPH_NEO4J_ADMIN": admin}
	var out, errOut bytes.Buffer
	err := cli.Run(context.Background(), "import", args, func(k string) string { return env[k] }, &out, &errOut)
	var exit *cli.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		code = exit.Code
	default:
		t.Fatalf("import %v: %v", args, err)
	}
	return code, out.String(), errOut.String()
}
