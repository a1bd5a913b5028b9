package ingest

import (
	"sort"
	"strings"
	"unicode/utf8"

	"newsgraph/internal/kg"
)

// text indexes a source text so evidence can be found by quote and
// converted between byte and code-point offsets quickly.
type text struct {
	s string
	// runeByte[i] is the byte offset of code point i; the last entry is len(s).
	runeByte []int
}

func newText(s string) *text {
	t := &text{s: s, runeByte: make([]int, 0, len(s)+1)}
	for i := range s {
		t.runeByte = append(t.runeByte, i)
	}
	t.runeByte = append(t.runeByte, len(s))
	return t
}

// runes is the text's length in code points.
func (t *text) runes() int { return len(t.runeByte) - 1 }

func (t *text) runeAt(byteOff int) int {
	return sort.SearchInts(t.runeByte, byteOff)
}

func (t *text) slice(start, end int) string {
	return t.s[t.runeByte[start]:t.runeByte[end]]
}

// occurrences returns the code-point offsets where quote starts, overlapping
// matches included, so "occurrence" counts what a reader would count.
func (t *text) occurrences(quote string) []int {
	var out []int
	for from := 0; from <= len(t.s); {
		i := strings.Index(t.s[from:], quote)
		if i < 0 {
			break
		}
		out = append(out, t.runeAt(from+i))
		_, size := utf8.DecodeRuneInString(t.s[from+i:])
		from += i + max(size, 1)
	}
	return out
}

// resolve turns evidence as written into offsets, recording problems at path.
func (t *text) resolve(sourceID, path string, in EvidenceInput, ps *problems) (kg.Evidence, bool) {
	hasOffsets := in.Start != nil || in.End != nil
	switch {
	case in.Quote != nil && hasOffsets:
		ps.add(path, "give either quote (with occurrence) or start and end, not both")
		return kg.Evidence{}, false
	case in.Quote != nil:
		return t.resolveQuote(sourceID, path, *in.Quote, in.Occurrence, ps)
	case hasOffsets:
		if in.Occurrence != nil {
			ps.add(path+".occurrence", "occurrence goes with quote, not with start and end")
			return kg.Evidence{}, false
		}
		if in.Start == nil || in.End == nil {
			ps.add(path, "give both start and end")
			return kg.Evidence{}, false
		}
		start, end := *in.Start, *in.End
		if start < 0 || end > t.runes() || start >= end {
			ps.add(path, "[%d, %d) is not a span inside the source text, which has %d code points", start, end, t.runes())
			return kg.Evidence{}, false
		}
		return kg.Evidence{SourceID: sourceID, Start: start, End: end, Excerpt: t.slice(start, end)}, true
	default:
		ps.add(path, "missing: give a quote from the source text, or start and end")
		return kg.Evidence{}, false
	}
}

func (t *text) resolveQuote(sourceID, path, quote string, occurrence *int, ps *problems) (kg.Evidence, bool) {
	if strings.TrimSpace(quote) == "" {
		ps.add(path+".quote", "is empty")
		return kg.Evidence{}, false
	}
	at := t.occurrences(quote)
	n := len(at)
	switch {
	case n == 0:
		ps.add(path+".quote", "not found in source text")
		return kg.Evidence{}, false
	case occurrence != nil && (*occurrence < 1 || *occurrence > n):
		ps.add(path+".occurrence", "is %d, but the quote occurs %d time(s) in the source text", *occurrence, n)
		return kg.Evidence{}, false
	case occurrence == nil && n > 1:
		ps.add(path+".quote", "is ambiguous: it occurs %d times in the source text; add \"occurrence\" (1 to %d) to pick one", n, n)
		return kg.Evidence{}, false
	}
	i := 0
	if occurrence != nil {
		i = *occurrence - 1
	}
	start := at[i]
	end := start + utf8.RuneCountInString(quote)
	return kg.Evidence{SourceID: sourceID, Start: start, End: end, Excerpt: quote}, true
}
