package store

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"newsgraph/internal/kg"
	"newsgraph/internal/names"
)

// Bounds on search input: enough for any real question, small enough that
// no input can make Lucene work hard.
const (
	maxSearchBytes = 500
	maxSearchTerms = 32
)

var phraseRE = regexp.MustCompile(`"([^"]*)"`)

// SearchQuery is a user's search turned into a safe Lucene query.
type SearchQuery struct {
	Lucene string
	// Terms are the folded words, for snippets and exact-match ranking.
	Terms []string
	// Folded is the whole query folded, to spot exact name matches.
	Folded string
}

// ParseSearch turns free text into a Lucene query. Input is treated as
// words: only letters and digits survive, folded as the index folds them,
// so Lucene's operators and special characters can never cause an error.
// Text in double quotes is a phrase; every word or phrase must match, and
// words of three letters or more also match as the start of a word.
func ParseSearch(input string) (SearchQuery, error) {
	if strings.TrimSpace(input) == "" {
		return SearchQuery{}, kg.InvalidInput("query", "is empty; give one or more words to search for")
	}
	if len(input) > maxSearchBytes {
		return SearchQuery{}, kg.InvalidInput("query", "is longer than %d bytes", maxSearchBytes)
	}
	words := func(s string) []string {
		return strings.FieldsFunc(names.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	var clauses, terms []string
	for _, m := range phraseRE.FindAllStringSubmatch(input, -1) {
		if ws := words(m[1]); len(ws) > 0 {
			clauses = append(clauses, `+"`+strings.Join(ws, " ")+`"`)
			terms = append(terms, ws...)
		}
	}
	for _, w := range words(phraseRE.ReplaceAllString(input, " ")) {
		terms = append(terms, w)
		if len([]rune(w)) >= 3 {
			clauses = append(clauses, fmt.Sprintf("+(%s^2 OR %s*)", w, w))
		} else {
			clauses = append(clauses, "+"+w)
		}
	}
	if len(terms) == 0 {
		return SearchQuery{}, kg.InvalidInput("query", "%q has no words to search for", input)
	}
	if len(terms) > maxSearchTerms {
		return SearchQuery{}, kg.InvalidInput("query", "has %d words; at most %d", len(terms), maxSearchTerms)
	}
	return SearchQuery{Lucene: strings.Join(clauses, " "), Terms: terms, Folded: strings.Join(words(input), " ")}, nil
}

// Search returns the best first hits for q across entities, events and
// statements: exact entity name or alias matches first, then by score.
func (s *Store) Search(ctx context.Context, q SearchQuery, first int) ([]kg.SearchHit, error) {
	const op = "store.Search"
	res, err := s.read(ctx, op, query("search"), map[string]any{"q": q.Lucene, "limit": first})
	if err != nil {
		return nil, err
	}
	hits := make([]kg.SearchHit, 0, len(res.Records))
	for _, rec := range res.Records {
		score, _, err := neo4j.GetRecordValue[float64](rec, "score")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		labels, _, err := neo4j.GetRecordValue[[]any](rec, "labels")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		v, _ := rec.Get("n")
		r, ok := asRow(v)
		if !ok {
			return nil, fmt.Errorf("%s: hit is %T", op, v)
		}
		if len(labels) == 0 || r.str("id") == "" {
			continue // deleted while the query ran (vanishedNode)
		}
		hit := kg.SearchHit{Score: score}
		switch {
		case slices.Contains(labels, any("Statement")):
			st, err := r.statement()
			if err != nil {
				return nil, fmt.Errorf("%s: %w", op, err)
			}
			if vanishedStatement(st, FieldsOf(ctx)) {
				continue
			}
			hit.Statement = &st
		case slices.Contains(labels, any("Event")):
			ev := r.event()
			hit.Event = &ev
		default:
			e, err := r.entity()
			if err != nil {
				return nil, fmt.Errorf("%s: %w", op, err)
			}
			hit.Entity = &e
			for _, n := range append([]string{e.Name}, e.Aliases...) {
				hit.Exact = hit.Exact || names.Fold(n) == q.Folded
			}
		}
		hits = append(hits, hit)
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].Exact != hits[j].Exact {
			return hits[i].Exact
		}
		return hits[i].Score > hits[j].Score
	})
	return hits, nil
}
