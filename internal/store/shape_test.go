package store

import (
	"strings"
	"testing"
)

// TestShape checks the query sections: each part of a projection is in the
// text exactly when its field is selected, and every embedded query renders
// for every selection.
func TestShape(t *testing.T) {
	for _, c := range []struct {
		name      string
		f         Fields
		want, not []string
	}{
		{"nothing selected", Fields{}, []string{".id, .date"}, []string{".kind", ".attribution", ".sortDate", ".position", ".text", "speaker:", "about:", "event:", "topics:", "evidence:", ".aliases", "{%"}},
		{"text", Fields{Text: true}, []string{".id, .text, .date"}, []string{"speaker:", ".kind"}},
		{"kind and cursors", Fields{Meta: true, Keys: true}, []string{".id, .kind, .attribution, .date, .sortDate, .sourceId, .position"}, []string{".text"}},
		{"speaker without details", Fields{Speaker: true}, []string{"speaker: head([(sp:Entity)", "labels: labels(sp)}"}, []string{"about:", ".aliases", ".description"}},
		{"speaker with details", Fields{Speaker: true, Details: true}, []string{"labels: labels(sp), .aliases, .description}"}, []string{"about:", "evidence:"}},
		{"about, topics and evidence", Fields{About: true, Topics: true, Evidence: true}, []string{"about: [(st)-[r:ABOUT]", "topics: [(st)-[r:ON_TOPIC]", "evidence: head([(st)-[l:IN_SOURCE]", "s {.id, .title}"}, []string{"speaker:", "event:", ".publisher"}},
		{"everything", AllFields, []string{"speaker:", "about:", "event:", "topics:", "evidence:", ".publisher, .url, .publishedAt"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := shape(query("statement_projection"), c.f)
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q in\n%s", w, got)
				}
			}
			for _, n := range c.not {
				if strings.Contains(got, n) {
					t.Errorf("has %q in\n%s", n, got)
				}
			}
		})
	}
	files, err := cypherFiles.ReadDir("cypher")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range files {
		name := strings.TrimSuffix(e.Name(), ".cypher")
		for mask := range 1 << 9 {
			f := Fields{Speaker: mask&1 != 0, About: mask&2 != 0, Event: mask&4 != 0, Topics: mask&8 != 0, Evidence: mask&16 != 0, Details: mask&32 != 0, Text: mask&64 != 0,
				Meta: mask&128 != 0, Keys: mask&256 != 0}
			if got := shape(query(name), f); strings.Contains(got, "{%") || strings.Contains(got, "%}") {
				t.Fatalf("%s for %+v keeps a section marker:\n%s", name, f, got)
			}
		}
	}
}
