package snippet

import (
	"strings"
	"testing"
)

func TestMake(t *testing.T) {
	long := strings.Repeat("word ", 60) + "Zelenskiy said it. " + strings.Repeat("more ", 60)
	tests := []struct {
		name, text string
		terms      []string
		width      int
		want       string
	}{
		{"exact", "Volodymyr Zelensky", []string{"zelensky"}, 80, "Volodymyr **Zelensky**"},
		{"case and accents", "Zélenskiy spoke", []string{"ZELENSKIY"}, 80, "**Zélenskiy** spoke"},
		{"prefix", "troops in Ukraine", []string{"troop"}, 80, "**troops** in Ukraine"},
		{"short terms match whole words only", "at a time", []string{"a"}, 80, "at **a** time"},
		{"several", "Putin told Kyiv", []string{"putin", "kyiv"}, 80, "**Putin** told **Kyiv**"},
		{"no match", "Macron", []string{"rutte"}, 80, ""},
		{"window", long, []string{"zelenskiy"}, 40, "…word word word **Zelenskiy** said it. more more…"},
	}
	for _, tt := range tests {
		if got := Make(tt.text, tt.terms, tt.width); got != tt.want {
			t.Errorf("%s: Make = %q, want %q", tt.name, got, tt.want)
		}
	}
}
