package eval

import (
	"testing"

	"newsgraph/seed"
)

// The seed report must keep reaching its targets; a change to the rules
// that costs quotes or speakers fails here before it reaches anyone.
func TestSeedTargets(t *testing.T) {
	golds := loadAll(t)
	rows, err := Run(golds)
	if err != nil {
		t.Fatal(err)
	}
	m := rows[0].Counts.Measures()
	for _, target := range Targets {
		if v := target.Value(m); v < target.Min {
			t.Errorf("seed %s = %.2f, below the target %.2f\n%s", target.Name, v, target.Min, rows[0].Misses)
		}
	}
}

// Every draft of every gold report is valid, and the development set as a
// whole stays above a floor well under today's figures, so that a rule
// that helps the seed but breaks other reports is caught.
func TestDevelopmentSetFloor(t *testing.T) {
	rows, err := Run(loadAll(t))
	if err != nil {
		t.Fatal(err)
	}
	var dev []Row
	for _, r := range rows {
		if r.Set == "development" {
			dev = append(dev, r)
		}
	}
	m := Total(dev).Measures()
	if m.F1 < 0.70 || m.SpeakerAccuracy < 0.85 || m.QuoteRecall < 0.70 {
		t.Errorf("development set: statement F1 %.2f, speaker accuracy %.2f, QUOTE recall %.2f", m.F1, m.SpeakerAccuracy, m.QuoteRecall)
	}
}

func loadAll(t *testing.T) []Gold {
	t.Helper()
	docs, err := seed.Documents()
	if err != nil {
		t.Fatal(err)
	}
	var golds []Gold
	for _, d := range docs {
		golds = append(golds, Gold{Name: d.Source.ID, Set: "seed", Doc: d})
	}
	dev, err := LoadDir("../testdata/gold", "development")
	if err != nil {
		t.Fatal(err)
	}
	if len(dev) < 5 {
		t.Fatalf("%d development reports, want at least 5", len(dev))
	}
	return append(golds, dev...)
}

// A scorer that matched anything would make the figures meaningless: a
// draft of nothing scores zero, and the gold scored against itself is
// perfect.
func TestScoreBounds(t *testing.T) {
	golds := loadAll(t)
	g := golds[0].Doc
	self := Score(g, g, nil).Measures()
	if self.F1 != 1 || self.SpeakerAccuracy != 1 || self.AboutF1 != 1 || self.RoleRecall != 1 || self.EntityRecall != 1 || self.DateAccuracy != 1 {
		t.Errorf("gold against itself: %+v", self)
	}
	empty := *g
	empty.Statements, empty.Roles, empty.Entities = nil, nil, nil
	none := Score(&empty, g, nil).Measures()
	if none.Recall != 0 || none.RoleRecall != 0 || none.EntityRecall != 0 {
		t.Errorf("empty draft: %+v", none)
	}
	// The same statements with every speaker swapped match nothing.
	swapped := *g
	swapped.Statements = append(swapped.Statements[:0:0], g.Statements...)
	for i := range swapped.Statements {
		swapped.Statements[i].SpeakerID = g.Statements[(i+1)%len(g.Statements)].SpeakerID
		if swapped.Statements[i].SpeakerID == g.Statements[i].SpeakerID {
			swapped.Statements[i].SpeakerID = "person:nobody"
		}
	}
	if m := Score(&swapped, g, nil).Measures(); m.Recall > 0.2 || m.SpeakerAccuracy > 0.2 {
		t.Errorf("speakers swapped: recall %.2f, speaker accuracy %.2f", m.Recall, m.SpeakerAccuracy)
	}
}
