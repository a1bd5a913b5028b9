// Package seed embeds the seed documents: the Reuters report of the
// 4 September 2025 Coalition of the Willing summit, with every fact it
// supports. The server loads them into an empty graph at start, through the
// same ingest path as the CLI and the ingestSource mutation. It also holds
// the fictional example reports under examples/, which the tests load as
// second and third sources (the server never loads them by itself).
package seed

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"newsgraph/internal/ingest"
	"newsgraph/internal/kg"
)

//go:embed *.json *.txt examples/*.json
var files embed.FS

// Names lists the seed documents' file names, in load order.
func Names() []string {
	names, _ := fs.Glob(files, "*.json")
	sort.Strings(names)
	return names
}

// Parsed returns the seed documents as written, ready for ingest.Load.
func Parsed() ([]*ingest.Document, error) {
	var out []*ingest.Document
	for _, name := range Names() {
		b, err := files.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("seed.Parsed: %w", err)
		}
		doc, err := ingest.Parse(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("seed %s: %w", name, err)
		}
		out = append(out, doc)
	}
	return out, nil
}

// Documents returns the seed documents validated, evidence resolved.
func Documents() ([]*kg.SourceDocument, error) {
	parsed, err := Parsed()
	if err != nil {
		return nil, err
	}
	out := make([]*kg.SourceDocument, len(parsed))
	for i, d := range parsed {
		if out[i], err = ingest.Validate(d); err != nil {
			return nil, fmt.Errorf("seed %s: %w", d.Source.ID, err)
		}
	}
	return out, nil
}

// Text returns the plain source text kept beside a seed document, for
// people to read and for tests to compare with the document's own copy.
func Text(name string) (string, error) {
	b, err := files.ReadFile(strings.TrimSuffix(name, path.Ext(name)) + ".txt")
	return string(b), err
}

// Example parses one of the example reports, examples/<name>, as written.
func Example(name string) (*ingest.Document, error) {
	b, err := files.ReadFile(path.Join("examples", name))
	if err != nil {
		return nil, fmt.Errorf("seed.Example: %w", err)
	}
	doc, err := ingest.Parse(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("seed example %s: %w", name, err)
	}
	return doc, nil
}
