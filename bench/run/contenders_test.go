package main

import (
	"reflect"
	"testing"
)

func TestSelectQueries(t *testing.T) {
	got, err := selectQueries(" q7, Q6 ")
	if err != nil || !reflect.DeepEqual(got, []string{"Q6", "Q7"}) {
		t.Errorf("selectQueries = %v, %v; want [Q6 Q7] in queryNames' order", got, err)
	}
	if all, _ := selectQueries(""); !reflect.DeepEqual(all, queryNames) {
		t.Errorf("selectQueries(\"\") = %v, want every query", all)
	}
	if _, err := selectQueries("Q6,Q9"); err == nil {
		t.Error("selectQueries accepted Q9")
	}
}

func TestMonthRange(t *testing.T) {
	for key, want := range map[string][2]string{"2024-02": {"2024-02-01", "2024-02-29"}, "2023-12": {"2023-12-01", "2023-12-31"}} {
		from, to, ok := monthRange(key)
		if !ok || from != want[0] || to != want[1] {
			t.Errorf("monthRange(%q) = %s %s %v, want %v", key, from, to, ok, want)
		}
	}
	if _, _, ok := monthRange("undated"); ok {
		t.Error("monthRange accepted undated")
	}
}

func st(speaker string, about ...string) peerStatement {
	s := peerStatement{Speaker: map[string]any{"id": speaker, "name": "N" + speaker}}
	for _, a := range about {
		s.About = append(s.About, map[string]any{"id": a})
	}
	return s
}

func TestSpeakerCounts(t *testing.T) {
	got := speakerCounts([]peerStatement{st("b"), st("a"), st("c"), st("c"), st("b")}, 2)
	want := []speakerCount{{"b", "Nb", 2}, {"c", "Nc", 2}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("speakerCounts = %v, want %v (largest first, ties by id, the first 2)", got, want)
	}
}

func TestNetworkEdges(t *testing.T) {
	got := networkEdges([]peerStatement{st("b", "x", "y"), st("a", "y"), st("b", "x", "x"), st("a", "y")}, 2)
	var pairs []string
	for _, e := range got {
		pairs = append(pairs, e.From["id"].(string)+">"+e.To["id"].(string)+":"+string(rune('0'+e.Count)))
	}
	// a>y 2 and b>x 2 (a target named twice in one statement counts once),
	// ties by the speaker's id; b>y 1 is cut.
	if want := []string{"a>y:2", "b>x:2"}; !reflect.DeepEqual(pairs, want) {
		t.Errorf("networkEdges = %v, want %v", pairs, want)
	}
}
