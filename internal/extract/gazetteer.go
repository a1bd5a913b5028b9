package extract

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"

	"newsgraph/internal/kg"
)

// gazetteer.json lists the world's nations (with their adjectives, words
// for their people, and capitals that stand for their governments), the
// common international organisations and government offices, and the
// collectives wire copy quotes as one unnamed speaker ("European
// officials"). It was written for this package; it holds names only, no
// descriptions, since nothing in it is evidence.
//
//go:embed gazetteer.json
var gazetteerJSON []byte

type gazetteerEntry struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Aliases    []string `json:"aliases"`
	Adjectives []string `json:"adjectives"`
	People     []string `json:"people"`
	Capitals   []string `json:"capitals"`
}

type gazetteerFile struct {
	Nations       []gazetteerEntry `json:"nations"`
	Organisations []gazetteerEntry `json:"organisations"`
	Collectives   []gazetteerEntry `json:"collectives"`
}

// gazetteerItem is one entry with its kind.
type gazetteerItem struct {
	gazetteerEntry
	kind       kg.EntityKind
	collective bool
}

var loadGazetteer = sync.OnceValues(func() ([]gazetteerItem, error) {
	var f gazetteerFile
	if err := json.Unmarshal(gazetteerJSON, &f); err != nil {
		return nil, fmt.Errorf("extract: gazetteer.json: %w", err)
	}
	var out []gazetteerItem
	for _, e := range f.Nations {
		out = append(out, gazetteerItem{e, kg.Nation, false})
	}
	for _, e := range f.Organisations {
		out = append(out, gazetteerItem{e, kg.Organisation, false})
	}
	for _, e := range f.Collectives {
		out = append(out, gazetteerItem{e, kg.Organisation, true})
	}
	for _, it := range out {
		if _, _, err := kg.ParseID("id", it.ID); err != nil {
			return nil, fmt.Errorf("extract: gazetteer.json: %w", err)
		}
	}
	return out, nil
})
