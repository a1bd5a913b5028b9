package floor

import (
	"encoding/json"
	"testing"
)

func TestNetworkDegrees(t *testing.T) {
	e := func(from, to string, n int64) Edge {
		return Edge{From: map[string]any{"id": from}, To: map[string]any{"id": to}, Count: n}
	}
	got := Network([]Edge{e("a", "x", 3), e("b", "x", 2), e("b", "b", 2), e("a", "y", 1)})
	nodes, _ := json.Marshal(got["nodes"])
	// x 5, a 4, b 4 (its self-loop counts once), y 1; ties by id.
	want := `[{"degree":5,"node":{"id":"x"}},{"degree":4,"node":{"id":"a"}},{"degree":4,"node":{"id":"b"}},{"degree":1,"node":{"id":"y"}}]`
	if string(nodes) != want {
		t.Errorf("nodes = %s, want %s", nodes, want)
	}
	if edges := got["edges"].([]any); len(edges) != 4 {
		t.Errorf("%d edges, want 4", len(edges))
	}
}

func TestPlanQ6Q7(t *testing.T) {
	name, p, ok := Plan("/q7", map[string][]string{"topic": {"topic:oil"}, "from": {"2024-04-01"}, "to": {"2024-04-30"}})
	if !ok || name != "q7" || p["topic"] != "topic:oil" || p["from"] != "2024-04-01" || p["to"] != "2024-04-30" {
		t.Errorf("Plan(/q7) = %q %v %v", name, p, ok)
	}
	if name, p, ok := Plan("/q6", map[string][]string{"id": {"person:p000001"}}); !ok || name != "q6" || p["id"] != "person:p000001" {
		t.Errorf("Plan(/q6) = %q %v %v", name, p, ok)
	}
	for _, n := range []string{"q6", "q7"} {
		if Cypher(n) == "" {
			t.Errorf("no %s.cypher", n)
		}
	}
}
