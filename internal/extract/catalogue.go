package extract

import (
	"slices"
	"strings"
	"sync"

	"newsgraph/internal/kg"
	"newsgraph/internal/names"
)

// Catalogue is what the graph already knows: the extractor recognises its
// entities by name and alias, reuses their ids, and knows their roles, so
// that "the NATO chief" can be resolved to a person the report never
// names in full. Topics are matched by their names and by the words of
// the statements already on them. Build one with NewCatalogue; it is safe
// for concurrent use and compiles its word index once.
type Catalogue struct {
	kg.Catalogue

	once sync.Once
	lex  *lexicon
}

// NewCatalogue wraps what the graph knows for the extractor.
func NewCatalogue(c kg.Catalogue) *Catalogue { return &Catalogue{Catalogue: c} }

// form is how a mention names its entity.
type form int

const (
	formName      form = iota // the name or an alias
	formSurname               // a person's last name, after the full name
	formCapital               // a capital standing for its government
	formAdjective             // "French", "NATO" before a noun
	formPeople                // "Ukrainians"
)

// known is an entity of the catalogue or the gazetteer.
type known struct {
	id         string
	kind       kg.EntityKind
	name       string
	aliases    []string
	existing   bool // in the graph
	collective bool
}

type lexEntry struct {
	k    *known
	form form
	// exact, when set, is the spelling the text must have: short
	// all-capital names (US, WHO, AU) are not matched in other cases.
	exact string
}

// lexicon maps folded word sequences to what they name.
type lexicon struct {
	entries map[string][]lexEntry
	maxLen  int
	byID    map[string]*known
	roles   []kg.Role
	topics  []kg.TopicText
}

func (c *Catalogue) lexicon() (*lexicon, error) {
	gaz, err := loadGazetteer()
	if err != nil {
		return nil, err
	}
	c.once.Do(func() { c.lex = buildLexicon(c, gaz) })
	return c.lex, nil
}

func buildLexicon(c *Catalogue, gaz []gazetteerItem) *lexicon {
	lx := &lexicon{entries: map[string][]lexEntry{}, byID: map[string]*known{}, roles: c.Roles, topics: c.Topics}
	byKey := map[string]*known{} // kind + folded name, to reuse graph entities
	for _, e := range c.Entities {
		k := &known{id: e.ID, kind: e.Kind, name: e.Name, aliases: e.Aliases, existing: true}
		lx.byID[e.ID] = k
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			byKey[string(e.Kind)+"|"+names.Fold(n)] = k
			lx.add(n, k, formName)
		}
	}
	for _, g := range gaz {
		k := lx.byID[g.ID]
		if k == nil {
			// A graph entity of the same kind and name is the same entity.
			k = byKey[string(g.kind)+"|"+names.Fold(g.Name)]
		}
		if k == nil {
			k = &known{id: g.ID, kind: g.kind, name: g.Name, aliases: g.Aliases, collective: g.collective}
			lx.byID[g.ID] = k
		}
		k.collective = k.collective || g.collective
		for _, n := range append([]string{g.Name}, g.Aliases...) {
			lx.add(n, k, formName)
		}
		for _, n := range g.Capitals {
			lx.add(n, k, formCapital)
		}
		for _, n := range g.Adjectives {
			lx.add(n, k, formAdjective)
		}
		for _, n := range g.People {
			lx.add(n, k, formPeople)
		}
		if g.collective {
			// "One European diplomat", "a Western official": the
			// collective's adjective, and its aliases in the singular.
			if adj, _, ok := strings.Cut(g.Name, " "); ok {
				lx.add(adj, k, formAdjective)
			}
			for _, n := range g.Aliases {
				if strings.HasSuffix(n, "s") && !strings.HasSuffix(n, "ss") {
					lx.add(strings.TrimSuffix(n, "s"), k, formName)
				}
			}
		}
	}
	return lx
}

func (lx *lexicon) add(surface string, k *known, f form) {
	surface = strings.TrimPrefix(strings.TrimPrefix(surface, "the "), "The ")
	key := names.Fold(surface)
	if key == "" {
		return
	}
	e := lexEntry{k: k, form: f}
	if letters := strings.ReplaceAll(surface, ".", ""); len(letters) <= 4 && strings.ToUpper(surface) == surface {
		e.exact = surface
	}
	for _, old := range lx.entries[key] {
		if old.k == k && old.form <= f {
			return
		}
	}
	lx.entries[key] = append(lx.entries[key], e)
	lx.maxLen = max(lx.maxLen, strings.Count(key, " ")+1)
}

// CatalogueFrom builds a catalogue from validated source documents: their
// entities, roles and topics, each topic with the text of the statements
// on it. The offline extractor uses the embedded seed this way; the
// evaluation uses every gold document but the one it scores.
func CatalogueFrom(docs ...*kg.SourceDocument) *Catalogue {
	var c kg.Catalogue
	seen := map[string]int{}
	topic := map[string]int{}
	for _, d := range docs {
		for _, e := range d.Entities {
			if i, ok := seen[e.ID]; ok {
				for _, a := range append([]string{e.Name}, e.Aliases...) {
					if a != c.Entities[i].Name && !slices.Contains(c.Entities[i].Aliases, a) {
						c.Entities[i].Aliases = append(c.Entities[i].Aliases, a)
					}
				}
				continue
			}
			seen[e.ID] = len(c.Entities)
			c.Entities = append(c.Entities, kg.Entity{ID: e.ID, Kind: e.Kind, Name: e.Name, Aliases: append([]string(nil), e.Aliases...)})
		}
		for _, r := range d.Roles {
			c.Roles = append(c.Roles, kg.Role{PersonID: r.PersonID, Title: r.Title, OfID: r.OfID})
		}
		for _, t := range d.Topics {
			if _, ok := topic[t.ID]; !ok {
				topic[t.ID] = len(c.Topics)
				c.Topics = append(c.Topics, kg.TopicText{Topic: t})
			}
		}
		for _, s := range d.Statements {
			for _, t := range s.TopicIDs {
				if i, ok := topic[t]; ok {
					c.Topics[i].Text += " " + s.Text
				}
			}
		}
	}
	return NewCatalogue(c)
}
