package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseValidate feeds arbitrary bytes to the document parser and
// validator: they must never panic, must reject with an *InvalidError or
// accept, and what they accept must hold evidence that matches its text.
// Run: go test -run '^$' -fuzz FuzzParseValidate -fuzztime 5m ./internal/ingest
func FuzzParseValidate(f *testing.F) {
	valid, _ := json.Marshal(validDoc())
	f.Add(valid)
	if seed, err := os.ReadFile("../../seed/examples/varno-accord.json"); err == nil {
		f.Add(seed)
	}
	for _, s := range []string{`{}`, `{"source":{"id":"source:x","title":"t","text":"é"}}`, `{"statements":[{"evidence":{"quote":"x","occurrence":-1}}]}`,
		`{"events":[{"evidence":{"start":-5,"end":99999999999}}]}`, `[]`, `null`, `{"source":{"text":"\u0000"}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse(bytes.NewReader(data))
		if err != nil {
			var inv *InvalidError
			if !errors.As(err, &inv) {
				t.Fatalf("Parse error is %T, want *InvalidError: %v", err, err)
			}
			return
		}
		out, err := Validate(doc)
		if err != nil {
			var inv *InvalidError
			if !errors.As(err, &inv) || len(inv.Problems) == 0 {
				t.Fatalf("Validate error is %T with no problems: %v", err, err)
			}
			for _, p := range inv.Problems {
				if p.Path == "" || p.Message == "" {
					t.Fatalf("problem without path or message: %+v", p)
				}
			}
			return
		}
		runes := []rune(out.Source.Text)
		for _, st := range out.Statements {
			e := st.Evidence
			if e.Start < 0 || e.End > len(runes) || e.Start >= e.End || string(runes[e.Start:e.End]) != e.Excerpt {
				t.Fatalf("accepted evidence [%d,%d) %q does not match the text", e.Start, e.End, e.Excerpt)
			}
			if st.Kind == "QUOTE" && !strings.Contains(e.Excerpt, st.Text) {
				t.Fatalf("accepted a QUOTE not in its evidence")
			}
		}
		if !utf8.ValidString(out.Source.ID) {
			t.Fatalf("accepted an id that is not UTF-8")
		}
	})
}
