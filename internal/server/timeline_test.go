package server

import (
	"slices"
	"testing"

	"newsgraph/internal/kg"
)

func TestTimelineOrder(t *testing.T) {
	s := newTestServer(t)
	type entry struct {
		Date     *string
		Relation string
		Node     struct {
			Typename string `json:"__typename"`
			ID       string
		}
	}
	var got struct {
		Trump struct{ Timeline []entry }
		Topic struct{ Timeline []entry }
	}
	s.post(t, `{ trump: entity(id: "person:donald-trump") { timeline { date relation node { __typename id } } }
	  topic: node(id: "topic:security-guarantees") { ... on Topic { timeline { date relation node { __typename id } } } } }`, nil).data(t, &got)
	for name, tl := range map[string][]entry{"Trump": got.Trump.Timeline, "topic": got.Topic.Timeline} {
		if len(tl) < 5 {
			t.Fatalf("%s timeline has %d entries", name, len(tl))
		}
		undated := false
		for i, e := range tl {
			if e.Date == nil {
				undated = true
				continue
			}
			if undated {
				t.Errorf("%s: dated entry %s after an undated one", name, e.Node.ID)
			}
			if i == 0 || tl[i-1].Date == nil {
				continue
			}
			prev, cur := kg.Date(*tl[i-1].Date), kg.Date(*e.Date)
			// Oldest first; a partial date sits at the start of its period,
			// before the days in it.
			if prev.Start() > cur.Start() || (prev.Start() == cur.Start() && len(prev) > len(cur)) {
				t.Errorf("%s: %s (%s) before %s (%s)", name, tl[i-1].Node.ID, prev, e.Node.ID, cur)
			}
		}
	}
	tl := got.Trump.Timeline
	if tl[0].Node.ID != "event:2025-08-alaska-meeting" || tl[0].Relation != "PARTICIPATED" {
		t.Errorf("Trump's timeline starts with %+v, want the Alaska meeting", tl[0])
	}
	var rels []string
	for _, e := range tl {
		if !slices.Contains(rels, e.Relation) {
			rels = append(rels, e.Relation)
		}
	}
	slices.Sort(rels)
	if !slices.Equal(rels, []string{"MENTIONED", "PARTICIPATED", "SAID"}) {
		t.Errorf("Trump's timeline relations %v", rels)
	}
	// A month-only date comes before the days of that month.
	i := slices.IndexFunc(tl, func(e entry) bool { return e.Date != nil && *e.Date == "2025-09" })
	j := slices.IndexFunc(tl, func(e entry) bool { return e.Date != nil && *e.Date == "2025-09-03" })
	if i < 0 || j < 0 || i > j {
		t.Errorf("2025-09 at %d, 2025-09-03 at %d", i, j)
	}
}
