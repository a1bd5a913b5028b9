// Package snippet cuts the matching words out of a text, in context, with
// each match marked: what a search hit shows so a reader sees why it matched.
package snippet

import (
	"strings"
	"unicode"

	"newsgraph/internal/names"
)

// Marks surround each matching word.
const (
	Open  = "**"
	Close = "**"
)

// Make returns text around the first match of any term, at most about
// width runes, with every matching word marked. A word matches a term when
// its folded form equals the term or, for terms of three runes or more,
// starts with it (as search matches prefixes). With no match it returns "".
func Make(text string, terms []string, width int) string {
	folded := make([]string, 0, len(terms))
	for _, t := range terms {
		if f := names.Fold(t); f != "" {
			folded = append(folded, f)
		}
	}
	runes := []rune(text)
	type span struct{ start, end int }
	var matches []span
	for i := 0; i < len(runes); {
		if !isWord(runes[i]) {
			i++
			continue
		}
		j := i
		for j < len(runes) && isWord(runes[j]) {
			j++
		}
		w := names.Fold(string(runes[i:j]))
		for _, t := range folded {
			if w == t || (len([]rune(t)) >= 3 && strings.HasPrefix(w, t)) {
				matches = append(matches, span{i, j})
				break
			}
		}
		i = j
	}
	if len(matches) == 0 {
		return ""
	}
	// A window of width runes around the first match, widened to words.
	from, to := 0, len(runes)
	if len(runes) > width {
		from = max(0, matches[0].start-width/3)
		to = min(len(runes), from+width)
		for from > 0 && isWord(runes[from-1]) {
			from--
		}
		for to < len(runes) && isWord(runes[to]) {
			to++
		}
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	at := from
	for _, m := range matches {
		if m.start < from || m.end > to {
			continue
		}
		b.WriteString(string(runes[at:m.start]))
		b.WriteString(Open + string(runes[m.start:m.end]) + Close)
		at = m.end
	}
	b.WriteString(string(runes[at:to]))
	if to < len(runes) {
		b.WriteString("…")
	}
	return strings.TrimSpace(b.String())
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
