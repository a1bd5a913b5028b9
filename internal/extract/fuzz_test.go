package extract

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzExtract: whatever the text, the extractor returns a draft that
// passes validation (Extract checks it) or a clear input error, and never
// panics. The seeds are the gold reports and fragments of the patterns.
func FuzzExtract(f *testing.F) {
	paths, _ := filepath.Glob("testdata/gold/*.txt")
	for _, p := range paths {
		b, _ := os.ReadFile(p)
		f.Add(string(b))
	}
	for _, s := range []string{
		`"`, `“`, `"a," he said. "`, `said`, `, said`, `According to`, `U.S.`, `Mr.`, `His deputy, `, `the official said.`,
		"\"A\n\n\"B\n\n\"", `(Reuters) -`, `accused of`, `called "x"`, `Bank of`, `Dr. `, `’s`, `' `, "\u00a0said",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, err := Extract(Input{Text: text, Title: "Fuzz", PublishedAt: "2026-03-05"}, nil)
		if err != nil {
			if utf8.ValidString(text) && len([]rune(text)) <= MaxTextLength && trimmed(text) != "" {
				t.Fatalf("valid text refused: %v", err)
			}
			return
		}
		for _, s := range d.Document.Statements {
			if s.Speaker == "" {
				t.Fatalf("statement without a speaker in the document: %+v", s)
			}
		}
	})
}

func trimmed(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\n' || s[0] == '\t' || s[0] == '\r' || s[0] == '\v' || s[0] == '\f') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\n' || s[len(s)-1] == '\t' || s[len(s)-1] == '\r' || s[len(s)-1] == '\v' || s[len(s)-1] == '\f') {
		s = s[:len(s)-1]
	}
	return s
}
