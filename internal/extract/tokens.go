package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"newsgraph/internal/names"
)

// token is a word or a punctuation mark of the report.
type token struct {
	span
	text string
	// fold is the word folded for matching (names.Fold); "" for punctuation.
	fold string
	// inQuote: the token is inside a quotation's words.
	inQuote bool
	// sent is the index of the sentence the token is in.
	sent int
}

func (k token) isWord() bool { return k.fold != "" }

// capitalised: the word starts with an upper-case letter.
func (k token) capitalised() bool {
	r, _ := utf8.DecodeRuneInString(k.text)
	return unicode.IsUpper(r)
}

// allCaps: every letter is upper case, as in NATO or U.S.
func (k token) allCaps() bool {
	has := false
	for _, r := range k.text {
		if unicode.IsLower(r) {
			return false
		}
		has = has || unicode.IsLetter(r)
	}
	return has
}

func (k token) is(words ...string) bool {
	for _, w := range words {
		if k.fold == w || (k.fold == "" && k.text == w) {
			return true
		}
	}
	return false
}

// possessive is the "'s" (or "’s", or a lone apostrophe after a plural)
// that tokenize splits off a word.
func (k token) possessive() bool {
	return k.text == "'s" || k.text == "’s" || k.text == "'" || k.text == "’"
}

// tokenize cuts the text into words and punctuation. A possessive 's is a
// token of its own; dotted abbreviations (U.S., J.D.) stay whole, with
// their last full stop; hyphenated words stay whole.
func tokenize(t *text) []token {
	s := t.s
	var out []token
	sent := 0
	qi := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		start := i
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.Is(unicode.Mn, r2) {
					j += n2
					continue
				}
				// Inner hyphens, and full stops of dotted abbreviations.
				if r2 == '-' || r2 == '.' || r2 == '\'' || r2 == '’' || r2 == '&' {
					r3, _ := utf8.DecodeRuneInString(s[j+n2:])
					if j+n2 < len(s) && (unicode.IsLetter(r3) || unicode.IsDigit(r3)) {
						if (r2 == '\'' || r2 == '’') && (s[j+n2:j+n2+1] == "s" || s[j+n2:j+n2+1] == "S") && !isLetterAt(s, j+n2+1) {
							break // possessive 's
						}
						if r2 == '.' && !(unicode.IsUpper(r) && unicode.IsUpper(r3)) {
							break
						}
						j += n2
						continue
					}
					// The last stop of a dotted abbreviation (U.S.), and the
					// stop of an abbreviated title or month (Gov., Lt., Jan.),
					// so that "Gov. Ramon Ilagan" reads as title and name.
					if r2 == '.' && (strings.Contains(s[start:j], ".") && isDottedAcronym(s[start:j]) || tokenAbbreviations[strings.ToLower(s[start:j])]) {
						j += n2
					}
				}
				break
			}
			i = j
		} else if (r == '\'' || r == '’') && i+n < len(s) && (s[i+n] == 's' || s[i+n] == 'S') && !isLetterAt(s, i+n+1) && len(out) > 0 && out[len(out)-1].end == i {
			i += n + 1
		} else {
			i += n
		}
		k := token{span: span{start, i}, text: s[start:i]}
		if (unicode.IsLetter(r) || unicode.IsDigit(r)) && !t.dateline.contains(k.span) {
			k.fold = names.Fold(k.text)
		}
		for sent < len(t.sents)-1 && start >= t.sents[sent].end {
			sent++
		}
		k.sent = sent
		for qi < len(t.quotes) && t.quotes[qi].inner.end <= start {
			qi++
		}
		k.inQuote = qi < len(t.quotes) && t.quotes[qi].inner.start <= start && start < t.quotes[qi].inner.end
		out = append(out, k)
	}
	return out
}

// tokenAbbreviations keep their full stop in the token: titles and
// months, which a name or a number follows.
var tokenAbbreviations = foldedSet("mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col",
	"sgt", "capt", "maj", "adm", "cmdr", "cpl", "pvt", "rev", "hon", "pres", "jan", "feb", "mar", "apr", "jun",
	"jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "st", "jr", "sr", "supt", "insp", "det", "brig")

func isLetterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}
