package names

import (
	"slices"
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
