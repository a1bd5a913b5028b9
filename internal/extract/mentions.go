package extract

import (
	"slices"
	"strconv"
	"strings"

	"newsgraph/internal/kg"
	"newsgraph/internal/names"
)

// entity is an entity the report names: one the graph or the gazetteer
// knows, or a new one found here.
type entity struct {
	*known
	// fresh: found in this report, not in the graph (the gazetteer's
	// entries are fresh until the graph has them).
	fresh bool
	// aliasesUsed are the other names the report uses for it.
	aliasesUsed []string
	mentions    []*mention
	rule        string
	confidence  float64
	// gender from he/she when the report makes it plain; "" unknown.
	gender string
}

// mention is a stretch of tokens that names an entity.
type mention struct {
	tok0, tok1 int // tokens [tok0, tok1)
	span
	ent  *entity
	form form
}

// findKnown marks every mention of an entity of the lexicon, longest
// match first.
func (x *extraction) findKnown() {
	toks := x.toks
	for i := 0; i < len(toks); i++ {
		if !toks[i].isWord() {
			continue
		}
		var best *lexEntry
		bestEnd := 0
		key := ""
		for j := i; j < len(toks) && j-i < x.lex.maxLen; j++ {
			if !toks[j].isWord() {
				break
			}
			if key == "" {
				key = toks[j].fold
			} else {
				key += " " + toks[j].fold
			}
			for _, e := range x.lex.entries[key] {
				if !x.acceptable(e, i, j+1) {
					continue
				}
				if best == nil || j+1 > bestEnd || (j+1 == bestEnd && preferred(e, *best)) {
					e := e
					best, bestEnd = &e, j+1
				}
			}
		}
		if best == nil {
			continue
		}
		if x.firstName(best, i, bestEnd) {
			continue // "Sofia Brandt", "Jordan Vass": a person's first name
		}
		x.addMention(i, bestEnd, x.entityFor(best.k), best.form)
		i = bestEnd - 1
	}
}

// firstName: a one-word place (a capital, a nation) followed by a
// capitalised word that names nothing is the first name of a person.
func (x *extraction) firstName(e *lexEntry, i, j int) bool {
	if j != i+1 || j >= len(x.toks) || e.k.kind == kg.Person || e.form == formAdjective {
		return false
	}
	n := x.toks[j]
	if !n.isWord() || !n.capitalised() || n.allCaps() || notNames[n.fold] || isMonthOrDay(n.fold) || x.lex.entries[n.fold] != nil || x.titleAt(j) > j {
		return false
	}
	return true
}

// preferred picks between two entries for the same words: the graph's
// own entity, then a name over a capital ("Brussels" the EU before
// Belgium's capital).
func preferred(a, b lexEntry) bool {
	if a.k.existing != b.k.existing {
		return a.k.existing
	}
	return a.form < b.form
}

// acceptable: proper names are capitalised in running text; an
// all-capital short name must be spelt exactly; a name of three words or
// more ("coalition of the willing") may be written in lower case.
func (x *extraction) acceptable(e lexEntry, i, j int) bool {
	toks := x.toks
	if e.exact != "" {
		return j == i+1 && toks[i].text == e.exact
	}
	if j-i >= 3 && strings.Count(names.Fold(toks[i].text), " ") == 0 {
		return true
	}
	if !toks[i].capitalised() {
		return false
	}
	// "Baltic", "Gulf" name a collective only before a speaker's noun
	// ("Baltic officials"), not in "Baltic Sea" or "Gulf of Finland".
	if e.form == formAdjective && e.k.collective && (j >= len(toks) || !attributionNouns[toks[j].fold]) {
		return false
	}
	// A capital after "in", "at" or "from" is a place, not a government.
	if e.form == formCapital && i > 0 && toks[i-1].is("in", "at", "from", "near", "outside", "to", "into", "across", "around") {
		return false
	}
	return true
}

// entityFor is the report's entity for a known one, made on first use.
func (x *extraction) entityFor(k *known) *entity {
	if e := x.byID[k.id]; e != nil {
		return e
	}
	e := &entity{known: k, fresh: !k.existing, rule: "gazetteer", confidence: 0.9}
	if k.existing {
		e.rule, e.confidence = "graph-name", 0.95
	}
	x.byID[k.id] = e
	x.entities = append(x.entities, e)
	return e
}

func (x *extraction) addMention(i, j int, e *entity, f form) *mention {
	m := &mention{tok0: i, tok1: j, span: span{x.toks[i].start, x.toks[j-1].end}, ent: e, form: f}
	for k := i; k < j; k++ {
		x.mentionAt[k] = m
	}
	e.mentions = append(e.mentions, m)
	if f == formName || f == formSurname {
		surface := m.in(x.t)
		if surface != e.name && !containsFold(e.aliasesUsed, surface) && names.Fold(surface) != names.Fold(e.name) {
			e.aliasesUsed = append(e.aliasesUsed, surface)
		}
	}
	return m
}

func containsFold(list []string, s string) bool {
	f := names.Fold(s)
	for _, x := range list {
		if names.Fold(x) == f {
			return true
		}
	}
	return false
}

// newPerson makes (or finds) the person the report names name, a new one
// unless the graph has a person by that name.
func (x *extraction) newPerson(name, rule string, confidence float64) *entity {
	key := names.Fold(name)
	for _, e := range x.entities {
		if e.kind == kg.Person && (names.Fold(e.name) == key || containsFold(e.aliases, name)) {
			return e
		}
	}
	for _, le := range x.lex.entries[key] {
		if le.k.kind == kg.Person {
			return x.entityFor(le.k)
		}
	}
	// "Volodymyr Zelenskiy" after "Volodymyr Zelensky": the same first
	// name and a last name one or two letters apart is a spelling.
	parts := strings.Fields(key)
	for _, e := range x.entities {
		if e.kind != kg.Person {
			continue
		}
		other := strings.Fields(names.Fold(e.name))
		if len(parts) >= 2 && len(other) >= 2 && parts[0] == other[0] && len(parts[len(parts)-1]) >= 5 &&
			editDistance(parts[len(parts)-1], other[len(other)-1]) <= 2 {
			if !containsFold(e.aliasesUsed, name) {
				e.aliasesUsed = append(e.aliasesUsed, name)
			}
			return e
		}
	}
	slug := names.Slug(name)
	id := "person:" + slug
	for n := 2; x.byID[id] != nil; n++ {
		id = "person:" + slug + "-" + strconv.Itoa(n)
	}
	e := &entity{known: &known{id: id, kind: kg.Person, name: name}, fresh: true, rule: rule, confidence: confidence}
	x.byID[id] = e
	x.entities = append(x.entities, e)
	return e
}

// nameAt reads a person's name starting at token i: capitalised words,
// with particles (de, van, bin, al-…) between them. It returns the end
// token, or i when there is no name.
func (x *extraction) nameAt(i int) int {
	toks := x.toks
	if i < len(toks) && honorifics[toks[i].fold] {
		return i
	}
	j := i
	for j < len(toks) && j-i < 5 && toks[j].sent == toks[i].sent {
		k := toks[j]
		switch {
		case k.isWord() && k.capitalised() && !notNames[k.fold] && !isMonthOrDay(k.fold) && x.mention(j) == nil && x.listedTitleAt(j) == j &&
			(!k.allCaps() || len(k.text) <= 2 || strings.HasSuffix(k.text, ".")):
			j++
		case k.isWord() && particles[k.fold] && j > i && j+1 < len(toks) && toks[j+1].capitalised():
			j++
		default:
			return x.trimName(i, j)
		}
	}
	return x.trimName(i, j)
}

// trimName drops trailing particles from a name.
func (x *extraction) trimName(i, j int) int {
	for j > i && particles[x.toks[j-1].fold] {
		j--
	}
	return j
}

var particles = foldedSet("de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "bin", "ibn", "al", "el", "le", "la", "dos", "das", "ter", "ten", "mac", "st")

func isMonthOrDay(f string) bool {
	if _, ok := months[f]; ok {
		return true
	}
	for _, d := range weekdays {
		if f == d {
			return true
		}
	}
	return false
}

func (x *extraction) textOf(i, j int) string {
	if i >= j {
		return ""
	}
	return x.t.s[x.toks[i].start:x.toks[j-1].end]
}

// findSurnames marks later mentions of a person by last name alone.
func (x *extraction) findSurnames() {
	bySurname := map[string][]*entity{}
	for _, e := range x.entities {
		if e.kind != kg.Person {
			continue
		}
		for _, n := range append(append([]string{e.name}, e.aliases...), e.aliasesUsed...) {
			parts := strings.Fields(n)
			if len(parts) < 2 {
				continue
			}
			s := names.Fold(parts[len(parts)-1])
			if !slices.Contains(bySurname[s], e) {
				bySurname[s] = append(bySurname[s], e)
			}
		}
	}
	for i, k := range x.toks {
		if x.mention(i) != nil || !k.isWord() || !k.capitalised() {
			continue
		}
		if c := bySurname[k.fold]; len(c) == 1 && x.lex.entries[k.fold] == nil {
			// Only after the full name has been given.
			if first := c[0].mentions; len(first) > 0 && first[0].start < k.start {
				x.addMention(i, i+1, c[0], formSurname)
			}
		}
	}
}

// editDistance is the Levenshtein distance between two short strings.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// mention is the mention at token k, or nil (also past either end).
func (x *extraction) mention(k int) *mention {
	if k < 0 || k >= len(x.mentionAt) {
		return nil
	}
	return x.mentionAt[k]
}
