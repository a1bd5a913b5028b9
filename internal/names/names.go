// Package names folds names for matching: the same key for "Zelenskiy",
// "ZELENSKIY" and "Zélenskiy". The store keeps folded keys beside each
// entity's name and aliases so that filters compare like with like.
package names

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold returns s lower-cased, without accents and with runs of white space
// and punctuation other than letters and digits reduced to one space.
// It is the key for "ignoring case and accents".
func Fold(s string) string {
	if ascii(s) {
		return foldASCII(s)
	}
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	stripped, _, err := transform.String(t, s)
	if err != nil {
		stripped = s
	}
	var b strings.Builder
	b.Grow(len(stripped))
	space := false
	for _, r := range stripped {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(foldSpecial(r)))
		default:
			space = true
		}
	}
	return b.String()
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// foldASCII is Fold for ASCII text, which has no accents to remove: the
// common case, and much cheaper than the Unicode transform.
func foldASCII(s string) string {
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		default:
			space = true
			continue
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = append(b, c)
	}
	return string(b)
}

// foldSpecial maps letters that have no decomposition to their usual ASCII
// spelling, so "Łukasz" matches "Lukasz".
func foldSpecial(r rune) rune {
	switch r {
	case 'ł':
		return 'l'
	case 'Ł':
		return 'L'
	case 'ø':
		return 'o'
	case 'Ø':
		return 'O'
	case 'đ':
		return 'd'
	case 'Đ':
		return 'D'
	case 'ı':
		return 'i'
	}
	return r
}

// Keys folds a name and its aliases into the distinct keys stored for matching.
func Keys(name string, aliases []string) []string {
	seen := make(map[string]bool, len(aliases)+1)
	keys := make([]string, 0, len(aliases)+1)
	for _, s := range append([]string{name}, aliases...) {
		k := Fold(s)
		if k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	return keys
}

// Slug turns a name into the slug of an id: folded, non-ASCII letters
// dropped, words joined by hyphens ("Steve Witkoff" → "steve-witkoff",
// "OPEC+" → "opec"). It is at most 80 bytes, cut at a word.
func Slug(s string) string {
	var words []string
	for _, w := range strings.Fields(Fold(s)) {
		var b strings.Builder
		for _, r := range w {
			if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
				b.WriteRune(r)
			}
		}
		if b.Len() > 0 {
			words = append(words, b.String())
		}
	}
	out := strings.Join(words, "-")
	for len(out) > 80 {
		i := strings.LastIndexByte(out, '-')
		if i <= 0 {
			out = out[:80]
			break
		}
		out = out[:i]
	}
	return out
}
