package main

import (
	"reflect"
	"testing"

	"newsgraph/bench/workload"
)

func TestSelectQueries(t *testing.T) {
	got, err := selectQueries(" q7, Q6 ")
	if err != nil || !reflect.DeepEqual(got, []string{"Q6", "Q7"}) {
		t.Errorf("selectQueries = %v, %v; want [Q6 Q7] in workload.Names' order", got, err)
	}
	if all, _ := selectQueries(""); !reflect.DeepEqual(all, workload.Names) {
		t.Errorf("selectQueries(\"\") = %v, want every query", all)
	}
	if _, err := selectQueries("Q6,Q9"); err == nil {
		t.Error("selectQueries accepted Q9")
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
