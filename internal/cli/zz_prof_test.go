package cli

import (
	"bytes"
	"context"
	"os"
	"testing"
)

func TestZZProfImport(t *testing.T) {
	dir := os.Getenv("PROF_DOCS")
	if dir == "" {
		t.Skip()
	}
	os.RemoveAll("/tmp/imp/csvprof")
	var out, errOut bytes.Buffer
	err := Run(context.Background(), "import", []string{"--csv", "/tmp/imp/csvprof", "--csv-only", dir}, func(string) string { return "" }, &out, &errOut)
	t.Log(err, out.String(), errOut.String())
}
