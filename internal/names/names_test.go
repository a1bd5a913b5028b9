package names

import (
	"slices"
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Zelenskiy", "zelenskiy"},
		{"ZELENSKY", "zelensky"},
		{"Zélenský", "zelensky"},
		{"  Mark   Rutte ", "mark rutte"},
		{"Rosen Zhelyazkov", "rosen zhelyazkov"},
		{"Coalition-of-the-Willing", "coalition of the willing"},
		{"Łukasz Øster", "lukasz oster"},
		{"Ursula von der Leyen", "ursula von der leyen"},
		{"Владимир Путин", "владимир путин"},
		{"", ""},
		{"!!!", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestKeys(t *testing.T) {
	got := Keys("Volodymyr Zelensky", []string{"Zelenskiy", "ZELENSKY", "Zelensky", ""})
	want := []string{"volodymyr zelensky", "zelenskiy", "zelensky"}
	if !slices.Equal(got, want) {
		t.Fatalf("Keys = %q, want %q", got, want)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Steve Witkoff": "steve-witkoff", "Volodymyr Zelenskiy": "volodymyr-zelenskiy", "Łukasz Żak": "lukasz-zak",
		"OPEC+": "opec", "Coalition of the Willing summit": "coalition-of-the-willing-summit", "北京": "", "  ": "",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// The ASCII fast path folds exactly as the Unicode path does.
func TestFoldASCIIAgrees(t *testing.T) {
	for _, in := range []string{"U.S. President", "  Zelenskiy's ", "NATO-led", "O'Brien", "a--b", "", "..", "Ab1 2cD", "x\ty\nz"} {
		got := foldASCII(in)
		// Fold with a non-ASCII letter appended takes the Unicode path;
		// its result is the same plus that letter.
		want := Fold(in + " é")
		want = strings.TrimSuffix(strings.TrimSuffix(want, "e"), " ")
		if got != want {
			t.Errorf("foldASCII(%q) = %q, Unicode path %q", in, got, want)
		}
	}
}
