package server

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"newsgraph/web/playground"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// The playground's example queries (web/playground/examples) answer exactly
// as their golden files (testdata/examples, same names) say.
// Each golden file was read against the report when written; -update
// rewrites them after a deliberate change to the seed.
func TestPlaygroundExamples(t *testing.T) {
	s := newTestServer(t)
	examples := playground.Examples()
	if len(examples) == 0 {
		t.Fatal("the playground has no examples")
	}
	for _, ex := range examples {
		t.Run(ex.Name, func(t *testing.T) {
			r := s.post(t, ex.Query, nil)
			if len(r.Errors) > 0 {
				t.Fatalf("errors: %s", r.raw)
			}
			var pretty bytes.Buffer
			if err := json.Indent(&pretty, r.Data, "", "  "); err != nil {
				t.Fatal(err)
			}
			pretty.WriteByte('\n')
			golden := filepath.Join("testdata", "examples", ex.Name+".json")
			if *update {
				if err := os.WriteFile(golden, pretty.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestPlaygroundExamples -update to create it)", err)
			}
			if !bytes.Equal(pretty.Bytes(), want) {
				t.Errorf("answer differs from %s:\n%s", golden, pretty.String())
			}
		})
	}
}
