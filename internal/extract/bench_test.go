package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkExtract drafts nearly a megabyte of wire copy (the gold reports
// repeated) in one go; the MB/s column is the figure the extractor is held
// to (1 MB/s or better).
func BenchmarkExtract(b *testing.B) {
	paths, _ := filepath.Glob("testdata/gold/*.txt")
	var parts []string
	for _, p := range paths {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		parts = append(parts, string(t))
	}
	var sb strings.Builder
	for sb.Len() < 950_000 {
		for _, p := range parts {
			sb.WriteString(p)
			sb.WriteString("\n\n")
		}
	}
	text := sb.String()
	cat := &Catalogue{}
	if _, err := Extract(Input{Text: text, Title: "Benchmark", PublishedAt: "2026-03-21"}, cat); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := Extract(Input{Text: text, Title: "Benchmark", PublishedAt: "2026-03-21"}, cat); err != nil {
			b.Fatal(err)
		}
	}
}
