package store

import (
	"errors"
	"strings"
	"testing"
	"unicode"

	"newsgraph/internal/kg"
)

// FuzzParseSearch feeds arbitrary text to the search parser: it must never
// panic, and every Lucene query it makes may hold only folded words,
// spaces, and the operators the parser itself writes, so user input can
// never be Lucene syntax.
// Run: go test -run '^$' -fuzz FuzzParseSearch -fuzztime 5m ./internal/store
func FuzzParseSearch(f *testing.F) {
	for _, s := range []string{"zelensky", `"security guarantees" Macron`, `AND OR NOT`, `*:*`, `a~2 b^3`, `\`, `"`, `"a" "b`,
		`(x OR y) AND z`, "Зеленський", "😀", strings.Repeat("a ", 40), "x\x00y", "ﬁ", "İstanbul"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		q, err := ParseSearch(in)
		if err != nil {
			if !errors.Is(err, kg.ErrInvalidInput) {
				t.Fatalf("error %v is not invalid input", err)
			}
			return
		}
		if len(q.Terms) == 0 || len(q.Terms) > maxSearchTerms {
			t.Fatalf("%d terms", len(q.Terms))
		}
		for _, r := range q.Lucene {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(` +"()^*`, r) && r != '2' {
				t.Fatalf("Lucene query %q has %q from the input", q.Lucene, r)
			}
		}
		for _, w := range q.Terms {
			if strings.ContainsAny(w, ` +"()^*:\~?[]{}!&|/-`) {
				t.Fatalf("term %q holds Lucene syntax", w)
			}
		}
		if _, err := luceneAllWords(in); err != nil && !errors.Is(err, kg.ErrInvalidInput) {
			t.Fatalf("text filter: %v", err)
		}
	})
}
