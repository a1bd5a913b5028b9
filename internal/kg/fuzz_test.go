package kg

import (
	"errors"
	"slices"
	"testing"
)

// FuzzDecodeCursor feeds arbitrary cursors to the decoder: it must never
// panic, must refuse anything it did not make with ErrInvalidInput, and
// must give back exactly the key of any cursor it made.
// Run: go test -run '^$' -fuzz FuzzDecodeCursor -fuzztime 5m ./internal/kg
func FuzzDecodeCursor(f *testing.F) {
	f.Add(EncodeCursor("statements", "2025-09-04", "source:x", "12", "statement:x-12"), "a", "b")
	f.Add("eyJ2IjoxLCJsIjoiZW50aXRpZXMiLCJrIjpbImEiXX0", "x", "")
	f.Add("%%%", "", "")
	f.Add("", "\x00", "\xff")
	f.Fuzz(func(t *testing.T, cursor, k1, k2 string) {
		key, err := DecodeCursor("statements", 4, &cursor)
		if err != nil && !errors.Is(err, ErrInvalidInput) {
			t.Fatalf("error %v is not invalid input", err)
		}
		if err == nil && len(key) != 4 {
			t.Fatalf("accepted a key of %d parts", len(key))
		}
		made := EncodeCursor("entities", k1, k2)
		back, err := DecodeCursor("entities", 2, &made)
		if err != nil || !slices.Equal(back, []string{k1, k2}) && validUTF8(k1, k2) {
			t.Fatalf("round trip of %q, %q gave %q, %v", k1, k2, back, err)
		}
	})
}

func validUTF8(ss ...string) bool {
	for _, s := range ss {
		for _, r := range s {
			if r == '\uFFFD' {
				return false
			}
		}
	}
	return true
}
